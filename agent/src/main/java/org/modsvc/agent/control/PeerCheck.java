package org.modsvc.agent.control;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;

/**
 * Who may use a control socket: one uid (root for the system instance, the owner for a user
 * instance), judged from the peer's kernel credentials ({@code SO_PEERCRED}), which the peer cannot
 * forge.
 *
 * <p>The JDK gives the peer as a user principal (named from the password database, or by its
 * decimal uid when it has no entry) and compares principals by uid. The allowed principal is looked
 * up by the decimal uid, which yields that uid unless a user is literally named by digits; useradd
 * and systemd refuse such names.
 */
final class PeerCheck {
  private final long allowedUid;
  private final UserPrincipal allowed;

  private PeerCheck(long allowedUid, UserPrincipal allowed) {
    this.allowedUid = allowedUid;
    this.allowed = allowed;
  }

  static PeerCheck onlyUid(long uid) throws IOException {
    // the JDK names users by an int: uids above 2^31-1 (rare, but valid in Linux) cannot be looked
    // up
    if (uid < 0 || uid > Integer.MAX_VALUE)
      throw new IllegalArgumentException("not a uid the agent can check: " + uid);
    return new PeerCheck(
        uid,
        FileSystems.getDefault()
            .getUserPrincipalLookupService()
            .lookupPrincipalByName(Long.toString(uid)));
  }

  /** Empty when {@code peer} may control the agent, else the one-line refusal it is told. */
  Optional<String> refusal(UnixDomainPrincipal peer) {
    if (peer.user().equals(allowed)) return Optional.empty();
    return Optional.of(
        name(peer.user())
            + " may not control "
            + (allowedUid == 0
                ? "the system agent (root only)"
                : "the agent of uid " + allowedUid + " (its owner only)"));
  }

  /** "uid 1234" for a user without a name, "user alice" otherwise. */
  private static String name(UserPrincipal user) {
    String n = user.getName();
    return !n.isEmpty() && n.chars().allMatch(c -> c >= '0' && c <= '9') ? "uid " + n : "user " + n;
  }
}
