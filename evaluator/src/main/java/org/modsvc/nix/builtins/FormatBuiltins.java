package org.modsvc.nix.builtins;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.format.JsonException;
import org.modsvc.nix.format.JsonParser;
import org.modsvc.nix.format.JsonWriter;
import org.modsvc.nix.format.TomlParser;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.Derivations;
import org.modsvc.nix.store.Hash;
import org.modsvc.nix.store.HashAlgo;
import org.modsvc.nix.store.HashFormat;
import org.modsvc.nix.store.Hashes;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixFunction;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** Serialisation (JSON, TOML, XML) and hashing builtins. */
final class FormatBuiltins implements Builtins.Group, PrimOp.Bodies {
  private final EvalState st;

  FormatBuiltins(EvalState st) {
    this.st = st;
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    TO_JSON("toJSON", 1),
    FROM_JSON("fromJSON", 1),
    FROM_TOML("fromTOML", 1),
    TO_XML("toXML", 1),
    HASH_STRING("hashString", 2),
    CONVERT_HASH("convertHash", 1),
    PLACEHOLDER("placeholder", 1);

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
    for (Op op : OPS) r.def(op.nixName, op.arity, this, op.ordinal());
  }

  @Override
  public Value apply(int op, Value[] a, Span sp) {
    return switch (OPS[op]) {
      case TO_JSON -> toJSON(a, sp);
      case FROM_JSON -> fromJSON(a, sp);
      case FROM_TOML -> fromTOML(a, sp);
      case TO_XML -> toXML(a, sp);
      case HASH_STRING -> hashString(a, sp);
      case CONVERT_HASH -> convertHash(a, sp);
      case PLACEHOLDER -> NixString.of(Derivations.placeholder(Types.plainString(a[0], sp)));
    };
  }

  private Value toJSON(Value[] a, Span sp) {
    Set<String> ctx = new LinkedHashSet<>();
    StringBuilder sb = new StringBuilder();
    toJson(st, a[0], sb, ctx, sp);
    return new NixString(sb.toString(), ctx);
  }

  private Value fromJSON(Value[] a, Span sp) {
    NixString s = Types.string(a[0], sp);
    try {
      return fromJava(JsonParser.parse(s.value()));
    } catch (JsonException e) {
      throw new EvalException(e.getMessage(), sp);
    }
  }

  private Value fromTOML(Value[] a, Span sp) {
    NixString s = Types.string(a[0], sp);
    try {
      return fromJava(TomlParser.parse(s.value(), st.hasFeature("parse-toml-timestamps")));
    } catch (org.modsvc.nix.format.TomlException e) {
      throw new EvalException("while parsing TOML: " + e.getMessage(), sp);
    }
  }

  private Value toXML(Value[] a, Span sp) {
    Set<String> ctx = new LinkedHashSet<>();
    String xml = Xml.toXml(a[0], ctx);
    return new NixString(xml, ctx);
  }

  private Value hashString(Value[] a, Span sp) {
    HashAlgo algo = StoreCalls.run(() -> HashAlgo.parse(Types.plainString(a[0], sp)), sp);
    NixString s = Types.string(a[1], sp);
    return NixString.of(Hashes.hashString(algo, s.value()).toBase16());
  }

  private Value convertHash(Value[] a, Span sp) {
    NixAttrs args = Types.attrs(a[0], sp);
    Value h = args.get("hash");
    if (h == null) throw new EvalException("attribute 'hash' missing", sp);
    Value algoV = args.get("hashAlgo");
    Value toV = args.get("toHashFormat");
    if (toV == null) throw new EvalException("attribute 'toHashFormat' missing", sp);
    String hash = Types.plainString(h, sp);
    HashAlgo algo =
        algoV == null
            ? null
            : StoreCalls.run(() -> HashAlgo.parse(Types.plainString(algoV, sp)), sp);
    String toName = Types.plainString(toV, sp);
    HashFormat to = StoreCalls.run(() -> HashFormat.parse(toName), sp);
    if (HashFormat.isDeprecatedAlias(toName)) st.warn(HashFormat.BASE32_DEPRECATION_WARNING);
    return NixString.of(StoreCalls.run(() -> Hash.convert(hash, algo, to), sp));
  }

  /** A parsed JSON/TOML document (maps, lists, boxed scalars) as a Nix value. */
  static Value fromJava(Object o) {
    if (o == null) return NixNull.NULL;
    if (o instanceof String s) return NixString.of(s);
    if (o instanceof Long l) return NixInt.of(l);
    if (o instanceof Integer i) return NixInt.of(i);
    if (o instanceof Double d) return new NixFloat(d);
    if (o instanceof Boolean b) return NixBool.of(b);
    if (o instanceof List<?> l) {
      Value[] vs = new Value[l.size()];
      for (int i = 0; i < vs.length; i++) vs[i] = fromJava(l.get(i));
      return new NixList(vs);
    }
    if (o instanceof Map<?, ?> m) {
      NixAttrs.Builder b = NixAttrs.builder(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) b.put((String) e.getKey(), fromJava(e.getValue()));
      return b.build();
    }
    if (o instanceof TomlParser.Timestamp t) {
      return NixAttrs.builder(2)
          .put("_type", NixString.of("timestamp"))
          .put("value", NixString.of(t.text()))
          .build();
    }
    throw new IllegalArgumentException("unexpected parsed value " + o.getClass());
  }

  /**
   * Nix's "peeling" of a set for toJSON: follow {@code __toString} (whose result must be a string
   * or path) and {@code outPath} until a non-set or a plain set is reached. Writes the JSON of a
   * peeled non-set and returns null, or returns the plain set still to be written as an object.
   */
  private static NixAttrs peel(
      EvalState st,
      NixAttrs a,
      boolean viaToString,
      StringBuilder sb,
      Set<String> ctx,
      Span sp,
      int depth) {
    if (depth > CoreBuiltins.MAX_NESTING) throw CoreBuiltins.stackOverflow(sp);
    Value next;
    boolean through = viaToString;
    if (a.has("__toString")) {
      next = Thunk.force(st.call(a.get("__toString"), a, sp));
      through = true;
    } else if (a.has("outPath")) {
      next = Thunk.force(a.get("outPath"));
    } else if (viaToString) {
      throw new EvalException(
          "`__toString` must return a string, but got "
              + Types.showType(a)
              + ": "
              + Printer.forError(a),
          sp);
    } else {
      return a;
    }
    if (next instanceof NixAttrs inner) return peel(st, inner, through, sb, ctx, sp, depth + 1);
    if (through && !(next instanceof NixString) && !(next instanceof NixPath)) {
      throw new EvalException(
          "`__toString` should return a string, but got "
              + Types.showType(next)
              + ": "
              + Printer.forError(next),
          sp);
    }
    if (through && next instanceof NixPath p) {
      // A path returned by `__toString` is written as its text, not copied to the store (a Nix
      // quirk).
      JsonWriter.quote(p.path(), sb);
    } else {
      toJson(st, next, sb, ctx, sp, depth + 1);
    }
    return null;
  }

  static void toJson(EvalState st, Value v, StringBuilder sb, Set<String> ctx, Span sp) {
    toJson(st, v, sb, ctx, sp, 0);
  }

  private static void toJson(
      EvalState st, Value v, StringBuilder sb, Set<String> ctx, Span sp, int depth) {
    if (depth > CoreBuiltins.MAX_NESTING) throw CoreBuiltins.stackOverflow(sp);
    v = Thunk.force(v);
    if (v instanceof NixInt i) sb.append(i.value());
    else if (v instanceof NixFloat f) sb.append(JsonWriter.formatFloat(f.value()));
    else if (v instanceof NixBool b) sb.append(b.value());
    else if (v instanceof NixNull) sb.append("null");
    else if (v instanceof NixString s) {
      ctx.addAll(s.context());
      JsonWriter.quote(s.value(), sb);
    } else if (v instanceof NixPath p) {
      String stored = st.copyPathToStore(p.path(), sp);
      ctx.add(stored);
      JsonWriter.quote(stored, sb);
    } else if (v instanceof NixList l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(',');
        try {
          toJson(st, l.get(i), sb, ctx, sp, depth + 1);
        } catch (EvalException e) {
          throw e.addTrace("while evaluating list element at index " + i, sp);
        }
      }
      sb.append(']');
    } else if (v instanceof NixAttrs a) {
      NixAttrs plain = peel(st, a, false, sb, ctx, sp, depth);
      if (plain == null) return;
      a = plain;
      sb.append('{');
      for (int i = 0; i < a.size(); i++) {
        if (i > 0) sb.append(',');
        JsonWriter.quote(a.name(i), sb);
        sb.append(':');
        try {
          toJson(st, a.value(i), sb, ctx, sp, depth + 1);
        } catch (EvalException e) {
          Span pos = a.position(i);
          throw e.addTrace(
              "while evaluating attribute '" + a.name(i) + "'", pos != null ? pos : sp);
        }
      }
      sb.append('}');
    } else if (v instanceof NixFunction) {
      throw new EvalException("cannot convert a function to JSON", sp);
    }
  }
}
