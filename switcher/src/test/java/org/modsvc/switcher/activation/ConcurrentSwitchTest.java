package org.modsvc.switcher.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.config.UnitDirectorySource;
import org.modsvc.switcher.generation.Checkpoint;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Generations;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.plan.SwitchMode;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.unit.UnitName;

/**
 * A {@code modsvc-agent switch} run while the daemon switches (issue 20): the two go through the
 * same {@link Activation} path, and the switch lock makes the second wait for the first instead of
 * interleaving their jobs, files or generation numbers.
 */
class ConcurrentSwitchTest {
  @TempDir Path tmp;

  private final List<String> events = new CopyOnWriteArrayList<>();

  /**
   * Records when its switch's jobs start and end; the first one holds its switch open until
   * released.
   */
  private ServiceManager manager(String who, CountDownLatch hold, CountDownLatch inside) {
    ActivationTest.DoneManager done = new ActivationTest.DoneManager();
    return new ServiceManager() {
      @Override
      public Map<UnitName, LiveState> liveStates() {
        return done.liveStates();
      }

      @Override
      public SwitchReport execute(
          PhasePlan plan, PhaseExecutor.FilesWriter files, PhaseExecutor.Listener listener)
          throws IOException {
        events.add(who + " jobs start");
        inside.countDown();
        try {
          if (!hold.await(30, TimeUnit.SECONDS)) throw new IOException("never released");
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
        SwitchReport r = done.execute(plan, files, listener);
        events.add(who + " jobs end");
        return r;
      }

      @Override
      public Map<String, Long> callCounts() {
        return Map.of();
      }

      @Override
      public void close() {}
    };
  }

  private Activation activation(Layout layout, ServiceManager manager, Consumer<String> progress) {
    GenerationSwitcher gs = new GenerationSwitcher(layout, Clock.systemUTC(), Checkpoint.NONE);
    return new Activation(
        gs, SwitchMode.SYSTEM, () -> manager, SwitchOptions.defaults(), Checkpoint.NONE, progress);
  }

  private Path units(String description) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("units-" + description));
    Files.writeString(
        dir.resolve("web.service"),
        "[Unit]\nDescription="
            + description
            + "\n[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n");
    return dir;
  }

  @Test
  void aSecondSwitchWaitsForTheFirstInsteadOfInterleaving() throws Exception {
    Layout layout = Layout.system(tmp.resolve("root"));
    CountDownLatch daemonHold = new CountDownLatch(1);
    CountDownLatch daemonInside = new CountDownLatch(1);
    CountDownLatch free = new CountDownLatch(0);
    List<String> daemonProgress = new CopyOnWriteArrayList<>();
    CountDownLatch cliWaiting = new CountDownLatch(1);
    List<String> cliProgress = new CopyOnWriteArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<SwitchResult> daemon =
          threads.submit(
              () ->
                  activation(
                          layout, manager("daemon", daemonHold, daemonInside), daemonProgress::add)
                      .switchTo(new UnitDirectorySource(units("daemon"))));
      assertTrue(daemonInside.await(30, TimeUnit.SECONDS), "the daemon's switch reached its jobs");
      Future<SwitchResult> cli =
          threads.submit(
              () ->
                  activation(
                          layout,
                          manager("cli", free, new CountDownLatch(1)),
                          line -> {
                            cliProgress.add(line);
                            // LockWaiter's message is the event to wait on: the CLI's switch found
                            // the lock held
                            if (line.startsWith("waiting for the switch lock: "))
                              cliWaiting.countDown();
                          })
                      .switchTo(new UnitDirectorySource(units("cli"))));
      assertTrue(
          cliWaiting.await(30, TimeUnit.SECONDS), "the CLI switch never waited: " + cliProgress);
      assertEquals(
          List.of("daemon jobs start"), events, "nothing of the CLI's switch ran meanwhile");
      daemonHold.countDown();
      SwitchResult first = daemon.get(30, TimeUnit.SECONDS);
      SwitchResult second = cli.get(30, TimeUnit.SECONDS);
      assertEquals(
          List.of("daemon jobs start", "daemon jobs end", "cli jobs start", "cli jobs end"),
          events);
      assertEquals(ExitCode.OK, first.exitCode());
      assertEquals(ExitCode.OK, second.exitCode());
      assertEquals(1, first.to());
      assertEquals(2, second.to(), "the CLI's switch starts from the daemon's generation");
      assertEquals(2, new Generations(layout).current().getAsInt());
      String web = Files.readString(tmp.resolve("root/etc/systemd/system/web.service"));
      assertTrue(web.contains("Description=cli"), web);
    } finally {
      daemonHold.countDown();
      threads.shutdownNow();
    }
  }
}
