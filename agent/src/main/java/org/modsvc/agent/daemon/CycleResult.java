package org.modsvc.agent.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One convergence attempt of the daemon.
 *
 * @param generation the generation current after the attempt (0: none yet)
 * @param managedUnits unit files of that generation
 * @param summary one line for the log and the status
 * @param report the switch's whole report (as {@code modsvc-agent switch} prints it), or the error
 *     report
 * @param exitCode what {@code modsvc-agent switch} would have exited with
 * @param failedUnits units that failed in the switch or its settle window
 * @param error why it did not converge (evaluation errors with their position)
 * @param filesRead the files and directories the evaluation read, when the evaluator told (empty:
 *     unknown)
 * @param evaluation time spent evaluating and building, when known
 * @param steps the switch's checkpoints with their times ({@code StepTimes}), or empty
 * @param repaired owned files that had drifted and were written back
 */
record CycleResult(
    Outcome outcome,
    Instant at,
    Duration duration,
    int generation,
    int managedUnits,
    String summary,
    String report,
    int exitCode,
    List<String> failedUnits,
    Optional<ErrorPosition> error,
    Set<Path> filesRead,
    Optional<Duration> evaluation,
    String steps,
    int repaired) {
  CycleResult {
    failedUnits = List.copyOf(failedUnits);
    filesRead = Set.copyOf(filesRead);
  }

  /** Whether the generation the daemon runs is the configuration's (possibly with failed units). */
  boolean switched() {
    return outcome == Outcome.CONVERGED
        || outcome == Outcome.NOTHING_TO_DO
        || outcome == Outcome.FAILED_UNITS;
  }

  /** The generation current now and how many units it has, as read from the state directory. */
  record Current(int generation, int managedUnits) {}
}
