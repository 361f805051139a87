package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.Generations;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.generation.Manifest;
import org.modsvc.switcher.generation.ManifestEntry;
import org.modsvc.switcher.unit.UnitName;
import picocli.CommandLine.Command;

/**
 * {@code modsvc-agent generations}: number, creation time, whether current, how many unit files.
 */
@Command(
    name = "generations",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "List the generations: number, date, current, unit count.")
final class GenerationsCommand extends SwitchingCommand {
  GenerationsCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    Layout layout = context.layout();
    Generations generations = new Generations(layout);
    int current = generations.current().orElse(0);
    List<Object> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int n : generations.list()) {
      Manifest m = generations.read(n);
      long units =
          m.entries().entrySet().stream()
              .filter(
                  e ->
                      e.getValue() instanceof ManifestEntry.File
                          && isUnitFile(e.getKey(), layout.unitDir()))
              .count();
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("generation", n);
      row.put("created", m.created().toString());
      row.put("current", n == current);
      row.put("units", units);
      m.metadata().forEach(row::put);
      rows.add(row);
      text.append(
          String.format(
              "%6d  %s  %-9s %d unit(s)%s%n",
              n,
              m.created(),
              n == current ? "(current)" : "",
              units,
              m.metadata().containsKey("rollbackOf")
                  ? "  rollback of " + m.metadata().get("rollbackOf")
                  : ""));
    }
    out.print(context.json ? JsonText.of(rows) : text.toString());
    out.flush();
    return 0;
  }

  private static boolean isUnitFile(HostPath path, HostPath unitDir) {
    return path.isBelow(unitDir) && path.parent().equals(unitDir) && UnitName.isValid(path.name());
  }
}
