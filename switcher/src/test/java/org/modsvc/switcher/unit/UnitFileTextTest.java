package org.modsvc.switcher.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitFileTextTest {
  /** A unit's sections and lines, as the renderer takes them. */
  private record Unit(String origin, List<String> sections, List<UnitLine> lines) {}

  private static Unit unit(UnitLine... lines) {
    List<String> sections =
        java.util.Arrays.stream(lines).map(UnitLine::section).distinct().toList();
    return new Unit("system.services.foo", sections, List.of(lines));
  }

  private static String render(Unit u) {
    return UnitFileText.render("foo.service", u.origin(), u.sections(), u.lines());
  }

  @Test
  void render_groupsSectionsInOrderOfFirstAppearance_separatedByBlankLines() {
    String text =
        render(
            unit(
                new UnitLine("Unit", "After", "network.target"),
                new UnitLine("Service", "ExecStart", "\"/bin/hello\" \"--greeting\" \"hoi\""),
                new UnitLine("Service", "Restart", "always"),
                new UnitLine("Install", "WantedBy", "multi-user.target")));
    assertEquals(
        "[Unit]\nAfter=network.target\n\n[Service]\nExecStart=\"/bin/hello\" \"--greeting\" \"hoi\"\n"
            + "Restart=always\n\n[Install]\nWantedBy=multi-user.target\n",
        text);
  }

  @Test
  void render_keepsRepeatedKeysAsRepeatedLines() {
    String text =
        render(
            unit(
                new UnitLine("Service", "ExecStart", ""),
                new UnitLine("Service", "ExecStart", "/bin/x")));
    assertEquals("[Service]\nExecStart=\nExecStart=/bin/x\n", text);
  }

  @Test
  void render_refusesAValueThatBeginsOrEndsWithBlanks_whichSystemdWouldStrip() {
    // Found by UnitFileRoundTripProperties: "Description= x" reads back as "x".
    for (String v : new String[] {" x", "x\t", "\t"}) {
      UnitTextException e =
          assertThrows(
              UnitTextException.class, () -> render(unit(new UnitLine("Unit", "Description", v))));
      assertTrue(e.getMessage().contains("begins or ends with a space or tab"), e.getMessage());
    }
  }

  @Test
  void render_refusesNewlineInValue_namingUnitOriginAndKey() {
    UnitTextException e =
        assertThrows(
            UnitTextException.class,
            () ->
                render(
                    unit(new UnitLine("Service", "Environment", "A=1\nExecStartPre=/bin/evil"))));
    assertTrue(
        e.getMessage()
            .startsWith(
                "unit foo.service (from system.services.foo), [Service] Environment: "
                    + "the value contains a newline"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("A=1\\nExecStartPre=/bin/evil"),
        "control characters shown escaped");
  }

  @Test
  void render_refusesCarriageReturnAndNul() {
    assertThrows(
        UnitTextException.class, () -> render(unit(new UnitLine("Service", "User", "a\rb"))));
    assertThrows(
        UnitTextException.class, () -> render(unit(new UnitLine("Service", "User", "a\0b"))));
  }

  @Test
  void render_refusesTrailingBackslash_whichWouldContinueTheLine() {
    UnitTextException e =
        assertThrows(
            UnitTextException.class,
            () -> render(unit(new UnitLine("Service", "ExecStart", "/bin/x \\"))));
    assertTrue(e.getMessage().contains("line continuation"), e.getMessage());
  }

  @Test
  void render_writesEmptySectionsItIsGiven_asNixOsDoesForUnit() {
    Unit u =
        new Unit(
            "o", List.of("Unit", "Service"), List.of(new UnitLine("Service", "Type", "simple")));
    assertEquals("[Unit]\n\n[Service]\nType=simple\n", render(u));
  }

  @Test
  void render_lineOutsideTheDeclaredSections_isAnInternalError() {
    Unit u = new Unit("o", List.of("Unit"), List.of(new UnitLine("Service", "Type", "simple")));
    assertThrows(UnitTextException.class, () -> render(u));
  }

  @Test
  void render_refusesKeysAndSectionsThatAreNotNames() {
    assertThrows(
        UnitTextException.class, () -> render(unit(new UnitLine("Service", "Exec Start", "x"))));
    assertThrows(UnitTextException.class, () -> render(unit(new UnitLine("Service", "A=B", "x"))));
    assertThrows(UnitTextException.class, () -> render(unit(new UnitLine("Serv]ice", "A", "x"))));
    assertThrows(UnitTextException.class, () -> render(unit(new UnitLine("Service", "", "x"))));
  }

  @Test
  void render_acceptsXKeysAndSpecifiers() {
    String text =
        render(
            unit(
                new UnitLine("Unit", "X-Reload-Triggers", "/nix/store/abc-x"),
                new UnitLine("Service", "WorkingDirectory", "%S/app")));
    assertEquals(
        "[Unit]\nX-Reload-Triggers=/nix/store/abc-x\n\n[Service]\nWorkingDirectory=%S/app\n", text);
  }
}
