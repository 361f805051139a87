package org.modsvc.agent.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Terminal escape sequences in what we print to stderr. Messages carry them on purpose (nixpkgs'
 * lib colours the type in "Expected a module, but found a value of type …", its warnings are bold
 * magenta), and Nix lets them through only to a terminal: in a pipe, a log file or the journal they
 * are noise, and tools that match the text (nixpkgs' own module tests grep for the message) would
 * not find it. We decide the same way Nix does.
 */
final class TerminalEscapes {
  private TerminalEscapes() {}

  /**
   * Whether escapes reach stderr: {@code FORCE_COLOR} or {@code CLICOLOR_FORCE} say yes; otherwise
   * only a terminal gets them, unless {@code NO_COLOR} is set or {@code TERM} is {@code dumb}.
   */
  static boolean shown(Map<String, String> env, boolean stderrIsTerminal) {
    if (env.containsKey("FORCE_COLOR") || env.containsKey("CLICOLOR_FORCE")) return true;
    if (env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"))) return false;
    return stderrIsTerminal;
  }

  /**
   * Whether file descriptor 2 is a terminal: Linux names it {@code /dev/pts/N} or {@code /dev/ttyN}
   * in /proc.
   */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  /** {@code out} without escape sequences, or {@code out} itself when they are {@link #shown}. */
  static OutputStream forStderr(OutputStream out, Map<String, String> env) {
    return shown(env, stderrIsTerminal()) ? out : new Stripping(out);
  }

  /**
   * Drops escape sequences from a byte stream: CSI ({@code ESC [} parameter bytes, intermediate
   * bytes, a final byte: colours, cursor movement), OSC ({@code ESC ]} … BEL or {@code ESC \}:
   * hyperlinks, titles) and two-byte {@code ESC X}. A sequence may be split across writes. ESC is
   * ASCII and never part of a UTF-8 multi-byte character, so the text around it passes unchanged.
   */
  static final class Stripping extends FilterOutputStream {
    private static final int ESC = 0x1b;
    private static final int BEL = 0x07;

    private enum State {
      TEXT,
      ESCAPE,
      CSI_PARAMETERS,
      CSI_INTERMEDIATES,
      OSC,
      OSC_ESCAPE
    }

    private State state = State.TEXT;

    Stripping(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      if (take(b & 0xff)) out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int runStart = off;
      for (int i = off; i < off + len; i++) {
        if (!take(b[i] & 0xff)) {
          if (i > runStart) out.write(b, runStart, i - runStart);
          runStart = i + 1;
        }
      }
      if (off + len > runStart) out.write(b, runStart, off + len - runStart);
    }

    /** Advances over one byte; true when the byte is text to keep. */
    private boolean take(int c) {
      switch (state) {
        case TEXT:
          if (c != ESC) return true;
          state = State.ESCAPE;
          return false;
        case ESCAPE:
          if (c == '[') state = State.CSI_PARAMETERS;
          else if (c == ']') state = State.OSC;
          else {
            state = State.TEXT;
            // ESC and one byte of 0x40-0x5f is a sequence; any other byte after ESC is text.
            return !(c >= 0x40 && c <= 0x5f) && take(c);
          }
          return false;
        case CSI_PARAMETERS:
          if (c >= 0x30 && c <= 0x3f) return false;
          state = State.CSI_INTERMEDIATES;
          return take(c);
        case CSI_INTERMEDIATES:
          if (c >= 0x20 && c <= 0x2f) return false;
          state = State.TEXT;
          // The final byte ends the sequence; anything else was not part of it and is text again.
          return !(c >= 0x40 && c <= 0x7e) && take(c);
        case OSC:
          if (c == BEL) state = State.TEXT;
          else if (c == ESC) state = State.OSC_ESCAPE;
          return false;
        case OSC_ESCAPE:
          state = c == '\\' ? State.TEXT : State.OSC;
          return false;
        default:
          throw new IllegalStateException(state.toString());
      }
    }
  }
}
