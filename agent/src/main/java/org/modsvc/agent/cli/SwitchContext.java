package org.modsvc.agent.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.modsvc.switcher.generation.Layout;
import picocli.CommandLine.Option;

/**
 * The options every command but {@code eval} shares (docs/decisions.md §7): the mode, the root and
 * the output form; the others are in mixins of the commands they apply to ({@link
 * ConfigurationOptions}, {@link EvaluationOptions}, {@link ManagerOptions}, {@link JobOptions}), so
 * that each command's help lists only its own.
 */
final class SwitchContext {
  @Option(
      names = "--user",
      description = "Switch the calling user's services (user manager, XDG paths).")
  boolean user;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Prefix every path with DIR (tests, images).")
  Path root;

  @Option(names = "--json", description = "Print the result as JSON for tools.")
  boolean json;

  /**
   * The environment the command reads (HOME, XDG_*, PATH, bus addresses): the process's, or the one
   * given to {@link Main#run(String[], java.io.PrintStream, java.io.PrintStream, Map)} (set by its
   * command factory).
   */
  Map<String, String> env = System.getenv();

  Layout layout() throws IOException {
    Path r = root == null ? Path.of("/") : root;
    if (!user) return Layout.system(r);
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    return Layout.user(r, env, ((Number) uid).longValue());
  }
}
