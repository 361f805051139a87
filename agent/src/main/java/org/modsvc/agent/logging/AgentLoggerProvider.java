package org.modsvc.agent.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMDCAdapter;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The jar's one slf4j provider (logback's own is left out of the jar: docs/decisions.md §10). Its
 * loggers do nothing until {@link AgentLogging#configureForDaemon()} attaches a logback context, so
 * the CLI pays neither logback's auto-configuration (annotation proxies, status printing, time-zone
 * rules: measured ~100 ms the first time dbus-java asks for a logger) nor a single class of it;
 * loggers handed out before that (dbus-java keeps its loggers in static fields) follow the context
 * from then on.
 */
public final class AgentLoggerProvider implements SLF4JServiceProvider {
  private final SwitchableLoggerFactory loggers = new SwitchableLoggerFactory();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  // slf4j's own adapter: the CLI loads no logback class; the context attached later reads the MDC
  // through it
  private final MDCAdapter mdc = new BasicMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggers;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}
}
