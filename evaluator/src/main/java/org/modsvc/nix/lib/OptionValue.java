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
 * {@code evalOptionValue loc opt defs}: a merged option declaration plus its definitions becomes the option as
 * {@code options.<path>} shows it — the declaration's attributes with {@code value}, {@code highestPrio},
 * {@code definitions}, {@code files}, {@code definitionsWithLocations}, {@code isDefined}, {@code valueMeta} and
 * {@code __toString}. The default is a definition at {@code mkOptionDefault} priority. Every added attribute is
 * computed on demand. The parts that are module-system policy (merging, showing the option's name, the read-only
 * error, the deprecation warning) are Nix functions the caller passes once, in {@code hooks}.
 */
final class OptionValue {
  private OptionValue() {}

  private static final NixInt OPTION_DEFAULT_PRIORITY = NixInt.of(1500);
  private static final String[] ADDED = {"__toString", "definitions", "definitionsWithLocations", "files", "highestPrio",
      "isDefined", "value", "valueMeta"};

  /** {@code evalOptionValueWith hooks}: the three-argument {@code evalOptionValue}. */
  static Value evalOptionValueWith(EvalState st, Value hooksValue, Span sp) {
    NixAttrs hooks = Types.attrs(hooksValue, sp);
    Value mergeDefinitions = Properties.select(hooks, "mergeDefinitions", sp);
    Value showOption = Properties.select(hooks, "showOption", sp);
    Value readOnlySetTwice = Properties.select(hooks, "readOnlySetTwice", sp);
    Value deprecated = Properties.select(hooks, "deprecated", sp);
    Value toStringFor = Properties.select(hooks, "toStringFor", sp);
    return new PrimOp("evalOptionValue", 3, (a, callSite) -> {
      Value loc = a[0];
      NixAttrs opt = Types.attrs(a[1], callSite);
      Value defs = a[2];
      Thunk type = new Thunk(() -> Thunk.force(Properties.select(opt, "type", callSite)));
      Thunk allDefs = new Thunk(() -> withDefault(opt, defs, callSite));
      Thunk merged = new Thunk(() -> {
        Value readOnly = opt.get("readOnly");
        if (readOnly != null && Types.bool(readOnly, callSite) && Types.list(allDefs, callSite).size() > 1) {
          return st.call(readOnlySetTwice, new Value[] {loc, opt, allDefs}, callSite);
        }
        return st.call(mergeDefinitions, new Value[] {loc, type, allDefs}, callSite);
      });
      Value mergedValue = Properties.selectLater(merged, "mergedValue", callSite);
      Value defsFinal = Properties.selectLater(merged, "defsFinal", callSite);
      Value apply = opt.get("apply");
      Thunk value = new Thunk(() -> {
        try {
          return apply != null ? st.call(apply, mergedValue, callSite) : Thunk.force(mergedValue);
        } catch (EvalException e) {
          String name = st.coerceToString(st.call(showOption, loc, callSite), callSite, false, false).value();
          throw e.addTrace("while evaluating the option `" + name + "':", Span.NONE);
        }
      });
      NixAttrs base = Properties.selectNow(type, "deprecationMessage", callSite) == NixNull.NULL
          ? opt
          : Types.attrs(st.call(deprecated, loc, opt, callSite), callSite);
      Value[] added = {
          new Thunk(() -> st.call(toStringFor, loc, callSite)),
          new Thunk(() -> eachField(defsFinal, "value", callSite)),
          defsFinal,
          new Thunk(() -> eachField(defsFinal, "file", callSite)),
          Properties.selectLater(Properties.selectLater(merged, "defsFinal'", callSite), "highestPrio", callSite),
          Properties.selectLater(merged, "isDefined", callSite),
          value,
          Properties.selectLater(Properties.selectLater(merged, "checkedAndMerged", callSite), "valueMeta", callSite)};
      return base.update(new NixAttrs(ADDED, added, null));
    });
  }

  /** {@code (if opt ? default then [ { file = head opt.declarations; value = mkOptionDefault opt.default; } ] else [ ]) ++ defs} */
  private static Value withDefault(NixAttrs opt, Value defs, Span sp) {
    Value[] given = Types.list(defs, sp).items();
    Value dflt = opt.get("default");
    if (dflt == null) return Thunk.force(defs);
    Value file = new Thunk(() -> {
      NixList declarations = Types.list(Properties.select(opt, "declarations", sp), sp);
      if (declarations.size() == 0) throw new EvalException("'builtins.head' called on an empty list", sp);
      return Thunk.force(declarations.get(0));
    });
    return NixList.prepend(new NixAttrs(new String[] {"file", "value"},
        new Value[] {file, Properties.mkOverride(OPTION_DEFAULT_PRIORITY, dflt)}, null), given);
  }

  /** {@code map (x: x.name) list} */
  private static Value eachField(Value list, String name, Span sp) {
    Value[] items = Types.list(list, sp).items();
    Value[] out = new Value[items.length];
    for (int i = 0; i < out.length; i++) out[i] = Properties.selectLater(items[i], name, sp);
    return new NixList(out);
  }
}
