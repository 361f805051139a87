package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    Deque<StorePath> todo = new ArrayDeque<>();
    for (DesiredFile f : state.files().values()) {
      todo.addAll(store.namedIn(f instanceof DesiredFile.Regular r ? new String(r.bytes(), StandardCharsets.UTF_8)
          : ((DesiredFile.Symlink) f).target()));
    }
    writeClosure(objects, store, todo);
  }

  /**
   * Writes the objects {@code todo} names, with everything they reference in turn (text files their recorded
   * references; copied and built trees the store paths their files and links name).
   */
  static void writeClosure(List<StoreObject> objects, Store store, Deque<StorePath> todo) throws IOException {
    String prefix = store.dir().toString() + "/";
    Map<StorePath, StoreObject> byEntry = new HashMap<>();
    for (StoreObject o : objects) byEntry.put(StorePath.parse(o.storePath().substring(prefix.length())), o);
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
        for (String text : texts(content, new ArrayList<>())) todo.addAll(store.namedIn(text));
      }
      store.put(entry, content);
    }
  }

  /** The bytes of every file (as ISO-8859-1, so any byte survives) and every link target of a tree. */
  private static List<String> texts(StoreContent c, List<String> out) {
    if (c instanceof StoreContent.File f) {
      out.add(new String(f.bytes(), StandardCharsets.ISO_8859_1));
    } else if (c instanceof StoreContent.Symlink l) {
      out.add(l.target());
    } else {
      for (StoreContent child : ((StoreContent.Directory) c).entries().values()) texts(child, out);
    }
    return out;
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
    return StoreContent.read(p.source(), p.included());
  }
}
