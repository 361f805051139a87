package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.OptionalInt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modsvc-agent rollback [N]}: switch to generation N's files (default: the one before
 * current).
 */
@Command(
    name = "rollback",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Switch back to generation N (default: the generation before the current one), as a new generation.")
final class RollbackCommand extends SwitchingCommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "N",
      description = "The generation to go back to.")
  Integer generation;

  @picocli.CommandLine.Mixin ManagerOptions manager;

  @picocli.CommandLine.Mixin JobOptions jobs;

  @Option(
      names = "--force",
      description = "Back up unmanaged files in the way (<path>.modsvc-backup).")
  boolean force;

  RollbackCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    if (generation != null && generation < 1) {
      throw new IllegalArgumentException("generation numbers start at 1, got " + generation);
    }
    return print(
        manager
            .activation(context, context.layout(), jobs, force, err)
            .rollback(generation == null ? OptionalInt.empty() : OptionalInt.of(generation)));
  }
}
