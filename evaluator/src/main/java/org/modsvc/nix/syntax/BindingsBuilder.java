package org.modsvc.nix.syntax;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.modsvc.nix.source.Span;

/**
 * Collects the bindings of one attribute set or {@code let} while it is parsed, merging nested
 * attribute paths and reporting duplicates the way Nix's parser does ({@code addAttr} in upstream
 * {@code parser-state.hh}):
 *
 * <ul>
 *   <li>{@code a.b = 1; a.c = 2;} builds one nested, non-recursive set {@code a = { b = 1; c = 2;
 *       }};
 *   <li>a definition whose value is an attribute-set literal ({@code a = { ... }} or {@code rec {
 *       ... }}) merges with an earlier or later definition of the same name that is also a set; the
 *       set that came first keeps its {@code rec}-ness, the later one's is dropped (Nix issue 9020,
 *       kept on purpose);
 *   <li>any other second definition of a static name, including one by {@code inherit}, is
 *       "attribute 'a.b' already defined at POS";
 *   <li>a dynamic name ({@code ${e}} or an interpolated string) cannot be checked statically: it
 *       becomes its own binding, with any rest of the path turned into nested sets.
 * </ul>
 *
 * The result has, for each static name, exactly one {@link Expr.AttrDef} whose path has one
 * element; every {@code AttrDef} path (static or dynamic) has length 1.
 */
final class BindingsBuilder {
  /**
   * One statically named attribute: a plain value, a (mergeable) nested set, or an inherited name.
   */
  private static final class Slot {
    final String name;

    /** Span of the name in the binding that created this slot (for the binding's StaticName). */
    final Span nameSpan;

    /** Where the defining binding starts: Nix reports duplicates against this position. */
    final Span pos;

    /** Span of the whole definition (name to value). */
    final Span defSpan;

    Expr value;
    BindingsBuilder nested;
    final boolean inherited;

    Slot(
        String name,
        Span nameSpan,
        Span pos,
        Span defSpan,
        Expr value,
        BindingsBuilder nested,
        boolean inherited) {
      this.name = name;
      this.nameSpan = nameSpan;
      this.pos = pos;
      this.defSpan = defSpan;
      this.value = value;
      this.nested = nested;
      this.inherited = inherited;
    }

    /** The slot's value as a builder if it is an attribute set we may merge into, else null. */
    BindingsBuilder asNested() {
      if (nested == null && value instanceof Expr.AttrSet) {
        nested = fromAttrSet((Expr.AttrSet) value);
        value = null;
      }
      return nested;
    }
  }

  /** A binding with a dynamic name; value is an Expr or a nested builder. */
  private static final class Dynamic {
    final Expr.DynamicName name;
    final Span span;
    final Expr value;
    final BindingsBuilder nested;

    Dynamic(Expr.DynamicName name, Span span, Expr value, BindingsBuilder nested) {
      this.name = name;
      this.span = span;
      this.value = value;
      this.nested = nested;
    }
  }

  boolean recursive;
  private final Span span;
  private final Map<String, Slot> byName = new HashMap<>();

  /** Slots (plain/nested only), Inherit groups and Dynamic bindings, in source order. */
  private final List<Object> order = new ArrayList<>();

  private boolean hasDynamic;

  BindingsBuilder(boolean recursive, Span span) {
    this.recursive = recursive;
    this.span = span;
  }

  /** True when a binding of this set (not of nested ones) has a dynamic name. */
  boolean hasDynamicNames() {
    return hasDynamic;
  }

  /** First dynamic binding's name span, for error reporting; null if none. */
  Span firstDynamicSpan() {
    for (Object o : order) if (o instanceof Dynamic) return ((Dynamic) o).name.span();
    return null;
  }

  /**
   * Adds {@code path = value;}; {@code pos} is the start of the path, {@code defSpan} the whole
   * binding.
   */
  void addAttr(List<Expr.AttrName> path, Expr value, Span pos, Span defSpan) {
    BindingsBuilder attrs = this;
    int last = path.size() - 1;
    for (int i = 0; i < last; i++) {
      Expr.AttrName name = path.get(i);
      BindingsBuilder nested;
      if (name instanceof Expr.StaticName) {
        String sym = ((Expr.StaticName) name).name();
        Slot slot = attrs.byName.get(sym);
        if (slot != null) {
          nested = slot.inherited ? null : slot.asNested();
          if (nested == null) throw duplicate(showPath(path.subList(0, i + 1)), pos, slot.pos);
        } else {
          nested = new BindingsBuilder(false, pos);
          attrs.put(new Slot(sym, name.span(), pos, defSpan, null, nested, false));
        }
      } else {
        nested = new BindingsBuilder(false, pos);
        attrs.addDynamic(new Dynamic((Expr.DynamicName) name, defSpan, null, nested));
      }
      attrs = nested;
    }
    Expr.AttrName name = path.get(last);
    if (name instanceof Expr.StaticName) {
      String sym = ((Expr.StaticName) name).name();
      Slot slot = new Slot(sym, name.span(), pos, defSpan, value, null, false);
      if (!attrs.byName.containsKey(sym)) {
        attrs.put(slot); // the common case: no merge, no message to prepare
      } else {
        List<String> shown = new ArrayList<>();
        for (Expr.AttrName a : path) shown.add(show(a));
        attrs.addSlot(shown, slot);
      }
    } else {
      attrs.addDynamic(new Dynamic((Expr.DynamicName) name, defSpan, value, null));
    }
  }

  /** Adds an {@code inherit} group; each name is checked for duplicates. */
  void addInherit(Expr.Inherit inherit) {
    for (Expr.StaticName name : inherit.names()) {
      Slot prev = byName.get(name.name());
      if (prev != null) throw duplicate(name.name(), name.span(), prev.pos);
      byName.put(
          name.name(),
          new Slot(name.name(), name.span(), name.span(), name.span(), null, null, true));
    }
    order.add(inherit);
  }

  private void put(Slot slot) {
    byName.put(slot.name, slot);
    order.add(slot);
  }

  private void addDynamic(Dynamic d) {
    hasDynamic = true;
    order.add(d);
  }

  /** Inserts a slot, merging two attribute sets of the same name; {@code path} is for messages. */
  private void addSlot(List<String> path, Slot def) {
    Slot existing = byName.get(def.name);
    if (existing == null) {
      put(def);
      return;
    }
    BindingsBuilder into = existing.inherited ? null : existing.asNested();
    BindingsBuilder from = def.inherited ? null : def.asNested();
    if (into == null || from == null)
      throw duplicate(String.join(".", path), def.pos, existing.pos);
    for (Object o : from.order) {
      if (o instanceof Slot) {
        Slot s = (Slot) o;
        path.add(quoteIfNeeded(s.name));
        into.addSlot(path, s);
        path.remove(path.size() - 1);
      } else if (o instanceof Expr.Inherit) {
        Expr.Inherit inh = (Expr.Inherit) o;
        for (Expr.StaticName name : inh.names()) {
          Slot prev = into.byName.get(name.name());
          if (prev != null) {
            path.add(quoteIfNeeded(name.name()));
            throw duplicate(String.join(".", path), name.span(), prev.pos);
          }
          into.byName.put(
              name.name(),
              new Slot(name.name(), name.span(), name.span(), name.span(), null, null, true));
        }
        into.order.add(inh);
      } else {
        into.addDynamic((Dynamic) o);
      }
    }
  }

  /** Rebuilds a builder from an already-built set, so that a later definition can merge into it. */
  private static BindingsBuilder fromAttrSet(Expr.AttrSet set) {
    BindingsBuilder b = new BindingsBuilder(set.recursive(), set.span());
    for (Expr.Binding binding : set.bindings()) {
      if (binding instanceof Expr.Inherit) {
        b.addInherit((Expr.Inherit) binding);
        continue;
      }
      Expr.AttrDef def = (Expr.AttrDef) binding;
      Expr.AttrName name = def.path().get(0);
      if (name instanceof Expr.StaticName) {
        String sym = ((Expr.StaticName) name).name();
        b.put(new Slot(sym, name.span(), def.span(), def.span(), def.value(), null, false));
      } else {
        b.addDynamic(new Dynamic((Expr.DynamicName) name, def.span(), def.value(), null));
      }
    }
    return b;
  }

  /** The bindings in source order (first definition of each name decides its place). */
  List<Expr.Binding> build() {
    List<Expr.Binding> result = new ArrayList<>(order.size());
    for (Object o : order) {
      if (o instanceof Slot) {
        Slot s = (Slot) o;
        Expr value = s.nested != null ? s.nested.toAttrSet() : s.value;
        result.add(
            new Expr.AttrDef(List.of(new Expr.StaticName(s.name, s.nameSpan)), value, s.defSpan));
      } else if (o instanceof Dynamic) {
        Dynamic d = (Dynamic) o;
        Expr value = d.nested != null ? d.nested.toAttrSet() : d.value;
        result.add(new Expr.AttrDef(List.of(d.name), value, d.span));
      } else {
        result.add((Expr.Inherit) o);
      }
    }
    return result;
  }

  Expr.AttrSet toAttrSet() {
    return new Expr.AttrSet(recursive, build(), span);
  }

  private static ParseException duplicate(String shownPath, Span at, Span previous) {
    return new ParseException(
        "attribute '" + shownPath + "' already defined at " + previous.describe(), at);
  }

  private static String showPath(List<Expr.AttrName> path) {
    StringBuilder sb = new StringBuilder();
    for (Expr.AttrName a : path) {
      if (sb.length() > 0) sb.append('.');
      sb.append(show(a));
    }
    return sb.toString();
  }

  private static String show(Expr.AttrName a) {
    return a instanceof Expr.StaticName
        ? quoteIfNeeded(((Expr.StaticName) a).name())
        : "\"${...}\"";
  }

  /** Nix prints attribute names as identifiers when they are valid ones, else quoted. */
  static String quoteIfNeeded(String name) {
    boolean ident =
        !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
    for (int i = 0; ident && i < name.length(); i++) {
      char c = name.charAt(i);
      ident = (c < 128 && Character.isLetterOrDigit(c)) || c == '_' || c == '\'' || c == '-';
    }
    if (ident && !isKeyword(name)) return name;
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case '"':
        case '\\':
          sb.append('\\').append(c);
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        case '$':
          if (i + 1 < name.length() && name.charAt(i + 1) == '{') sb.append("\\$");
          else sb.append(c);
          break;
        default:
          sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static boolean isKeyword(String s) {
    switch (s) {
      case "if":
      case "then":
      case "else":
      case "assert":
      case "with":
      case "let":
      case "in":
      case "rec":
      case "inherit":
        return true;
      default:
        return false;
    }
  }
}
