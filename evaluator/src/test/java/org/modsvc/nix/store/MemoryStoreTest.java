package org.modsvc.nix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected paths were computed by Nix 2.8 ({@code builtins.path} / {@code builtins.toFile}) on the
 * same trees.
 */
class MemoryStoreTest {
  @TempDir Path tmp;

  @Test
  void addTextFile_givesToFilePath_whenPlainText() {
    MemoryStore store = new MemoryStore();
    String p = store.addTextFile("plain", "plain\n", false, "", new TreeSet<>());
    assertEquals("/nix/store/pkcgn1xgxqzsin7whc76ba2ban4j0vcr-plain", p);
    assertEquals(p, store.addText("plain", "plain\n", new TreeSet<>()));
  }

  @Test
  void addTextFile_givesNixAddPath_whenExecutableAtRoot() {
    // builtins.path { path = <file "echo hi\n", mode 0755>; name = "script"; }
    assertEquals(
        "/nix/store/xjmp6psss1crgvjqlgjak2zd6b0556ir-script",
        new MemoryStore().addTextFile("script", "echo hi\n", true, "", new TreeSet<>()));
  }

  @Test
  void addTextFile_givesNixAddPath_whenExecutableInsideDirectories() {
    // builtins.path { path = <dir with bin/hello "echo hi\n", mode 0755>; name = "hello"; }
    assertEquals(
        "/nix/store/w8ppx1a959s1rl50pd5gd5ak27m3dbsm-hello",
        new MemoryStore().addTextFile("hello", "echo hi\n", true, "bin/hello", new TreeSet<>()));
  }

  @Test
  void addTextFile_givesNixAddPath_whenPlainFileInsideDirectories() {
    assertEquals(
        "/nix/store/fp0pafv004rww4rfm558hryk71wya3aa-doc",
        new MemoryStore()
            .addTextFile("doc", "plain\n", false, "share/doc/readme", new TreeSet<>()));
  }

  @Test
  void addTextFile_rejectsDestination_whenItLeavesTheStorePath() {
    MemoryStore store = new MemoryStore();
    StoreException e =
        assertThrows(
            StoreException.class,
            () -> store.addTextFile("x", "", false, "bin/../../etc", new TreeSet<>()));
    assertTrue(e.getMessage().contains("'bin/../../etc'"), e.getMessage());
  }

  @Test
  void textContent_findsTheFile_whenInsideADirectory() {
    MemoryStore store = new MemoryStore();
    String p = store.addTextFile("hello", "echo hi\n", true, "bin/hello", new TreeSet<>());
    assertEquals("echo hi\n", store.textContent(p + "/bin/hello").orElseThrow());
  }

  @Test
  void objects_listEveryAdditionOnceInOrder_withContentAndMode() throws Exception {
    MemoryStore store = new MemoryStore();
    String a = store.addText("a", "A", new TreeSet<>());
    String b = store.addTextFile("b", "B", true, "bin/b", new TreeSet<>(Set.of(a)));
    store.addText("a", "A", new TreeSet<>());
    Path src = Files.writeString(tmp.resolve("src.txt"), "S");
    String c = store.addPath(src, "src.txt", true, null);
    store.registerDerivation("/nix/store/00000000000000000000000000000000-d.drv", "Derive()");

    List<StoreObject> objects = store.objects();
    assertEquals(
        List.of(a, b, c, "/nix/store/00000000000000000000000000000000-d.drv"),
        objects.stream().map(StoreObject::storePath).toList());
    StoreObject.TextFile script = assertInstanceOf(StoreObject.TextFile.class, objects.get(1));
    assertEquals(new StoreObject.TextFile(b, "bin/b", "B", true, new TreeSet<>(Set.of(a))), script);
    assertEquals(new StoreObject.CopiedPath(c, src, true, null), objects.get(2));
  }

  @Test
  void objects_recordWhatTheFilterKept_whenPathIsFiltered() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("dir"));
    Files.writeString(dir.resolve("keep"), "k");
    Files.writeString(dir.resolve("drop"), "d");
    MemoryStore store = new MemoryStore();
    store.addPath(dir, "dir", true, (p, type) -> !p.getFileName().toString().equals("drop"));
    StoreObject.CopiedPath copy =
        assertInstanceOf(StoreObject.CopiedPath.class, store.objects().get(0));
    assertEquals(Set.of(dir.resolve("keep")), copy.included());
  }

  private static java.util.SortedMap<String, String> sorted(String... kv) {
    java.util.TreeMap<String, String> m = new java.util.TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
    return m;
  }

  @Test
  void addLinkFarm_givesThePathOfTheSameTreeAddedFromDisk() throws Exception {
    // Names chosen so that byte order and String order of entries and of paths disagree ("b-x" <
    // "b/…").
    Path tree = Files.createDirectories(tmp.resolve("farm"));
    Files.createDirectories(tree.resolve("bin"));
    Files.createDirectories(tree.resolve("share/b"));
    Files.createSymbolicLink(tree.resolve("bin/tlshd"), Path.of("/usr/sbin/tlshd"));
    Files.createSymbolicLink(tree.resolve("bin/a-b"), Path.of("/usr/bin/a-b"));
    Files.createSymbolicLink(tree.resolve("share/b/c"), Path.of("/usr/share/b/c"));
    Files.createSymbolicLink(tree.resolve("share/b-x"), Path.of("/usr/share/b-x"));
    Files.createDirectories(tree.resolve("nix-support"));
    Files.writeString(tree.resolve("nix-support/host-package"), "debian ktls-utils 1\n");
    MemoryStore store = new MemoryStore("/var/lib/modsvc/store");
    String farm =
        store.addLinkFarm(
            "ktls-utils",
            sorted(
                "bin/tlshd",
                "/usr/sbin/tlshd",
                "bin/a-b",
                "/usr/bin/a-b",
                "share/b/c",
                "/usr/share/b/c",
                "share/b-x",
                "/usr/share/b-x"),
            sorted("nix-support/host-package", "debian ktls-utils 1\n"));
    assertEquals(
        new MemoryStore("/var/lib/modsvc/store").addPath(tree, "ktls-utils", true, null), farm);
    assertInstanceOf(StoreObject.LinkFarm.class, store.objects().get(0));
  }

  @Test
  void addLinkFarm_readsThroughItsLinks() {
    MemoryStore store = new MemoryStore();
    String farm =
        store.addLinkFarm(
            "nginx",
            sorted("share/nginx", "/usr/share/nginx", "bin/nginx", "/usr/sbin/nginx"),
            sorted("nix-support/host-package", "x"));
    assertEquals(
        java.util.Optional.of(Path.of("/usr/share/nginx/html/index.html")),
        store.realPath(farm + "/share/nginx/html/index.html"));
    assertEquals(
        java.util.Optional.of(Path.of("/usr/sbin/nginx")), store.realPath(farm + "/bin/nginx"));
    assertEquals(java.util.Optional.empty(), store.realPath(farm + "/lib/x"));
    assertEquals(java.util.Optional.of("x"), store.textContent(farm + "/nix-support/host-package"));
  }

  @Test
  void addLinkFarm_refusesEscapingOrNestedPaths() {
    MemoryStore store = new MemoryStore();
    assertThrows(
        StoreException.class, () -> store.addLinkFarm("x", sorted("../bin/x", "/x"), sorted()));
    assertThrows(
        StoreException.class,
        () -> store.addLinkFarm("x", sorted("bin", "/usr/bin", "bin/x", "/x"), sorted()));
    assertThrows(
        StoreException.class, () -> store.addLinkFarm("x", sorted("bin//x", "/x"), sorted()));
  }

  @Test
  void addBuilt_recordsTheTreeAtTheGivenPath_andReadsBelowIt() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("out/bin"));
    Files.writeString(tree.resolve("tool"), "#!/bin/sh\n");
    MemoryStore store = new MemoryStore("/var/lib/modsvc/store");
    String p = "/var/lib/modsvc/store/0123456789abcdef0123456789abcdef-tool";
    assertEquals(p, store.addBuilt(p, tmp.resolve("out")));
    assertEquals(tree.resolve("tool"), store.realPath(p + "/bin/tool").orElseThrow());
    StoreObject.CopiedPath o =
        assertInstanceOf(StoreObject.CopiedPath.class, store.objects().get(0));
    assertEquals(new StoreObject.CopiedPath(p, tmp.resolve("out"), true, null), o);
    assertThrows(
        StoreException.class,
        () -> store.addBuilt("/nix/store/0123456789abcdef0123456789abcdef-x", tree));
    assertThrows(StoreException.class, () -> store.addBuilt(p + "/bin", tree));
  }
}
