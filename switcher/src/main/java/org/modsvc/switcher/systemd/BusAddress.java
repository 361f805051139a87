package org.modsvc.switcher.systemd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where a systemd manager is reached: a D-Bus address of the form {@code unix:path=SOCKET} (the
 * native transport cannot do abstract sockets). The defaults follow docs/decisions.md §6: {@code
 * DBUS_SYSTEM_BUS_ADDRESS} or {@code /run/dbus/system_bus_socket} for the system manager, {@code
 * DBUS_SESSION_BUS_ADDRESS} or {@code $XDG_RUNTIME_DIR/bus} for the user manager.
 */
public record BusAddress(String address) {
  private static final String UNIX_PATH = "unix:path=";

  public BusAddress {
    if (!address.startsWith(UNIX_PATH) || address.length() == UNIX_PATH.length()) {
      throw new IllegalArgumentException(
          "unsupported D-Bus address '" + address + "': expected unix:path=/path/to/socket");
    }
  }

  public static BusAddress of(String address) {
    return new BusAddress(address);
  }

  public static BusAddress system(Map<String, String> env) {
    return new BusAddress(
        Optional.ofNullable(env.get("DBUS_SYSTEM_BUS_ADDRESS"))
            .filter(s -> !s.isBlank())
            .orElse(UNIX_PATH + "/run/dbus/system_bus_socket"));
  }

  public static BusAddress user(Map<String, String> env) {
    String session = env.get("DBUS_SESSION_BUS_ADDRESS");
    if (session != null && !session.isBlank()) {
      return new BusAddress(session);
    }
    String runtime = env.get("XDG_RUNTIME_DIR");
    if (runtime == null || runtime.isBlank()) {
      throw new IllegalArgumentException(
          "no user bus: neither DBUS_SESSION_BUS_ADDRESS nor XDG_RUNTIME_DIR is set");
    }
    return new BusAddress(UNIX_PATH + runtime + "/bus");
  }

  /**
   * The socket file named by the address (only the {@code path} key; further {@code ,key=value} are
   * ignored).
   */
  public Path socket() {
    String rest = address.substring(UNIX_PATH.length());
    int comma = rest.indexOf(',');
    return Path.of(comma < 0 ? rest : rest.substring(0, comma));
  }

  boolean socketExists() {
    return Files.exists(socket());
  }

  @Override
  public String toString() {
    return address;
  }
}
