package org.modsvc.nix.eval;

import java.util.HashMap;
import java.util.Map;

/**
 * A compile-time scope, mirroring one run-time {@link Env} frame. Lexical frames map names to
 * slots; a {@code with} frame has no names (its single slot holds the attribute set). Resolution is
 * done once, at compile time: lexical bindings at any depth win over every enclosing {@code with},
 * as in Nix.
 */
final class Scope {
  final Scope parent;
  final boolean isWith;
  private final Map<String, Integer> slots;

  private Scope(Scope parent, boolean isWith, Map<String, Integer> slots) {
    this.parent = parent;
    this.isWith = isWith;
    this.slots = slots;
  }

  static Scope lexical(Scope parent, String... names) {
    Map<String, Integer> m = new HashMap<>(names.length * 2);
    for (int i = 0; i < names.length; i++) m.put(names[i], i);
    return new Scope(parent, false, m);
  }

  static Scope with(Scope parent) {
    return new Scope(parent, true, Map.of());
  }

  int slotOf(String name) {
    Integer i = slots.get(name);
    return i == null ? -1 : i;
  }

  int size() {
    return isWith ? 1 : slots.size();
  }
}
