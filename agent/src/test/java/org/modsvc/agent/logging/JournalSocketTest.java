package org.modsvc.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.agent.unix.DatagramReceiver;
import org.modsvc.agent.unix.SealedMemfd;

/**
 * What reaches a socket standing in for journald's: a datagram, or a sealed memfd when too large.
 */
class JournalSocketTest {
  @TempDir Path dir;

  @Test
  void smallEntry_isOneDatagram() throws Exception {
    JournalEntry entry =
        new JournalEntry.Builder().add("PRIORITY", "6").add("MESSAGE", "two\nlines").build();
    try (DatagramReceiver journald = new DatagramReceiver(dir.resolve("socket"));
        JournalSocket socket = JournalSocket.to(journald.name)) {
      socket.send(entry.encode());

      DatagramReceiver.Datagram got = journald.receiveDatagram();
      assertNull(got.passedFile());
      assertEquals(
          List.of(Map.entry("PRIORITY", "6"), Map.entry("MESSAGE", "two\nlines")),
          NativeProtocol.read(got.data()));
    }
  }

  @Test
  void entryTooLargeForADatagram_goesWhole_inASealedMemfd_behindAnEmptyDatagram() throws Exception {
    String message = "0123456789abcdef\n".repeat(20_000); // 340 000 bytes, past the send buffer
    JournalEntry entry =
        new JournalEntry.Builder()
            .add("PRIORITY", "4")
            .add("UNIT", "web.service")
            .add("MESSAGE", message)
            .build();
    try (DatagramReceiver journald = new DatagramReceiver(dir.resolve("socket"));
        JournalSocket socket = JournalSocket.to(journald.name)) {
      socket.send(entry.encode());

      DatagramReceiver.Datagram got = journald.receiveDatagram();
      assertEquals(0, got.data().length);
      assertEquals(SealedMemfd.ALL_SEALS, got.passedSeals());
      assertEquals(
          List.of(
              Map.entry("PRIORITY", "4"),
              Map.entry("UNIT", "web.service"),
              Map.entry("MESSAGE", message)),
          NativeProtocol.read(got.passedFile()));
      assertNull(journald.receiveDatagram(), "one entry, one message");
    }
  }

  @Test
  void noJournald_failsWithTheErrno_largeEntriesToo() throws Exception {
    try (JournalSocket socket = JournalSocket.to(dir.resolve("absent").toString())) {
      IOException small = assertThrows(IOException.class, () -> socket.send("A=1\n".getBytes()));
      assertTrue(small.getMessage().contains("No such file or directory"), small.getMessage());
      IOException large = assertThrows(IOException.class, () -> socket.send(new byte[1 << 20]));
      assertTrue(large.getMessage().contains("No such file or directory"), large.getMessage());
    }
  }

  @Test
  void notASocketPath_isRefusedBeforeAnySystemCall() {
    assertThrows(IOException.class, () -> JournalSocket.to("journal"));
    assertThrows(IOException.class, () -> JournalSocket.to("/" + "x".repeat(200)));
  }
}
