package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.modsvc.agent.control.AgentStatus;
import org.modsvc.agent.control.ControlClient;
import org.modsvc.agent.control.ControlProtocol;
import org.modsvc.agent.control.StateDirectoryStatus;
import org.modsvc.switcher.activation.ExitCode;
import org.modsvc.switcher.fs.IoErrors;
import org.modsvc.switcher.generation.Layout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code modsvc-agent status}: asks the running agent over its control socket; when none answers,
 * says so and shows what the state directory holds. Exit 0, 4 while the agent reports failed units,
 * 3 when no agent runs and nothing was ever switched, 1 when the agent refuses this user or cannot
 * answer.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Show the running agent's status (generation, last switch, failed units, last error), "
            + "or the state directory's when no agent runs.")
final class StatusCommand extends SwitchingCommand {
  /** Long enough for a busy agent, short enough that a wedged one does not hang a script. */
  private static final Duration TIMEOUT = Duration.ofSeconds(15);

  @Option(
      names = "--prometheus",
      description = "Print the metrics in Prometheus' text format instead.")
  boolean prometheus;

  StatusCommand(PrintStream out, PrintStream err) {
    super(out, err);
  }

  @Override
  int run() throws IOException {
    if (prometheus && context.json)
      throw new IllegalArgumentException("--json and --prometheus exclude each other");
    Layout layout = context.layout();
    Path socket;
    ControlClient.Reply reply;
    try {
      socket = layout.onDisk(layout.controlSocket());
      reply =
          ControlClient.ask(
              socket, prometheus ? ControlProtocol.METRICS : ControlProtocol.STATUS, TIMEOUT);
    } catch (ControlClient.NoDaemonException none) {
      return offline(StateDirectoryStatus.read(layout, none.getMessage()));
    } catch (AccessDeniedException denied) {
      // the kernel refused before the agent could: a user agent's socket is 0600 in a 0700
      // directory (docs/decisions.md §11); said as the refusal it is, not as an I/O failure
      err.println(
          "refused: "
              + IoErrors.describe(denied)
              + " (only the agent's owner may use its control socket)");
      return ExitCode.FATAL;
    }
    if (reply instanceof ControlClient.Reply.Refused r) {
      err.println("refused: " + r.message());
      return ExitCode.FATAL;
    }
    if (reply instanceof ControlClient.Reply.Error e) {
      err.println("error: the agent answered: " + e.message());
      return ExitCode.FATAL;
    }
    ControlClient.Reply.Ok ok = (ControlClient.Reply.Ok) reply;
    if (prometheus) {
      out.print(ok.body());
      out.flush();
      return ok.exitCode();
    }
    AgentStatus status;
    try {
      status = AgentStatus.fromJson(ok.body());
    } catch (IllegalArgumentException e) {
      throw new IOException(
          "the agent on " + socket + " sent a status this client cannot read: " + e.getMessage(),
          e);
    }
    if (context.json) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("daemon", true);
      data.putAll(status.toData());
      out.print(JsonText.of(data));
    } else {
      out.print(status.render(Instant.now()));
    }
    out.flush();
    return status.exitCode();
  }

  private int offline(StateDirectoryStatus state) {
    if (prometheus) {
      out.print(state.toMetrics());
    } else {
      out.print(context.json ? JsonText.of(state.toData()) : state.render());
    }
    out.flush();
    return state.exitCode();
  }
}
