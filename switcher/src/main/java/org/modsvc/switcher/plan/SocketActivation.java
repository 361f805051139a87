package org.modsvc.switcher.plan;

import java.util.List;
import org.modsvc.switcher.unit.UnitName;

/**
 * A changed socket-activated service: it and its sockets are stopped, only the sockets are started,
 * and the next connection starts the new service.
 */
public record SocketActivation(UnitName service, List<UnitName> sockets) {
  public SocketActivation {
    sockets = List.copyOf(sockets);
  }
}
