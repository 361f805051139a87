package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.UnifiedDiff;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.Layout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code modsvc-agent diff}: a dry-run switch plus the unified diff of unit and config files, old
 * against new; a config data link's change is shown with the content of its old and new store
 * targets.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description =
        "Show the planned jobs and a unified diff of the unit and config files; change nothing.")
final class DiffCommand extends SwitchingCommand {
  @Mixin ConfigurationOptions configuration;

  @Mixin ManagerOptions manager;

  DiffCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    Layout layout = context.layout();
    Activation.Preview preview =
        manager
            .activation(context, layout, JobOptions.defaults(), false, err)
            .preview(configuration.source(context, layout, err));
    String diff =
        UnifiedDiff.of(preview.oldState(), preview.newState(), target -> inStore(layout, target));
    if (context.json) {
      Map<String, Object> data = new LinkedHashMap<>(preview.result().toData());
      data.put("diff", diff);
      out.print(JsonText.of(data));
    } else {
      out.print(preview.result().render());
      out.print(diff);
    }
    out.flush();
    return preview.result().exitCode();
  }

  /**
   * Config data links point into our store: their targets' content is shown, not only two hashes.
   */
  private static Optional<Path> inStore(Layout layout, String target) {
    if (!target.startsWith(layout.storeDir().value() + "/")) {
      return Optional.empty();
    }
    try {
      return Optional.of(layout.onDisk(HostPath.of(target)));
    } catch (IllegalArgumentException | java.io.IOException e) {
      return Optional.empty();
    }
  }
}
