package org.modsvc.agent.daemon;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.modsvc.agent.daemon.CycleResult.Current;
import org.modsvc.agent.logging.SwitchLog;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.ExitCode;
import org.modsvc.switcher.activation.ServiceManager;
import org.modsvc.switcher.activation.SwitchException;
import org.modsvc.switcher.activation.SwitchResult;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.config.EvaluationFailure;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Manifest;
import org.modsvc.switcher.systemd.UnitFailure;

/**
 * Converges through {@link Activation#switchTo}, the door {@code modsvc-agent switch} uses, under
 * the same switch lock (so a CLI switch and the daemon never interleave), with one manager
 * connection kept between switches.
 */
final class ActivationConverger implements Converger {
  private final GenerationSwitcher generations;
  private final TimedSource source;
  private final KeptManager manager;
  private final Activation activation;
  private final Clock clock;
  private final StepTimes steps;

  /**
   * @param activationOver makes the switch over the given manager connection (the command's
   *     options: mode, lock wait, settle, keep-generations, progress)
   * @param steps the checkpoint {@code generations} and the switch were made with, timing the steps
   */
  ActivationConverger(
      GenerationSwitcher generations,
      ConfigurationSource source,
      Supplier<ServiceManager> connect,
      Function<Supplier<ServiceManager>, Activation> activationOver,
      Clock clock,
      StepTimes steps) {
    this.generations = generations;
    this.steps = steps;
    this.source = new TimedSource(source, steps);
    this.manager = new KeptManager(connect);
    this.activation = activationOver.apply(manager::get);
    this.clock = clock;
  }

  @Override
  public CycleResult converge() {
    return attempt(() -> activation.switchTo(source));
  }

  @Override
  public CycleResult repairDrift() {
    return attempt(activation::repairDrift);
  }

  @Override
  public org.modsvc.switcher.activation.DriftReport checkDrift() {
    return activation.checkDrift();
  }

  private CycleResult attempt(Supplier<SwitchResult> run) {
    Instant start = clock.instant();
    long t0 = System.nanoTime();
    steps.begin();
    try {
      SwitchResult r = run.get();
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      SwitchLog.log(r);
      Current now = currentOrZero();
      List<String> failed = r.failures().stream().map(f -> f.outcome().unit()).distinct().toList();
      Outcome outcome =
          r.rolledBack().isPresent()
              ? Outcome.ROLLED_BACK
              : !failed.isEmpty()
                  ? Outcome.FAILED_UNITS
                  : r.from() == r.to()
                          && r.files().isEmpty()
                          && r.plan().hasNoJobs()
                          && r.resumed().isEmpty()
                      ? Outcome.NOTHING_TO_DO
                      : Outcome.CONVERGED;
      return new CycleResult(
          outcome,
          start,
          took,
          now.generation(),
          now.managedUnits(),
          summary(outcome, r, failed),
          r.render(),
          r.exitCode(),
          failed,
          failed.isEmpty()
              ? Optional.empty()
              : Optional.of(ErrorPosition.of(failureText(r.failures()))),
          r.filesRead(),
          source.takeLast(),
          steps.render(),
          r.repaired().size());
    } catch (SwitchException e) {
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      boolean config = e.exitCode() == ExitCode.CONFIGURATION;
      if (!config) manager.drop();
      ErrorPosition error =
          e.getCause() instanceof EvaluationFailure f
              ? ErrorPosition.ofData(f.toData(), e.getMessage())
              : ErrorPosition.of(e.getMessage());
      Current now = currentOrZero();
      SwitchLog.failed(e, now.generation());
      String what = config ? "configuration error" : "switch failed";
      return new CycleResult(
          config ? Outcome.EVAL_ERROR : Outcome.ERROR,
          start,
          took,
          now.generation(),
          now.managedUnits(),
          what + ": " + error.headline() + ", running generation " + now.generation(),
          "error: " + e.getMessage(),
          e.exitCode(),
          List.of(),
          Optional.of(error),
          Set.of(),
          source.takeLast(),
          steps.render(),
          0);
    } catch (RuntimeException e) {
      // not a classified stop (a bug, a broken connection): reported like a fatal error, the daemon
      // goes on
      manager.drop();
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      Current now = currentOrZero();
      String message = "internal error: " + e;
      SwitchLog.failed(e, now.generation());
      return new CycleResult(
          Outcome.ERROR,
          start,
          took,
          now.generation(),
          now.managedUnits(),
          "switch failed: " + message + ", running generation " + now.generation(),
          "error: " + message,
          ExitCode.FATAL,
          List.of(),
          Optional.of(ErrorPosition.of(message)),
          Set.of(),
          source.takeLast(),
          steps.render(),
          0);
    }
  }

  private static String summary(Outcome outcome, SwitchResult r, List<String> failed) {
    String repaired =
        r.repaired().isEmpty()
            ? ""
            : ", "
                + r.repaired().size()
                + " drifted file"
                + (r.repaired().size() == 1 ? "" : "s")
                + " restored";
    return switch (outcome) {
      case ROLLED_BACK ->
          "generation "
              + r.to()
              + " failed ("
              + String.join(", ", failed)
              + "), rolled back"
              + r.rolledBack()
                  .map(b -> " to the configuration of generation " + b.restoredGeneration())
                  .orElse("");
      case NOTHING_TO_DO -> "generation " + r.to() + " is already current" + repaired;
      case FAILED_UNITS ->
          "generation "
              + r.to()
              + " switched from "
              + r.from()
              + ", failed: "
              + String.join(", ", failed);
      default ->
          "generation "
              + r.to()
              + " switched from "
              + r.from()
              + " ("
              + r.files().added().size()
              + " added, "
              + r.files().changed().size()
              + " changed, "
              + r.files().removed().size()
              + " removed)"
              + repaired;
    };
  }

  private static String failureText(List<UnitFailure> failures) {
    StringBuilder sb = new StringBuilder();
    for (UnitFailure f : failures) {
      if (sb.length() > 0) sb.append('\n');
      sb.append(f.outcome().describe());
    }
    return sb.toString();
  }

  @Override
  public Current current() {
    try {
      Manifest m = generations.generations().currentManifest();
      HostPath unitDir = generations.layout().unitDir();
      int units =
          (int)
              m.entries().keySet().stream()
                  .filter(p -> p.parent().equals(unitDir) && p.name().contains("."))
                  .count();
      return new Current(m.generation(), units);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot read the current generation: " + e.getMessage(), e);
    }
  }

  private Current currentOrZero() {
    try {
      return current();
    } catch (IllegalStateException e) {
      return new Current(0, 0);
    }
  }

  @Override
  public void close() {
    manager.close();
  }
}
