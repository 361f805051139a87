package org.modsvc.agent.cli;

import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.modsvc.switcher.activation.ExitCode;
import org.modsvc.switcher.activation.SwitchException;
import org.modsvc.switcher.activation.SwitchResult;
import org.modsvc.switcher.config.EvaluationFailure;
import org.modsvc.switcher.fs.IoErrors;
import org.modsvc.switcher.generation.GenerationException;
import picocli.CommandLine.Mixin;

/**
 * What every command but {@code eval} shares, and only that: the mode, root and output options
 * ({@link SwitchContext}: {@code --user}, {@code --root}, {@code --json}), printing a result, and
 * turning a stop into its exit status. Options that apply to some commands only are mixins those
 * commands declare ({@link ConfigurationOptions}, {@link ManagerOptions}, {@link JobOptions}, …);
 * README's flag table says which command takes which, and {@code ReadmeFlagTableTest} holds the
 * commands to it.
 */
abstract class SwitchingCommand implements Callable<Integer> {
  @Mixin SwitchContext context;

  final PrintStream out;
  final PrintStream err;

  SwitchingCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public final Integer call() {
    try {
      return run();
    } catch (SwitchException e) {
      return fail(e.getMessage(), e.exitCode(), e);
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage(), ExitCode.FATAL, e);
    } catch (GenerationException e) {
      // damaged state on disk (a corrupt manifest, a current link pointing nowhere): the host's
      // problem
      return fail(e.getMessage(), ExitCode.FATAL, e);
    } catch (java.io.IOException e) {
      return fail("I/O error: " + IoErrors.describe(e), ExitCode.FATAL, e);
    } catch (java.io.UncheckedIOException e) {
      return fail("I/O error: " + IoErrors.describe(e.getCause()), ExitCode.FATAL, e);
    }
  }

  /**
   * Reports why the command stopped: on stderr as text, and with {@code --json} also on stdout as
   * {@code {"error": {"message", "exitCode", …}}}, with the position and trace of an evaluation
   * error.
   */
  private int fail(String message, int exitCode, Exception e) {
    String text = message + rootHint(e);
    // A report with a trace starts on a line of its own.
    err.println(text.startsWith("\n") ? "error:" + text : "error: " + text);
    if (context.json) {
      Map<String, Object> error = new LinkedHashMap<>();
      if (e.getCause() instanceof EvaluationFailure f) {
        error.putAll(f.toData());
      } else {
        error.put("message", text);
      }
      error.put("exitCode", exitCode);
      out.print(JsonText.of(Map.of("error", error)));
      out.flush();
    }
    debug(e);
    return exitCode;
  }

  private String rootHint(Exception e) {
    Throwable cause = e instanceof SwitchException ? e.getCause() : e;
    return rootHint(cause, !context.user && context.root == null, isRoot());
  }

  /**
   * System mode writes under /etc, /run and /var/lib: refused access there, when not root, means
   * "not root".
   */
  static String rootHint(Throwable cause, boolean systemModeOnThisHost, boolean root) {
    if (!(cause instanceof AccessDeniedException) || !systemModeOnThisHost || root) return "";
    return "\nsystem mode needs root: run it as root, or use --user for your own services";
  }

  private static boolean isRoot() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue() == 0;
    } catch (java.io.IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  abstract int run() throws java.io.IOException;

  int print(SwitchResult result) {
    if (context.json) {
      out.print(JsonText.of(result.toData()));
    } else {
      out.print(result.render());
    }
    out.flush();
    return result.exitCode();
  }

  private void debug(Exception e) {
    if ("1".equals(System.getenv("MODSVC_DEBUG"))) {
      e.printStackTrace(err);
    }
  }
}
