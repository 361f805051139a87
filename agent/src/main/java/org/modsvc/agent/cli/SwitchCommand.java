package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.DriftPolicy;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.generation.Layout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modsvc-agent switch}: build the configuration and make it the running one
 * (docs/decisions.md §6, §7).
 */
@Command(
    name = "switch",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description =
        "Build the configuration and switch the services to it. Exit 0 ok, 1 usage/fatal, "
            + "2 configuration error (nothing changed), 4 some unit failed.")
final class SwitchCommand extends SwitchingCommand {
  @Mixin ConfigurationOptions configuration;

  @Mixin ManagerOptions manager;

  @Mixin JobOptions jobs;

  @Option(names = "--dry-run", description = "Show what would be done; change nothing.")
  boolean dryRun;

  @Option(
      names = "--force",
      description =
          "Back up unmanaged files in the way (<path>.modsvc-backup), overwrite "
              + "hand-edited or replaced files of ours, and retry a configuration that failed and was rolled back.")
  boolean force;

  @Option(
      names = "--drift",
      paramLabel = "POLICY",
      defaultValue = "repair-missing",
      description =
          "Owned files changed since the last switch: repair-missing (default) restores deleted ones, "
              + "repair-all also edited ones, report only reports them. Restored files restart or reload their units "
              + "as a switch that changed them would.")
  String drift = "repair-missing";

  @Option(
      names = "--rollback-on-failure",
      description =
          "When units of the new generation fail (their job, or "
              + "within --settle), switch back to the previous generation and do not retry this configuration until it "
              + "changes (exit 4).")
  boolean rollbackOnFailure;

  SwitchCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    Layout layout = context.layout();
    DriftPolicy policy = driftPolicy(drift);
    Activation activation =
        manager.activation(
            context,
            layout,
            jobs,
            o -> o.withForce(force).withDrift(policy).withRollbackOnFailure(rollbackOnFailure),
            err);
    ConfigurationSource source = configuration.source(context, layout, err);
    return print(dryRun ? activation.preview(source).result() : activation.switchTo(source));
  }

  static DriftPolicy driftPolicy(String word) {
    return switch (word) {
      case "repair-missing" -> DriftPolicy.REPAIR_MISSING;
      case "repair-all" -> DriftPolicy.REPAIR_ALL;
      case "report" -> DriftPolicy.REPORT;
      default ->
          throw new IllegalArgumentException(
              "--drift takes repair-missing, repair-all or report, got '" + word + "'");
    };
  }
}
