/**
 * AF_UNIX datagrams from the JVM: the one place that sends a datagram to a UNIX socket address
 * (systemd's notification socket for {@code daemon}, journald's native socket for {@code logging}).
 * JDK 17 has no AF_UNIX datagram channel, so libc is called through JNA ({@code LibC}, loaded on
 * first use: the CLI never pays for it).
 *
 * <p>{@link org.modsvc.agent.unix.UnixAddress} checks and encodes a {@code sockaddr_un} (a path or
 * an {@code @abstract} name); {@link org.modsvc.agent.unix.UnixDatagramSocket} sends a datagram, or
 * an empty one carrying a file descriptor ({@code SCM_RIGHTS}); {@link
 * org.modsvc.agent.unix.SealedMemfd} is a sealed memory file to pass that way; {@code
 * MessageLayout} packs the {@code msghdr}/{@code iovec}/{@code cmsghdr} bytes for {@code sendmsg}.
 *
 * <p>Invariants: depends on no other agent package (both {@code daemon} and {@code logging} use
 * it); every failed call surfaces as a {@link org.modsvc.agent.unix.UnixCallException} with its
 * errno; descriptors are opened with {@code CLOEXEC}, so a child never inherits them.
 */
package org.modsvc.agent.unix;
