package org.modsvc.switcher.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.HostPath;

class StoreTest {

  @TempDir Path root;

  private Store store() {
    return new Store(HostPath.of("/var/lib/modsvc/store"), root);
  }

  @Test
  void hash_isStableAcrossReleases() {
    // pinned (cross-checked with: printf 'modsvc-store-1\0app.conf\0file\0-\00010\0port = 80\n' |
    // sha256sum);
    // a change here orphans every store entry on every host
    assertEquals(
        "7b233f34d78a2411de7a674ecce1aa6b-app.conf",
        StorePath.of("app.conf", StoreContent.text("port = 80\n")).baseName());
  }

  @Test
  void hash_dependsOnNameAndExecutableBit() {
    StorePath a = StorePath.of("a", new StoreContent.File(new byte[] {1}, false));
    assertNotEquals(
        a.hash(), StorePath.of("b", new StoreContent.File(new byte[] {1}, false)).hash());
    assertNotEquals(
        a.hash(), StorePath.of("a", new StoreContent.File(new byte[] {1}, true)).hash());
  }

  @Test
  void add_writesReadOnlyFileAtContentAddressedPath() throws IOException {
    StorePath p = store().add("app.conf", StoreContent.text("port = 80\n"));
    Path disk = root.resolve("var/lib/modsvc/store/" + p.baseName());
    assertEquals("port = 80\n", Files.readString(disk));
    assertEquals(0444, FileModes.toMode(Files.getPosixFilePermissions(disk)));
  }

  @Test
  void add_writesDirectoryTreeReadOnly() throws IOException {
    StoreContent tree =
        new StoreContent.Directory(
            Map.of(
                "bin",
                new StoreContent.Directory(
                    Map.of("run", new StoreContent.File("#!/bin/sh\n".getBytes(), true))),
                "README",
                StoreContent.text("hi")));
    Path disk = store().diskPath(store().add("tool", tree));
    assertEquals(0555, FileModes.toMode(Files.getPosixFilePermissions(disk)));
    assertEquals(0555, FileModes.toMode(Files.getPosixFilePermissions(disk.resolve("bin/run"))));
    assertEquals("hi", Files.readString(disk.resolve("README")));
  }

  @Test
  void add_sameContentTwice_isOneEntry() throws IOException {
    Store s = store();
    assertEquals(s.add("x", StoreContent.text("1")), s.add("x", StoreContent.text("1")));
    assertEquals(1, s.list().size());
  }

  @Test
  void invalidName_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> StorePath.of("../x", StoreContent.text("")));
    assertThrows(
        IllegalArgumentException.class, () -> StorePath.of(".hidden", StoreContent.text("")));
  }

  @Test
  void closure_followsReferencesInsideEntries() throws IOException {
    Store s = store();
    StorePath conf = s.add("conf", StoreContent.text("x"));
    StorePath script =
        s.add("run.sh", StoreContent.text("exec app --config " + s.hostPath(conf) + "\n"));
    s.add("unrelated", StoreContent.text("y"));
    assertEquals(Set.of(script, conf), s.closure(Set.of(script)));
  }

  @Test
  void put_copiesAFileFromDiskStreamed_readOnly() throws IOException {
    Path source = Files.write(root.resolve("big.bin"), new byte[3 << 20]);
    StorePath p = StorePath.parse("q2n4njn00i21vdf7wizzb022pw8zaj54-big.bin");
    Path disk = store().diskPath(store().put(p, new StoreContent.Copy(source, false)));
    assertEquals(3 << 20, Files.size(disk));
    assertEquals(0444, FileModes.toMode(Files.getPosixFilePermissions(disk)));
  }

  @Test
  void put_refusesToCopyAFifo() throws Exception {
    Path fifo = root.resolve("fifo");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo unavailable");
    StorePath p = StorePath.parse("q2n4njn00i21vdf7wizzb022pw8zaj54-fifo");
    IOException e =
        assertThrows(IOException.class, () -> store().put(p, new StoreContent.Copy(fifo, false)));
    assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
  }

  @Test
  void closure_findsAReferenceStraddlingTheScanChunks() throws IOException {
    // Files are scanned 1 MiB at a time (a store file may be larger than the heap), with an
    // overlap.
    Store s = store();
    StorePath conf = s.add("conf", StoreContent.text("x"));
    String ref = s.hostPath(conf).toString();
    byte[] bytes = new byte[(1 << 20) + ref.length()];
    byte[] refBytes = ref.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(refBytes, 0, bytes, (1 << 20) - 10, refBytes.length);
    StorePath blob = s.add("blob", new StoreContent.File(bytes, false));
    assertEquals(Set.of(blob, conf), s.closure(Set.of(blob)));
  }

  @Test
  void referencesIn_findsEntriesWithNixBase32Hashes() throws IOException {
    // the evaluator names its objects with Nix's base-32 hashes (letters beyond f); a hex-only scan
    // missed
    // them, so generations recorded no store entries and gc deleted the files configData links
    // point to
    Store s = store();
    StorePath nix = StorePath.parse("q2n4njn00i21vdf7wizzb022pw8zaj54-app.conf");
    s.put(nix, StoreContent.text("v=1\n"));
    assertEquals(Set.of(nix), s.referencesIn("X-Reload-Triggers=" + s.hostPath(nix) + "\n"));
  }

  @Test
  void delete_removesReadOnlyTree() throws IOException {
    Store s = store();
    StorePath p = s.add("d", new StoreContent.Directory(Map.of("f", StoreContent.text("z"))));
    s.delete(p);
    assertTrue(s.list().isEmpty());
  }

  @Test
  void entryEditedByHand_isRewrittenWhenTheConfigurationAddsItAgain() throws IOException {
    Store store = store();
    StoreContent content = StoreContent.text("port = 80\n");
    StorePath entry = store.add("app.conf", content);
    Path file = store.diskPath(entry);
    Files.setPosixFilePermissions(file, FileModes.toPermissions(0644));
    Files.writeString(file, "port = 6666\n");
    store.add("app.conf", content);
    assertEquals("port = 80\n", Files.readString(file));
    assertEquals(0444, FileModes.toMode(Files.getPosixFilePermissions(file)));
    assertEquals(
        List.of(
            "store entry /var/lib/modsvc/store/"
                + entry
                + " had been changed on disk; rewritten with the"
                + " content the configuration gives it"),
        store.takeRepairWarnings());
    assertEquals(Set.of(), store.leftovers(), "no temporary is left");
    store.add("app.conf", content);
    assertEquals(List.of(), store.takeRepairWarnings(), "an intact entry is left alone");
  }

  @Test
  void directoryEntryWithAFileAddedByHand_isRewritten() throws IOException {
    Store store = store();
    StoreContent content = new StoreContent.Directory(Map.of("a", StoreContent.text("x")));
    StorePath entry = store.add("site", content);
    Path dir = store.diskPath(entry);
    Files.setPosixFilePermissions(dir, FileModes.toPermissions(0755));
    Files.writeString(dir.resolve("extra"), "planted");
    store.add("site", content);
    try (var s = Files.list(dir)) {
      assertEquals(List.of(dir.resolve("a")), s.toList());
    }
    assertEquals(0555, FileModes.toMode(Files.getPosixFilePermissions(dir)));
  }
}
