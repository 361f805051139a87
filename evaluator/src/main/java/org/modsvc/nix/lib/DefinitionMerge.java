package org.modsvc.nix.lib;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.error.ThrownError;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * {@code mergeDefinitions loc type defs}: the definitions of a value of {@code type} at {@code
 * loc}, filtered and ordered ({@link DefinitionPipeline}), checked and merged by the type (its
 * {@code merge.v2} when it has one). Every field of the result is computed on demand, as the
 * attributes of the Nix reference are. Error texts come from the module system's {@code messages},
 * which the caller passes once.
 */
final class DefinitionMerge {
  private DefinitionMerge() {}

  private static final String[] RESULT = {
    "checkedAndMerged", "defsFinal", "defsFinal'", "isDefined", "mergedValue", "optionalValue"
  };
  private static final String[] SHAPE = {"headError", "value", "valueMeta"};

  /** {@code mergeDefinitionsWith messages}: the three-argument {@code mergeDefinitions}. */
  static Value mergeDefinitionsWith(EvalState st, Value messagesValue, Span sp) {
    return new PrimOp("mergeDefinitions", 3, new Merger(st, Types.attrs(messagesValue, sp)));
  }

  /**
   * {@code mergeDefinitions}' body; {@link OptionValue} starts a {@link #run} directly when the
   * hook is ours.
   */
  record Merger(EvalState st, NixAttrs messages) implements PrimOp.Impl {
    @Override
    public Value apply(Value[] a, Span callSite) {
      return run(a[0], a[1], a[2], callSite).attrs();
    }

    /** A merge whose every field is still to be computed: making one forces nothing. */
    Run run(Value loc, Value typeValue, Value defs, Span sp) {
      return new Run(st, messages, loc, typeValue, defs, sp);
    }
  }

  /**
   * One merge: what the lazily computed fields of its result share. Their thunks name their
   * computations by the constants below and take this as their context (see {@link
   * Thunk.Deferred}).
   */
  static final class Run {
    final EvalState st;
    final NixAttrs messages;
    final Value loc, typeValue, defs;
    final Span sp;
    final Thunk defsFinalPrime = new Thunk(FINAL_DEFINITIONS, this);
    final Thunk defsFinal = new Thunk(DEFS_FINAL, this);
    final Thunk isDefined = new Thunk(IS_DEFINED, this);
    final Thunk checkedAndMerged = new Thunk(CHECKED_AND_MERGED, this);
    final Thunk mergedValue = new Thunk(MERGED_VALUE, this);
    final Thunk optionalValue = new Thunk(OPTIONAL_VALUE, this);

    Run(EvalState st, NixAttrs messages, Value loc, Value typeValue, Value defs, Span sp) {
      this.st = st;
      this.messages = messages;
      this.loc = loc;
      this.typeValue = typeValue;
      this.defs = defs;
      this.sp = sp;
    }

    /** The result as {@code mergeDefinitions} returns it. */
    NixAttrs attrs() {
      return new NixAttrs(
          RESULT,
          new Value[] {
            checkedAndMerged, defsFinal, defsFinalPrime, isDefined, mergedValue, optionalValue
          },
          null);
    }
  }

  private static final String[] V2_ARGS = {"defs", "loc"};
  private static final String[] INTERNAL = {"_internal"};
  private static final String[] TYPE = {"type"};
  private static final String[] VALUE_META = {"valueMeta"};
  private static final String[] VALUE = {"value"};

  private static final Thunk.Deferred<Run> DEFS_FINAL =
      r -> Properties.selectNow(r.defsFinalPrime, "values", r.sp);
  private static final Thunk.Deferred<Run> FINAL_DEFINITIONS =
      r -> DefinitionPipeline.finalDefinitions(r.st, r.defs, r.sp);
  private static final Thunk.Deferred<Run> IS_DEFINED =
      r -> NixBool.of(Types.list(r.defsFinal, r.sp).size() != 0);
  private static final Thunk.Deferred<Run> OPTIONAL_VALUE =
      r ->
          Types.bool(r.isDefined, r.sp)
              ? new NixAttrs(VALUE, new Value[] {r.mergedValue}, null)
              : NixAttrs.EMPTY;

  // The layouts of the two updates below (hints: see NixAttrs.UpdateSite).
  private static final NixAttrs.UpdateSite VALUE_META_SITE = new NixAttrs.UpdateSite();
  private static final NixAttrs.UpdateSite V2_RESULT_SITE = new NixAttrs.UpdateSite();

  private record V2Result(NixAttrs raw, NixAttrs type, Span sp) {}

  /** {@code raw.valueMeta // { _internal.type = type; }} */
  private static final Thunk.Deferred<V2Result> VALUE_META_WITH_TYPE =
      v ->
          Types.attrs(Properties.select(v.raw, "valueMeta", v.sp), v.sp)
              .update(
                  new NixAttrs(
                      INTERNAL, new Value[] {new NixAttrs(TYPE, new Value[] {v.type}, null)}, null),
                  VALUE_META_SITE);

  private static final Thunk.Deferred<Run> CHECKED_AND_MERGED =
      r -> {
        Span sp = r.sp;
        NixAttrs type = Types.attrs(r.typeValue, sp);
        NixAttrs result;
        if (hasV2Merge(type, sp)) {
          if (!isV2MergeCoherent(type, sp))
            throw thrown(r.st, r.messages, "incoherent_v2_check", sp, r.loc, type);
          NixAttrs v2Args = new NixAttrs(V2_ARGS, new Value[] {r.defsFinal, r.loc}, null);
          Value v2 =
              Properties.select(Types.attrs(Properties.select(type, "merge", sp), sp), "v2", sp);
          NixAttrs raw = Types.attrs(r.st.call(v2, v2Args, sp), sp);
          Value valueMeta = new Thunk(VALUE_META_WITH_TYPE, new V2Result(raw, type, sp));
          result =
              raw.update(new NixAttrs(VALUE_META, new Value[] {valueMeta}, null), V2_RESULT_SITE);
        } else {
          result =
              new NixAttrs(SHAPE, new Value[] {NixNull.NULL, r.mergedValue, NixAttrs.EMPTY}, null);
        }
        checkShape(result, sp);
        return result;
      };

  private static final Thunk.Deferred<Run> MERGED_VALUE =
      r -> {
        Span sp = r.sp;
        EvalState st = r.st;
        NixAttrs type = Types.attrs(r.typeValue, sp);
        if (!Types.bool(r.isDefined, sp)) {
          if (Thunk.force(Properties.select(type, "emptyValue", sp)) instanceof NixAttrs empty
              && empty.has("value")) {
            return Thunk.force(empty.get("value"));
          }
          throw thrown(st, r.messages, "used_but_not_defined", sp, r.loc);
        }
        if (hasV2Merge(type, sp)) {
          NixAttrs cm = Types.attrs(r.checkedAndMerged, sp);
          Value headError = cm.get("headError");
          if (headError != null && Thunk.force(headError) != NixNull.NULL) {
            throw thrown(st, r.messages, "wrong_type_v2", sp, r.loc, type, headError);
          }
          return Thunk.force(Properties.select(cm, "value", sp));
        }
        Value check = Properties.select(type, "check", sp);
        Value[] finals = Types.list(r.defsFinal, sp).items();
        for (Value def : finals) {
          if (!passes(st, check, def, sp)) {
            Value failing =
                new Thunk(
                    () -> {
                      java.util.List<Value> bad = new java.util.ArrayList<>();
                      for (Value d : finals) if (!passes(st, check, d, sp)) bad.add(d);
                      return new NixList(bad.toArray(new Value[bad.size()]));
                    });
            throw thrown(st, r.messages, "wrong_type", sp, r.loc, type, failing);
          }
        }
        return st.call(Properties.select(type, "merge", sp), new Value[] {r.loc, r.defsFinal}, sp);
      };

  /**
   * {@code headErrorOfWith describe}: the two-argument head error of a v2 merge, null when every
   * definition passes {@code check}, else {@code describe} applied to the list of those that do
   * not.
   */
  static Value headErrorOfWith(EvalState st, Value describe, Span sp) {
    return new PrimOp(
        "headErrorOf",
        2,
        (a, callSite) -> {
          Value check = a[0];
          Value[] defs = Types.list(a[1], callSite).items();
          java.util.List<Value> bad = null;
          for (Value def : defs) {
            if (!passes(st, check, def, callSite)) {
              if (bad == null) bad = new java.util.ArrayList<>();
              bad.add(def);
            }
          }
          return bad == null
              ? NixNull.NULL
              : st.call(describe, new NixList(bad.toArray(new Value[bad.size()])), callSite);
        });
  }

  private static boolean hasV2Merge(NixAttrs type, Span sp) {
    return Thunk.force(Properties.select(type, "merge", sp)) instanceof NixAttrs merge
        && merge.has("v2");
  }

  /** {@code type.check.isV2MergeCoherent or false} */
  private static boolean isV2MergeCoherent(NixAttrs type, Span sp) {
    if (!(Thunk.force(Properties.select(type, "check", sp)) instanceof NixAttrs check))
      return false;
    Value flag = check.get("isV2MergeCoherent");
    return flag != null && Types.bool(flag, sp);
  }

  private static boolean passes(EvalState st, Value check, Value def, Span sp) {
    return Types.bool(st.call(check, Properties.select(Types.attrs(def, sp), "value", sp), sp), sp);
  }

  /**
   * The module system's {@code mergeResultShape = result@{ headError, value, valueMeta }: result;}
   */
  private static void checkShape(NixAttrs result, Span sp) {
    for (String required : SHAPE) {
      if (!result.has(required)) {
        throw new EvalException(
            "function 'mergeResultShape' called without required argument '" + required + "'", sp);
      }
    }
    if (result.size() != SHAPE.length) {
      for (int i = 0; i < result.size(); i++) {
        String n = result.name(i);
        if (!n.equals("headError") && !n.equals("value") && !n.equals("valueMeta")) {
          throw new EvalException(
              "function 'mergeResultShape' called with unexpected argument '" + n + "'", sp);
        }
      }
    }
  }

  /** {@code throw (messages.<name> args…)} */
  private static ThrownError thrown(
      EvalState st, NixAttrs messages, String name, Span sp, Value... args) {
    Value text = st.call(Properties.select(messages, name, sp), args, sp);
    return new ThrownError(st.coerceToString(text, sp, false, false).value(), sp);
  }
}
