package org.modsvc.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import org.slf4j.MDC;

/**
 * A private logback context per test, sharing slf4j's MDC so that {@code MDC.put} reaches its
 * events.
 */
final class TestContexts {
  private TestContexts() {}

  static Logger loggerWith(Appender<ILoggingEvent> appender) {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(MDC.getMDCAdapter());
    appender.setContext(context);
    appender.start();
    Logger logger = context.getLogger("org.modsvc.test");
    logger.setLevel(Level.DEBUG);
    logger.addAppender(appender);
    return logger;
  }
}
