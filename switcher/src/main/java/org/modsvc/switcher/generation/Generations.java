package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.modsvc.switcher.fs.AtomicFiles;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.FileStamp;
import org.modsvc.switcher.fs.FileTrees;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.IoErrors;
import org.modsvc.switcher.fs.LiveEntry;

/**
 * The numbered generation directories: {@code <generations>/<N>/manifest.json} plus {@code
 * files/<host path>}, a copy of every regular file the generation wrote (so a later switch can diff
 * old against new unit files, as sd-switch does, and rollback can write them again), and the {@code
 * current} symlink ({@code current -> N}).
 *
 * <p>A generation directory is built under a temporary name and renamed into place, so a numbered
 * directory is always complete; it is never modified afterwards except for its manifest's ownership
 * bookkeeping.
 */
public final class Generations {

  private static final String MANIFEST = "manifest.json";
  private static final String FILES = "files";

  private final Layout layout;

  public Generations(Layout layout) {
    this.layout = layout;
  }

  private Path dir() throws IOException {
    return layout.dirOnDisk(layout.generationsDir());
  }

  public Path dirOf(int generation) throws IOException {
    return dir().resolve(Integer.toString(generation));
  }

  /** The complete generations, oldest first. */
  public List<Integer> list() throws IOException {
    List<Integer> out = new ArrayList<>();
    if (!Files.isDirectory(dir())) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir())) {
      s.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("[1-9][0-9]{0,8}"))
          .map(Integer::valueOf)
          .sorted()
          .forEach(out::add);
    }
    return out;
  }

  public int nextNumber() throws IOException {
    List<Integer> all = list();
    return all.isEmpty() ? 1 : all.get(all.size() - 1) + 1;
  }

  /**
   * The generation {@code current} points at, if any. When the link is gone (deleted by hand, or a
   * file in its place) but generations exist, the newest one whose every file the live tree still
   * holds is current: the files it owns stay owned instead of all becoming "not managed by modsvc".
   */
  public OptionalInt current() throws IOException {
    Path link = layout.onDisk(layout.currentLink());
    try {
      String target = Files.readSymbolicLink(link).toString();
      if (!target.matches("[1-9][0-9]{0,8}")) {
        throw new GenerationException(
            link + " points at '" + target + "', not a generation number");
      }
      return OptionalInt.of(Integer.parseInt(target));
    } catch (NoSuchFileException | java.nio.file.NotLinkException e) {
      return recoveredCurrent();
    }
  }

  /**
   * Puts a missing {@code current} link back where {@link #current()} found its stand-in (under the
   * switch lock).
   */
  void restoreCurrentLink() throws IOException {
    Path link = layout.onDisk(layout.currentLink());
    if (!Files.isSymbolicLink(link)) {
      OptionalInt recovered = recoveredCurrent();
      if (recovered.isPresent()) {
        setCurrent(recovered.getAsInt());
      }
    }
  }

  /**
   * The newest generation the live tree matches entirely (a missing {@code current} link's
   * stand-in).
   */
  private OptionalInt recoveredCurrent() throws IOException {
    List<Integer> all = list();
    for (int i = all.size() - 1; i >= 0; i--) {
      Manifest m;
      try {
        m = read(all.get(i));
      } catch (GenerationException damaged) {
        continue;
      }
      if (!m.entries().isEmpty() && isLive(m)) {
        return OptionalInt.of(m.generation());
      }
    }
    return OptionalInt.empty();
  }

  private boolean isLive(Manifest m) throws IOException {
    for (Map.Entry<HostPath, ManifestEntry> e : m.entries().entrySet()) {
      if (!e.getValue().matches(LiveEntry.inspect(layout.onDisk(e.getKey())))) {
        return false;
      }
    }
    return true;
  }

  /** The current generation's manifest, or {@link Manifest#empty()} before the first switch. */
  public Manifest currentManifest() throws IOException {
    OptionalInt cur = current();
    return cur.isPresent() ? read(cur.getAsInt()) : Manifest.empty();
  }

  public Manifest read(int generation) throws IOException {
    Path file = dirOf(generation).resolve(MANIFEST);
    Instant before = Instant.now();
    FileStamp stamp;
    try {
      stamp = FileStamp.of(file);
    } catch (NoSuchFileException absent) {
      stamp = null;
    }
    if (stamp == null || !stamp.isRegularFile()) {
      throw new GenerationException(
          "generation " + generation + " does not exist (no " + file + ")");
    }
    Parsed known = parsed.get(generation);
    if (known != null && known.stamp().equals(stamp)) {
      return known.manifest();
    }
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new GenerationException(file + ": invalid manifest: not UTF-8 text", e);
    }
    Manifest m = ManifestJson.parse(text, file.toString());
    if (m.generation() != generation) {
      throw new GenerationException(file + " claims to be generation " + m.generation());
    }
    if (stamp.settledAt(before)) {
      parsed.put(generation, new Parsed(stamp, m));
    }
    return m;
  }

  /**
   * A manifest as parsed, with the stamp of the file it came from. A switch reads the current and
   * the new manifest several times; the parse is reused while the file's stamp is unchanged, and
   * the stamp is trusted only when the file had settled before it was read (FileStamp), or when we
   * wrote it ourselves (under the switch lock, the state directory being ours alone).
   */
  private record Parsed(FileStamp stamp, Manifest manifest) {}

  private final Map<Integer, Parsed> parsed = new ConcurrentHashMap<>();

  /** Remembers the manifest just written at {@code file} as its content. */
  private void wrote(Path file, Manifest manifest) throws IOException {
    parsed.put(manifest.generation(), new Parsed(FileStamp.of(file), manifest));
  }

  /**
   * Bytes of the regular-file copies of the generations this process wrote last, by content hash: a
   * switch reads the current generation's copies (its unit files, to compare with the new ones),
   * and those are the bytes it wrote one switch before. Keyed by the hash the manifest records, so
   * a lookup can only give the bytes that entry names; copies are never modified once written. Kept
   * for the last {@link #COPIES_KEPT} generations written, so memory stays bounded.
   */
  private final Map<Integer, Map<String, byte[]>> copies = new LinkedHashMap<>();

  private static final int COPIES_KEPT = 2;

  private synchronized void rememberCopies(int generation, Map<String, byte[]> byHash) {
    copies.put(generation, byHash);
    while (copies.size() > COPIES_KEPT) {
      copies.remove(copies.keySet().iterator().next());
    }
  }

  private synchronized byte[] rememberedCopy(String sha256) {
    for (Map<String, byte[]> byHash : copies.values()) {
      byte[] bytes = byHash.get(sha256);
      if (bytes != null) {
        return bytes;
      }
    }
    return null;
  }

  /** The bytes generation {@code n} wrote at {@code path} (a regular-file entry). */
  public byte[] content(int generation, HostPath path) throws IOException {
    return Files.readAllBytes(path.under(dirOf(generation).resolve(FILES)));
  }

  /**
   * The directory holding generation {@code n}'s copies of {@code dir} (e.g. its unit directory).
   */
  public Path filesUnder(int generation, HostPath dir) throws IOException {
    return dir.under(dirOf(generation).resolve(FILES));
  }

  /**
   * Writes a new generation directory; its number must be unused. A copy whose bytes equal an
   * existing generation's copy of the same path (the current one, or the newest) becomes a hard
   * link to it: copies are read-only and never modified, and their data was synced when first
   * written, so only the changed files cost a data fsync. Inside the temporary directory files are
   * created in place and every directory is fsynced once before the rename that publishes the
   * generation (docs/decisions.md §4).
   */
  public void create(Manifest manifest, Map<HostPath, byte[]> contents) throws IOException {
    Path finalDir = dirOf(manifest.generation());
    if (Files.exists(finalDir, LinkOption.NOFOLLOW_LINKS)) {
      throw new GenerationException(
          "generation " + manifest.generation() + " already exists: " + finalDir);
    }
    Files.createDirectories(dir());
    List<Path> reusable = reusableFilesDirs();
    Path temp = AtomicFiles.tempSibling(finalDir);
    Files.createDirectory(temp);
    try {
      Set<Path> built = new TreeSet<>();
      for (Map.Entry<HostPath, byte[]> e : contents.entrySet()) {
        Path p = e.getKey().under(temp.resolve(FILES));
        try {
          createDirectoriesRecording(temp, p.getParent(), built);
          if (!linkedToEqualCopy(reusable, e.getKey(), e.getValue(), p)) {
            AtomicFiles.writeNew(p, e.getValue(), COPY_MODE);
          }
        } catch (IOException failed) {
          throw new GenerationException(
              "cannot write generation "
                  + manifest.generation()
                  + "'s copy of "
                  + e.getKey()
                  + " ("
                  + finalDir
                  + "): "
                  + IoErrors.reason(failed),
              failed);
        }
      }
      AtomicFiles.writeNew(
          temp.resolve(MANIFEST),
          ManifestJson.write(manifest).getBytes(StandardCharsets.UTF_8),
          0644);
      for (Path d : built) {
        AtomicFiles.fsyncDirectory(d);
      }
      AtomicFiles.fsyncDirectory(temp);
      Files.move(temp, finalDir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
        FileTrees.delete(temp);
      }
    }
    AtomicFiles.fsyncDirectory(dir());
    wrote(finalDir.resolve(MANIFEST), manifest);
    Map<String, byte[]> byHash = new HashMap<>();
    contents.forEach(
        (path, bytes) -> {
          if (manifest.entries().get(path) instanceof ManifestEntry.File f) {
            byHash.put(f.sha256(), bytes);
          }
        });
    rememberCopies(manifest.generation(), byHash);
  }

  /** Mode of a generation's copies of regular files. */
  private static final int COPY_MODE = 0444;

  /** The {@code files} directories of the generations whose copies a new one may link to. */
  private List<Path> reusableFilesDirs() throws IOException {
    Set<Integer> from = new TreeSet<>();
    try {
      String target = Files.readSymbolicLink(layout.onDisk(layout.currentLink())).toString();
      if (target.matches("[1-9][0-9]{0,8}")) from.add(Integer.parseInt(target));
    } catch (IOException | UnsupportedOperationException notALink) {
      // no current link: the newest generation alone
    }
    List<Integer> all = list();
    if (!all.isEmpty()) from.add(all.get(all.size() - 1));
    List<Path> out = new ArrayList<>();
    for (int g : from) out.add(dirOf(g).resolve(FILES));
    return out;
  }

  /**
   * Hard-links {@code copy} to an existing generation's copy of {@code path} when that is a
   * read-only regular file (never a link) holding exactly {@code bytes}; false when none fits or
   * linking fails (the caller writes the file).
   */
  private static boolean linkedToEqualCopy(
      List<Path> reusable, HostPath path, byte[] bytes, Path copy) {
    for (Path filesDir : reusable) {
      Path old = path.under(filesDir);
      try {
        java.nio.file.attribute.PosixFileAttributes a =
            Files.readAttributes(
                old, java.nio.file.attribute.PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!a.isRegularFile()
            || a.size() != bytes.length
            || !a.permissions().equals(FileModes.toPermissions(COPY_MODE))) {
          continue;
        }
        if (!java.util.Arrays.equals(Files.readAllBytes(old), bytes)) continue;
        Files.createLink(copy, old);
        return true;
      } catch (IOException | UnsupportedOperationException notReusable) {
        // absent, unreadable, or no hard links on this file system: try the next, else write
      }
    }
    return false;
  }

  /** Creates {@code dir} and its missing parents below {@code top}, recording each one created. */
  private static void createDirectoriesRecording(Path top, Path dir, Set<Path> created)
      throws IOException {
    if (dir.equals(top) || Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
    createDirectoriesRecording(top, dir.getParent(), created);
    Files.createDirectory(dir);
    created.add(dir);
  }

  /** Replaces a generation's manifest (ownership bookkeeping changed while applying it). */
  public void rewriteManifest(Manifest manifest) throws IOException {
    Path file = dirOf(manifest.generation()).resolve(MANIFEST);
    AtomicFiles.writeFile(
        file, ManifestJson.write(manifest).getBytes(StandardCharsets.UTF_8), 0644);
    wrote(file, manifest);
  }

  /** Points {@code current} at {@code generation} with one atomic rename. */
  public void setCurrent(int generation) throws IOException {
    if (!Files.isDirectory(dirOf(generation))) {
      throw new GenerationException("generation " + generation + " does not exist");
    }
    AtomicFiles.replaceSymlink(layout.onDisk(layout.currentLink()), Integer.toString(generation));
  }

  public void delete(int generation) throws IOException {
    OptionalInt cur = current();
    if (cur.isPresent() && cur.getAsInt() == generation) {
      throw new GenerationException("refusing to delete the current generation " + generation);
    }
    Path d = dirOf(generation);
    parsed.remove(generation);
    if (Files.exists(d, LinkOption.NOFOLLOW_LINKS)) {
      FileTrees.delete(d);
    }
  }

  /** Disk bytes of a generation directory (for the garbage-collection report). */
  public long size(int generation) throws IOException {
    long[] total = {0};
    Files.walkFileTree(
        dirOf(generation),
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            total[0] += attrs.size();
            return FileVisitResult.CONTINUE;
          }
        });
    return total[0];
  }

  public GenerationDiff diff(int from, int to) throws IOException {
    return GenerationDiff.between(read(from), read(to));
  }

  /** Generation {@code n}'s files as a desired state again: what rollback applies. */
  public DesiredState desiredStateOf(int generation) throws IOException {
    Manifest m = read(generation);
    TreeMap<HostPath, DesiredFile> files = new TreeMap<>();
    for (Map.Entry<HostPath, ManifestEntry> e : m.entries().entrySet()) {
      if (e.getValue() instanceof ManifestEntry.File f) {
        byte[] known = rememberedCopy(f.sha256());
        files.put(
            e.getKey(),
            new DesiredFile.Regular(
                e.getKey(), known != null ? known : content(generation, e.getKey()), f.mode()));
      } else {
        files.put(
            e.getKey(),
            new DesiredFile.Symlink(e.getKey(), ((ManifestEntry.Link) e.getValue()).target()));
      }
    }
    return new DesiredState(files, m.storeEntries(), m.metadata());
  }
}
