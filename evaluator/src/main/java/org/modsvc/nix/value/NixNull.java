package org.modsvc.nix.value;

public record NixNull() implements Value {
  public static final NixNull NULL = new NixNull();

  @Override
  public String typeName() {
    return "null";
  }
}
