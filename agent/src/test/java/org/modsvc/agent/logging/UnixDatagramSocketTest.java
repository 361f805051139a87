package org.modsvc.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnixDatagramSocketTest {
  @TempDir Path dir;

  @Test
  void sendsOneEntryAsOneDatagram_toABoundSocket() throws Exception {
    JournalEntry entry =
        new JournalEntry.Builder().add("PRIORITY", "6").add("MESSAGE", "two\nlines").build();
    try (DatagramReceiver receiver = new DatagramReceiver(dir.resolve("socket"));
        UnixDatagramSocket socket = UnixDatagramSocket.to(receiver.path.toString())) {
      socket.send(entry.encode());
      socket.send(new JournalEntry.Builder().add("MESSAGE", "second").build().encode());

      byte[] first = receiver.receive();
      byte[] second = receiver.receive();
      assertNotNull(first);
      assertEquals(
          List.of(Map.entry("PRIORITY", "6"), Map.entry("MESSAGE", "two\nlines")),
          NativeProtocol.read(first));
      assertEquals(List.of(Map.entry("MESSAGE", "second")), NativeProtocol.read(second));
    }
  }

  @Test
  void noListener_failsWithTheErrno() throws Exception {
    try (UnixDatagramSocket socket = UnixDatagramSocket.to(dir.resolve("absent").toString())) {
      IOException e =
          assertThrows(IOException.class, () -> socket.send(new byte[] {'A', '=', '1', '\n'}));
      assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
    }
  }

  @Test
  void datagramLargerThanTheSocketTakes_failsWithEmsgsize() throws Exception {
    try (DatagramReceiver receiver = new DatagramReceiver(dir.resolve("socket"));
        UnixDatagramSocket socket = UnixDatagramSocket.to(receiver.path.toString())) {
      UnixDatagramSocket.DatagramException e =
          assertThrows(
              UnixDatagramSocket.DatagramException.class, () -> socket.send(new byte[16 << 20]));
      assertEquals(UnixDatagramSocket.DatagramException.EMSGSIZE, e.errno(), e.getMessage());
    }
  }

  @Test
  void pathTooLongForSockaddrUn_isRefusedBeforeAnySystemCall() {
    assertThrows(
        IOException.class,
        () -> UnixDatagramSocket.to("/" + "x".repeat(UnixDatagramSocket.MAX_PATH_BYTES)));
  }

  @Test
  void closedSocket_refusesToSend() throws Exception {
    UnixDatagramSocket socket = UnixDatagramSocket.to(dir.resolve("s").toString());
    socket.close();
    socket.close();
    assertThrows(IOException.class, () -> socket.send(new byte[] {'A', '=', '\n'}));
  }
}
