package org.modsvc.switcher.generation;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.generation.Fixture.state;
import static org.modsvc.switcher.generation.Fixture.unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.store.BuildCache;
import org.modsvc.switcher.store.StoreContent;
import org.modsvc.switcher.store.StorePath;

class GarbageCollectionTest {

  @TempDir Path root;

  private GcReport gc(Fixture f, int keep) throws IOException {
    try (SwitchLock lock = f.switcher.lock()) {
      return f.switcher.collectGarbage(lock, keep);
    }
  }

  @Test
  void gc_keepsLastGenerationsAndTheirStoreEntries() throws IOException {
    Fixture f = new Fixture(root);
    StorePath[] conf = new StorePath[4];
    for (int i = 0; i < 4; i++) {
      conf[i] = f.storeText("app.conf", "version " + i + "\n");
      f.switchTo(state(f.configData("app/app.conf", conf[i])));
    }
    long expectedBytes =
        f.switcher.generations().size(1)
            + f.switcher.generations().size(2)
            + 2 * "version 0\n".length();
    GcReport r = gc(f, 2);
    assertEquals(List.of(1, 2), r.generationsDeleted());
    assertEquals(List.of(conf[0], conf[1]).stream().sorted().toList(), r.storeEntriesDeleted());
    assertEquals(expectedBytes, r.bytesFreed());
    assertEquals(List.of(3, 4), f.switcher.generations().list());
    assertTrue(f.switcher.store().contains(conf[2]));
    assertTrue(f.switcher.store().contains(conf[3]));
  }

  @Test
  void gc_keepsCurrentEvenWhenOlderThanTheKeptWindow() throws IOException {
    Fixture f = new Fixture(root);
    StorePath first = f.storeText("a", "1");
    f.switchTo(state(f.configData("app/a", first)));
    f.switchTo(state(f.configData("app/a", f.storeText("a", "2"))));
    try (SwitchLock lock = f.switcher.lock()) {
      f.switcher.generations().setCurrent(1);
    }
    gc(f, 1);
    assertEquals(List.of(1, 2), f.switcher.generations().list());
    assertTrue(f.switcher.store().contains(first));
  }

  @Test
  void gc_keepsEntriesReferencedFromUnitFilesAndTheirClosure() throws IOException {
    Fixture f = new Fixture(root);
    StorePath conf = f.storeText("app.conf", "x");
    StorePath script =
        f.storeText("start.sh", "exec app " + f.switcher.store().hostPath(conf) + "\n");
    f.switchTo(
        state(
            unit(
                "app.service",
                "[Service]\nExecStart=" + f.switcher.store().hostPath(script) + "\n")));
    StorePath unused = f.storeText("unused", "y");
    GcReport r = gc(f, 10);
    assertEquals(List.of(unused), r.storeEntriesDeleted());
    assertTrue(f.switcher.store().contains(conf));
    assertFalse(f.switcher.store().contains(unused));
  }

  @Test
  void gc_removesTemporariesOfInterruptedStoreAdds() throws IOException {
    Fixture f = new Fixture(root);
    StorePath kept = f.storeText("a", "1");
    f.switchTo(state(f.configData("app/a", kept)));
    Path storeDir = f.switcher.store().diskPath(kept).getParent();
    Path halfFile = java.nio.file.Files.writeString(storeDir.resolve(".tmp-abc-a-1234"), "half");
    Path halfDir =
        java.nio.file.Files.createDirectories(storeDir.resolve(".tmp-def-tree-5678/sub"));
    halfDir.toFile().setWritable(false);
    GcReport r = gc(f, 10);
    assertEquals(2, r.leftoversDeleted());
    assertFalse(java.nio.file.Files.exists(halfFile));
    assertFalse(java.nio.file.Files.exists(storeDir.resolve(".tmp-def-tree-5678")));
    assertTrue(f.switcher.store().contains(kept));
    assertTrue(
        r.toString().endsWith("; removed 2 temporary file(s) of interrupted store adds"),
        r.toString());
  }

  /**
   * A host build's output stays cached while a kept generation references it (the store holds a
   * copy under the same name) or a build asked for it within a month (a check build's output, which
   * nothing references); one neither goes, with the key that found it, so the cache does not grow
   * with every edit of a built script.
   */
  @Test
  void gc_forgetsCachedBuildOutputsNeitherReferencedNorAskedForInAMonth() throws IOException {
    Fixture f = new Fixture(root); // its clock: 2026-11-21T10:00:00Z
    Path cacheDir = f.layout.dirOnDisk(f.layout.buildCacheDir());
    BuildCache cache = new BuildCache(cacheDir);
    StoreContent usedScript = new StoreContent.File("echo used\n".getBytes(UTF_8), true);
    StorePath used = cache.outputs().add("run", usedScript);
    StorePath check = cache.outputs().add("run-check", new StoreContent.File(new byte[0], false));
    StorePath old =
        cache.outputs().add("run", new StoreContent.File("echo old\n".getBytes(UTF_8), true));
    cache.remember("key-used", used);
    cache.remember("key-check", check);
    cache.remember("key-old", old);
    lastAsked(cacheDir, "key-used", "2026-01-01T00:00:00Z");
    lastAsked(cacheDir, "key-check", "2026-11-01T00:00:00Z");
    lastAsked(cacheDir, "key-old", "2026-10-01T00:00:00Z");
    f.switcher.store().put(used, usedScript); // what an evaluation using it copies
    f.switchTo(state(f.configData("app/run", used)));

    GcReport r = gc(f, 10);

    assertEquals(List.of(old), r.buildOutputsDeleted());
    assertEquals(Optional.of(used), cache.lookup("key-used"), "referenced by a kept generation");
    assertEquals(Optional.of(check), cache.lookup("key-check"), "asked for 20 days ago");
    assertEquals(Optional.empty(), cache.lookup("key-old"));
    assertFalse(Files.exists(cacheDir.resolve("keys/key-old")), "its key goes too");
    assertTrue(r.bytesFreed() >= "echo old\n".length(), r.toString());
    assertTrue(r.toString().contains("and 1 cached build output(s)"), r.toString());
    assertEquals(List.of(old.toString()), r.toData().get("buildOutputsDeleted"));
  }

  private static void lastAsked(Path cacheDir, String key, String when) throws IOException {
    Files.setLastModifiedTime(
        cacheDir.resolve("keys").resolve(key), FileTime.from(Instant.parse(when)));
  }

  @Test
  void gc_refusesToKeepNothing() {
    Fixture f = new Fixture(root);
    assertThrows(IllegalArgumentException.class, () -> gc(f, 0));
  }
}
