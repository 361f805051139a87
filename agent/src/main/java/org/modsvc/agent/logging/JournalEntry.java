package org.modsvc.agent.logging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One journal entry in journald's native protocol: one datagram per entry, each field as {@code
 * KEY=value\n}, or, when the value holds a newline, as {@code KEY\n}, the value's length as 64-bit
 * little-endian, the value and {@code \n}. The protocol is described in systemd's
 * JOURNAL_NATIVE_PROTOCOL document (docs/decisions.md §10).
 */
public record JournalEntry(List<Field> fields) {

  /**
   * One field; the name is checked (journald drops invalid ones, and names starting with '_' are
   * its own).
   */
  public record Field(String name, String value) {
    public Field {
      if (!isValidName(name)) {
        throw new IllegalArgumentException("not a journal field name: " + name);
      }
    }
  }

  public JournalEntry {
    fields = List.copyOf(fields);
  }

  /**
   * Upper-case ASCII letters, digits and underscores, at most 64 characters, not starting with a
   * digit or an underscore (journald reserves those for the fields it adds itself, such as {@code
   * _PID}).
   */
  public static boolean isValidName(String name) {
    if (name.isEmpty() || name.length() > 64) return false;
    char first = name.charAt(0);
    if (first == '_' || (first >= '0' && first <= '9')) return false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
  }

  /** The datagram's payload. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    for (Field f : fields) {
      byte[] name = f.name().getBytes(StandardCharsets.US_ASCII);
      byte[] value = f.value().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(name);
      if (f.value().indexOf('\n') < 0) {
        out.write('=');
        out.writeBytes(value);
      } else {
        out.write('\n');
        long n = value.length;
        for (int i = 0; i < 8; i++) {
          out.write((int) (n >>> (8 * i)) & 0xff);
        }
        out.writeBytes(value);
      }
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** Builds an entry field by field, in order. */
  public static final class Builder {
    private final List<Field> fields = new ArrayList<>();

    public Builder add(String name, String value) {
      fields.add(new Field(name, value));
      return this;
    }

    public JournalEntry build() {
      return new JournalEntry(fields);
    }
  }
}
