package org.modsvc.agent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Records as text lines on a stream (stderr). Two styles: {@link Style#SYSLOG_PREFIX} for a stderr
 * that journald reads, where every line starts with {@code <N>} (journald's stream reader turns it
 * into the entry's priority, and stamps the time itself); {@link Style#PLAIN} for a terminal or a
 * file, with local time and level. The record's fields follow the message in brackets, since a line
 * cannot carry them separately.
 */
final class StderrLineAppender extends AppenderBase<ILoggingEvent> {
  enum Style {
    SYSLOG_PREFIX,
    PLAIN
  }

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
          .withZone(ZoneId.systemDefault());

  private final PrintStream out;
  private final Style style;

  StderrLineAppender(PrintStream out, Style style) {
    this.out = out;
    this.style = style;
    setName("stderr");
  }

  @Override
  protected void append(ILoggingEvent event) {
    out.print(format(event, style));
    out.flush();
  }

  /** The lines for one record, each ending in a newline. */
  static String format(ILoggingEvent event, Style style) {
    String text = EventText.message(event) + EventText.fieldSuffix(event);
    StringBuilder sb = new StringBuilder(text.length() + 48);
    if (style == Style.SYSLOG_PREFIX) {
      // journald splits its stream at newlines and reads a prefix on each line: every line carries
      // the priority
      String prefix = "<" + SyslogPriority.of(event.getLevel()) + ">";
      for (String line : text.split("\n", -1)) {
        sb.append(prefix).append(line).append('\n');
      }
    } else {
      sb.append(TIME.format(Instant.ofEpochMilli(event.getTimeStamp())))
          .append(' ')
          .append(String.format(Locale.ROOT, "%-5s", event.getLevel()))
          .append(' ')
          .append(text)
          .append('\n');
    }
    return sb.toString();
  }
}
