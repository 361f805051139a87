package org.modsvc.switcher.fs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Any path string, under any arrangement of symlinks inside a root (absolute, relative, climbing
 * above the root, pointing at a directory outside it, looping), either resolves to a place inside
 * the root or is refused. "Inside" is checked on disk: the deepest existing directory of the
 * result, with every link resolved by the kernel, lies below the root.
 *
 * <p>Cases come from a fixed seed ({@code -Dmodsvc.property.seed=N}; {@code
 * -Dmodsvc.property.tries=N} for more), so a failure names its case and reproduces.
 */
class RootPrefixPropertyTest {
  private static final long SEED = Long.getLong("modsvc.property.seed", 17L);
  private static final List<String> NAMES =
      List.of("etc", "systemd", "var", "a", "b", "l1", "l2", "l3");
  private static final List<String> ODD = List.of("", ".", "..", "x\0y");
  private static final List<String> STEPS =
      List.of("etc", "a", "l1", "l2", "..", ".", "", "outside");
  private static final List<String> TARGETS =
      List.of(
          "..",
          "../..",
          "../../../..",
          "/",
          "/etc",
          "OUTSIDE",
          "../../outside",
          "../../../../outside",
          "l1",
          "/l2/l3");

  private final Random random = new Random(SEED);

  private <T> T pick(List<T> from) {
    return from.get(random.nextInt(from.size()));
  }

  private String anyString(int maxLength) {
    StringBuilder sb = new StringBuilder();
    for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
      sb.append(
          random.nextInt(4) == 0
              ? (char) random.nextInt(0x3000)
              : (char) (' ' + random.nextInt(95)));
    }
    return sb.toString();
  }

  private String joined(List<String> from, int min, int max) {
    List<String> parts = new ArrayList<>();
    for (int i = min + random.nextInt(max - min + 1); i > 0; i--) parts.add(pick(from));
    return String.join("/", parts);
  }

  private String pathString() {
    List<String> components = new ArrayList<>();
    for (int i = random.nextInt(9); i > 0; i--) {
      int kind = random.nextInt(3);
      components.add(kind == 0 ? pick(NAMES) : kind == 1 ? pick(ODD) : anyString(6));
    }
    return "/" + String.join("/", components);
  }

  /** Where a link goes, and what it points at. */
  private record Link(String where, String target) {}

  private List<Link> links() {
    List<Link> links = new ArrayList<>();
    for (int i = random.nextInt(7); i > 0; i--) {
      String target;
      do {
        int kind = random.nextInt(3);
        target = kind == 0 ? joined(NAMES, 1, 3) : kind == 1 ? pick(TARGETS) : joined(STEPS, 1, 5);
      } while (target.isEmpty());
      links.add(new Link(joined(NAMES, 1, 3), target));
    }
    return links;
  }

  @Test
  void anyPath_resolvesInsideTheRootOrIsRefused() throws IOException {
    int tries = Integer.getInteger("modsvc.property.tries", 1000);
    for (int i = 0; i < tries; i++) {
      String path = pathString();
      List<Link> links = links();
      check(
          path,
          links,
          "case "
              + i
              + " (seed "
              + SEED
              + "): path "
              + path.replace("\0", "\\0")
              + ", links "
              + links);
    }
  }

  private static void check(String path, List<Link> links, String context) throws IOException {
    Path top = Files.createTempDirectory("rootprefix");
    try {
      Path outside = Files.createDirectory(top.resolve("outside"));
      Path root = Files.createDirectory(top.resolve("root"));
      Files.createDirectories(root.resolve("etc/systemd"));
      for (Link l : links) {
        Path at = root.resolve(l.where());
        try {
          Files.createDirectories(at.getParent());
          // OUTSIDE: the absolute path of a real directory beside the root, as a hostile image
          // would hold
          Files.createSymbolicLink(
              at, Path.of(l.target().equals("OUTSIDE") ? outside.toString() : l.target()));
        } catch (IOException taken) {
          // an earlier link or directory holds that place (or a link on the way leads nowhere):
          // skip it
        }
      }
      HostPath host;
      try {
        host = HostPath.of(path);
      } catch (IllegalArgumentException refused) {
        return;
      }
      RootPrefix prefix = new RootPrefix(root);
      try {
        assertInside(root, prefix.directory(host), context);
        Path entry = prefix.entry(host);
        assertInside(root, entry.equals(root) ? root : entry.getParent(), context);
      } catch (FileSystemException refused) {
        assertTrue(
            refused.getMessage().contains("Too many levels of symbolic links"),
            context + ": " + refused);
      }
    } finally {
      FileTrees.delete(top);
    }
  }

  private static void assertInside(Path root, Path resolved, String context) throws IOException {
    assertTrue(
        resolved.normalize().startsWith(root),
        context + ": " + resolved + " is lexically outside " + root);
    Path existing = resolved;
    while (!Files.exists(
        existing)) { // following links, as the kernel will when something is created there
      existing = existing.getParent();
    }
    Path real = existing.toRealPath();
    assertTrue(
        real.startsWith(root.toRealPath()),
        context + ": " + resolved + " is really " + real + ", outside " + root);
  }
}
