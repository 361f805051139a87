package org.modsvc.nix.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NarTest {
  @TempDir Path tmp;

  @Test
  void dump_writesNixArchiveFraming_forRegularFile() throws Exception {
    Path f = tmp.resolve("f");
    TestTrees.write(f, "hi");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Nar.dump(f, out, null);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (String s : new String[] {"nix-archive-1", "(", "type", "regular", "contents", "hi", ")"}) {
      frame(expected, s);
    }
    assertArrayEquals(expected.toByteArray(), out.toByteArray());
  }

  @Test
  void hash_matchesNixStoreDump_forFile() throws Exception {
    // sha256 of `nix-store --dump file.txt`
    assertEquals(
        "1c37d01af40be2e80691de3cc3df44377a699afbb17c68f080964b2fd071fc13",
        Nar.hash(TestTrees.helloFile(tmp), HashAlgo.SHA256, null).toBase16());
  }

  @Test
  void hash_matchesNixStoreDump_forDirectoryWithSymlinkAndExecutable() throws Exception {
    assertEquals(
        "adb12800521733e36fd47fbb7f0527b3798a36b91ae40bfe56a0f06dca2c3d95",
        Nar.hash(TestTrees.dir(tmp), HashAlgo.SHA256, null).toBase16());
  }

  @Test
  void hash_dependsOnOwnerExecuteBit() throws Exception {
    Path f = TestTrees.helloFile(tmp);
    Hash plain = Nar.hash(f, HashAlgo.SHA256, null);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr--r--"));
    assertNotEquals(plain, Nar.hash(f, HashAlgo.SHA256, null));
  }

  @Test
  void dump_sortsEntriesByNameBytes() throws Exception {
    Path d = Files.createDirectory(tmp.resolve("d"));
    // Code point order: 'a' < 'ｚ' (U+FF5A) < '😀' (U+1F600); UTF-16 order would put the emoji
    // first.
    for (String n : new String[] {"😀", "ｚ", "a"}) {
      TestTrees.write(d.resolve(n), n);
    }
    String nar = new String(dumpBytes(d), StandardCharsets.UTF_8);
    assertTrue(nar.indexOf("ｚ") < nar.indexOf("😀"));
  }

  @Test
  void dump_offersChildrenToFilter_withTheirTypes() throws Exception {
    Path d = TestTrees.dir(tmp);
    List<String> seen = new ArrayList<>();
    Nar.dump(d, OutputStreamSink.NULL, (p, t) -> seen.add(d.relativize(p) + ":" + t));
    assertEquals(
        List.of(
            "B:regular",
            "a:regular",
            "link:symlink",
            "run.sh:regular",
            "sub:directory",
            "sub/z:regular"),
        seen);
  }

  @Test
  void dump_skipsWholeSubtree_whenFilterRejectsDirectory() throws Exception {
    Path d = TestTrees.dir(tmp);
    List<String> seen = new ArrayList<>();
    Nar.dump(
        d,
        OutputStreamSink.NULL,
        (p, t) -> {
          seen.add(p.getFileName().toString());
          return !t.equals("directory");
        });
    assertEquals(List.of("B", "a", "link", "run.sh", "sub"), seen);
  }

  @Test
  void fileType_doesNotFollowSymlinks() throws Exception {
    Path d = TestTrees.dir(tmp);
    assertEquals("symlink", Nar.fileType(d.resolve("link")));
    assertEquals("directory", Nar.fileType(d));
    assertEquals("regular", Nar.fileType(d.resolve("a")));
  }

  @Test
  void hash_streamsLargeFile_identicallyToInMemoryArchive() throws Exception {
    byte[] big = new byte[5 * 1024 * 1024 + 3];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i % 251);
    }
    Path f = tmp.resolve("big");
    Files.write(f, big);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    for (String s : new String[] {"nix-archive-1", "(", "type", "regular", "contents"}) {
      frame(expected, s);
    }
    frame(expected, big);
    frame(expected, ")");
    assertEquals(
        Hashes.hash(HashAlgo.SHA256, expected.toByteArray()), Nar.hash(f, HashAlgo.SHA256, null));
  }

  private static byte[] dumpBytes(Path p) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Nar.dump(p, out, null);
    return out.toByteArray();
  }

  private static void frame(ByteArrayOutputStream out, String s) {
    frame(out, s.getBytes(StandardCharsets.UTF_8));
  }

  private static void frame(ByteArrayOutputStream out, byte[] b) {
    out.writeBytes(
        ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(b.length).array());
    out.writeBytes(b);
    out.writeBytes(new byte[(8 - b.length % 8) % 8]);
  }

  /** A sink that discards everything. */
  private static final class OutputStreamSink {
    static final java.io.OutputStream NULL = java.io.OutputStream.nullOutputStream();
  }
}
