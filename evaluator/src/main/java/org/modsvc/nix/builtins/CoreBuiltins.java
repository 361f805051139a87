package org.modsvc.nix.builtins;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.Lambda;
import org.modsvc.nix.eval.LambdaNode;
import org.modsvc.nix.eval.Paths;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
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

/** Types, control flow, errors, tracing, imports and evaluation-wide constants. */
final class CoreBuiltins implements Builtins.Group, PrimOp.Bodies {
  private final EvalState st;

  CoreBuiltins(EvalState st) {
    this.st = st;
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    TYPE_OF("typeOf", 1),
    IS_ATTRS("isAttrs", 1),
    IS_BOOL("isBool", 1),
    IS_FLOAT("isFloat", 1),
    IS_FUNCTION("isFunction", 1),
    IS_INT("isInt", 1),
    IS_LIST("isList", 1),
    IS_NULL("isNull", 1),
    IS_PATH("isPath", 1),
    IS_STRING("isString", 1),
    SEQ("seq", 2),
    DEEP_SEQ("deepSeq", 2),
    THROW("throw", 1),
    ABORT("abort", 1),
    TRY_EVAL("tryEval", 1),
    TRACE("trace", 2),
    TRACE_VERBOSE("traceVerbose", 2),
    WARN("warn", 2),
    BREAK("break", 1),
    ADD_ERROR_CONTEXT("addErrorContext", 2),
    IMPORT("import", 1),
    SCOPED_IMPORT("scopedImport", 2),
    FUNCTION_ARGS("functionArgs", 1),
    GET_ENV("getEnv", 1),
    UNSAFE_GET_ATTR_POS("unsafeGetAttrPos", 2),
    GENERIC_CLOSURE("genericClosure", 1),
    FIND_FILE("findFile", 2),
    FETCH_GIT("fetchGit", 1),
    FETCH_MERCURIAL("fetchMercurial", 1),
    FETCH_CLOSURE("fetchClosure", 1),
    GET_FLAKE("getFlake", 1);

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
    r.constant("nixPath", st.nixPathValue());
    r.constant("storeDir", NixString.of(st.store().storeDir()));
    r.constant("currentSystem", NixString.of(currentSystem()));
    r.constant("currentTime", NixInt.of(System.currentTimeMillis() / 1000));
    r.constant("nixVersion", NixString.of("2.18.0"));
    r.constant("langVersion", NixInt.of(6));
    r.constant("true", NixBool.TRUE);
    r.constant("false", NixBool.FALSE);
    r.constant("null", NixNull.NULL);
  }

  @Override
  public Value apply(int op, Value[] a, Span sp) {
    return switch (OPS[op]) {
      case TYPE_OF -> NixString.of(Thunk.force(a[0]).typeName());
      case IS_ATTRS -> NixBool.of(Thunk.force(a[0]) instanceof NixAttrs);
      case IS_BOOL -> NixBool.of(Thunk.force(a[0]) instanceof NixBool);
      case IS_FLOAT -> NixBool.of(Thunk.force(a[0]) instanceof NixFloat);
      case IS_FUNCTION -> NixBool.of(Thunk.force(a[0]) instanceof NixFunction);
      case IS_INT -> NixBool.of(Thunk.force(a[0]) instanceof NixInt);
      case IS_LIST -> NixBool.of(Thunk.force(a[0]) instanceof NixList);
      case IS_NULL -> NixBool.of(Thunk.force(a[0]) instanceof NixNull);
      case IS_PATH -> NixBool.of(Thunk.force(a[0]) instanceof NixPath);
      case IS_STRING -> NixBool.of(Thunk.force(a[0]) instanceof NixString);
      case SEQ -> seq(a, sp);
      case DEEP_SEQ -> deepSeq(a, sp);
      case THROW -> throwBuiltin(a, sp);
      case ABORT -> abort(a, sp);
      case TRY_EVAL -> tryEval(a, sp);
      case TRACE -> trace(a, sp);
      case TRACE_VERBOSE -> Thunk.force(a[1]);
      case WARN -> warn(a, sp);
      case BREAK -> Thunk.force(a[0]);
      case ADD_ERROR_CONTEXT -> addErrorContext(a, sp);
      case IMPORT -> st.importFile(st.coerceToPath(a[0], sp), sp);
      case SCOPED_IMPORT ->
          st.scopedImport(Types.attrs(a[0], sp), Path.of(st.coerceToPath(a[1], sp)), sp);
      case FUNCTION_ARGS -> functionArgs(a, sp);
      case GET_ENV -> getEnv(a, sp);
      case UNSAFE_GET_ATTR_POS -> unsafeGetAttrPos(a, sp);
      case GENERIC_CLOSURE -> genericClosure(st, Types.attrs(a[0], sp), sp);
      case FIND_FILE -> st.findFile(Types.list(a[0], sp), Types.plainString(a[1], sp), sp);
      case FETCH_GIT, FETCH_MERCURIAL, FETCH_CLOSURE, GET_FLAKE ->
          throw new EvalException(
              "'builtins."
                  + OPS[op].nixName
                  + "' is not supported by modsvc: it needs network access or a Nix daemon",
              sp);
    };
  }

  private Value seq(Value[] a, Span sp) {
    Thunk.force(a[0]);
    return Thunk.force(a[1]);
  }

  private Value deepSeq(Value[] a, Span sp) {
    deepForce(a[0], sp);
    return Thunk.force(a[1]);
  }

  // throw and abort coerce their message like string interpolation does (no integers), as in Nix.
  private Value throwBuiltin(Value[] a, Span sp) {
    NixString msg = st.coerceToString(a[0], sp, false, false);
    throw new org.modsvc.nix.error.ThrownError(msg.value(), sp);
  }

  private Value abort(Value[] a, Span sp) {
    NixString msg = st.coerceToString(a[0], sp, false, false);
    throw new EvalException(
        "evaluation aborted with the following error message: '" + msg.value() + "'", sp);
  }

  private Value tryEval(Value[] a, Span sp) {
    Value v;
    try {
      v = Thunk.force(a[0]);
    } catch (EvalException e) {
      if (!e.isCatchable()) throw e;
      return NixAttrs.builder(2).put("success", NixBool.FALSE).put("value", NixBool.FALSE).build();
    }
    return NixAttrs.builder(2).put("success", NixBool.TRUE).put("value", v).build();
  }

  private Value trace(Value[] a, Span sp) {
    Value m = Thunk.force(a[0]);
    st.stderr()
        .println("trace: " + (m instanceof NixString s ? s.value() : Printer.print(m, true)));
    return Thunk.force(a[1]);
  }

  private Value warn(Value[] a, Span sp) {
    Value m = Thunk.force(a[0]);
    if (!(m instanceof NixString s)) throw Types.typeError("a string", m, sp);
    st.evaluationWarning(s.value());
    if ("1".equals(System.getenv("NIX_ABORT_ON_WARN"))) {
      throw new EvalException(
          "aborting to reveal stack trace of warning, as abort-on-warn is set", sp);
    }
    return Thunk.force(a[1]);
  }

  private Value addErrorContext(Value[] a, Span sp) {
    try {
      return Thunk.force(a[1]);
    } catch (EvalException e) {
      NixString ctx = st.coerceToString(a[0], sp, false, false);
      throw e.addTrace(ctx.value(), Span.NONE);
    }
  }

  private Value functionArgs(Value[] a, Span sp) {
    Value f = Thunk.force(a[0]);
    if (f instanceof Lambda lam) {
      LambdaNode.FormalInfo[] fs = lam.formals();
      if (fs == null) return NixAttrs.EMPTY;
      NixAttrs.Builder b = NixAttrs.builder(fs.length);
      for (LambdaNode.FormalInfo fi : fs) b.put(fi.name(), NixBool.of(fi.hasDefault()), fi.span());
      return b.build();
    }
    if (f instanceof NixFunction) return NixAttrs.EMPTY;
    throw new EvalException("'functionArgs' requires a function", sp);
  }

  private Value getEnv(Value[] a, Span sp) {
    String v = System.getenv(Types.plainString(a[0], sp));
    return NixString.of(v == null ? "" : v);
  }

  private Value unsafeGetAttrPos(Value[] a, Span sp) {
    String name = Types.plainString(a[0], sp);
    NixAttrs attrs = Types.attrs(a[1], sp);
    return Paths.positionAttrs(attrs.positionOf(name));
  }

  static String currentSystem() {
    String arch = System.getProperty("os.arch");
    String a =
        arch.equals("amd64") || arch.equals("x86_64")
            ? "x86_64"
            : arch.equals("aarch64") ? "aarch64" : arch;
    return a + "-linux";
  }

  /**
   * Nesting depth at which deep traversals ({@code deepSeq}, {@code toJSON}) stop with Nix's
   * stack-overflow error: Nix counts each level against {@code max-call-depth}, whose default is
   * 10000.
   */
  static final int MAX_NESTING = 10000;

  static EvalException stackOverflow(Span sp) {
    return new EvalException("stack overflow; max-call-depth exceeded", sp);
  }

  /**
   * Forces a value completely; shared sub-values are visited once, so cyclic structures terminate.
   * Iterative (no Java recursion), but a structure nested deeper than {@link #MAX_NESTING} fails as
   * it does in Nix.
   */
  static void deepForce(Value root, Span sp) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Value> work = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    work.push(root);
    depths.push(0);
    while (!work.isEmpty()) {
      Value v = Thunk.force(work.pop());
      int depth = depths.pop();
      if (v instanceof NixList l) {
        if (!seen.add(l)) continue;
        if (depth >= MAX_NESTING && l.size() > 0) throw stackOverflow(sp);
        for (int i = l.size() - 1; i >= 0; i--) {
          work.push(l.get(i));
          depths.push(depth + 1);
        }
      } else if (v instanceof NixAttrs at) {
        if (!seen.add(at)) continue;
        if (depth >= MAX_NESTING && at.size() > 0) throw stackOverflow(sp);
        for (int i = at.size() - 1; i >= 0; i--) {
          work.push(at.value(i));
          depths.push(depth + 1);
        }
      }
    }
  }

  private static Value genericClosure(EvalState st, NixAttrs args, Span sp) {
    Value start = args.get("startSet");
    if (start == null) throw new EvalException("attribute 'startSet' missing", sp);
    Value op = args.get("operator");
    if (op == null) throw new EvalException("attribute 'operator' missing", sp);
    Types.function(op, sp);
    Deque<Value> work = new ArrayDeque<>();
    for (Value v : Types.list(start, sp).items()) work.add(v);
    Set<Object> seen = new HashSet<>();
    Value firstKey = null;
    List<Value> result = new ArrayList<>();
    while (!work.isEmpty()) {
      Value e = work.poll();
      NixAttrs attrs = Types.attrs(e, sp);
      Value key = attrs.get("key");
      if (key == null) throw new EvalException("attribute 'key' missing", sp);
      Value k = Thunk.force(key);
      // Nix keeps keys in an ordered set, so keys of different types are an error, as with `<`.
      if (firstKey == null) firstKey = k;
      else if (!sameKind(firstKey, k)) org.modsvc.nix.eval.Ops.lessThan(k, firstKey, sp);
      if (!seen.add(keyOf(k, sp))) continue;
      result.add(attrs);
      for (Value n : Types.list(st.call(op, attrs, sp), sp).items()) work.add(n);
    }
    return new NixList(result.toArray(new Value[result.size()]));
  }

  private static boolean sameKind(Value a, Value b) {
    boolean na = a instanceof NixInt || a instanceof NixFloat,
        nb = b instanceof NixInt || b instanceof NixFloat;
    return na && nb || a.getClass() == b.getClass();
  }

  /** A Java value with the equality Nix uses for genericClosure keys. */
  private static Object keyOf(Value v, Span sp) {
    v = Thunk.force(v);
    if (v instanceof NixInt i)
      return (double) i.value() == i.value() ? (Object) (double) i.value() : i.value();
    if (v instanceof NixFloat f) return f.value();
    if (v instanceof NixString s) return "s" + s.value();
    if (v instanceof NixPath p) return "p" + p.path();
    if (v instanceof NixBool b) return b.value();
    if (v instanceof NixNull) return "null";
    if (v instanceof NixList l) {
      List<Object> out = new ArrayList<>();
      for (Value x : l.items()) out.add(keyOf(x, sp));
      return out;
    }
    throw new EvalException(
        "cannot compare "
            + Types.showType(v)
            + " with "
            + Types.showType(v)
            + "; values of that type are incomparable (values are "
            + Printer.forError(v)
            + " and "
            + Printer.forError(v)
            + ")",
        sp);
  }
}
