package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.modsvc.switcher.activation.Activation;
import org.modsvc.switcher.activation.StepHook;
import org.modsvc.switcher.activation.SwitchOptions;
import org.modsvc.switcher.activation.SystemdManager;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.systemd.BusAddress;
import org.modsvc.switcher.systemd.JournalTail;
import org.modsvc.switcher.systemd.SystemdClient;
import picocli.CommandLine.Option;

/** The options every switching command shares (docs/decisions.md §7), and the objects they lead to. */
final class SwitchContext {
  @Option(names = "--user", description = "Switch the calling user's services (user manager, XDG paths).")
  boolean user;

  @Option(names = "--root", paramLabel = "DIR", description = "Prefix every path with DIR (tests, images).")
  Path root;

  @Option(names = "--bus", paramLabel = "ADDR",
      description = "D-Bus address of the manager (default: the system bus, or the user's session bus with --user).")
  String bus;

  @Option(names = "--json", description = "Print the result as JSON for tools.")
  boolean json;

  @Option(names = "--lib", paramLabel = "PATH",
      description = "Evaluate with this nixpkgs lib directory instead of modsvc's own lib.")
  Path lib;

  @Option(names = "--show-trace", description = "Show the whole trace of an evaluation error.")
  boolean showTrace;

  @Option(names = "--lock-wait", paramLabel = "SECONDS", defaultValue = "300",
      description = "Wait this long for another switch to finish (default: ${DEFAULT-VALUE}).")
  long lockWaitSeconds;

  @Option(names = "--job-timeout", paramLabel = "SECONDS", defaultValue = "90",
      description = "How long to wait for each phase's jobs (default: ${DEFAULT-VALUE}).")
  long jobTimeoutSeconds;

  /**
   * The environment the command reads (HOME, XDG_*, PATH, bus addresses): the process's, or the one given to
   * {@link Main#run(String[], java.io.PrintStream, java.io.PrintStream, Map)} (set by its command factory).
   */
  Map<String, String> env = System.getenv();

  Layout layout() throws IOException {
    Path r = root == null ? Path.of("/") : root;
    if (!user) return Layout.system(r);
    Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    return Layout.user(r, env, ((Number) uid).longValue());
  }

  BusAddress busAddress() {
    if (bus != null) {
      return BusAddress.of(bus);
    }
    return user ? BusAddress.user(env) : BusAddress.system(env);
  }

  Activation activation(Layout layout, boolean force, PrintStream err) {
    Checkpoint hook = StepHook.fromEnvironment(err);
    GenerationSwitcher gs = new GenerationSwitcher(layout, Clock.systemUTC(), hook);
    BusAddress address = busAddress();
    JournalTail journal = JournalTail.command(java.util.List.of(), user);
    SwitchOptions options = SwitchOptions.defaults().withForce(force)
        .withLockWait(Duration.ofSeconds(Math.max(0, lockWaitSeconds)));
    return new Activation(gs, user ? SwitchMode.USER : SwitchMode.SYSTEM,
        () -> new SystemdManager(SystemdClient.connect(address, Duration.ofSeconds(jobTimeoutSeconds)), journal),
        options, hook, line -> err.println("modsvc: " + line));
  }
}
