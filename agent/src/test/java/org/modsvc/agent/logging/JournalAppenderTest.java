package org.modsvc.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.agent.unix.DatagramReceiver;
import org.slf4j.MDC;

class JournalAppenderTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  /** Records every datagram; fails while {@code failing} is set, as a refusing socket would. */
  private static final class Capture implements JournalAppender.Transport {
    final List<byte[]> sent = new ArrayList<>();
    boolean failing;
    boolean closed;

    @Override
    public void send(byte[] datagram) throws IOException {
      if (failing)
        throw new IOException("sendto /run/systemd/journal/socket: Connection refused (errno 111)");
      sent.add(datagram);
    }

    @Override
    public void close() {
      closed = true;
    }

    Map<String, String> fields(int i) {
      Map<String, String> m = new LinkedHashMap<>();
      NativeProtocol.read(sent.get(i)).forEach(e -> m.put(e.getKey(), e.getValue()));
      return m;
    }
  }

  @Test
  void warning_carriesPriorityIdentifierMdcFieldsAndMessage() {
    Capture capture = new Capture();
    Logger log = TestContexts.loggerWith(new JournalAppender(capture, "modsvc-agent", err));

    MDC.put(LogFields.UNIT, "web.service");
    MDC.put(LogFields.MODSVC_GENERATION, "12");
    log.warn("restart {}: {}", "web.service", "timeout");

    Map<String, String> f = capture.fields(0);
    assertEquals("4", f.get("PRIORITY"));
    assertEquals("modsvc-agent", f.get("SYSLOG_IDENTIFIER"));
    assertEquals("web.service", f.get("UNIT"));
    assertEquals("12", f.get("MODSVC_GENERATION"));
    assertEquals("restart web.service: timeout", f.get("MESSAGE"));
    assertEquals(
        "",
        stderr.toString(StandardCharsets.UTF_8),
        "nothing on stderr while the socket takes entries");
  }

  @Test
  void levels_mapToSyslogPriorities() {
    Capture capture = new Capture();
    Logger log = TestContexts.loggerWith(new JournalAppender(capture, "modsvc-agent", err));

    log.error("e");
    log.warn("w");
    log.info("i");
    log.debug("d");
    log.trace("t");

    assertEquals(
        List.of("3", "4", "6", "7"),
        List.of(
            capture.fields(0).get("PRIORITY"),
            capture.fields(1).get("PRIORITY"),
            capture.fields(2).get("PRIORITY"),
            capture.fields(3).get("PRIORITY")));
    assertEquals(4, capture.sent.size(), "TRACE is below the logger's DEBUG");
  }

  @Test
  void keyValuePairs_becomeFields_andWinOverTheMdc_invalidNamesAndOurOwnFieldsAreLeftOut() {
    Capture capture = new Capture();
    Logger log = TestContexts.loggerWith(new JournalAppender(capture, "modsvc-agent", err));

    MDC.put(LogFields.UNIT, "old.service");
    MDC.put("requestId", "lower-case: not a journal field");
    MDC.put("PRIORITY", "0");
    log.atInfo()
        .addKeyValue(LogFields.UNIT, "new.service")
        .addKeyValue(LogFields.CODE_LINE, 7)
        .log("m");

    Map<String, String> f = capture.fields(0);
    assertEquals("new.service", f.get("UNIT"));
    assertEquals("7", f.get("CODE_LINE"));
    assertEquals("6", f.get("PRIORITY"));
    assertEquals(
        List.of("PRIORITY", "SYSLOG_IDENTIFIER", "CODE_LINE", "UNIT", "MESSAGE"),
        List.copyOf(f.keySet()));
  }

  @Test
  void exception_isPartOfTheMessage_inTheBinaryForm() {
    Capture capture = new Capture();
    Logger log = TestContexts.loggerWith(new JournalAppender(capture, "modsvc-agent", err));

    log.error("switch failed", new IllegalStateException("bus gone"));

    String message = capture.fields(0).get("MESSAGE");
    assertTrue(
        message.startsWith("switch failed\njava.lang.IllegalStateException: bus gone\n"), message);
    assertTrue(message.contains("\tat org.modsvc.agent.logging.JournalAppenderTest"), message);
  }

  @Test
  void refusedEntries_goToStderrWithPriorityPrefixes_theReasonOncePerRunOfFailures() {
    Capture capture = new Capture();
    Logger log = TestContexts.loggerWith(new JournalAppender(capture, "modsvc-agent", err));

    capture.failing = true;
    MDC.put(LogFields.UNIT, "web.service");
    log.error("first\nsecond line");
    log.info("again");
    capture.failing = false;
    log.info("back");
    capture.failing = true;
    log.warn("lost again");

    assertEquals(1, capture.sent.size());
    assertEquals("back", capture.fields(0).get("MESSAGE"));
    String why =
        "<4>journal socket refused an entry (sendto /run/systemd/journal/socket: Connection refused (errno "
            + "111)); writing to stderr until it accepts them again\n";
    assertEquals(
        why
            + "<3>first\n<3>second line [UNIT=web.service]\n<6>again [UNIT=web.service]\n"
            + why
            + "<4>lost again [UNIT=web.service]\n",
        stderr.toString(StandardCharsets.UTF_8));
  }

  @Test
  void realSocket_withoutJournald_fallsBack_andWithAListener_delivers() throws Exception {
    Path path = dir.resolve("journal.socket");
    JournalSocket socket = JournalSocket.to(path.toString());
    JournalAppender appender = new JournalAppender(socket, "modsvc-agent", err);
    Logger log = TestContexts.loggerWith(appender);

    log.warn("nobody listens");
    assertTrue(
        stderr.toString(StandardCharsets.UTF_8).endsWith("<4>nobody listens\n"),
        stderr.toString(StandardCharsets.UTF_8));

    try (DatagramReceiver journald = new DatagramReceiver(path)) {
      log.info("now somebody does");
      byte[] got = journald.receive();
      assertNotNull(got);
      assertTrue(NativeProtocol.read(got).contains(Map.entry("MESSAGE", "now somebody does")));
    }
    appender.stop();
    assertTrue(
        stderr.toString(StandardCharsets.UTF_8).lines().count() == 2,
        "one reason line and one record");
  }

  @Test
  void stoppingTheAppender_closesItsTransport() {
    Capture capture = new Capture();
    JournalAppender appender = new JournalAppender(capture, "modsvc-agent", err);
    TestContexts.loggerWith(appender);

    appender.stop();

    assertTrue(capture.closed);
  }
}
