package org.modsvc.switcher.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.modsvc.switcher.fs.AtomicFiles;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.FileTrees;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.IoErrors;
import org.modsvc.switcher.fs.RootPrefix;

/**
 * The content-addressed store ({@code /var/lib/modsvc/store}, docs/decisions.md §4). Entries are
 * written once under a temporary name, made read-only, fsynced and renamed into place, so an entry
 * that exists is complete and never changes; adding the same content again is a no-op. Only {@link
 * #delete} (garbage collection, under the switch lock) removes entries.
 */
public final class Store {

  private static final String TEMP_PREFIX = ".tmp-";

  /** The longest store name {@link StorePath} accepts (Nix's limit). */
  private static final int LONGEST_NAME = 211;

  private final HostPath dir;
  private final RootPrefix root;
  private final Pattern reference;
  private final List<StorePath> repaired = new java.util.ArrayList<>();

  /** {@code dir} is the store as the host sees it; {@code root} the {@code --root} prefix. */
  public Store(HostPath dir, Path root) {
    this.dir = dir;
    this.root = new RootPrefix(root);
    // [0-9a-z]: our own entries use hex hashes, the evaluator's (unit files, configData) Nix's
    // base-32
    this.reference =
        Pattern.compile(Pattern.quote(dir.value() + "/") + "([0-9a-z]{32}-[A-Za-z0-9+\\-._?=]+)");
  }

  public HostPath dir() {
    return dir;
  }

  /** The host path of an entry, e.g. for a symlink target or an {@code ExecStart=} line. */
  public HostPath hostPath(StorePath entry) {
    return dir.resolve(entry.baseName());
  }

  /** Where the entry lives on this machine (under the root prefix). */
  public Path diskPath(StorePath entry) throws IOException {
    return storeDir().resolve(entry.baseName());
  }

  /** The store directory on this machine, resolved inside the root prefix. */
  private Path storeDir() throws IOException {
    return root.directory(dir);
  }

  public boolean contains(StorePath entry) throws IOException {
    return Files.exists(diskPath(entry), LinkOption.NOFOLLOW_LINKS);
  }

  /** Adds {@code content} as {@code name}; returns its store path. */
  public StorePath add(String name, StoreContent content) throws IOException {
    return put(StorePath.of(name, content), content);
  }

  /**
   * Adds {@code content} at a path the caller derived from it: the evaluator computes Nix store
   * paths (Nix's hashes, base-32) while evaluating, and unit files name those, so they are written
   * as given.
   */
  public StorePath put(StorePath entry, StoreContent content) throws IOException {
    Path target = diskPath(entry);
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!holds(target, content)) {
        // entries never change, so this one was edited by hand (behind a configData link, say):
        // the configuration's content wins, as the same bytes are what its store path stands for
        replace(entry, target, content);
        repaired.add(entry);
      }
      return entry;
    }
    Path storeDir = storeDir();
    Files.createDirectories(storeDir);
    // the hash alone, not the name: a name of 211 characters plus the prefix would exceed NAME_MAX
    Path temp = storeDir.resolve(TEMP_PREFIX + entry.hash() + "-" + random());
    try {
      try {
        write(temp, content);
      } catch (IOException e) {
        throw IoErrors.naming(target, "cannot add to the store", e);
      }
      Files.move(temp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.FileAlreadyExistsException
        | java.nio.file.DirectoryNotEmptyException raced) {
      // another writer (an evaluation running beside us) added the same content first: same bytes,
      // fine
    } finally {
      if (Files.exists(temp, LinkOption.NOFOLLOW_LINKS)) {
        FileTrees.delete(temp);
      }
    }
    AtomicFiles.fsyncDirectory(storeDir);
    return entry;
  }

  /** True when {@code target} holds exactly {@code content}, modes included. */
  private static boolean holds(Path target, StoreContent content) {
    try {
      return StoreContent.read(target).equals(content) && modesAreOurs(target);
    } catch (IOException | IllegalArgumentException unreadable) {
      return false;
    }
  }

  private static boolean modesAreOurs(Path top) throws IOException {
    boolean[] ours = {true};
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            ours[0] &=
                FileModes.toMode(Files.getPosixFilePermissions(d, LinkOption.NOFOLLOW_LINKS))
                    == 0555;
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            if (attrs.isRegularFile()) {
              int mode =
                  FileModes.toMode(Files.getPosixFilePermissions(f, LinkOption.NOFOLLOW_LINKS));
              ours[0] &= mode == 0444 || mode == 0555;
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return ours[0];
  }

  /**
   * Writes {@code content} in place of a damaged entry: the new copy is complete before the old one
   * is moved aside, so the entry is missing only between two renames (a crash there leaves it to be
   * added again).
   */
  private void replace(StorePath entry, Path target, StoreContent content) throws IOException {
    Path storeDir = storeDir();
    Path fresh = storeDir.resolve(TEMP_PREFIX + entry.hash() + "-" + random());
    Path old = storeDir.resolve(TEMP_PREFIX + entry.hash() + "-" + random());
    try {
      write(fresh, content);
      Files.move(target, old, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.move(fresh, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      AtomicFiles.fsyncDirectory(storeDir);
    } catch (IOException e) {
      throw IoErrors.naming(target, "cannot rewrite the changed store entry", e);
    } finally {
      for (Path p : List.of(fresh, old)) {
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
          FileTrees.delete(p);
        }
      }
    }
  }

  private static String random() {
    return Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
  }

  /**
   * Warnings for the entries {@link #put} found changed on disk and rewrote since the last call.
   */
  public List<String> takeRepairWarnings() {
    List<String> out =
        repaired.stream()
            .map(
                e ->
                    "store entry "
                        + hostPath(e)
                        + " had been changed on disk; rewritten with the content the configuration gives it")
            .toList();
    repaired.clear();
    return out;
  }

  /** Every complete entry in the store, sorted. */
  public Set<StorePath> list() throws IOException {
    Set<StorePath> out = new TreeSet<>();
    Path storeDir = storeDir();
    if (!Files.isDirectory(storeDir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(storeDir)) {
      s.map(p -> p.getFileName().toString())
          .filter(StorePath::looksLikeEntry)
          .forEach(n -> out.add(StorePath.parse(n)));
    }
    return out;
  }

  /** Bytes the entry occupies (file sizes; directories and links count zero). */
  public long size(StorePath entry) throws IOException {
    long[] total = {0};
    Files.walkFileTree(
        diskPath(entry),
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            if (attrs.isRegularFile()) {
              total[0] += attrs.size();
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return total[0];
  }

  /** Removes an entry (making its directories writable first, since entries are read-only). */
  public void delete(StorePath entry) throws IOException {
    Path p = diskPath(entry);
    if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      FileTrees.delete(p);
      AtomicFiles.fsyncDirectory(p.getParent());
    }
  }

  /** Leftover temporary entries of interrupted adds. */
  public Set<Path> leftovers() throws IOException {
    Set<Path> out = new TreeSet<>();
    Path storeDir = storeDir();
    if (Files.isDirectory(storeDir)) {
      try (Stream<Path> s = Files.list(storeDir)) {
        s.filter(p -> p.getFileName().toString().startsWith(TEMP_PREFIX)).forEach(out::add);
      }
    }
    return out;
  }

  public void deleteLeftover(Path temp) throws IOException {
    FileTrees.delete(temp);
  }

  /**
   * Store entries named inside {@code text} (as {@code <store>/<hash>-<name>}, the way Nix scans
   * for references); only entries present in the store count.
   */
  public Set<StorePath> referencesIn(String text) throws IOException {
    Set<StorePath> out = new TreeSet<>();
    for (StorePath p : namedIn(text)) {
      if (contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /** Every store entry {@code text} names, whether or not it is in the store yet. */
  public Set<StorePath> namedIn(String text) {
    Set<StorePath> out = new TreeSet<>();
    Matcher m = reference.matcher(text);
    while (m.find()) {
      // a reference may continue into a sub-path (…-site/index.html): the name ends at the first
      // '/'
      out.add(StorePath.parse(m.group(1)));
    }
    return out;
  }

  /**
   * {@code roots} plus every entry they reference, transitively (file contents and link targets).
   */
  public Set<StorePath> closure(Set<StorePath> roots) throws IOException {
    Set<StorePath> seen = new TreeSet<>();
    Deque<StorePath> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      StorePath p = todo.pop();
      if (!seen.add(p) || !contains(p)) {
        continue;
      }
      todo.addAll(referencesOf(diskPath(p)));
    }
    return seen;
  }

  /**
   * Every store entry named in the file texts and link targets of {@code entry}, present in the
   * store.
   */
  private Set<StorePath> referencesOf(Path entry) throws IOException {
    Set<StorePath> out = new TreeSet<>();
    Files.walkFileTree(
        entry,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            if (attrs.isSymbolicLink()) {
              out.addAll(referencesIn(Files.readSymbolicLink(file).toString()));
            } else if (attrs.isRegularFile()) {
              for (StorePath named : namedInFile(file)) {
                if (contains(named)) out.add(named);
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return out;
  }

  /**
   * {@link #namedIn} for a file, read in chunks (a store file or configData source may be larger
   * than the heap), each chunk after the end of the one before, long enough to hold any store path
   * that straddles them. ISO-8859-1 maps every byte to one char, so binary files cannot break the
   * scan.
   */
  public Set<StorePath> namedInFile(Path file) throws IOException {
    Set<StorePath> out = new TreeSet<>();
    int overlap = dir.value().length() + 1 + 32 + 1 + LONGEST_NAME;
    byte[] buf = new byte[1 << 20];
    String tail = "";
    try (java.io.InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.readNBytes(buf, 0, buf.length)) > 0) {
        String text = tail + new String(buf, 0, n, StandardCharsets.ISO_8859_1);
        out.addAll(namedIn(text));
        tail = text.substring(Math.max(0, text.length() - overlap));
      }
    }
    return out;
  }

  /**
   * Streams a regular file (links followed, as Nix's flat copies do) into a new file and syncs it.
   */
  private static void copy(Path source, Path path) throws IOException {
    if (!Files.isRegularFile(source)) {
      throw new IOException("cannot copy " + source + " into the store: not a regular file");
    }
    try (var in =
            java.nio.channels.FileChannel.open(source, java.nio.file.StandardOpenOption.READ);
        var out =
            java.nio.channels.FileChannel.open(
                path,
                java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
      long size = in.size();
      for (long done = 0; done < size; ) {
        long n = in.transferTo(done, size - done, out);
        if (n <= 0) throw new IOException(source + " shrank while being copied into the store");
        done += n;
      }
      out.force(true);
    }
  }

  private static void write(Path path, StoreContent content) throws IOException {
    if (content instanceof StoreContent.File f) {
      Files.write(path, f.bytes());
      try (var ch =
          java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE)) {
        ch.force(true);
      }
      Files.setPosixFilePermissions(path, FileModes.toPermissions(f.executable() ? 0555 : 0444));
    } else if (content instanceof StoreContent.Copy c) {
      copy(c.source(), path);
      Files.setPosixFilePermissions(path, FileModes.toPermissions(c.executable() ? 0555 : 0444));
    } else if (content instanceof StoreContent.Symlink l) {
      Files.createSymbolicLink(path, Path.of(l.target()));
    } else {
      Files.createDirectory(path);
      for (Map.Entry<String, StoreContent> e :
          ((StoreContent.Directory) content).entries().entrySet()) {
        write(path.resolve(e.getKey()), e.getValue());
      }
      AtomicFiles.fsyncDirectory(path);
      Files.setPosixFilePermissions(path, FileModes.toPermissions(0555));
    }
  }
}
