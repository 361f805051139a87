package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import org.modsvc.switcher.generation.GcReport;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.SwitchLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modsvc-agent gc}: delete old generations and the store entries no kept generation needs.
 */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Delete generations beyond the newest --keep-generations and unreferenced store entries.")
final class GcCommand extends SwitchingCommand {
  @Option(
      names = {"--keep-generations", "--keep"},
      paramLabel = "N",
      defaultValue = "10",
      description =
          "Generations to keep, the newest ones and always the current one (default: ${DEFAULT-VALUE}).")
  int keep;

  GcCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException(
          "--keep-generations must be at least 1 (the current generation), got " + keep);
    }
    GenerationSwitcher gs = new GenerationSwitcher(context.layout());
    GcReport report;
    try (SwitchLock lock = gs.lock()) {
      report = gs.collectGarbage(lock, keep);
    }
    out.println(
        context.json
            ? JsonText.of(
                    Map.of(
                        "generationsDeleted",
                        report.generationsDeleted(),
                        "storeEntriesDeleted",
                        report.storeEntriesDeleted().stream().map(Object::toString).toList(),
                        "bytesFreed",
                        report.bytesFreed()))
                .strip()
            : report.toString());
    out.flush();
    return 0;
  }
}
