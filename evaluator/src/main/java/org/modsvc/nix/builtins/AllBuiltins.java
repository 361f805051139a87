package org.modsvc.nix.builtins;

import java.util.List;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;

/** The builtin groups, in registration order (later groups may refer to earlier names). */
public final class AllBuiltins implements Builtins.Catalog {
  /**
   * The catalog the front door installs. An instance rather than a method reference: every lambda
   * linked at start-up costs class generation the class-data archive does not save
   * (docs/benchmarks.md).
   */
  public static final Builtins.Catalog CATALOG = new AllBuiltins();

  private AllBuiltins() {}

  @Override
  public List<Builtins.Group> groups(EvalState st) {
    return all(st);
  }

  public static List<Builtins.Group> all(EvalState st) {
    return List.of(
        new CoreBuiltins(st),
        new MathBuiltins(),
        new ListBuiltins(st),
        new AttrBuiltins(st),
        new StringBuiltins(st),
        new ContextBuiltins(st),
        new FileBuiltins(st),
        new FormatBuiltins(st),
        new DerivationBuiltins(st),
        new FlakeBuiltins(),
        new FetchBuiltins(st),
        new org.modsvc.nix.lib.ModulePrimitives(st));
  }
}
