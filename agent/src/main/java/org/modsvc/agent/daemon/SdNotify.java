package org.modsvc.agent.daemon;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * systemd's notification protocol: one datagram ({@code READY=1\nSTATUS=…}) to the AF_UNIX socket
 * named by {@code NOTIFY_SOCKET} ({@code @name} is the abstract namespace). JDK 17 has no AF_UNIX
 * datagram channel, so libc's {@code socket}/{@code sendto} are reached through JNA; no {@code
 * systemd-notify} child, whose pid systemd would refuse under {@code NotifyAccess=main}. Without
 * {@code NOTIFY_SOCKET} (not started by systemd) nothing is sent.
 */
final class SdNotify implements Notifier {
  private static final int AF_UNIX = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_CLOEXEC = 02000000;
  private static final int MSG_NOSIGNAL = 0x4000;

  /** {@code sizeof(sockaddr_un.sun_path)} on Linux. */
  private static final int SUN_PATH = 108;

  /** The three libc calls used ({@code size_t} and {@code ssize_t} are C longs on Linux). */
  interface LibC extends Library {
    int socket(int domain, int type, int protocol) throws LastErrorException;

    NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrLen)
        throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  private final byte[] address;
  private final int addressLength;
  private LibC libc;
  private int fd = -1;

  private SdNotify(byte[] address, int addressLength) {
    this.address = address;
    this.addressLength = addressLength;
  }

  /**
   * The notifier of this process: a real one when systemd passed {@code NOTIFY_SOCKET}, otherwise a
   * no-op.
   */
  static Notifier fromEnvironment(Map<String, String> env) {
    String socket = env.get("NOTIFY_SOCKET");
    if (socket == null || socket.isEmpty()) return Notifier.NONE;
    return of(socket);
  }

  /** {@code socket}: a path, or {@code @name} for the abstract namespace. */
  static SdNotify of(String socket) {
    byte[] name = socket.getBytes(StandardCharsets.UTF_8);
    if (!(socket.startsWith("/") || socket.startsWith("@")) || name.length >= SUN_PATH) {
      throw new IllegalArgumentException(
          "NOTIFY_SOCKET is neither an absolute path nor @abstract name of at most "
              + (SUN_PATH - 1)
              + " bytes: "
              + socket);
    }
    // struct sockaddr_un: sa_family_t (16 bits, host byte order) + sun_path
    byte[] addr = new byte[2 + SUN_PATH];
    java.nio.ByteBuffer.wrap(addr)
        .order(java.nio.ByteOrder.nativeOrder())
        .putShort((short) AF_UNIX);
    System.arraycopy(name, 0, addr, 2, name.length);
    int length;
    if (socket.startsWith("@")) {
      addr[2] =
          0; // abstract: a leading NUL, and the length counts exactly the name (no terminating NUL)
      length = 2 + name.length;
    } else {
      length = 2 + name.length + 1;
    }
    return new SdNotify(addr, length);
  }

  /** The {@code sockaddr_un} bytes handed to {@code sendto} (for tests). */
  byte[] sockaddr() {
    return java.util.Arrays.copyOf(address, addressLength);
  }

  @Override
  public synchronized void send(String state) {
    byte[] message = state.getBytes(StandardCharsets.UTF_8);
    try {
      if (fd < 0) {
        if (libc == null) libc = Native.load("c", LibC.class);
        fd = libc.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
      }
      libc.sendto(
          fd, message, new NativeLong(message.length), MSG_NOSIGNAL, address, addressLength);
    } catch (LastErrorException e) {
      // systemd gone or restarting its socket: the next message opens a new socket; the daemon goes
      // on
      closeSocket();
      throw new NotifyException("sd_notify failed: errno " + e.getErrorCode(), e);
    }
  }

  private void closeSocket() {
    if (fd >= 0) {
      try {
        libc.close(fd);
      } catch (LastErrorException ignored) {
        // closing a socket that failed: nothing more to do
      }
      fd = -1;
    }
  }

  @Override
  public synchronized void close() {
    closeSocket();
  }

  /** A notification could not be sent (logged by the caller; the daemon keeps running). */
  static final class NotifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotifyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
