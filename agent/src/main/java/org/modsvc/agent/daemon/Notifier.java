package org.modsvc.agent.daemon;

/** Where the daemon tells its supervisor how it is ({@link SdNotify} under systemd). */
interface Notifier extends AutoCloseable {
  /** Does nothing: the daemon was not started by systemd (or by a test). */
  Notifier NONE = state -> {};

  /** Sends newline-separated {@code KEY=VALUE} assignments ({@code READY=1}, {@code STATUS=…}). */
  void send(String state);

  @Override
  default void close() {}
}
