package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.activation.ExitCode;
import org.modsvc.switcher.activation.SwitchException;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.config.ModuleConfiguration;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.options.OptionDoc;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modsvc-agent options}: the documentation of the options the modules directory's evaluation
 * declares, as {@code nixos-option} shows it; {@code --json} gives NixOS' {@code options.json}
 * shape (an object keyed by option name). Writes nothing.
 */
@Command(
    name = "options",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description =
        "Show the documentation of the declared options (all, one, or a subtree such as system.services). "
            + "Exit 0 ok, 1 unknown option or usage, 2 configuration error.")
final class OptionsCommand extends SwitchingCommand {
  @Option(
      names = "--modules",
      paramLabel = "PATH",
      description = "The module files (default: the mode's modules directory).")
  Path modules;

  @picocli.CommandLine.Mixin EvaluationOptions evaluation;

  @Option(
      names = "--all",
      description = "Include internal options and those declared with visible = false.")
  boolean all;

  @Parameters(
      paramLabel = "OPTION",
      arity = "0..1",
      description = "An option or a prefix of options (e.g. system.services).")
  String option;

  OptionsCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    Layout layout = context.layout();
    ModuleConfiguration config =
        ConfigurationSources.modules(
            context,
            evaluation,
            org.modsvc.switcher.build.UnitValidator.Settings.defaults(),
            layout,
            modules,
            err);
    List<OptionDoc> docs;
    try {
      docs = config.optionDocs(layout);
    } catch (BuildException e) {
      throw new SwitchException(ExitCode.CONFIGURATION, e.getMessage(), e);
    }
    List<OptionDoc> selected = new ArrayList<>();
    for (OptionDoc d : docs) {
      if ((all || d.shown()) && (option == null || d.isAtOrBelow(option))) selected.add(d);
    }
    if (selected.isEmpty() && option != null) {
      throw new SwitchException(
          ExitCode.FATAL,
          "no option `"
              + option
              + "' is declared"
              + (all ? "" : " (or it is internal/invisible: try --all)"),
          null);
    }
    if (context.json) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (OptionDoc d : selected) m.put(d.name(), json(d));
      out.print(JsonText.of(m));
    } else {
      for (int i = 0; i < selected.size(); i++) {
        if (i > 0) out.println();
        out.print(text(selected.get(i)));
      }
    }
    return ExitCode.OK;
  }

  /** One entry of NixOS' options.json. */
  private static Map<String, Object> json(OptionDoc d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("declarations", d.declarations());
    if (d.defaultValue() != null) m.put("default", literal(d.defaultValue()));
    m.put("description", d.description());
    if (d.example() != null) m.put("example", literal(d.example()));
    m.put("loc", d.loc());
    m.put("readOnly", d.readOnly());
    m.put("type", d.type());
    if (d.internal()) m.put("internal", true);
    if (!d.visible()) m.put("visible", false);
    return m;
  }

  private static Map<String, Object> literal(OptionDoc.Literal l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_type", l.kind());
    m.put("text", l.text());
    return m;
  }

  /** nixos-option's layout: the name, then labelled paragraphs. */
  static String text(OptionDoc d) {
    StringBuilder sb = new StringBuilder(d.name()).append('\n');
    paragraph(sb, "Type", d.type() + (d.readOnly() ? " (read only)" : ""));
    if (d.defaultValue() != null) paragraph(sb, "Default", d.defaultValue().text());
    if (d.example() != null) paragraph(sb, "Example", d.example().text());
    if (d.description() != null) paragraph(sb, "Description", d.description());
    paragraph(sb, "Declared by", String.join("\n", d.declarations()));
    if (d.internal() || !d.visible())
      paragraph(sb, "Hidden", d.internal() ? "internal" : "visible = false");
    return sb.toString();
  }

  private static void paragraph(StringBuilder sb, String label, String body) {
    sb.append("  ").append(label).append(":\n");
    for (String line : body.stripTrailing().split("\n", -1))
      sb.append("    ").append(line).append('\n');
  }
}
