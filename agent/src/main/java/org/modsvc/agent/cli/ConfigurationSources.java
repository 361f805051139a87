package org.modsvc.agent.cli;

import java.nio.file.Path;
import org.modsvc.switcher.activation.UnitDirectorySource;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.build.ConfigurationSource;
import org.modsvc.switcher.generation.Layout;

/**
 * The one place that decides where a switch's configuration comes from. {@code --units DIR} (ready unit files,
 * for tests and for people migrating) always wins; otherwise the user's module files are evaluated.
 */
final class ConfigurationSources {
  private ConfigurationSources() {}

  /**
   * @param modulesPath {@code --modules PATH}, or null for the layout's default ({@code /etc/modsvc/modules},
   *     {@code ~/.config/modsvc/modules})
   * @param unitsDir {@code --units DIR}, or null
   */
  static ConfigurationSource forModules(Layout layout, Path modulesPath, Path unitsDir) {
    if (unitsDir != null) {
      return new UnitDirectorySource(unitsDir);
    }
    Path modules = modulesPath != null ? modulesPath : layout.onDisk(layout.modulesDir());
    // PLUG-IN POINT for the module-based configuration: replace the next statement with
    //   return new ModuleConfiguration(modules, …);
    // Everything downstream (switch, diff, --dry-run, rollback) takes any ConfigurationSource.
    return (l, store) -> {
      throw new BuildException("evaluating module files (" + modules + ") is not wired into this build yet; "
          + "pass --units DIR with ready unit files");
    };
  }
}
