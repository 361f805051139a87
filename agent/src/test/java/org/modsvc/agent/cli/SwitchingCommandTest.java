package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a switching command reports why it stopped. */
class SwitchingCommandTest {
  private static final String HINT =
      "\nsystem mode needs root: run it as root, or use --user for your own services";

  @TempDir Path tmp;

  @Test
  void refusedAccess_inSystemModeWithoutRoot_saysSystemModeNeedsRoot() {
    assertEquals(
        HINT,
        SwitchingCommand.rootHint(new AccessDeniedException("/run/modsvc/lock"), true, false));
  }

  @Test
  void noHint_asRoot_inUserModeOrUnderARoot_orForAnotherError() {
    assertEquals(
        "", SwitchingCommand.rootHint(new AccessDeniedException("/run/modsvc/lock"), true, true));
    assertEquals(
        "",
        SwitchingCommand.rootHint(
            new AccessDeniedException("/run/user/1000/modsvc"), false, false));
    assertEquals(
        "", SwitchingCommand.rootHint(new NoSuchFileException("/etc/modsvc/modules"), true, false));
  }

  @Test
  void ioError_namesThePathAndTheReason_afterOneErrorPrefix() throws IOException {
    Path modules = Files.createDirectories(tmp.resolve("modules"));
    Files.writeString(modules.resolve("a.nix"), "{ ... }: { }");
    Path root = Files.writeString(tmp.resolve("root"), "a file, not a directory");
    CliRun r =
        CliRun.withEnv(
            Map.of("PATH", "/usr/bin:/bin", "HOME", "/home/u"),
            "build",
            "--modules",
            modules.toString(),
            "--root",
            root.toString());
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.err().startsWith("error: I/O error: " + root), r.err());
    assertTrue(r.err().matches("(?s)error: I/O error: \\S+: [^\\n]+\\n"), r.err());
  }
}
