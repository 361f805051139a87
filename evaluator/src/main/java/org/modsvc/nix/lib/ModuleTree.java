package org.modsvc.nix.lib;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.Ops;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixFunction;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * collectModules' walk of the import tree ({@code collectTreeWith}) and its breadth-first
 * flattening when nothing is disabled ({@code closureModules}). Every submodule value is a whole
 * module evaluation, so this runs once per attribute of an {@code attrsOf (submodule …)}; written
 * in Nix it was about half of the function calls of such an evaluation. The node records and what
 * they leave lazy are those of the Nix reference in {@code primitives.nix}; loading files, applying
 * module functions and the error messages stay in Nix as hooks.
 */
final class ModuleTree {
  private ModuleTree() {}

  private static final String[] NODE_NAMES = {"disabled", "key", "module", "modules"};
  private static final String[] TREE = {"disabled", "modules"};
  private static final String[] CONFIG = {"config"};
  private static final NixAttrs NO_IMPORTS =
      new NixAttrs(TREE, new Value[] {NixList.EMPTY, NixList.EMPTY}, null);
  private static final String[] DISABLED_ENTRY = {"disabled", "file"};

  private record Hooks(
      Value unify,
      Value applyModuleArgs,
      Value loadFile,
      Value notAModule,
      Value nestedImportList,
      Value wrongClass) {}

  /**
   * {@code collectTreeWith hooks class}: the four-argument {@code parentFile: parentKey: modules:
   * args: …}.
   */
  static Value collectTreeWith(EvalState st, Value hooksValue, Value moduleClass, Span sp) {
    NixAttrs h = Types.attrs(hooksValue, sp);
    Hooks hooks =
        new Hooks(
            Properties.select(h, "unifyModuleSyntax", sp),
            Properties.select(h, "applyModuleArgs", sp),
            Properties.select(h, "loadFile", sp),
            Properties.select(h, "notAModule", sp),
            Properties.select(h, "nestedImportList", sp),
            Properties.select(h, "wrongClass", sp));
    return new PrimOp(
        "collectTree",
        4,
        (a, site) -> new Walk(st, hooks, moduleClass, site).tree(a[0], a[1], a[2], a[3]));
  }

  /** One walk: the fixed parts of {@code collectTree}'s closure. */
  private record Walk(EvalState st, Hooks hooks, Value moduleClass, Span sp) {
    NixAttrs tree(Value parentFile, Value parentKey, Value initialModules, Value args) {
      Value[] modules = Types.list(initialModules, sp).items();
      Value[] nodes = new Value[modules.length];
      for (int i = 0; i < nodes.length; i++) {
        nodes[i] = new Thunk(NODE, new Entry(this, parentFile, parentKey, i + 1, modules[i], args));
      }
      return new NixAttrs(
          TREE,
          new Value[] {new Thunk(ALL_DISABLED, new Level(nodes, sp)), new NixList(nodes)},
          null);
    }

    private Value load(Value args, Value fallbackFile, Value fallbackKey, Value m) {
      Value v = Thunk.force(m);
      if (v instanceof NixFunction) {
        Thunk applied = new Thunk(APPLIED, new Application(this, fallbackKey, v, args));
        return st.call(hooks.unify(), new Value[] {fallbackFile, fallbackKey, applied}, sp);
      }
      if (v instanceof NixAttrs a) {
        Value tagValue = a.get("_type");
        Value tag = tagValue == null ? null : Thunk.force(tagValue);
        String name = tag == null ? "module" : tag instanceof NixString s ? s.value() : null;
        if ("module".equals(name))
          return st.call(hooks.unify(), new Value[] {fallbackFile, fallbackKey, a}, sp);
        if ("if".equals(name) || "override".equals(name)) {
          return load(args, fallbackFile, fallbackKey, new NixAttrs(CONFIG, new Value[] {a}, null));
        }
        return st.call(hooks.notAModule(), new Value[] {args, fallbackFile, a, tag}, sp);
      }
      if (v instanceof NixList) return st.call(hooks.nestedImportList(), fallbackFile, v, sp);
      return st.call(hooks.loadFile(), args, v, sp);
    }

    /** {@code if m._class == null || m._class == class then m else hooks.wrongClass m}. */
    private Value checkClass(Value loaded) {
      NixAttrs m = Types.attrs(loaded, sp);
      Value moduleClassOfM = Properties.selectNow(m, "_class", sp);
      if (moduleClassOfM == NixNull.NULL || Ops.equal(moduleClassOfM, moduleClass, sp)) return m;
      return st.call(hooks.wrongClass(), m, sp);
    }
  }

  /** The nodes of one level of the tree. */
  private record Level(Value[] nodes, Span sp) {}

  /** The disabled modules of a level's nodes, in order. */
  private static final Thunk.Deferred<Level> ALL_DISABLED =
      l -> {
        List<Value> all = new ArrayList<>();
        for (Value n : l.nodes) {
          Value d = Types.attrs(n, l.sp).get("disabled");
          if (d != null) all.addAll(List.of(Types.list(d, l.sp).items()));
        }
        return new NixList(all.toArray(new Value[all.size()]));
      };

  /**
   * One module of the tree, {@code position} (from 1) in its parent's list: the context of the
   * thunks that load it and walk its imports (see {@link Thunk.Deferred}).
   */
  private static final class Entry {
    final Walk walk;
    final Value parentFile, parentKey, m, args;
    final int position;
    final Thunk fallbackKey = new Thunk(FALLBACK_KEY, this);
    final Thunk module = new Thunk(MODULE, this);
    final Thunk imported = new Thunk(IMPORTED, this);

    Entry(Walk walk, Value parentFile, Value parentKey, int position, Value m, Value args) {
      this.walk = walk;
      this.parentFile = parentFile;
      this.parentKey = parentKey;
      this.position = position;
      this.m = m;
      this.args = args;
    }
  }

  private static final Thunk.Deferred<Entry> FALLBACK_KEY =
      e ->
          NixString.of(
              e.walk.st.coerceToString(e.parentKey, e.walk.sp, false, true).value()
                  + ":anon-"
                  + e.position);

  private static final Thunk.Deferred<Entry> MODULE =
      e -> {
        Value loaded = e.walk.load(e.args, e.parentFile, e.fallbackKey, e.m);
        return Thunk.force(e.walk.moduleClass) == NixNull.NULL
            ? Thunk.force(loaded)
            : e.walk.checkClass(loaded);
      };

  private static final Thunk.Deferred<Entry> IMPORTED =
      e -> {
        Span sp = e.walk.sp;
        NixAttrs mod = Types.attrs(e.module, sp);
        Value imports = Properties.selectNow(mod, "imports", sp);
        if (imports instanceof NixList l && l.size() == 0) return NO_IMPORTS;
        return e.walk.tree(
            Properties.select(mod, "_file", sp),
            Properties.select(mod, "key", sp),
            imports,
            e.args);
      };

  private static final Thunk.Deferred<Entry> DISABLED =
      e -> {
        Span sp = e.walk.sp;
        NixAttrs mod = Types.attrs(e.module, sp);
        Value own = Properties.selectNow(mod, "disabledModules", sp);
        Value[] inner = Types.list(Properties.selectNow(e.imported, "disabled", sp), sp).items();
        if (own instanceof NixList l && l.size() == 0) return new NixList(inner);
        return NixList.prepend(
            new NixAttrs(
                DISABLED_ENTRY, new Value[] {own, Properties.select(mod, "_file", sp)}, null),
            inner);
      };

  private static final Thunk.Deferred<Entry> KEY =
      e -> Properties.selectNow(e.module, "key", e.walk.sp);
  private static final Thunk.Deferred<Entry> MODULES =
      e -> Properties.selectNow(e.imported, "modules", e.walk.sp);

  private static final Thunk.Deferred<Entry> NODE =
      e ->
          new NixAttrs(
              NODE_NAMES,
              new Value[] {
                new Thunk(DISABLED, e), new Thunk(KEY, e), e.module, new Thunk(MODULES, e)
              },
              null);

  /** A module function to be applied to the module arguments. */
  private record Application(Walk walk, Value fallbackKey, Value function, Value args) {}

  private static final Thunk.Deferred<Application> APPLIED =
      a ->
          a.walk.st.call(
              a.walk.hooks.applyModuleArgs(),
              new Value[] {a.fallbackKey, a.function, a.args},
              a.walk.sp);

  /**
   * {@code catAttrs "module" (genericClosure { startSet = nodes; operator = node: node.modules;
   * })}: the modules of the tree breadth-first, the first of each key. Keys are strings ({@code
   * unifyModuleSyntax} makes them so).
   */
  static Value closureModules(Value nodes, Span sp) {
    ArrayDeque<Value> work = new ArrayDeque<>(List.of(Types.list(nodes, sp).items()));
    Set<String> seen = new HashSet<>();
    List<Value> modules = new ArrayList<>();
    while (!work.isEmpty()) {
      NixAttrs node = Types.attrs(work.poll(), sp);
      Value key = Properties.selectNow(node, "key", sp);
      if (!(key instanceof NixString k)) {
        throw new EvalException(
            "module key is " + key.typeName() + " while a string was expected", sp);
      }
      if (!seen.add(k.value())) continue;
      Value module = node.get("module");
      if (module != null) modules.add(module);
      for (Value child : Types.list(Properties.select(node, "modules", sp), sp).items())
        work.add(child);
    }
    return new NixList(modules.toArray(new Value[modules.size()]));
  }
}
