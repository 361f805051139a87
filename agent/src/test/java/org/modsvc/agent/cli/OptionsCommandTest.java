package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code modsvc-agent options}: the declared options of the modules directory's evaluation,
 * documented.
 */
class OptionsCommandTest {
  @TempDir Path tmp;
  Path modules;
  Path root;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    modules = Files.createDirectories(tmp.resolve("modules"));
    root = tmp.resolve("root");
    env = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u", "XDG_RUNTIME_DIR", "/run/user/1000");
    Files.writeString(
        modules.resolve("site.nix"),
        """
        { lib, ... }: {
          options.site = {
            port = lib.mkOption {
              type = lib.types.port;
              default = 8080;
              example = 80;
              description = "Port the site listens on.";
            };
            secretKey = lib.mkOption { type = lib.types.str; internal = true; default = "k"; };
            banner = lib.mkOption {
              type = lib.types.lines;
              defaultText = lib.literalExpression "config.site.name";
              readOnly = true;
              description = "Banner.";
            };
          };
          config.system.services.web.process.argv = [ "/bin/true" ];
        }""");
  }

  @Test
  void options_documentsAUserOption_asNixosOptionShowsIt() {
    CliRun r = options("site.port");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        """
        site.port
          Type:
            16 bit unsigned integer; between 0 and 65535 (both inclusive)
          Default:
            8080
          Example:
            80
          Description:
            Port the site listens on.
          Declared by:
            %s
        """
            .formatted(modules.resolve("site.nix")),
        r.out());
  }

  @Test
  void options_printsOptionsJsonEntries_withJson() {
    CliRun r = options("--json", "site.banner");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals(
        """
        {
          "site.banner": {
            "declarations": [
              "%s"
            ],
            "default": {
              "_type": "literalExpression",
              "text": "config.site.name"
            },
            "description": "Banner.",
            "loc": [
              "site",
              "banner"
            ],
            "readOnly": true,
            "type": "strings concatenated with \\"\\\\n\\""
          }
        }
        """
            .formatted(modules.resolve("site.nix")),
        r.out());
  }

  @Test
  void options_hidesInternalOptions_unlessAll() {
    assertEquals(List.of("site.banner", "site.port"), names(options("site")));
    assertEquals(
        List.of("site.banner", "site.port", "site.secretKey"), names(options("--all", "site")));
  }

  @Test
  void options_listsTheServiceSubOptions_whenASubtreeIsSelected() {
    List<String> names = names(options("system.services"));
    assertEquals("system.services", names.get(0));
    assertTrue(names.contains("system.services.<name>.process.argv"), names.toString());
    assertTrue(names.contains("system.services.<name>.configData.<name>.text"), names.toString());
    assertTrue(
        names.stream()
            .allMatch(n -> n.equals("system.services") || n.startsWith("system.services.")),
        names.toString());
  }

  @Test
  void options_documentsHomeServices_inUserMode() throws IOException {
    // The system-mode module above would define `system', which user mode does not declare.
    Files.writeString(
        modules.resolve("site.nix"),
        "{ ... }: { home.services.mpd.process.argv = [ \"/bin/true\" ]; }");
    List<String> names = names(options("--user", "home.services"));
    assertTrue(names.contains("home.services.<name>.process.argv"), names.toString());
  }

  @Test
  void options_exits1_whenNoOptionMatches() {
    CliRun r = options("site.nope");
    assertEquals(1, r.exitCode());
    assertEquals(
        "error: no option `site.nope' is declared (or it is internal/invisible: try --all)\n",
        r.err());
  }

  @Test
  void options_exits2WithThePosition_whenAModuleDoesNotParse() throws IOException {
    Files.writeString(modules.resolve("broken.nix"), "{ ... }: { x = ; }");
    CliRun r = options("site.port");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains(modules.resolve("broken.nix") + ":1:16:"), r.err());
  }

  @Test
  void options_writesNothing() {
    assertEquals(0, options().exitCode());
    assertFalse(Files.exists(root.resolve("etc")), "options must not write units");
  }

  private CliRun options(String... args) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of("options", "--modules", modules.toString(), "--root", root.toString()));
    all.addAll(List.of(args));
    return CliRun.withEnv(env, all.toArray(String[]::new));
  }

  private static List<String> names(CliRun r) {
    assertEquals(0, r.exitCode(), r.err());
    return r.out()
        .lines()
        .filter(l -> !l.isEmpty() && !l.startsWith(" "))
        .collect(Collectors.toList());
  }
}
