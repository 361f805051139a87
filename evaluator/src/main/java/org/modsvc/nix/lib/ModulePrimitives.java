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
 * The global {@code __modsvcLibPrimitives}: Java implementations of the module system's innermost
 * loops, which run for every option and every definition of an evaluation (on a 1000-service
 * configuration they were most of the two million Nix function calls). {@code
 * modsvc-lib/primitives.nix} holds the Nix reference each one must match and picks these when the
 * global is not null ({@link EvalState#setLibPrimitives}).
 *
 * <p>Each primitive forces exactly what its Nix reference forces before returning, and leaves lazy
 * what the reference leaves lazy (values of definitions, option values), so the module system's
 * laziness — which NixOS configurations depend on — is unchanged.
 */
public final class ModulePrimitives implements Builtins.Group, PrimOp.Bodies {
  static final String GLOBAL = "__modsvcLibPrimitives";

  private final EvalState st;

  public ModulePrimitives(EvalState st) {
    this.st = st;
  }

  /** The primitives, by their name in the global. */
  private enum Op {
    ATTR_OF_EACH("attrOfEach", 2),
    CLOSURE_MODULES("closureModules", 1),
    COLLECT_TREE_WITH("collectTreeWith", 2),
    DECLARE_OPTION_WITH("declareOptionWith", 1),
    DECLARATION_KIND("declarationKind", 2),
    DECLARATIONS_BY_NAME("declarationsByName", 2),
    DEFINED_ENTRIES("definedEntries", 1),
    DEFINITIONS_BY_NAME("definitionsByName", 2),
    EVAL_OPTION_VALUE_WITH("evalOptionValueWith", 1),
    FINAL_DEFINITIONS("finalDefinitions", 1),
    HEAD_ERROR_OF_WITH("headErrorOfWith", 1),
    MERGE_EQUAL_OPTION_WITH("mergeEqualOptionWith", 1),
    MERGE_OPTIONS_WITH("mergeOptionsWith", 1),
    MERGE_DEFINITIONS_WITH("mergeDefinitionsWith", 1),
    GROUP_VALUES_BY_NAME("groupValuesByName", 1),
    MODULE_CONFIGS("moduleConfigs", 1),
    OPTION_VALUES("optionValues", 1),
    VALUES_BY_ATTRIBUTE("valuesByAttribute", 1),
    PUSH_DOWN_PROPERTIES("pushDownProperties", 1),
    REVERSE_LIST("reverseList", 1),
    UNIFY_MODULE_SYNTAX_WITH("unifyModuleSyntaxWith", 1),
    UNMATCHED_DEFINITIONS("unmatchedDefinitions", 2);

    final String nixName;
    final int arity;

    Op(String nixName, int arity) {
      this.nixName = nixName;
      this.arity = arity;
    }
  }

  private static final Op[] OPS = Op.values();

  @Override
  public void register(Builtins.Registry r) {
    if (!st.libPrimitives()) {
      r.internal(GLOBAL, NixNull.NULL);
      return;
    }
    NixAttrs.Builder b = NixAttrs.builder(OPS.length);
    for (Op op : OPS) b.put(op.nixName, new PrimOp(op.nixName, op.arity, this, op.ordinal()));
    r.internal(GLOBAL, b.build());
  }

  @Override
  public Value apply(int op, Value[] a, Span sp) {
    return switch (OPS[op]) {
      case ATTR_OF_EACH -> MergeLevel.attrOfEach(Types.plainString(a[0], sp), a[1], sp);
      case CLOSURE_MODULES -> ModuleTree.closureModules(a[0], sp);
      case COLLECT_TREE_WITH -> ModuleTree.collectTreeWith(st, a[0], a[1], sp);
      case DECLARE_OPTION_WITH -> OptionDeclaration.declareOptionWith(st, a[0], sp);
      case DECLARATION_KIND -> MergeLevel.declarationKind(st, a[0], a[1], sp);
      case DECLARATIONS_BY_NAME -> MergeLevel.declarationsByName(st, a[0], a[1], sp);
      case DEFINED_ENTRIES -> definedEntries(a[0], sp);
      case DEFINITIONS_BY_NAME -> MergeLevel.definitionsByName(st, a[0], a[1], sp);
      case EVAL_OPTION_VALUE_WITH -> OptionValue.evalOptionValueWith(st, a[0], sp);
      case FINAL_DEFINITIONS -> DefinitionPipeline.finalDefinitions(st, a[0], sp);
      case HEAD_ERROR_OF_WITH -> DefinitionMerge.headErrorOfWith(st, a[0], sp);
      case MERGE_EQUAL_OPTION_WITH -> OptionDeclaration.mergeEqualOptionWith(st, a[0], sp);
      case MERGE_OPTIONS_WITH -> MergeLevel.mergeOptionsWith(st, a[0], sp);
      case MERGE_DEFINITIONS_WITH -> DefinitionMerge.mergeDefinitionsWith(st, a[0], sp);
      case GROUP_VALUES_BY_NAME -> groupValuesByName(a[0], sp);
      case MODULE_CONFIGS -> MergeLevel.moduleConfigs(a[0], sp);
      case OPTION_VALUES -> optionValues(a[0], sp);
      case VALUES_BY_ATTRIBUTE -> MergeLevel.valuesByAttribute(a[0], sp);
      case PUSH_DOWN_PROPERTIES -> Properties.pushDown(a[0], sp);
      case REVERSE_LIST -> reverseList(a[0], sp);
      case UNIFY_MODULE_SYNTAX_WITH -> ModuleSyntax.unifyModuleSyntaxWith(st, a[0], sp);
      case UNMATCHED_DEFINITIONS -> MergeLevel.unmatchedDefinitions(a[0], a[1], sp);
    };
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
   * The entries of {@code merges} (name → {@code mergeDefinitions} result) whose {@code
   * optionalValue} has a value, forced in name order as the reference's {@code filter} does; the
   * set itself when all have one.
   */
  static Value definedEntries(Value mergesValue, Span sp) {
    NixAttrs merges = Types.attrs(mergesValue, sp);
    boolean[] drop = null;
    int dropped = 0;
    for (int i = 0; i < merges.size(); i++) {
      NixAttrs optional =
          Types.attrs(Properties.select(Types.attrs(merges.value(i), sp), "optionalValue", sp), sp);
      if (!optional.has("value")) {
        if (drop == null) drop = new boolean[merges.size()];
        drop[i] = true;
        dropped++;
      }
    }
    return merges.without(drop, dropped);
  }

  /**
   * The configuration of a tree of options: {@code mapAttrsRecursiveCond (v: !isOption v) (_: opt:
   * opt.value)}. Every attribute stays a thunk, so an option's value is computed only when read.
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

  private static final Thunk.Deferred<OptionOrSet> OPTION_VALUE =
      o -> {
        Value forced = Thunk.force(o.value);
        if (forced instanceof NixAttrs s && !"option".equals(Properties.tag(s)))
          return optionValues(s, o.sp);
        return Properties.selectNow(forced, "value", o.sp);
      };
}
