package org.modsvc.agent.unix;

import java.io.IOException;

/** A failed libc call, with its errno (0 when libc could not be called at all). */
public final class UnixCallException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The datagram is larger than the socket takes. */
  public static final int EMSGSIZE = 90;

  /** No buffer space for the datagram (some kernels' way of saying it is too large). */
  public static final int ENOBUFS = 105;

  private final int errno;

  UnixCallException(String message, int errno) {
    super(message);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
