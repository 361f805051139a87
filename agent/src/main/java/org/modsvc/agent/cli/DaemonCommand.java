package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.modsvc.agent.daemon.DaemonRunner;
import org.modsvc.agent.metrics.ListenAddress;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.DriftPolicy;
import org.modsvc.switcher.activation.ServiceManager;
import org.modsvc.switcher.activation.StepHook;
import org.modsvc.switcher.activation.SwitchOptions;
import org.modsvc.switcher.activation.SystemdManager;
import org.modsvc.switcher.config.ModuleConfiguration;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.systemd.BusAddress;
import org.modsvc.switcher.systemd.JournalTail;
import org.modsvc.switcher.systemd.SystemdClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code modsvc-agent daemon}: keeps the host converged to its module files, as a systemd service
 * (docs/decisions.md §13). Each switch is the one {@code modsvc-agent switch} makes, with the same
 * options.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description =
        "Converge to the module files, then watch every file the evaluation read and switch again when "
            + "one changes. Run by systemd (Type=notify); SIGHUP re-reads everything, SIGTERM stops after the running "
            + "switch.")
final class DaemonCommand implements Callable<Integer> {
  @Option(
      names = "--user",
      description = "The calling user's services (user manager, ~/.config/modsvc/modules).")
  boolean user;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "Prefix every path with DIR (tests, images).")
  Path root;

  @Option(
      names = "--modules",
      paramLabel = "PATH",
      description = "The module directory or file (default: the mode's modules directory).")
  Path modules;

  @Option(
      names = "--debounce",
      paramLabel = "MS",
      defaultValue = "500",
      description =
          "Quiet period before evaluating while a module file is still open for writing; a file"
              + " closed or renamed into place is evaluated at once (default: ${DEFAULT-VALUE}).")
  long debounceMillis = 500;

  @Option(
      names = "--drift-interval",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Compare the owned files with the current generation this often; 0 never (default: "
              + "${DEFAULT-VALUE}).")
  long driftIntervalSeconds = 60;

  @Option(
      names = "--drift",
      paramLabel = "POLICY",
      defaultValue = "repair-all",
      description =
          "Owned files changed by hand: repair-all (default) restores deleted and edited ones, "
              + "repair-missing only deleted ones, report only reports them. Restored files restart or reload their units "
              + "as a switch that changed them would.")
  String drift = "repair-all";

  @Option(
      names = "--rollback-on-failure",
      description =
          "When units of a new generation fail (their job, or "
              + "within --settle), switch back to the previous generation and do not retry that configuration until it "
              + "changes.")
  boolean rollbackOnFailure;

  @Option(
      names = "--metrics-listen",
      paramLabel = "HOST:PORT",
      description =
          "Serve the metrics in Prometheus' text format at http://HOST:PORT/metrics (default: not at all).")
  String metricsListen;

  @Mixin EvaluationOptions evaluation;

  @Mixin UnitCheckOptions checks;

  @Mixin ManagerOptions manager;

  @Mixin JobOptions jobs;

  private final PrintStream err;
  private final Map<String, String> env;

  DaemonCommand(PrintStream err, Map<String, String> env) {
    this.err = err;
    this.env = env;
  }

  @Override
  public Integer call() throws Exception {
    SwitchContext context = new SwitchContext();
    context.user = user;
    context.root = root;
    context.env = env;
    try {
      Layout layout = context.layout();
      Path modulesPath = modules != null ? modules : layout.dirOnDisk(layout.modulesDir());
      ModuleConfiguration source =
          ConfigurationSources.modules(
              context, evaluation, checks.settings(), layout, modulesPath, err);
      Consumer<String> progress = DaemonRunner.progressLog();
      Optional<InetSocketAddress> listen =
          metricsListen == null
              ? Optional.empty()
              : Optional.of(ListenAddress.parse(metricsListen));
      Checkpoint hook = StepHook.fromEnvironment(err);
      BusAddress address = manager.busAddress(context);
      JournalTail journal = JournalTail.command(java.util.List.of(), user);
      Duration jobTimeout = jobs.jobTimeout();
      Duration settle = jobs.settle();
      DriftPolicy policy = SwitchCommand.driftPolicy(drift);
      if (driftIntervalSeconds < 0) {
        throw new IllegalArgumentException(
            "--drift-interval must not be negative, got " + driftIntervalSeconds);
      }
      SwitchOptions options =
          SwitchOptions.defaults()
              .withLockWait(Duration.ofSeconds(Math.max(0, manager.lockWaitSeconds)))
              .withKeepGenerations(jobs.keepGenerations())
              .withDrift(policy)
              .withRollbackOnFailure(rollbackOnFailure);
      Supplier<ServiceManager> connect =
          () -> new SystemdManager(SystemdClient.connect(address, jobTimeout), journal, settle);
      DaemonRunner.Switches switches =
          new DaemonRunner.Switches() {
            @Override
            public GenerationSwitcher generations(Checkpoint checkpoint) {
              return new GenerationSwitcher(layout, Clock.systemUTC(), checkpoint);
            }

            @Override
            public Activation activation(
                GenerationSwitcher generations,
                Supplier<ServiceManager> over,
                Checkpoint checkpoint) {
              return new Activation(
                  generations,
                  user ? SwitchMode.USER : SwitchMode.SYSTEM,
                  over,
                  options,
                  checkpoint,
                  progress);
            }
          };
      long uid =
          ((Number) java.nio.file.Files.getAttribute(Path.of("/proc/self"), "unix:uid"))
              .longValue();
      return DaemonRunner.run(
          modulesPath,
          Duration.ofMillis(debounceMillis),
          user,
          Duration.ofSeconds(driftIntervalSeconds),
          policy != DriftPolicy.REPORT,
          layout.onDisk(layout.controlSocket()),
          user ? uid : 0,
          listen,
          switches,
          source,
          connect,
          hook,
          env,
          err);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      // the host's, not a bug: no inotify instance left (docs/decisions.md §13), a socket in use
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
