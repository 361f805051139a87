package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.modsvc.nix.eval.StoreObject;
import org.modsvc.switcher.store.Store;
import org.modsvc.switcher.store.StoreContent;
import org.modsvc.switcher.store.StorePath;

/**
 * Writes what an evaluation added to its in-memory store into the agent's store on disk, at the store paths
 * the evaluation computed (the configuration's text names them). Derivation files are skipped: nothing here
 * builds, and no live file can name one usefully.
 */
final class StoreObjects {
  private StoreObjects() {}

  static void writeAll(List<StoreObject> objects, Store store) throws IOException {
    String prefix = store.dir().toString() + "/";
    for (StoreObject o : objects) {
      if (o instanceof StoreObject.DerivationFile) continue;
      if (!o.storePath().startsWith(prefix)) {
        throw new IllegalStateException("store object " + o.storePath() + " is not in " + store.dir());
      }
      StorePath entry = StorePath.parse(o.storePath().substring(prefix.length()));
      store.put(entry, content(o));
    }
  }

  static StoreContent content(StoreObject o) throws IOException {
    if (o instanceof StoreObject.TextFile t) {
      StoreContent file = new StoreContent.File(t.text().getBytes(StandardCharsets.UTF_8), t.executable());
      if (t.destination().isEmpty()) return file;
      String[] parts = t.destination().split("/");
      StoreContent c = file;
      for (int i = parts.length - 1; i >= 0; i--) c = new StoreContent.Directory(java.util.Map.of(parts[i], c));
      return c;
    }
    StoreObject.CopiedPath p = (StoreObject.CopiedPath) o;
    if (!p.recursive()) return new StoreContent.File(Files.readAllBytes(p.source()), false);
    return read(p.source(), p.included());
  }

  /** A copy of {@code path}; with a filter, only the paths it kept (directories leading to them included). */
  private static StoreContent read(Path path, Set<Path> included) throws IOException {
    if (Files.isSymbolicLink(path)) return new StoreContent.Symlink(Files.readSymbolicLink(path).toString());
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      TreeMap<String, StoreContent> children = new TreeMap<>();
      try (Stream<Path> list = Files.list(path)) {
        for (Path child : (Iterable<Path>) list::iterator) {
          if (included != null && !included.contains(child)) continue;
          children.put(child.getFileName().toString(), read(child, included));
        }
      }
      return new StoreContent.Directory(children);
    }
    boolean exec = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE);
    return new StoreContent.File(Files.readAllBytes(path), exec);
  }
}
