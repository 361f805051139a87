package org.modsvc.nix.value;

public record NixInt(long value) implements Value {
  private static final NixInt[] SMALL = new NixInt[1024 + 128];

  static {
    for (int i = 0; i < SMALL.length; i++) SMALL[i] = new NixInt(i - 128);
  }

  /**
   * Cached boxes for small integers: list indices and counters are allocated constantly otherwise.
   */
  public static NixInt of(long v) {
    if (v >= -128 && v < 1024) return SMALL[(int) v + 128];
    return new NixInt(v);
  }

  @Override
  public String typeName() {
    return "int";
  }
}
