package org.modsvc.switcher.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusAddressTest {
  @Test
  void system_usesDebianSocket_whenEnvironmentHasNoAddress() {
    assertEquals("unix:path=/run/dbus/system_bus_socket", BusAddress.system(Map.of()).address());
  }

  @Test
  void system_usesDbusSystemBusAddress_whenSet() {
    assertEquals(
        "unix:path=/x/s",
        BusAddress.system(Map.of("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/x/s")).address());
  }

  @Test
  void user_fallsBackToXdgRuntimeDir_whenNoSessionAddress() {
    assertEquals(
        "unix:path=/run/user/1000/bus",
        BusAddress.user(Map.of("XDG_RUNTIME_DIR", "/run/user/1000")).address());
  }

  @Test
  void user_fails_whenNeitherVariableIsSet() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> BusAddress.user(Map.of()));
    assertTrue(e.getMessage().contains("XDG_RUNTIME_DIR"), e.getMessage());
  }

  @Test
  void constructor_rejectsAbstractSockets_whichTheNativeTransportCannotReach() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BusAddress.of("unix:abstract=/tmp/dbus-x"));
    assertTrue(e.getMessage().contains("unix:path="), e.getMessage());
  }

  @Test
  void socket_ignoresFurtherKeys_whenAddressHasGuid() {
    assertEquals(Path.of("/run/bus"), BusAddress.of("unix:path=/run/bus,guid=abc").socket());
  }
}
