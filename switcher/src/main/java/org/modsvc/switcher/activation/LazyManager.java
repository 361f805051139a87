package org.modsvc.switcher.activation;

import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.unit.UnitName;

/**
 * Connects on first use, so a configuration error is reported as one (exit 2) even where the bus is
 * unreachable, and a run with nothing pending does not talk to systemd before it has built its
 * configuration.
 */
final class LazyManager implements ServiceManager {
  private final Supplier<ServiceManager> connect;
  private ServiceManager manager;

  LazyManager(Supplier<ServiceManager> connect) {
    this.connect = connect;
  }

  private ServiceManager manager() {
    if (manager == null) {
      manager = connect.get();
    }
    return manager;
  }

  @Override
  public Map<UnitName, LiveState> liveStates() {
    return manager().liveStates();
  }

  @Override
  public SwitchReport execute(
      PhasePlan plan, PhaseExecutor.FilesWriter files, PhaseExecutor.Listener listener)
      throws IOException {
    return manager().execute(plan, files, listener);
  }

  @Override
  public Map<String, Long> callCounts() {
    return manager == null ? Map.of() : manager.callCounts();
  }

  @Override
  public void close() {
    if (manager != null) {
      manager.close();
    }
  }
}
