package org.modsvc.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The front door of the daemon's logging (docs/decisions.md §10). The CLI never calls it: it keeps
 * printing its reports itself, and every slf4j logger does nothing ({@link AgentLoggerProvider}).
 */
public final class AgentLogging {
  /** {@code SYSLOG_IDENTIFIER} of every entry: {@code journalctl -t modsvc-agent} finds them. */
  public static final String IDENTIFIER = "modsvc-agent";

  /**
   * The daemon's logback context, built in code: no configuration files are searched or parsed, and
   * nothing of logback runs in a process that never calls {@link #configureForDaemon()}.
   */
  private static final LoggerContext context = newContext();

  private static LoggerContext newContext() {
    LoggerContext c = new LoggerContext();
    c.setName("modsvc-agent");
    c.setMDCAdapter(MDC.getMDCAdapter());
    c.start();
    return c;
  }

  private AgentLogging() {}

  /** {@link #configureForDaemon(Map, PrintStream)} with the process's environment and stderr. */
  public static LogTarget configureForDaemon() {
    return configureForDaemon(System.getenv(), System.err);
  }

  /**
   * Replaces whatever logback had with the daemon's setup and returns where records now go:
   * journald's native socket when stderr is journald's stream ({@code JOURNAL_STREAM}), {@code
   * <N>}-prefixed stderr lines when that socket cannot be opened, plain stderr lines otherwise.
   * Level INFO ({@code MODSVC_DEBUG=1}: DEBUG for our own loggers); libraries (dbus-java) at WARN.
   * Safe to call again (a SIGHUP reload).
   */
  public static LogTarget configureForDaemon(Map<String, String> env, PrintStream stderr) {
    return configureForDaemon(env, stderr, JournalAppender.SOCKET);
  }

  static LogTarget configureForDaemon(
      Map<String, String> env, PrintStream stderr, String journalSocket) {
    SwitchableLoggerFactory loggers = loggers();
    LogTarget target;
    Appender<ILoggingEvent> appender;
    if (JournalStream.isStderr(env)) {
      JournalSocket socket = null;
      try {
        if (!Files.exists(Path.of(journalSocket)))
          throw new IOException(journalSocket + " does not exist");
        socket = JournalSocket.to(journalSocket);
      } catch (IOException e) {
        stderr.print(
            "<"
                + SyslogPriority.WARNING
                + ">cannot use journald's native socket ("
                + e.getMessage()
                + "); logging to stderr\n");
      }
      if (socket != null) {
        appender = new JournalAppender(socket, IDENTIFIER, stderr);
        target = LogTarget.JOURNAL_NATIVE;
      } else {
        appender = new StderrLineAppender(stderr, StderrLineAppender.Style.SYSLOG_PREFIX);
        target = LogTarget.JOURNAL_STREAM;
      }
    } else {
      appender = new StderrLineAppender(stderr, StderrLineAppender.Style.PLAIN);
      target = LogTarget.STDERR;
    }
    boolean debug = "1".equals(env.get("MODSVC_DEBUG"));
    install(appender, debug ? Level.DEBUG : Level.INFO);
    loggers.attach(context);
    return target;
  }

  /** Our provider's logger factory; anything else means the jar was assembled wrong. */
  private static SwitchableLoggerFactory loggers() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof SwitchableLoggerFactory loggers)) {
      throw new IllegalStateException(
          "slf4j is bound to "
              + factory.getClass().getName()
              + ", not to "
              + AgentLoggerProvider.class.getName()
              + " (two slf4j providers on the class path?)");
    }
    return loggers;
  }

  /**
   * Back to the CLI's state: every logger does nothing, the appender is stopped (its socket
   * closed).
   */
  static synchronized void detach() {
    loggers().detach();
    context.reset();
  }

  private static synchronized void install(Appender<ILoggingEvent> appender, Level ours) {
    // reset() stops the previous appenders (a JournalAppender closes its socket) and drops levels
    // set before
    context.reset();
    appender.setContext(context);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    context.getLogger("org.modsvc").setLevel(ours);
  }
}
