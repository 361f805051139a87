package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.generation.Layout;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where a build, switch or diff takes its configuration from: {@code --modules PATH} or {@code
 * --units DIR}.
 */
final class ConfigurationOptions {
  @Option(
      names = "--modules",
      paramLabel = "PATH",
      description = "The module files (default: the mode's modules directory).")
  Path modules;

  @Option(
      names = "--units",
      paramLabel = "DIR",
      description = "Use ready unit files from DIR instead of modules.")
  Path units;

  @Mixin EvaluationOptions evaluation;

  @Mixin UnitCheckOptions checks;

  /** The configuration these options name (see {@link ConfigurationSources#forModules}). */
  ConfigurationSource source(SwitchContext context, Layout layout, PrintStream diagnostics)
      throws IOException {
    return ConfigurationSources.forModules(
        context, evaluation, checks.settings(), layout, modules, units, diagnostics);
  }
}
