package org.modsvc.agent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * Sends each record to journald as one native-protocol entry: {@code PRIORITY}, {@code MESSAGE},
 * {@code SYSLOG_IDENTIFIER} and the record's fields ({@link LogFields}); an entry too large for a
 * datagram travels in a sealed memfd ({@link JournalSocket}). A record the transport refuses
 * (journald gone or restarting, its queue full, an entry too large that could not go as a memfd
 * either) is written to the fallback stream as {@code <N>}-prefixed lines instead, which journald's
 * stream reader still files under the right priority; the first failure of a run of failures says
 * why, once.
 */
public final class JournalAppender extends AppenderBase<ILoggingEvent> {
  /** Where journald listens for native entries. */
  public static final String SOCKET = "/run/systemd/journal/socket";

  /** Something that takes one datagram; closed when the appender stops. */
  interface Transport extends AutoCloseable {
    void send(byte[] datagram) throws IOException;

    @Override
    default void close() {}
  }

  private final Transport transport;
  private final String identifier;
  private final PrintStream fallback;
  private boolean failing;

  JournalAppender(Transport transport, String identifier, PrintStream fallback) {
    this.transport = transport;
    this.identifier = identifier;
    this.fallback = fallback;
    setName("journal");
  }

  @Override
  public void stop() {
    super.stop();
    transport.close();
  }

  @Override
  protected void append(ILoggingEvent event) {
    try {
      transport.send(entry(event, identifier).encode());
      failing = false;
    } catch (IOException | RuntimeException e) {
      if (!failing) {
        fallback.print(
            "<"
                + SyslogPriority.WARNING
                + ">journal socket refused an entry ("
                + e.getMessage()
                + "); writing to stderr until it accepts them again\n");
        failing = true;
      }
      fallback.print(StderrLineAppender.format(event, StderrLineAppender.Style.SYSLOG_PREFIX));
      fallback.flush();
    }
  }

  /** The entry for one record. */
  static JournalEntry entry(ILoggingEvent event, String identifier) {
    JournalEntry.Builder b =
        new JournalEntry.Builder()
            .add("PRIORITY", Integer.toString(SyslogPriority.of(event.getLevel())))
            .add("SYSLOG_IDENTIFIER", identifier);
    for (Map.Entry<String, String> f : EventText.fields(event).entrySet()) {
      if (!isOurs(f.getKey())) b.add(f.getKey(), f.getValue());
    }
    return b.add("MESSAGE", EventText.message(event)).build();
  }

  /** The fields this appender sets itself; an MDC key of the same name must not duplicate them. */
  private static boolean isOurs(String name) {
    return name.equals("PRIORITY") || name.equals("MESSAGE") || name.equals("SYSLOG_IDENTIFIER");
  }
}
