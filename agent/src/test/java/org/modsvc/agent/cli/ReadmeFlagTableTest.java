package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README's flag table ("Each command accepts only its own flags") is what picocli's model of
 * each command accepts, both ways: every flag the table gives a command is one of its options, no
 * command has an option the table does not give it, and every flag of the table a command does not
 * take is refused when parsed ({@code gc --dry-run}, {@code generations --modules}, …).
 */
class ReadmeFlagTableTest {
  /**
   * The commands the table covers: all but {@code eval} (nix-instantiate's flags, documented apart)
   * and help.
   */
  private static final List<String> COMMANDS =
      Main.SUBCOMMANDS.keySet().stream()
          .filter(c -> !c.equals("eval") && !c.equals("help"))
          .toList();

  /** Every command has picocli's standard help options; the table does not list them. */
  private static final Set<String> STANDARD = Set.of("--help", "--version");

  private static final Pattern ROW = Pattern.compile("^\\| `(--[a-z-]+)[^`]*` \\| ([^|]+) \\|");

  /** flag → the commands that accept it, as the README says. */
  private static Map<String, Set<String>> table() throws IOException {
    Path readme = readme();
    Map<String, Set<String>> table = new LinkedHashMap<>();
    boolean inTable = false;
    for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
      if (line.startsWith("| flag | commands | meaning |")) {
        inTable = true;
        continue;
      }
      if (!inTable || line.startsWith("|---")) continue;
      if (!line.startsWith("|")) break;
      Matcher m = ROW.matcher(line);
      assertTrue(m.find(), "README flag table row not understood: " + line);
      table.put(m.group(1), commands(m.group(2).strip()));
    }
    assertFalse(table.isEmpty(), "no flag table in " + readme);
    return table;
  }

  /**
   * A cell: {@code build, switch, diff}, or {@code all but eval} / {@code all but eval, daemon}
   * (the others).
   */
  private static Set<String> commands(String cell) {
    boolean allBut = cell.startsWith("all but ");
    Set<String> named = new TreeSet<>();
    for (String c : (allBut ? cell.substring("all but ".length()) : cell).split(",")) {
      String command = c.strip();
      assertTrue(
          COMMANDS.contains(command) || (allBut && command.equals("eval")),
          "README flag table names an unknown command: " + command);
      named.add(command);
    }
    if (!allBut) return named;
    Set<String> others = new TreeSet<>(COMMANDS);
    others.removeAll(named);
    return others;
  }

  /** The README of the checkout the tests run in (the module's directory or one above it). */
  private static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("README.md");
      if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("agent")))
        return candidate;
    }
    Assumptions.abort(
        "README.md of the repository not found above " + Path.of("").toAbsolutePath());
    throw new AssertionError("unreachable");
  }

  private static CommandLine command(String name) {
    return Main.commandLine(System.out, System.err, Map.of(), new String[] {name})
        .getSubcommands()
        .get(name);
  }

  /** The visible options of {@code name}, each by its longest name. */
  private static Set<String> optionsOf(String name) {
    Set<String> names = new TreeSet<>();
    for (CommandLine.Model.OptionSpec o : command(name).getCommandSpec().options()) {
      if (!o.hidden()) names.add(o.longestName());
    }
    return names;
  }

  @Test
  void eachCommandAcceptsExactlyTheFlagsTheReadmeGivesIt() throws IOException {
    Map<String, Set<String>> table = table();
    Map<String, Set<String>> expected = new TreeMap<>();
    Map<String, Set<String>> actual = new TreeMap<>();
    for (String c : COMMANDS) {
      Set<String> flags = new TreeSet<>(STANDARD);
      table.forEach(
          (flag, commands) -> {
            if (commands.contains(c)) flags.add(flag);
          });
      expected.put(c, flags);
      actual.put(c, optionsOf(c));
    }
    assertEquals(expected, actual);
  }

  @Test
  void aFlagOfTheTableIsRefusedByEveryCommandItIsNotGivenTo() throws IOException {
    int refused = 0;
    for (Map.Entry<String, Set<String>> row : table().entrySet()) {
      for (String c : COMMANDS) {
        if (row.getValue().contains(c)) continue;
        CommandLine cl = Main.commandLine(System.out, System.err, Map.of(), new String[] {c});
        assertThrows(
            CommandLine.UnmatchedArgumentException.class,
            () -> cl.parseArgs(c, row.getKey()),
            c + " " + row.getKey());
        refused++;
      }
    }
    assertTrue(refused > 0, "the table gives every flag to every command");
  }

  @Test
  void gcRefusesDryRunAndGenerationsRefusesModules() {
    for (List<String> args :
        List.of(List.of("gc", "--dry-run"), List.of("generations", "--modules", "/x"))) {
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertEquals(1, run.exitCode(), String.join(" ", args));
      assertTrue(run.err().startsWith("error: Unknown option"), run.err());
    }
  }
}
