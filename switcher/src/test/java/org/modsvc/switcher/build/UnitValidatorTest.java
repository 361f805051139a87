package org.modsvc.switcher.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.unit.UnitLine;

class UnitValidatorTest {
  @TempDir Path root;

  private static UnitSpec unit(String name, boolean masked, UnitLine... lines) {
    List<String> sections = Arrays.stream(lines).map(UnitLine::section).distinct().toList();
    return new UnitSpec(
        name,
        "service",
        "system.services.web",
        masked,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        sections,
        List.of(lines));
  }

  private static UnitSpec web(UnitLine... lines) {
    return unit("web.service", false, lines);
  }

  private static UnitLine svc(String key, String value) {
    return new UnitLine("Service", key, value);
  }

  private UnitValidator validator(UnitValidator.Settings settings) {
    return new UnitValidator(
        settings,
        new UnitValidator.Host(
            root,
            List.of("/lib/systemd/system", "/usr/lib/systemd/system"),
            "/var/lib/modsvc/store"),
        word -> word.equals("RestartSecc") ? List.of("/etc/modsvc/modules/web.nix:7") : List.of());
  }

  private List<String> check(UnitSpec... units) {
    return validator(UnitValidator.Settings.defaults()).check(List.of(units));
  }

  private String refused(UnitSpec... units) {
    return assertThrows(BuildException.class, () -> check(units)).getMessage();
  }

  @Test
  void anUnknownKeyIsRefused_withTheNearestKnownOne_andWhereTheWordIsInTheUserFiles() {
    assertEquals(
        "the unit files would be rejected by systemd:\n"
            + "- unit web.service (system.services.web), [Service] RestartSecc: unknown key; did you mean RestartSec? "
            + "(RestartSecc appears at /etc/modsvc/modules/web.nix:7)\n"
            + "(keys of a systemd newer than 252: --unit-keys=warn)",
        refused(web(svc("RestartSecc", "3"))));
  }

  @Test
  void aKeyOfAnotherSectionIsNamedAsSuch() {
    assertTrue(
        refused(web(svc("Wants", "network.target")))
            .contains("[Service] Wants: unknown key; it belongs in [Unit]"));
  }

  @Test
  void aKeyInTheWrongCaseSuggestsTheRightOne() {
    assertTrue(
        refused(web(svc("restart", "always"))).contains("unknown key; did you mean Restart?"));
  }

  @Test
  void xKeysAreOursAndEveryKeyOfTheTableIsAccepted() {
    assertEquals(
        List.of(),
        check(
            web(
                new UnitLine("Unit", "X-Restart-Triggers", "/x"),
                svc("X-Anything", "1"),
                new UnitLine("Unit", "StartLimitIntervalSec", "10"),
                svc("ExecStart", "/var/lib/modsvc/store/x-run/bin/run"),
                svc("Type", "notify"),
                svc("Restart", "on-failure"),
                svc("ProtectSystem", "strict"),
                svc("PrivateTmp", "yes"),
                svc("KillMode", "mixed"),
                new UnitLine("Install", "WantedBy", "multi-user.target"))));
  }

  @Test
  void anInvalidEnumerationValueIsRefused_withTheAllowedOnes() {
    String m = refused(web(svc("Restart", "true")));
    assertTrue(
        m.contains(
            "[Service] Restart: invalid value \"true\"; expected one of always, no, on-abnormal, on-abort, "
                + "on-failure, on-success, on-watchdog"),
        m);
    assertTrue(refused(web(svc("Restart", "on-falure"))).contains("did you mean on-failure?"));
  }

  @Test
  void anInvalidBooleanIsRefused_andEveryBooleanSpellingOfSystemdIsAccepted() {
    assertTrue(
        refused(web(new UnitLine("Unit", "RefuseManualStart", "maybe")))
            .contains("invalid value \"maybe\"; expected a boolean"));
    for (String b :
        List.of("1", "yes", "Y", "TRUE", "t", "on", "0", "no", "n", "false", "F", "off", "")) {
      assertEquals(List.of(), check(web(new UnitLine("Unit", "RefuseManualStart", b))), b);
    }
  }

  @Test
  void oneshotWithRestartAlwaysIsRefused() {
    assertTrue(
        refused(web(svc("Type", "oneshot"), svc("Restart", "always")))
            .contains(
                "unit web.service (system.services.web): Type=oneshot with Restart=always is refused by systemd"));
    assertEquals(List.of(), check(web(svc("Type", "oneshot"), svc("Restart", "on-failure"))));
  }

  @Test
  void severalExecStartAreRefusedUnlessOneshot_anEmptyOneResetsTheList() {
    assertTrue(
        refused(web(svc("ExecStart", "/a"), svc("ExecStart", "/b")))
            .contains("2 ExecStart= lines"));
    assertEquals(
        List.of(),
        check(web(svc("ExecStart", "/a"), svc("ExecStart", ""), svc("ExecStart", "/b"))).stream()
            .filter(w -> w.contains("ExecStart= lines"))
            .toList());
  }

  @Test
  void warnPolicyTurnsKeyAndValueErrorsIntoWarnings() {
    List<String> w =
        validator(new UnitValidator.Settings(UnitValidator.KeyPolicy.WARN, false))
            .check(List.of(web(svc("RestartSecc", "3"), svc("Type", "notify-reload"))));
    assertEquals(2, w.size(), w.toString());
    assertTrue(w.get(0).contains("RestartSecc: unknown key"));
    assertTrue(w.get(1).contains("Type: invalid value \"notify-reload\""));
  }

  @Test
  void aLineOverSystemdsLimitIsRefusedWhateverThePolicy() {
    String big = "A=" + "x".repeat(UnitValidator.LONG_LINE_MAX);
    String m =
        assertThrows(
                BuildException.class,
                () ->
                    validator(new UnitValidator.Settings(UnitValidator.KeyPolicy.WARN, false))
                        .check(List.of(web(svc("Environment", big)))))
            .getMessage();
    assertTrue(
        m.contains(
            "[Service] Environment: the line is 1048590 bytes long; systemd reads at most 1048576"),
        m);
  }

  @Test
  void anEnvironmentValueWithAPercentIsAWarning_aDoubledOneIsNot() {
    assertEquals(
        List.of(
            "unit web.service (system.services.web), [Service] Environment=\"LOAD=50%\": systemd expands "
                + "'%' as a specifier (and drops the line for an unknown one); write %% for a literal %"),
        check(web(svc("Environment", "\"LOAD=50%\""))));
    assertEquals(List.of(), check(web(svc("Environment", "\"LOAD=50%%\""))));
  }

  @Test
  void aMissingProgramIsAWarning_oraErrorWithStrictPaths() throws IOException {
    UnitSpec u = web(svc("ExecStart", "\"/usr/bin/missing\" \"--flag\""));
    assertEquals(
        List.of(
            "unit web.service (system.services.web): the program /usr/bin/missing of ExecStart= does not "
                + "exist under "
                + root),
        check(u));
    String m =
        assertThrows(
                BuildException.class,
                () ->
                    validator(new UnitValidator.Settings(UnitValidator.KeyPolicy.ERROR, true))
                        .check(List.of(u)))
            .getMessage();
    assertTrue(m.contains("/usr/bin/missing of ExecStart= does not exist"), m);
    Path program = Files.createDirectories(root.resolve("usr/bin")).resolve("missing");
    Files.writeString(program, "#!/bin/sh\n");
    assertTrue(check(u).get(0).contains("is not an executable file"));
    Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertEquals(List.of(), check(u));
  }

  @Test
  void aUnitWithTheNameOfAVendorUnitIsSaidToShadowOrMaskIt() throws IOException {
    Files.createDirectories(root.resolve("usr/lib/systemd/system"));
    Files.writeString(root.resolve("usr/lib/systemd/system/web.service"), "[Service]\n");
    assertEquals(
        List.of(
            "unit web.service (system.services.web) shadows the vendor unit "
                + "/usr/lib/systemd/system/web.service: systemd uses this definition instead of the package's"),
        check(web()));
    assertEquals(
        List.of(
            "unit web.service (system.services.web) masks the vendor unit "
                + "/usr/lib/systemd/system/web.service"),
        check(unit("web.service", true)));
  }
}
