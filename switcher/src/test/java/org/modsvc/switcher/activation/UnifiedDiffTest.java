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
}
