import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.DriftReport;
import org.modsvc.switcher.activation.SwitchOptions;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.SwitchMode;

/**
 * Times {@code Activation.checkDrift()} over the system layout under ROOT (a generation written by
 * {@code build --root}): RUNS calls in one JVM, the first WARMUP left out; prints min, median and max in ms and
 * what the last call found. Run by drift-bench.sh with the agent jar on the class path (Java's source launcher).
 */
public final class DriftBench {
  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    int warmup = Integer.parseInt(args[2]);
    Layout layout = Layout.system(root);
    Activation activation = new Activation(new GenerationSwitcher(layout, Clock.systemUTC(), Checkpoint.NONE),
        SwitchMode.SYSTEM, () -> {
          throw new IllegalStateException("checkDrift must not talk to systemd");
        }, SwitchOptions.defaults(), Checkpoint.NONE, line -> {});
    double[] ms = new double[runs - warmup];
    DriftReport last = null;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      last = activation.checkDrift();
      long took = System.nanoTime() - start;
      if (i >= warmup) {
        ms[i - warmup] = took / 1e6;
      }
    }
    Arrays.sort(ms);
    System.out.printf("checkDrift: min %.1f ms, median %.1f ms, max %.1f ms (%d calls after %d warm-up)%n",
        ms[0], ms[ms.length / 2], ms[ms.length - 1], ms.length, warmup);
    System.out.print(last.render());
  }
}
