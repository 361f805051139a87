package org.modsvc.nix.value;

public record NixBool(boolean value) implements Value {
  public static final NixBool TRUE = new NixBool(true);
  public static final NixBool FALSE = new NixBool(false);

  public static NixBool of(boolean b) {
    return b ? TRUE : FALSE;
  }

  @Override
  public String typeName() {
    return "bool";
  }
}
