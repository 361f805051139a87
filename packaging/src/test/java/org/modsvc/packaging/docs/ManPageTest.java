package org.modsvc.packaging.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.modsvc.agent.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class ManPageTest {
  @Command(
      name = "tool",
      description = "Does things to files.",
      subcommands = {Sub.class, Hidden.class})
  static final class Tool implements Runnable {
    @Option(names = "--global", description = "A top-level flag.")
    boolean global;

    @Override
    public void run() {}
  }

  @Command(
      name = "sub",
      description = {".starts with a dot", "a back\\slash", "", "second paragraph"})
  static final class Sub implements Runnable {
    @Option(
        names = {"-w", "--wait"},
        paramLabel = "SECONDS",
        defaultValue = "300",
        description = "Wait this long (default: ${DEFAULT-VALUE}).")
    int wait;

    @Option(names = "--secret", hidden = true, description = "Not for the page.")
    boolean secret;

    @Parameters(paramLabel = "N", arity = "0..1", description = "The generation.")
    Integer n;

    @Override
    public void run() {}
  }

  @Command(name = "internal", hidden = true, description = "Hidden command.")
  static final class Hidden implements Runnable {
    @Override
    public void run() {}
  }

  private static String render(CommandLine cl) {
    return new ManPage(
            cl,
            "8",
            "1.2.3",
            LocalDate.of(2026, 12, 7),
            List.of(new ManPage.FileEntry("/etc/tool/", "Its files.")),
            List.of("systemctl(1)", "systemd.unit(5)"))
        .render();
  }

  @Test
  void pageHasTheSectionsAndHeader_ofAManPage() {
    String page = render(new CommandLine(new Tool()));

    assertTrue(
        page.contains(
            ".TH \"TOOL\" 8 \"2026\\-12\\-07\" \"tool 1.2.3\" \"System Administration\"\n"),
        page);
    assertTrue(page.contains(".SH NAME\ntool \\- does things to files\n"), page);
    for (String section :
        List.of(
            ".SH SYNOPSIS",
            ".SH DESCRIPTION",
            ".SH COMMANDS",
            ".SH OPTIONS",
            ".SH FILES",
            ".SH \"SEE ALSO\"")) {
      assertTrue(page.contains(section + "\n"), section + " in\n" + page);
    }
    assertTrue(page.contains(".BR systemctl (1),\n.BR systemd.unit (5)\n"), page);
    assertTrue(page.contains(".TP\n.I /etc/tool/\nIts files.\n"), page);
  }

  @Test
  void
      options_areListedWithTheirParameterAndInterpolatedDefault_hiddenOnesAndHiddenCommandsAreNot() {
    String page = render(new CommandLine(new Tool()));

    assertTrue(page.contains(".SS \"sub\"\n"), page);
    assertTrue(
        page.contains(
            ".TP\n\\fB\\-w\\fR, \\fB\\-\\-wait\\fR \\fISECONDS\\fR\nWait this long (default: 300).\n"),
        page);
    assertTrue(page.contains("[\\fB\\-w\\fR|\\fB\\-\\-wait\\fR \\fISECONDS\\fR]\n"), page);
    assertTrue(page.contains("[\\fIN\\fR]\n"), page);
    assertTrue(page.contains(".TP\n\\fB\\-\\-global\\fR\nA top-level flag.\n"), page);
    assertFalse(page.contains("secret"), page);
    assertFalse(page.contains("internal"), page);
  }

  @Test
  void text_thatRoffWouldReadAsARequestOrEscape_isProtected() {
    String page = render(new CommandLine(new Tool()));

    assertTrue(
        page.contains("\n\\&.starts with a dot\na back\\eslash\n.PP\nsecond paragraph\n"), page);
    for (String line : page.split("\n")) {
      if (line.startsWith(".") && !line.startsWith(".\\\"")) {
        assertTrue(
            line.matches("\\.(TH|ad|nh|SH|SS|PP|IP|TP|B|I|RI|BR) ?.*"),
            "unexpected request: " + line);
      }
    }
  }

  /**
   * The page of the real agent lists every visible option of every visible command: it cannot drift
   * from them.
   */
  @Test
  void agentPage_listsEveryVisibleOptionOfEveryCommand() {
    CommandLine agent = Main.describe();
    String page =
        new ManPage(agent, "8", "0", LocalDate.of(2026, 1, 1), GenerateDocs.files(), List.of())
            .render();

    List<String> missing = new ArrayList<>();
    int checked = 0;
    List<CommandSpec> specs = new ArrayList<>();
    specs.add(agent.getCommandSpec());
    for (Map.Entry<String, CommandLine> e : agent.getSubcommands().entrySet()) {
      if (!e.getValue().getCommandSpec().usageMessage().hidden()) {
        specs.add(e.getValue().getCommandSpec());
        if (!page.contains(".SS \"" + Roff.literal(e.getKey()) + "\"\n")) {
          missing.add("command " + e.getKey());
        }
      }
    }
    for (CommandSpec spec : specs) {
      for (OptionSpec o : spec.options()) {
        if (o.hidden()) {
          continue;
        }
        checked++;
        String tag = "\\fB" + Roff.literal(o.longestName()) + "\\fR";
        if (!page.contains(tag)) {
          missing.add(spec.name() + " " + o.longestName());
        }
      }
    }
    assertTrue(
        checked > 40, "only " + checked + " options seen: the agent's command line was not read");
    assertEquals(List.of(), missing);
    assertTrue(page.contains(".I /etc/modsvc/modules/\n"), page);
    assertTrue(page.contains(".I ~/.config/modsvc/modules/\n"), page);
  }

  @Test
  void completion_coversEverySubcommand_andIsNotAProgram() {
    CommandLine agent = Main.describe();
    String script = GenerateDocs.completion(agent);

    assertFalse(script.startsWith("#!"), script.substring(0, 40));
    assertTrue(
        script.contains("complete -F _complete_modsvc-agent") || script.contains("complete -F"),
        "no complete line");
    for (String name : agent.getSubcommands().keySet()) {
      assertTrue(script.contains(name), name);
    }
  }
}
