package org.modsvc.switcher.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.modsvc.switcher.plan.UnitComparison.Verdict;
import org.modsvc.switcher.unit.UnitFile;

class UnitComparisonTest {
  private static Verdict compare(String old, String next) {
    return UnitComparison.compare(UnitFile.parse("old", old), UnitFile.parse("new", next))
        .verdict();
  }

  @Test
  void equal_whenOnlyInstallSectionDiffers() {
    assertEquals(
        Verdict.EQUAL,
        compare(
            "[Service]\nA=1\n[Install]\nWantedBy=a.target\n",
            "[Service]\nA=1\n[Install]\nWantedBy=b.target\n"));
  }

  @Test
  void equal_whenUnitSectionWithOnlyIgnorableKeysRemoved() {
    assertEquals(
        Verdict.EQUAL,
        compare(
            "[Unit]\nDescription=x\nX-Reload-Triggers=a\n[Service]\nA=1\n", "[Service]\nA=1\n"));
  }

  @Test
  void restart_whenUnitSectionWithOrderingRemoved() {
    assertEquals(
        Verdict.NEEDS_RESTART,
        compare("[Unit]\nAfter=a.target\n[Service]\nA=1\n", "[Service]\nA=1\n"));
  }

  @Test
  void reload_whenNewUnitSectionHoldsOnlyReloadTriggers() {
    assertEquals(
        Verdict.NEEDS_RELOAD,
        compare("[Service]\nA=1\n", "[Unit]\nX-Reload-Triggers=a\n[Service]\nA=1\n"));
  }

  @Test
  void restart_whenNewUnitSectionHoldsAnOrdinaryKey() {
    assertEquals(
        Verdict.NEEDS_RESTART, compare("[Service]\nA=1\n", "[Unit]\nAfter=x\n[Service]\nA=1\n"));
  }

  @Test
  void restart_whenEmptyNonUnitSectionAdded() {
    assertEquals(Verdict.NEEDS_RESTART, compare("[Service]\nA=1\n", "[Service]\nA=1\n[Socket]\n"));
  }

  @Test
  void restart_whenRestartTriggersChanged() {
    assertEquals(
        Verdict.NEEDS_RESTART,
        compare("[Unit]\nX-Restart-Triggers=a\n", "[Unit]\nX-Restart-Triggers=b\n"));
  }

  @Test
  void restart_whenValueOrderChanged() {
    assertEquals(Verdict.NEEDS_RESTART, compare("[Service]\nA=1\nA=2\n", "[Service]\nA=2\nA=1\n"));
  }

  @Test
  void reload_whenOnlyMountOptionsChanged() {
    assertEquals(
        Verdict.NEEDS_RELOAD,
        compare("[Mount]\nWhat=/dev/a\nOptions=ro\n", "[Mount]\nWhat=/dev/a\nOptions=rw\n"));
  }

  @Test
  void restart_whenMountOptionsAdded() {
    assertEquals(
        Verdict.NEEDS_RESTART,
        compare("[Mount]\nWhat=/dev/a\n", "[Mount]\nWhat=/dev/a\nOptions=rw\n"));
  }

  @Test
  void equal_whenIgnorableUnitKeysChanged() {
    assertEquals(
        Verdict.EQUAL,
        compare(
            "[Unit]\nDocumentation=a\nOnFailure=a\nRefuseManualStop=no\nCollectMode=inactive\n",
            "[Unit]\nDocumentation=b\nOnFailure=b\nRefuseManualStop=yes\nCollectMode=inactive-or-failed\n"));
  }

  @Test
  void summary_listsOnlyTheDecidingDifferences() {
    UnitComparison comparison =
        UnitComparison.compare(
            UnitFile.parse("old", "[Unit]\nDescription=a\n[Service]\nExecStart=/a\n"),
            UnitFile.parse("new", "[Unit]\nDescription=b\n[Service]\nExecStart=/b\nUser=x\n"));
    assertEquals("argv changed: [Service] ExecStart; added: [Service] User", comparison.summary());
  }
}
