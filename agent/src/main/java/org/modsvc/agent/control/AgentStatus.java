package org.modsvc.agent.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modsvc.agent.json.JsonText;
import org.modsvc.nix.format.JsonException;
import org.modsvc.nix.format.JsonParser;
import org.modsvc.switcher.generation.Layout;

/**
 * What a running agent says about itself (the daemon fills it, {@code modsvc-agent status} prints
 * it): which instance, since when, what it is doing, the generation it runs, how the last switch
 * went, and what is wrong. Metrics are not in it (they are {@code status --prometheus}).
 *
 * @param generation the current generation, 0 when there is none yet
 * @param managedUnits unit files of the current generation
 * @param failedUnits units that failed in (or within the settle window after) the last switch,
 *     sorted
 * @param driftCorrections files or links restored from the current generation since start
 * @param evaluations evaluations run since start
 */
public record AgentStatus(
    Layout.Mode mode,
    long pid,
    Instant startedAt,
    State state,
    int generation,
    int managedUnits,
    Optional<LastSwitch> lastSwitch,
    List<String> failedUnits,
    Optional<LastError> lastError,
    long driftCorrections,
    long evaluations) {

  /** What the agent is doing, or the result it is resting on. */
  public enum State {
    STARTING,
    CONVERGED,
    EVAL_ERROR,
    FAILED_UNITS,
    SWITCHING,
    ROLLED_BACK,
    /**
     * The last switch stopped on an error that is not the configuration's (bus, lock, I/O); it is
     * retried.
     */
    ERROR
  }

  /**
   * The last switch that ran (not an evaluation that failed before it).
   *
   * @param outcome the metrics' outcome name ({@code CONVERGED}, {@code NOTHING_TO_DO}, {@code
   *     FAILED_UNITS}, …)
   * @param summary one line: what it did ("2 started, 1 restarted")
   */
  public record LastSwitch(Instant at, String outcome, long durationMillis, String summary) {
    public LastSwitch {
      requireOneLine(outcome, "outcome");
      requireOneLine(summary, "summary");
    }
  }

  /**
   * The last evaluation or switch error, with its position in the user's module files when it has
   * one.
   *
   * @param file the module file as the report names it, empty for an error without a position
   * @param line 1-based, 0 when unknown
   * @param column 1-based, 0 when unknown
   */
  public record LastError(String message, Optional<String> file, int line, int column) {
    public LastError {
      if (line < 0 || column < 0)
        throw new IllegalArgumentException("line and column are 1-based, 0 for unknown");
    }

    /** {@code web.nix:10:3}, {@code web.nix:10}, {@code web.nix} or empty, as much as is known. */
    public String position() {
      if (file.isEmpty()) return "";
      return file.get() + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
    }
  }

  public AgentStatus {
    if (generation < 0 || managedUnits < 0 || driftCorrections < 0 || evaluations < 0) {
      throw new IllegalArgumentException("counts cannot be negative");
    }
    failedUnits = List.copyOf(failedUnits);
  }

  /** Exit status of {@code modsvc-agent status}: 4 (as a switch) while units are failed, else 0. */
  public int exitCode() {
    return failedUnits.isEmpty() ? 0 : 4;
  }

  /**
   * One line, as {@code systemctl status} shows the daemon's {@code STATUS=}: "generation 12, 41
   * units, converged 3 s ago" or "eval error in web.nix:10, running generation 11".
   */
  public String summary(Instant now) {
    String running =
        generation == 0
            ? "no generation yet"
            : "generation " + generation + ", " + units(managedUnits);
    String since = lastSwitch.map(s -> " " + Durations.ago(s.at(), now)).orElse("");
    return switch (state) {
      case STARTING ->
          "starting, "
              + (generation == 0 ? "no generation yet" : "running generation " + generation);
      case SWITCHING ->
          "switching, "
              + (generation == 0 ? "no generation yet" : "running generation " + generation);
      case CONVERGED -> running + ", converged" + since;
      case FAILED_UNITS ->
          running
              + ", "
              + failedUnits.size()
              + " failed unit"
              + (failedUnits.size() == 1 ? "" : "s")
              + " ("
              + String.join(", ", failedUnits)
              + ")";
      case ROLLED_BACK -> running + ", rolled back" + since;
      case EVAL_ERROR ->
          "eval error"
              + lastError
                  .filter(e -> e.file().isPresent())
                  .map(e -> " in " + e.file().get() + (e.line() > 0 ? ":" + e.line() : ""))
                  .orElse("")
              + (generation == 0
                  ? ", no generation running"
                  : ", running generation " + generation);
      case ERROR ->
          "switch failed"
              + lastError.map(e -> ": " + e.message().lines().findFirst().orElse("")).orElse("")
              + (generation == 0
                  ? ", no generation running"
                  : ", running generation " + generation);
    };
  }

  /** The human report of {@code modsvc-agent status}: the summary line, then one line per fact. */
  public String render(Instant now) {
    StringBuilder sb = new StringBuilder();
    sb.append(mode == Layout.Mode.SYSTEM ? "system" : "user")
        .append(" agent (pid ")
        .append(pid)
        .append("): ")
        .append(summary(now))
        .append('\n');
    lastSwitch.ifPresent(
        s ->
            sb.append("last switch: ")
                .append(Durations.ago(s.at(), now))
                .append(", ")
                .append(s.outcome().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append(" in ")
                .append(Durations.millis(s.durationMillis()))
                .append(s.summary().isEmpty() ? "" : ": " + s.summary())
                .append('\n'));
    if (!failedUnits.isEmpty())
      sb.append("failed units: ").append(String.join(", ", failedUnits)).append('\n');
    lastError.ifPresent(
        e ->
            sb.append("last error: ")
                .append(e.position().isEmpty() ? "" : e.position() + ": ")
                .append(e.message())
                .append('\n'));
    sb.append(driftCorrections)
        .append(" drift correction")
        .append(driftCorrections == 1 ? "" : "s")
        .append(", ")
        .append(evaluations)
        .append(" evaluation")
        .append(evaluations == 1 ? "" : "s")
        .append("; up ")
        .append(Durations.between(startedAt, now))
        .append('\n');
    return sb.toString();
  }

  /**
   * The status as nested maps and lists, field names as in the record (absent optionals are {@code
   * null}).
   */
  public Map<String, Object> toData() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT));
    m.put("pid", pid);
    m.put("startedAt", startedAt.toString());
    m.put("state", state.name());
    m.put("generation", generation);
    m.put("managedUnits", managedUnits);
    m.put(
        "lastSwitch",
        lastSwitch
            .map(
                s -> {
                  Map<String, Object> o = new LinkedHashMap<>();
                  o.put("at", s.at().toString());
                  o.put("outcome", s.outcome());
                  o.put("durationMillis", s.durationMillis());
                  o.put("summary", s.summary());
                  return (Object) o;
                })
            .orElse(null));
    m.put("failedUnits", failedUnits);
    m.put(
        "lastError",
        lastError
            .map(
                e -> {
                  Map<String, Object> o = new LinkedHashMap<>();
                  o.put("message", e.message());
                  o.put("file", e.file().orElse(null));
                  o.put("line", e.line());
                  o.put("column", e.column());
                  return (Object) o;
                })
            .orElse(null));
    m.put("driftCorrections", driftCorrections);
    m.put("evaluations", evaluations);
    return m;
  }

  /**
   * {@link #toData()} as JSON text (what the control socket sends and {@code status --json}
   * prints).
   */
  public String toJson() {
    return JsonText.of(toData());
  }

  /**
   * Reads {@link #toJson()}'s output; a malformed or incomplete document is an {@link
   * IllegalArgumentException}.
   */
  public static AgentStatus fromJson(String json) {
    Object top;
    try {
      top = JsonParser.parse(json);
    } catch (JsonException e) {
      throw new IllegalArgumentException("the agent's status is not JSON: " + e.getMessage(), e);
    }
    Fields f = new Fields(top, "status");
    Optional<LastSwitch> lastSwitch =
        f.optionalObject("lastSwitch")
            .map(
                s ->
                    new LastSwitch(
                        s.instant("at"),
                        s.string("outcome"),
                        s.number("durationMillis"),
                        s.string("summary")));
    Optional<LastError> lastError =
        f.optionalObject("lastError")
            .map(
                e ->
                    new LastError(
                        e.string("message"),
                        e.optionalString("file"),
                        (int) e.number("line"),
                        (int) e.number("column")));
    try {
      return new AgentStatus(
          Layout.Mode.valueOf(f.string("mode").toUpperCase(java.util.Locale.ROOT)),
          f.number("pid"),
          f.instant("startedAt"),
          State.valueOf(f.string("state")),
          Math.toIntExact(f.number("generation")),
          Math.toIntExact(f.number("managedUnits")),
          lastSwitch,
          f.strings("failedUnits"),
          lastError,
          f.number("driftCorrections"),
          f.number("evaluations"));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("status: a count is out of range", e);
    }
  }

  private static String units(int n) {
    return n + " unit" + (n == 1 ? "" : "s");
  }

  private static void requireOneLine(String s, String what) {
    if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      throw new IllegalArgumentException(what + " must be one line: " + s);
    }
  }

  /** Typed access to one JSON object, naming the field on a mismatch. */
  private record Fields(Map<?, ?> map, String where) {
    Fields(Object value, String where) {
      this(asMap(value, where), where);
    }

    private static Map<?, ?> asMap(Object value, String where) {
      if (value instanceof Map<?, ?> m) return m;
      throw new IllegalArgumentException(where + ": expected an object");
    }

    private Object get(String key) {
      if (!map.containsKey(key))
        throw new IllegalArgumentException(where + "." + key + ": missing");
      return map.get(key);
    }

    String string(String key) {
      if (get(key) instanceof String s) return s;
      throw new IllegalArgumentException(where + "." + key + ": expected a string");
    }

    Optional<String> optionalString(String key) {
      return get(key) == null ? Optional.empty() : Optional.of(string(key));
    }

    long number(String key) {
      if (get(key) instanceof Long n) return n;
      throw new IllegalArgumentException(where + "." + key + ": expected an integer");
    }

    Instant instant(String key) {
      try {
        return Instant.parse(string(key));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException(
            where + "." + key + ": expected an instant, found " + string(key), e);
      }
    }

    List<String> strings(String key) {
      if (!(get(key) instanceof List<?> l))
        throw new IllegalArgumentException(where + "." + key + ": expected a list");
      List<String> out = new ArrayList<>();
      for (Object o : l) {
        if (!(o instanceof String s))
          throw new IllegalArgumentException(where + "." + key + ": expected strings");
        out.add(s);
      }
      return out;
    }

    Optional<Fields> optionalObject(String key) {
      Object v = get(key);
      return v == null ? Optional.empty() : Optional.of(new Fields(v, where + "." + key));
    }
  }

  /** Durations as a person reads them: "3 s", "4 min", "3 h 2 min", "2 d 5 h". */
  static final class Durations {
    private Durations() {}

    static String ago(Instant then, Instant now) {
      return between(then, now) + " ago";
    }

    static String between(Instant from, Instant to) {
      Duration d = Duration.between(from, to);
      return of(d.isNegative() ? Duration.ZERO : d);
    }

    static String millis(long ms) {
      if (ms < 1000) return ms + " ms";
      if (ms < 60_000) return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
      return of(Duration.ofMillis(ms));
    }

    static String of(Duration d) {
      long s = d.getSeconds();
      if (s < 60) return s + " s";
      if (s < 3600) return s / 60 + " min";
      if (s < 86_400)
        return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
      return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
    }
  }
}
