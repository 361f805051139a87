package org.modsvc.switcher.unit;

import java.util.Optional;

/**
 * The unit types systemd knows, named by the suffix after the last dot of a unit name. The set is
 * systemd's {@code unit_type_table}; a suffix outside it makes a name invalid.
 */
public enum UnitType {
  SERVICE("service"),
  SOCKET("socket"),
  TARGET("target"),
  DEVICE("device"),
  MOUNT("mount"),
  AUTOMOUNT("automount"),
  SWAP("swap"),
  TIMER("timer"),
  PATH("path"),
  SLICE("slice"),
  SCOPE("scope");

  private final String suffix;

  UnitType(String suffix) {
    this.suffix = suffix;
  }

  /** The type whose suffix is exactly {@code suffix} (case-sensitive, as systemd). */
  public static Optional<UnitType> fromSuffix(String suffix) {
    for (UnitType type : values()) {
      if (type.suffix.equals(suffix)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
