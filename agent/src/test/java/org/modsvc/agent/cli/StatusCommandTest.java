package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.agent.control.AgentStatus;
import org.modsvc.agent.control.ControlHandler;
import org.modsvc.agent.control.ControlServer;
import org.modsvc.agent.control.SwitchResultView;
import org.modsvc.nix.format.JsonParser;
import org.modsvc.switcher.fs.PrivateDirectory;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.generation.PendingJournal;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.unit.UnitName;

/**
 * {@code modsvc-agent status} under {@code --root}: with an agent on the socket, and from the state
 * directory.
 */
class StatusCommandTest {
  @TempDir Path tmp;

  private Path root() {
    return tmp.resolve("root");
  }

  private CliRun status(String... extra) {
    List<String> args = new java.util.ArrayList<>(List.of("status", "--root", root().toString()));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private void buildGeneration(String... units) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("units"));
    for (String u : units) {
      Files.writeString(
          dir.resolve(u),
          "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n");
    }
    CliRun b = CliRun.of("build", "--units", dir.toString(), "--root", root().toString());
    assertEquals(0, b.exitCode(), b.err());
  }

  @Test
  void noAgentAndNothingSwitchedExitsThree() throws IOException {
    Files.createDirectories(root());
    CliRun r = status();
    assertEquals(3, r.exitCode(), r.err());
    Path socket = root().resolve("run/modsvc/agent.sock");
    assertEquals(
        "no agent runs (no socket at "
            + socket
            + ")\nno generation in /var/lib/modsvc (nothing was "
            + "switched yet)\n",
        r.out());
    CliRun metrics = status("--prometheus");
    assertEquals(3, metrics.exitCode(), metrics.err());
    assertTrue(metrics.out().contains("\nmodsvc_generation 0.0\n"), metrics.out());
  }

  @Test
  void noAgentShowsTheCurrentGenerationAndItsUnits() throws IOException {
    buildGeneration("web.service", "db.service");
    CliRun r = status();
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("no agent runs (no socket at "), r.out());
    assertTrue(
        r.out()
            .matches(
                "(?s).*\ngeneration 1 \\(current, created [^)]+\\): 2 units: db\\.service, "
                    + "web\\.service\n"),
        r.out());
    CliRun json = status("--json");
    assertEquals(0, json.exitCode(), json.err());
    Map<?, ?> data = (Map<?, ?>) JsonParser.parse(json.out());
    assertEquals(false, data.get("daemon"));
    assertEquals(1L, data.get("generation"));
    assertEquals(List.of("db.service", "web.service"), data.get("units"));
    assertEquals(null, data.get("pending"));
  }

  @Test
  void noAgentGivesTheStateDirectorysFiguresAsMetrics() throws IOException {
    buildGeneration("web.service", "db.service");
    CliRun r = status("--prometheus");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out()
            .startsWith(
                "# no agent runs (no socket at "
                    + root().resolve("run/modsvc/agent.sock")
                    + "); generation and managed units read from /var/lib/modsvc\n"),
        r.out());
    assertTrue(r.out().contains("\nmodsvc_generation 1.0\n"), r.out());
    assertTrue(r.out().contains("\nmodsvc_managed_units 2.0\n"), r.out());
    assertTrue(r.out().contains("\nmodsvc_switches_total{outcome=\"converged\"} 0.0\n"), r.out());
  }

  @Test
  void noAgentShowsAnInterruptedSwitch() throws IOException {
    buildGeneration("web.service");
    Layout layout = Layout.system(root());
    new PendingJournal(layout, Clock.systemUTC())
        .begin(
            2,
            1,
            Map.of(
                Phase.STOP,
                List.of(),
                Phase.FILES,
                List.of(),
                Phase.START,
                List.of(UnitName.of("web.service"))));
    new PendingJournal(layout, Clock.systemUTC()).markDone(Phase.STOP);
    CliRun r = status();
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out()
            .contains(
                "\nan interrupted switch to generation 2 (from generation 1) is pending since "),
        r.out());
    assertTrue(
        r.out().contains(", phases done: stop; the next switch or agent start completes it\n"),
        r.out());
  }

  @Test
  void aStaleSocketCountsAsNoAgent() throws IOException {
    buildGeneration("web.service");
    Path socket = Files.createDirectories(root().resolve("run/modsvc")).resolve("agent.sock");
    try (var dead =
        java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      dead.bind(java.net.UnixDomainSocketAddress.of(socket));
    }
    CliRun r = status();
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(
        r.out().startsWith("no agent runs (nothing answers on " + socket + ")\ngeneration 1 "),
        r.out());
  }

  private static ControlHandler answering(AgentStatus status) {
    return new ControlHandler() {
      @Override
      public AgentStatus status() {
        return status;
      }

      @Override
      public String metrics() {
        return "# TYPE modsvc_generation gauge\nmodsvc_generation 12.0\n";
      }

      @Override
      public SwitchResultView switchNow() {
        throw new IllegalStateException("status never asks for a switch");
      }
    };
  }

  private ControlServer agent(AgentStatus status) throws IOException {
    Path socket = Files.createDirectories(root().resolve("run")).resolve("modsvc/agent.sock");
    return ControlServer.start(socket, PrivateDirectory.currentUid(), answering(status));
  }

  private static AgentStatus running(AgentStatus.State state, List<String> failed) {
    return new AgentStatus(
        Layout.Mode.SYSTEM,
        4242,
        Instant.now().minusSeconds(7300),
        state,
        12,
        41,
        Optional.of(
            new AgentStatus.LastSwitch(
                Instant.now().minusSeconds(3), "CONVERGED", 900, "1 started")),
        failed,
        Optional.of(
            new AgentStatus.LastError("undefined variable 'pkg'", Optional.of("web.nix"), 10, 3)),
        2,
        5);
  }

  @Test
  void aRunningAgentIsAsked() throws IOException {
    try (ControlServer server = agent(running(AgentStatus.State.CONVERGED, List.of()))) {
      CliRun r = status();
      assertEquals(0, r.exitCode(), r.err());
      assertTrue(
          r.out().startsWith("system agent (pid 4242): generation 12, 41 units, converged "),
          r.out());
      assertTrue(
          r.out().contains("\nlast error: web.nix:10:3: undefined variable 'pkg'\n"), r.out());
      assertTrue(r.out().endsWith("2 drift corrections, 5 evaluations; up 2 h 1 min\n"), r.out());
    }
  }

  @Test
  void failedUnitsExitFourAndJsonSaysADaemonAnswered() throws IOException {
    AgentStatus failing = running(AgentStatus.State.FAILED_UNITS, List.of("web.service"));
    try (ControlServer server = agent(failing)) {
      CliRun r = status("--json");
      assertEquals(4, r.exitCode(), r.err());
      Map<?, ?> data = (Map<?, ?>) JsonParser.parse(r.out());
      assertEquals(true, data.get("daemon"));
      assertEquals("FAILED_UNITS", data.get("state"));
      assertEquals(List.of("web.service"), data.get("failedUnits"));
      assertEquals(10L, ((Map<?, ?>) data.get("lastError")).get("line"));
    }
  }

  @Test
  void prometheusAsksTheAgentForItsMetrics() throws IOException {
    try (ControlServer server = agent(running(AgentStatus.State.CONVERGED, List.of()))) {
      CliRun r = status("--prometheus");
      assertEquals(0, r.exitCode(), r.err());
      assertEquals("# TYPE modsvc_generation gauge\nmodsvc_generation 12.0\n", r.out());
    }
  }

  @Test
  void jsonAndPrometheusExcludeEachOther() {
    CliRun r = status("--json", "--prometheus");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("--json and --prometheus exclude each other"), r.err());
  }
}
