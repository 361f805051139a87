package org.modsvc.switcher.unit;

import java.util.Optional;

/**
 * A validated systemd unit name: plain ({@code foo.service}), template ({@code foo@.service}) or
 * instance ({@code foo@bar.service}). Construction applies systemd's {@code unit_name_is_valid}
 * ({@code src/basic/unit-name.c}) with all three kinds allowed, so a name such as {@code ../x} or
 * {@code a/b.service} can never reach a path join:
 *
 * <ul>
 *   <li>not empty and shorter than {@value #MAX_LENGTH} characters ({@code UNIT_NAME_MAX});
 *   <li>a last dot that is not the first character, followed by a known {@link UnitType} suffix;
 *   <li>every character before that dot is an ASCII letter or digit or one of {@code : - _ . \ @};
 *   <li>the first {@code @}, if any, is not the first character; text between it and the suffix
 *       makes an instance, none makes a template.
 * </ul>
 */
public record UnitName(String value) implements Comparable<UnitName> {
  /** systemd's {@code UNIT_NAME_MAX}: names must be strictly shorter. */
  public static final int MAX_LENGTH = 256;

  public UnitName {
    String problem = problem(value);
    if (problem != null) {
      throw new InvalidUnitNameException(value == null ? "" : value, problem);
    }
  }

  /**
   * Parses and validates {@code name}; throws {@link InvalidUnitNameException} with the broken
   * rule.
   */
  public static UnitName of(String name) {
    return new UnitName(name);
  }

  /** True when systemd would accept {@code name} as a plain, template or instance unit name. */
  public static boolean isValid(String name) {
    return problem(name) == null;
  }

  private static String problem(String name) {
    if (name == null || name.isEmpty()) {
      return "empty";
    }
    if (name.length() >= MAX_LENGTH) {
      return "longer than " + (MAX_LENGTH - 1) + " characters";
    }
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return "no unit type suffix such as '.service'";
    }
    String suffix = name.substring(dot + 1);
    if (UnitType.fromSuffix(suffix).isEmpty()) {
      return "unknown unit type '." + suffix + "'";
    }
    for (int i = 0; i < dot; i++) {
      char c = name.charAt(i);
      if (!isValidChar(c)) {
        return "character '"
            + (c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c))
            + "' at position "
            + (i + 1)
            + " is not allowed (only letters, digits and ':-_.\\@')";
      }
    }
    if (name.charAt(0) == '@') {
      return "a unit name may not start with '@'";
    }
    return null;
  }

  private static boolean isValidChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == ':'
        || c == '-'
        || c == '_'
        || c == '.'
        || c == '\\'
        || c == '@';
  }

  public UnitType type() {
    return UnitType.fromSuffix(value.substring(value.lastIndexOf('.') + 1)).orElseThrow();
  }

  /** The name without its final {@code .suffix}: {@code foo@bar} for {@code foo@bar.service}. */
  public String baseName() {
    return value.substring(0, value.lastIndexOf('.'));
  }

  private int at() {
    return value.indexOf('@');
  }

  /** True for {@code foo@.service}. */
  public boolean isTemplate() {
    return at() >= 0 && at() + 1 == value.lastIndexOf('.');
  }

  /** True for {@code foo@bar.service}. */
  public boolean isInstance() {
    return at() >= 0 && at() + 1 < value.lastIndexOf('.');
  }

  /** The instance string of {@code foo@bar.service}, i.e. {@code bar}. */
  public Optional<String> instance() {
    return isInstance()
        ? Optional.of(value.substring(at() + 1, value.lastIndexOf('.')))
        : Optional.empty();
  }

  /** The template an instance is made from: {@code foo@.service} for {@code foo@bar.service}. */
  public Optional<UnitName> template() {
    if (!isInstance()) {
      return Optional.empty();
    }
    return Optional.of(
        new UnitName(value.substring(0, at() + 1) + value.substring(value.lastIndexOf('.'))));
  }

  @Override
  public int compareTo(UnitName other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
