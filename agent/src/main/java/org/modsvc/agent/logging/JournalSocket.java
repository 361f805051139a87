package org.modsvc.agent.logging;

import java.io.IOException;
import org.modsvc.agent.unix.SealedMemfd;
import org.modsvc.agent.unix.UnixAddress;
import org.modsvc.agent.unix.UnixCallException;
import org.modsvc.agent.unix.UnixDatagramSocket;

/**
 * journald's native socket as the appender's transport: an entry goes as one datagram; an entry the
 * socket refuses as too large (EMSGSIZE, or ENOBUFS) goes as journald's native protocol prescribes
 * for that case, written into a sealed memfd whose descriptor travels in an empty datagram
 * (docs/decisions.md §10). Non-blocking: a stuck journald makes {@link #send} fail with EAGAIN
 * instead of stalling the daemon.
 */
final class JournalSocket implements JournalAppender.Transport {
  private final UnixDatagramSocket socket;

  private JournalSocket(UnixDatagramSocket socket) {
    this.socket = socket;
  }

  /** A transport to the socket at {@code path}; nothing is sent or checked yet. */
  static JournalSocket to(String path) throws IOException {
    UnixAddress address;
    try {
      address = UnixAddress.of(path);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    return new JournalSocket(
        UnixDatagramSocket.open(address, UnixDatagramSocket.Blocking.NON_BLOCKING));
  }

  @Override
  public void send(byte[] entry) throws IOException {
    try {
      socket.send(entry);
    } catch (UnixCallException e) {
      if (!tooLarge(e)) throw e;
      sendInMemfd(entry, e);
    }
  }

  private static boolean tooLarge(UnixCallException e) {
    return e.errno() == UnixCallException.EMSGSIZE || e.errno() == UnixCallException.ENOBUFS;
  }

  private void sendInMemfd(byte[] entry, UnixCallException asDatagram) throws IOException {
    try (SealedMemfd file = SealedMemfd.holding("journal-entry", entry)) {
      socket.sendDescriptor(file.fd());
    } catch (UnixCallException e) {
      throw new IOException(
          asDatagram.getMessage() + ", and as a sealed memfd: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
