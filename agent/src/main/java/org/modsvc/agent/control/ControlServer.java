package org.modsvc.agent.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;
import org.modsvc.switcher.fs.FileModes;

/**
 * The daemon's control socket: accepts connections on its own thread and answers each on a small
 * pool of worker threads, so that no client (slow, silent, hostile or just many) can block the
 * daemon's loop or one another beyond the pool. Each connection: the peer's credentials are checked
 * first (a refused peer is told why in one line and its request is never read); then one request
 * line is read within {@link Limits#requestTimeout()} and at most {@link
 * ControlProtocol#MAX_REQUEST_BYTES} bytes; the reply is written within {@link
 * Limits#replyTimeout()}; the connection is closed.
 *
 * <p>The socket and its directory: for the system instance (allowed uid 0) the directory is 0755
 * and the socket 0666, so that any local user reaches the peer check and is refused in words rather
 * than by a bare "permission denied"; for a user instance both are private (0700, 0600). See {@link
 * SocketFile} for how the path is made safe.
 */
public final class ControlServer implements AutoCloseable {
  /**
   * How long a client may take.
   *
   * @param requestTimeout from accepting the connection to the request's newline
   * @param replyTimeout writing the reply (a client that does not read is dropped)
   * @param workers connections answered at once; more wait in a queue of {@code 4 * workers},
   *     beyond which they are told the agent is busy
   */
  record Limits(Duration requestTimeout, Duration replyTimeout, int workers) {
    static final Limits DEFAULT = new Limits(Duration.ofSeconds(5), Duration.ofSeconds(10), 4);
  }

  private final Path socket;
  private final Object socketIdentity;
  private final ServerSocketChannel channel;
  private final PeerCheck peers;
  private final ControlHandler handler;
  private final Limits limits;
  private final ThreadPoolExecutor workers;
  private final ScheduledExecutorService timer;
  private final Thread acceptor;
  private volatile boolean closed;

  private ControlServer(
      Path socket,
      Object socketIdentity,
      ServerSocketChannel channel,
      PeerCheck peers,
      ControlHandler handler,
      Limits limits) {
    this.socket = socket;
    this.socketIdentity = socketIdentity;
    this.channel = channel;
    this.peers = peers;
    this.handler = handler;
    this.limits = limits;
    this.workers =
        new ThreadPoolExecutor(
            limits.workers(),
            limits.workers(),
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(4 * limits.workers()),
            daemonThreads("modsvc-control-"));
    this.workers.allowCoreThreadTimeOut(true);
    ScheduledThreadPoolExecutor deadlines =
        new ScheduledThreadPoolExecutor(1, daemonThreads("modsvc-control-timer-"));
    deadlines.setRemoveOnCancelPolicy(
        true); // a deadline met is forgotten at once, not kept until it would fire
    this.timer = deadlines;
    this.acceptor = daemonThreads("modsvc-control-accept-").newThread(this::acceptLoop);
  }

  /**
   * Binds {@code socket} (its directory prepared, a stale socket replaced; see {@link SocketFile})
   * and starts answering: {@code allowedUid} alone may use it, every request goes to {@code
   * handler}.
   */
  public static ControlServer start(Path socket, long allowedUid, ControlHandler handler)
      throws IOException {
    return start(socket, PeerCheck.onlyUid(allowedUid), allowedUid == 0, handler, Limits.DEFAULT);
  }

  static ControlServer start(
      Path socket, PeerCheck peers, boolean reachableByAll, ControlHandler handler, Limits limits)
      throws IOException {
    Objects.requireNonNull(handler, "handler");
    Path path = socket.toAbsolutePath();
    SocketFile.prepare(path, reachableByAll ? 0755 : 0700);
    ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    Object identity;
    try {
      ch.bind(UnixDomainSocketAddress.of(path));
      // the peer check is the gate; the mode only decides who gets as far as being told no
      Files.setPosixFilePermissions(path, FileModes.toPermissions(reachableByAll ? 0666 : 0600));
      identity = SocketFile.identity(path);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw new IOException("cannot listen on " + path + ": " + e.getMessage(), e);
    }
    ControlServer server = new ControlServer(path, identity, ch, peers, handler, limits);
    server.acceptor.start();
    return server;
  }

  /** The socket's path. */
  public Path socket() {
    return socket;
  }

  private void acceptLoop() {
    while (!closed) {
      SocketChannel client;
      try {
        client = channel.accept();
      } catch (ClosedChannelException stopping) {
        return;
      } catch (IOException e) {
        // out of descriptors and the like: pause rather than spin, keep serving
        sleepQuietly(100);
        continue;
      }
      try {
        workers.execute(() -> serve(client));
      } catch (RejectedExecutionException full) {
        // a tiny reply into an empty socket buffer: cannot block the accept loop
        writeQuietly(
            client, ControlProtocol.error("the agent is busy answering other clients; try again"));
      }
    }
  }

  private void serve(SocketChannel client) {
    try (client) {
      UnixDomainPrincipal peer = client.getOption(ExtendedSocketOptions.SO_PEERCRED);
      Optional<String> refusal = peers.refusal(peer);
      if (refusal.isPresent()) {
        write(client, ControlProtocol.refused(refusal.get()));
        return;
      }
      byte[] reply = answer(readRequest(client));
      write(client, reply);
    } catch (IOException | RuntimeException e) {
      // the client went away or timed out while writing: nothing to tell anyone
    }
  }

  /** The request line, or the error reply to send instead (as a {@link Request.Bad}). */
  private Request readRequest(SocketChannel client) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(ControlProtocol.MAX_REQUEST_BYTES);
    // A silent client: its input is shut down at the deadline, so the blocked read below ends
    // (EOF).
    java.util.concurrent.atomic.AtomicBoolean late =
        new java.util.concurrent.atomic.AtomicBoolean();
    ScheduledFuture<?> deadline =
        timer.schedule(
            () -> {
              late.set(true);
              shutdownInputQuietly(client);
            },
            limits.requestTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      while (true) {
        int newline = indexOf(buf, (byte) '\n');
        if (newline >= 0)
          return Request.line(new String(buf.array(), 0, newline, StandardCharsets.UTF_8));
        if (!buf.hasRemaining()) {
          return new Request.Bad(
              "request longer than " + ControlProtocol.MAX_REQUEST_BYTES + " bytes");
        }
        if (client.read(buf) < 0) {
          if (late.get()) {
            return new Request.Bad("no request within " + seconds(limits.requestTimeout()));
          }
          // the client closed its side after the request: a missing final newline is fine
          return buf.position() == 0
              ? new Request.Bad("empty request")
              : Request.line(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
        }
      }
    } finally {
      deadline.cancel(false);
    }
  }

  private byte[] answer(Request request) {
    if (request instanceof Request.Bad bad) return ControlProtocol.error(bad.message());
    String line = ((Request.Line) request).text();
    Optional<String> known = ControlProtocol.request(line);
    if (known.isEmpty()) {
      return ControlProtocol.error(
          "unknown request "
              + ControlProtocol.quoted(line)
              + " (known: "
              + String.join(", ", ControlProtocol.REQUESTS)
              + ")");
    }
    try {
      return switch (known.get()) {
        case ControlProtocol.STATUS -> {
          AgentStatus s = handler.status();
          yield ControlProtocol.ok(s.exitCode(), s.toJson());
        }
        case ControlProtocol.METRICS -> ControlProtocol.ok(0, handler.metrics());
        case ControlProtocol.SWITCH -> {
          SwitchResultView r = handler.switchNow();
          yield ControlProtocol.ok(r.exitCode(), r.report());
        }
        default -> throw new IllegalStateException("request without an answer: " + known.get());
      };
    } catch (RuntimeException e) {
      return ControlProtocol.error(
          "the agent could not answer '" + known.get() + "': " + e.getMessage());
    }
  }

  private void write(SocketChannel client, byte[] reply) throws IOException {
    ScheduledFuture<?> deadline =
        timer.schedule(
            () -> closeQuietly(client), limits.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    try {
      ByteBuffer buf = ByteBuffer.wrap(reply);
      while (buf.hasRemaining()) client.write(buf);
    } finally {
      deadline.cancel(false);
    }
  }

  /**
   * Stops accepting, lets answers in progress finish (up to the reply timeout), and removes the
   * socket file when it is still ours.
   */
  @Override
  public void close() throws IOException {
    if (closed) return;
    closed = true;
    channel.close();
    workers.shutdown();
    try {
      workers.awaitTermination(limits.replyTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    timer.shutdownNow();
    try {
      if (socketIdentity.equals(SocketFile.identity(socket))) Files.delete(socket);
    } catch (java.nio.file.NoSuchFileException gone) {
      // removed by someone else: nothing of ours left
    }
  }

  private sealed interface Request {
    static Request line(String text) {
      return new Line(text);
    }

    record Line(String text) implements Request {}

    record Bad(String message) implements Request {}
  }

  private static int indexOf(ByteBuffer buf, byte b) {
    for (int i = 0; i < buf.position(); i++) {
      if (buf.get(i) == b) return i;
    }
    return -1;
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  private static void shutdownInputQuietly(SocketChannel ch) {
    try {
      ch.shutdownInput();
    } catch (IOException e) {
      // already closed
    }
  }

  private static void closeQuietly(SocketChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  private static void writeQuietly(SocketChannel ch, byte[] reply) {
    try (ch) {
      ch.write(ByteBuffer.wrap(reply));
    } catch (IOException e) {
      // the client is gone
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
