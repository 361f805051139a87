package org.modsvc.agent.daemon;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.ServiceManager;
import org.modsvc.switcher.build.ConfigurationSource;
import org.modsvc.switcher.generation.GenerationSwitcher;

/**
 * The daemon package's front door for the {@code daemon} command: wires the converger, the notifier, the log and the
 * signals around a {@link Daemon} and runs it until it is stopped.
 */
public final class DaemonRunner {
  private DaemonRunner() {}

  /**
   * Runs the daemon in this process until SIGTERM; returns the exit status.
   *
   * @param modules the module directory (or file) on disk, as the {@code source} reads it
   * @param connect opens a connection to the service manager (kept open between switches)
   * @param activationOver the switch, as {@code modsvc-agent switch} would make it, over a given manager
   * @param err the log (stderr, which systemd gives to the journal)
   */
  public static int run(Path modules, Duration debounce, boolean user, GenerationSwitcher generations,
      ConfigurationSource source, Supplier<ServiceManager> connect,
      Function<Supplier<ServiceManager>, Activation> activationOver, Map<String, String> env, PrintStream err)
      throws IOException {
    DaemonLog log = DaemonLog.forEnvironment(err, env);
    DaemonSettings settings = new DaemonSettings(modules, debounce, user);
    try (Notifier notifier = SdNotify.fromEnvironment(env);
        ActivationConverger converger = new ActivationConverger(generations, source, connect, activationOver,
            Clock.systemUTC())) {
      Daemon daemon = new Daemon(settings, converger, notifier, log, Clock.systemUTC(), env);
      Signals.install(daemon);
      return daemon.run();
    }
  }

  /** A log line for the command's progress callback (the switch's phases and jobs as they end). */
  public static java.util.function.Consumer<String> progressLog(PrintStream err, Map<String, String> env) {
    DaemonLog log = DaemonLog.forEnvironment(err, env);
    return line -> log.info(line);
  }
}
