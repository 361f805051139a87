package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.modsvc.nix.eval.StoreObject;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.store.Store;
import org.modsvc.switcher.store.StoreContent;
import org.modsvc.switcher.store.StorePath;

/**
 * Writes what an evaluation added to its in-memory store into the agent's store on disk, at the store paths
 * the evaluation computed (the configuration's text names them). Derivation files are skipped: nothing here
 * builds.
 */
final class StoreObjects {
  private StoreObjects() {}

  /**
   * Writes the objects the generation's files name (found by scanning their text and link targets, as Nix
   * scans for references), with everything those reference in turn. Objects nothing live needs, such as the
   * copies of our own lib and modules every evaluation makes, stay in memory.
   */
  static void writeNeeded(List<StoreObject> objects, Store store, DesiredState state) throws IOException {
    String prefix = store.dir().toString() + "/";
    Map<String, StoreObject> byPath = new HashMap<>();
    for (StoreObject o : objects) byPath.put(o.storePath(), o);
    Pattern ref = Pattern.compile(Pattern.quote(prefix) + "[0-9a-z]{32}-[A-Za-z0-9+\\-._?=]+");
    Deque<String> todo = new ArrayDeque<>();
    for (DesiredFile f : state.files().values()) {
      String text = f instanceof DesiredFile.Regular r ? new String(r.bytes(), StandardCharsets.UTF_8)
          : ((DesiredFile.Symlink) f).target();
      Matcher m = ref.matcher(text);
      while (m.find()) todo.add(m.group());
    }
    Set<String> done = new HashSet<>();
    while (!todo.isEmpty()) {
      String p = storeEntryOf(todo.pop(), prefix);
      if (!done.add(p)) continue;
      StoreObject o = byPath.get(p);
      if (o == null || o instanceof StoreObject.DerivationFile) continue;
      if (o instanceof StoreObject.TextFile t) todo.addAll(t.references());
      store.put(StorePath.parse(p.substring(prefix.length())), content(o));
    }
  }

  /** {@code <store>/<hash>-<name>/sub/path} → {@code <store>/<hash>-<name>}. */
  private static String storeEntryOf(String path, String prefix) {
    int slash = path.indexOf('/', prefix.length());
    return slash < 0 ? path : path.substring(0, slash);
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
