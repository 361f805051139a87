package org.modsvc.switcher.pkgs;

import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.StoreException;
import org.modsvc.nix.store.StorePaths;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Value;

/**
 * The {@code runBuild} primitive of {@code modsvc-modules/pkgs/builders.nix}: Nix values to a
 * {@link BuildRequest}.
 */
final class RunBuildPrimitive {
  private RunBuildPrimitive() {}

  /**
   * {@code { name, env }} (env: attribute name to string) built with {@code builder}; returns the
   * output's store path carrying itself as context, as a derivation's {@code outPath} would.
   */
  static Value runBuild(EvalState state, HostBuilder builder, Value arg, Span sp) {
    NixAttrs a = Types.attrs(arg, sp);
    Value nameValue = a.get("name");
    Value envValue = a.get("env");
    if (nameValue == null || envValue == null)
      throw new EvalException("runBuild needs 'name' and 'env'", sp);
    String name = Types.plainString(nameValue, sp);
    NixAttrs envAttrs = Types.attrs(envValue, sp);
    TreeMap<String, String> env = new TreeMap<>();
    TreeSet<String> inputs = new TreeSet<>();
    String builderName = "pkgs.runCommand '" + name + "'";
    try {
      StorePaths.checkName(name);
    } catch (StoreException e) {
      throw new EvalException(builderName + ": " + e.getMessage(), sp);
    }
    for (int i = 0; i < envAttrs.size(); i++) {
      String key = envAttrs.name(i);
      if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
        throw new EvalException(
            builderName + ": '" + key + "' cannot be the name of an environment variable", sp);
      }
      NixString s = state.coerceToString(envAttrs.value(i), sp, true, true);
      for (String c : s.context()) {
        if (c.startsWith("=") || c.startsWith("!")) {
          throw new EvalException(
              builderName
                  + " needs a Nix builder, which this host does not have: its attribute '"
                  + key
                  + "' refers to the output of a derivation ("
                  + c
                  + ")",
              sp);
        }
        inputs.add(state.store().toStorePath(c));
      }
      if (s.value().indexOf('\0') >= 0) {
        throw new EvalException(
            builderName + ": the attribute '" + key + "' contains a NUL character", sp);
      }
      env.put(key, s.value());
    }
    try {
      String out = builder.build(new BuildRequest(name, env, inputs), state.store());
      return new NixString(out, Set.of(out));
    } catch (HostBuildException e) {
      throw new EvalException(builderName + ": " + e.getMessage(), sp);
    }
  }
}
