package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusTextTest {
  private static final Path MODULES = Path.of("/etc/modsvc/modules");
  private static final Instant T = Instant.parse("2026-12-07T00:00:00Z");

  private static CycleResult result(
      Outcome o, int gen, List<String> failed, Optional<ErrorPosition> error) {
    return new CycleResult(
        o,
        T,
        Duration.ofSeconds(1),
        gen,
        41,
        "s",
        "r",
        0,
        failed,
        error,
        Set.of(),
        Optional.empty(),
        "",
        0);
  }

  @Test
  void converged_namesGenerationUnitsAndAge() {
    DaemonStatus s =
        DaemonStatus.starting(false, T)
            .after(result(Outcome.CONVERGED, 12, List.of(), Optional.empty()));
    assertEquals(
        "generation 12, 41 units, converged 3 s ago", StatusText.of(s, MODULES, T.plusSeconds(4)));
    assertEquals(
        "generation 12, 41 units, converged 5 min ago",
        StatusText.of(s, MODULES, T.plusSeconds(301)));
  }

  @Test
  void evalError_namesTheFileRelativeToTheModules_andTheRunningGeneration() {
    ErrorPosition e =
        new ErrorPosition(
            "undefined variable 'x'\nat …", Optional.of("/etc/modsvc/modules/web.nix"), 10, 5);
    DaemonStatus s =
        DaemonStatus.starting(false, T)
            .after(result(Outcome.CONVERGED, 11, List.of(), Optional.empty()))
            .after(result(Outcome.EVAL_ERROR, 11, List.of(), Optional.of(e)));
    assertEquals(
        "eval error in web.nix:10, running generation 11: undefined variable 'x'",
        StatusText.of(s, MODULES, T));
  }

  @Test
  void failedUnits_areListed_andKeptAcrossAnEvaluationError() {
    DaemonStatus s =
        DaemonStatus.starting(false, T)
            .after(result(Outcome.FAILED_UNITS, 3, List.of("web.service"), Optional.empty()));
    assertTrue(
        StatusText.of(s, MODULES, T).contains("failed: web.service"), StatusText.of(s, MODULES, T));
    DaemonStatus after =
        s.after(result(Outcome.EVAL_ERROR, 3, List.of(), Optional.of(ErrorPosition.of("bad"))));
    assertEquals(List.of("web.service"), after.failedUnits(), "the running units still failed");
    assertEquals(2, after.evaluations());
  }

  @Test
  void longMessages_areCut() {
    ErrorPosition e = ErrorPosition.of("x".repeat(500));
    DaemonStatus s =
        DaemonStatus.starting(false, T).after(result(Outcome.ERROR, 1, List.of(), Optional.of(e)));
    assertEquals(StatusText.MAX, StatusText.of(s, MODULES, T).length());
  }
}
