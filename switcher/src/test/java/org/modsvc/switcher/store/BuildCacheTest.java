package org.modsvc.switcher.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {
  @TempDir Path dir;

  @Test
  void aRememberedOutputIsFoundByItsKey_untilItIsGone() throws IOException {
    BuildCache cache = new BuildCache(dir);
    assertEquals(Optional.empty(), cache.lookup("k1"), "nothing cached yet");
    StorePath out = cache.outputs().add("hello", StoreContent.text("hello\n"));
    cache.remember("k1", out);
    assertEquals(Optional.of(out), cache.lookup("k1"));
    cache.outputs().delete(out);
    assertEquals(Optional.empty(), cache.lookup("k1"), "a key naming a deleted output finds none");
  }

  @Test
  void aKeyThatIsNotAFileOrNamesNoEntryFindsNothing() throws IOException {
    BuildCache cache = new BuildCache(dir);
    Files.createDirectories(dir.resolve("keys/dir"));
    Files.writeString(dir.resolve("keys/junk"), "not a store path\n");
    StorePath out = cache.outputs().add("hello", StoreContent.text("hello\n"));
    cache.remember("target", out);
    Files.createSymbolicLink(dir.resolve("keys/link"), dir.resolve("keys/target"));
    assertEquals(Optional.empty(), cache.lookup("dir"));
    assertEquals(Optional.empty(), cache.lookup("junk"));
    assertEquals(Optional.empty(), cache.lookup("link"), "a link is not followed");
    assertEquals(Optional.of(out), cache.lookup("target"));
  }

  @Test
  void forgetting_keepsWhatIsInUse_deletesTheRestTheirKeysAndDanglingKeys() throws IOException {
    BuildCache cache = new BuildCache(dir);
    StorePath kept = cache.outputs().add("a", StoreContent.text("kept\n"));
    StorePath gone = cache.outputs().add("b", StoreContent.text("gone!\n"));
    cache.remember("k-kept", kept);
    cache.remember("k-gone", gone);
    Files.writeString(dir.resolve("keys/k-junk"), "junk");
    Path half = Files.writeString(dir.resolve("outputs/.tmp-abc-c-1"), "half");

    BuildCache.Forgotten f = cache.forgetAllBut(Set.of(kept), Instant.now().plusSeconds(60));

    assertEquals(List.of(gone), f.outputs());
    assertEquals("gone!\n".length(), f.bytes());
    assertEquals(2, f.keys(), "the key of the deleted output and the one naming nothing");
    assertEquals(Optional.of(kept), cache.lookup("k-kept"));
    assertFalse(cache.outputs().contains(gone));
    assertFalse(Files.exists(dir.resolve("keys/k-gone")));
    assertFalse(Files.exists(dir.resolve("keys/k-junk")));
    assertFalse(Files.exists(half), "a temporary of an interrupted put");
    assertTrue(Files.exists(dir.resolve("keys/k-kept")));
  }

  @Test
  void anOutputAskedForSinceTheCutOffStays_andLookingItUpMarksIt() throws IOException {
    BuildCache cache = new BuildCache(dir);
    StorePath out = cache.outputs().add("check", StoreContent.text(""));
    cache.remember("k", out);
    Path keyFile = dir.resolve("keys/k");
    Files.setLastModifiedTime(keyFile, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    Instant cutOff = Instant.now().minus(BuildCache.KEPT_UNUSED);
    assertEquals(Optional.of(out), cache.lookup("k"));
    assertTrue(
        !Files.getLastModifiedTime(keyFile).toInstant().isBefore(cutOff), "marked as asked for");
    assertEquals(List.of(), cache.forgetAllBut(Set.of(), cutOff).outputs());
    Files.setLastModifiedTime(keyFile, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    assertEquals(List.of(out), cache.forgetAllBut(Set.of(), cutOff).outputs());
  }

  @Test
  void forgettingAnEmptyOrMissingCacheDoesNothing() throws IOException {
    BuildCache cache = new BuildCache(dir.resolve("never-made"));
    BuildCache.Forgotten f = cache.forgetAllBut(Set.of(), Instant.now());
    assertEquals(List.of(), f.outputs());
    assertEquals(0, f.keys());
    assertFalse(Files.exists(dir.resolve("never-made")), "nothing created");
  }
}
