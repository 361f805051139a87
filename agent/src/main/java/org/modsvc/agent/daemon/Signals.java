package org.modsvc.agent.daemon;

import sun.misc.Signal;

/**
 * The daemon's signals: SIGHUP re-reads everything and switches ({@code systemctl reload}), SIGTERM
 * and SIGINT stop it after the running switch. The JVM's own handling would end the process on all
 * three (HUP too), in the middle of a switch; {@code sun.misc.Signal} (module jdk.unsupported,
 * present in every JDK 17) is the JDK's only way to handle them. Handlers run on a JVM thread and
 * only post an event to the loop.
 */
final class Signals {
  private Signals() {}

  static void install(Daemon daemon) {
    Signal.handle(new Signal("HUP"), s -> daemon.reloadRequested());
    Signal.handle(new Signal("TERM"), s -> daemon.stop());
    Signal.handle(new Signal("INT"), s -> daemon.stop());
  }
}
