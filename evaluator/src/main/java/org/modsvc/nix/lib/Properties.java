package org.modsvc.nix.lib;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * Definition properties ({@code mkIf}, {@code mkMerge}, {@code mkOverride}, {@code mkOrder}) as the
 * module system represents them: attribute sets tagged with {@code _type}. The shapes built here
 * are exactly those of {@code lib.mkIf} and {@code lib.mkOverride} in {@code modules.nix}.
 */
final class Properties {
  private Properties() {}

  /**
   * {@code v._type or ""} compared with string literals: the tag of a forced value, or null when it
   * has none or when it is not a string (such a tag equals no property name).
   */
  static String tag(Value forced) {
    if (!(forced instanceof NixAttrs a)) return null;
    Value t = a.get("_type");
    if (t == null) return null;
    return Thunk.force(t) instanceof NixString s ? s.value() : null;
  }

  /**
   * {@code set.name} without forcing it: the attribute's (possibly lazy) value, or a thunk raising
   * Nix's error for a missing attribute when something forces it, as the lazy selection in the Nix
   * reference would.
   */
  static Value select(NixAttrs set, String name, Span sp) {
    Value v = set.get(name);
    if (v != null) return v;
    return new Thunk(
        () -> {
          throw new EvalException("attribute '" + name + "' missing", sp);
        });
  }

  /** {@code set.name}, evaluated now. */
  static Value selectNow(Value set, String name, Span sp) {
    return Thunk.force(select(Types.attrs(set, sp), name, sp));
  }

  /** {@code set.name}, evaluated when forced. */
  static Thunk selectLater(Value set, String name, Span sp) {
    return new Thunk(SELECT, new Selection(set, name, sp));
  }

  private record Selection(Value set, String name, Span sp) {}

  private static final Thunk.Deferred<Selection> SELECT = s -> selectNow(s.set, s.name, s.sp);

  // One names array per shape, shared by every set of that shape (sets never change their names),
  // so selection
  // sites' layout guesses hold for all of them.
  private static final String[] IF_NAMES = {"_type", "condition", "content"};
  private static final String[] OVERRIDE_NAMES = {"_type", "content", "priority"};

  static NixAttrs mkIf(Value condition, Value content) {
    return new NixAttrs(IF_NAMES, new Value[] {IF, condition, content}, null);
  }

  static NixAttrs mkOverride(Value priority, Value content) {
    return new NixAttrs(OVERRIDE_NAMES, new Value[] {OVERRIDE, content, priority}, null);
  }

  private static final NixString IF = NixString.of("if");
  private static final NixString OVERRIDE = NixString.of("override");

  /**
   * {@code pushDownProperties}: expands mkMerge and moves mkIf/mkOverride from an attribute set
   * onto each of its attributes, so which attributes a module defines is known without evaluating
   * any condition: {@code mkMerge [ { a = x; } (mkIf c { a = y; b = z; }) ]} gives {@code [ { a =
   * x; } { a = mkIf c y; b = mkIf c z; } ]}.
   */
  static Value pushDown(Value cfg, Span sp) {
    List<Value> out = new ArrayList<>(2);
    pushDown(cfg, sp, out);
    return new NixList(out.toArray(new Value[out.size()]));
  }

  private static void pushDown(Value cfg, Span sp, List<Value> out) {
    Value c = Thunk.force(cfg);
    String tag = tag(c);
    if ("merge".equals(tag)) {
      for (Value content : Types.list(select((NixAttrs) c, "contents", sp), sp).items())
        pushDown(content, sp, out);
    } else if ("if".equals(tag) || "override".equals(tag)) {
      boolean isIf = tag.equals("if");
      NixAttrs property = (NixAttrs) c;
      Value parameter = select(property, isIf ? "condition" : "priority", sp);
      List<Value> inner = new ArrayList<>(2);
      pushDown(select(property, "content", sp), sp, inner);
      for (int k = 0; k < inner.size(); k++) {
        Value item = inner.get(k);
        // A property around a non-attrset stays where it is: the error surfaces later, with a
        // better message.
        if (item instanceof NixAttrs attrs) {
          Value[] wrapped = new Value[attrs.size()];
          for (int i = 0; i < wrapped.length; i++) {
            wrapped[i] =
                isIf ? mkIf(parameter, attrs.value(i)) : mkOverride(parameter, attrs.value(i));
          }
          out.add(new NixAttrs(attrs.names(), wrapped, null));
        } else {
          out.add(item);
        }
      }
    } else {
      out.add(c);
    }
  }
}
