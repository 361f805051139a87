package org.modsvc.agent.daemon;

import java.util.Map;
import java.util.Optional;

/**
 * Why the last attempt did not converge: the message and, for an evaluation error, where in the
 * user's files.
 *
 * @param file as the error report names it (an absolute path for the user's files), or empty
 * @param line 1-based, 0 when unknown
 */
record ErrorPosition(String message, Optional<String> file, int line, int column) {
  /**
   * From an evaluation failure's {@code toData()} map ({@code message}, {@code file}, {@code line},
   * {@code column}).
   */
  static ErrorPosition ofData(Map<String, Object> data, String fallbackMessage) {
    Object message = data.getOrDefault("message", fallbackMessage);
    Optional<String> file = Optional.ofNullable(data.get("file")).map(Object::toString);
    return new ErrorPosition(
        String.valueOf(message), file, number(data.get("line")), number(data.get("column")));
  }

  static ErrorPosition of(String message) {
    return new ErrorPosition(message, Optional.empty(), 0, 0);
  }

  private static int number(Object o) {
    return o instanceof Number n ? n.intValue() : 0;
  }

  /**
   * {@code web.nix:10} (the file relative to {@code modulesDir} when below it), or empty without a
   * position.
   */
  Optional<String> where(java.nio.file.Path modulesDir) {
    return file.map(
        f -> {
          String shown = f;
          String dir = modulesDir.toString();
          if (f.startsWith(dir + "/")) shown = f.substring(dir.length() + 1);
          return line > 0 ? shown + ":" + line : shown;
        });
  }

  /** The first line of the message (reports continue with the source line and a trace). */
  String headline() {
    String m = message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
