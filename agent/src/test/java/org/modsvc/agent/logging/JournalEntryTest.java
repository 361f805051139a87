package org.modsvc.agent.logging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

  @Test
  void fieldsWithoutNewline_areNameEqualsValueLines_inOrder() {
    byte[] bytes =
        new JournalEntry.Builder()
            .add("PRIORITY", "4")
            .add("UNIT", "web.service")
            .add("MESSAGE", "start web.service: done")
            .build()
            .encode();

    assertEquals(
        "PRIORITY=4\nUNIT=web.service\nMESSAGE=start web.service: done\n",
        new String(bytes, StandardCharsets.UTF_8));
  }

  @Test
  void valueWithNewline_usesBinaryForm_nameNewlineLittleEndianLengthValueNewline() {
    byte[] bytes = new JournalEntry.Builder().add("MESSAGE", "a\nb").build().encode();

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes("MESSAGE\n".getBytes(StandardCharsets.US_ASCII));
    expected.writeBytes(new byte[] {3, 0, 0, 0, 0, 0, 0, 0});
    expected.writeBytes("a\nb\n".getBytes(StandardCharsets.US_ASCII));
    assertArrayEquals(expected.toByteArray(), bytes);
  }

  @Test
  void binaryLength_countsUtf8Bytes_andUsesAllEightBytesLittleEndian() {
    String value = "é\n".repeat(200); // 600 bytes: 0x258
    byte[] bytes = new JournalEntry.Builder().add("MESSAGE", value).build().encode();

    assertEquals(0x58, bytes[8] & 0xff);
    assertEquals(0x02, bytes[9] & 0xff);
    for (int i = 10; i < 16; i++) assertEquals(0, bytes[i]);
    assertEquals(8 + 8 + 600 + 1, bytes.length);
  }

  @Test
  void readerFromTheSpecification_readsBackMixedForms() {
    JournalEntry entry =
        new JournalEntry.Builder()
            .add("PRIORITY", "3")
            .add("MESSAGE", "line 1\nline 2\n")
            .add("CODE_FILE", "/etc/modsvc/modules/web.nix")
            .add("CODE_LINE", "10")
            .add("EMPTY", "")
            .add("EQUALS", "a=b")
            .build();

    List<Map.Entry<String, String>> read = NativeProtocol.read(entry.encode());

    assertEquals(
        List.of(
            Map.entry("PRIORITY", "3"),
            Map.entry("MESSAGE", "line 1\nline 2\n"),
            Map.entry("CODE_FILE", "/etc/modsvc/modules/web.nix"),
            Map.entry("CODE_LINE", "10"),
            Map.entry("EMPTY", ""),
            Map.entry("EQUALS", "a=b")),
        read);
  }

  @Test
  void fieldNames_followJournaldsRules() {
    assertTrue(JournalEntry.isValidName("MODSVC_GENERATION"));
    assertTrue(JournalEntry.isValidName("A1"));
    assertTrue(JournalEntry.isValidName("X".repeat(64)));
    assertFalse(JournalEntry.isValidName("X".repeat(65)));
    assertFalse(JournalEntry.isValidName(""));
    assertFalse(JournalEntry.isValidName("_PID"), "trusted fields are journald's own");
    assertFalse(JournalEntry.isValidName("1UNIT"));
    assertFalse(JournalEntry.isValidName("unit"));
    assertFalse(JournalEntry.isValidName("UNIT NAME"));
    assertFalse(JournalEntry.isValidName("UNIT=X"));
    assertThrows(IllegalArgumentException.class, () -> new JournalEntry.Field("requestId", "x"));
  }
}
