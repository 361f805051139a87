package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The address systemd's notification socket is reached at (the sending itself is covered by the
 * sandbox tests).
 */
class SdNotifyTest {
  private static byte[] expected(byte[] name, boolean nul) {
    ByteBuffer b =
        ByteBuffer.allocate(2 + name.length + (nul ? 1 : 0)).order(ByteOrder.nativeOrder());
    b.putShort((short) 1).put(name);
    return b.array();
  }

  @Test
  void pathSocket_countsTheTerminatingNul() {
    byte[] name = "/run/systemd/notify".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected(name, true), SdNotify.of("/run/systemd/notify").sockaddr());
  }

  @Test
  void abstractSocket_startsWithNul_andCountsOnlyTheName() {
    byte[] name = "\0sd-notify".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected(name, false), SdNotify.of("@sd-notify").sockaddr());
  }

  @Test
  void relativeOrOverlongNames_areRefused_andNoSocketMeansNoNotifier() {
    assertThrows(IllegalArgumentException.class, () -> SdNotify.of("notify"));
    assertThrows(IllegalArgumentException.class, () -> SdNotify.of("/" + "x".repeat(120)));
    assertSame(Notifier.NONE, SdNotify.fromEnvironment(Map.of()));
  }
}
