package org.modsvc.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.agent.unix.DatagramReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The process-wide setup: each test leaves logback as the CLI has it (quiet). */
class AgentLoggingTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);

  @AfterEach
  void backToTheCli() {
    MDC.clear();
    AgentLogging.detach();
  }

  private String err() {
    return stderr.toString(StandardCharsets.UTF_8);
  }

  /** What systemd would put in JOURNAL_STREAM if this process's stderr were its stream. */
  private static String ourStderrDeviceAndInode() throws Exception {
    Map<String, Object> stat = Files.readAttributes(Path.of("/proc/self/fd/2"), "unix:dev,ino");
    return stat.get("dev") + ":" + stat.get("ino");
  }

  @Test
  void cli_slf4jIsBoundToOurProvider_andItsLoggersDoNothing() {
    assertTrue(LoggerFactory.getILoggerFactory() instanceof SwitchableLoggerFactory);
    Logger dbus = LoggerFactory.getLogger("org.freedesktop.dbus.connections.AbstractConnection");

    assertFalse(dbus.isErrorEnabled());
    dbus.error("never seen");
    assertEquals("", err());
  }

  @Test
  void loggerTakenBeforeTheDaemonConfigures_logsAfterwards_andStopsAgainWhenDetached() {
    Logger early =
        LoggerFactory.getLogger("org.modsvc.agent.early"); // as dbus-java's static loggers are
    early.info("before");

    AgentLogging.configureForDaemon(Map.of(), err, dir.resolve("none").toString());
    early.info("after");
    AgentLogging.detach();
    early.info("detached");

    assertFalse(err().contains("before"), err());
    assertTrue(err().contains(" INFO  after\n"), err());
    assertFalse(err().contains("detached"), err());
  }

  @Test
  void configuringAgain_replacesTheAppender_noDuplicateLines() {
    AgentLogging.configureForDaemon(Map.of(), err, dir.resolve("none").toString());
    AgentLogging.configureForDaemon(Map.of(), err, dir.resolve("none").toString());

    LoggerFactory.getLogger("org.modsvc.agent.daemon").warn("once");

    assertEquals(1, err().lines().filter(l -> l.endsWith("WARN  once")).count(), err());
  }

  @Test
  void withoutJournalStream_plainStderrLines_infoForUs_warnForLibraries() {
    LogTarget target =
        AgentLogging.configureForDaemon(Map.of(), err, dir.resolve("none").toString());

    LoggerFactory.getLogger("org.modsvc.agent.daemon").info("converged");
    LoggerFactory.getLogger("org.modsvc.agent.daemon").debug("detail");
    LoggerFactory.getLogger("org.freedesktop.dbus.connections.AbstractConnection")
        .info("chatty library");
    LoggerFactory.getLogger("org.freedesktop.dbus.connections.AbstractConnection")
        .warn("library trouble");

    assertEquals(LogTarget.STDERR, target);
    assertTrue(err().contains(" INFO  converged\n"), err());
    assertFalse(err().contains("detail"), err());
    assertFalse(err().contains("chatty"), err());
    assertTrue(err().contains(" WARN  library trouble\n"), err());
  }

  @Test
  void debugForOurLoggers_withModsvcDebug() {
    AgentLogging.configureForDaemon(
        Map.of("MODSVC_DEBUG", "1"), err, dir.resolve("none").toString());

    LoggerFactory.getLogger("org.modsvc.agent.daemon").debug("detail");

    assertTrue(err().contains(" DEBUG detail\n"), err());
  }

  @Test
  void journalStreamOfAnotherFile_isNotOurs_plainStderr() {
    LogTarget target =
        AgentLogging.configureForDaemon(
            Map.of("JOURNAL_STREAM", "1:1"), err, dir.resolve("none").toString());

    assertEquals(LogTarget.STDERR, target);
  }

  @Test
  void journalStreamIsOurStderr_andTheSocketListens_nativeEntries() throws Exception {
    Path socket = dir.resolve("journal.socket");
    try (DatagramReceiver journald = new DatagramReceiver(socket)) {
      LogTarget target =
          AgentLogging.configureForDaemon(
              Map.of("JOURNAL_STREAM", ourStderrDeviceAndInode()), err, socket.toString());
      MDC.put(LogFields.UNIT, "foo.service");
      LoggerFactory.getLogger("org.modsvc.agent.daemon").warn("careful");

      assertEquals(LogTarget.JOURNAL_NATIVE, target);
      byte[] entry = journald.receive();
      assertNotNull(entry);
      assertEquals(
          Map.of(
              "PRIORITY",
              "4",
              "SYSLOG_IDENTIFIER",
              "modsvc-agent",
              "UNIT",
              "foo.service",
              "MESSAGE",
              "careful"),
          Map.ofEntries(NativeProtocol.read(entry).toArray(Map.Entry[]::new)));
      assertEquals("", err());
    }
  }

  @Test
  void journalStreamIsOurStderr_butNoNativeSocket_prefixedLines() throws Exception {
    LogTarget target =
        AgentLogging.configureForDaemon(
            Map.of("JOURNAL_STREAM", ourStderrDeviceAndInode()),
            err,
            dir.resolve("none").toString());
    LoggerFactory.getLogger("org.modsvc.agent.daemon").error("broken");

    assertEquals(LogTarget.JOURNAL_STREAM, target);
    assertTrue(err().startsWith("<4>cannot use journald's native socket ("), err());
    assertTrue(err().endsWith("\n<3>broken\n"), err());
  }
}
