package org.modsvc.switcher.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhasePlanTest {
  @Test
  void units_returnsEachPhasesList() {
    PhasePlan plan = new PhasePlan(List.of("a.service"), List.of("b.service"), List.of("c.service"),
        List.of("d.service"));
    assertEquals(List.of("c.service"), plan.units(Phase.RESTART));
    assertEquals(JobKind.RELOAD, Phase.RELOAD.kind());
  }

  @Test
  void constructor_rejectsDuplicateUnit_withinOnePhase() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PhasePlan(List.of("a.service", "a.service"), List.of(), List.of(), List.of()));
    assertTrue(e.getMessage().contains("stop"), e.getMessage());
  }

  @Test
  void constructor_rejectsNameWithoutUnitType() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new PhasePlan(List.of(), List.of(), List.of(), List.of("nginx")));
    assertTrue(e.getMessage().contains("'nginx'"), e.getMessage());
  }
}
