package org.modsvc.nix.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * The global scope: the {@code builtins} set, the names Nix puts in scope without the prefix, and
 * every builtin again as {@code __name}. The builtins themselves live in the {@code
 * org.modsvc.nix.builtins} package, one class per group; this class only assembles them.
 */
public final class Builtins {
  private Builtins() {}

  /** Names visible without {@code builtins.} (besides the {@code __}-prefixed forms). */
  private static final Set<String> UNPREFIXED =
      Set.of(
          "abort",
          "baseNameOf",
          "break",
          "derivation",
          "derivationStrict",
          "dirOf",
          "fetchGit",
          "fetchMercurial",
          "fetchTarball",
          "fetchTree",
          "fromTOML",
          "import",
          "isNull",
          "map",
          "placeholder",
          "removeAttrs",
          "scopedImport",
          "throw",
          "toString");

  /** Everything a builtin group can register. */
  public static final class Registry {
    final Map<String, Value> entries = new LinkedHashMap<>();
    final Map<String, Value> internals = new LinkedHashMap<>();
    private final EvalState state;

    Registry(EvalState state) {
      this.state = state;
    }

    /** Builtin {@code name}: body number {@code op} of {@code bodies}. */
    public void def(String name, int arity, PrimOp.Bodies bodies, int op) {
      entries.put(name, PrimOp.builtin(name, arity, bodies, op));
    }

    public void constant(String name, Value v) {
      entries.put(name, v);
    }

    /**
     * A global for modsvc's own bundled Nix code only: in scope under exactly {@code name}, but not
     * in {@code builtins}, so what user code can enumerate stays what Nix has.
     */
    public void internal(String name, Value v) {
      internals.put(name, v);
    }

    /** A builtin implemented in Nix (source text evaluated lazily against the global scope). */
    public void nix(String name, String source) {
      entries.put(
          name,
          new Thunk(
              () ->
                  state.evalSource(
                      org.modsvc.nix.source.Source.ofString(
                          "«nix-internal»", source, java.nio.file.Path.of("/")))));
    }

    public Value get(String name) {
      return entries.get(name);
    }
  }

  /** Installs a set of builtins; implemented by each group. */
  public interface Group {
    void register(Registry r);
  }

  /**
   * The builtin groups of one evaluation, in registration order (later groups may refer to earlier
   * names). The interpreter does not name them: the front door ({@code org.modsvc.nix.Evaluation})
   * hands them over, so the interpreter core needs nothing from the packages that implement
   * builtins.
   */
  @FunctionalInterface
  public interface Catalog {
    List<Group> groups(EvalState state);
  }

  record Globals(NixAttrs builtins, String[] names, Value[] values) {}

  static Globals install(EvalState state, Catalog catalog, Map<String, Value> extra) {
    Registry r = new Registry(state);
    for (Group g : catalog.groups(state)) g.register(r);
    r.entries.putAll(extra);
    NixAttrs.Builder b = NixAttrs.builder(r.entries.size() + 1);
    r.entries.forEach(b::put);
    Thunk self = new Thunk((Node) null, null);
    b.put("builtins", self);
    NixAttrs builtins = b.build();
    self.set(builtins);
    List<String> names = new ArrayList<>();
    List<Value> values = new ArrayList<>();
    names.add("builtins");
    values.add(builtins);
    names.add("true");
    values.add(NixBool.TRUE);
    names.add("false");
    values.add(NixBool.FALSE);
    names.add("null");
    values.add(NixNull.NULL);
    for (Map.Entry<String, Value> e : r.entries.entrySet()) {
      String n = e.getKey();
      if (UNPREFIXED.contains(n) || extra.containsKey(n)) {
        names.add(n);
        values.add(e.getValue());
      }
      if (!n.startsWith("__")) {
        names.add("__" + n);
        values.add(e.getValue());
      }
    }
    r.internals.forEach(
        (n, v) -> {
          names.add(n);
          values.add(v);
        });
    return new Globals(
        builtins,
        names.toArray(new String[names.size()]),
        values.toArray(new Value[values.size()]));
  }
}
