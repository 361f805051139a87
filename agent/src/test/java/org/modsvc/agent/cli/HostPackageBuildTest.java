package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.store.MemoryStore;

/**
 * Host packages end to end, in the shape of nixpkgs' service modules (issue 22 class 1): a service
 * module of our own declaring its package with {@code mkPackageOption pkgs "ktls-utils" { }},
 * running it with {@code lib.getExe} although the program ({@code tlshd}) is named differently and
 * lives in {@code sbin/}. The Debian database is a fake one under {@code --root} (the build reads
 * the root's own), so nothing of this machine's packages matters.
 */
class HostPackageBuildTest {
  @TempDir Path tmp;
  Path modules;
  Path root;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    modules = Files.createDirectories(tmp.resolve("modules"));
    root = tmp.resolve("root");
    env =
        Map.of(
            "PATH", Files.createDirectories(tmp.resolve("empty-bin")).toString(), "HOME", "/root");
    installDebian("ktls-utils", "/usr/sbin/tlshd", "/etc/tlshd.conf");
    installDebian("mydaemon-core", "/usr/sbin/mydaemond");
    Files.createDirectories(modules.resolve("services"));
    Files.writeString(
        modules.resolve("services/tlshd.nix"),
        """
        # Like nixpkgs' pkgs/by-name/kt/ktls-utils/service.nix, with the package option of a NixOS module.
        { pkgs }:
        { lib, config, ... }:
        {
          _class = "service";
          options.tlshd.package = lib.mkPackageOption pkgs "ktls-utils" { };
          config.process.argv = [ (lib.getExe config.tlshd.package) "--config" "/etc/tlshd.conf" ];
          config.systemd.service.serviceConfig.DynamicUser = true;
        }
        """);
    Files.writeString(
        modules.resolve("host.nix"),
        """
        { lib, pkgs, ... }: {
          system.services.tlshd.imports = [ (lib.modules.importApply ./services/tlshd.nix { inherit pkgs; }) ];
          system.services.mine.process.argv = [ (lib.getExe pkgs.my-daemon) ];
          modsvc.hostPackages.my-daemon = { debian = "mydaemon-core"; programs.mydaemon = "/usr/sbin/mydaemond"; mainProgram = "mydaemon"; };
        }
        """);
  }

  /** A Debian package under the root: its dpkg file list and its files (executable). */
  private void installDebian(String name, String... files) throws IOException {
    Path info = Files.createDirectories(root.resolve("var/lib/dpkg/info"));
    Files.writeString(
        info.resolve(name + ".list"), "/.\n/usr\n/usr/sbin\n" + String.join("\n", files) + "\n");
    for (String f : files) {
      Path p = root.resolve(f.substring(1));
      Files.createDirectories(p.getParent());
      Files.writeString(p, "#!/bin/sh\n");
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  private Path tree(String name) throws IOException {
    try (Stream<Path> s = Files.list(root.resolve("var/lib/modsvc/store"))) {
      return s.filter(p -> p.getFileName().toString().matches("[0-9a-z]{32}-" + name))
          .findFirst()
          .orElseThrow();
    }
  }

  @Test
  void mkPackageOptionAndGetExe_runTheSbinProgramThroughTheStoreTree() throws IOException {
    CliRun r =
        CliRun.withEnv(env, "build", "--modules", modules.toString(), "--root", root.toString());
    assertEquals(0, r.exitCode(), r.err());
    Path tree = tree("ktls-utils");
    String hostTree = "/" + root.relativize(tree);
    assertEquals(
        """
        [Unit]

        [Service]
        DynamicUser=true
        ExecStart="%s/bin/tlshd" "--config" "/etc/tlshd.conf"
        Restart=always
        RestartSec=5
        Type=simple

        [Install]
        WantedBy=multi-user.target
        """
            .formatted(hostTree),
        Files.readString(root.resolve("etc/systemd/system/tlshd.service")));
    assertEquals(Path.of("/usr/sbin/tlshd"), Files.readSymbolicLink(tree.resolve("bin/tlshd")));
    assertEquals(Path.of("/usr/sbin/tlshd"), Files.readSymbolicLink(tree.resolve("sbin/tlshd")));
    assertEquals(
        Path.of("/etc/tlshd.conf"), Files.readSymbolicLink(tree.resolve("etc/tlshd.conf")));
    // The tree's name is Nix's content address of what was written (nix-store --add of it gives the
    // same).
    assertEquals(
        hostTree, new MemoryStore("/var/lib/modsvc/store").addPath(tree, "ktls-utils", true, null));
  }

  @Test
  void hostPackagesOption_namesTheDebianPackageAndTheProgram() throws IOException {
    CliRun r =
        CliRun.withEnv(env, "build", "--modules", modules.toString(), "--root", root.toString());
    assertEquals(0, r.exitCode(), r.err());
    Path tree = tree("my-daemon");
    assertTrue(
        Files.readString(root.resolve("etc/systemd/system/mine.service"))
            .contains("ExecStart=\"/" + root.relativize(tree) + "/bin/mydaemon\"\n"));
    assertEquals(
        Path.of("/usr/sbin/mydaemond"), Files.readSymbolicLink(tree.resolve("bin/mydaemon")));
  }

  @Test
  void missingPackage_failsTheBuildNamingTheServiceAttributeAndAptCommand() throws IOException {
    Files.delete(root.resolve("var/lib/dpkg/info/ktls-utils.list"));
    CliRun r =
        CliRun.withEnv(env, "build", "--modules", modules.toString(), "--root", root.toString());
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(
        r.err().contains("while rendering the unit `tlshd.service' of system.services.tlshd"),
        r.err());
    assertTrue(
        r.err()
            .contains(
                "package 'ktls-utils' (pkgs.ktls-utils) is not installed on this host: install it with"
                    + " `apt install ktls-utils`"),
        r.err());
    assertEquals(List.of("run/modsvc/lock"), filesUnder("run"));
    assertTrue(!Files.exists(root.resolve("etc/systemd")), "nothing was written");
  }

  private List<String> filesUnder(String dir) throws IOException {
    try (Stream<Path> s = Files.walk(root.resolve(dir))) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }
}
