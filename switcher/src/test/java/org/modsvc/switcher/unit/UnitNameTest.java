package org.modsvc.switcher.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitNameTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "foo.service",
        "foo@.service",
        "foo@bar.service",
        "a@b@c.service",
        "dev-disk-by\\x2dlabel-root.device",
        "-.mount",
        "a:b_c-d.e.target",
        "x.socket",
        "t.timer",
        "p.path",
        "s.slice",
        "s.scope",
        "sw.swap",
        "am.automount",
        "foo@bar.baz.service"
      })
  void isValid_whenSystemdAcceptsTheName(String name) {
    assertTrue(UnitName.isValid(name), name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "../x",
        "../x.service",
        "a/b.service",
        "/etc/passwd",
        "foo",
        ".service",
        "foo.unit",
        "foo.Service",
        "foo.",
        "@foo.service",
        "@.service",
        "foo bar.service",
        "foo\n.service",
        "föö.service",
        "foo$.service",
        "foo*.service",
        "foo.service/",
        "foo.service\u0000"
      })
  void isInvalid_whenSystemdRejectsTheName(String name) {
    assertFalse(UnitName.isValid(name), name);
  }

  @Test
  void isInvalid_whenNameHas256Characters() {
    String name = "a".repeat(256 - ".service".length()) + ".service";
    assertEquals(256, name.length());
    assertFalse(UnitName.isValid(name));
  }

  @Test
  void isValid_whenNameHas255Characters() {
    assertTrue(UnitName.isValid("a".repeat(255 - ".service".length()) + ".service"));
  }

  @Test
  void of_throwsWithTheBrokenRule_whenNameEscapesTheDirectory() {
    InvalidUnitNameException expected =
        assertThrows(InvalidUnitNameException.class, () -> UnitName.of("../x"));
    assertEquals("invalid unit name '../x': unknown unit type './x'", expected.getMessage());
  }

  @Test
  void of_namesTheBadCharacter_whenNameContainsSlash() {
    InvalidUnitNameException expected =
        assertThrows(InvalidUnitNameException.class, () -> UnitName.of("a/b.service"));
    assertTrue(
        expected.getMessage().contains("character '/' at position 2"), expected.getMessage());
  }

  @Test
  void of_escapesControlCharacters_whenReportingThem() {
    InvalidUnitNameException expected =
        assertThrows(InvalidUnitNameException.class, () -> UnitName.of("a\u001b.service"));
    assertFalse(expected.getMessage().contains("\u001b"));
    assertTrue(expected.getMessage().contains("\\x1b"), expected.getMessage());
  }

  @Test
  void of_rejectsEmptyName() {
    InvalidUnitNameException expected =
        assertThrows(InvalidUnitNameException.class, () -> UnitName.of(""));
    assertEquals("invalid unit name '': empty", expected.getMessage());
  }

  @Test
  void of_rejectsLeadingAt() {
    assertThrows(InvalidUnitNameException.class, () -> UnitName.of("@x.service"));
  }

  @Test
  void type_followsTheSuffix() {
    assertEquals(UnitType.SERVICE, UnitName.of("a.service").type());
    assertEquals(UnitType.SOCKET, UnitName.of("a.socket").type());
    assertEquals(UnitType.TARGET, UnitName.of("multi-user.target").type());
    assertEquals(UnitType.TIMER, UnitName.of("a.timer").type());
    assertEquals(UnitType.PATH, UnitName.of("a.path").type());
    assertEquals(UnitType.MOUNT, UnitName.of("-.mount").type());
    assertEquals(UnitType.SLICE, UnitName.of("user.slice").type());
  }

  @Test
  void template_isDistinguishedFromInstance() {
    UnitName template = UnitName.of("foo@.service");
    UnitName instance = UnitName.of("foo@bar.service");
    assertTrue(template.isTemplate());
    assertFalse(template.isInstance());
    assertTrue(instance.isInstance());
    assertFalse(instance.isTemplate());
    assertFalse(UnitName.of("foo.service").isTemplate());
    assertFalse(UnitName.of("foo.service").isInstance());
  }

  @Test
  void template_ofInstance_usesFirstAtAndWholeSuffix() {
    assertEquals(
        Optional.of(UnitName.of("foo@.service")), UnitName.of("foo@bar.baz.service").template());
    assertEquals(Optional.of(UnitName.of("a@.service")), UnitName.of("a@b@c.service").template());
    assertEquals(Optional.of("bar.baz"), UnitName.of("foo@bar.baz.service").instance());
    assertEquals(Optional.empty(), UnitName.of("foo@.service").template());
  }

  @Test
  void baseName_dropsTheSuffix() {
    assertEquals("sa", UnitName.of("sa.service").baseName());
    assertEquals("foo@", UnitName.of("foo@.service").baseName());
  }
}
