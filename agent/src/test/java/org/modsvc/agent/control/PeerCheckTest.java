package org.modsvc.agent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;

/**
 * The decision and the words, for peers as the kernel reports them (uid and gid, named when the
 * system knows them).
 */
class PeerCheckTest {
  /** A peer by name, or by decimal uid for one without a name (as the JDK names such a peer). */
  private static UnixDomainPrincipal peer(String uid) throws IOException {
    UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
    return new UnixDomainPrincipal(
        users.lookupPrincipalByName(uid), users.lookupPrincipalByGroupName(uid));
  }

  @Test
  void theSystemAgentAnswersRootOnly() throws IOException {
    PeerCheck system = PeerCheck.onlyUid(0);
    assertEquals(Optional.empty(), system.refusal(peer("root")));
    assertEquals(
        Optional.of("uid 54321 may not control the system agent (root only)"),
        system.refusal(peer("54321")));
  }

  @Test
  void aUserAgentAnswersItsOwnerOnly() throws IOException {
    PeerCheck user = PeerCheck.onlyUid(54321);
    assertEquals(Optional.empty(), user.refusal(peer("54321")));
    assertEquals(
        Optional.of("uid 54322 may not control the agent of uid 54321 (its owner only)"),
        user.refusal(peer("54322")));
    assertEquals(
        Optional.of("user root may not control the agent of uid 54321 (its owner only)"),
        user.refusal(peer("root")),
        "root gets no pass into a user's agent: the owner alone");
  }

  @Test
  void aNamedPeerIsCalledByItsName() throws IOException {
    // uid 0 is named root on every system the agent runs on
    assertEquals(
        Optional.of("user root may not control the agent of uid 1000 (its owner only)"),
        PeerCheck.onlyUid(1000).refusal(peer("root")));
  }

  @Test
  void notAUidIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PeerCheck.onlyUid(-1));
    assertThrows(IllegalArgumentException.class, () -> PeerCheck.onlyUid(1L << 32));
  }
}
