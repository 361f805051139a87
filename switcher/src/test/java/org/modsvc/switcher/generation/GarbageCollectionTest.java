package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.generation.Fixture.state;
import static org.modsvc.switcher.generation.Fixture.unit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void gc_refusesToKeepNothing() {
    Fixture f = new Fixture(root);
    assertThrows(IllegalArgumentException.class, () -> gc(f, 0));
  }
}
