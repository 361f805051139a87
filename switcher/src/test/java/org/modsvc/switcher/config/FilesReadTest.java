package org.modsvc.switcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.store.Store;

/** A build lists every file on disk its evaluation read, and nothing from the jar. */
class FilesReadTest {
  @TempDir Path tmp;

  @Test
  void build_listsModulesImportsAndEveryFileTheEvaluationRead() throws IOException {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path modules = Files.createDirectories(tmp.resolve("modules"));
    Path data = Files.createDirectories(tmp.resolve("data"));
    Files.writeString(data.resolve("greeting.txt"), "hello");
    Files.writeString(data.resolve("script.sh"), "echo hi");
    Files.createDirectories(data.resolve("listed"));
    Files.writeString(data.resolve("hashed"), "x");
    Files.writeString(
        data.resolve("extra.nix"), "{ system.services.extra.process.argv = [ \"/bin/true\" ]; }");
    Files.writeString(
        modules.resolve("hello.nix"),
        """
        { lib, ... }:
        let
          greeting = builtins.readFile ../data/greeting.txt;
          listed = builtins.attrNames (builtins.readDir ../data/listed);
          present = builtins.pathExists ../data/absent;
          hash = builtins.hashFile "sha256" ../data/hashed;
        in {
          imports = [ ../data/extra.nix ];
          system.services.hello.process.argv = [ "${../data/script.sh}" greeting (toString present)
            (toString (builtins.length listed)) hash ];
        }
        """);
    Layout layout = TrivialBuildersTest.layoutIn(tmp);
    Built built =
        new ModuleConfiguration(
                new ModuleConfiguration.Settings(
                    modules,
                    List.of(),
                    Map.of("PATH", "/usr/bin:/bin", "HOME", "/root"),
                    "test",
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    false))
            .build(layout, new Store(layout.storeDir(), layout.root()));

    Set<Path> expected =
        new TreeSet<>(
            List.of(
                modules,
                modules.resolve("hello.nix"),
                data.resolve("greeting.txt"),
                data.resolve("listed"),
                data.resolve("absent"),
                data.resolve("hashed"),
                data.resolve("extra.nix"),
                data.resolve("script.sh")));
    assertEquals(expected, new TreeSet<>(built.filesRead()));
  }
}
