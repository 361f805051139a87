package org.modsvc.nix.lib;

import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * The global {@code __modsvcLibPrimitives}: Java implementations of the module system's innermost loops, which
 * run for every option and every definition of an evaluation (on a 1000-service configuration they were most of
 * the two million Nix function calls). {@code modsvc-lib/primitives.nix} holds the Nix reference each one must
 * match and picks these when the global is not null ({@link EvalState#setLibPrimitives}).
 *
 * <p>Each primitive forces exactly what its Nix reference forces before returning, and leaves lazy what the
 * reference leaves lazy (values of definitions, option values), so the module system's laziness — which
 * NixOS configurations depend on — is unchanged.
 */
public final class ModulePrimitives implements Builtins.Group {
  static final String GLOBAL = "__modsvcLibPrimitives";

  @Override public void register(Builtins.Registry r) {
    if (!r.state.libPrimitives()) {
      r.internal(GLOBAL, NixNull.NULL);
      return;
    }
    EvalState st = r.state;
    NixAttrs.Builder b = NixAttrs.builder(8);
    b.put("attrOfEach", new PrimOp("attrOfEach", 2, (a, sp) -> MergeLevel.attrOfEach(Types.plainString(a[0], sp), a[1], sp)));
    b.put("closureModules", new PrimOp("closureModules", 1, (a, sp) -> ModuleTree.closureModules(a[0], sp)));
    b.put("collectTreeWith", new PrimOp("collectTreeWith", 2, (a, sp) -> ModuleTree.collectTreeWith(st, a[0], a[1], sp)));
    b.put("declareOptionWith", new PrimOp("declareOptionWith", 1, (a, sp) -> OptionDeclaration.declareOptionWith(st, a[0], sp)));
    b.put("declarationKind", new PrimOp("declarationKind", 2, (a, sp) -> MergeLevel.declarationKind(st, a[0], a[1], sp)));
    b.put("declarationsByName", new PrimOp("declarationsByName", 2, (a, sp) -> MergeLevel.declarationsByName(st, a[0], a[1], sp)));
    b.put("definedEntries", new PrimOp("definedEntries", 1, (a, sp) -> definedEntries(a[0], sp)));
    b.put("definitionsByName", new PrimOp("definitionsByName", 2, (a, sp) -> MergeLevel.definitionsByName(st, a[0], a[1], sp)));
    b.put("evalOptionValueWith", new PrimOp("evalOptionValueWith", 1, (a, sp) -> OptionValue.evalOptionValueWith(st, a[0], sp)));
    b.put("finalDefinitions", new PrimOp("finalDefinitions", 1, (a, sp) -> DefinitionPipeline.finalDefinitions(st, a[0], sp)));
    b.put("headErrorOfWith", new PrimOp("headErrorOfWith", 1, (a, sp) -> DefinitionMerge.headErrorOfWith(st, a[0], sp)));
    b.put("mergeEqualOptionWith", new PrimOp("mergeEqualOptionWith", 1, (a, sp) -> OptionDeclaration.mergeEqualOptionWith(st, a[0], sp)));
    b.put("mergeOptionsWith", new PrimOp("mergeOptionsWith", 1, (a, sp) -> MergeLevel.mergeOptionsWith(st, a[0], sp)));
    b.put("mergeDefinitionsWith", new PrimOp("mergeDefinitionsWith", 1, (a, sp) -> DefinitionMerge.mergeDefinitionsWith(st, a[0], sp)));
    b.put("groupValuesByName", new PrimOp("groupValuesByName", 1, (a, sp) -> groupValuesByName(a[0], sp)));
    b.put("moduleConfigs", new PrimOp("moduleConfigs", 1, (a, sp) -> MergeLevel.moduleConfigs(a[0], sp)));
    b.put("optionValues", new PrimOp("optionValues", 1, (a, sp) -> optionValues(a[0], sp)));
    b.put("valuesByAttribute", new PrimOp("valuesByAttribute", 1, (a, sp) -> MergeLevel.valuesByAttribute(a[0], sp)));
    b.put("pushDownProperties", new PrimOp("pushDownProperties", 1, (a, sp) -> Properties.pushDown(a[0], sp)));
    b.put("reverseList", new PrimOp("reverseList", 1, (a, sp) -> reverseList(a[0], sp)));
    b.put("unifyModuleSyntaxWith", new PrimOp("unifyModuleSyntaxWith", 1, (a, sp) -> ModuleSyntax.unifyModuleSyntaxWith(st, a[0], sp)));
    b.put("unmatchedDefinitions", new PrimOp("unmatchedDefinitions", 2, (a, sp) -> MergeLevel.unmatchedDefinitions(a[0], a[1], sp)));
    r.internal(GLOBAL, b.build());
  }

  /** {@code zipAttrsWith (_: values: values)} without a function call per name. */
  static Value groupValuesByName(Value sets, Span sp) {
    Value[] items = Types.list(sets, sp).items();
    NixAttrs[] attrs = new NixAttrs[items.length];
    for (int i = 0; i < attrs.length; i++) attrs[i] = Types.attrs(items[i], sp);
    return ByName.group(attrs, (s, i) -> attrs[s].value(i));
  }

  static Value reverseList(Value list, Span sp) {
    Value[] items = Types.list(list, sp).items();
    Value[] out = new Value[items.length];
    for (int i = 0; i < out.length; i++) out[i] = items[items.length - 1 - i];
    return new NixList(out);
  }

  /**
   * The entries of {@code merges} (name → {@code mergeDefinitions} result) whose {@code optionalValue} has a value,
   * forced in name order as the reference's {@code filter} does; the set itself when all have one.
   */
  static Value definedEntries(Value mergesValue, Span sp) {
    NixAttrs merges = Types.attrs(mergesValue, sp);
    boolean[] drop = null;
    int dropped = 0;
    for (int i = 0; i < merges.size(); i++) {
      NixAttrs optional = Types.attrs(Properties.select(Types.attrs(merges.value(i), sp), "optionalValue", sp), sp);
      if (!optional.has("value")) {
        if (drop == null) drop = new boolean[merges.size()];
        drop[i] = true;
        dropped++;
      }
    }
    return merges.without(drop, dropped);
  }

  /**
   * The configuration of a tree of options: {@code mapAttrsRecursiveCond (v: !isOption v) (_: opt: opt.value)}.
   * Every attribute stays a thunk, so an option's value is computed only when read.
   */
  static Value optionValues(Value tree, Span sp) {
    NixAttrs options = Types.attrs(tree, sp);
    Value[] vs = new Value[options.size()];
    for (int i = 0; i < vs.length; i++) {
      vs[i] = new Thunk(OPTION_VALUE, new OptionOrSet(options.value(i), sp));
    }
    return new NixAttrs(options.names(), vs, null);
  }

  private record OptionOrSet(Value value, Span sp) {}

  private static final Thunk.Deferred<OptionOrSet> OPTION_VALUE = o -> {
    Value forced = Thunk.force(o.value);
    if (forced instanceof NixAttrs s && !"option".equals(Properties.tag(s))) return optionValues(s, o.sp);
    return Properties.selectNow(forced, "value", o.sp);
  };
}
