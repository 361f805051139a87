/**
 * The daemon's Prometheus metrics (docs/decisions.md §10): {@link
 * org.modsvc.agent.metrics.AgentMetrics} holds them in its own registry (nothing global, so two
 * instances in one JVM, as in tests, never share counts) and renders the text exposition format;
 * {@link org.modsvc.agent.metrics.MetricsServer} serves it over HTTP for the opt-in {@code
 * --metrics-listen}.
 *
 * <p>Invariants: names follow Prometheus' conventions ({@code modsvc_} prefix, {@code _total}
 * counters, base units in the name: {@code _seconds}); every label value of {@code
 * modsvc_switches_total} exists from the start, at 0, so that rate() and absent() behave before the
 * first failure; the server binds only the address it is given.
 */
package org.modsvc.agent.metrics;
