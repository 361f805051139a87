package org.modsvc.agent.daemon;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.modsvc.switcher.activation.ServiceManager;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.unit.UnitName;

/**
 * One manager connection kept open across the daemon's switches (its {@code JobRemoved}
 * subscription with it): each switch gets a view whose {@code close} leaves the connection open.
 * After a switch that stopped on an error the daemon {@link #drop}s it, and the next switch
 * connects anew (the bus may have restarted).
 */
final class KeptManager implements AutoCloseable {
  private final Supplier<ServiceManager> connect;
  private ServiceManager open;

  KeptManager(Supplier<ServiceManager> connect) {
    this.connect = connect;
  }

  /** For {@code Activation}: called once per switch, after the lock is held. */
  synchronized ServiceManager get() {
    if (open == null) open = connect.get();
    ServiceManager m = open;
    return new ServiceManager() {
      @Override
      public Map<UnitName, LiveState> liveStates() {
        return m.liveStates();
      }

      @Override
      public SwitchReport execute(
          PhasePlan plan, PhaseExecutor.FilesWriter files, PhaseExecutor.Listener listener)
          throws IOException {
        return m.execute(plan, files, listener);
      }

      @Override
      public Map<String, Long> callCounts() {
        return m.callCounts();
      }

      @Override
      public void close() {
        // kept for the next switch
      }
    };
  }

  /** Closes the connection; the next {@link #get} opens a new one. */
  synchronized void drop() {
    if (open != null) {
      try {
        open.close();
      } catch (RuntimeException ignored) {
        // a broken connection may fail to close; it is being replaced anyway
      }
      open = null;
    }
  }

  @Override
  public void close() {
    drop();
  }
}
