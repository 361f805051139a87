package org.modsvc.switcher.systemd;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdClientConnectTest {
  @Test
  void connect_namesTheAddressTried_whenSocketDoesNotExist(@TempDir Path dir) {
    BusAddress address = BusAddress.of("unix:path=" + dir.resolve("no-such-socket"));

    SystemdException e = assertThrows(SystemdException.class, () -> SystemdClient.connect(address));

    assertTrue(e.getMessage().contains("cannot reach D-Bus at " + address), e.getMessage());
  }

  @Test
  void connect_rejectsNonPositiveJobTimeout() {
    assertThrows(
        IllegalArgumentException.class,
        () -> SystemdClient.connect(BusAddress.of("unix:path=/nonexistent"), Duration.ZERO));
  }
}
