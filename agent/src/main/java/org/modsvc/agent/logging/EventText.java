package org.modsvc.agent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.event.KeyValuePair;

/** What every appender takes from a logging event: its text and its structured fields. */
final class EventText {
  private EventText() {}

  /** The formatted message, then the exception with its stack trace when there is one. */
  static String message(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    if (message == null) message = "";
    IThrowableProxy thrown = event.getThrowableProxy();
    if (thrown == null) return message;
    String trace = ThrowableProxyUtil.asString(thrown).stripTrailing();
    return message.isEmpty() ? trace : message + "\n" + trace;
  }

  /**
   * The event's fields that are valid journal field names, sorted by name: its MDC, then the slf4j
   * key-value pairs given to this one record (which win over the MDC). Other keys are not journal
   * fields and are left out.
   */
  static Map<String, String> fields(ILoggingEvent event) {
    Map<String, String> fields = new TreeMap<>();
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null) {
      mdc.forEach(
          (k, v) -> {
            if (v != null && JournalEntry.isValidName(k)) fields.put(k, v);
          });
    }
    if (event.getKeyValuePairs() != null) {
      for (KeyValuePair kv : event.getKeyValuePairs()) {
        if (kv.key != null && kv.value != null && JournalEntry.isValidName(kv.key)) {
          fields.put(kv.key, String.valueOf(kv.value));
        }
      }
    }
    return fields;
  }

  /**
   * The fields for a line of text, where they cannot be separate: {@code " [UNIT=a.service
   * MODSVC_GENERATION=3]"}.
   */
  static String fieldSuffix(ILoggingEvent event) {
    Map<String, String> fields = fields(event);
    if (fields.isEmpty()) return "";
    StringBuilder sb = new StringBuilder(" [");
    fields.forEach((k, v) -> sb.append(sb.length() > 2 ? " " : "").append(k).append('=').append(v));
    return sb.append(']').toString();
  }
}
