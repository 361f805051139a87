/**
 * The running agent's control socket: {@link org.modsvc.agent.control.ControlServer} (the daemon's
 * side), {@link org.modsvc.agent.control.ControlClient} ({@code modsvc-agent status}'s side), the
 * line protocol between them ({@link org.modsvc.agent.control.ControlProtocol}), what travels over
 * it ({@link org.modsvc.agent.control.AgentStatus}), and what {@code status} shows when no agent
 * answers ({@link org.modsvc.agent.control.StateDirectoryStatus}).
 *
 * <p>Invariants: only the allowed uid (root for the system instance, the owner for a user
 * instance), as the kernel reports the peer ({@code SO_PEERCRED}), gets an answer; everyone else
 * gets one {@code refused:} line and its request is never read. No client can hold a server thread
 * longer than the request and reply timeouts (a {@code switch} request lasts as long as the
 * switch), send more than one bounded request line, or block the daemon's loop: connections are
 * answered on the server's own threads. The socket is bound only in a directory the agent owns and
 * no one else may write, replacing nothing but a socket nobody answers on; closing removes the
 * socket only while it is still the one bound. The package depends on the switcher and the
 * evaluator's JSON reader, never on the command line.
 */
package org.modsvc.agent.control;
