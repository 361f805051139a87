package org.modsvc.switcher.plan;

import java.util.List;

/**
 * A changed socket-activated service: it and its sockets are stopped, only the sockets are started,
 * and the next connection starts the new service.
 */
public record SocketActivation(String service, List<String> sockets) {
  public SocketActivation {
    sockets = List.copyOf(sockets);
  }
}
