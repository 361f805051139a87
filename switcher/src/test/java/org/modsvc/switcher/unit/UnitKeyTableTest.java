package org.modsvc.switcher.unit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The systemd 252 key table beside {@link UnitKeyTable} (moved from UnitValidatorTest). */
class UnitKeyTableTest {
  @Test
  void theTableKnowsTheSectionsAndSomeKeysOfEach() {
    UnitKeyTable t = UnitKeyTable.SYSTEMD_252;
    for (String k :
        List.of(
            "Unit.Description",
            "Service.ExecStart",
            "Socket.ListenStream",
            "Timer.OnCalendar",
            "Install.WantedBy",
            "Service.MemoryMax",
            "Service.KillSignal",
            "Socket.Accept")) {
      String[] p = k.split("\\.");
      assertTrue(t.kind(p[0], p[1]).isPresent(), k);
    }
    assertTrue(
        t.kind("Install", "UpheldBy").isEmpty(), "[Install] UpheldBy= came with systemd 254");
  }
}
