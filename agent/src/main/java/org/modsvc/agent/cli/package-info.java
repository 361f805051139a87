/**
 * The {@code modsvc-agent} command line (picocli).
 *
 * <p>{@code eval} mirrors {@code nix-instantiate --eval} closely enough that NixOS/nix's own
 * language tests and nixpkgs' module tests can run against it unchanged: the same value printing
 * ({@code --strict}, {@code --json}, {@code --xml}, {@code --raw}), the same auto-calling of a
 * top-level function with {@code --arg}/{@code --argstr} (Nix's {@code autoCallFunction}), the same
 * {@code -A} selection rules and messages ({@code findAlongAttrPath}), {@code error:} reports on
 * stderr and exit status 1 on any failure.
 *
 * <p>Invariants: evaluation runs on one dedicated thread with a very large stack, so that deep but
 * finite recursion works and stack exhaustion becomes a Nix error rather than a crash; the process
 * never prints a Java stack trace unless {@code MODSVC_DEBUG=1}; stdout and stderr are always
 * UTF-8, whatever the locale.
 */
package org.modsvc.agent.cli;
