package org.modsvc.switcher.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
  @Test
  void changedLine_isOneHunkWithContext_deletionFirst() {
    String diff = UnifiedDiff.lines("/u", List.of("a", "b", "c"), List.of("a", "B", "c"));

    assertEquals("--- old/u\n+++ new/u\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", diff);
  }

  @Test
  void addedFile_diffsAgainstDevNull() {
    String diff = UnifiedDiff.lines("/u", List.of(), List.of("x"));

    assertEquals("--- /dev/null\n+++ new/u\n@@ -0,0 +1,1 @@\n+x\n", diff);
  }

  @Test
  void distantChanges_makeTwoHunks() {
    List<String> a = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    List<String> b = List.of("x", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "y");

    String diff = UnifiedDiff.lines("/u", a, b);

    assertEquals(2, diff.lines().filter(l -> l.startsWith("@@")).count(), diff);
  }

  @Test
  void aConfigDataLinkChangeShowsTheContentOfBothTargets(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path store) throws java.io.IOException {
    java.nio.file.Files.writeString(store.resolve("aaa-site.conf"), "port = 80\nname = demo\n");
    java.nio.file.Files.writeString(store.resolve("bbb-site.conf"), "port = 8080\nname = demo\n");
    String link = "/etc/system-services/web/site.conf";
    org.modsvc.switcher.generation.DesiredState before =
        org.modsvc.switcher.generation.DesiredState.of(
            List.of(
                org.modsvc.switcher.generation.DesiredFile.Symlink.of(
                    link, "/store/aaa-site.conf")),
            java.util.Set.of(),
            java.util.Map.of());
    org.modsvc.switcher.generation.DesiredState after =
        org.modsvc.switcher.generation.DesiredState.of(
            List.of(
                org.modsvc.switcher.generation.DesiredFile.Symlink.of(
                    link, "/store/bbb-site.conf")),
            java.util.Set.of(),
            java.util.Map.of());

    String diff =
        UnifiedDiff.of(
            before,
            after,
            t -> java.util.Optional.of(store.resolve(t.substring("/store/".length()))));

    assertEquals(
        "--- old"
            + link
            + "\n+++ new"
            + link
            + "\n@@ -1,1 +1,1 @@\n--> /store/aaa-site.conf\n"
            + "+-> /store/bbb-site.conf\n"
            + "--- old"
            + link
            + " (content)\n+++ new"
            + link
            + " (content)\n@@ -1,2 +1,2 @@\n-port = 80\n+port = 8080\n"
            + " name = demo\n",
        diff);
  }

  @Test
  void aConfigDataDirectoryIsComparedFileByFile(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path store) throws java.io.IOException {
    java.nio.file.Files.createDirectories(store.resolve("aaa-root/css"));
    java.nio.file.Files.createDirectories(store.resolve("bbb-root/css"));
    java.nio.file.Files.writeString(store.resolve("aaa-root/index.html"), "hi\n");
    java.nio.file.Files.writeString(store.resolve("bbb-root/index.html"), "hi\n");
    java.nio.file.Files.writeString(store.resolve("bbb-root/css/a.css"), "b{}\n");
    String link = "/etc/system-services/web/root";
    var before =
        org.modsvc.switcher.generation.DesiredState.of(
            List.of(org.modsvc.switcher.generation.DesiredFile.Symlink.of(link, "/store/aaa-root")),
            java.util.Set.of(),
            java.util.Map.of());
    var after =
        org.modsvc.switcher.generation.DesiredState.of(
            List.of(org.modsvc.switcher.generation.DesiredFile.Symlink.of(link, "/store/bbb-root")),
            java.util.Set.of(),
            java.util.Map.of());

    String diff =
        UnifiedDiff.of(
            before,
            after,
            t -> java.util.Optional.of(store.resolve(t.substring("/store/".length()))));

    assertEquals(
        true,
        diff.contains(
            "--- /dev/null\n+++ new" + link + " (content of css/a.css)\n@@ -0,0 +1,1 @@\n+b{}\n"),
        diff);
    assertEquals(false, diff.contains("index.html"), diff);
  }
}
