package org.modsvc.nix.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Nix ARchive serialisation of a file system tree, byte-for-byte as {@code nix-store --dump} writes
 * it, streamed into an {@link OutputStream} (usually a digest) so big files are never held in
 * memory.
 *
 * <p>Format: every token is a string framed as a little-endian 64-bit length followed by the bytes
 * and zero padding to a multiple of 8. The archive is {@code "nix-archive-1"} then one node: {@code
 * ( type regular [executable ""] contents <data> )}, {@code ( type symlink target <t> )} or {@code
 * ( type directory { entry ( name <n> node <node> ) }* )} with entries sorted by the bytes of their
 * names. Only the owner-execute bit is recorded; ownership, times and other modes are not. Symlinks
 * are never followed.
 */
public final class Nar {
  /**
   * Filter deciding whether a child entry goes into the archive ({@code builtins.path { filter }}).
   */
  @FunctionalInterface
  public interface PathFilter {
    /**
     * @param path the entry's path (the root itself is never offered, as in Nix)
     * @param type {@code "regular"}, {@code "directory"}, {@code "symlink"} or {@code "unknown"}
     * @return whether to include it; excluding a directory excludes its whole subtree
     */
    boolean accept(Path path, String type);

    PathFilter ALL = (p, t) -> true;
  }

  private static final int BUFFER = 64 * 1024;

  private final OutputStream out;
  private final PathFilter filter;
  private final byte[] lengthBuf = new byte[8];

  private Nar(OutputStream out, PathFilter filter) {
    this.out = out;
    this.filter = filter == null ? PathFilter.ALL : filter;
  }

  /** Writes the NAR of {@code root} to {@code out} (not closed). */
  public static void dump(Path root, OutputStream out, PathFilter filter) throws IOException {
    Nar nar = new Nar(out, filter);
    nar.str("nix-archive-1");
    nar.node(root);
  }

  /** Hash of the NAR of {@code root}: the "recursive" content hash of {@code builtins.path}. */
  public static Hash hash(Path root, HashAlgo algo, PathFilter filter) throws IOException {
    MessageDigest md = algo.newDigest();
    try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
      dump(root, sink, filter);
    }
    return new Hash(algo, md.digest());
  }

  /**
   * Hash of the NAR of a tree held in memory: one regular file ({@code executable} sets its flag),
   * at the root when {@code destination} is empty, otherwise at that relative path ({@code
   * bin/tool}) inside directories that hold nothing else. This is the tree {@code
   * pkgs.writeTextFile} builds, so its hash is what {@code nix-store --add} of the same tree would
   * compute.
   */
  public static Hash hashSingleFile(
      String destination, byte[] contents, boolean executable, HashAlgo algo) {
    MessageDigest md = algo.newDigest();
    try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), md)) {
      Nar nar = new Nar(sink, null);
      nar.str("nix-archive-1");
      String[] dirs = destination.isEmpty() ? new String[0] : destination.split("/");
      for (String name : dirs) {
        nar.str("(");
        nar.str("type");
        nar.str("directory");
        nar.str("entry");
        nar.str("(");
        nar.str("name");
        nar.str(name);
        nar.str("node");
      }
      nar.str("(");
      nar.str("type");
      nar.str("regular");
      if (executable) {
        nar.str("executable");
        nar.str("");
      }
      nar.str("contents");
      nar.bytes(contents);
      nar.str(")");
      for (int i = 0; i < dirs.length; i++) {
        nar.str(")");
        nar.str(")");
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a digest stream does not fail
    }
    return new Hash(algo, md.digest());
  }

  /**
   * Hash of the NAR of a tree held in memory: symbolic links ({@code links}, relative path to
   * target) and non-executable text files ({@code files}), in directories that hold nothing else.
   * The caller guarantees no path lies inside another.
   */
  public static Hash hashTree(
      java.util.SortedMap<String, String> links,
      java.util.SortedMap<String, String> files,
      HashAlgo algo) {
    java.util.TreeMap<String, Object> root = new java.util.TreeMap<>();
    links.forEach((path, target) -> place(root, path, new LinkTarget(target)));
    files.forEach((path, text) -> place(root, path, text.getBytes(StandardCharsets.UTF_8)));
    MessageDigest md = algo.newDigest();
    // Buffered: a tree of thousands of links is written in pieces of a few bytes each.
    try (OutputStream sink =
        new java.io.BufferedOutputStream(
            new DigestOutputStream(OutputStream.nullOutputStream(), md), BUFFER)) {
      Nar nar = new Nar(sink, null);
      nar.str("nix-archive-1");
      nar.memoryNode(root);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // a digest stream does not fail
    }
    return new Hash(algo, md.digest());
  }

  private record LinkTarget(String target) {}

  @SuppressWarnings("unchecked")
  private static void place(java.util.TreeMap<String, Object> dir, String path, Object leaf) {
    String[] parts = path.split("/");
    java.util.TreeMap<String, Object> d = dir;
    for (int i = 0; i < parts.length - 1; i++) {
      d =
          (java.util.TreeMap<String, Object>)
              d.computeIfAbsent(parts[i], k -> new java.util.TreeMap<String, Object>());
    }
    d.put(parts[parts.length - 1], leaf);
  }

  @SuppressWarnings("unchecked")
  private void memoryNode(Object node) throws IOException {
    str("(");
    str("type");
    if (node instanceof LinkTarget l) {
      str("symlink");
      str("target");
      str(l.target());
    } else if (node instanceof byte[] b) {
      str("regular");
      str("contents");
      bytes(b);
    } else {
      str("directory");
      List<Map.Entry<byte[], Object>> entries = new ArrayList<>();
      for (Map.Entry<String, Object> e : ((java.util.TreeMap<String, Object>) node).entrySet()) {
        entries.add(Map.entry(e.getKey().getBytes(StandardCharsets.UTF_8), e.getValue()));
      }
      entries.sort((a, b) -> java.util.Arrays.compareUnsigned(a.getKey(), b.getKey()));
      for (Map.Entry<byte[], Object> e : entries) {
        str("entry");
        str("(");
        str("name");
        bytes(e.getKey());
        str("node");
        memoryNode(e.getValue());
        str(")");
      }
    }
    str(")");
  }

  /**
   * The type name Nix passes to path filters for {@code path}, without following a final symlink:
   * {@code "regular"}, {@code "directory"}, {@code "symlink"} or {@code "unknown"}.
   */
  public static String fileType(Path path) throws IOException {
    return typeOf(Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
  }

  private static String typeOf(BasicFileAttributes a) {
    if (a.isSymbolicLink()) {
      return "symlink";
    }
    if (a.isDirectory()) {
      return "directory";
    }
    if (a.isRegularFile()) {
      return "regular";
    }
    return "unknown";
  }

  private void node(Path path) throws IOException {
    BasicFileAttributes attrs =
        Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    str("(");
    switch (typeOf(attrs)) {
      case "regular":
        str("type");
        str("regular");
        if (isOwnerExecutable(path)) {
          str("executable");
          str("");
        }
        str("contents");
        contents(path, attrs.size());
        break;
      case "symlink":
        str("type");
        str("symlink");
        str("target");
        str(Files.readSymbolicLink(path).toString());
        break;
      case "directory":
        str("type");
        str("directory");
        for (Entry e : sortedEntries(path)) {
          if (!filter.accept(e.path, fileType(e.path))) {
            continue;
          }
          str("entry");
          str("(");
          str("name");
          bytes(e.name);
          str("node");
          node(e.path);
          str(")");
        }
        break;
      default:
        throw new StoreException("file '" + path + "' has an unsupported type");
    }
    str(")");
  }

  private record Entry(byte[] name, Path path) {}

  /** Directory entries in the order of their names' bytes (Nix keeps them in a std::map). */
  private static List<Entry> sortedEntries(Path dir) throws IOException {
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        entries.add(new Entry(p.getFileName().toString().getBytes(StandardCharsets.UTF_8), p));
      }
    }
    entries.sort((a, b) -> java.util.Arrays.compareUnsigned(a.name, b.name));
    return entries;
  }

  private static boolean isOwnerExecutable(Path path) throws IOException {
    try {
      PosixFileAttributes posix =
          Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return posix.permissions().contains(PosixFilePermission.OWNER_EXECUTE);
    } catch (UnsupportedOperationException e) {
      return Files.isExecutable(path);
    }
  }

  /**
   * Refuses to follow a link swapped in since the type check; file systems without links (the jar)
   * lack the option.
   */
  private static InputStream openRegularFile(Path path) throws IOException {
    try {
      return Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS);
    } catch (UnsupportedOperationException e) {
      return Files.newInputStream(path);
    }
  }

  private void contents(Path path, long size) throws IOException {
    length(size);
    long written = 0;
    byte[] buf = new byte[(int) Math.min(BUFFER, Math.max(size, 1))];
    try (InputStream in = openRegularFile(path)) {
      int n;
      while (written < size
          && (n = in.read(buf, 0, (int) Math.min(buf.length, size - written))) > 0) {
        out.write(buf, 0, n);
        written += n;
      }
    }
    if (written != size) {
      // The length prefix is already out; a file that shrank underneath us cannot be archived.
      throw new StoreException("file '" + path + "' changed size while being archived");
    }
    pad(size);
  }

  private void str(String s) throws IOException {
    bytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private void bytes(byte[] b) throws IOException {
    length(b.length);
    out.write(b);
    pad(b.length);
  }

  private void length(long n) throws IOException {
    for (int i = 0; i < 8; i++) {
      lengthBuf[i] = (byte) (n >>> (8 * i));
    }
    out.write(lengthBuf);
  }

  private void pad(long n) throws IOException {
    int rem = (int) (n % 8);
    if (rem != 0) {
      out.write(new byte[8 - rem]);
    }
  }
}
