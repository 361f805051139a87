package org.modsvc.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.generation.Layout;

class AgentStatusTest {
  static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

  static AgentStatus status(
      AgentStatus.State state, List<String> failed, Optional<AgentStatus.LastError> error) {
    return new AgentStatus(
        Layout.Mode.SYSTEM,
        4242,
        NOW.minus(Duration.ofMinutes(185)),
        state,
        12,
        41,
        Optional.of(
            new AgentStatus.LastSwitch(
                NOW.minusSeconds(3), "CONVERGED", 1234, "2 started, 1 restarted")),
        failed,
        error,
        2,
        17);
  }

  static final Optional<AgentStatus.LastError> WEB_ERROR =
      Optional.of(
          new AgentStatus.LastError("syntax error, unexpected '}'", Optional.of("web.nix"), 10, 3));

  @Test
  void jsonRoundTripKeepsEveryField() {
    AgentStatus s =
        status(AgentStatus.State.FAILED_UNITS, List.of("db.service", "web.service"), WEB_ERROR);
    assertEquals(s, AgentStatus.fromJson(s.toJson()));
    AgentStatus bare =
        new AgentStatus(
            Layout.Mode.USER,
            7,
            NOW,
            AgentStatus.State.STARTING,
            0,
            0,
            Optional.empty(),
            List.of(),
            Optional.empty(),
            0,
            0);
    assertEquals(bare, AgentStatus.fromJson(bare.toJson()));
    AgentStatus noPosition =
        status(
            AgentStatus.State.EVAL_ERROR,
            List.of(),
            Optional.of(
                new AgentStatus.LastError(
                    "cannot read /etc/modsvc/modules: permission denied (EACCES)",
                    Optional.empty(),
                    0,
                    0)));
    assertEquals(noPosition, AgentStatus.fromJson(noPosition.toJson()));
  }

  @Test
  void jsonNamesTheContractsFields() {
    String json = status(AgentStatus.State.CONVERGED, List.of(), WEB_ERROR).toJson();
    for (String field :
        List.of(
            "\"mode\": \"system\"",
            "\"pid\": 4242",
            "\"startedAt\": \"2026-12-07T06:55:00Z\"",
            "\"state\": \"CONVERGED\"",
            "\"generation\": 12",
            "\"managedUnits\": 41",
            "\"outcome\": \"CONVERGED\"",
            "\"durationMillis\": 1234",
            "\"failedUnits\": []",
            "\"file\": \"web.nix\"",
            "\"line\": 10",
            "\"column\": 3",
            "\"driftCorrections\": 2",
            "\"evaluations\": 17")) {
      assertTrue(json.contains(field), field + " in " + json);
    }
  }

  @Test
  void malformedStatusIsRefusedNamingTheField() {
    String json = status(AgentStatus.State.CONVERGED, List.of(), Optional.empty()).toJson();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AgentStatus.fromJson(json.replace("\"generation\": 12", "\"generation\": \"12\"")));
    assertEquals("status.generation: expected an integer", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AgentStatus.fromJson(json.replace("\"state\"", "\"x\"")));
    assertEquals("status.state: missing", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> AgentStatus.fromJson("{ not json"));
    assertTrue(e.getMessage().startsWith("the agent's status is not JSON: "), e.getMessage());
  }

  @Test
  void summaryIsOneLinePerState() {
    assertEquals(
        "generation 12, 41 units, converged 3 s ago",
        status(AgentStatus.State.CONVERGED, List.of(), Optional.empty()).summary(NOW));
    assertEquals(
        "eval error in web.nix:10, running generation 12",
        status(AgentStatus.State.EVAL_ERROR, List.of(), WEB_ERROR).summary(NOW));
    assertEquals(
        "generation 12, 41 units, 2 failed units (db.service, web.service)",
        status(
                AgentStatus.State.FAILED_UNITS,
                List.of("db.service", "web.service"),
                Optional.empty())
            .summary(NOW));
    assertEquals(
        "switching, running generation 12",
        status(AgentStatus.State.SWITCHING, List.of(), Optional.empty()).summary(NOW));
    assertEquals(
        "generation 12, 41 units, rolled back 3 s ago",
        status(AgentStatus.State.ROLLED_BACK, List.of(), Optional.empty()).summary(NOW));
  }

  @Test
  void renderShowsEveryFactOnItsLine() {
    String text =
        status(AgentStatus.State.FAILED_UNITS, List.of("web.service"), WEB_ERROR).render(NOW);
    assertEquals(
        """
        system agent (pid 4242): generation 12, 41 units, 1 failed unit (web.service)
        last switch: 3 s ago, converged in 1.2 s: 2 started, 1 restarted
        failed units: web.service
        last error: web.nix:10:3: syntax error, unexpected '}'
        2 drift corrections, 17 evaluations; up 3 h 5 min
        """,
        text);
  }

  @Test
  void exitCodeIsFourWhileUnitsAreFailed() {
    assertEquals(0, status(AgentStatus.State.CONVERGED, List.of(), Optional.empty()).exitCode());
    assertEquals(
        4,
        status(AgentStatus.State.FAILED_UNITS, List.of("web.service"), Optional.empty())
            .exitCode());
  }

  @Test
  void durationsReadAsAPersonWouldSayThem() {
    assertEquals("59 s", AgentStatus.Durations.of(Duration.ofSeconds(59)));
    assertEquals("4 min", AgentStatus.Durations.of(Duration.ofSeconds(4 * 60 + 59)));
    assertEquals("3 h", AgentStatus.Durations.of(Duration.ofHours(3)));
    assertEquals("2 d 5 h", AgentStatus.Durations.of(Duration.ofHours(53)));
    assertEquals("850 ms", AgentStatus.Durations.millis(850));
    assertEquals(
        "0 s ago",
        AgentStatus.Durations.ago(NOW.plusSeconds(5), NOW),
        "a clock step back is not negative");
  }

  @Test
  void aMultiLineSummaryIsRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new AgentStatus.LastSwitch(NOW, "CONVERGED", 1, "a\nb"));
  }
}
