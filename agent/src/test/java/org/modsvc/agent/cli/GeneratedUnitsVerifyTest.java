package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Units written by {@code build} must be accepted by systemd itself: {@code systemd-analyze verify}
 * (with {@code --man=no}: the host need not have the documented man pages) on the unit files of
 * representative scenarios, which must exit 0 and print nothing (systemd reports unknown keys and
 * bad values only as warnings). Units are checked in place, not under {@code --root}: verify then
 * resolves {@code ExecStart} and the standard targets on the host, so the commands are fake
 * executables in a host directory on {@code PATH} and the host's own {@code coreutils} provides the
 * reload command's {@code kill}.
 *
 * <p>Skipped, with the reason, where {@code systemd-analyze} is not installed.
 */
class GeneratedUnitsVerifyTest {
  private static final Path SYSTEMD_ANALYZE =
      Stream.of("/usr/bin/systemd-analyze", "/bin/systemd-analyze")
          .map(Path::of)
          .filter(Files::isExecutable)
          .findFirst()
          .orElse(null);

  @TempDir Path tmp;
  Path modules;
  Path bin;
  Path root;

  @BeforeEach
  void setUp() throws IOException {
    assumeTrue(
        SYSTEMD_ANALYZE != null,
        "systemd-analyze is not installed: generated units cannot be verified here");
    modules = Files.createDirectories(tmp.resolve("modules"));
    bin = Files.createDirectories(tmp.resolve("bin"));
    root = tmp.resolve("root");
    for (String exe : List.of("hello", "foo", "backup", "php", "php-fpm")) {
      Path p = Files.writeString(bin.resolve(exe), "#!/bin/sh\nexit 0\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void verifyAccepts_aBasicService() throws Exception {
    build(
        "{ pkgs, ... }: { system.services.foo.process.argv = [ \"${pkgs.hello}/bin/hello\" \"--greeting\" \"hoi\" ]; }");
    assertVerified("foo.service");
  }

  @Test
  void verifyAccepts_aSocketActivatedService() throws Exception {
    build(
        """
        { pkgs, ... }: {
          system.services.foo = {
            process.argv = [ "${pkgs.foo}/bin/foo" ];
            systemd.socket = { listenStreams = [ "/run/foo.sock" ]; wantedBy = [ "sockets.target" ]; };
          };
        }""");
    assertVerified("foo.service", "foo.socket");
  }

  @Test
  void verifyAccepts_aTimerFromStartAt() throws Exception {
    build(
        """
        { pkgs, ... }: {
          system.services.backup = {
            process.argv = [ "${pkgs.backup}/bin/backup" "--all" ];
            # The portable service's Restart=always default (as upstream) is refused by systemd for oneshot.
            systemd.service = { startAt = "daily"; serviceConfig = { Type = "oneshot"; Restart = "on-failure"; }; };
          };
        }""");
    assertVerified("backup.service", "backup.timer");
  }

  @Test
  void verifyAccepts_aPhpFpmLikeServiceWithIniConfigDataAndReloadSignal() throws Exception {
    Path fpm =
        Files.writeString(
            modules.resolve("php-fpm-service.nix.in"),
            """
        { php, formats }:
        { lib, config, options, ... }:
        let
          cfg = config.php-fpm;
          ini = formats.ini { };
        in
        {
          _class = "service";
          options.php-fpm.settings = lib.mkOption {
            type = lib.types.submodule { freeformType = ini.type; };
            default = { };
          };
          config = lib.mkMerge [
            {
              php-fpm.settings.global = { error_log = "syslog"; daemonize = false; };
              configData."php-fpm.conf".source = ini.generate "php-fpm.conf" cfg.settings;
              process.argv = [ "${php}/bin/php-fpm" "-y" config.configData."php-fpm.conf".path ];
              process.reloadSignal = "USR2";
            }
            (lib.optionalAttrs (options ? systemd) {
              notificationProtocol.systemd = true;
              systemd.service = {
                after = [ "network.target" ];
                documentation = [ "man:php-fpm(8)" ];
                serviceConfig = { RuntimeDirectory = "php-fpm"; RuntimeDirectoryPreserve = true; };
              };
            })
          ];
        }""");
    build(
        """
        { lib, pkgs, ... }: {
          system.services.php = {
            imports = [ (lib.modules.importApply %s { inherit (pkgs) php formats; }) ];
            php-fpm.settings.www = { listen = "/run/php-fpm/www.sock"; pm = "dynamic"; "pm.max_children" = 5; };
          };
        }"""
            .formatted(fpm));
    String unit = Files.readString(unitDir().resolve("php.service"));
    assertTrue(
        unit.matches(
            "(?s).*\nExecReload=/var/lib/modsvc/store/[0-9a-z]{32}-coreutils/bin/kill -USR2 \\$MAINPID\n.*"),
        "reload through the host's coreutils:\n" + unit);
    assertVerified("php.service");
  }

  private void build(String module) throws IOException {
    Files.writeString(modules.resolve("configuration.nix"), module, StandardCharsets.UTF_8);
    Map<String, String> env = Map.of("PATH", bin + ":/usr/bin:/bin", "HOME", "/root");
    CliRun r =
        CliRun.withEnv(
            env,
            "build",
            "--modules",
            modules.resolve("configuration.nix").toString(),
            "--root",
            root.toString());
    assertEquals(0, r.exitCode(), r.err());
  }

  private Path unitDir() {
    return root.resolve("etc/systemd/system");
  }

  /**
   * The scenario's units are exactly {@code names}, and systemd finds nothing to report on them.
   */
  private void assertVerified(String... names) throws Exception {
    List<String> units;
    try (Stream<Path> s = Files.list(unitDir())) {
      units =
          s.filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .sorted()
              .collect(Collectors.toList());
    }
    assertEquals(Stream.of(names).sorted().collect(Collectors.toList()), units);
    List<String> cmd = new ArrayList<>(List.of(SYSTEMD_ANALYZE.toString(), "verify", "--man=no"));
    // Programs are named through host package trees in the store, which this build wrote under
    // --root: the
    // units are checked as the host would see them once installed, with the store where it is here.
    Path rebased = Files.createDirectories(tmp.resolve("verify"));
    for (String u : units) {
      String text =
          Files.readString(unitDir().resolve(u))
              .replace("/var/lib/modsvc/store/", root.resolve("var/lib/modsvc/store") + "/");
      cmd.add(Files.writeString(rebased.resolve(u), text).toString());
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify did not finish");
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertEquals("", output, "systemd-analyze verify reported problems");
  }
}
