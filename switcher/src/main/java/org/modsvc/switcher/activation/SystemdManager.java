package org.modsvc.switcher.activation;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.modsvc.switcher.plan.LiveState;
import org.modsvc.switcher.plan.PhasePlan;
import org.modsvc.switcher.systemd.JournalTail;
import org.modsvc.switcher.systemd.PhaseExecutor;
import org.modsvc.switcher.systemd.SwitchReport;
import org.modsvc.switcher.systemd.SystemdClient;
import org.modsvc.switcher.systemd.UnitSummary;
import org.modsvc.switcher.unit.UnitName;

/** The real manager: one {@link SystemdClient} connection and the journal of the manager's host. */
public final class SystemdManager implements ServiceManager {
  private final SystemdClient client;
  private final JournalTail journal;
  private final java.time.Duration settle;

  /**
   * @param settle how long started and restarted units are watched for failures (zero: not at all)
   */
  public SystemdManager(SystemdClient client, JournalTail journal, java.time.Duration settle) {
    this.client = client;
    this.journal = journal;
    this.settle = settle;
  }

  @Override
  public Map<UnitName, LiveState> liveStates() {
    Map<UnitName, LiveState> states = new TreeMap<>();
    for (UnitSummary u : client.listUnits()) {
      // stc-ng's get_active_units skips units that follow another (device aliases and the like)
      if ((u.following() == null || u.following().isEmpty()) && UnitName.isValid(u.name())) {
        states.put(
            UnitName.of(u.name()), new LiveState(u.activeState(), u.subState(), u.loadState()));
      }
    }
    return states;
  }

  @Override
  public SwitchReport execute(
      PhasePlan plan, PhaseExecutor.FilesWriter files, PhaseExecutor.Listener listener)
      throws IOException {
    return new PhaseExecutor(client, journal, JournalTail.DEFAULT_LINES, listener, settle)
        .execute(plan, files);
  }

  @Override
  public Map<String, Long> callCounts() {
    return client.calls().snapshot();
  }

  @Override
  public void close() {
    client.close();
  }
}
