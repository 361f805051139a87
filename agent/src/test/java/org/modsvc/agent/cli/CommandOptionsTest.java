package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Each command accepts, and its help lists, only the options that apply to it (issue 19). */
class CommandOptionsTest {
  private static final Set<String> COMMON =
      Set.of("--user", "--root", "--json", "--help", "--version");
  private static final Set<String> EVALUATION = Set.of("--lib", "--show-trace");
  private static final Set<String> CONFIGURATION =
      Set.of("--modules", "--units", "--unit-keys", "--strict-paths");
  private static final Set<String> MANAGER = Set.of("--bus", "--lock-wait");
  private static final Set<String> JOBS = Set.of("--job-timeout", "--settle", "--keep-generations");

  private static Set<String> optionsOf(String command) {
    CommandLine cl = Main.commandLine(System.out, System.err, Map.of(), new String[] {command});
    Set<String> names = new TreeSet<>();
    for (CommandLine.Model.OptionSpec o :
        cl.getSubcommands().get(command).getCommandSpec().options()) {
      if (!o.hidden()) names.add(o.longestName());
    }
    return names;
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    Set<String> all = new TreeSet<>();
    for (Set<String> s : sets) all.addAll(s);
    return all;
  }

  @Test
  void eachCommandHasExactlyItsOwnOptions() {
    assertEquals(union(COMMON, Set.of("--keep-generations")), optionsOf("gc"));
    assertEquals(union(COMMON), optionsOf("generations"));
    assertEquals(union(COMMON, EVALUATION, Set.of("--modules", "--all")), optionsOf("options"));
    assertEquals(union(COMMON, EVALUATION, CONFIGURATION, Set.of("--force")), optionsOf("build"));
    assertEquals(union(COMMON, EVALUATION, CONFIGURATION, MANAGER), optionsOf("diff"));
    assertEquals(
        union(
            COMMON,
            EVALUATION,
            CONFIGURATION,
            MANAGER,
            JOBS,
            Set.of("--dry-run", "--force", "--drift", "--rollback-on-failure")),
        optionsOf("switch"));
    assertEquals(union(COMMON, MANAGER, JOBS, Set.of("--force")), optionsOf("rollback"));
  }

  @Test
  void anOptionOfAnotherCommandIsRefused() {
    for (List<String> args :
        List.of(
            List.of("gc", "--bus", "unix:path=/x"),
            List.of("gc", "--job-timeout", "3"),
            List.of("generations", "--lib", "/x"),
            List.of("options", "--settle", "1"),
            List.of("diff", "--settle", "1"))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(1, run.exitCode(), String.join(" ", args));
      assertTrue(run.err().startsWith("error: Unknown option"), run.err());
    }
  }

  @Test
  void gcHelpOffersNeitherBusNorJobTimeout() {
    CliRun run = CliRun.of("gc", "--help");
    assertTrue(run.out().contains("--keep-generations"), run.out());
    assertTrue(!run.out().contains("--bus") && !run.out().contains("--job-timeout"), run.out());
  }

  @Test
  void unitKeysTakesErrorOrWarn() {
    CliRun run = CliRun.of("build", "--root", "/nonexistent-root", "--unit-keys", "maybe");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("expected 'error' or 'warn', got 'maybe'"), run.err());
  }
}
