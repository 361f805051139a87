import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.ServiceManager;
import org.modsvc.switcher.activation.SwitchOptions;
import org.modsvc.switcher.activation.SwitchResult;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.Phase;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.systemd.JobKind;
import org.modsvc.switcher.systemd.JobOutcome;
import org.modsvc.switcher.systemd.JobStatus;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.PhaseReport;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.unit.UnitName;

/**
 * The file side of the daemon's switch, step by step: {@code Activation.switchTo} (the daemon's
 * door) over UNITS services as the modules write them (a unit file and a wants link each) under
 * ROOT, one service's ExecStart changed per switch, with an in-memory manager that calls the file
 * phase and the listener in the executor's order and whose jobs all succeed at once (no systemd:
 * every time printed is the switcher's own, daemon-reload excluded). The checkpoints are the ones
 * the daemon's "steps:" log line shows, each timed since the one before ("evaluated" is when the
 * configuration source returned); prints min and median per step (wall and this thread's CPU
 * time) over RUNS switches after WARMUP. SETTLE seconds (default 0) pass between the first switch
 * and the measured ones, so the 99 unchanged unit files are as old as on a host that has run a
 * while (a hash is reused only for a file unchanged for FileStamp.SETTLE, 35 s). Run by
 * switch-steps-bench.sh with the agent jar on the class path (Java's source launcher).
 */
public final class SwitchStepsBench {
  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    int units = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int settleSeconds = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    Steps steps = new Steps();
    Layout layout = Layout.system(root);
    int[] argv = {0};
    Activation activation =
        new Activation(
            new GenerationSwitcher(layout, Clock.systemUTC(), steps),
            SwitchMode.SYSTEM,
            () -> new InstantManager(units),
            SwitchOptions.defaults(),
            steps,
            line -> {});
    run(activation, steps, (l, s) -> new Built(state(units, 0), List.of())); // the first switch
    try {
      Thread.sleep(settleSeconds * 1000L); // the unit files age, as they have in a long-running host
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    Map<String, List<Double>> byStep = new LinkedHashMap<>();
    Map<String, List<Double>> cpuByStep = new LinkedHashMap<>();
    List<Double> totals = new ArrayList<>();
    List<Double> cpuTotals = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      int k = i;
      steps.begin();
      long t0 = System.nanoTime();
      long c0 = Steps.THREADS.getCurrentThreadCpuTime();
      SwitchResult r =
          run(
              activation,
              steps,
              (l, s) -> {
                Built b = new Built(state(units, k), List.of());
                steps.reached("evaluated");
                return b;
              });
      double total = (System.nanoTime() - t0) / 1e6;
      double cpuTotal = (Steps.THREADS.getCurrentThreadCpuTime() - c0) / 1e6;
      if (r.files().changed().size() != 1 || r.exitCode() != 0) {
        throw new IllegalStateException("switch " + i + " did not change one file: " + r.render());
      }
      if (i > warmup) {
        totals.add(total);
        cpuTotals.add(cpuTotal);
        steps.times().forEach((s, ms) -> byStep.computeIfAbsent(s, x -> new ArrayList<>()).add(ms));
        steps.cpu().forEach((s, ms) -> cpuByStep.computeIfAbsent(s, x -> new ArrayList<>()).add(ms));
      }
    }
    System.out.printf(
        "%-24s %8s %8s %8s %8s%n", "step (since the previous)", "min ms", "median", "cpu min", "median");
    byStep.forEach((s, ms) -> print(s, ms, cpuByStep.get(s)));
    print("whole switch", totals, cpuTotals);
  }

  private static SwitchResult run(
      Activation activation, Steps steps, org.modsvc.switcher.config.ConfigurationSource source) {
    return activation.switchTo(source);
  }

  private static void print(String step, List<Double> ms, List<Double> cpu) {
    System.out.printf(
        "%-24s %8.1f %8.1f %8.1f %8.1f%n", step, min(ms), median(ms), min(cpu), median(cpu));
  }

  private static double min(List<Double> ms) {
    return ms.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double median(List<Double> ms) {
    List<Double> sorted = new ArrayList<>(ms);
    sorted.sort(null);
    return sorted.get((sorted.size() - 1) / 2);
  }

  /** UNITS services; bench-1's ExecStart argument is {@code 20000<k>} in the k-th change. */
  static DesiredState state(int units, int k) {
    List<DesiredFile> files = new ArrayList<>();
    for (int i = 1; i <= units; i++) {
      String arg = i == 1 && k > 0 ? "20000" + k : "10000" + i;
      String name = "bench-" + i + ".service";
      files.add(
          DesiredFile.Regular.text(
              "/etc/systemd/system/" + name,
              "[Unit]\n\n[Service]\nExecStart=\"/bin/sleep\" \""
                  + arg
                  + "\"\nRestart=always\nRestartSec=5\nType=simple\n\n[Install]\n"
                  + "WantedBy=multi-user.target\n",
              0644));
      files.add(
          DesiredFile.Symlink.of(
              "/etc/systemd/system/multi-user.target.wants/" + name, "../" + name));
    }
    return DesiredState.of(files, Set.of(), Map.of("moduleFiles", Integer.toString(units)));
  }

  /**
   * Each named checkpoint with the wall time since the one before, and the CPU time this thread
   * spent meanwhile (steadier than wall time on a loaded machine; the switch runs on this thread);
   * the per-file steps are summed in.
   */
  static final class Steps implements Checkpoint {
    private static final boolean MARK = Boolean.getBoolean("bench.mark");
    private static final java.lang.management.ThreadMXBean THREADS =
        java.lang.management.ManagementFactory.getThreadMXBean();
    private final Map<String, Double> times = new LinkedHashMap<>();
    private final Map<String, Double> cpu = new LinkedHashMap<>();
    private long previous;
    private long previousCpu;

    void begin() {
      times.clear();
      cpu.clear();
      previous = System.nanoTime();
      previousCpu = THREADS.getCurrentThreadCpuTime();
    }

    Map<String, Double> times() {
      return times;
    }

    Map<String, Double> cpu() {
      return cpu;
    }

    @Override
    public void reached(String step) {
      if (step.contains("/")) return;
      if (MARK) System.err.println("STEP " + step); // a write(2) marks the step in strace's output
      long now = System.nanoTime();
      long nowCpu = THREADS.getCurrentThreadCpuTime();
      String name = step.replaceAll("[0-9]+", "N");
      times.merge(name, (now - previous) / 1e6, Double::sum);
      cpu.merge(name, (nowCpu - previousCpu) / 1e6, Double::sum);
      previous = now;
      previousCpu = nowCpu;
    }
  }

  /** Every service active; jobs succeed at once; the executor's order of calls. */
  static final class InstantManager implements ServiceManager {
    private final Map<UnitName, LiveState> live = new TreeMap<>();

    InstantManager(int units) {
      live.put(UnitName.of("multi-user.target"), LiveState.active());
      for (int i = 1; i <= units; i++) {
        live.put(UnitName.of("bench-" + i + ".service"), LiveState.active());
      }
    }

    @Override
    public Map<UnitName, LiveState> liveStates() {
      return live;
    }

    @Override
    public SwitchReport execute(
        PhasePlan plan, PhaseExecutor.FilesWriter files, PhaseExecutor.Listener listener)
        throws java.io.IOException {
      List<PhaseReport> phases = new ArrayList<>();
      phases.add(jobs(Phase.STOP, plan, listener));
      boolean changed = files.write();
      listener.filesWritten();
      if (plan.daemonReload() || changed) {
        listener.daemonReloaded();
      }
      for (Phase phase : Phase.AFTER_DAEMON_RELOAD) {
        phases.add(jobs(phase, plan, listener));
      }
      return new SwitchReport(phases, List.of());
    }

    private static PhaseReport jobs(Phase phase, PhasePlan plan, PhaseExecutor.Listener listener) {
      List<JobOutcome> outcomes = new ArrayList<>();
      if (!plan.units(phase).isEmpty()) listener.phaseStarting(phase, plan.units(phase));
      for (UnitName unit : plan.units(phase)) {
        JobOutcome o =
            new JobOutcome(unit.value(), JobKind.valueOf(phase.name()), JobStatus.DONE, "done", "");
        listener.jobFinished(phase, o, Duration.ZERO);
        outcomes.add(o);
      }
      return new PhaseReport(phase, outcomes);
    }

    @Override
    public Map<String, Long> callCounts() {
      return Map.of();
    }

    @Override
    public void close() {}
  }
}
