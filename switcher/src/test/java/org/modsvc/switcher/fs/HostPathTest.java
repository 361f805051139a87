package org.modsvc.switcher.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostPathTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/etc/../passwd",
        "/etc/./x",
        "etc/x",
        "",
        "/etc//x",
        "/etc/x/",
        "/etc/a\0b",
        "/etc/a\nb",
        "/.."
      })
  void hostilePath_isRejected(String hostile) {
    assertThrows(IllegalArgumentException.class, () -> HostPath.of(hostile));
  }

  @Test
  void resolve_rejectsParentComponent() {
    IllegalArgumentException expected =
        assertThrows(
            IllegalArgumentException.class,
            () -> HostPath.of("/etc/system-services").resolve("app/../../../shadow"));
    assertTrue(expected.getMessage().contains("'..'"), expected.getMessage());
  }

  @Test
  void nulInPath_isShownEscapedInMessage() {
    IllegalArgumentException expected =
        assertThrows(IllegalArgumentException.class, () -> HostPath.of("/a\0b"));
    assertTrue(expected.getMessage().contains("/a\\0b"), expected.getMessage());
  }

  @Test
  void under_placesPathBelowRoot() {
    assertEquals(
        Path.of("/tmp/r/etc/systemd/system/a.service"),
        HostPath.of("/etc/systemd/system/a.service").under(Path.of("/tmp/r")));
  }

  @Test
  void isBelow_doesNotMatchSiblingWithSamePrefix() {
    assertFalse(HostPath.of("/etc/systemd/systemx").isBelow(HostPath.of("/etc/systemd/system")));
    assertTrue(HostPath.of("/etc/systemd/system/a").isBelow(HostPath.of("/etc/systemd/system")));
  }

  @Test
  void ancestorsBelow_listsDirectoriesBetweenBaseAndFile() {
    assertEquals(
        List.of(HostPath.of("/b/x"), HostPath.of("/b/x/y")),
        HostPath.of("/b/x/y/f").ancestorsBelow(HostPath.of("/b")));
  }
}
