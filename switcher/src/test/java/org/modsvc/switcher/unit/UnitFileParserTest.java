package org.modsvc.switcher.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitFileParserTest {
  @Test
  void trimsKeysAndValues_whenSurroundedByBlanks() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\n  ExecStart  =  /bin/a  x  \n");
    assertEquals(List.of("/bin/a  x"), unit.values("Service", "ExecStart"));
  }

  @Test
  void trimsOnlySystemdsWhitespace_keepingAVerticalTabOrUnicodeSpace() {
    // systemd strips " \t\n\r" only; Java's strip() also took \u000b, \u2028, \u3000
    // (UnitFileRoundTripProperties).
    UnitFile unit = UnitFile.parse("a.service", "[Unit]\nDescription=\u000bx\u3000\n");
    assertEquals(List.of("\u000bx\u3000"), unit.values("Unit", "Description"));
  }

  @Test
  void keepsQuotesAndEscapesVerbatim() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\nExecStart=\"/bin/a\" \"b c\" \\x2d\n");
    assertEquals(List.of("\"/bin/a\" \"b c\" \\x2d"), unit.values("Service", "ExecStart"));
  }

  @Test
  void ignoresHashAndSemicolonComments() {
    UnitFile unit =
        UnitFile.parse("a.service", "# top\n[Service]\n; note\n   # indented\nType=simple\n");
    assertEquals(Map.of("Type", List.of("simple")), unit.section("Service"));
  }

  @Test
  void keepsHashInsideValue_whenNotAtLineStart() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\nEnvironment=A=#1\n");
    assertEquals(List.of("A=#1"), unit.values("Service", "Environment"));
  }

  @Test
  void joinsContinuedLines_withBackslashBecomingSpace() {
    UnitFile unit =
        UnitFile.parse("a.service", "[Service]\nExecStart=/bin/a \\\n  --flag \\\n  x\n");
    assertEquals(List.of("/bin/a    --flag    x"), unit.values("Service", "ExecStart"));
  }

  @Test
  void skipsCommentLines_inTheMiddleOfAContinuation() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\nExecStart=/bin/a\\\n# comment\nb\n");
    assertEquals(List.of("/bin/a b"), unit.values("Service", "ExecStart"));
  }

  @Test
  void doesNotContinue_whenTrailingBackslashIsEscaped() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\nA=x\\\\\nB=y\n");
    assertEquals(List.of("x\\\\"), unit.values("Service", "A"));
    assertEquals(List.of("y"), unit.values("Service", "B"));
  }

  @Test
  void parsesContinuationAtEndOfFile() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\nA=x\\");
    assertEquals(List.of("x"), unit.values("Service", "A"));
  }

  @Test
  void acceptsCrlfLineEndingsAndByteOrderMark() {
    UnitFile unit = UnitFile.parse("a.service", "\uFEFF[Service]\r\nA=x\r\n");
    assertEquals(List.of("x"), unit.values("Service", "A"));
  }

  @Test
  void accumulatesRepeatedKeys_inOrder() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\nExecStartPre=/a\nExecStartPre=/b\n");
    assertEquals(List.of("/a", "/b"), unit.values("Service", "ExecStartPre"));
  }

  @Test
  void resetsTheList_whenAssignmentIsEmpty() {
    UnitFile unit =
        UnitFile.parse("a.service", "[Service]\nExecStart=/a\nExecStart=\nExecStart=/b\n");
    assertEquals(List.of("/b"), unit.values("Service", "ExecStart"));
  }

  @Test
  void keepsKeyWithNoValues_whenResetIsLast() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\nExecStart=/a\nExecStart=\n");
    assertTrue(unit.has("Service", "ExecStart"));
    assertEquals(List.of(), unit.values("Service", "ExecStart"));
  }

  @Test
  void mergesRepeatedSectionHeaders() {
    UnitFile unit = UnitFile.parse("a.service", "[Service]\nA=1\n[Unit]\nB=2\n[Service]\nA=3\n");
    assertEquals(List.of("1", "3"), unit.values("Service", "A"));
    assertEquals(List.of("Service", "Unit"), List.copyOf(unit.sectionNames()));
  }

  @Test
  void keepsEmptySections() {
    UnitFile unit = UnitFile.parse("a.socket", "[Socket]\n");
    assertTrue(unit.hasSection("Socket"));
  }

  @Test
  void readsBooleansAsSwitchToConfigurationNg_whenLastValueCounts() {
    UnitFile unit = UnitFile.parse("a.service", "[Unit]\nA=yes\nA=no\nB=on\nC=True\nD=1\n");
    assertFalse(unit.bool("Unit", "A", true));
    assertTrue(unit.bool("Unit", "B", false));
    assertFalse(unit.bool("Unit", "C", true));
    assertTrue(unit.bool("Unit", "D", false));
    assertTrue(unit.bool("Unit", "Missing", true));
  }

  @Test
  void failsWithFileAndLine_whenEqualsIsMissing() {
    UnitFileException expected =
        assertThrows(
            UnitFileException.class,
            () -> UnitFileParser.parse("/etc/a.service", "[Service]\n\nExecStart /bin/a\n"));
    assertEquals("/etc/a.service:3: missing '=' in 'ExecStart /bin/a'", expected.getMessage());
    assertEquals(3, expected.line());
  }

  @Test
  void failsWithFileAndLine_whenAssignmentPrecedesAnySection() {
    UnitFileException expected =
        assertThrows(
            UnitFileException.class, () -> UnitFileParser.parse("a.service", "# c\nA=1\n"));
    assertEquals("a.service:2: assignment outside of any section: 'A=1'", expected.getMessage());
  }

  @Test
  void failsWithFileAndLine_whenSectionHeaderIsUnclosed() {
    UnitFileException expected =
        assertThrows(
            UnitFileException.class, () -> UnitFileParser.parse("a.service", "[Service\n"));
    assertEquals("a.service:1: invalid section header '[Service'", expected.getMessage());
  }

  @Test
  void failsWithFileAndLine_whenKeyIsEmpty() {
    UnitFileException expected =
        assertThrows(
            UnitFileException.class, () -> UnitFileParser.parse("a.service", "[Service]\n = x\n"));
    assertEquals("a.service:2: missing key before '=' in '= x'", expected.getMessage());
  }

  @Test
  void reportsTheFirstLine_whenAMalformedLineIsContinued() {
    UnitFileException expected =
        assertThrows(
            UnitFileException.class,
            () -> UnitFileParser.parse("a.service", "[Service]\nbroken \\\nline\n"));
    assertEquals(2, expected.line());
  }

  @Test
  void recordsAssignmentLines() {
    UnitFragment fragment = UnitFileParser.parse("a.service", "[Service]\n\nA=1\n");
    assertEquals(List.of(new Assignment("Service", "A", "1", 3)), fragment.assignments());
  }
}
