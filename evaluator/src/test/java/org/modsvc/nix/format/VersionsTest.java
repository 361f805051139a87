package org.modsvc.nix.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases from eval-okay-versions.nix and eval-okay-splitversion.nix, plus edge cases checked with
 * nix-instantiate.
 */
class VersionsTest {

  private static void assertOrder(String older, String newer) {
    assertEquals(-1, Versions.compareVersions(older, newer), older + " < " + newer);
    assertEquals(1, Versions.compareVersions(newer, older), newer + " > " + older);
  }

  @Test
  void compareVersions_ordersCorpusPairs() {
    assertOrder("1.0", "2.3");
    assertOrder("2.1", "2.3");
    assertOrder("2.3", "2.5");
    assertOrder("2.3", "3.1");
    assertOrder("2.3", "2.3.1");
    assertOrder("2.3a", "2.3.1");
    assertOrder("2.3pre1", "2.3");
    assertOrder("2.3pre3", "2.3pre12");
    assertOrder("2.3a", "2.3c");
    assertOrder("2.3pre1", "2.3c");
    assertOrder("2.3pre1", "2.3q");
  }

  @Test
  void compareVersions_isZero_forEqualVersions() {
    assertEquals(0, Versions.compareVersions("2.3", "2.3"));
    assertEquals(0, Versions.compareVersions("1.0", "1-0"));
    assertEquals(0, Versions.compareVersions("", ""));
  }

  @Test
  void compareVersions_treatsMissingComponentAsOlderThanNumber() {
    assertOrder("1", "1.0");
  }

  @Test
  void compareVersions_comparesHugeNumbersAsStrings() {
    // Components beyond int range are not numbers for Nix, so "99999999999" < "9" as strings.
    assertOrder("99999999999", "9");
  }

  @Test
  void splitVersion_splitsCorpusExample() {
    assertEquals(List.of("1", "2", "3"), Versions.splitVersion("1.2.3"));
  }

  @Test
  void splitVersion_separatesDigitAndLetterRuns() {
    assertEquals(List.of("2", "3", "pre", "1", "x"), Versions.splitVersion("2.3pre1--x."));
    assertEquals(List.of(), Versions.splitVersion(""));
  }

  @Test
  void parseDrvName_splitsAtFirstDashBeforeNonLetter() {
    assertEquals(new Versions.DrvName("hello", "1.0.2"), Versions.parseDrvName("hello-1.0.2"));
    assertEquals(
        new Versions.DrvName("915resolution", "0.5.2"),
        Versions.parseDrvName("915resolution-0.5.2"));
    assertEquals(
        new Versions.DrvName("xf86-video-i810", "1.7.4"),
        Versions.parseDrvName("xf86-video-i810-1.7.4"));
  }

  @Test
  void parseDrvName_givesEmptyVersion_whenNoVersion() {
    assertEquals(new Versions.DrvName("hello", ""), Versions.parseDrvName("hello"));
    assertEquals(new Versions.DrvName("hello-", ""), Versions.parseDrvName("hello-"));
  }

  @Test
  void parseDrvName_keepsDashOfVersion_afterDoubleDash() {
    assertEquals(
        new Versions.DrvName("name-that-ends-with-dash", "-1.0"),
        Versions.parseDrvName("name-that-ends-with-dash--1.0"));
  }
}
