package org.modsvc.agent.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.modsvc.agent.control.ControlServer;
import org.modsvc.agent.logging.AgentLogging;
import org.modsvc.agent.metrics.AgentMetrics;
import org.modsvc.agent.metrics.MetricsServer;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.ServiceManager;
import org.modsvc.switcher.config.ConfigurationSource;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.GenerationSwitcher;

/**
 * The daemon package's front door for the {@code daemon} command: wires the converger, the
 * notifier, the log and the signals around a {@link Daemon} and runs it until it is stopped.
 */
public final class DaemonRunner {
  private DaemonRunner() {}

  /**
   * Runs the daemon in this process until SIGTERM; returns the exit status.
   *
   * @param modules the module directory (or file) on disk, as the {@code source} reads it
   * @param driftInterval how often owned files are compared with the current generation (zero:
   *     never)
   * @param driftRepair whether drifted files are written back ({@code --drift} not {@code report})
   * @param controlSocket where {@code modsvc-agent status} finds the daemon (the layout's control
   *     socket on disk)
   * @param controlUid the one uid the control socket answers (root for the system instance, the
   *     user's own)
   * @param metricsListen {@code --metrics-listen}: where to serve the metrics over HTTP, if
   *     anywhere
   * @param switches makes the generations and the switch over a given manager connection
   * @param connect opens a connection to the service manager (kept open between switches)
   * @param hook the test hook ({@code MODSVC_TEST_PAUSE_AT}), or none
   * @param err the log (stderr, which systemd gives to the journal)
   */
  public static int run(
      Path modules,
      Duration debounce,
      boolean user,
      Duration driftInterval,
      boolean driftRepair,
      Path controlSocket,
      long controlUid,
      Optional<InetSocketAddress> metricsListen,
      Switches switches,
      ConfigurationSource source,
      Supplier<ServiceManager> connect,
      Checkpoint hook,
      Map<String, String> env,
      PrintStream err)
      throws IOException {
    AgentLogging.configureForDaemon(env, err);
    DaemonLog log = DaemonLog.daemon();
    DaemonSettings settings =
        new DaemonSettings(modules, debounce, user, driftInterval, driftRepair);
    AgentMetrics metrics = new AgentMetrics();
    try (Notifier notifier = SdNotify.fromEnvironment(env);
        ActivationConverger converger = converger(switches, source, connect, hook);
        AutoCloseable server =
            metricsListen.isPresent()
                ? MetricsServer.start(metricsListen.get(), metrics)
                : () -> {}) {
      metricsListen.ifPresent(
          a -> log.info("metrics on http://" + a.getHostString() + ":" + a.getPort() + "/metrics"));
      Daemon daemon =
          new Daemon(
              settings,
              converger,
              notifier,
              log,
              Clock.systemUTC(),
              env,
              new DaemonMetrics(metrics),
              () -> AgentLogging.configureForDaemon(env, err));
      Signals.install(daemon);
      try (ControlServer control =
          ControlServer.start(controlSocket, controlUid, new DaemonControl(daemon, metrics))) {
        log.info("control socket " + control.socket());
        return daemon.run();
      }
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static ActivationConverger converger(
      Switches switches,
      ConfigurationSource source,
      Supplier<ServiceManager> connect,
      Checkpoint hook) {
    StepTimes steps = new StepTimes(hook);
    GenerationSwitcher generations = switches.generations(steps);
    return new ActivationConverger(
        generations,
        source,
        connect,
        m -> switches.activation(generations, m, steps),
        Clock.systemUTC(),
        steps);
  }

  /**
   * How the command makes its switch, so the daemon's are the ones {@code modsvc-agent switch}
   * makes; the checkpoint given is the daemon's (it times the steps and passes them on to the test
   * hook).
   */
  public interface Switches {
    GenerationSwitcher generations(Checkpoint checkpoint);

    Activation activation(
        GenerationSwitcher generations, Supplier<ServiceManager> manager, Checkpoint checkpoint);
  }

  /**
   * The switch's remarks while it runs (each phase and job as it ends; SwitchLog logs the jobs
   * again with their fields once it is over): at debug level, except waiting for the lock and
   * finishing an interrupted switch, which say why a switch takes long.
   */
  public static java.util.function.Consumer<String> progressLog() {
    DaemonLog log = DaemonLog.daemon();
    return line -> {
      if (line.startsWith("waiting") || line.startsWith("finishing")) {
        log.info(line);
      } else {
        log.debug(line);
      }
    };
  }
}
