package org.modsvc.switcher.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.unit.InvalidUnitNameException;
import org.modsvc.switcher.unit.UnitName;

class PhasePlanTest {
  private static List<UnitName> names(String... names) {
    return java.util.Arrays.stream(names).map(UnitName::of).toList();
  }

  @Test
  void units_returnsEachPhasesList() {
    PhasePlan plan =
        new PhasePlan(
            names("a.service"),
            names("b.service"),
            names("c.service"),
            names("d.service"),
            List.of(),
            false);
    assertEquals(names("c.service"), plan.units(Phase.RESTART));
    assertEquals(List.of(), plan.units(Phase.FILES));
    assertEquals(
        List.of(Phase.STOP, Phase.FILES, Phase.RELOAD, Phase.RESTART, Phase.START),
        List.copyOf(plan.journaled().keySet()),
        "journaled in execution order");
  }

  @Test
  void constructor_rejectsDuplicateUnit_withinOnePhase() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                new PhasePlan(
                    names("a.service", "a.service"),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    true));
    assertTrue(e.getMessage().contains("stop"), e.getMessage());
  }

  /**
   * Names are validated where they enter (here: {@link UnitName#of}), so a plan cannot hold one
   * without a type.
   */
  @Test
  void constructor_rejectsNameWithoutUnitType() {
    InvalidUnitNameException e =
        assertThrows(
            InvalidUnitNameException.class,
            () -> new PhasePlan(List.of(), List.of(), List.of(), names("nginx"), List.of(), true));
    assertTrue(e.getMessage().contains("nginx"), e.getMessage());
  }
}
