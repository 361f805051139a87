package org.modsvc.it;

import java.util.EnumMap;
import java.util.Map;
import org.modsvc.it.Sandbox.Scope;
import org.modsvc.switcher.systemd.SystemdClient;
import org.modsvc.switcher.systemd.UnitState;

/**
 * Reads units' state from the sandbox's managers for a test, over one D-Bus connection per manager
 * opened on first use; the test closes it after each case ({@code @AfterEach}).
 */
final class UnitStates implements AutoCloseable {
  private final Map<Scope, SystemdClient> clients = new EnumMap<>(Scope.class);

  UnitState of(Scope scope, String unit) {
    return clients
        .computeIfAbsent(scope, s -> SystemdClient.connect(Sandbox.get().bus(s)))
        .unitState(unit);
  }

  @Override
  public void close() {
    clients.values().forEach(SystemdClient::close);
    clients.clear();
  }
}
