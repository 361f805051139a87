/**
 * {@code modsvc-agent daemon}: a long-running agent that keeps the host converged to its module
 * files under systemd's supervision (docs/decisions.md §13).
 *
 * <p>One loop ({@link org.modsvc.agent.daemon.Daemon}) owns every switch; the file watch ({@code
 * InputWatch}), the watchdog, the signal handlers and control requests only post events to it, so
 * two switches of one daemon never overlap, and a {@code modsvc-agent switch} run meanwhile is kept
 * apart by the switch lock that every switch takes ({@code Activation}).
 *
 * <p>Invariants: a switch is always {@code Activation.switchTo}, the door the CLI uses (no second
 * path to systemd); an evaluation or assertion error changes nothing and leaves the current
 * generation running; no evaluation happens unless an input changed (its fingerprint differs from
 * the one taken before the last evaluation), a reload or a switch was asked for, or the last switch
 * stopped on an error and is retried with backoff; {@code READY=1} is sent only after the first
 * convergence attempt.
 */
package org.modsvc.agent.daemon;
