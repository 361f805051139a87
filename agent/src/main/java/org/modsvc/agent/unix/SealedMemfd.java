package org.modsvc.agent.unix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

/**
 * A memory file ({@code memfd_create}) holding fixed bytes, sealed against any change: what
 * journald accepts in place of a datagram too large to send. The seals let the receiver map it
 * without fearing that the sender shrinks or rewrites it meanwhile.
 */
public final class SealedMemfd implements AutoCloseable {
  static final int MFD_CLOEXEC = 1;
  static final int MFD_ALLOW_SEALING = 2;
  static final int F_ADD_SEALS = 1033;
  static final int F_GET_SEALS = 1034;
  static final int F_SEAL_SEAL = 1;
  static final int F_SEAL_SHRINK = 2;
  static final int F_SEAL_GROW = 4;
  static final int F_SEAL_WRITE = 8;

  /** The seals every memfd of this class carries. */
  public static final int ALL_SEALS = F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL;

  private int fd;

  private SealedMemfd(int fd) {
    this.fd = fd;
  }

  /** A new memfd named {@code name} (shown in /proc/PID/fd) holding {@code content}, sealed. */
  public static SealedMemfd holding(String name, byte[] content) throws UnixCallException {
    LibC libc = LibC.get();
    int fd;
    try {
      fd = libc.memfd_create(name, MFD_ALLOW_SEALING | MFD_CLOEXEC);
    } catch (LastErrorException e) {
      throw LibC.failure("memfd_create", e);
    }
    try {
      writeAll(libc, fd, content);
      libc.fcntl(fd, F_ADD_SEALS, ALL_SEALS);
    } catch (LastErrorException e) {
      LibC.closeQuietly(fd);
      throw LibC.failure("writing and sealing a memfd", e);
    }
    return new SealedMemfd(fd);
  }

  private static void writeAll(LibC libc, int fd, byte[] content) {
    if (content.length == 0) return;
    try (Memory buffer = new Memory(content.length)) {
      buffer.write(0, content, 0, content.length);
      long written = 0;
      while (written < content.length) {
        written +=
            libc.write(fd, buffer.share(written), new NativeLong(content.length - written))
                .longValue();
      }
    }
  }

  public int fd() {
    return fd;
  }

  /** The seals the kernel reports ({@code F_GET_SEALS}). */
  public int seals() throws UnixCallException {
    try {
      return LibC.get().fcntl(fd, F_GET_SEALS, 0);
    } catch (LastErrorException e) {
      throw LibC.failure("fcntl(F_GET_SEALS)", e);
    }
  }

  @Override
  public void close() {
    if (fd >= 0) {
      LibC.closeQuietly(fd);
      fd = -1;
    }
  }
}
