package org.modsvc.nix.lib;

import java.util.Set;
import org.modsvc.nix.error.ThrownError;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * {@code unifyModuleSyntax file key m}: a loaded module in canonical form, {@code { _class, _file,
 * config, disabledModules, imports, key, options }}. A module with {@code config} or {@code
 * options} may have only structure attributes beside them; without either it is shorthand, and
 * everything that is not structure is configuration. {@code meta} and {@code freeformType} become
 * definitions. Every attribute of the result stays lazy, as in the Nix reference; the error for
 * unsupported top-level attributes is the module system's message, passed in {@code hooks}.
 */
final class ModuleSyntax {
  private ModuleSyntax() {}

  private static final Set<String> MODULE_STRUCTURE =
      Set.of(
          "_class",
          "_file",
          "key",
          "disabledModules",
          "imports",
          "options",
          "config",
          "meta",
          "freeformType");
  private static final Set<String> SHORTHAND_STRUCTURE =
      Set.of("_class", "_file", "key", "disabledModules", "require", "imports", "freeformType");
  private static final String[] UNIFIED = {
    "_class", "_file", "config", "disabledModules", "imports", "key", "options"
  };
  private static final String[] MERGE = {"_type", "contents"};
  private static final NixString MERGE_TAG = NixString.of("merge");
  private static final String[] META = {"meta"};
  private static final String[] FREEFORM_TYPE = {"freeformType"};
  private static final String[] MODULE_ARGS = {"_module"};

  /** {@code unifyModuleSyntaxWith hooks}: the three-argument {@code file: key: m: …}. */
  static Value unifyModuleSyntaxWith(EvalState st, Value hooksValue, Span sp) {
    Value unsupported =
        Properties.select(Types.attrs(hooksValue, sp), "unsupportedTopLevelAttribute", sp);
    return new PrimOp(
        "unifyModuleSyntax",
        3,
        (a, callSite) -> unify(st, unsupported, a[0], a[1], a[2], callSite));
  }

  private static Value unify(
      EvalState st, Value unsupported, Value file, Value key, Value module, Span sp) {
    Value forced = Thunk.force(module);
    NixAttrs m = forced instanceof NixAttrs attrs ? attrs : null;
    Value imports;
    Value options;
    Value config;
    if (m != null && (m.has("config") || m.has("options"))) {
      NixAttrs extra = without(m, MODULE_STRUCTURE);
      if (extra.size() != 0) return st.call(unsupported, key, extra, sp);
      imports = orElse(m, "imports", NixList.EMPTY);
      options = orElse(m, "options", NixAttrs.EMPTY);
      Value own = orElse(m, "config", NixAttrs.EMPTY);
      Value meta = m.get("meta");
      config =
          withFreeformType(
              m, meta == null ? own : mkMerge(own, new NixAttrs(META, new Value[] {meta}, null)));
    } else if (m == null) {
      String f = st.coerceToString(file, sp, false, true).value();
      String k = st.coerceToString(key, sp, false, true).value();
      throw new ThrownError("module " + f + " (" + k + ") does not look like a module.", sp);
    } else {
      Value require = m.get("require");
      Value own = m.get("imports");
      imports =
          require == null
              ? (own == null ? NixList.EMPTY : own)
              : new Thunk(
                  () ->
                      NixList.concat(
                          Types.list(require, sp).items(),
                          own == null ? new Value[0] : Types.list(own, sp).items()));
      options = NixAttrs.EMPTY;
      config = withFreeformType(m, without(m, SHORTHAND_STRUCTURE));
    }
    Value fileName = new Thunk(AS_STRING, new Coerced(st, orElse(m, "_file", file), sp));
    Value keyName = new Thunk(AS_STRING, new Coerced(st, orElse(m, "key", key), sp));
    return new NixAttrs(
        UNIFIED,
        new Value[] {
          orElse(m, "_class", NixNull.NULL),
          fileName,
          config,
          orElse(m, "disabledModules", NixList.EMPTY),
          imports,
          keyName,
          options
        },
        null);
  }

  private record Coerced(EvalState st, Value value, Span sp) {}

  /** {@code toString value} (a path stays a path name, not copied to the store). */
  private static final Thunk.Deferred<Coerced> AS_STRING =
      c -> c.st.coerceToString(c.value, c.sp, true, false);

  /** {@code m.name or fallback}, unevaluated. */
  private static Value orElse(NixAttrs m, String name, Value fallback) {
    Value v = m.get(name);
    return v == null ? fallback : v;
  }

  private static Value withFreeformType(NixAttrs m, Value config) {
    Value freeformType = m.get("freeformType");
    if (freeformType == null) return config;
    NixAttrs moduleArgs = new NixAttrs(FREEFORM_TYPE, new Value[] {freeformType}, null);
    return mkMerge(config, new NixAttrs(MODULE_ARGS, new Value[] {moduleArgs}, null));
  }

  private static NixAttrs mkMerge(Value first, Value second) {
    return new NixAttrs(
        MERGE, new Value[] {MERGE_TAG, new NixList(new Value[] {first, second})}, null);
  }

  /** {@code removeAttrs m names}, keeping positions. */
  private static NixAttrs without(NixAttrs m, Set<String> names) {
    int n = m.size();
    boolean[] drop = new boolean[n];
    int dropped = 0;
    for (int i = 0; i < n; i++) {
      if (names.contains(m.name(i))) {
        drop[i] = true;
        dropped++;
      }
    }
    return m.without(drop, dropped);
  }
}
