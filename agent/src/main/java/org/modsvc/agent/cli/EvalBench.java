package org.modsvc.agent.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.modsvc.nix.Evaluation;
import org.modsvc.nix.EvaluatorCache;
import picocli.CommandLine;

/**
 * The warm benchmark, kept out of the production command: {@code java -cp modsvc-agent.jar
 * org.modsvc.agent.cli.EvalBench N EVAL-ARGS…} evaluates as {@code modsvc-agent eval EVAL-ARGS…}
 * would, N times in this JVM (a fresh evaluation each time, one {@link EvaluatorCache} kept across
 * them as a daemon keeps it), prints each run's time and the median of the last half on stderr
 * ({@code repeat: …}, the lines {@code integration-tests/bench/bench.sh} reads) and the last run's
 * output on stdout. See docs/benchmarks.md.
 */
public final class EvalBench {
  private EvalBench() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length < 1 || !args[0].matches("[1-9][0-9]*")) {
      err.println("usage: EvalBench N EVAL-ARGS...");
      return 1;
    }
    int repeat = Integer.parseInt(args[0]);
    EvalCommand cmd = new EvalCommand(out, err);
    new CommandLine(cmd).parseArgs(Arrays.copyOfRange(args, 1, args.length));
    EvaluatorCache cache = new EvaluatorCache();
    long[] nanos = new long[repeat];
    String result = null;
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      Evaluation ev = cmd.newEvaluation(cache);
      Evaluation.Result<String> r = ev.run(cmd::evaluateOnce);
      nanos[i] = System.nanoTime() - t0;
      if (!r.ok()) {
        cmd.report(r.failure().orElseThrow());
        return 1;
      }
      cache.keepOnlyUsedBy(ev);
      result = r.value().orElseThrow();
      err.printf("repeat: run %d: %.1f ms%n", i + 1, nanos[i] / 1e6);
    }
    long[] lastHalf = Arrays.copyOfRange(nanos, repeat / 2, repeat);
    Arrays.sort(lastHalf);
    double median =
        lastHalf.length % 2 == 1
            ? lastHalf[lastHalf.length / 2]
            : (lastHalf[lastHalf.length / 2 - 1] + lastHalf[lastHalf.length / 2]) / 2.0;
    err.printf("repeat: median of last %d runs: %.1f ms%n", lastHalf.length, median / 1e6);
    out.print(result);
    out.flush();
    return 0;
  }
}
