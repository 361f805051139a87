package org.modsvc.nix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class SelectionTest {
  @Test
  void parseAttrPath_splitsOnDots() {
    assertEquals(List.of("a", "b", "0"), Selection.parseAttrPath("a.b.0"));
  }

  @Test
  void parseAttrPath_keepsQuotedDots() {
    assertEquals(List.of("a", "x.y", "c"), Selection.parseAttrPath("a.\"x.y\".c"));
  }

  @Test
  void parseAttrPath_isEmpty_whenEmptyString() {
    assertEquals(List.of(), Selection.parseAttrPath(""));
  }

  @Test
  void parseAttrPath_keepsEmptyMiddleComponent() {
    assertEquals(List.of("a", "", "b"), Selection.parseAttrPath("a..b"));
  }

  @Test
  void parseAttrPath_fails_whenQuoteUnclosed() {
    Selection.SelectionException e =
        assertThrows(Selection.SelectionException.class, () -> Selection.parseAttrPath("a.\"b"));
    assertEquals("missing closing quote in selection path 'a.\"b'", e.getMessage());
  }
}
