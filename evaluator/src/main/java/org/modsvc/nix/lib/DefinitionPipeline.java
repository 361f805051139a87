package org.modsvc.nix.lib;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.error.ThrownError;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.Ops;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * The definition half of {@code mergeDefinitions}: from the definitions of one option ({@code [ {
 * file, value } ]}) to {@code { values; highestPrio; }}, the definitions that take part in the
 * merge, in order. The phases are nixpkgs': {@code dischargeProperties} (mkMerge flattened, mkIf
 * conditions decided), {@code filterOverrides} (only the definitions at the best mkOverride
 * priority survive, unwrapped) and {@code sortProperties} (mkOrder, stable). A single definition
 * without any property skips all three, as in nixpkgs.
 *
 * <p>{@code highestPrio} and {@code values} are computed on demand: asking for the priority must
 * not force the values (or the mkOrder priorities) of the winning definitions.
 */
final class DefinitionPipeline {
  private DefinitionPipeline() {}

  static final NixInt DEFAULT_OVERRIDE_PRIORITY = NixInt.of(100);
  private static final NixInt DEFAULT_ORDER_PRIORITY = NixInt.of(1000);
  private static final NixInt NO_PRIORITY_YET = NixInt.of(9999);

  static Value finalDefinitions(EvalState st, Value defsValue, Span sp) {
    NixList defs = Types.list(defsValue, sp);
    if (defs.size() == 1 && isPlain(st, Types.attrs(defs.get(0), sp), sp)) {
      return result(defs, DEFAULT_OVERRIDE_PRIORITY);
    }
    Filtered filtered = filterOverrides(discharge(st, defs, sp), sp);
    Value values = new Thunk(SORTED, new Unsorted(filtered.values, sp));
    return result(values, filtered.highestPrio);
  }

  private record Unsorted(List<NixAttrs> defs, Span sp) {}

  private static final Thunk.Deferred<Unsorted> SORTED = u -> sortProperties(u.defs, u.sp);

  private static final String[] RESULT = {"highestPrio", "values"};
  private static final String[] DEFINITION = {"file", "value"};
  private static final String[] VALUE = {"value"};
  private static final String[] ORDERED = {"priority", "value"};

  // The layouts of the two definition updates below (hints: see NixAttrs.UpdateSite).
  private static final NixAttrs.UpdateSite OVERRIDE_SITE = new NixAttrs.UpdateSite();
  private static final NixAttrs.UpdateSite ORDER_SITE = new NixAttrs.UpdateSite();

  /**
   * A definition {@code { file, value }}. Every definition the primitives make has this one names
   * array, so the selection sites that read definitions ({@code def.value}, {@code def.file}) see a
   * single layout.
   */
  static NixAttrs definition(Value file, Value value) {
    return new NixAttrs(DEFINITION, new Value[] {file, value}, null);
  }

  private static NixAttrs result(Value values, Value highestPrio) {
    return new NixAttrs(RESULT, new Value[] {highestPrio, values}, null);
  }

  private static boolean isPlain(EvalState st, NixAttrs def, Span sp) {
    try {
      return !(Thunk.force(Properties.select(def, "value", sp)) instanceof NixAttrs a
          && a.has("_type"));
    } catch (EvalException e) {
      throw inContextOf(st, def, e, sp);
    }
  }

  /**
   * nixpkgs' {@code addErrorContext "while evaluating definitions from `file':"} around a
   * definition.
   */
  private static EvalException inContextOf(EvalState st, NixAttrs def, EvalException e, Span sp) {
    String file = st.coerceToString(Properties.select(def, "file", sp), sp, false, false).value();
    return e.addTrace("while evaluating definitions from `" + file + "':", Span.NONE);
  }

  /**
   * Every definition with mkMerge flattened and mkIf decided; mkDefinition values carry their own
   * file.
   */
  private static List<NixAttrs> discharge(EvalState st, NixList defs, Span sp) {
    List<NixAttrs> out = new ArrayList<>(defs.size());
    Value[] items = defs.items();
    // Indexed loops: C1 (the launcher's compiler) allocates an iterator for each for-each over a
    // list.
    for (int i = 0; i < items.length; i++) {
      NixAttrs def = Types.attrs(items[i], sp);
      try {
        dischargeProperties(Properties.select(def, "value", sp), def, sp, out);
      } catch (EvalException e) {
        throw inContextOf(st, def, e, sp);
      }
    }
    return out;
  }

  /**
   * Adds the definitions {@code value} (of definition {@code def}) discharges to, each with its
   * file, to {@code out}.
   */
  private static void dischargeProperties(Value value, NixAttrs def, Span sp, List<NixAttrs> out) {
    Value v = Thunk.force(value);
    String tag = Properties.tag(v);
    if ("merge".equals(tag)) {
      Value[] contents = Types.list(Properties.select((NixAttrs) v, "contents", sp), sp).items();
      for (int i = 0; i < contents.length; i++) dischargeProperties(contents[i], def, sp, out);
    } else if ("if".equals(tag)) {
      Value condition = Thunk.force(Properties.select((NixAttrs) v, "condition", sp));
      if (!(condition instanceof NixBool b))
        throw new ThrownError("‘mkIf’ called with a non-Boolean condition", sp);
      if (b.value())
        dischargeProperties(Properties.select((NixAttrs) v, "content", sp), def, sp, out);
    } else if ("definition".equals(tag)) {
      out.add((NixAttrs) v);
    } else {
      out.add(definition(Properties.select(def, "file", sp), v));
    }
  }

  private record Filtered(List<NixAttrs> values, Value highestPrio) {}

  /** Keeps the definitions at the best (numerically lowest) mkOverride priority, unwrapped. */
  private static Filtered filterOverrides(List<NixAttrs> defs, Span sp) {
    if (defs.size() == 1) {
      NixAttrs def = defs.get(0);
      return new Filtered(List.of(unwrapOverride(def, sp)), priorityOf(def, sp));
    }
    Value best = NO_PRIORITY_YET;
    Value[] priorities = new Value[defs.size()];
    for (int i = 0; i < priorities.length; i++) {
      priorities[i] = priorityOf(defs.get(i), sp);
      if (Ops.lessThan(priorities[i], best, sp)) best = priorities[i];
    }
    List<NixAttrs> kept = new ArrayList<>(defs.size());
    for (int i = 0; i < priorities.length; i++) {
      if (Ops.equal(priorities[i], best, sp)) kept.add(unwrapOverride(defs.get(i), sp));
    }
    return new Filtered(kept, best);
  }

  private static Value valueOf(NixAttrs def, Span sp) {
    return Thunk.force(Properties.select(def, "value", sp));
  }

  private static Value priorityOf(NixAttrs def, Span sp) {
    Value v = valueOf(def, sp);
    return "override".equals(Properties.tag(v))
        ? Properties.select((NixAttrs) v, "priority", sp)
        : DEFAULT_OVERRIDE_PRIORITY;
  }

  private static NixAttrs unwrapOverride(NixAttrs def, Span sp) {
    Value v = valueOf(def, sp);
    if (!"override".equals(Properties.tag(v))) return def;
    return def.update(
        new NixAttrs(VALUE, new Value[] {Properties.select((NixAttrs) v, "content", sp)}, null),
        OVERRIDE_SITE);
  }

  /**
   * mkOrder: a stable sort by priority when any definition has one, each unwrapped with its
   * priority kept.
   */
  private static Value sortProperties(List<NixAttrs> defs, Span sp) {
    boolean ordered = false;
    for (int i = 0; i < defs.size(); i++)
      ordered |= "order".equals(Properties.tag(valueOf(defs.get(i), sp)));
    if (!ordered) return new NixList(defs.toArray(new Value[defs.size()]));
    NixAttrs[] unwrapped = new NixAttrs[defs.size()];
    for (int i = 0; i < unwrapped.length; i++) {
      NixAttrs def = defs.get(i);
      Value v = valueOf(def, sp);
      unwrapped[i] =
          !"order".equals(Properties.tag(v))
              ? def
              : def.update(
                  new NixAttrs(
                      ORDERED,
                      new Value[] {
                        Properties.select((NixAttrs) v, "priority", sp),
                        Properties.select((NixAttrs) v, "content", sp)
                      },
                      null),
                  ORDER_SITE);
    }
    return new NixList(stableSort(unwrapped, sp));
  }

  private static Value orderPriority(NixAttrs def) {
    Value p = def.get("priority");
    return p == null ? DEFAULT_ORDER_PRIORITY : p;
  }

  /**
   * Merge sort taking the right element first only when it is strictly before, like {@code
   * builtins.sort}.
   */
  private static Value[] stableSort(NixAttrs[] a, Span sp) {
    if (a.length < 2) return a.clone();
    int mid = a.length / 2;
    Value[] left = stableSort(java.util.Arrays.copyOfRange(a, 0, mid), sp);
    Value[] right = stableSort(java.util.Arrays.copyOfRange(a, mid, a.length), sp);
    Value[] out = new Value[a.length];
    int i = 0, j = 0, k = 0;
    while (i < left.length && j < right.length) {
      boolean rightFirst =
          Ops.lessThan(orderPriority((NixAttrs) right[j]), orderPriority((NixAttrs) left[i]), sp);
      out[k++] = rightFirst ? right[j++] : left[i++];
    }
    while (i < left.length) out[k++] = left[i++];
    while (j < right.length) out[k++] = right[j++];
    return out;
  }
}
