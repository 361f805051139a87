package org.modsvc.switcher.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.unit.UnitLine;

class DesiredFilesTest {
  private static final Layout SYSTEM = Layout.system(Path.of("/tmp/root"));

  private static UnitSpec unit(
      String name, boolean masked, List<String> aliases, List<String> wantedBy) {
    return new UnitSpec(
        name,
        "service",
        "system.services.foo",
        masked,
        aliases,
        wantedBy,
        List.of(),
        List.of(),
        List.of("Service"),
        List.of(new UnitLine("Service", "ExecStart", "\"/bin/x\"")));
  }

  private static DesiredState build(List<UnitSpec> units, List<ConfigDataLink> data) {
    return DesiredFiles.of(
        new BuildOutput(units, data, List.of(), List.of()), SYSTEM, Set.of(), Map.of());
  }

  private static DesiredFile at(DesiredState s, String path) {
    DesiredFile f = s.files().get(HostPath.of(path));
    if (f == null) throw new AssertionError("no file at " + path + " in " + s.files().keySet());
    return f;
  }

  @Test
  void unit_becomesA0644FileWithWantsLinkRelativeToTheUnitDir() {
    DesiredState s =
        build(
            List.of(unit("foo.service", false, List.of(), List.of("multi-user.target"))),
            List.of());
    DesiredFile.Regular f =
        assertInstanceOf(DesiredFile.Regular.class, at(s, "/etc/systemd/system/foo.service"));
    assertEquals(
        "[Service]\nExecStart=\"/bin/x\"\n", new String(f.bytes(), StandardCharsets.UTF_8));
    assertEquals(0644, f.mode());
    DesiredFile.Symlink l =
        assertInstanceOf(
            DesiredFile.Symlink.class,
            at(s, "/etc/systemd/system/multi-user.target.wants/foo.service"));
    assertEquals("../foo.service", l.target());
    assertEquals(2, s.files().size());
  }

  @Test
  void theSameTargetListedTwice_makesOneInstallLink() {
    // Two modules each adding wantedBy = [ "multi-user.target" ]: NixOS concatenates the lists and
    // accepts it.
    DesiredState s =
        build(
            List.of(
                unit(
                    "foo.service",
                    false,
                    List.of(),
                    List.of("multi-user.target", "default.target", "multi-user.target"))),
            List.of());
    assertEquals(
        "../foo.service",
        ((DesiredFile.Symlink) at(s, "/etc/systemd/system/multi-user.target.wants/foo.service"))
            .target());
    assertEquals(3, s.files().size());
  }

  @Test
  void configDataFileAndAFileBelowIt_isAConfigurationError() {
    BuildException e =
        assertThrows(
            BuildException.class,
            () ->
                build(
                    List.of(),
                    List.of(
                        new ConfigDataLink(
                            "foo", "/etc/system-services/foo/x", "/var/lib/modsvc/store/0123-x"),
                        new ConfigDataLink(
                            "foo",
                            "/etc/system-services/foo/x/y",
                            "/var/lib/modsvc/store/0123-y"))));
    assertEquals(
        "/etc/system-services/foo/x cannot be a file: /etc/system-services/foo/x/y needs it as a directory",
        e.getMessage());
  }

  @Test
  void maskedUnit_isALinkToDevNull_withoutInstallLinks() {
    DesiredState s =
        build(
            List.of(unit("foo.service", true, List.of(), List.of("multi-user.target"))), List.of());
    assertEquals(
        "/dev/null", ((DesiredFile.Symlink) at(s, "/etc/systemd/system/foo.service")).target());
    assertEquals(1, s.files().size());
  }

  @Test
  void alias_isALinkToTheUnit() {
    DesiredState s =
        build(List.of(unit("foo.service", false, List.of("bar.service"), List.of())), List.of());
    assertEquals(
        "foo.service", ((DesiredFile.Symlink) at(s, "/etc/systemd/system/bar.service")).target());
  }

  @Test
  void configData_isALinkToItsSource() {
    DesiredState s =
        build(
            List.of(),
            List.of(
                new ConfigDataLink(
                    "foo",
                    "/etc/system-services/foo/ssl/cert.pem",
                    "/var/lib/modsvc/store/0123-cert.pem")));
    assertEquals(
        "/var/lib/modsvc/store/0123-cert.pem",
        ((DesiredFile.Symlink) at(s, "/etc/system-services/foo/ssl/cert.pem")).target());
  }

  @Test
  void hostileUnitName_isRefused_namingTheOrigin() {
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(List.of(unit("../x.service", false, List.of(), List.of())), List.of()));
    assertTrue(e.getMessage().startsWith("system.services.foo: "), e.getMessage());
  }

  @Test
  void hostileWantedByTarget_isRefused() {
    assertThrows(
        BuildException.class,
        () ->
            build(
                List.of(unit("foo.service", false, List.of(), List.of("../../etc/passwd"))),
                List.of()));
  }

  @Test
  void configDataOutsideItsDirectory_isRefused() {
    BuildException e =
        assertThrows(
            BuildException.class,
            () ->
                build(
                    List.of(),
                    List.of(
                        new ConfigDataLink(
                            "foo",
                            "/etc/systemd/system/evil.service",
                            "/var/lib/modsvc/store/0123-x"))));
    assertTrue(e.getMessage().contains("is outside /etc/system-services"), e.getMessage());
    assertThrows(
        BuildException.class,
        () ->
            build(
                List.of(),
                List.of(new ConfigDataLink("foo", "/etc/system-services/foo/../../shadow", "/x"))));
  }

  @Test
  void twoEntriesForOnePath_isAnErrorNamingBoth() {
    UnitSpec a = unit("a-b.service", false, List.of(), List.of());
    UnitSpec b =
        new UnitSpec(
            "x.service",
            "service",
            "system.services.x",
            false,
            List.of("a-b.service"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    BuildException e = assertThrows(BuildException.class, () -> build(List.of(a, b), List.of()));
    assertEquals(
        "/etc/systemd/system/a-b.service is defined twice: by system.services.foo and by system.services.x",
        e.getMessage());
  }

  @Test
  void unitNameTooLongForTheTemporaryNameOnDisk_isAConfigurationErrorNamingTheUnit() {
    String name =
        "a".repeat(232)
            + ".service"; // 240 bytes: valid for systemd, but ".<name>.modsvc-tmp-<r>" is not
    BuildException e =
        assertThrows(
            BuildException.class,
            () -> build(List.of(unit(name, false, List.of(), List.of())), List.of()));
    assertTrue(
        e.getMessage().contains("system.services.foo: cannot write /etc/systemd/system/" + name),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("240 bytes long; the file system allows 255"), e.getMessage());
  }

  @Test
  void longestNameThatFits_isAccepted() {
    String name = "a".repeat(229 - ".service".length()) + ".service";
    build(List.of(unit(name, false, List.of(), List.of("multi-user.target"))), List.of());
  }
}
