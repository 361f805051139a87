package org.modsvc.agent.logging;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * An unconnected, non-blocking AF_UNIX datagram socket that sends to one path. The JDK has no UNIX
 * datagram sockets (its DatagramChannel refuses UnixDomainSocketAddress), so this calls libc
 * through JNA. Non-blocking: a journald that is stuck or restarting makes {@link #send} fail with
 * EAGAIN instead of stalling the daemon.
 */
final class UnixDatagramSocket implements JournalAppender.Transport {
  /** Longest path a sockaddr_un holds, with its terminating NUL. */
  static final int MAX_PATH_BYTES = 107;

  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_NONBLOCK = 04000;
  private static final int SOCK_CLOEXEC = 02000000;
  private static final int MSG_NOSIGNAL = 0x4000;

  interface LibC extends Library {
    int socket(int domain, int type, int protocol) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrlen)
        throws LastErrorException;

    int close(int fd) throws LastErrorException;

    String strerror(int errnum);
  }

  /** Loaded on first use only: the CLI never pays for JNA. */
  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  private final String path;
  private final byte[] address;
  private int fd;

  private UnixDatagramSocket(String path, byte[] address, int fd) {
    this.path = path;
    this.address = address;
    this.fd = fd;
  }

  /** A socket that will send to {@code path}; nothing is sent or checked yet. */
  static UnixDatagramSocket to(String path) throws IOException {
    byte[] address = sockaddr(path);
    try {
      int fd = Holder.LIBC.socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      return new UnixDatagramSocket(path, address, fd);
    } catch (LastErrorException e) {
      throw failure("socket(AF_UNIX, SOCK_DGRAM)", e);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      throw new IOException("cannot call libc through JNA: " + e.getMessage(), e);
    }
  }

  /** sockaddr_un: the family in host byte order, then the path and a NUL. */
  static byte[] sockaddr(String path) throws IOException {
    byte[] name = path.getBytes(StandardCharsets.UTF_8);
    if (name.length == 0 || name.length > MAX_PATH_BYTES || path.indexOf('\0') >= 0) {
      throw new IOException("not a usable UNIX socket path: " + path);
    }
    ByteBuffer b = ByteBuffer.allocate(2 + name.length + 1).order(ByteOrder.nativeOrder());
    b.putShort((short) AF_UNIX).put(name).put((byte) 0);
    return b.array();
  }

  /**
   * Sends one datagram; fails with the errno's text (ENOENT: no listener, EMSGSIZE: too large,
   * EAGAIN: full).
   */
  @Override
  public synchronized void send(byte[] datagram) throws IOException {
    if (fd < 0) throw new IOException("socket to " + path + " is closed");
    try {
      Holder.LIBC.sendto(
          fd, datagram, new NativeLong(datagram.length), MSG_NOSIGNAL, address, address.length);
    } catch (LastErrorException e) {
      throw failure("sendto " + path, e);
    }
  }

  String path() {
    return path;
  }

  @Override
  public synchronized void close() {
    if (fd >= 0) {
      try {
        Holder.LIBC.close(fd);
      } catch (LastErrorException e) {
        // nothing was buffered that close could lose: datagrams are sent or refused at sendto
      }
      fd = -1;
    }
  }

  private static IOException failure(String what, LastErrorException e) {
    int errno = e.getErrorCode();
    return new DatagramException(
        what + ": " + Holder.LIBC.strerror(errno) + " (errno " + errno + ")", errno);
  }

  /** A failed system call, with its errno. */
  static final class DatagramException extends IOException {
    private static final long serialVersionUID = 1L;
    static final int EMSGSIZE = 90;
    private final int errno;

    DatagramException(String message, int errno) {
      super(message);
      this.errno = errno;
    }

    int errno() {
      return errno;
    }
  }
}
