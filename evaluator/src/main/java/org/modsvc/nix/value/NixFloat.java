package org.modsvc.nix.value;

public record NixFloat(double value) implements Value {
  @Override
  public String typeName() {
    return "float";
  }
}
