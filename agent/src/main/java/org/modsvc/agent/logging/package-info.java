/**
 * The agent's logs: slf4j with logback, configured in code (docs/decisions.md §10).
 *
 * <p>The CLI prints its reports itself and logs nothing; {@link
 * org.modsvc.agent.logging.QuietConfigurator} gives logback a silent context the first time a
 * library (dbus-java) asks for a logger, without parsing any XML. The daemon calls {@link
 * org.modsvc.agent.logging.AgentLogging#configureForDaemon()} once at start: under systemd its
 * records go to journald's native socket as structured entries ({@link
 * org.modsvc.agent.logging.JournalAppender}), falling back to stderr lines with {@code <N>}
 * priority prefixes, which journald's stream reader parses; outside systemd they are plain stderr
 * lines with time and level.
 *
 * <p>Invariants: a record is never lost because the journal socket failed (it goes to stderr
 * instead); the only journal fields we add are {@code PRIORITY}, {@code MESSAGE}, {@code
 * SYSLOG_IDENTIFIER} and MDC keys that are valid journal field names ({@link
 * org.modsvc.agent.logging.LogFields}); nothing here writes to stdout.
 */
package org.modsvc.agent.logging;
