package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  @Test
  void subcommandNamesAreTheCommandsOwnNames() {
    for (String name : Main.SUBCOMMANDS.keySet()) {
      CommandLine cl = Main.commandLine(System.out, System.err, Map.of(), new String[] {name});
      List<String> built = List.copyOf(cl.getSubcommands().keySet());
      assertEquals(
          name.equals("help") ? List.copyOf(Main.SUBCOMMANDS.keySet()) : List.of(name), built);
    }
  }

  @Test
  void aNamedSubcommandIsTheOnlyOneBuilt() {
    assertEquals(
        List.of(EvalCommand.class),
        List.copyOf(Main.subcommandsFor(new String[] {"eval", "--strict", "x.nix"})));
    assertEquals(
        List.of(GcCommand.class),
        List.copyOf(Main.subcommandsFor(new String[] {"gc", "--keep", "3"})));
  }

  @Test
  void helpAndUnknownOrMissingSubcommandsGetAllOfThem() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--help"},
            new String[] {"help", "eval"},
            new String[] {"nosuch"})) {
      assertEquals(
          Main.SUBCOMMANDS.size(), Main.subcommandsFor(args).size(), String.join(" ", args));
    }
  }

  @Test
  void topLevelHelpStillListsEverySubcommand() {
    CliRun run = CliRun.of("--help");
    assertEquals(0, run.exitCode());
    for (String name : Main.SUBCOMMANDS.keySet())
      assertTrue(run.out().contains("  " + name + " "), name + " in\n" + run.out());
  }

  @Test
  void anUnknownSubcommandIsAnErrorNamingIt() {
    CliRun run = CliRun.of("nosuch");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("nosuch"), run.err());
  }

  @Test
  void helpForOneCommandWorksBothWays() {
    CliRun viaHelp = CliRun.of("help", "gc");
    CliRun viaFlag = CliRun.of("gc", "--help");
    assertEquals(0, viaHelp.exitCode());
    assertEquals(0, viaFlag.exitCode());
    assertTrue(viaFlag.out().contains("--keep"), viaFlag.out());
    assertEquals(viaFlag.out(), viaHelp.out());
  }
}
