package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * nixpkgs' {@code formats.libconfig}: what its {@code libconfig-generator} (a small Rust program
 * over serde_json) prints, all on one line: {@code name=value;} per top-level key, groups as {@code
 * {name=value;…}}, lists as {@code (a, b)}, and the special values of {@code
 * formats.libconfig.lib}: arrays {@code [a, b]} (of scalars of one kind), hex and octal integers,
 * floats from strings; {@code _includes} of a group as {@code @include} lines; strings with only
 * backslash and double quote escaped. The file ends with an empty line.
 */
final class LibconfigWriter {
  private LibconfigWriter() {}

  /** What a value became, for the check that an array holds scalars of one kind. */
  private record Rendered(String text, String kind) {}

  static String write(Object value) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Object> e :
        JsonValues.object(value, "a libconfig document").entrySet()) {
      sb.append(e.getKey()).append('=').append(render(e.getValue()).text).append(';');
    }
    return sb.append("\n\n").toString();
  }

  private static Rendered render(Object v) {
    if (v == null) throw new IllegalArgumentException("libconfig has no null value");
    if (v instanceof Boolean b) return new Rendered(b.toString(), "bool");
    if (v instanceof Long l) return new Rendered(l.toString(), "int");
    if (v instanceof Double d) return new Rendered(FloatText.rustDebug(d), "float");
    if (v instanceof String s) return new Rendered(quote(s), "string");
    if (v instanceof List<?> l) return new Rendered("(" + joined(items(l)) + ")", "list");
    Map<String, Object> o = JsonValues.object(v, "a libconfig value");
    if (o.get("_type") instanceof String t
        && List.of("octal", "hex", "float", "list", "array").contains(t)) {
      Object value = o.get("value");
      switch (t) {
        case "octal" -> {
          return new Rendered("0" + Long.toOctalString(parse(value, 8, 0)), "int");
        }
        case "hex" -> {
          return new Rendered("0x" + Long.toHexString(parse(value, 16, 2)), "int");
        }
        case "float" -> {
          String s = JsonValues.string(value, "the value of mkFloat");
          try {
            return new Rendered(FloatText.rustDebug(Double.parseDouble(s)), "float");
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid float value: " + s);
          }
        }
        case "list" -> {
          return new Rendered("(" + joined(items(asList(value, t))) + ")", "list");
        }
        default -> {
          List<Rendered> items = items(asList(value, t));
          for (Rendered r : items) {
            if (!r.kind.equals(items.get(0).kind)
                || List.of("list", "array", "group").contains(r.kind)) {
              throw new IllegalArgumentException("mkArray holds scalars of one type only");
            }
          }
          return new Rendered("[" + joined(items) + "]", "array");
        }
      }
    }
    StringBuilder sb = new StringBuilder("{");
    List<String> includes = new ArrayList<>();
    if (o.get("_includes") != null) {
      if (!(o.get("_includes") instanceof List<?> l))
        throw new IllegalArgumentException("_includes is not a list");
      for (Object i : l)
        includes.add("@include " + quote(JsonValues.string(i, "an _includes entry")));
    }
    if (!includes.isEmpty()) sb.append('\n').append(String.join("\n", includes)).append('\n');
    for (Map.Entry<String, Object> e : new TreeMap<>(o).entrySet()) {
      if (e.getKey().equals("_includes")) continue;
      if (!validName(e.getKey()))
        throw new IllegalArgumentException("invalid libconfig setting name: " + e.getKey());
      sb.append(e.getKey()).append('=').append(render(e.getValue()).text).append(';');
    }
    return new Rendered(sb.append('}').toString(), "group");
  }

  private static List<?> asList(Object v, String type) {
    if (v instanceof List<?> l) return l;
    throw new IllegalArgumentException(
        "the value of mk"
            + Character.toUpperCase(type.charAt(0))
            + type.substring(1)
            + " must be a list");
  }

  private static long parse(Object value, int radix, int skip) {
    String s = JsonValues.string(value, "an integer in base " + radix);
    try {
      return Long.parseLong(s.substring(Math.min(skip, s.length())), radix);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid " + (radix == 8 ? "octal" : "hex") + " value: " + s);
    }
  }

  private static List<Rendered> items(List<?> l) {
    List<Rendered> r = new ArrayList<>();
    for (Object x : l) r.add(render(x));
    return r;
  }

  private static String joined(List<Rendered> items) {
    return String.join(", ", items.stream().map(Rendered::text).toList());
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A letter or {@code *}, then letters, digits, {@code _ * -}. */
  private static boolean validName(String k) {
    if (k.isEmpty()) return false;
    int first = k.codePointAt(0);
    if (!(Character.isAlphabetic(first) || first == '*')) return false;
    return k.codePoints()
        .skip(1)
        .allMatch(
            c ->
                Character.isAlphabetic(c)
                    || Character.isDigit(c)
                    || c == '_'
                    || c == '*'
                    || c == '-');
  }
}
