package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.UnifiedDiff;
import org.modsvc.switcher.generation.Layout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code modsvc-agent diff}: a dry-run switch plus the unified diff of unit and config files, old against new. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
    description = "Show the planned jobs and a unified diff of the unit and config files; change nothing.")
final class DiffCommand extends SwitchingCommand {
  @Option(names = "--modules", paramLabel = "PATH", description = "The module files (default: the mode's modules directory).")
  Path modules;

  @Option(names = "--units", paramLabel = "DIR", description = "Use ready unit files from DIR instead of modules.")
  Path units;

  DiffCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    Layout layout = context.layout();
    Activation.Preview preview = context.activation(layout, false, err)
        .preview(ConfigurationSources.forModules(context, layout, modules, units, err));
    String diff = UnifiedDiff.of(preview.oldState(), preview.newState());
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
}
