package org.modsvc.switcher.pkgs.formats;

import java.util.Map;
import org.modsvc.nix.format.JsonWriter;

/** Checked views of the values {@link org.modsvc.nix.format.JsonParser} returns. */
final class JsonValues {
  private JsonValues() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object v, String what) {
    if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
    throw new IllegalArgumentException(what + " must be an attribute set, not " + describe(v));
  }

  static String string(Object v, String what) {
    if (v instanceof String s) return s;
    throw new IllegalArgumentException(what + " must be a string, not " + describe(v));
  }

  /** A number as the JSON text Nix wrote for it (jq ≥ 1.7 and the other tools keep that text). */
  static String number(Object v) {
    return v instanceof Double d ? JsonWriter.formatFloat(d) : v.toString();
  }

  static String describe(Object v) {
    if (v == null) return "null";
    if (v instanceof Map<?, ?>) return "an attribute set";
    if (v instanceof java.util.List<?>) return "a list";
    if (v instanceof String) return "a string";
    if (v instanceof Boolean) return "a Boolean";
    if (v instanceof Double) return "a float";
    return "an integer";
  }
}
