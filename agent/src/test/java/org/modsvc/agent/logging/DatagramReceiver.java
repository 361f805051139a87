package org.modsvc.agent.logging;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A bound AF_UNIX datagram socket for tests: what journald's side of the native socket does, minus
 * the journal.
 */
final class DatagramReceiver implements AutoCloseable {
  private static final int SOCK_NONBLOCK = 04000;

  interface LibC extends Library {
    LibC INSTANCE = Native.load("c", LibC.class);

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] addr, int len) throws LastErrorException;

    NativeLong recv(int fd, byte[] buf, NativeLong len, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private final int fd;
  final Path path;

  DatagramReceiver(Path path) throws IOException {
    this.path = path;
    this.fd = LibC.INSTANCE.socket(1, 2 | SOCK_NONBLOCK, 0);
    byte[] addr = UnixDatagramSocket.sockaddr(path.toString());
    LibC.INSTANCE.bind(fd, addr, addr.length);
  }

  /** The next datagram, waiting up to a second; null when none came. */
  byte[] receive() throws InterruptedException {
    byte[] buf = new byte[1 << 20];
    for (int i = 0; i < 100; i++) {
      try {
        long n = LibC.INSTANCE.recv(fd, buf, new NativeLong(buf.length), 0).longValue();
        return Arrays.copyOf(buf, (int) n);
      } catch (LastErrorException e) {
        if (e.getErrorCode() != 11) throw e; // EAGAIN: nothing yet
        Thread.sleep(10);
      }
    }
    return null;
  }

  @Override
  public void close() {
    LibC.INSTANCE.close(fd);
  }
}
