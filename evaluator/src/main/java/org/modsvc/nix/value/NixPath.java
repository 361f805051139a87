package org.modsvc.nix.value;

/** An absolute, canonical path (no trailing slash, no {@code .}/{@code ..} components). */
public record NixPath(String path) implements Value {
  @Override
  public String typeName() {
    return "path";
  }
}
