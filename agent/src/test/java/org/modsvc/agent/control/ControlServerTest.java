package org.modsvc.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.PrivateDirectory;

/**
 * The control socket in-process: protocol, limits, the peer check, and how the socket file is
 * placed.
 */
class ControlServerTest {
  @TempDir Path tmp;

  private Path socket;
  private long me;
  private final AtomicInteger calls = new AtomicInteger();
  private ControlServer server;

  /**
   * Answers every request; counts the calls, so a test can show a refused or bad request reached
   * nothing.
   */
  private final ControlHandler handler =
      new ControlHandler() {
        @Override
        public AgentStatus status() {
          calls.incrementAndGet();
          return AgentStatusTest.status(AgentStatus.State.CONVERGED, List.of(), Optional.empty());
        }

        @Override
        public String metrics() {
          calls.incrementAndGet();
          return "modsvc_generation 12\n";
        }

        @Override
        public SwitchResultView switchNow() {
          calls.incrementAndGet();
          return new SwitchResultView("switched to generation 13\n", 4);
        }
      };

  private static final ControlServer.Limits QUICK =
      new ControlServer.Limits(Duration.ofMillis(400), Duration.ofSeconds(2), 4);

  @BeforeEach
  void setUp() throws IOException {
    socket = tmp.resolve("run/modsvc/agent.sock");
    Files.createDirectories(socket.getParent().getParent());
    me = PrivateDirectory.currentUid();
  }

  @AfterEach
  void tearDown() throws IOException {
    if (server != null) server.close();
  }

  private ControlServer start(long allowedUid, ControlServer.Limits limits) throws IOException {
    server = ControlServer.start(socket, PeerCheck.onlyUid(allowedUid), false, handler, limits);
    return server;
  }

  /**
   * Sends raw bytes (no newline added), closes the sending side, and reads the reply to the end. A
   * server that answers without reading (a refusal) may have closed before we write: the write then
   * fails with a broken pipe, as it would for any client, and its answer is still there to read.
   */
  private String raw(byte[] request) throws IOException {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      try {
        ch.write(ByteBuffer.wrap(request));
        ch.shutdownOutput();
      } catch (IOException answeredEarly) {
        // read what it said below
      }
      return readAll(ch);
    }
  }

  /**
   * The reply up to the end of the stream, or up to a reset after it (the server did not read all
   * we sent).
   */
  private static String readAll(SocketChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    try {
      while (ch.read(buf) >= 0) {
        if (!buf.hasRemaining()) throw new IOException("reply too long for the test");
      }
    } catch (java.net.SocketException reset) {
      if (buf.position() == 0) throw reset;
    }
    return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
  }

  @Test
  void statusComesBackAsTheRecordItWas() throws IOException {
    start(me, ControlServer.Limits.DEFAULT);
    ControlClient.Reply r = ControlClient.ask(socket, "status", Duration.ofSeconds(5));
    ControlClient.Reply.Ok ok = assertInstanceOf(ControlClient.Reply.Ok.class, r);
    assertEquals(0, ok.exitCode());
    assertEquals(handler.status(), AgentStatus.fromJson(ok.body()));
  }

  @Test
  void metricsAndSwitchCarryTheirBodyAndExitCode() throws IOException {
    start(me, ControlServer.Limits.DEFAULT);
    assertEquals(
        new ControlClient.Reply.Ok(0, "modsvc_generation 12\n"),
        ControlClient.ask(socket, "metrics", Duration.ofSeconds(5)));
    assertEquals(
        new ControlClient.Reply.Ok(4, "switched to generation 13\n"),
        ControlClient.ask(socket, "switch", Duration.ofSeconds(5)));
  }

  @Test
  void theWireFormatIsAHeaderLineThenTheBody() throws IOException {
    start(me, ControlServer.Limits.DEFAULT);
    assertEquals(
        "ok 0\nmodsvc_generation 12\n", raw("metrics\n".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        "ok 0\nmodsvc_generation 12\n",
        raw("metrics\r\n".getBytes(StandardCharsets.US_ASCII)),
        "a CRLF line (socat, nc -C) is the same request");
    assertTrue(
        raw("status".getBytes(StandardCharsets.US_ASCII)).startsWith("ok 0\n{"),
        "a client that closes its side instead of sending a newline is answered too");
  }

  @Test
  void anUnknownRequestIsAnErrorThatNamesTheKnownOnes() throws IOException {
    start(me, ControlServer.Limits.DEFAULT);
    assertEquals(
        "error: unknown request 'reboot?' (known: status, metrics, switch)\n",
        raw("reboot\u001b\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        new ControlClient.Reply.Error("unknown request 'STATUS' (known: status, metrics, switch)"),
        ControlClient.ask(socket, "STATUS", Duration.ofSeconds(5)));
    assertEquals(0, calls.get());
  }

  @Test
  void aPeerOtherThanTheAllowedUidIsRefusedInOneLineAndItsRequestIsNeverRead() throws IOException {
    long other = me == 54321 ? 54322 : 54321;
    start(other, ControlServer.Limits.DEFAULT);
    ControlClient.Reply r = ControlClient.ask(socket, "switch", Duration.ofSeconds(5));
    String who = me == 0 ? "user root" : "user " + System.getProperty("user.name");
    assertEquals(
        new ControlClient.Reply.Refused(
            who + " may not control the agent of uid " + other + " (its owner only)"),
        r);
    assertEquals(0, calls.get(), "the handler was not asked");
    // the refusal is the whole reply: one line, then the connection closes
    assertEquals(
        "refused: " + who + " may not control the agent of uid " + other + " (its owner only)\n",
        raw("status\n".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void anOversizedRequestIsRefusedWithoutReachingTheHandler() throws IOException {
    start(me, ControlServer.Limits.DEFAULT);
    byte[] big =
        ("status" + " ".repeat(ControlProtocol.MAX_REQUEST_BYTES) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    assertEquals("error: request longer than 256 bytes\n", raw(big));
    byte[] endless =
        new byte[1 << 20]; // a client that keeps sending: answered after 256 bytes, the rest unread
    java.util.Arrays.fill(endless, (byte) 'a');
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      ch.configureBlocking(false);
      ch.write(
          ByteBuffer.wrap(
              endless)); // as much as the socket buffer takes, without blocking the test
      ch.configureBlocking(true);
      assertEquals("error: request longer than 256 bytes\n", readAll(ch));
    }
    assertEquals(0, calls.get());
  }

  @Test
  void aSilentClientIsDroppedAtTheRequestTimeoutAndBlocksNoOne() throws IOException {
    start(me, QUICK);
    try (SocketChannel silent = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        SocketChannel halfway = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
      halfway.write(ByteBuffer.wrap("sta".getBytes(StandardCharsets.US_ASCII)));
      // both hold a worker; another client is answered meanwhile
      assertInstanceOf(
          ControlClient.Reply.Ok.class, ControlClient.ask(socket, "status", Duration.ofSeconds(5)));
      assertEquals("error: no request within 400 ms\n", readAll(silent));
      assertEquals("error: no request within 400 ms\n", readAll(halfway));
    }
    assertEquals(1, calls.get());
  }

  @Test
  void moreClientsThanTheQueueHoldsAreToldTheAgentIsBusy() throws IOException {
    start(me, new ControlServer.Limits(Duration.ofSeconds(3), Duration.ofSeconds(2), 1));
    // one silent client holds the only worker, four wait in the queue: the sixth is answered at
    // once
    List<SocketChannel> held = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 5; i++) held.add(SocketChannel.open(UnixDomainSocketAddress.of(socket)));
      assertEquals(
          new ControlClient.Reply.Error("the agent is busy answering other clients; try again"),
          ControlClient.ask(socket, "status", Duration.ofSeconds(2)));
    } finally {
      for (SocketChannel c : held) c.close();
    }
  }

  @Test
  void aHandlerFailureIsAnErrorReply() throws IOException {
    server =
        ControlServer.start(
            socket,
            PeerCheck.onlyUid(me),
            false,
            new ControlHandler() {
              @Override
              public AgentStatus status() {
                throw new IllegalStateException("status not ready");
              }

              @Override
              public String metrics() {
                return "";
              }

              @Override
              public SwitchResultView switchNow() {
                return new SwitchResultView("", 0);
              }
            },
            ControlServer.Limits.DEFAULT);
    assertEquals(
        new ControlClient.Reply.Error("the agent could not answer 'status': status not ready"),
        ControlClient.ask(socket, "status", Duration.ofSeconds(5)));
  }

  @Test
  void aStaleSocketOfAKilledAgentIsReplaced() throws IOException {
    Files.createDirectories(
        socket.getParent(),
        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            FileModes.toPermissions(0700)));
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(socket));
    } // closed without removing its file, as a killed process leaves it
    assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    ControlClient.NoDaemonException none =
        assertThrows(
            ControlClient.NoDaemonException.class,
            () -> ControlClient.ask(socket, "status", Duration.ofSeconds(5)));
    assertEquals("no agent runs (nothing answers on " + socket + ")", none.getMessage());
    start(me, ControlServer.Limits.DEFAULT);
    assertInstanceOf(
        ControlClient.Reply.Ok.class, ControlClient.ask(socket, "status", Duration.ofSeconds(5)));
  }

  @Test
  void aLiveAgentsSocketIsNotTakenOver() throws IOException {
    start(me, ControlServer.Limits.DEFAULT);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                ControlServer.start(
                    socket, PeerCheck.onlyUid(me), false, handler, ControlServer.Limits.DEFAULT));
    assertEquals("another agent answers on " + socket + "; stop it first", e.getMessage());
    assertInstanceOf(
        ControlClient.Reply.Ok.class, ControlClient.ask(socket, "status", Duration.ofSeconds(5)));
  }

  @Test
  void aLinkPlantedAtTheSocketPathIsRefusedAndItsTargetUntouched() throws IOException {
    Path victim = Files.writeString(tmp.resolve("shadow"), "secret\n");
    Files.createDirectories(socket.getParent());
    Files.createSymbolicLink(socket, victim);
    IOException e = assertThrows(IOException.class, () -> start(me, ControlServer.Limits.DEFAULT));
    assertEquals(
        "refusing to replace "
            + socket
            + ": it is a symlink, not a socket an agent left; remove it if "
            + "it is not needed",
        e.getMessage());
    assertEquals("secret\n", Files.readString(victim));
    assertTrue(Files.isSymbolicLink(socket), "the link is left as found");
  }

  @Test
  void aLinkToALiveSocketIsRefusedToo() throws IOException {
    Path elsewhere = tmp.resolve("elsewhere.sock");
    try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      other.bind(UnixDomainSocketAddress.of(elsewhere));
      Files.createDirectories(socket.getParent());
      Files.createSymbolicLink(socket, elsewhere);
      IOException e =
          assertThrows(IOException.class, () -> start(me, ControlServer.Limits.DEFAULT));
      assertTrue(e.getMessage().contains("it is a symlink"), e.getMessage());
      assertTrue(Files.exists(elsewhere, LinkOption.NOFOLLOW_LINKS));
    }
  }

  @Test
  void aRegularFileAtTheSocketPathIsRefused() throws IOException {
    Files.createDirectories(socket.getParent());
    Files.writeString(socket, "notes\n");
    IOException e = assertThrows(IOException.class, () -> start(me, ControlServer.Limits.DEFAULT));
    assertTrue(
        e.getMessage().contains("it is a regular file, not a socket an agent left"),
        e.getMessage());
    assertEquals("notes\n", Files.readString(socket));
  }

  @Test
  void aDirectoryThatIsALinkIsRefused() throws IOException {
    Path real = Files.createDirectory(tmp.resolve("real"));
    Files.createSymbolicLink(socket.getParent(), real);
    IOException e = assertThrows(IOException.class, () -> start(me, ControlServer.Limits.DEFAULT));
    assertEquals(
        "refusing to use "
            + socket.getParent()
            + " for the control socket: it is a symlink; it must be a "
            + "directory owned by the agent",
        e.getMessage());
    try (var listing = Files.list(real)) {
      assertEquals(0, listing.count(), "nothing was bound in the link's target");
    }
  }

  @Test
  void aDirectoryOthersMayWriteIsRefused() throws IOException {
    Files.createDirectories(socket.getParent());
    Files.setPosixFilePermissions(socket.getParent(), FileModes.toPermissions(0777));
    IOException e = assertThrows(IOException.class, () -> start(me, ControlServer.Limits.DEFAULT));
    assertTrue(
        e.getMessage()
            .contains(
                "with mode 0777; it must be owned by the agent (uid "
                    + me
                    + ") and writable by no one else"),
        e.getMessage());
  }

  @Test
  void aDirectoryOwnedBySomeoneElseIsRefused() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(me == 0, "needs root to give a directory away");
    Files.createDirectories(socket.getParent());
    Files.setAttribute(socket.getParent(), "unix:uid", 54321, LinkOption.NOFOLLOW_LINKS);
    IOException e = assertThrows(IOException.class, () -> start(me, ControlServer.Limits.DEFAULT));
    assertTrue(e.getMessage().contains("it is owned by uid 54321"), e.getMessage());
    assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void systemSocketIsReachableByAllAndUserSocketIsPrivate() throws IOException {
    server =
        ControlServer.start(
            socket, PeerCheck.onlyUid(me), true, handler, ControlServer.Limits.DEFAULT);
    assertEquals(0755, mode(socket.getParent()));
    assertEquals(0666, mode(socket));
    server.close();
    Path user = tmp.resolve("user/modsvc/agent.sock");
    Files.createDirectories(user.getParent().getParent());
    server =
        ControlServer.start(
            user, PeerCheck.onlyUid(me), false, handler, ControlServer.Limits.DEFAULT);
    assertEquals(0700, mode(user.getParent()));
    assertEquals(0600, mode(user));
  }

  @Test
  void aPrivateDirectoryLeftByTheSwitchLockIsOpenedForTheSystemSocket() throws IOException {
    Files.createDirectories(socket.getParent());
    Files.setPosixFilePermissions(socket.getParent(), FileModes.toPermissions(0700));
    server =
        ControlServer.start(
            socket, PeerCheck.onlyUid(me), true, handler, ControlServer.Limits.DEFAULT);
    assertEquals(0755, mode(socket.getParent()), "others must reach the socket to be told no");
  }

  @Test
  void closeRemovesTheSocketAndStopsAnswering() throws IOException {
    start(me, ControlServer.Limits.DEFAULT);
    server.close();
    assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    assertThrows(
        ControlClient.NoDaemonException.class,
        () -> ControlClient.ask(socket, "status", Duration.ofSeconds(5)));
  }

  @Test
  void closeLeavesASuccessorsSocketAlone() throws IOException {
    start(me, ControlServer.Limits.DEFAULT);
    Files.delete(socket); // someone removed ours and a new agent bound the path
    try (ServerSocketChannel successor = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      successor.bind(UnixDomainSocketAddress.of(socket));
      server.close();
      assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS));
    }
  }

  @Test
  void noSocketMeansNoDaemon() {
    ControlClient.NoDaemonException e =
        assertThrows(
            ControlClient.NoDaemonException.class,
            () -> ControlClient.ask(socket, "status", Duration.ofSeconds(5)));
    assertEquals("no agent runs (no socket at " + socket + ")", e.getMessage());
  }

  @Test
  void aClientGivesUpOnAnAgentThatDoesNotAnswer() throws IOException {
    Files.createDirectories(socket.getParent());
    try (ServerSocketChannel mute = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      mute.bind(
          UnixDomainSocketAddress.of(socket)); // accepts (the kernel's backlog) but never answers
      IOException e =
          assertThrows(
              IOException.class, () -> ControlClient.ask(socket, "status", Duration.ofMillis(300)));
      assertEquals(
          "the agent on " + socket + " did not answer 'status' within 300 ms", e.getMessage());
    }
  }

  private static int mode(Path p) throws IOException {
    return FileModes.toMode(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
  }
}
