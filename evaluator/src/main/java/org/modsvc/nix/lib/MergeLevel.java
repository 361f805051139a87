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
 * The bookkeeping of one level of {@code mergeModules'}: option declarations and definitions grouped by name, and
 * the definitions no option took. What an option is, and every error text, stays in {@code modules.nix}; a
 * malformed module is reported by calling the Nix function the caller passes in.
 */
final class MergeLevel {
  private MergeLevel() {}

  private static final String[] DECLARATION = {"_file", "options", "pos"};
  private static final String[] DEFINITION = {"file", "value"};
  private static final String[] PUSHED_DOWN = {"config", "file"};

  /** The definitions of collected modules, [ { file, config } ], with properties pushed down one level. */
  static Value moduleConfigs(Value modules, Span sp) {
    List<Value> out = new ArrayList<>();
    for (Value m : Types.list(modules, sp).items()) {
      NixAttrs module = Types.attrs(m, sp);
      Value file = Properties.select(module, "_file", sp);
      for (Value config : Types.list(Properties.pushDown(Properties.select(module, "config", sp), sp), sp).items()) {
        out.add(new NixAttrs(PUSHED_DOWN, new Value[] {config, file}, null));
      }
    }
    return new NixList(out.toArray(new Value[0]));
  }

  /**
   * name → [ { _file, pos, options } ], one entry per module declaring below the level; {@code notAnAttrset} is
   * called with a module's {@code options} when they are not an attribute set.
   */
  static Value declarationsByName(EvalState st, Value notAnAttrset, Value modules, Span sp) {
    Located located = located(st, modules, "options", "_file", notAnAttrset, false, sp);
    NixAttrs[] subtrees = located.sets;
    return ByName.group(subtrees, (m, i) -> {
      Span where = subtrees[m].position(i);
      return new NixAttrs(DECLARATION,
          new Value[] {located.files[m], subtrees[m].value(i), new Thunk(() -> Paths.positionAttrs(where))}, null);
    });
  }

  /** Each item's set under one attribute, with the item's file. */
  private record Located(NixAttrs[] sets, Value[] files) {}

  /**
   * The set under {@code field} of every item of {@code list} and the item's {@code fileField}. A value that is
   * not a set goes to {@code notAnAttrset} (the item itself when {@code reportItem}), whose message is the error;
   * the module system's reporters always throw.
   */
  private static Located located(EvalState st, Value list, String field, String fileField, Value notAnAttrset,
      boolean reportItem, Span sp) {
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
   * Whether the declarations of one name are all options ({@code "options"}), none ({@code "none"}: a nested
   * option set) or some ({@code "mixed"}); {@code notAnOption} is called with the first declaration whose
   * {@code options} are tagged as something else than an option (a type where mkOption was forgotten).
   */
  static Value declarationKind(EvalState st, Value notAnOption, Value declsValue, Span sp) {
    return kindOf(declsValue, decl -> st.call(notAnOption, decl, sp), sp);
  }

  private static Value kindOf(Value declsValue, java.util.function.Function<NixAttrs, Value> notAnOption, Span sp) {
    Value[] decls = Types.list(declsValue, sp).items();
    int options = 0;
    for (Value d : decls) {
      NixAttrs decl = Types.attrs(d, sp);
      if (!(Thunk.force(Properties.select(decl, "options", sp)) instanceof NixAttrs opts) || !opts.has("_type")) continue;
      if (Thunk.force(opts.get("_type")) instanceof NixString t && t.value().equals("option")) options++;
      else return notAnOption.apply(decl);
    }
    return options == decls.length ? OPTIONS : options == 0 ? NONE : MIXED;
  }

  private static final String[] MERGED = {"matchedOptions", "unmatchedDefns"};

  /**
   * {@code mergeOptionsWith hooks}: the three-argument {@code prefix: declarationsByName: definitionsByName: …}
   * giving, per declared name, {@code { matchedOptions, unmatchedDefns }}. A name whose declarations are all options
   * is evaluated here ({@code hooks.evalOptionValue loc (hooks.declareOption loc decls) definitions}); any other name
   * goes to {@code hooks.other name decls} (nested option sets, options joined by nested declarations).
   */
  static Value mergeOptionsWith(EvalState st, Value hooksValue, Span sp) {
    NixAttrs hooks = Types.attrs(hooksValue, sp);
    Value evalOptionValue = Properties.select(hooks, "evalOptionValue", sp);
    Value declareOption = Properties.select(hooks, "declareOption", sp);
    Value notAnOption = Properties.select(hooks, "notAnOption", sp);
    Value other = Properties.select(hooks, "other", sp);
    return new PrimOp("mergeOptions", 3, (a, callSite) -> {
      Value prefix = a[0];
      NixAttrs declarations = Types.attrs(a[1], callSite);
      Value definitionsValue = a[2];
      Value[] results = new Value[declarations.size()];
      for (int i = 0; i < results.length; i++) {
        NixString name = NixString.of(declarations.name(i));
        Value decls = declarations.value(i);
        results[i] = new Thunk(() -> {
          Value loc = new Thunk(() -> NixList.concat(Types.list(prefix, callSite).items(), new Value[] {name}));
          Value kind = kindOf(decls, decl -> st.call(notAnOption, loc, decl, callSite), callSite);
          if (kind != OPTIONS) return st.call(other, name, decls, callSite);
          Value definitions = new Thunk(() -> {
            Value defs = Types.attrs(definitionsValue, callSite).get(name.value());
            return defs == null ? NixList.EMPTY : Thunk.force(defs);
          });
          Value option = new Thunk(() -> st.call(evalOptionValue,
              new Value[] {loc, new Thunk(() -> st.call(declareOption, new Value[] {loc, decls}, callSite)), definitions},
              callSite));
          return new NixAttrs(MERGED, new Value[] {option, NixList.EMPTY}, null);
        });
      }
      return new NixAttrs(declarations.names(), results, null);
    });
  }

  /**
   * { values = name → [ { file, value } ]; pushedDown = name → [ { file, config } ]; } for the definitions
   * ({@code [ { file, config } ]}) at this level. {@code pushedDown} holds each name's definitions with their
   * properties pushed one level further down, for the recursion into option sets that are not options; it is
   * computed per name on demand, since that forces the definitions. {@code notAnAttrset} is called with a
   * definition whose config is not an attribute set.
   */
  static Value definitionsByName(EvalState st, Value notAnAttrset, Value configs, Span sp) {
    Located located = located(st, configs, "config", "file", notAnAttrset, true, sp);
    NixAttrs[] configOf = located.sets;
    Value[] fileOf = located.files;
    NixAttrs values = ByName.group(configOf, (d, i) -> new NixAttrs(DEFINITION, new Value[] {fileOf[d], configOf[d].value(i)}, null));
    Value[] pushed = new Value[values.size()];
    for (int n = 0; n < pushed.length; n++) {
      Value[] defsOfName = ((NixList) values.value(n)).items();
      pushed[n] = new Thunk(() -> {
        List<Value> out = new ArrayList<>();
        for (Value d : defsOfName) {
          NixAttrs def = (NixAttrs) d;
          for (Value config : Types.list(Properties.pushDown(def.value(1), sp), sp).items()) {
            out.add(new NixAttrs(PUSHED_DOWN, new Value[] {config, def.value(0)}, null));
          }
        }
        return new NixList(out.toArray(new Value[0]));
      });
    }
    return new NixAttrs(new String[] {"pushedDown", "values"},
        new Value[] {new NixAttrs(values.names(), pushed, null), values}, null);
  }

  /** name → [ { file, value } ] for definitions [ { file, value } ] whose values are attribute sets. */
  static Value valuesByAttribute(Value defsValue, Span sp) {
    Value[] defs = Types.list(defsValue, sp).items();
    NixAttrs[] sets = new NixAttrs[defs.length];
    Value[] files = new Value[defs.length];
    for (int d = 0; d < defs.length; d++) {
      NixAttrs def = Types.attrs(defs[d], sp);
      sets[d] = Types.attrs(Properties.select(def, "value", sp), sp);
      files[d] = Properties.select(def, "file", sp);
    }
    return ByName.group(sets, (d, i) -> new NixAttrs(DEFINITION, new Value[] {files[d], sets[d].value(i)}, null));
  }

  /**
   * The definitions this level could not match, each with its path below the level in {@code prefix}: those of
   * names without any declaration ({@code definitions}) and those the nested levels left
   * ({@code results.<name>.unmatchedDefns}), in name order.
   */
  static Value unmatchedDefinitions(Value resultsValue, Value definitionsValue, Span sp) {
    NixAttrs results = Types.attrs(resultsValue, sp);
    NixAttrs definitions = Types.attrs(definitionsValue, sp);
    List<Value> out = new ArrayList<>();
    int i = 0, j = 0;
    while (i < results.size() || j < definitions.size()) {
      int c = i == results.size() ? 1 : j == definitions.size() ? -1 : results.name(i).compareTo(definitions.name(j));
      String name;
      NixList defs;
      if (c <= 0) {
        name = results.name(i);
        defs = Types.list(Properties.select(Types.attrs(results.value(i), sp), "unmatchedDefns", sp), sp);
        i++;
        if (c == 0) j++;
      } else {
        name = definitions.name(j);
        defs = Types.list(definitions.value(j), sp);
        j++;
      }
      for (Value d : defs.items()) out.add(withPrefix(Types.attrs(d, sp), name, sp));
    }
    return new NixList(out.toArray(new Value[0]));
  }

  /** {@code def // { prefix = [ name ] ++ (def.prefix or [ ]); }} */
  private static NixAttrs withPrefix(NixAttrs def, String name, Span sp) {
    Value below = def.get("prefix");
    NixString head = NixString.of(name);
    Value prefix = below == null ? new NixList(new Value[] {head})
        : new Thunk(() -> NixList.prepend(head, Types.list(below, sp).items()));
    return def.update(new NixAttrs(new String[] {"prefix"}, new Value[] {prefix}, null));
  }

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
