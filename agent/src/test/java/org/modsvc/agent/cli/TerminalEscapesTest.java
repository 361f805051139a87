package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalEscapesTest {
  private static String stripped(String... writes) throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    try (OutputStream s = new TerminalEscapes.Stripping(sink)) {
      for (String w : writes) s.write(w.getBytes(StandardCharsets.UTF_8));
    }
    return sink.toString(StandardCharsets.UTF_8);
  }

  @Test
  void stripsColours_fromNixpkgsModuleErrors() throws IOException {
    assertEquals(
        "found a value of type \"configuration\", while trying to load a module into foo.",
        stripped(
            "found a value of type \u001b[1;35m\"configuration\"\u001b[0m, while trying to load a module into "
                + "\u001b[1mfoo\u001b[0m."));
  }

  @Test
  void stripsASequenceSplitAcrossWrites_byteByByteToo() throws IOException {
    assertEquals("ab", stripped("a\u001b", "[1;3", "5m", "b"));
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    OutputStream s = new TerminalEscapes.Stripping(sink);
    for (byte b :
        "x\u001b[0my\u001b]8;;http://h\u0007link\u001b]8;;\u001b\\z"
            .getBytes(StandardCharsets.UTF_8)) {
      s.write(b);
    }
    assertEquals("xylinkz", sink.toString(StandardCharsets.UTF_8));
  }

  @Test
  void keepsUtf8Text_andABareEscFollowedByText() throws IOException {
    assertEquals("é … ␀ text", stripped("é … ␀ \u001b[2Ktext"));
    assertEquals("ab", stripped("a\u001bMb"), "ESC M is a two-byte sequence");
    assertEquals("a1b", stripped("a\u001b1b"), "a byte that starts no sequence is text");
  }

  @Test
  void escapesReachOnlyATerminal_asNixDecides() {
    assertTrue(TerminalEscapes.shown(Map.of(), true));
    assertFalse(TerminalEscapes.shown(Map.of(), false));
    assertFalse(TerminalEscapes.shown(Map.of("NO_COLOR", "1"), true));
    assertFalse(TerminalEscapes.shown(Map.of("TERM", "dumb"), true));
    assertTrue(TerminalEscapes.shown(Map.of("FORCE_COLOR", "1"), false));
    assertTrue(TerminalEscapes.shown(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"), false));
  }
}
