package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.syntax.ParseException;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Value;

/**
 * Evaluates small Nix expressions for the builtin and language unit tests. Every call uses a fresh
 * {@link EvalState} over an in-memory store, so tests are independent and never touch a real store.
 *
 * <p>Expected values in the tests were checked against {@code nix-instantiate --eval --strict -E}.
 * To re-check them, run the tests with {@code -Dnix.record=FILE}: every expression that evaluates
 * successfully is appended to FILE as {@code expr<TAB>printed} (tabs/newlines escaped), ready to be
 * compared with the reference evaluator by a script outside the build.
 */
public final class NixTestSupport {
  private NixTestSupport() {}

  /** A fresh evaluation session whose warnings and traces go to {@code stderr}. */
  public static EvalState newState(PrintStream stderr) {
    return org.modsvc.nix.Evaluation.builder()
        .store(new MemoryStore())
        .searchPath(List.of())
        .homeDir(Path.of("/tmp"))
        .experimentalFeatures(Set.of())
        .diagnostics(stderr)
        .start()
        .state();
  }

  /**
   * Evaluates {@code expr} deeply and prints it as {@code nix-instantiate --eval --strict} does.
   */
  public static String eval(String expr) {
    return eval(newState(System.err), expr);
  }

  /** As {@link #eval(String)}, in a given session (to share a store or inspect stderr). */
  public static String eval(EvalState state, String expr) {
    String out = Printer.print(value(state, expr), true);
    record(expr, out);
    return out;
  }

  /**
   * Evaluates {@code expr} to weak head normal form only (laziness tests print the rest unforced).
   */
  public static Value value(EvalState state, String expr) {
    return state.evalSource(Source.ofString("«test»", expr, Path.of("/tmp")));
  }

  /** Evaluates and prints without forcing: unevaluated parts show as {@code <CODE>}. */
  public static String evalLazy(String expr) {
    return Printer.print(value(newState(System.err), expr), false);
  }

  /** The message of the error that deep evaluation of {@code expr} raises; fails if it succeeds. */
  public static String evalError(String expr) {
    return evalException(expr).getMessage();
  }

  /**
   * The error (evaluation or parse) that deep evaluation of {@code expr} raises; fails if it
   * succeeds.
   */
  public static RuntimeException evalException(String expr) {
    try {
      String out = Printer.print(value(newState(System.err), expr), true);
      return fail("expected an error from `" + expr + "` but got " + out);
    } catch (EvalException | ParseException e) {
      record(expr, "!ERROR " + e.getMessage());
      return e;
    }
  }

  /** What evaluating {@code expr} deeply writes to stderr (traces and warnings). */
  public static String stderrOf(String expr) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
      eval(newState(ps), expr);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  private static void record(String expr, String out) {
    String file = System.getProperty("nix.record");
    if (file == null) return;
    String line = esc(expr) + "\t" + esc(out) + "\n";
    try {
      Files.writeString(
          Path.of(file),
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String esc(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
  }
}
