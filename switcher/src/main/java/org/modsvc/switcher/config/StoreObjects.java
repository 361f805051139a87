package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modsvc.nix.store.StoreObject;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.store.Store;
import org.modsvc.switcher.store.StoreContent;
import org.modsvc.switcher.store.StorePath;

/**
 * Writes what an evaluation added to its in-memory store into the agent's store on disk, at the
 * store paths the evaluation computed (the configuration's text names them). Derivation files are
 * skipped: nothing here builds.
 */
final class StoreObjects {
  private StoreObjects() {}

  /**
   * Writes the objects the generation's files name (found by scanning their text and link targets,
   * as Nix scans for references), with everything those reference in turn. Objects nothing live
   * needs, such as the copies of our own lib and modules every evaluation makes, stay in memory.
   */
  static void writeNeeded(List<StoreObject> objects, Store store, DesiredState state)
      throws IOException {
    Deque<StorePath> todo = new ArrayDeque<>();
    for (DesiredFile f : state.files().values()) {
      todo.addAll(
          store.namedIn(
              f instanceof DesiredFile.Regular r
                  ? new String(r.bytes(), StandardCharsets.UTF_8)
                  : ((DesiredFile.Symlink) f).target()));
    }
    writeClosure(objects, store, todo);
  }

  /**
   * Writes the objects {@code todo} names, with everything they reference in turn (text files their
   * recorded references; copied and built trees the store paths their files and links name).
   */
  static void writeClosure(List<StoreObject> objects, Store store, Deque<StorePath> todo)
      throws IOException {
    String prefix = store.dir().toString() + "/";
    Map<StorePath, StoreObject> byEntry = new HashMap<>();
    for (StoreObject o : objects)
      byEntry.put(StorePath.parse(o.storePath().substring(prefix.length())), o);
    Set<StorePath> done = new HashSet<>();
    while (!todo.isEmpty()) {
      StorePath entry = todo.pop();
      if (!done.add(entry)) continue;
      StoreObject o = byEntry.get(entry);
      if (o == null || o instanceof StoreObject.DerivationFile) continue;
      StoreContent content = content(o);
      if (o instanceof StoreObject.TextFile t) {
        for (String ref : t.references()) todo.addAll(store.namedIn(ref));
      } else {
        named(content, store, todo);
      }
      store.put(entry, content);
    }
  }

  /**
   * Adds the store paths named in every file (its bytes as ISO-8859-1, so any byte survives; files
   * copied from disk are scanned streamed) and every link target of a tree.
   */
  private static void named(StoreContent c, Store store, Deque<StorePath> out) throws IOException {
    if (c instanceof StoreContent.File f) {
      out.addAll(store.namedIn(new String(f.bytes(), StandardCharsets.ISO_8859_1)));
    } else if (c instanceof StoreContent.Copy copy) {
      out.addAll(store.namedInFile(copy.source()));
    } else if (c instanceof StoreContent.Symlink l) {
      out.addAll(store.namedIn(l.target()));
    } else {
      for (StoreContent child : ((StoreContent.Directory) c).entries().values())
        named(child, store, out);
    }
  }

  static StoreContent content(StoreObject o) throws IOException {
    if (o instanceof StoreObject.TextFile t) {
      StoreContent file =
          new StoreContent.File(t.text().getBytes(StandardCharsets.UTF_8), t.executable());
      if (t.destination().isEmpty()) return file;
      String[] parts = t.destination().split("/");
      StoreContent c = file;
      for (int i = parts.length - 1; i >= 0; i--)
        c = new StoreContent.Directory(java.util.Map.of(parts[i], c));
      return c;
    }
    if (o instanceof StoreObject.LinkFarm farm) return linkFarm(farm);
    StoreObject.CopiedPath p = (StoreObject.CopiedPath) o;
    if (!p.recursive()) return new StoreContent.Copy(p.source(), false);
    return StoreContent.copyOf(p.source(), p.included());
  }

  /**
   * The farm's links and files as one directory tree (the evaluation checked that no entry lies
   * inside another).
   */
  private static StoreContent linkFarm(StoreObject.LinkFarm farm) {
    Map<String, Object> root = new java.util.TreeMap<>();
    farm.links().forEach((path, target) -> place(root, path, new StoreContent.Symlink(target)));
    farm.files().forEach((path, text) -> place(root, path, StoreContent.text(text)));
    return directory(root);
  }

  @SuppressWarnings("unchecked")
  private static void place(Map<String, Object> dir, String path, StoreContent leaf) {
    String[] parts = path.split("/");
    Map<String, Object> d = dir;
    for (int i = 0; i < parts.length - 1; i++) {
      d =
          (Map<String, Object>)
              d.computeIfAbsent(parts[i], k -> new java.util.TreeMap<String, Object>());
    }
    d.put(parts[parts.length - 1], leaf);
  }

  @SuppressWarnings("unchecked")
  private static StoreContent directory(Map<String, Object> dir) {
    Map<String, StoreContent> entries = new java.util.TreeMap<>();
    dir.forEach(
        (name, child) ->
            entries.put(
                name,
                child instanceof StoreContent c ? c : directory((Map<String, Object>) child)));
    return new StoreContent.Directory(entries);
  }
}
