package org.modsvc.agent.logging;

import ch.qos.logback.classic.LoggerContext;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.helpers.SubstituteLogger;

/**
 * Hands out slf4j loggers that do nothing until a logback context is attached, and then pass
 * everything to that context's logger of the same name, including loggers handed out before the
 * attach.
 */
final class SwitchableLoggerFactory implements ILoggerFactory {
  private final Map<String, SubstituteLogger> loggers = new HashMap<>();
  private LoggerContext context;

  @Override
  public synchronized Logger getLogger(String name) {
    return loggers.computeIfAbsent(
        name,
        n -> {
          // createdPostInitialization: without a delegate it is slf4j's NOP logger, not an event
          // recorder
          SubstituteLogger logger = new SubstituteLogger(n, null, true);
          if (context != null) logger.setDelegate(context.getLogger(n));
          return logger;
        });
  }

  /** From now on every logger, old and new, logs through {@code context}. */
  synchronized void attach(LoggerContext context) {
    this.context = context;
    loggers.forEach((name, logger) -> logger.setDelegate(context.getLogger(name)));
  }

  /** Back to doing nothing (as the CLI runs). */
  synchronized void detach() {
    context = null;
    loggers.values().forEach(logger -> logger.setDelegate(null));
  }
}
