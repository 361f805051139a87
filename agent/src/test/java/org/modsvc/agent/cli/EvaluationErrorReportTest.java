package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code build} tells a module author about the usual mistakes, compared whole: one {@code
 * error:} prefix, the position in the author's file, only the frames in the author's files (the
 * rest counted, with the way to see them), and definitions under {@code systemd.service} named by
 * the file that wrote them.
 */
class EvaluationErrorReportTest {
  @TempDir Path tmp;
  Path modules;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    modules = Files.createDirectories(tmp.resolve("modules"));
    env = Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u");
  }

  @Test
  void typoInAnOptionName_namesTheUsersFile_andSuggests() throws IOException {
    Path a =
        module(
            "a.nix",
            """
        { ... }:
        {
          system.services.web = {
            process.argv = [ "/bin/sleep" "1000" ];
            systemd.service.descriptoin = "web";
          };
        }
        """);
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertEquals(
        """
        error:
               … while evaluating the option `systemd.timers':

               (30 frames in library files left out; use '--show-trace' to see them)

               error: The option `systemd.services.web.descriptoin' does not exist. Definition values:
               - In `%s, via option system.services.web.systemd.services.""': "web"
              \s
               Did you mean `systemd.services.web.description', `systemd.services.web.script' or `systemd.services.web.scriptArgs'?
        nothing was written
        """
            .formatted(a),
        r.err());
  }

  @Test
  void wrongType_underSystemdService_namesTheUsersFile() throws IOException {
    Path a =
        module(
            "a.nix",
            """
        { ... }:
        {
          system.services.web = {
            process.argv = [ "/bin/sleep" "1000" ];
            systemd.service.environment.SITE_NAME = [ "demo" ];
          };
        }
        """);
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertEquals(
        """
        error:
               … while rendering the unit `web.service' of system.services.web

               (18 frames in library files left out; use '--show-trace' to see them)

               error: A definition for option `systemd.services.web.environment.SITE_NAME' is not of type `null or string or absolute path or package'. Definition values:
               - In `%s, via option system.services.web.systemd.services.""':
                   [
                     "demo"
                   ]
        nothing was written
        """
            .formatted(a),
        r.err());
  }

  @Test
  void conflictBetweenTwoUserFiles_underSystemdService_namesBothFiles() throws IOException {
    CliRun r = conflict();
    assertEquals(2, r.exitCode());
    assertEquals(
        """
        error:
               … while rendering the unit `web.service' of system.services.web

               (21 frames in library files left out; use '--show-trace' to see them)

               error: The option `systemd.services.web.serviceConfig.User' has conflicting definition values:
               - In `%s, via option system.services.web.systemd.services.""': "bob"
               - In `%s, via option system.services.web.systemd.services.""': "alice"
               Use `lib.mkForce value` or `lib.mkDefault value` to change the priority on any of these definitions.
        nothing was written
        """
            .formatted(modules.resolve("b.nix"), modules.resolve("a.nix")),
        r.err());
  }

  @Test
  void conflictBetweenTwoUserFiles_namesBothFiles_withNixpkgsLibToo() throws IOException {
    String root = System.getProperty("modsvc.conformance", System.getenv("MODSVC_CONFORMANCE"));
    assumeTrue(
        root != null && Files.isDirectory(Path.of(root, "nixpkgs-lib/lib")),
        "nixpkgs' lib not available: set MODSVC_CONFORMANCE (or -Dmodsvc.conformance) to the corpora folder");
    CliRun r = conflict("--lib", Path.of(root, "nixpkgs-lib/lib").toString());
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("- In `" + modules.resolve("b.nix") + ", via option"), r.err());
    assertTrue(r.err().contains("- In `" + modules.resolve("a.nix") + ", via option"), r.err());
  }

  @Test
  void undefinedVariable_showsFileLineColumnAndTheLine() throws IOException {
    Path a =
        module(
            "a.nix",
            """
        { lib, ... }:
        {
          system.services.web = {
            process.argv = [ "/bin/sleep" timeout ];
          };
        }
        """);
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertEquals(
        """
        error:
               (16 frames in library files left out; use '--show-trace' to see them)

               error: undefined variable 'timeout'
               at %s:4:35:
                    3|   system.services.web = {
                    4|     process.argv = [ "/bin/sleep" timeout ];
                     |                                   ^
                    5|   };
        nothing was written
        """
            .formatted(a),
        r.err());
  }

  @Test
  void undefinedVariable_withShowTrace_keepsItsPosition_andNamesBundledFilesAsImported()
      throws IOException {
    Path a = module("a.nix", "{ ... }: { system.services.web.process.argv = [ timeout ]; }\n");
    CliRun r = build("--show-trace");
    assertEquals(2, r.exitCode());
    assertTrue(
        r.err()
            .endsWith(
                """
               error: undefined variable 'timeout'
               at %s:1:49:
                    1| { ... }: { system.services.web.process.argv = [ timeout ]; }
                     |                                                 ^
                    2|
        nothing was written
        """
                    .formatted(a)),
        r.err());
    assertTrue(r.err().contains("\n         at <modsvc-lib/modules.nix>:"), r.err());
    assertFalse(
        r.err().contains("/var/lib/modsvc/store/"), "no store path of a bundled file: " + r.err());
    assertFalse(r.err().contains("left out"), r.err());
  }

  @Test
  void missingSemicolon_isOneSyntaxErrorAtItsPosition() throws IOException {
    Path a =
        module(
            "a.nix",
            """
        { ... }:
        {
          system.services.web = {
            process.argv = [ "/bin/sleep" "1000" ]
            systemd.service.description = "web";
          };
        }
        """);
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertEquals(
        """
        error: syntax error, unexpected '=', expecting ';'
               at %s:5:33:
                    4|     process.argv = [ "/bin/sleep" "1000" ]
                    5|     systemd.service.description = "web";
                     |                                 ^
                    6|   };
        nothing was written
        """
            .formatted(a),
        r.err());
  }

  @Test
  void additionOfAStringToANumber_pointsAtTheString_underTheOptionsBeingEvaluated()
      throws IOException {
    Path a =
        module(
            "a.nix",
            """
        { ... }:
        {
          system.services.web = {
            process.argv = [ "/bin/sleep" (1 + "x") ];
          };
        }
        """);
    CliRun r = build();
    assertEquals(2, r.exitCode());
    assertEquals(
        """
        error:
               … while rendering the unit `web.service' of system.services.web

               … while evaluating the option `system.services.web.systemd.mainExecStart':

               … while evaluating the option `system.services.web.process.argv':

               … while evaluating definitions from `%s':

               (40 frames in library files left out; use '--show-trace' to see them)

               error: cannot add a string to an integer
               at %s:4:40:
                    3|   system.services.web = {
                    4|     process.argv = [ "/bin/sleep" (1 + "x") ];
                     |                                        ^
                    5|   };
        nothing was written
        """
            .formatted(a, a),
        r.err());
  }

  @Test
  void json_printsTheErrorAsAnObject_andKeepsTheExitCode() throws IOException {
    Path a = module("a.nix", "{ ... }: { system.services.web.process.argv = [ timeout ]; }\n");
    CliRun r = build("--json");
    assertEquals(2, r.exitCode());
    assertEquals(
        """
        {
          "error": {
            "message": "undefined variable 'timeout'",
            "file": "%s",
            "line": 1,
            "column": 49,
            "trace": [],
            "framesLeftOut": 16,
            "exitCode": 2
          }
        }
        """
            .formatted(a),
        r.out());
    assertTrue(r.err().startsWith("error:\n"), r.err());
  }

  private CliRun conflict(String... extra) throws IOException {
    module(
        "a.nix",
        """
        { ... }:
        {
          system.services.web = {
            process.argv = [ "/bin/sleep" "1000" ];
            systemd.service.serviceConfig.User = "alice";
          };
        }
        """);
    module(
        "b.nix",
        """
        { ... }:
        {
          system.services.web.systemd.service.serviceConfig.User = "bob";
        }
        """);
    return build(extra);
  }

  private Path module(String name, String text) throws IOException {
    return Files.writeString(modules.resolve(name), text);
  }

  private CliRun build(String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "build",
                "--modules",
                modules.toString(),
                "--root",
                tmp.resolve("root").toString()));
    args.addAll(List.of(extra));
    return CliRun.withEnv(env, args.toArray(String[]::new));
  }
}
