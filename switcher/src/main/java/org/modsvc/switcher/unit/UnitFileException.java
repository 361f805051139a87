package org.modsvc.switcher.unit;

/** A unit file or drop-in that cannot be parsed; the message starts with {@code file:line:}. */
public final class UnitFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;

  public UnitFileException(String file, int line, String problem) {
    super(file + ":" + line + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }
}
