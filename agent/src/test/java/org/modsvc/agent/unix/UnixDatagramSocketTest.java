package org.modsvc.agent.unix;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixDatagramSocketTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void sendsEachMessageAsOneDatagram_toABoundPath_nonBlocking() throws Exception {
    try (DatagramReceiver receiver = new DatagramReceiver(dir.resolve("socket"));
        UnixDatagramSocket socket =
            UnixDatagramSocket.open(
                UnixAddress.of(receiver.name), UnixDatagramSocket.Blocking.NON_BLOCKING)) {
      socket.send(bytes("first\nline"));
      socket.send(bytes("second"));

      assertArrayEquals(bytes("first\nline"), receiver.receive());
      assertArrayEquals(bytes("second"), receiver.receive());
      assertNull(receiver.receive(), "two sends, two datagrams");
    }
  }

  @Test
  void sendsToAnAbstractName_blocking() throws Exception {
    String name = "@modsvc-test-" + UUID.randomUUID();
    try (DatagramReceiver receiver = new DatagramReceiver(name);
        UnixDatagramSocket socket =
            UnixDatagramSocket.open(UnixAddress.of(name), UnixDatagramSocket.Blocking.BLOCKING)) {
      socket.send(bytes("READY=1"));
      assertArrayEquals(bytes("READY=1"), receiver.receive());
    }
  }

  @Test
  void noListener_failsWithTheErrno() throws Exception {
    try (UnixDatagramSocket socket =
        UnixDatagramSocket.open(
            UnixAddress.of(dir.resolve("absent").toString()),
            UnixDatagramSocket.Blocking.NON_BLOCKING)) {
      UnixCallException e = assertThrows(UnixCallException.class, () -> socket.send(bytes("A=1")));
      assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
      assertEquals(2, e.errno());
    }
  }

  @Test
  void datagramLargerThanTheSocketTakes_failsWithEmsgsize() throws Exception {
    try (DatagramReceiver receiver = new DatagramReceiver(dir.resolve("socket"));
        UnixDatagramSocket socket =
            UnixDatagramSocket.open(
                UnixAddress.of(receiver.name), UnixDatagramSocket.Blocking.NON_BLOCKING)) {
      UnixCallException e =
          assertThrows(UnixCallException.class, () -> socket.send(new byte[16 << 20]));
      assertEquals(UnixCallException.EMSGSIZE, e.errno(), e.getMessage());
    }
  }

  @Test
  void aDescriptorTravelsInAnEmptyDatagram_andStillNamesTheSameSealedFile() throws Exception {
    byte[] content = new byte[600_000];
    for (int i = 0; i < content.length; i++) content[i] = (byte) ('a' + i % 26);
    try (DatagramReceiver receiver = new DatagramReceiver(dir.resolve("socket"));
        UnixDatagramSocket socket =
            UnixDatagramSocket.open(
                UnixAddress.of(receiver.name), UnixDatagramSocket.Blocking.NON_BLOCKING);
        SealedMemfd file = SealedMemfd.holding("test", content)) {
      socket.sendDescriptor(file.fd());

      DatagramReceiver.Datagram got = receiver.receiveDatagram();
      assertEquals(0, got.data().length, "the datagram itself is empty");
      assertArrayEquals(content, got.passedFile());
      assertEquals(SealedMemfd.ALL_SEALS, got.passedSeals());
    }
  }

  @Test
  void closedSocket_refusesToSend() throws Exception {
    UnixDatagramSocket socket =
        UnixDatagramSocket.open(
            UnixAddress.of(dir.resolve("s").toString()), UnixDatagramSocket.Blocking.NON_BLOCKING);
    socket.close();
    socket.close();
    assertThrows(UnixCallException.class, () -> socket.send(bytes("A=\n")));
    assertThrows(UnixCallException.class, () -> socket.sendDescriptor(0));
  }
}
