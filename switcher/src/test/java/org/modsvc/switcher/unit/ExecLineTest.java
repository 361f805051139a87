package org.modsvc.switcher.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The program of an {@code ExecStart=} value, as systemd 252 finds it (moved from
 * UnitValidatorTest).
 */
class ExecLineTest {
  @Test
  void programsWithPrefixesQuotesOrSpecifiersAreReadAsSystemdReadsThem() {
    assertEquals("/bin/x", ExecLine.program("-\"/bin/x\" a").orElseThrow());
    assertEquals("/bin/x y", ExecLine.program("\"/bin/x y\" a").orElseThrow());
    assertEquals("/bin/x", ExecLine.program("\"+/bin/x\"").orElseThrow());
    assertTrue(ExecLine.program("%h/bin/x").isEmpty());
    assertTrue(ExecLine.program("${PROG}").isEmpty());
    assertEquals("/bin/100%", ExecLine.program("/bin/100%%").orElseThrow());
  }
}
