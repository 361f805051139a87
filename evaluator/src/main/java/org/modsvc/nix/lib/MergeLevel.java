package org.modsvc.nix.lib;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.Paths;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * The bookkeeping of one level of {@code mergeModules'}: option declarations and definitions
 * grouped by name, and the definitions no option took. What an option is, and every error text,
 * stays in {@code modules.nix}; a malformed module is reported by calling the Nix function the
 * caller passes in.
 */
final class MergeLevel {
  private MergeLevel() {}

  private static final String[] DECLARATION = {"_file", "options", "pos"};
  private static final String[] PUSHED_DOWN = {"config", "file"};

  /**
   * The definitions of collected modules, [ { file, config } ], with properties pushed down one
   * level.
   */
  static Value moduleConfigs(Value modules, Span sp) {
    Value[] items = Types.list(modules, sp).items();
    // Most modules push down to one config: sized for that, the list does not grow.
    List<Value> out = new ArrayList<>(items.length);
    for (Value m : items) {
      NixAttrs module = Types.attrs(m, sp);
      addPushedDown(
          Properties.select(module, "config", sp), Properties.select(module, "_file", sp), out, sp);
    }
    return new NixList(out.toArray(new Value[out.size()]));
  }

  /** Adds {@code { config, file }} to {@code out} for each config {@code config} pushes down to. */
  private static void addPushedDown(Value config, Value file, List<Value> out, Span sp) {
    for (Value c : Types.list(Properties.pushDown(config, sp), sp).items()) {
      out.add(new NixAttrs(PUSHED_DOWN, new Value[] {c, file}, null));
    }
  }

  /**
   * name → [ { _file, pos, options } ], one entry per module declaring below the level; {@code
   * notAnAttrset} is called with a module's {@code options} when they are not an attribute set.
   */
  static Value declarationsByName(EvalState st, Value notAnAttrset, Value modules, Span sp) {
    Located located = located(st, modules, "options", "_file", notAnAttrset, false, sp);
    NixAttrs[] subtrees = located.sets;
    return ByName.group(
        subtrees,
        (m, i) -> {
          Span where = subtrees[m].position(i);
          return new NixAttrs(
              DECLARATION,
              new Value[] {located.files[m], subtrees[m].value(i), new Thunk(POSITION, where)},
              null);
        });
  }

  private static final Thunk.Deferred<Span> POSITION = Paths::positionAttrs;

  /** Each item's set under one attribute, with the item's file. */
  private record Located(NixAttrs[] sets, Value[] files) {}

  /**
   * The set under {@code field} of every item of {@code list} and the item's {@code fileField}. A
   * value that is not a set goes to {@code notAnAttrset} (the item itself when {@code reportItem}),
   * whose message is the error; the module system's reporters always throw.
   */
  private static Located located(
      EvalState st,
      Value list,
      String field,
      String fileField,
      Value notAnAttrset,
      boolean reportItem,
      Span sp) {
    Value[] items = Types.list(list, sp).items();
    NixAttrs[] sets = new NixAttrs[items.length];
    Value[] files = new Value[items.length];
    for (int k = 0; k < items.length; k++) {
      NixAttrs item = Types.attrs(items[k], sp);
      Value v = Thunk.force(Properties.select(item, field, sp));
      if (!(v instanceof NixAttrs set)) {
        Value reported = st.call(notAnAttrset, reportItem ? item : v, sp);
        throw Types.typeError("a set", reported, sp);
      }
      sets[k] = set;
      files[k] = Properties.select(item, fileField, sp);
    }
    return new Located(sets, files);
  }

  private static final NixString OPTIONS = NixString.of("options");
  private static final NixString NONE = NixString.of("none");
  private static final NixString MIXED = NixString.of("mixed");

  /**
   * Whether the declarations of one name are all options ({@code "options"}), none ({@code "none"}:
   * a nested option set) or some ({@code "mixed"}); {@code notAnOption} is called with the first
   * declaration whose {@code options} are tagged as something else than an option (a type where
   * mkOption was forgotten).
   */
  static Value declarationKind(EvalState st, Value notAnOption, Value declsValue, Span sp) {
    return kindOf(st, declsValue, notAnOption, null, sp);
  }

  /**
   * {@code notAnOption} is called with {@code loc} (when not null) and the offending declaration.
   */
  private static Value kindOf(
      EvalState st, Value declsValue, Value notAnOption, Value loc, Span sp) {
    Value[] decls = Types.list(declsValue, sp).items();
    int options = 0;
    for (Value d : decls) {
      NixAttrs decl = Types.attrs(d, sp);
      if (!(Thunk.force(Properties.select(decl, "options", sp)) instanceof NixAttrs opts)
          || !opts.has("_type")) continue;
      if (Thunk.force(opts.get("_type")) instanceof NixString t && t.value().equals("option"))
        options++;
      else
        return loc == null ? st.call(notAnOption, decl, sp) : st.call(notAnOption, loc, decl, sp);
    }
    return options == decls.length ? OPTIONS : options == 0 ? NONE : MIXED;
  }

  private static final String[] MERGED = {"matchedOptions", "unmatchedDefns"};

  /**
   * {@code mergeOptionsWith hooks}: the three-argument {@code prefix: declarationsByName:
   * definitionsByName: …} giving, per declared name, {@code { matchedOptions, unmatchedDefns }}. A
   * name whose declarations are all options is evaluated here ({@code hooks.evalOptionValue loc
   * (hooks.declareOption loc decls) definitions}); any other name goes to {@code hooks.other name
   * decls} (nested option sets, options joined by nested declarations).
   */
  static Value mergeOptionsWith(EvalState st, Value hooksValue, Span sp) {
    NixAttrs h = Types.attrs(hooksValue, sp);
    OptionHooks hooks =
        new OptionHooks(
            st,
            Properties.select(h, "evalOptionValue", sp),
            Properties.select(h, "declareOption", sp),
            Properties.select(h, "notAnOption", sp),
            Properties.select(h, "other", sp));
    return new PrimOp(
        "mergeOptions",
        3,
        (a, callSite) -> {
          Level level = new Level(hooks, a[0], a[2], callSite);
          NixAttrs declarations = Types.attrs(a[1], callSite);
          Value[] results = new Value[declarations.size()];
          for (int i = 0; i < results.length; i++) {
            results[i] =
                new Thunk(
                    NAME_RESULT,
                    new Named(level, NixString.of(declarations.name(i)), declarations.value(i)));
          }
          return new NixAttrs(declarations.names(), results, null);
        });
  }

  /**
   * The module system's functions {@code mergeOptions} calls, read once per {@code
   * mergeOptionsWith}.
   */
  private record OptionHooks(
      EvalState st, Value evalOptionValue, Value declareOption, Value notAnOption, Value other) {}

  /** The arguments of one {@code mergeOptions} call, which its names share. */
  private record Level(OptionHooks hooks, Value prefix, Value definitions, Span callSite) {}

  /**
   * One declared name of a level: the context of the thunks computing its result (see {@link
   * Thunk.Deferred}).
   */
  private static final class Named {
    final Level level;
    final NixString name;
    final Value decls;
    final Thunk loc = new Thunk(LOC, this);

    Named(Level level, NixString name, Value decls) {
      this.level = level;
      this.name = name;
      this.decls = decls;
    }
  }

  /** {@code prefix ++ [ name ]} */
  private static final Thunk.Deferred<Named> LOC =
      n ->
          NixList.concat(
              Types.list(n.level.prefix, n.level.callSite).items(), new Value[] {n.name});

  private static final Thunk.Deferred<Named> DEFINITIONS =
      n -> {
        Value defs = Types.attrs(n.level.definitions, n.level.callSite).get(n.name.value());
        return defs == null ? NixList.EMPTY : Thunk.force(defs);
      };

  private static final Thunk.Deferred<Named> DECLARED =
      n ->
          n.level.hooks.st.call(
              n.level.hooks.declareOption, new Value[] {n.loc, n.decls}, n.level.callSite);

  /**
   * {@code evalOptionValue loc (declareOption loc decls) definitions}. When both hooks are the
   * primitives of {@link OptionDeclaration} and {@link OptionValue} (as in our lib), they are
   * called directly, and an option declared once is built with one {@code //} instead of two; the
   * result is the same.
   */
  private static final Thunk.Deferred<Named> OPTION =
      n -> {
        OptionHooks h = n.level.hooks;
        Span sp = n.level.callSite;
        if (Thunk.force(h.declareOption) instanceof PrimOp d
            && d.impl() instanceof OptionDeclaration.Declarer declarer
            && Thunk.force(h.evalOptionValue) instanceof PrimOp e
            && e.impl() instanceof OptionValue.Evaluator evaluator) {
          return evaluator.evaluate(
              n.loc, declarer.declare(n.loc, n.decls, sp), new Thunk(DEFINITIONS, n), sp);
        }
        return h.st.call(
            h.evalOptionValue,
            new Value[] {n.loc, new Thunk(DECLARED, n), new Thunk(DEFINITIONS, n)},
            sp);
      };

  private static final Thunk.Deferred<Named> NAME_RESULT =
      n -> {
        OptionHooks h = n.level.hooks;
        Span sp = n.level.callSite;
        Value kind = kindOf(h.st, n.decls, h.notAnOption, n.loc, sp);
        if (kind != OPTIONS) return h.st.call(h.other, n.name, n.decls, sp);
        return new NixAttrs(MERGED, new Value[] {new Thunk(OPTION, n), NixList.EMPTY}, null);
      };

  /**
   * { values = name → [ { file, value } ]; pushedDown = name → [ { file, config } ]; } for the
   * definitions ({@code [ { file, config } ]}) at this level. {@code pushedDown} holds each name's
   * definitions with their properties pushed one level further down, for the recursion into option
   * sets that are not options; it is computed per name on demand, since that forces the
   * definitions. {@code notAnAttrset} is called with a definition whose config is not an attribute
   * set.
   */
  static Value definitionsByName(EvalState st, Value notAnAttrset, Value configs, Span sp) {
    Located located = located(st, configs, "config", "file", notAnAttrset, true, sp);
    NixAttrs[] configOf = located.sets;
    Value[] fileOf = located.files;
    NixAttrs values =
        ByName.group(
            configOf, (d, i) -> DefinitionPipeline.definition(fileOf[d], configOf[d].value(i)));
    Value[] pushed = new Value[values.size()];
    for (int n = 0; n < pushed.length; n++) {
      Value[] defsOfName = ((NixList) values.value(n)).items();
      pushed[n] = new Thunk(PUSHED_DOWN_DEFINITIONS, new Definitions(defsOfName, sp));
    }
    return new NixAttrs(
        BY_NAME, new Value[] {new NixAttrs(values.names(), pushed, null), values}, null);
  }

  private static final String[] BY_NAME = {"pushedDown", "values"};

  /** One name's definitions [ { file, value } ]. */
  private record Definitions(Value[] defs, Span sp) {}

  private static final Thunk.Deferred<Definitions> PUSHED_DOWN_DEFINITIONS =
      ds -> {
        List<Value> out = new ArrayList<>();
        for (Value d : ds.defs) {
          NixAttrs def = (NixAttrs) d; // a definition { file, value }: value(0) is the file
          addPushedDown(def.value(1), def.value(0), out, ds.sp);
        }
        return new NixList(out.toArray(new Value[out.size()]));
      };

  /**
   * name → [ { file, value } ] for definitions [ { file, value } ] whose values are attribute sets.
   */
  static Value valuesByAttribute(Value defsValue, Span sp) {
    Value[] defs = Types.list(defsValue, sp).items();
    NixAttrs[] sets = new NixAttrs[defs.length];
    Value[] files = new Value[defs.length];
    for (int d = 0; d < defs.length; d++) {
      NixAttrs def = Types.attrs(defs[d], sp);
      sets[d] = Types.attrs(Properties.select(def, "value", sp), sp);
      files[d] = Properties.select(def, "file", sp);
    }
    return ByName.group(sets, (d, i) -> DefinitionPipeline.definition(files[d], sets[d].value(i)));
  }

  /**
   * The definitions this level could not match, each with its path below the level in {@code
   * prefix}: those of names without any declaration ({@code definitions}) and those the nested
   * levels left ({@code results.<name>.unmatchedDefns}), in name order.
   */
  static Value unmatchedDefinitions(Value resultsValue, Value definitionsValue, Span sp) {
    NixAttrs results = Types.attrs(resultsValue, sp);
    NixAttrs definitions = Types.attrs(definitionsValue, sp);
    List<Value> out = new ArrayList<>();
    int i = 0, j = 0;
    while (i < results.size() || j < definitions.size()) {
      int c =
          i == results.size()
              ? 1
              : j == definitions.size()
                  ? -1
                  : NixAttrs.compareNames(results.name(i), definitions.name(j));
      String name;
      NixList defs;
      if (c <= 0) {
        name = results.name(i);
        defs =
            Types.list(
                Properties.select(Types.attrs(results.value(i), sp), "unmatchedDefns", sp), sp);
        i++;
        if (c == 0) j++;
      } else {
        name = definitions.name(j);
        defs = Types.list(definitions.value(j), sp);
        j++;
      }
      for (Value d : defs.items()) out.add(withPrefix(Types.attrs(d, sp), name, sp));
    }
    return new NixList(out.toArray(new Value[out.size()]));
  }

  /** The layout of {@link #withPrefix}'s update (a hint: see {@link NixAttrs.UpdateSite}). */
  private static final NixAttrs.UpdateSite PREFIX_SITE = new NixAttrs.UpdateSite();

  /** {@code def // { prefix = [ name ] ++ (def.prefix or [ ]); }} */
  private static NixAttrs withPrefix(NixAttrs def, String name, Span sp) {
    Value below = def.get("prefix");
    NixString head = NixString.of(name);
    Value prefix =
        below == null
            ? new NixList(new Value[] {head})
            : new Thunk(() -> NixList.prepend(head, Types.list(below, sp).items()));
    return def.update(new NixAttrs(PREFIX, new Value[] {prefix}, null), PREFIX_SITE);
  }

  private static final String[] PREFIX = {"prefix"};

  /** {@code mapAttrs (_: r: r.${name})}, each attribute selected on demand. */
  static Value attrOfEach(String name, Value setValue, Span sp) {
    NixAttrs set = Types.attrs(setValue, sp);
    Value[] vs = new Value[set.size()];
    for (int i = 0; i < vs.length; i++) {
      Value r = set.value(i);
      vs[i] = Properties.selectLater(r, name, sp);
    }
    return new NixAttrs(set.names(), vs, null);
  }
}
