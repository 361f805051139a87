package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.generation.Layout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code modsvc-agent switch}: build the configuration and make it the running one (docs/decisions.md §6, §7). */
@Command(name = "switch", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
    description = "Build the configuration and switch the services to it. Exit 0 ok, 1 usage/fatal, "
        + "2 configuration error (nothing changed), 4 some unit failed.")
final class SwitchCommand extends SwitchingCommand {
  @Mixin ConfigurationOptions configuration;

  @Mixin ManagerOptions manager;

  @Mixin JobOptions jobs;

  @Option(names = "--dry-run", description = "Show what would be done; change nothing.")
  boolean dryRun;

  @Option(names = "--force", description = "Back up unmanaged files in the way (<path>.modsvc-backup).")
  boolean force;

  SwitchCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    Layout layout = context.layout();
    Activation activation = manager.activation(context, layout, jobs, force, err);
    ConfigurationSource source = configuration.source(context, layout, err);
    return print(dryRun ? activation.preview(source).result() : activation.switchTo(source));
  }
}
