package org.modsvc.switcher.unit;

/** A string that systemd would not accept as a unit name; the message says which rule it breaks. */
public final class InvalidUnitNameException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  InvalidUnitNameException(String name, String why) {
    super("invalid unit name '" + printable(name) + "': " + why);
  }

  /** Keeps control characters of hostile names out of logs and terminals. */
  private static String printable(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .limit(300)
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
