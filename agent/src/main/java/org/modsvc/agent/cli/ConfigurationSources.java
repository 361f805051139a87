package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.modsvc.nix.source.SearchPathEntry;
import org.modsvc.switcher.build.UnitValidator;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.config.ModuleConfiguration;
import org.modsvc.switcher.config.UnitDirectorySource;
import org.modsvc.switcher.generation.Layout;

/**
 * The one place that decides where a switch's configuration comes from. {@code --units DIR} (ready
 * unit files, for tests and for people migrating) always wins; otherwise the user's module files
 * are evaluated.
 */
final class ConfigurationSources {
  private ConfigurationSources() {}

  /**
   * @param modulesPath {@code --modules PATH}, or null for the layout's default ({@code
   *     /etc/modsvc/modules}, {@code ~/.config/modsvc/modules})
   * @param unitsDir {@code --units DIR}, or null
   */
  static ConfigurationSource forModules(
      SwitchContext context,
      EvaluationOptions evaluation,
      UnitValidator.Settings checks,
      Layout layout,
      Path modulesPath,
      Path unitsDir,
      PrintStream diagnostics)
      throws IOException {
    if (unitsDir != null) {
      return new UnitDirectorySource(unitsDir);
    }
    return modules(context, evaluation, checks, layout, modulesPath, diagnostics);
  }

  /**
   * The user's module files, evaluated with {@code evaluation}'s {@code --lib} and {@code
   * --show-trace} and {@code context}'s environment ({@code PATH} for host packages, {@code HOME});
   * the units pass {@code checks}.
   */
  static ModuleConfiguration modules(
      SwitchContext context,
      EvaluationOptions evaluation,
      UnitValidator.Settings checks,
      Layout layout,
      Path modulesPath,
      PrintStream diagnostics)
      throws IOException {
    Path modules = modulesPath != null ? modulesPath : layout.dirOnDisk(layout.modulesDir());
    return new ModuleConfiguration(
        new ModuleConfiguration.Settings(
            modules,
            libSearchPath(evaluation.lib),
            context.env,
            Main.VERSION,
            diagnostics,
            evaluation.showTrace,
            checks));
  }

  /**
   * {@code --lib PATH} puts another lib (e.g. a nixpkgs checkout's {@code lib/}) in place of ours.
   */
  private static List<SearchPathEntry> libSearchPath(Path lib) {
    if (lib == null) return List.of();
    return List.of(new SearchPathEntry("modsvc-lib", lib.toAbsolutePath().normalize().toString()));
  }
}
