package org.modsvc.agent.unix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The libc calls this package makes ({@code size_t} and {@code ssize_t} are C longs on Linux).
 * Loaded on first use only.
 */
interface LibC extends Library {
  int AF_UNIX = 1;
  int SOCK_DGRAM = 2;
  int SOCK_NONBLOCK = 04000;
  int SOCK_CLOEXEC = 02000000;
  int MSG_NOSIGNAL = 0x4000;

  int socket(int domain, int type, int protocol) throws LastErrorException;

  NativeLong sendto(int fd, byte[] buf, NativeLong len, int flags, byte[] addr, int addrLen)
      throws LastErrorException;

  NativeLong sendmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

  int memfd_create(String name, int flags) throws LastErrorException;

  NativeLong write(int fd, Pointer buf, NativeLong count) throws LastErrorException;

  /** Only the {@code int}-argument commands ({@code F_ADD_SEALS}, {@code F_GET_SEALS}). */
  int fcntl(int fd, int cmd, int arg) throws LastErrorException;

  int close(int fd) throws LastErrorException;

  String strerror(int errnum);

  /** The loaded library; a holder class so that loading happens at the first call. */
  final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);

    private Holder() {}
  }

  static LibC get() throws UnixCallException {
    try {
      return Holder.LIBC;
    } catch (LinkageError e) {
      // UnsatisfiedLinkError at the first call, NoClassDefFoundError at later ones
      throw new UnixCallException("cannot call libc through JNA: " + e.getMessage(), 0);
    }
  }

  /** {@code what} failed with {@code e}'s errno, described by libc. */
  static UnixCallException failure(String what, LastErrorException e) {
    int errno = e.getErrorCode();
    return new UnixCallException(
        what + ": " + Holder.LIBC.strerror(errno) + " (errno " + errno + ")", errno);
  }

  /** Closes {@code fd}, ignoring errors: nothing buffered can be lost on our descriptors. */
  static void closeQuietly(int fd) {
    try {
      Holder.LIBC.close(fd);
    } catch (LastErrorException e) {
      // a datagram socket or a memfd: close cannot lose data, so there is nothing to report
    }
  }
}
