package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import org.modsvc.switcher.generation.GcReport;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.SwitchLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modsvc-agent gc}: delete old generations, the store entries no kept generation needs and
 * the cached build outputs no build asked for in a month.
 */
@Command(
    name = "gc",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Delete generations beyond the newest --keep-generations, unreferenced store entries, and"
            + " cached build outputs that are unreferenced and were not asked for in 30 days.")
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
    out.println(context.json ? JsonText.of(report.toData()).strip() : report.toString());
    out.flush();
    return 0;
  }
}
