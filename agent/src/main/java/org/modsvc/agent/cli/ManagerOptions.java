package org.modsvc.agent.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
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

/**
 * How the commands that talk to systemd ({@code switch}, {@code diff}, {@code rollback}) reach it.
 */
final class ManagerOptions {
  @Option(
      names = "--bus",
      paramLabel = "ADDR",
      description =
          "D-Bus address of the manager (default: the system bus, or the user's session bus with --user).")
  String bus;

  @Option(
      names = "--lock-wait",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description = "Wait this long for another switch to finish (default: ${DEFAULT-VALUE}).")
  long lockWaitSeconds;

  BusAddress busAddress(SwitchContext context) {
    if (bus != null) {
      return BusAddress.of(bus);
    }
    return context.user ? BusAddress.user(context.env) : BusAddress.system(context.env);
  }

  /**
   * The switch these options, {@code jobs} and {@code force} describe; progress goes to {@code
   * err}.
   */
  Activation activation(
      SwitchContext context, Layout layout, JobOptions jobs, boolean force, PrintStream err) {
    return activation(context, layout, jobs, options -> options.withForce(force), err);
  }

  /**
   * As above, with the switch's own options ({@code --force}, {@code --drift}, …) set by {@code
   * tune}.
   */
  Activation activation(
      SwitchContext context,
      Layout layout,
      JobOptions jobs,
      java.util.function.UnaryOperator<SwitchOptions> tune,
      PrintStream err) {
    Checkpoint hook = StepHook.fromEnvironment(err);
    GenerationSwitcher gs = new GenerationSwitcher(layout, Clock.systemUTC(), hook);
    BusAddress address = busAddress(context);
    JournalTail journal = JournalTail.command(java.util.List.of(), context.user);
    SwitchOptions options =
        tune.apply(
            SwitchOptions.defaults()
                .withLockWait(Duration.ofSeconds(Math.max(0, lockWaitSeconds)))
                .withKeepGenerations(jobs.keepGenerations()));
    return new Activation(
        gs,
        context.user ? SwitchMode.USER : SwitchMode.SYSTEM,
        () ->
            new SystemdManager(
                SystemdClient.connect(address, jobs.jobTimeout()), journal, jobs.settle()),
        options,
        hook,
        line -> err.println("modsvc: " + line));
  }
}
