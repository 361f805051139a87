package org.modsvc.nix.builtins;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.Paths;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.format.Versions;
import org.modsvc.nix.regex.PosixRegex;
import org.modsvc.nix.regex.PosixRegexException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * String builtins. Nix strings are byte strings: lengths and offsets count UTF-8 bytes, which only
 * differs from Java's char counts for non-ASCII text, so that case takes a slower path.
 */
final class StringBuiltins implements Builtins.Group, PrimOp.Bodies {
  private final EvalState st;

  StringBuiltins(EvalState st) {
    this.st = st;
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    STRING_LENGTH("stringLength", 1),
    SUBSTRING("substring", 3),
    TO_STRING("toString", 1),
    CONCAT_STRINGS_SEP("concatStringsSep", 2),
    REPLACE_STRINGS("replaceStrings", 3),
    MATCH("match", 2),
    SPLIT("split", 2),
    BASE_NAME_OF("baseNameOf", 1),
    DIR_OF("dirOf", 1),
    COMPARE_VERSIONS("compareVersions", 2),
    SPLIT_VERSION("splitVersion", 1),
    PARSE_DRV_NAME("parseDrvName", 1);

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
      case STRING_LENGTH -> stringLength(a, sp);
      case SUBSTRING -> substring(a, sp);
      case TO_STRING -> st.coerceToString(a[0], sp, true, false);
      case CONCAT_STRINGS_SEP -> concatStringsSep(a, sp);
      case REPLACE_STRINGS -> replaceStrings(st, a, sp);
      case MATCH -> match(a, sp);
      case SPLIT -> split(a, sp);
      case BASE_NAME_OF -> baseNameOf(a, sp);
      case DIR_OF -> dirOf(a, sp);
      case COMPARE_VERSIONS ->
          NixInt.of(
              Versions.compareVersions(Types.plainString(a[0], sp), Types.plainString(a[1], sp)));
      case SPLIT_VERSION -> splitVersion(a, sp);
      case PARSE_DRV_NAME -> parseDrvName(a, sp);
    };
  }

  private Value stringLength(Value[] a, Span sp) {
    String s = st.coerceToString(a[0], sp, false, true).value();
    return NixInt.of(isAscii(s) ? s.length() : s.getBytes(StandardCharsets.UTF_8).length);
  }

  private Value substring(Value[] a, Span sp) {
    long start = Types.integer(a[0], sp);
    long len = Types.integer(a[1], sp);
    NixString s = st.coerceToString(a[2], sp, false, true);
    if (start < 0) throw new EvalException("negative start position in 'substring'", sp);
    if (len < 0) len = Long.MAX_VALUE;
    String v = s.value();
    if (isAscii(v)) {
      if (start >= v.length()) return new NixString("", s.context());
      int end = (int) Math.min(v.length(), start + Math.min(len, Integer.MAX_VALUE));
      return new NixString(v.substring((int) start, end), s.context());
    }
    byte[] b = v.getBytes(StandardCharsets.UTF_8);
    if (start >= b.length) return new NixString("", s.context());
    int end = (int) Math.min(b.length, start + Math.min(len, Integer.MAX_VALUE));
    return new NixString(
        new String(b, (int) start, end - (int) start, StandardCharsets.UTF_8), s.context());
  }

  private Value concatStringsSep(Value[] a, Span sp) {
    NixString sep = Types.string(a[0], sp);
    NixList l = Types.list(a[1], sp);
    StringBuilder sb = new StringBuilder();
    Set<String> ctx = sep.hasContext() ? new LinkedHashSet<>(sep.context()) : null;
    for (int i = 0; i < l.size(); i++) {
      if (i > 0) sb.append(sep.value());
      NixString s = st.coerceToString(l.get(i), sp, false, true);
      sb.append(s.value());
      if (s.hasContext()) {
        if (ctx == null) ctx = new LinkedHashSet<>();
        ctx.addAll(s.context());
      }
    }
    return new NixString(sb.toString(), ctx);
  }

  private Value match(Value[] a, Span sp) {
    String re = Types.plainString(a[0], sp);
    NixString s = Types.string(a[1], sp);
    List<String> groups;
    try {
      groups = PosixRegex.match(re, s.value());
    } catch (PosixRegexException e) {
      throw new EvalException(e.getMessage(), sp);
    }
    return groups == null ? NixNull.NULL : groupList(groups);
  }

  private Value split(Value[] a, Span sp) {
    String re = Types.plainString(a[0], sp);
    NixString s = Types.string(a[1], sp);
    List<Object> parts;
    try {
      parts = PosixRegex.split(re, s.value());
    } catch (PosixRegexException e) {
      throw new EvalException(e.getMessage(), sp);
    }
    Value[] out = new Value[parts.size()];
    for (int i = 0; i < out.length; i++) {
      Object p = parts.get(i);
      @SuppressWarnings("unchecked")
      Value part = p instanceof String str ? NixString.of(str) : groupList((List<String>) p);
      out[i] = part;
    }
    return new NixList(out);
  }

  /**
   * Capture groups as {@code match} and {@code split} return them: strings, null for a group that
   * took no part.
   */
  private static NixList groupList(List<String> groups) {
    Value[] out = new Value[groups.size()];
    for (int i = 0; i < out.length; i++) {
      String g = groups.get(i);
      out[i] = g == null ? NixNull.NULL : NixString.of(g);
    }
    return new NixList(out);
  }

  private Value baseNameOf(Value[] a, Span sp) {
    Value v = Thunk.force(a[0]);
    NixString s = st.coerceToString(v, sp, false, false);
    return new NixString(Paths.baseNameOf(s.value()), s.context());
  }

  private Value dirOf(Value[] a, Span sp) {
    Value v = Thunk.force(a[0]);
    if (v instanceof NixPath p) return new NixPath(Paths.dirOf(p.path()));
    NixString s = st.coerceToString(v, sp, false, false);
    return new NixString(Paths.dirOf(s.value()), s.context());
  }

  private Value splitVersion(Value[] a, Span sp) {
    List<String> parts = Versions.splitVersion(Types.plainString(a[0], sp));
    Value[] out = new Value[parts.size()];
    for (int i = 0; i < out.length; i++) out[i] = NixString.of(parts.get(i));
    return new NixList(out);
  }

  private Value parseDrvName(Value[] a, Span sp) {
    Versions.DrvName n = Versions.parseDrvName(Types.plainString(a[0], sp));
    return NixAttrs.builder(2)
        .put("name", NixString.of(n.name()))
        .put("version", NixString.of(n.version()))
        .build();
  }

  static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) if (s.charAt(i) >= 0x80) return false;
    return true;
  }

  private static Value replaceStrings(EvalState st, Value[] a, Span sp) {
    NixList from = Types.list(a[0], sp);
    NixList to = Types.list(a[1], sp);
    if (from.size() != to.size()) {
      throw new EvalException(
          "'from' and 'to' arguments passed to builtins.replaceStrings have different lengths", sp);
    }
    // The patterns are forced before the input string, as in Nix.
    String[] froms = new String[from.size()];
    for (int i = 0; i < froms.length; i++) froms[i] = Types.string(from.get(i), sp).value();
    NixString input = Types.string(a[2], sp);
    NixString[] tos = new NixString[to.size()];
    String s = input.value();
    StringBuilder sb = new StringBuilder(s.length());
    Set<String> ctx = input.hasContext() ? new LinkedHashSet<>(input.context()) : null;
    int p = 0;
    while (p <= s.length()) {
      boolean found = false;
      for (int i = 0; i < froms.length; i++) {
        if (s.startsWith(froms[i], p)) {
          if (tos[i] == null) tos[i] = Types.string(to.get(i), sp);
          sb.append(tos[i].value());
          if (tos[i].hasContext()) {
            if (ctx == null) ctx = new LinkedHashSet<>();
            ctx.addAll(tos[i].context());
          }
          found = true;
          if (froms[i].isEmpty()) {
            if (p < s.length()) sb.append(s.charAt(p));
            p++;
          } else {
            p += froms[i].length();
          }
          break;
        }
      }
      if (!found) {
        if (p < s.length()) sb.append(s.charAt(p));
        p++;
      }
    }
    return new NixString(sb.toString(), ctx);
  }
}
