package org.modsvc.agent.unix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The {@code sockaddr_un} bytes (and so their length) handed to the kernel. */
class UnixAddressTest {
  private static byte[] expected(byte[] name, boolean nul) {
    ByteBuffer b =
        ByteBuffer.allocate(2 + name.length + (nul ? 1 : 0)).order(ByteOrder.nativeOrder());
    b.putShort((short) 1).put(name);
    return b.array();
  }

  @Test
  void path_countsTheTerminatingNul() {
    byte[] name = "/run/systemd/notify".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected(name, true), UnixAddress.of("/run/systemd/notify").sockaddr());
  }

  @Test
  void abstractName_startsWithNul_andCountsOnlyTheName() {
    byte[] name = "\0sd-notify".getBytes(StandardCharsets.UTF_8);
    assertArrayEquals(expected(name, false), UnixAddress.of("@sd-notify").sockaddr());
  }

  @Test
  void longestPath_fitsSunPathWithItsNul_oneByteMoreIsRefused() {
    String longest = "/" + "x".repeat(UnixAddress.MAX_NAME_BYTES - 1);
    assertArrayEquals(
        expected(longest.getBytes(StandardCharsets.UTF_8), true),
        UnixAddress.of(longest).sockaddr());
    assertThrows(IllegalArgumentException.class, () -> UnixAddress.of(longest + "x"));
  }

  @Test
  void relativeEmptyOrNulNames_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> UnixAddress.of("notify"));
    assertThrows(IllegalArgumentException.class, () -> UnixAddress.of(""));
    assertThrows(IllegalArgumentException.class, () -> UnixAddress.of("@"));
    assertThrows(IllegalArgumentException.class, () -> UnixAddress.of("/run/a\0b"));
  }
}
