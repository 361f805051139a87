package org.modsvc.switcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.store.Store;

/**
 * A service module of ours in the shape of nixpkgs' modules that wrap their program: a {@code
 * writeShellApplication}, wrapped by a {@code runCommand} with {@code makeWrapper}, run by the
 * service; built the way {@code modsvc-agent build} builds (the generation's files, the store
 * written).
 */
class TrivialBuildersModuleTest {
  @TempDir Path tmp;
  private Layout layout;
  private Store store;

  @BeforeAll
  static void needsIsolation() throws Exception {
    assumeTrue(
        TrivialBuildersTest.canIsolate(),
        "this host cannot make network/mount/PID namespaces with unshare, so no build can run here");
  }

  @BeforeEach
  void setUp() throws IOException {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    layout = TrivialBuildersTest.layoutIn(tmp);
    store = new Store(layout.storeDir(), layout.root());
  }

  private Built build(String module) throws IOException {
    Path modules = Files.createDirectories(tmp.resolve("modules"));
    Files.writeString(modules.resolve("greeter.nix"), module);
    ModuleConfiguration c =
        new ModuleConfiguration(
            new ModuleConfiguration.Settings(
                modules,
                List.of(),
                Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"),
                "test",
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                false));
    return c.build(layout, store);
  }

  private String unitText(Built b, String unit) {
    DesiredFile f = b.state().files().get(layout.unitDir().resolve(unit));
    return new String(((DesiredFile.Regular) f).bytes(), StandardCharsets.UTF_8);
  }

  private static final String MODULE =
      """
      { lib, pkgs, ... }:
      let
        greeter = pkgs.writeShellApplication {
          name = "greeter";
          runtimeInputs = [ pkgs.coreutils ];
          text = ''echo "hello $GREETING from $(basename "$0")"'';
        };
        wrapped = pkgs.runCommand "greeter-wrapped" { nativeBuildInputs = [ pkgs.makeWrapper ]; } ''
          makeWrapper ${lib.getExe greeter} $out/bin/greeter --set GREETING world
        '';
      in
      {
        system.services.greeter.process.argv = [ "${wrapped}/bin/greeter" "--loud" ];
      }
      """;

  @Test
  void wrapperBuiltWithMakeWrapper_isTheServicesProgram_andInTheStore() throws Exception {
    Built b = build(MODULE);
    String unit = unitText(b, "greeter.service");
    Matcher m =
        Pattern.compile(
                "ExecStart=\"("
                    + Pattern.quote(layout.storeDir().toString())
                    + "/[0-9a-f]{32}-greeter-wrapped)/bin/greeter\"")
            .matcher(unit);
    assertTrue(m.find(), unit);
    String wrapped = m.group(1);
    assertEquals(expectedUnit(wrapped), unit);

    // the wrapper and the application it wraps are in the store, as the build left them
    String wrapper = Files.readString(Path.of(wrapped, "bin/greeter"));
    Matcher app =
        Pattern.compile(
                "exec ("
                    + Pattern.quote(layout.storeDir().toString())
                    + "/[0-9a-z]{32}-greeter)/bin/greeter \"\\$@\"\n$")
            .matcher(wrapper);
    assertTrue(app.find(), wrapper);
    String bash = TrivialBuildersTest.hostTree(wrapper, layout, "bash", "bash") + "/bin/bash";
    assertEquals(
        "#! " + bash + " -e\nexport GREETING=world\nexec " + app.group(1) + "/bin/greeter \"$@\"\n",
        wrapper);
    assertTrue(Files.isExecutable(Path.of(wrapped, "bin/greeter")));
    String script = Files.readString(Path.of(app.group(1), "bin/greeter"));
    String coreutils = TrivialBuildersTest.hostTree(script, layout, "coreutils", "ls") + "/bin";
    assertEquals(
        "#!"
            + bash
            + "\nset -o errexit\nset -o nounset\nset -o pipefail\n\nexport PATH=\""
            + coreutils
            + ":$PATH\"\n\necho \"hello $GREETING from $(basename \"$0\")\"\n",
        script);

    Process p = new ProcessBuilder(wrapped + "/bin/greeter").redirectErrorStream(true).start();
    assertEquals(
        "hello world from greeter\n",
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    assertEquals(0, p.waitFor());
  }

  private static String expectedUnit(String wrapped) {
    return "[Unit]\n"
        + "\n"
        + "[Service]\n"
        + "ExecStart=\""
        + wrapped
        + "/bin/greeter\" \"--loud\"\n"
        + "Restart=always\n"
        + "RestartSec=5\n"
        + "Type=simple\n"
        + "\n"
        + "[Install]\n"
        + "WantedBy=multi-user.target\n";
  }

  @Test
  void failingBuild_namesTheServiceAndTheBuilder_andShowsTheLog() {
    String module =
        """
        { pkgs, ... }:
        {
          system.services.broken.process.argv = [
            "${pkgs.runCommand "broken-tool" { } "echo compiling; echo 'cc: not found' >&2; exit 3"}/bin/tool"
          ];
        }
        """;
    BuildException e = assertThrows(BuildException.class, () -> build(module));
    String m = e.getMessage();
    assertTrue(
        m.contains("while rendering the unit `broken.service' of system.services.broken"), m);
    assertTrue(
        m.strip()
            .endsWith(
                "error: pkgs.runCommand 'broken-tool': the builder failed with exit code 3; the end of the "
                    + "build log:\n       compiling\n       cc: not found"),
        m);
    assertTrue(
        Files.notExists(tmp.resolve("etc")), "nothing may be written when the evaluation fails");
  }
}
