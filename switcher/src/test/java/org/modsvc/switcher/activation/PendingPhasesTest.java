package org.modsvc.switcher.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.generation.PendingSwitch;
import org.modsvc.switcher.plan.ExtraWork;
import org.modsvc.switcher.unit.UnitName;

class PendingPhasesTest {

    @Test
    void supersededWork_keepsOnlyUnitsTheNewConfigurationHas() {
        Map<String, List<String>> phases = new LinkedHashMap<>();
        phases.put(PendingPhases.STOP, List.of("a.service"));
        phases.put(PendingSwitch.FILES, List.of());
        phases.put(PendingPhases.RELOAD, List.of("r.service", "dropped-r.service"));
        phases.put(PendingPhases.RESTART, List.of());
        phases.put(PendingPhases.START, List.of("a.service", "dropped.service"));
        PendingSwitch p = new PendingSwitch(2, 1, phases, Set.of(PendingPhases.STOP), Instant.EPOCH);
        ExtraWork w = PendingPhases.supersededWork(p, Set.of(UnitName.of("a.service"), UnitName.of("r.service")));
        assertEquals(Set.of(UnitName.of("a.service")), w.resumedStarts());
        assertEquals(Set.of(UnitName.of("r.service")), w.resumedReloads());
        assertEquals(Set.of(UnitName.of("a.service"), UnitName.of("dropped.service")),
                PendingPhases.resumedWork(p).resumedStarts(), "finishing it keeps them all");
    }
}
