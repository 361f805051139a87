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
 * {@code mergeDefinitions loc type defs}: the definitions of a value of {@code type} at {@code loc}, filtered and
 * ordered ({@link DefinitionPipeline}), checked and merged by the type (its {@code merge.v2} when it has one).
 * Every field of the result is computed on demand, as the attributes of the Nix reference are. Error texts come
 * from the module system's {@code messages}, which the caller passes once.
 */
final class DefinitionMerge {
  private DefinitionMerge() {}

  private static final String[] RESULT = {"checkedAndMerged", "defsFinal", "defsFinal'", "isDefined", "mergedValue",
      "optionalValue"};
  private static final String[] SHAPE = {"headError", "value", "valueMeta"};

  /** {@code mergeDefinitionsWith messages}: the three-argument {@code mergeDefinitions}. */
  static Value mergeDefinitionsWith(EvalState st, Value messagesValue, Span sp) {
    NixAttrs messages = Types.attrs(messagesValue, sp);
    return new PrimOp("mergeDefinitions", 3, (a, callSite) -> merge(st, messages, a[0], a[1], a[2], callSite));
  }

  private static Value merge(EvalState st, NixAttrs messages, Value loc, Value typeValue, Value defs, Span sp) {
    Thunk defsFinalPrime = new Thunk(() -> DefinitionPipeline.finalDefinitions(st, defs, sp));
    Thunk defsFinal = Properties.selectLater(defsFinalPrime, "values", sp);
    Thunk isDefined = new Thunk(() -> NixBool.of(Types.list(defsFinal, sp).size() != 0));
    Thunk[] mergedValue = new Thunk[1];
    Thunk checkedAndMerged = new Thunk(() -> {
      NixAttrs type = Types.attrs(typeValue, sp);
      NixAttrs result;
      if (hasV2Merge(type, sp)) {
        if (!isV2MergeCoherent(type, sp)) throw thrown(st, messages, "incoherent_v2_check", sp, loc, type);
        NixAttrs v2Args = new NixAttrs(new String[] {"defs", "loc"}, new Value[] {defsFinal, loc}, null);
        Value v2 = Properties.select(Types.attrs(Properties.select(type, "merge", sp), sp), "v2", sp);
        NixAttrs raw = Types.attrs(st.call(v2, v2Args, sp), sp);
        Value valueMeta = new Thunk(() -> Types.attrs(Properties.select(raw, "valueMeta", sp), sp)
            .update(new NixAttrs(new String[] {"_internal"},
                new Value[] {new NixAttrs(new String[] {"type"}, new Value[] {type}, null)}, null)));
        result = raw.update(new NixAttrs(new String[] {"valueMeta"}, new Value[] {valueMeta}, null));
      } else {
        result = new NixAttrs(SHAPE, new Value[] {NixNull.NULL, mergedValue[0], NixAttrs.EMPTY}, null);
      }
      checkShape(result, sp);
      return result;
    });
    mergedValue[0] = new Thunk(() -> {
      NixAttrs type = Types.attrs(typeValue, sp);
      if (!Types.bool(isDefined, sp)) {
        if (Thunk.force(Properties.select(type, "emptyValue", sp)) instanceof NixAttrs empty && empty.has("value")) {
          return Thunk.force(empty.get("value"));
        }
        throw thrown(st, messages, "used_but_not_defined", sp, loc);
      }
      if (hasV2Merge(type, sp)) {
        NixAttrs cm = Types.attrs(checkedAndMerged, sp);
        Value headError = cm.get("headError");
        if (headError != null && Thunk.force(headError) != NixNull.NULL) {
          throw thrown(st, messages, "wrong_type_v2", sp, loc, type, headError);
        }
        return Thunk.force(Properties.select(cm, "value", sp));
      }
      Value check = Properties.select(type, "check", sp);
      Value[] finals = Types.list(defsFinal, sp).items();
      for (Value def : finals) {
        if (!passes(st, check, def, sp)) {
          Value failing = new Thunk(() -> {
            java.util.List<Value> bad = new java.util.ArrayList<>();
            for (Value d : finals) if (!passes(st, check, d, sp)) bad.add(d);
            return new NixList(bad.toArray(new Value[0]));
          });
          throw thrown(st, messages, "wrong_type", sp, loc, type, failing);
        }
      }
      return st.call(Properties.select(type, "merge", sp), new Value[] {loc, defsFinal}, sp);
    });
    Thunk optionalValue = new Thunk(() -> Types.bool(isDefined, sp)
        ? new NixAttrs(new String[] {"value"}, new Value[] {mergedValue[0]}, null)
        : NixAttrs.EMPTY);
    return new NixAttrs(RESULT,
        new Value[] {checkedAndMerged, defsFinal, defsFinalPrime, isDefined, mergedValue[0], optionalValue}, null);
  }

  /**
   * {@code headErrorOfWith describe}: the two-argument head error of a v2 merge, null when every definition
   * passes {@code check}, else {@code describe} applied to the list of those that do not.
   */
  static Value headErrorOfWith(EvalState st, Value describe, Span sp) {
    return new PrimOp("headErrorOf", 2, (a, callSite) -> {
      Value check = a[0];
      Value[] defs = Types.list(a[1], callSite).items();
      java.util.List<Value> bad = null;
      for (Value def : defs) {
        if (!passes(st, check, def, callSite)) {
          if (bad == null) bad = new java.util.ArrayList<>();
          bad.add(def);
        }
      }
      return bad == null ? NixNull.NULL : st.call(describe, new NixList(bad.toArray(new Value[0])), callSite);
    });
  }

  private static boolean hasV2Merge(NixAttrs type, Span sp) {
    return Thunk.force(Properties.select(type, "merge", sp)) instanceof NixAttrs merge && merge.has("v2");
  }

  /** {@code type.check.isV2MergeCoherent or false} */
  private static boolean isV2MergeCoherent(NixAttrs type, Span sp) {
    if (!(Thunk.force(Properties.select(type, "check", sp)) instanceof NixAttrs check)) return false;
    Value flag = check.get("isV2MergeCoherent");
    return flag != null && Types.bool(flag, sp);
  }

  private static boolean passes(EvalState st, Value check, Value def, Span sp) {
    return Types.bool(st.call(check, Properties.select(Types.attrs(def, sp), "value", sp), sp), sp);
  }

  /** The module system's {@code mergeResultShape = result@{ headError, value, valueMeta }: result;} */
  private static void checkShape(NixAttrs result, Span sp) {
    for (String required : SHAPE) {
      if (!result.has(required)) {
        throw new EvalException("function 'mergeResultShape' called without required argument '" + required + "'", sp);
      }
    }
    if (result.size() != SHAPE.length) {
      for (int i = 0; i < result.size(); i++) {
        String n = result.name(i);
        if (!n.equals("headError") && !n.equals("value") && !n.equals("valueMeta")) {
          throw new EvalException("function 'mergeResultShape' called with unexpected argument '" + n + "'", sp);
        }
      }
    }
  }

  /** {@code throw (messages.<name> args…)} */
  private static ThrownError thrown(EvalState st, NixAttrs messages, String name, Span sp, Value... args) {
    Value text = st.call(Properties.select(messages, name, sp), args, sp);
    return new ThrownError(st.coerceToString(text, sp, false, false).value(), sp);
  }
}
