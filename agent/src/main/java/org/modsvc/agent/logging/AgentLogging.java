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

/**
 * The front door of the daemon's logging (docs/decisions.md §10). The CLI never calls it: it keeps printing its
 * reports itself, and logback stays silent ({@link QuietConfigurator}).
 */
public final class AgentLogging {
  /** {@code SYSLOG_IDENTIFIER} of every entry: {@code journalctl -t modsvc-agent} finds them. */
  public static final String IDENTIFIER = "modsvc-agent";

  private AgentLogging() {}

  /** {@link #configureForDaemon(Map, PrintStream)} with the process's environment and stderr. */
  public static LogTarget configureForDaemon() {
    return configureForDaemon(System.getenv(), System.err);
  }

  /**
   * Replaces whatever logback had with the daemon's setup and returns where records now go: journald's native socket
   * when stderr is journald's stream ({@code JOURNAL_STREAM}), {@code <N>}-prefixed stderr lines when that socket
   * cannot be opened, plain stderr lines otherwise. Level INFO ({@code MODSVC_DEBUG=1}: DEBUG for our own loggers);
   * libraries (dbus-java) at WARN. Safe to call again (a SIGHUP reload).
   */
  public static LogTarget configureForDaemon(Map<String, String> env, PrintStream stderr) {
    return configureForDaemon(env, stderr, JournalAppender.SOCKET);
  }

  static LogTarget configureForDaemon(Map<String, String> env, PrintStream stderr, String journalSocket) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      throw new IllegalStateException("slf4j is bound to " + factory.getClass().getName() + ", not logback");
    }
    LogTarget target;
    Appender<ILoggingEvent> appender;
    if (JournalStream.isStderr(env)) {
      UnixDatagramSocket socket = null;
      try {
        if (!Files.exists(Path.of(journalSocket))) throw new IOException(journalSocket + " does not exist");
        socket = UnixDatagramSocket.to(journalSocket);
      } catch (IOException e) {
        stderr.print("<" + SyslogPriority.WARNING + ">cannot use journald's native socket (" + e.getMessage()
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
    install(context, appender, debug ? Level.DEBUG : Level.INFO);
    return target;
  }

  private static void install(LoggerContext context, Appender<ILoggingEvent> appender, Level ours) {
    // reset() stops the previous appenders (a JournalAppender closes its socket) and drops levels set before
    context.reset();
    appender.setContext(context);
    appender.start();
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(appender);
    context.getLogger("org.modsvc").setLevel(ours);
  }
}
