/**
 * Talking to a real systemd manager (system or user) over D-Bus with dbus-java's native unix-socket
 * transport. {@link org.modsvc.switcher.systemd.SystemdClient} is a typed client of {@code
 * org.freedesktop.systemd1.Manager}: daemon-reload, start/stop/restart/reload/try-restart jobs in
 * mode {@code replace}, {@code ListUnits} and unit properties. Its invariant is that the {@code
 * JobRemoved} handler is registered and {@code Subscribe} called before any job is submitted, and a
 * signal that overtakes the method reply is kept, so no job result is lost (the race stc-ng also
 * guards against). {@link org.modsvc.switcher.systemd.PhaseExecutor} mirrors stc-ng's phase order
 * (stop, write files, one daemon-reload when the plan or the file phase calls for it, reload,
 * restart, start; docs/upstream.md §4.1) for a {@link org.modsvc.switcher.plan.PhasePlan}, and
 * collects per-unit results with the failed units' journal tails. Deciding which unit goes into
 * which {@link org.modsvc.switcher.plan.Phase}, and whether systemd must re-read its units, is the
 * planner's job, not this package's. Unit names arrive as validated {@link
 * org.modsvc.switcher.unit.UnitName}s; outcomes and reports carry them as text, for printing.
 */
package org.modsvc.switcher.systemd;
