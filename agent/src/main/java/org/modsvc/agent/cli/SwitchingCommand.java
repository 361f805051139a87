package org.modsvc.agent.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.modsvc.switcher.activation.ExitCode;
import org.modsvc.switcher.activation.SwitchException;
import org.modsvc.switcher.activation.SwitchResult;
import org.modsvc.switcher.fs.IoErrors;
import org.modsvc.switcher.generation.GenerationException;
import picocli.CommandLine.Mixin;

/** What the switching commands share: their options, printing a result, and turning a stop into its exit status. */
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
      err.println("error: " + e.getMessage());
      debug(e);
      return e.exitCode();
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      debug(e);
      return ExitCode.FATAL;
    } catch (GenerationException e) {
      // damaged state on disk (a corrupt manifest, a current link pointing nowhere): the host's problem
      err.println("error: " + e.getMessage());
      debug(e);
      return ExitCode.FATAL;
    } catch (java.io.IOException e) {
      err.println("error: I/O error: " + IoErrors.describe(e));
      debug(e);
      return ExitCode.FATAL;
    } catch (java.io.UncheckedIOException e) {
      err.println("error: I/O error: " + IoErrors.describe(e.getCause()));
      debug(e);
      return ExitCode.FATAL;
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
