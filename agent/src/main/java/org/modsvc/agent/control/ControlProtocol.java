package org.modsvc.agent.control;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The control socket's line protocol. The client sends one request line ({@code status}, {@code
 * metrics} or {@code switch}, ASCII, at most {@link #MAX_REQUEST_BYTES} bytes with its newline);
 * the server answers with one header line and a body up to the end of the stream:
 *
 * <pre>
 *   ok EXIT          the body is the answer (status: JSON; metrics: text exposition; switch: the report)
 *   error: MESSAGE   nothing was done
 *   refused: MESSAGE the peer may not use this socket (no body)
 * </pre>
 */
public final class ControlProtocol {
  private ControlProtocol() {}

  /** Longest request line, newline included: the known requests fit many times over. */
  public static final int MAX_REQUEST_BYTES = 256;

  /** Largest reply the client reads (a switch report of thousands of units fits). */
  public static final int MAX_REPLY_BYTES = 16 << 20;

  public static final String STATUS = "status";
  public static final String METRICS = "metrics";
  public static final String SWITCH = "switch";
  static final List<String> REQUESTS = List.of(STATUS, METRICS, SWITCH);

  /**
   * The request a line names, or empty; {@code line} is what came before the newline (a trailing CR
   * allowed).
   */
  static Optional<String> request(String line) {
    String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    return REQUESTS.contains(l.strip()) ? Optional.of(l.strip()) : Optional.empty();
  }

  /**
   * How a reply names a request it did not understand: short and printable, whatever the client
   * sent.
   */
  static String quoted(String line) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < line.length() && i < 40; i++) {
      char c = line.charAt(i);
      sb.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return sb.append(line.length() > 40 ? "…'" : "'").toString();
  }

  static byte[] ok(int exitCode, String body) {
    return ("ok " + exitCode + "\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  static byte[] error(String message) {
    return ("error: " + oneLine(message) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  static byte[] refused(String message) {
    return ("refused: " + oneLine(message) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }
}
