package org.modsvc.agent.daemon;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.modsvc.agent.unix.UnixAddress;
import org.modsvc.agent.unix.UnixCallException;
import org.modsvc.agent.unix.UnixDatagramSocket;

/**
 * systemd's notification protocol: one datagram ({@code READY=1\nSTATUS=…}) to the AF_UNIX socket
 * named by {@code NOTIFY_SOCKET} ({@code @name} is the abstract namespace), sent by this process
 * itself ({@link UnixDatagramSocket}): no {@code systemd-notify} child, whose pid systemd would
 * refuse under {@code NotifyAccess=main}. Without {@code NOTIFY_SOCKET} (not started by systemd)
 * nothing is sent.
 */
final class SdNotify implements Notifier {
  private final UnixAddress address;
  private UnixDatagramSocket socket;

  private SdNotify(UnixAddress address) {
    this.address = address;
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
    try {
      return new SdNotify(UnixAddress.of(socket));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("NOTIFY_SOCKET: " + e.getMessage(), e);
    }
  }

  UnixAddress address() {
    return address;
  }

  @Override
  public synchronized void send(String state) {
    try {
      if (socket == null) {
        socket = UnixDatagramSocket.open(address, UnixDatagramSocket.Blocking.BLOCKING);
      }
      socket.send(state.getBytes(StandardCharsets.UTF_8));
    } catch (UnixCallException e) {
      // systemd gone or restarting its socket: the next message opens a new socket; the daemon goes
      // on
      close();
      throw new NotifyException("sd_notify failed: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    if (socket != null) {
      socket.close();
      socket = null;
    }
  }

  /** A notification could not be sent (logged by the caller; the daemon keeps running). */
  static final class NotifyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotifyException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
