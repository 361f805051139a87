package org.modsvc.nix.builtins;

import java.util.List;
import org.modsvc.nix.eval.Builtins;

/** The builtin groups, in registration order (later groups may refer to earlier names). */
public final class AllBuiltins {
  private AllBuiltins() {}

  public static List<Builtins.Group> groups() {
    return List.of(new CoreBuiltins(), new MathBuiltins(), new ListBuiltins(), new AttrBuiltins(),
        new StringBuiltins(), new ContextBuiltins(), new FileBuiltins(), new FormatBuiltins(),
        new DerivationBuiltins(), new FlakeBuiltins(), new FetchBuiltins(),
        new org.modsvc.nix.lib.ModulePrimitives());
  }
}
