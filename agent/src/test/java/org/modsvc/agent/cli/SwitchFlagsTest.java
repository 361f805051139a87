package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.modsvc.switcher.activation.DriftPolicy;

/** The words {@code switch --drift} takes, and the message for any other. */
class SwitchFlagsTest {
  @Test
  void driftPolicies() {
    assertEquals(DriftPolicy.REPAIR_MISSING, SwitchCommand.driftPolicy("repair-missing"));
    assertEquals(DriftPolicy.REPAIR_ALL, SwitchCommand.driftPolicy("repair-all"));
    assertEquals(DriftPolicy.REPORT, SwitchCommand.driftPolicy("report"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SwitchCommand.driftPolicy("REPAIR_ALL"));
    assertEquals(
        "--drift takes repair-missing, repair-all or report, got 'REPAIR_ALL'", e.getMessage());
  }
}
