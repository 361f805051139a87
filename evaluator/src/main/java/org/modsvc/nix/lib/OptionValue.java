package org.modsvc.nix.lib;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * {@code evalOptionValue loc opt defs}: a merged option declaration plus its definitions becomes
 * the option as {@code options.<path>} shows it — the declaration's attributes with {@code value},
 * {@code highestPrio}, {@code definitions}, {@code files}, {@code definitionsWithLocations}, {@code
 * isDefined}, {@code valueMeta} and {@code __toString}. The default is a definition at {@code
 * mkOptionDefault} priority. Every added attribute is computed on demand. The parts that are
 * module-system policy (merging, showing the option's name, the read-only error, the deprecation
 * warning) are Nix functions the caller passes once, in {@code hooks}.
 */
final class OptionValue {
  private OptionValue() {}

  private static final NixInt OPTION_DEFAULT_PRIORITY = NixInt.of(1500);
  private static final String[] ADDED = {
    "__toString",
    "definitions",
    "definitionsWithLocations",
    "files",
    "highestPrio",
    "isDefined",
    "value",
    "valueMeta"
  };

  /** {@code evalOptionValueWith hooks}: the three-argument {@code evalOptionValue}. */
  static Value evalOptionValueWith(EvalState st, Value hooksValue, Span sp) {
    NixAttrs h = Types.attrs(hooksValue, sp);
    Hooks hooks =
        new Hooks(
            st,
            Properties.select(h, "mergeDefinitions", sp),
            Properties.select(h, "showOption", sp),
            Properties.select(h, "readOnlySetTwice", sp),
            Properties.select(h, "deprecated", sp),
            Properties.select(h, "toStringFor", sp));
    return new PrimOp("evalOptionValue", 3, new Evaluator(hooks));
  }

  /**
   * The module system's functions every option's evaluation calls, read once per {@code
   * evalOptionValueWith}.
   */
  private record Hooks(
      EvalState st,
      Value mergeDefinitions,
      Value showOption,
      Value readOnlySetTwice,
      Value deprecated,
      Value toStringFor) {}

  /**
   * {@code evalOptionValue}'s body; {@link MergeLevel} calls {@link #evaluate} directly when the
   * hooks are ours.
   */
  record Evaluator(Hooks hooks) implements PrimOp.Impl {
    @Override
    public Value apply(Value[] a, Span callSite) {
      return evaluate(
          a[0], new OptionDeclaration.Declared(Types.attrs(a[1], callSite), null), a[2], callSite);
    }

    NixAttrs evaluate(Value loc, OptionDeclaration.Declared declared, Value defs, Span callSite) {
      return new Run(hooks, loc, declared, defs, callSite).option();
    }
  }

  /**
   * The attributes a once-declared option gets from declaring and from here, in name order, joined
   * in one update: each is {@code i >= 0} for {@code OptionDeclaration.DECLARED[i]}, {@code -1 - i}
   * for {@code ADDED[i]}.
   */
  private static final String[] DECLARED_AND_ADDED;

  private static final int[] DECLARED_AND_ADDED_FROM;

  static {
    String[] declared = OptionDeclaration.DECLARED;
    int n = declared.length + ADDED.length;
    String[] names = new String[n];
    int[] from = new int[n];
    for (int i = 0, j = 0, k = 0; k < n; k++) {
      boolean takeDeclared =
          j == ADDED.length || (i < declared.length && declared[i].compareTo(ADDED[j]) < 0);
      names[k] = takeDeclared ? declared[i] : ADDED[j];
      from[k] = takeDeclared ? i++ : -1 - j++;
    }
    DECLARED_AND_ADDED = names;
    DECLARED_AND_ADDED_FROM = from;
  }

  /**
   * One option's evaluation: what its lazily computed attributes share. The thunks name their
   * computations by the constants below and take this as their context (see {@link
   * Thunk.Deferred}).
   */
  private static final class Run {
    final Hooks hooks;
    final Value loc;
    final OptionDeclaration.Declared declared;
    final Value defs;
    final Span callSite;

    /** The option's type, forced at once: the deprecation check needs it before anything else. */
    final Value type;

    final Thunk allDefs = new Thunk(ALL_DEFS, this);

    /**
     * The merge of the definitions, started at once when the module system's {@code
     * mergeDefinitions} is ours and the option is not read-only (nothing is forced by starting it):
     * its fields are then this option's attributes themselves. Otherwise null, and {@link #merged}
     * calls the hook when first needed.
     */
    final DefinitionMerge.Run direct;

    final Thunk merged;
    final Thunk mergedValue;
    final Thunk defsFinal;

    Run(Hooks hooks, Value loc, OptionDeclaration.Declared declared, Value defs, Span callSite) {
      this.hooks = hooks;
      this.loc = loc;
      this.declared = declared;
      this.defs = defs;
      this.callSite = callSite;
      this.type = Thunk.force(declared.select("type", callSite));
      if (declared.get("readOnly") == null
          && Thunk.force(hooks.mergeDefinitions) instanceof PrimOp p
          && p.impl() instanceof DefinitionMerge.Merger merger) {
        direct = merger.run(loc, type, allDefs, callSite);
        merged = null;
        mergedValue = direct.mergedValue;
        defsFinal = direct.defsFinal;
      } else {
        direct = null;
        merged = new Thunk(MERGED, this);
        mergedValue = new Thunk(MERGED_VALUE, this);
        defsFinal = new Thunk(DEFS_FINAL, this);
      }
    }

    NixAttrs option() {
      Value[] added = {
        new Thunk(TO_STRING, this),
        new Thunk(VALUES, this),
        defsFinal,
        new Thunk(FILES, this),
        new Thunk(HIGHEST_PRIO, this),
        direct != null ? direct.isDefined : new Thunk(IS_DEFINED, this),
        new Thunk(VALUE, this),
        new Thunk(VALUE_META, this)
      };
      if (Properties.selectNow(type, "deprecationMessage", callSite) != NixNull.NULL) {
        NixAttrs base =
            Types.attrs(hooks.st.call(hooks.deprecated, loc, declared.attrs(), callSite), callSite);
        return base.update(new NixAttrs(ADDED, added, null), DEPRECATED_SITE);
      }
      if (declared.added() == null)
        return declared.base().update(new NixAttrs(ADDED, added, null), MERGED_DECLARATION_SITE);
      Value[] both = new Value[DECLARED_AND_ADDED.length];
      for (int k = 0; k < both.length; k++) {
        int from = DECLARED_AND_ADDED_FROM[k];
        both[k] = from >= 0 ? declared.added()[from] : added[-1 - from];
      }
      return declared.base().update(new NixAttrs(DECLARED_AND_ADDED, both, null), SITE);
    }
  }

  // The layouts of the three updates above (hints: see NixAttrs.UpdateSite).
  private static final NixAttrs.UpdateSite SITE = new NixAttrs.UpdateSite();
  private static final NixAttrs.UpdateSite MERGED_DECLARATION_SITE = new NixAttrs.UpdateSite();
  private static final NixAttrs.UpdateSite DEPRECATED_SITE = new NixAttrs.UpdateSite();

  private static final Thunk.Deferred<Run> ALL_DEFS =
      r -> withDefault(r.declared, r.defs, r.callSite);
  private static final Thunk.Deferred<Run> MERGED =
      r -> {
        Value readOnly = r.declared.get("readOnly");
        if (readOnly != null
            && Types.bool(readOnly, r.callSite)
            && Types.list(r.allDefs, r.callSite).size() > 1) {
          return r.hooks.st.call(
              r.hooks.readOnlySetTwice,
              new Value[] {r.loc, r.declared.attrs(), r.allDefs},
              r.callSite);
        }
        return r.hooks.st.call(
            r.hooks.mergeDefinitions, new Value[] {r.loc, r.type, r.allDefs}, r.callSite);
      };
  private static final Thunk.Deferred<Run> VALUE =
      r -> {
        Value apply = r.declared.get("apply");
        EvalState st = r.hooks.st;
        try {
          return apply != null
              ? st.call(apply, r.mergedValue, r.callSite)
              : Thunk.force(r.mergedValue);
        } catch (EvalException e) {
          String name =
              st.coerceToString(
                      st.call(r.hooks.showOption, r.loc, r.callSite), r.callSite, false, false)
                  .value();
          throw e.addTrace("while evaluating the option `" + name + "':", Span.NONE);
        }
      };
  // Selections from the merge result, each its own computation rather than a
  // Properties.selectLater: one
  // object per option attribute instead of two.
  private static final Thunk.Deferred<Run> MERGED_VALUE =
      r -> Properties.selectNow(r.merged, "mergedValue", r.callSite);
  private static final Thunk.Deferred<Run> DEFS_FINAL =
      r -> Properties.selectNow(r.merged, "defsFinal", r.callSite);
  private static final Thunk.Deferred<Run> IS_DEFINED =
      r -> Properties.selectNow(r.merged, "isDefined", r.callSite);
  private static final Thunk.Deferred<Run> HIGHEST_PRIO =
      r ->
          Properties.selectNow(
              r.direct != null
                  ? r.direct.defsFinalPrime
                  : Properties.selectNow(r.merged, "defsFinal'", r.callSite),
              "highestPrio",
              r.callSite);
  private static final Thunk.Deferred<Run> VALUE_META =
      r ->
          Properties.selectNow(
              r.direct != null
                  ? r.direct.checkedAndMerged
                  : Properties.selectNow(r.merged, "checkedAndMerged", r.callSite),
              "valueMeta",
              r.callSite);
  private static final Thunk.Deferred<Run> TO_STRING =
      r -> r.hooks.st.call(r.hooks.toStringFor, r.loc, r.callSite);
  private static final Thunk.Deferred<Run> VALUES =
      r -> eachField(r.defsFinal, "value", r.callSite);
  private static final Thunk.Deferred<Run> FILES = r -> eachField(r.defsFinal, "file", r.callSite);

  /**
   * {@code (if opt ? default then [ { file = head opt.declarations; value = mkOptionDefault
   * opt.default; } ] else [ ]) ++ defs}
   */
  private static Value withDefault(OptionDeclaration.Declared opt, Value defs, Span sp) {
    Value[] given = Types.list(defs, sp).items();
    Value dflt = opt.get("default");
    if (dflt == null) return Thunk.force(defs);
    Value file = new Thunk(FIRST_DECLARATION, new Located(opt, sp));
    return NixList.prepend(
        DefinitionPipeline.definition(file, Properties.mkOverride(OPTION_DEFAULT_PRIORITY, dflt)),
        given);
  }

  private record Located(OptionDeclaration.Declared opt, Span sp) {}

  private static final Thunk.Deferred<Located> FIRST_DECLARATION =
      l -> {
        NixList declarations = Types.list(l.opt.select("declarations", l.sp), l.sp);
        if (declarations.size() == 0)
          throw new EvalException("'builtins.head' called on an empty list", l.sp);
        return Thunk.force(declarations.get(0));
      };

  /** {@code map (x: x.name) list} */
  private static Value eachField(Value list, String name, Span sp) {
    Value[] items = Types.list(list, sp).items();
    Value[] out = new Value[items.length];
    for (int i = 0; i < out.length; i++) out[i] = Properties.selectLater(items[i], name, sp);
    return new NixList(out);
  }
}
