package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The {@code --root} prefix, and the one place a {@link HostPath} becomes a path on this machine.
 * Symlinks met on the way are followed as if the root were {@code /} (systemd's {@code chase()}
 * with {@code CHASE_PREFIX_ROOT}): an absolute target starts again at the root and {@code ..} stops
 * there. So an image whose {@code etc/systemd/system} links to {@code /etc/systemd/system} means
 * the image's own directory, as it will when the image boots, and no link can lead a write out of
 * the root. A link loop is an error.
 *
 * <p>Without {@code --root} the prefix is {@code /} and this is plain path resolution.
 */
public record RootPrefix(Path dir) {

  /** Linux's limit of links followed in one lookup (SYMLOOP_MAX as {@code chase()} uses it). */
  static final int MAX_LINKS = 40;

  public RootPrefix {
    dir = dir.toAbsolutePath().normalize();
  }

  /**
   * Where {@code path} lives: its directories resolved inside the root, its last component as it
   * is, not followed (the caller inspects or replaces a link there itself; it is never a way out).
   */
  public Path entry(HostPath path) throws IOException {
    HostPath parent = path.parent();
    return parent == null ? dir : directory(parent).resolve(path.name());
  }

  /**
   * Where the directory {@code path} lives, every component (the last one too) resolved inside the
   * root.
   */
  public Path directory(HostPath path) throws IOException {
    return chase(path.components(), path.value());
  }

  /**
   * True when {@code p} is the root or lies below it (lexically; paths from here never hold {@code
   * ..}).
   */
  public boolean contains(Path p) {
    Path n = p.toAbsolutePath().normalize();
    return n.startsWith(dir);
  }

  private Path chase(List<String> components, String what) throws IOException {
    Deque<String> todo = new ArrayDeque<>(components);
    Path done = dir;
    int links = 0;
    boolean onDisk =
        true; // false below a missing component or a file: the rest is only named, never looked up
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        // `done` holds no link (each was replaced by its target), so its parent is the real one
        if (!done.equals(dir)) {
          done = done.getParent();
        }
        continue;
      }
      Path next = done.resolve(c);
      BasicFileAttributes attrs = onDisk ? lstat(next) : null;
      if (attrs == null || !attrs.isSymbolicLink()) {
        onDisk = attrs != null && attrs.isDirectory();
        done = next;
        continue;
      }
      if (++links > MAX_LINKS) {
        throw new FileSystemException(
            dir.resolve(what.substring(1)).toString(),
            null,
            "Too many levels of symbolic links (resolving " + what + " under " + dir + ")");
      }
      String target = Files.readSymbolicLink(next).toString();
      if (target.startsWith("/")) {
        done = dir;
      }
      List<String> parts = List.of(target.split("/"));
      for (int i = parts.size() - 1; i >= 0; i--) {
        todo.push(parts.get(i));
      }
    }
    return done;
  }

  private static BasicFileAttributes lstat(Path p) throws IOException {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException absent) {
      return null; // created later, as a real directory
    }
  }
}
