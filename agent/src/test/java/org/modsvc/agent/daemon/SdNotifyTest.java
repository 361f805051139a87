package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.agent.unix.DatagramReceiver;
import org.modsvc.agent.unix.UnixAddress;

/**
 * Notifications as systemd's side of {@code NOTIFY_SOCKET} receives them (the address encoding
 * itself: {@code unix.UnixAddressTest}).
 */
class SdNotifyTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void abstractNotifySocket_receivesEachStateAsOneDatagram() throws Exception {
    String name = "@modsvc-notify-" + UUID.randomUUID();
    try (DatagramReceiver systemd = new DatagramReceiver(name);
        Notifier notifier = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", name))) {
      notifier.send("READY=1\nSTATUS=converged");
      notifier.send("WATCHDOG=1");

      assertArrayEquals(bytes("READY=1\nSTATUS=converged"), systemd.receive());
      assertArrayEquals(bytes("WATCHDOG=1"), systemd.receive());
    }
  }

  @Test
  void listenerGone_failsOnce_andTheNextMessageReachesTheNewListener() throws Exception {
    Path socket = dir.resolve("notify");
    SdNotify notifier = SdNotify.of(socket.toString());
    assertEquals(UnixAddress.of(socket.toString()), notifier.address());
    SdNotify.NotifyException e =
        assertThrows(SdNotify.NotifyException.class, () -> notifier.send("READY=1"));
    assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());

    try (DatagramReceiver systemd = new DatagramReceiver(socket)) {
      notifier.send("READY=1");
      assertArrayEquals(bytes("READY=1"), systemd.receive());
    }
    notifier.close();
  }

  @Test
  void relativeOrOverlongNames_areRefused_andNoSocketMeansNoNotifier() {
    assertThrows(IllegalArgumentException.class, () -> SdNotify.of("notify"));
    assertThrows(IllegalArgumentException.class, () -> SdNotify.of("/" + "x".repeat(120)));
    assertSame(Notifier.NONE, SdNotify.fromEnvironment(Map.of()));
    assertSame(Notifier.NONE, SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "")));
  }
}
