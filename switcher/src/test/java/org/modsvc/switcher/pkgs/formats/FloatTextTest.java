package org.modsvc.switcher.pkgs.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The float texts of the tools, at the edges where each switches between positional and exponent
 * notation. Expected values were printed by the tools themselves: serde_json 1.0.107/ryu (hocon),
 * Rust's {@code {:?}} (libconfig), Python 3.11's repr, and the toml crate's {@code to_string}.
 */
class FloatTextTest {
  @ParameterizedTest
  @CsvSource({
    "1e16, 1e16, 1e16, 1e+16, 10000000000000000.0",
    "1e15, 1000000000000000.0, 1000000000000000.0, 1000000000000000.0, 1000000000000000.0",
    "1e-5, 0.00001, 1e-5, 1e-05, 0.00001",
    "1e-6, 1e-6, 1e-6, 1e-06, 0.000001",
    "0.0001, 0.0001, 0.0001, 0.0001, 0.0001",
    "123456789.125, 123456789.125, 123456789.125, 123456789.125, 123456789.125",
    "-0.5, -0.5, -0.5, -0.5, -0.5",
  })
  void eachToolsNotation(double d, String ryu, String rustDebug, String python, String toml) {
    assertEquals(ryu, FloatText.ryu(d));
    assertEquals(rustDebug, FloatText.rustDebug(d));
    assertEquals(python, FloatText.pythonRepr(d));
    assertEquals(toml, FloatText.rustDisplay(d));
  }
}
