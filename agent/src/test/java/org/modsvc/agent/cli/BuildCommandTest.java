package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code modsvc-agent build} end to end, in-process: module files in a temporary directory, host
 * packages as fake executables on a temporary {@code PATH}, everything written under {@code
 * --root}; the files on disk are checked exactly. Bad configurations must exit 2 and leave no file
 * behind but the switch lock (which the agent takes before evaluating, in the runtime directory).
 */
class BuildCommandTest {
  @TempDir Path tmp;
  Path modules;
  Path bin;
  Path root;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    modules = Files.createDirectories(tmp.resolve("modules"));
    bin = Files.createDirectories(tmp.resolve("bin"));
    root = tmp.resolve("root");
    Path mpd = Files.writeString(bin.resolve("mpd"), "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(mpd, PosixFilePermissions.fromString("rwxr-xr-x"));
    env = Map.of("PATH", bin.toString(), "HOME", "/home/u", "XDG_RUNTIME_DIR", "/run/user/1000");
  }

  @Test
  void userBuild_writesMpdServiceAndDefaultTargetLink_whenMpdIsOnPath() throws IOException {
    module(
        "mpd.nix",
        "{ pkgs, ... }: { home.services.mpd.process.argv = [ \"${pkgs.mpd}/bin/mpd\" \"--no-daemon\" ]; }");
    CliRun r = build("--user");
    assertEquals(0, r.exitCode(), r.err());
    Path units = root.resolve("home/u/.config/systemd/user");
    assertEquals(
        """
        [Install]
        WantedBy=default.target

        [Service]
        ExecStart="%s/bin/mpd" "--no-daemon"
        Restart=always
        RestartSec=5
        Type=simple
        """
            .formatted(mpdTree()),
        Files.readString(units.resolve("mpd.service")));
    assertEquals(
        "../mpd.service",
        Files.readSymbolicLink(units.resolve("default.target.wants/mpd.service")).toString());
    assertEquals(
        List.of(
            "home/u/.config/systemd/user/default.target.wants/mpd.service",
            "home/u/.config/systemd/user/mpd.service"),
        liveFiles("home/u/.config"));
  }

  @Test
  void systemBuild_linksConfigDataToAReadOnlyStoreFile_whenAServiceHasConfigData()
      throws IOException {
    module(
        "web.nix",
        """
        { pkgs, ... }: {
          system.services.web = {
            process.argv = [ "${pkgs.mpd}/bin/mpd" "--conf" "/etc/system-services/web/mpd.conf" ];
            configData."mpd.conf".text = "port 6600\\n";
          };
        }""");
    CliRun r = build();
    assertEquals(0, r.exitCode(), r.err());
    Path link = root.resolve("etc/system-services/web/mpd.conf");
    String target = Files.readSymbolicLink(link).toString();
    assertTrue(
        target.matches("/var/lib/modsvc/store/[0-9a-z]{32}-service-configdata-mpd\\.conf"), target);
    Path stored = root.resolve(target.substring(1));
    assertEquals("port 6600\n", Files.readString(stored));
    assertEquals(
        "r--r--r--",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(stored, LinkOption.NOFOLLOW_LINKS)));
    assertEquals(
        List.of(
            "etc/system-services/web/mpd.conf",
            "etc/systemd/system/multi-user.target.wants/web.service",
            "etc/systemd/system/web.service"),
        liveFiles("etc"));
  }

  @Test
  void systemBuild_restartsOnConfigDataChange_throughATriggerFileInTheStore() throws IOException {
    webWithConfigData();
    assertEquals(0, build().exitCode());
    String unit = Files.readString(root.resolve("etc/systemd/system/web.service"));
    String trigger =
        unit.lines()
            .filter(l -> l.startsWith("X-Restart-Triggers="))
            .findFirst()
            .orElseThrow()
            .substring("X-Restart-Triggers=".length());
    assertEquals(
        """
        [Unit]
        X-Restart-Triggers=%s

        [Service]
        ExecStart="%s/bin/mpd"
        Restart=always
        RestartSec=5
        Type=simple

        [Install]
        WantedBy=multi-user.target
        """
            .formatted(trigger, mpdTree()),
        unit);
    String configData =
        Files.readSymbolicLink(root.resolve("etc/system-services/web/mpd.conf")).toString();
    assertTrue(
        Files.readString(root.resolve(trigger.substring(1))).contains(configData),
        "the trigger file names the configData store path");
  }

  @Test
  void build_exits2AndWritesNothing_whenAnAssertionFails() throws IOException {
    module(
        "foo.nix",
        """
        { ... }: {
          system.services.foo = {
            process.argv = [ "/bin/true" ];
            assertions = [ { assertion = false; message = "foo needs bar"; } ];
          };
        }""");
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertEquals(
        "error: Failed assertions:\n- in system.services.foo: foo needs bar\nnothing was written\n",
        r.err());
    assertEquals(List.of("run/modsvc/lock"), allFiles());
  }

  @Test
  void build_exits2WithFileLineColumnAndWritesNothing_whenAModuleDoesNotParse() throws IOException {
    Path m =
        module(
            "foo.nix",
            "{ ... }: {\n  system.services.foo = { process.argv = [ \"/bin/true\" ] };\n}\n");
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertTrue(r.err().startsWith("error: syntax error, unexpected '}', expecting ';'\n"), r.err());
    assertTrue(r.err().contains("at " + m + ":2:58:"), r.err());
    assertEquals(List.of("run/modsvc/lock"), allFiles());
  }

  @Test
  void build_refusesAServiceNameThatEscapesTheUnitDirectory() throws IOException {
    module("x.nix", "{ ... }: { system.services.\"../x\".process.argv = [ \"/bin/true\" ]; }");
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertTrue(
        r.err()
            .contains(
                "error: modsvc: service name `../x' at system.services.\"../x\" contains characters "
                    + "systemd rejects in unit names"),
        r.err());
    assertTrue(
        r.err().startsWith("error:\n") && !r.err().contains("error: error:"),
        "one error prefix, not two: " + r.err());
    assertFalse(
        r.err().contains("lift.nix"), "no frame of our modules without --show-trace: " + r.err());
    assertEquals(List.of("run/modsvc/lock"), allFiles());
  }

  @Test
  void build_refusesAConfigDataNameThatEscapesTheServiceDirectory() throws IOException {
    module(
        "x.nix",
        """
        { ... }: {
          system.services.foo = {
            process.argv = [ "/bin/true" ];
            configData."../../etc/passwd".text = "root::0:0::/:/bin/sh";
          };
        }""");
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertTrue(
        r.err()
            .contains(
                "configData name `../../etc/passwd' at system.services.foo.configData.\"../../etc/passwd\""
                    + ".name must not contain `..' components"),
        r.err());
    assertEquals(List.of("run/modsvc/lock"), allFiles());
  }

  @Test
  void
      build_exits2AndWritesNothing_whenAUnitKeyIsUnknown_namingTheOptionTheKeyASuggestionAndTheUsersLine()
          throws IOException {
    Path m =
        module(
            "web.nix",
            """
        { ... }: {
          system.services.web = {
            process.argv = [ "/bin/true" ];
            systemd.service.serviceConfig.RestartSecc = 3;
          };
        }""");
    CliRun r = build();
    assertEquals(2, r.exitCode(), r.err());
    assertEquals(
        "error: the unit files would be rejected by systemd:\n"
            + "- unit web.service (system.services.web), [Service] RestartSecc: unknown key; did you mean RestartSec? "
            + "(RestartSecc appears at "
            + m
            + ":4)\n"
            + "(keys of a systemd newer than 252: --unit-keys=warn)\nnothing was written\n",
        r.err());
    assertEquals(List.of("run/modsvc/lock"), allFiles());
  }

  @Test
  void build_exits2_whenAValueIsInvalid_andUnitKeysWarnLetsItThroughWithAWarning()
      throws IOException {
    module(
        "web.nix",
        """
        { ... }: {
          system.services.web = {
            process.argv = [ "/bin/true" ];
            systemd.service.serviceConfig.Restart = "true";
          };
        }""");
    CliRun strict = build();
    assertEquals(2, strict.exitCode(), strict.err());
    assertTrue(
        strict
            .err()
            .contains("[Service] Restart: invalid value \"true\"; expected one of always, no, "),
        strict.err());

    CliRun lenient = build("--unit-keys=warn");
    assertEquals(0, lenient.exitCode(), lenient.err());
    assertTrue(
        lenient
            .err()
            .contains(
                "warning: unit web.service (system.services.web), [Service] Restart: invalid "
                    + "value \"true\""),
        lenient.err());
  }

  @Test
  void build_exits2_whenTheProgramStartsWithAnExecStartPrefix() throws IOException {
    module(
        "web.nix",
        "{ ... }: { system.services.web.process.argv = [ \"+/bin/sh\" \"-c\" \"id\" ]; }");
    CliRun r = build();
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "the program \"+/bin/sh\" starts with '+', which systemd reads as an ExecStart= prefix"),
        r.err());
    assertEquals(List.of("run/modsvc/lock"), allFiles());
  }

  @Test
  void build_warnsAboutAMissingProgram_andStrictPathsRefusesIt() throws IOException {
    module("web.nix", "{ ... }: { system.services.web.process.argv = [ \"/opt/nowhere/web\" ]; }");
    CliRun r = build();
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.err()
            .contains(
                "warning: unit web.service (system.services.web): the program /opt/nowhere/web of "
                    + "ExecStart= does not exist under "
                    + root),
        r.err());
    Path fresh = tmp.resolve("root2");
    CliRun strict =
        CliRun.withEnv(
            env,
            "build",
            "--modules",
            modules.toString(),
            "--root",
            fresh.toString(),
            "--strict-paths");
    assertEquals(2, strict.exitCode(), strict.err());
  }

  @Test
  void build_exits1_withoutRoot() throws IOException {
    module("mpd.nix", "{ ... }: { }");
    CliRun r = CliRun.withEnv(env, "build", "--modules", modules.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("build writes its files under --root DIR"), r.err());
  }

  /**
   * The warm measurement is a main of its own ({@code BuildBench}), not a flag of the production
   * command.
   */
  @Test
  void benchMain_timesTheEvaluation_writesNothing_andBuildNoLongerTakesRepeat() throws IOException {
    module(
        "mpd.nix",
        "{ pkgs, ... }: { home.services.mpd.process.argv = [ \"${pkgs.mpd}/bin/mpd\" ]; }");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int rc =
        BuildBench.run(
            new String[] {
              "3", "--user", "--modules", modules.toString(), "--root", root.toString()
            },
            new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    String errText = err.toString(StandardCharsets.UTF_8);
    assertEquals(0, rc, errText);
    assertEquals("1 units\n", out.toString(StandardCharsets.UTF_8));
    assertTrue(errText.contains("repeat: run 3: "), errText);
    assertTrue(errText.contains("repeat: median of last 2 runs:"), errText);
    assertFalse(
        Files.exists(root.resolve("home/u/.config/systemd")), "the benchmark writes no unit");
    CliRun r = build("--user", "--repeat", "3");
    assertTrue(r.exitCode() != 0, "build no longer takes --repeat");
    assertTrue(r.err().contains("--repeat"), r.err());
  }

  @Test
  void emptyRoot_isAUsageError() throws IOException {
    module("web.nix", "{ ... }: { }");
    CliRun r = CliRun.withEnv(env, "build", "--modules", modules.toString(), "--root", "");
    assertEquals(1, r.exitCode(), r.err());
    assertEquals("error: --root needs a directory, found an empty string\n", r.err());
  }

  @Test
  void corruptOldManifest_isAPlainErrorOfTheHost_notAnInternalError() throws IOException {
    module(
        "web.nix",
        "{ pkgs, ... }: { system.services.web.process.argv = [ \"${pkgs.mpd}/bin/mpd\" ]; }");
    assertEquals(0, build().exitCode());
    module(
        "web.nix",
        "{ pkgs, ... }: { system.services.web.process.argv = [ \"${pkgs.mpd}/bin/mpd\" \"-v\" ]; }");
    assertEquals(0, build().exitCode());
    Path manifest = root.resolve("var/lib/modsvc/generations/1/manifest.json");
    Files.writeString(manifest, "{ \"version\": 1, \"generation\": ");
    CliRun r = CliRun.withEnv(env, "generations", "--root", root.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("error: " + manifest + ": invalid manifest: "), r.err());
    assertTrue(!r.err().contains("internal error") && !r.err().contains("Exception"), r.err());
  }

  @Test
  void storeEntryEditedByHand_isRewrittenByTheNextBuild() throws IOException {
    webWithConfigData();
    assertEquals(0, build().exitCode());
    // the link names the store as the host sees it: find the entry under the root
    Path stored =
        root.resolve(
            Files.readSymbolicLink(root.resolve("etc/system-services/web/mpd.conf"))
                .toString()
                .substring(1));
    Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-r--r--"));
    Files.writeString(stored, "port 1\n");
    CliRun r = build();
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("port 6600\n", Files.readString(stored));
    assertTrue(r.err().contains("had been changed on disk; rewritten"), r.err());
  }

  /** A service {@code web} whose configData {@code mpd.conf} says {@code port 6600}. */
  private void webWithConfigData() throws IOException {
    module(
        "web.nix",
        """
        { pkgs, ... }: {
          system.services.web = {
            process.argv = [ "${pkgs.mpd}/bin/mpd" ];
            configData."mpd.conf".text = "port 6600\\n";
          };
        }""");
  }

  private Path module(String name, String text) throws IOException {
    return Files.writeString(modules.resolve(name), text, StandardCharsets.UTF_8);
  }

  /**
   * The store tree of the host package mpd the build wrote: its bin/mpd links to the program on
   * PATH.
   */
  private String mpdTree() throws IOException {
    Path store = root.resolve("var/lib/modsvc/store");
    if (!Files.isDirectory(store)) store = root.resolve("home/u/.local/state/modsvc/store");
    try (Stream<Path> s = Files.list(store)) {
      Path tree =
          s.filter(p -> p.getFileName().toString().matches("[0-9a-z]{32}-mpd"))
              .findFirst()
              .orElseThrow();
      assertEquals(bin.resolve("mpd"), Files.readSymbolicLink(tree.resolve("bin/mpd")));
      return "/" + root.relativize(tree);
    }
  }

  private CliRun build(String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of("build", "--modules", modules.toString(), "--root", root.toString()));
    args.addAll(List.of(extra));
    return CliRun.withEnv(env, args.toArray(String[]::new));
  }

  /** Regular files and symlinks under {@code root/under}, relative to root, sorted. */
  private List<String> liveFiles(String under) throws IOException {
    return filesBelow(root.resolve(under));
  }

  private List<String> filesBelow(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> root.relativize(p).toString())
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private List<String> allFiles() throws IOException {
    return Files.exists(root) ? filesBelow(root) : List.of();
  }
}
