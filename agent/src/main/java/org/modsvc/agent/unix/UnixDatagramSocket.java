package org.modsvc.agent.unix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * An unconnected AF_UNIX datagram socket that sends to one address. Unconnected, so a listener that
 * restarts (journald, systemd) is reached again by the next datagram without reopening anything.
 */
public final class UnixDatagramSocket implements AutoCloseable {
  /** Whether {@link #send} may wait for room in the receiver's queue. */
  public enum Blocking {
    /** Waits, as {@code sd_notify} does: a notification must not be dropped for a full queue. */
    BLOCKING,
    /** Fails with EAGAIN instead: a stuck journald must not stall the daemon's logging. */
    NON_BLOCKING
  }

  private final UnixAddress target;
  private final byte[] sockaddr;
  private int fd;

  private UnixDatagramSocket(UnixAddress target, int fd) {
    this.target = target;
    this.sockaddr = target.sockaddr();
    this.fd = fd;
  }

  /** A socket that will send to {@code target}; nothing is sent or checked yet. */
  public static UnixDatagramSocket open(UnixAddress target, Blocking blocking)
      throws UnixCallException {
    LibC libc = LibC.get();
    int type = LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC;
    if (blocking == Blocking.NON_BLOCKING) type |= LibC.SOCK_NONBLOCK;
    try {
      return new UnixDatagramSocket(target, libc.socket(LibC.AF_UNIX, type, 0));
    } catch (LastErrorException e) {
      throw LibC.failure("socket(AF_UNIX, SOCK_DGRAM)", e);
    }
  }

  /**
   * Sends one datagram; fails with the errno's text (ENOENT: no listener, EMSGSIZE: larger than the
   * socket takes, EAGAIN: the receiver's queue is full).
   */
  public synchronized void send(byte[] datagram) throws UnixCallException {
    requireOpen();
    try {
      LibC.get()
          .sendto(
              fd,
              datagram,
              new NativeLong(datagram.length),
              LibC.MSG_NOSIGNAL,
              sockaddr,
              sockaddr.length);
    } catch (LastErrorException e) {
      throw LibC.failure("sendto " + target, e);
    }
  }

  /**
   * Sends an empty datagram carrying a duplicate of {@code descriptor} ({@code SCM_RIGHTS}): how
   * journald takes an entry too large for a datagram. The caller still owns {@code descriptor}.
   */
  public synchronized void sendDescriptor(int descriptor) throws UnixCallException {
    requireOpen();
    if (!MessageLayout.isLp64()) {
      throw new UnixCallException(
          "passing a descriptor needs the 64-bit msghdr layout; this JVM is not LP64", 0);
    }
    MessageLayout.Offsets at = MessageLayout.Offsets.forAddress(sockaddr.length);
    try (Memory block = new Memory(at.size())) {
      byte[] bytes =
          MessageLayout.descriptorMessage(Pointer.nativeValue(block), sockaddr, descriptor);
      block.write(0, bytes, 0, bytes.length);
      LibC.get().sendmsg(fd, block, LibC.MSG_NOSIGNAL);
    } catch (LastErrorException e) {
      throw LibC.failure("sendmsg (SCM_RIGHTS) " + target, e);
    }
  }

  private void requireOpen() throws UnixCallException {
    if (fd < 0) throw new UnixCallException("socket to " + target + " is closed", 0);
  }

  @Override
  public synchronized void close() {
    if (fd >= 0) {
      LibC.closeQuietly(fd);
      fd = -1;
    }
  }
}
