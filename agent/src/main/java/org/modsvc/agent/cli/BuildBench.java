package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.build.BuildOutput;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.config.ModuleConfiguration;
import org.modsvc.switcher.generation.Layout;
import picocli.CommandLine;

/**
 * The warm build benchmark, kept out of the production command (it was {@code build --repeat N}
 * until issue 18): {@code java -cp modsvc-agent.jar org.modsvc.agent.cli.BuildBench N BUILD-ARGS…}
 * reads its options as {@code modsvc-agent build BUILD-ARGS…} would and evaluates the modules N
 * times in this JVM ({@link ModuleConfiguration#evaluateOnly}: fresh evaluator state each run, the
 * JIT warmed by the earlier runs), writing nothing. It prints each run's time and the median of the
 * last half on stderr ({@code repeat: …}, the lines {@code integration-tests/bench/build-bench.sh}
 * reads) and the last run's unit count on stdout. See docs/benchmarks.md.
 */
public final class BuildBench {
  private BuildBench() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, System.getenv()));
  }

  /** Runs the benchmark reading {@code env} (HOME, XDG_*, PATH) as the command would. */
  static int run(
      String[] args, PrintStream out, PrintStream err, java.util.Map<String, String> env) {
    if (args.length < 1 || !args[0].matches("[1-9][0-9]*")) {
      err.println("usage: BuildBench N BUILD-ARGS...");
      return 1;
    }
    int repeat = Integer.parseInt(args[0]);
    BuildCommand cmd = new BuildCommand(out, err);
    try {
      new CommandLine(cmd).parseArgs(Arrays.copyOfRange(args, 1, args.length));
      cmd.context.env = env;
      Layout layout = cmd.context.layout();
      ConfigurationSource source = cmd.configuration.source(cmd.context, layout, err);
      if (!(source instanceof ModuleConfiguration config)) {
        err.println("error: BuildBench measures module evaluation; it does not apply to --units");
        return 1;
      }
      long[] nanos = new long[repeat];
      BuildOutput last = null;
      for (int i = 0; i < repeat; i++) {
        long t0 = System.nanoTime();
        last = config.evaluateOnly(layout);
        nanos[i] = System.nanoTime() - t0;
        err.printf("repeat: run %d: %.1f ms%n", i + 1, nanos[i] / 1e6);
      }
      long[] lastHalf = Arrays.copyOfRange(nanos, repeat / 2, repeat);
      Arrays.sort(lastHalf);
      int n = lastHalf.length;
      double median = n % 2 == 1 ? lastHalf[n / 2] : (lastHalf[n / 2 - 1] + lastHalf[n / 2]) / 2.0;
      err.printf("repeat: median of last %d runs: %.1f ms%n", n, median / 1e6);
      out.println(last.units().size() + " units");
      return 0;
    } catch (CommandLine.ParameterException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (BuildException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("error: " + e);
      return 1;
    }
  }
}
