package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;

import org.junit.jupiter.api.Test;

/**
 * Arithmetic builtins: integer/float promotion, 64-bit overflow detection, rounding, bit
 * operations.
 */
class MathBuiltinsTest {
  @Test
  void add_addsIntegers() {
    assertEquals("5", eval("builtins.add 2 3"));
  }

  @Test
  void add_promotesToFloat() {
    assertEquals("3.5", eval("builtins.add 1 2.5"));
  }

  @Test
  void add_detectsOverflow() {
    assertEquals(
        "integer overflow in adding 9223372036854775807 + 1",
        evalError("builtins.add 9223372036854775807 1"));
  }

  @Test
  void add_rejectsString() {
    assertEquals(
        "expected an integer but found a string: \"1\"", evalError("builtins.add \"1\" 1"));
  }

  @Test
  void sub_subtracts() {
    assertEquals("-1", eval("builtins.sub 2 3"));
  }

  @Test
  void sub_detectsOverflow() {
    assertEquals(
        "integer overflow in subtracting -9223372036854775807 - 2",
        evalError("builtins.sub (-9223372036854775807) 2"));
  }

  @Test
  void mul_multiplies() {
    assertEquals("6", eval("builtins.mul 2 3"));
  }

  @Test
  void mul_floats() {
    assertEquals("3", eval("builtins.mul 1.5 2"));
  }

  @Test
  void mul_detectsOverflow() {
    assertEquals(
        "integer overflow in multiplying 4294967297 * 4294967297",
        evalError("builtins.mul 4294967297 4294967297"));
  }

  @Test
  void div_truncatesIntegers() {
    assertEquals("-3", eval("builtins.div (-7) 2"));
  }

  @Test
  void div_floats() {
    assertEquals("3.5", eval("builtins.div 7 2.0"));
  }

  @Test
  void div_rejectsZero() {
    assertEquals("division by zero", evalError("builtins.div 1 0"));
  }

  @Test
  void div_checksDivisorBeforeDividend() {
    assertEquals("division by zero", evalError("builtins.div \"x\" 0"));
  }

  @Test
  void div_detectsOverflow() {
    assertEquals(
        "integer overflow in dividing -9223372036854775808 / -1",
        evalError("builtins.div (-9223372036854775807 - 1) (-1)"));
  }

  @Test
  void lessThan_comparesNumbers() {
    assertEquals("true", eval("builtins.lessThan 1 1.5"));
  }

  @Test
  void lessThan_comparesStrings() {
    assertEquals(
        "[ true false ]",
        eval("[ (builtins.lessThan \"a\" \"b\") (builtins.lessThan \"b\" \"a\") ]"));
  }

  @Test
  void lessThan_rejectsMixedTypes() {
    assertEquals(
        "cannot compare an integer with a string; values are 1 and \"foo\"",
        evalError("builtins.lessThan 1 \"foo\""));
  }

  @Test
  void lessThan_rejectsSets() {
    assertEquals(
        "cannot compare a set with a set; values of that type are incomparable (values are { } and { })",
        evalError("builtins.lessThan { } { }"));
  }

  @Test
  void bitAnd_andsBits() {
    assertEquals("2", eval("builtins.bitAnd 6 3"));
  }

  @Test
  void bitOr_orsBits() {
    assertEquals("7", eval("builtins.bitOr 6 3"));
  }

  @Test
  void bitXor_xorsBits() {
    assertEquals("5", eval("builtins.bitXor 6 3"));
  }

  @Test
  void bitAnd_rejectsFloat() {
    assertEquals("expected an integer but found a float: 1.1", evalError("builtins.bitAnd 1.1 1"));
  }

  @Test
  void ceil_roundsUp() {
    assertEquals(
        "[ 2 -1 3 ]", eval("[ (builtins.ceil 1.1) (builtins.ceil (-1.9)) (builtins.ceil 3) ]"));
  }

  @Test
  void floor_roundsDown() {
    assertEquals("[ 1 -2 ]", eval("[ (builtins.floor 1.9) (builtins.floor (-1.1)) ]"));
  }

  @Test
  void floor_rejectsString() {
    assertEquals(
        "expected a float but found a string: \"foo\"", evalError("builtins.floor \"foo\""));
  }

  @Test
  void ceil_rejectsFloatOutOfIntegerRange() {
    assertEquals(
        "NixFloat argument 1e+30 is not in the range of NixInt", evalError("builtins.ceil 1.0e30"));
  }
}
