package org.modsvc.agent.daemon;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon is doing and how its last attempt went; one immutable snapshot, replaced as a
 * whole on each change, so readers (the status line, the control socket) never see half an update.
 *
 * @param user whether this is a user instance ({@code --user})
 * @param lastSwitch the last convergence attempt, whatever its outcome
 * @param lastError why the last attempt did not converge (empty once one converges)
 * @param evaluations convergence attempts since start (each evaluates the module files)
 */
record DaemonStatus(
    boolean user,
    long pid,
    Instant startedAt,
    State state,
    int generation,
    int managedUnits,
    Optional<CycleResult> lastSwitch,
    List<String> failedUnits,
    Optional<ErrorPosition> lastError,
    long driftCorrections,
    long evaluations) {
  /** The states of docs/decisions.md §13 (the control socket's {@code state}). */
  enum State {
    STARTING,
    CONVERGED,
    EVAL_ERROR,
    FAILED_UNITS,
    SWITCHING,
    ROLLED_BACK,
    ERROR
  }

  DaemonStatus {
    failedUnits = List.copyOf(failedUnits);
  }

  static DaemonStatus starting(boolean user, Instant now) {
    return new DaemonStatus(
        user,
        ProcessHandle.current().pid(),
        now,
        State.STARTING,
        0,
        0,
        Optional.empty(),
        List.of(),
        Optional.empty(),
        0,
        0);
  }

  DaemonStatus switching() {
    return new DaemonStatus(
        user,
        pid,
        startedAt,
        State.SWITCHING,
        generation,
        managedUnits,
        lastSwitch,
        failedUnits,
        lastError,
        driftCorrections,
        evaluations);
  }

  /** After a drift repair: like any switch, but nothing was evaluated. */
  DaemonStatus afterRepair(CycleResult r) {
    DaemonStatus s = after(r);
    return new DaemonStatus(
        user,
        pid,
        startedAt,
        s.state,
        s.generation,
        s.managedUnits,
        s.lastSwitch,
        s.failedUnits,
        s.lastError,
        s.driftCorrections,
        evaluations);
  }

  DaemonStatus after(CycleResult r) {
    State s =
        switch (r.outcome()) {
          case CONVERGED, NOTHING_TO_DO -> State.CONVERGED;
          case FAILED_UNITS -> State.FAILED_UNITS;
          case ROLLED_BACK -> State.ROLLED_BACK;
          case EVAL_ERROR -> State.EVAL_ERROR;
          case ERROR -> State.ERROR;
        };
    // a failed evaluation leaves the running units as they were, and so their failures
    List<String> failed =
        r.switched() || r.outcome() == Outcome.ROLLED_BACK ? r.failedUnits() : failedUnits;
    Optional<ErrorPosition> error =
        r.outcome() == Outcome.CONVERGED || r.outcome() == Outcome.NOTHING_TO_DO
            ? Optional.empty()
            : r.error();
    return new DaemonStatus(
        user,
        pid,
        startedAt,
        s,
        r.generation(),
        r.managedUnits(),
        Optional.of(r),
        failed,
        error,
        driftCorrections + r.repaired(),
        evaluations + 1);
  }

  DaemonStatus withCurrent(int gen, int units) {
    return new DaemonStatus(
        user,
        pid,
        startedAt,
        state,
        gen,
        units,
        lastSwitch,
        failedUnits,
        lastError,
        driftCorrections,
        evaluations);
  }

  DaemonStatus plusDriftCorrections(long n) {
    return new DaemonStatus(
        user,
        pid,
        startedAt,
        state,
        generation,
        managedUnits,
        lastSwitch,
        failedUnits,
        lastError,
        driftCorrections + n,
        evaluations);
  }
}
