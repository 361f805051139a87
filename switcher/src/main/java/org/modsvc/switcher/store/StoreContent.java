package org.modsvc.switcher.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.modsvc.switcher.fs.HostPath;

/**
 * The content of one store entry: a file, a symlink, or a directory tree of them. Immutable;
 * equality is by content, so two builders producing the same bytes produce the same store path.
 */
public sealed interface StoreContent {

  /** A regular file; {@code executable} gives mode 0555 in the store, otherwise 0444. */
  record File(byte[] bytes, boolean executable) implements StoreContent {
    public File {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof File f && f.executable == executable && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes) * 31 + Boolean.hashCode(executable);
    }

    @Override
    public String toString() {
      return "File[" + bytes.length + " bytes" + (executable ? ", executable" : "") + "]";
    }
  }

  /**
   * A regular file copied from {@code source} when the entry is written, streamed: a configData
   * source may be larger than the heap (or than a Java array). {@code executable} as for {@link
   * File}.
   */
  record Copy(Path source, boolean executable) implements StoreContent {}

  record Symlink(String target) implements StoreContent {
    public Symlink {
      if (target.isEmpty() || target.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("symlink target must be non-empty and free of NUL");
      }
    }
  }

  /** A directory; entry names are single validated path components, kept sorted. */
  record Directory(Map<String, StoreContent> entries) implements StoreContent {
    public Directory {
      TreeMap<String, StoreContent> copy = new TreeMap<>();
      entries.forEach((name, child) -> copy.put(HostPath.checkName(name), child));
      entries = Collections.unmodifiableMap(copy);
    }
  }

  static StoreContent text(String text) {
    return new File(text.getBytes(StandardCharsets.UTF_8), false);
  }

  /** Reads a file or tree from disk (no symlink followed), e.g. a module's {@code ./script.sh}. */
  static StoreContent read(Path path) throws IOException {
    return read(path, null, false);
  }

  /**
   * A file or tree on disk whose regular files are copied when the entry is written ({@link Copy}),
   * never held in memory: a module's configData source may be larger than the heap. Only the paths
   * in {@code included} below {@code path} are kept (what a {@code builtins.path} filter accepted);
   * null keeps everything.
   */
  static StoreContent copyOf(Path path, Set<Path> included) throws IOException {
    return read(path, included, true);
  }

  private static StoreContent read(Path path, Set<Path> included, boolean streamed)
      throws IOException {
    if (Files.isSymbolicLink(path)) {
      return new Symlink(Files.readSymbolicLink(path).toString());
    }
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      TreeMap<String, StoreContent> children = new TreeMap<>();
      try (Stream<Path> list = Files.list(path)) {
        for (Path child : (Iterable<Path>) list::iterator) {
          if (included == null || included.contains(child)) {
            children.put(child.getFileName().toString(), read(child, included, streamed));
          }
        }
      }
      return new Directory(children);
    }
    if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      boolean exec =
          Files.getPosixFilePermissions(path).contains(PosixFilePermission.OWNER_EXECUTE);
      return streamed ? new Copy(path, exec) : new File(Files.readAllBytes(path), exec);
    }
    throw new IOException("cannot add " + path + " to the store: not a file, directory or symlink");
  }

  /**
   * The canonical serialisation hashed into the store path. It is unambiguous (every
   * variable-length field is length-prefixed or NUL-terminated, entries are sorted), so different
   * trees never serialise alike; it is versioned by the prefix {@link StorePath#SCHEME} and must
   * never change.
   */
  default void serialise(ByteArrayOutputStream out) {
    if (this instanceof File f) {
      out.writeBytes(
          ("file\0" + (f.executable ? "x" : "-") + "\0" + f.bytes.length + "\0")
              .getBytes(StandardCharsets.UTF_8));
      out.writeBytes(f.bytes);
    } else if (this instanceof Copy c) {
      // Only our own entries (Store#add) hash their serialisation; evaluated copies come with their
      // path.
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(c.source);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      new File(bytes, c.executable).serialise(out);
    } else if (this instanceof Symlink l) {
      out.writeBytes(("link\0" + l.target + "\0").getBytes(StandardCharsets.UTF_8));
    } else {
      Directory d = (Directory) this;
      out.writeBytes(("dir\0" + d.entries.size() + "\0").getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, StoreContent> e : d.entries.entrySet()) {
        out.writeBytes((e.getKey() + "\0").getBytes(StandardCharsets.UTF_8));
        e.getValue().serialise(out);
      }
    }
  }
}
