package org.modsvc.packaging.docs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The man page of a picocli command with subcommands, in roff (man macros): NAME and SYNOPSIS from
 * the top command, one COMMANDS subsection per visible subcommand with its synopsis, description
 * and options, then the FILES the caller lists and SEE ALSO. Hidden commands and options stay
 * hidden, as in {@code --help}.
 */
public final class ManPage {
  /** A path and what it holds, for the FILES section. */
  public record FileEntry(String path, String meaning) {}

  private final CommandLine command;
  private final String section;
  private final String version;
  private final LocalDate date;
  private final List<FileEntry> files;
  private final List<String> seeAlso;

  public ManPage(
      CommandLine command,
      String section,
      String version,
      LocalDate date,
      List<FileEntry> files,
      List<String> seeAlso) {
    this.command = command;
    this.section = section;
    this.version = version;
    this.date = date;
    this.files = List.copyOf(files);
    this.seeAlso = List.copyOf(seeAlso);
  }

  public String render() {
    CommandSpec top = command.getCommandSpec();
    String name = top.name();
    StringBuilder out = new StringBuilder();
    out.append(".\\\" Generated at build time from the picocli definitions of ")
        .append(name)
        .append(" (packaging/); do not edit.\n");
    out.append(".TH ")
        .append(Roff.quoted(name.toUpperCase(java.util.Locale.ROOT)))
        .append(' ')
        .append(section)
        .append(' ')
        .append(Roff.quoted(date.toString()))
        .append(' ')
        .append(Roff.quoted(name + " " + version))
        .append(' ')
        .append("\"System Administration\"\n");
    // left-adjusted, unhyphenated: long synopses of options justified to the margin read badly
    out.append(".ad l\n.nh\n");
    out.append(".SH NAME\n")
        .append(Roff.literal(name))
        .append(" \\- ")
        .append(Roff.text(whatis(top)))
        .append('\n');

    out.append(".SH SYNOPSIS\n");
    out.append(".B ").append(Roff.literal(name)).append("\n.I COMMAND\n.RI [ OPTION ...]\n");
    synopsis(out, top, name);

    out.append(".SH DESCRIPTION\n");
    lines(out, top.usageMessage().description(), ".PP");
    out.append(".PP\nEach command accepts only its own options; ")
        .append(Roff.literal(name + " COMMAND --help"))
        .append(" lists them.\n");

    out.append(".SH COMMANDS\n");
    for (Map.Entry<String, CommandLine> e : top.subcommands().entrySet()) {
      CommandSpec sub = e.getValue().getCommandSpec();
      if (sub.usageMessage().hidden() || !e.getKey().equals(sub.name())) {
        continue; // hidden, or an alias listed under its command's own name
      }
      out.append(".SS ").append(Roff.quoted(sub.name())).append('\n');
      synopsis(out, sub, name + " " + sub.name());
      out.append(".PP\n");
      lines(out, sub.usageMessage().description(), ".PP");
      arguments(out, sub);
    }

    out.append(".SH OPTIONS\nOptions of ").append(Roff.literal(name)).append(" itself:\n");
    arguments(out, top);

    if (!files.isEmpty()) {
      out.append(".SH FILES\n");
      for (FileEntry f : files) {
        out.append(".TP\n.I ")
            .append(Roff.literal(f.path()))
            .append('\n')
            .append(Roff.text(f.meaning()))
            .append('\n');
      }
    }
    if (!seeAlso.isEmpty()) {
      out.append(".SH \"SEE ALSO\"\n");
      for (int i = 0; i < seeAlso.size(); i++) {
        String ref = seeAlso.get(i);
        int paren = ref.indexOf('(');
        out.append(".BR ")
            .append(Roff.literal(ref.substring(0, paren)))
            .append(' ')
            .append(ref.substring(paren))
            .append(i + 1 < seeAlso.size() ? "," : "")
            .append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The NAME line's description: the first sentence, lower-cased first letter, no final full stop
   * (man-pages(7)).
   */
  private static String whatis(CommandSpec spec) {
    String[] d = spec.usageMessage().description();
    String s = d.length == 0 ? spec.name() : d[0].strip();
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static void synopsis(StringBuilder out, CommandSpec spec, String invocation) {
    List<String> words = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      StringBuilder w = new StringBuilder("[");
      String[] names = o.names();
      for (int i = 0; i < names.length; i++) {
        w.append(i > 0 ? "|" : "").append("\\fB").append(Roff.literal(names[i])).append("\\fR");
      }
      if (o.arity().max() > 0) {
        w.append(" \\fI").append(Roff.literal(o.paramLabel())).append("\\fR");
      }
      words.add(w.append(o.isMultiValue() ? "]..." : "]").toString());
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (p.hidden()) {
        continue;
      }
      String label = "\\fI" + Roff.literal(p.paramLabel()) + "\\fR";
      boolean optional = p.arity().min() == 0;
      words.add(
          (optional ? "[" : "")
              + label
              + (optional ? "]" : "")
              + (p.arity().max() > 1 ? "..." : ""));
    }
    out.append(".PP\n\\fB").append(Roff.literal(invocation)).append("\\fR");
    for (String w : words) {
      out.append('\n').append(w);
    }
    out.append('\n');
  }

  private static void arguments(StringBuilder out, CommandSpec spec) {
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      StringBuilder tag = new StringBuilder();
      String[] names = o.names();
      for (int i = 0; i < names.length; i++) {
        tag.append(i > 0 ? ", " : "").append("\\fB").append(Roff.literal(names[i])).append("\\fR");
      }
      if (o.arity().max() > 0) {
        tag.append(" \\fI").append(Roff.literal(o.paramLabel())).append("\\fR");
      }
      item(out, tag.toString(), o);
    }
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        item(out, "\\fI" + Roff.literal(p.paramLabel()) + "\\fR", p);
      }
    }
  }

  private static void item(StringBuilder out, String tag, ArgSpec arg) {
    out.append(".TP\n").append(tag).append('\n');
    String[] description = arg.description();
    if (description.length == 0) {
      out.append("(undocumented)\n");
    }
    lines(out, description, ".IP");
  }

  /**
   * Description lines; an empty line (a paragraph break in picocli's help) becomes {@code
   * paragraph}: {@code .PP} at the left margin, {@code .IP} inside an option's indented
   * description.
   */
  private static void lines(StringBuilder out, String[] description, String paragraph) {
    for (String element : description) {
      for (String line : element.split("\n", -1)) {
        if (line.isBlank()) {
          out.append(paragraph).append('\n');
        } else {
          out.append(Roff.text(line)).append('\n');
        }
      }
    }
  }
}
