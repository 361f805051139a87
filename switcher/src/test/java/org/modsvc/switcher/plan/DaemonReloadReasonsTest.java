package org.modsvc.switcher.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.plan.DaemonReloadReasons.Change;
import org.modsvc.switcher.plan.DaemonReloadReasons.FileChange;

class DaemonReloadReasonsTest {
  @Test
  void aliasLinkAndCommentOnlyRewrite_areListed_whenNoCatalogChangeExplainsThem() {
    assertEquals(
        List.of(
            "alias link added: www.service",
            "unit file rewritten, same settings (comments or layout): web.service",
            "link removed: sockets.target.wants/old.socket",
            "unit directory file restored: api.service"),
        DaemonReloadReasons.of(
            List.of(),
            List.of(
                new FileChange("www.service", Change.ADDED, true),
                new FileChange("web.service", Change.CHANGED, false),
                new FileChange("sockets.target.wants/old.socket", Change.REMOVED, true),
                new FileChange("api.service", Change.RESTORED, false))));
  }

  @Test
  void filesTheCatalogChangesExplain_areNotListedTwice() {
    List<String> catalog =
        List.of("changed: web.service", "drop-ins changed: api.service", "wants links changed");
    assertEquals(
        catalog,
        DaemonReloadReasons.of(
            catalog,
            List.of(
                new FileChange("web.service", Change.CHANGED, false),
                new FileChange("api.service.d/override.conf", Change.ADDED, false),
                new FileChange("multi-user.target.wants/web.service", Change.ADDED, true))));
  }

  @Test
  void aReasonNamingAnotherUnit_doesNotCoverThisOne() {
    assertEquals(
        List.of(
            "changed: web.service",
            "unit file rewritten, same settings (comments or layout): b-web.service",
            "unit directory file added: api.service.d/x.conf"),
        DaemonReloadReasons.of(
            List.of("changed: web.service"),
            List.of(
                new FileChange("b-web.service", Change.CHANGED, false),
                new FileChange("web.service.d/x.conf", Change.ADDED, false),
                new FileChange("api.service.d/x.conf", Change.ADDED, false))));
  }

  @Test
  void noFileAndNoCatalogChange_noReason() {
    assertEquals(List.of(), DaemonReloadReasons.of(List.of(), List.of()));
  }
}
