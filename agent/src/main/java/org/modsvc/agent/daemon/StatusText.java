package org.modsvc.agent.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The one-line status systemd shows ({@code STATUS=}, in {@code systemctl status}): the generation
 * and how the last attempt went, e.g. {@code generation 12, 41 units, converged 3 s ago} or {@code
 * eval error in web.nix:10, running generation 11: syntax error, unexpected '}'}.
 */
final class StatusText {
  /** systemd keeps the status short; a long error message is cut here. */
  static final int MAX = 200;

  private StatusText() {}

  static String of(DaemonStatus s, Path modulesDir, Instant now) {
    String text =
        switch (s.state()) {
          case STARTING -> "starting: converging the module files for the first time";
          case SWITCHING -> "switching, running generation " + s.generation();
          case CONVERGED -> running(s) + ", converged " + ago(s, now);
          case FAILED_UNITS ->
              running(s)
                  + ", failed: "
                  + String.join(", ", s.failedUnits())
                  + " (switched "
                  + ago(s, now)
                  + ")";
          case ROLLED_BACK ->
              "rolled back to generation "
                  + s.generation()
                  + ", failed: "
                  + String.join(", ", s.failedUnits());
          case EVAL_ERROR ->
              s.lastError()
                  .map(
                      e ->
                          e.where(modulesDir)
                                  .map(w -> "eval error in " + w)
                                  .orElse("configuration error")
                              + ", running generation "
                              + s.generation()
                              + ": "
                              + e.headline())
                  .orElse("configuration error, running generation " + s.generation());
          case ERROR ->
              "switch failed, running generation "
                  + s.generation()
                  + s.lastError().map(e -> ": " + e.headline()).orElse("");
        };
    String oneLine = text.replace('\n', ' ');
    return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 1) + "…";
  }

  private static String running(DaemonStatus s) {
    return "generation "
        + s.generation()
        + ", "
        + s.managedUnits()
        + (s.managedUnits() == 1 ? " unit" : " units");
  }

  private static String ago(DaemonStatus s, Instant now) {
    return s.lastSwitch()
        .map(r -> age(Duration.between(r.at().plus(r.duration()), now)))
        .orElse("at start");
  }

  static String age(Duration d) {
    long sec = Math.max(0, d.toSeconds());
    if (sec < 120) return sec + " s ago";
    if (sec < 7200) return sec / 60 + " min ago";
    if (sec < 172800) return sec / 3600 + " h ago";
    return sec / 86400 + " days ago";
  }
}
