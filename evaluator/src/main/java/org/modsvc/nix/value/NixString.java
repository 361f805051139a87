package org.modsvc.nix.value;

import java.util.Set;

/**
 * A string with its context: the store paths it refers to, encoded as Nix encodes them ({@code
 * /nix/store/…} opaque path, {@code =/nix/store/….drv} a derivation with all its outputs, {@code
 * !out!/nix/store/….drv} one output of a derivation). {@code context} is empty for most strings.
 */
public record NixString(String value, Set<String> context) implements Value {
  public static final NixString EMPTY = new NixString("", Set.of());

  public NixString {
    context = context == null || context.isEmpty() ? Set.of() : context;
  }

  public static NixString of(String s) {
    return s.isEmpty() ? EMPTY : new NixString(s, Set.of());
  }

  public boolean hasContext() {
    return !context.isEmpty();
  }

  @Override
  public String typeName() {
    return "string";
  }
}
