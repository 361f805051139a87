package org.modsvc.agent.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;

/** Asks a running agent one request over its control socket (see {@link ControlProtocol}). */
public final class ControlClient {
  private ControlClient() {}

  /** The agent's answer. */
  public sealed interface Reply {
    /** {@code ok}: the body is the answer, {@code exitCode} what the command should exit with. */
    record Ok(int exitCode, String body) implements Reply {}

    /** {@code error:} the agent understood nothing or could not answer; nothing was done. */
    record Error(String message) implements Reply {}

    /** {@code refused:} this user may not use the socket. */
    record Refused(String message) implements Reply {}
  }

  /** No agent answers on the socket: there is none, or one that stopped left its socket behind. */
  public static final class NoDaemonException extends IOException {
    private static final long serialVersionUID = 1L;

    NoDaemonException(String message) {
      super(message);
    }
  }

  /**
   * Sends {@code request} and reads the whole reply, giving up after {@code timeout} ({@code
   * switch} needs one as long as a switch may take).
   */
  public static Reply ask(Path socket, String request, Duration timeout) throws IOException {
    if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoDaemonException("no agent runs (no socket at " + socket + ")");
    }
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      try {
        ch.connect(UnixDomainSocketAddress.of(socket));
      } catch (ConnectException refused) {
        throw new NoDaemonException("no agent runs (nothing answers on " + socket + ")");
      } catch (java.net.SocketException e) {
        // connect(2) says EACCES only in its message: a socket this user may not write to
        if (String.valueOf(e.getMessage()).contains("Permission denied")) {
          java.nio.file.AccessDeniedException denied =
              new java.nio.file.AccessDeniedException(socket.toString());
          denied.initCause(e);
          throw denied;
        }
        throw new IOException("cannot connect to " + socket + ": " + e.getMessage(), e);
      }
      Timer timer = new Timer("modsvc-control-client", true);
      timer.schedule(
          new TimerTask() {
            @Override
            public void run() {
              try {
                ch.close();
              } catch (IOException e) {
                // closing is all we wanted
              }
            }
          },
          Math.max(1, timeout.toMillis()));
      try {
        ByteBuffer out = ByteBuffer.wrap((request + "\n").getBytes(StandardCharsets.UTF_8));
        try {
          while (out.hasRemaining()) ch.write(out);
        } catch (AsynchronousCloseException timedOut) {
          throw timedOut;
        } catch (IOException answeredEarly) {
          // a busy or refusing agent may answer and close before reading the request: its answer is
          // still there
        }
        return parse(readAll(ch), socket);
      } catch (AsynchronousCloseException timedOut) {
        throw new IOException(
            "the agent on "
                + socket
                + " did not answer '"
                + request
                + "' within "
                + (timeout.toMillis() % 1000 == 0
                    ? timeout.toSeconds() + " s"
                    : timeout.toMillis() + " ms"));
      } finally {
        timer.cancel();
      }
    }
  }

  private static byte[] readAll(SocketChannel ch) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    ByteBuffer buf = ByteBuffer.allocate(8192);
    while (read(ch, buf, all.size()) >= 0) {
      all.write(buf.array(), 0, buf.position());
      buf.clear();
      if (all.size() > ControlProtocol.MAX_REPLY_BYTES) {
        throw new IOException(
            "the agent's reply is longer than " + ControlProtocol.MAX_REPLY_BYTES + " bytes");
      }
    }
    return all.toByteArray();
  }

  /**
   * One read; a reset after data arrived is the end of the reply: an agent that refuses or rejects
   * a request closes without reading it, and the kernel then reports a reset once its answer has
   * been read.
   */
  private static int read(SocketChannel ch, ByteBuffer buf, int before) throws IOException {
    try {
      return ch.read(buf);
    } catch (java.net.SocketException reset) {
      if (before + buf.position() > 0) return -1;
      throw reset;
    }
  }

  static Reply parse(byte[] bytes, Path socket) throws IOException {
    String text = new String(bytes, StandardCharsets.UTF_8);
    int nl = text.indexOf('\n');
    if (nl < 0)
      throw new IOException("the agent on " + socket + " closed the connection without an answer");
    String header = text.substring(0, nl);
    String body = text.substring(nl + 1);
    if (header.startsWith("refused: "))
      return new Reply.Refused(header.substring("refused: ".length()));
    if (header.startsWith("error: ")) return new Reply.Error(header.substring("error: ".length()));
    if (header.startsWith("ok ")) {
      try {
        return new Reply.Ok(Integer.parseInt(header.substring(3)), body);
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IOException(
        "the agent on "
            + socket
            + " answered something else than this client speaks: "
            + ControlProtocol.quoted(header));
  }
}
