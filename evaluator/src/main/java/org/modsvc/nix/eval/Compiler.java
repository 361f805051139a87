package org.modsvc.nix.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.syntax.Expr;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;

/**
 * Lowers the syntax tree to {@link Node}s, resolving every variable to a frame slot or to a
 * run-time {@code with} lookup (jlox's Resolver and tvix's scope pass in one). Undefined variables
 * outside any {@code with} are reported here, before evaluation, as Nix does.
 */
final class Compiler {
  /**
   * Names already interned by this evaluation, so each distinct name goes to the JVM's table once.
   */
  private final java.util.Map<String, String> names = new java.util.HashMap<>();

  /**
   * Attribute names written in source (bindings, selections, formals) are interned, so lookups
   * usually find their name by identity (see {@link
   * org.modsvc.nix.value.NixAttrs#indexOf(String)}). The JVM's table rather than a private one
   * makes them also identical to the builtins' literal names ({@code "name"}, {@code "value"},
   * {@code "outPath"}, …).
   */
  private String name(String s) {
    String n = names.get(s);
    if (n == null) {
      n = s.intern();
      names.put(n, n);
    }
    return n;
  }

  Node compileTop(Expr e, Scope scope) {
    return compile(e, scope, null);
  }

  private Node compile(Expr e, Scope s) {
    return compile(e, s, null);
  }

  /** {@code bindingName} names a lambda after the attribute it is bound to, for messages. */
  private Node compile(Expr e, Scope s, String bindingName) {
    if (e instanceof Expr.Int i) return new Nodes.Const(NixInt.of(i.value()), i.span());
    if (e instanceof Expr.Float f) return new Nodes.Const(new NixFloat(f.value()), f.span());
    if (e instanceof Expr.Str str) {
      if (str.value().indexOf('\0') >= 0) {
        throw new EvalException(
            "input string '"
                + str.value().replace('\0', '\u2400')
                + "' cannot be represented as Nix string because it contains null bytes",
            str.span());
      }
      return new Nodes.Const(NixString.of(str.value()), str.span());
    }
    if (e instanceof Expr.PathLit p) return new Nodes.Const(new NixPath(p.path()), p.span());
    if (e instanceof Expr.Var v) return variable(v.name(), s, 0, v.span());
    if (e instanceof Expr.Interp in) return new Nodes.Interp(compileAll(in.parts(), s), in.span());
    if (e instanceof Expr.PathInterp pi)
      return new Nodes.PathInterp(compileAll(pi.parts(), s), pi.span());
    if (e instanceof Expr.Select sel) {
      return new AttrNodes.Select(
          compile(sel.target(), s),
          keys(sel.path(), s),
          sel.fallback() == null ? null : compile(sel.fallback(), s),
          sel.span());
    }
    if (e instanceof Expr.HasAttr h)
      return new AttrNodes.HasAttr(compile(h.target(), s), keys(h.path(), s), h.span());
    if (e instanceof Expr.AttrSet a) return attrSet(a.recursive(), a.bindings(), s, a.span());
    if (e instanceof Expr.ListLit l) return new Nodes.ListLit(compileAll(l.items(), s), l.span());
    if (e instanceof Expr.Let l) return let(l, s);
    if (e instanceof Expr.LegacyLet l) {
      Node set = attrSet(true, l.bindings(), s, l.span());
      return new AttrNodes.Select(
          set, new AttrNodes.Key[] {new AttrNodes.Key("body", null, l.span())}, null, l.span());
    }
    if (e instanceof Expr.With w) {
      Node scopeNode = compile(w.scope(), s);
      return new Nodes.With(scopeNode, compile(w.body(), Scope.with(s)), w.span());
    }
    if (e instanceof Expr.Assert a) {
      return new Nodes.Assert(
          compile(a.condition(), s), compile(a.body(), s), sourceText(a.condition()), a.span());
    }
    if (e instanceof Expr.If i) {
      return new Nodes.If(
          compile(i.condition(), s), compile(i.then(), s), compile(i.otherwise(), s), i.span());
    }
    if (e instanceof Expr.Lambda l) return lambda(l, s, bindingName);
    if (e instanceof Expr.Call c) return call(c, s);
    if (e instanceof Expr.Not n) return new Nodes.Not(compile(n.operand(), s), n.span());
    if (e instanceof Expr.Neg n) return new Nodes.Neg(compile(n.operand(), s), n.span());
    if (e instanceof Expr.BinOp b) return binOp(b, s);
    if (e instanceof Expr.CurPos c) return new Nodes.CurPos(c.span());
    throw new IllegalStateException("unknown syntax node " + e);
  }

  private Node[] compileAll(List<Expr> es, Scope s) {
    Node[] out = new Node[es.size()];
    for (int i = 0; i < out.length; i++) out[i] = compile(es.get(i), s);
    return out;
  }

  private Node variable(String name, Scope s, int skip, Span span) {
    Resolved r = Resolved.resolve(s, name, skip);
    if (r.isLexical()) return Nodes.local(r.depth(), r.index(), name, span);
    if (r.withDepths() != null) return new Nodes.WithLookup(name, r.withDepths(), span);
    throw new EvalException("undefined variable '" + name + "'", span);
  }

  private AttrNodes.Key[] keys(List<Expr.AttrName> path, Scope s) {
    AttrNodes.Key[] ks = new AttrNodes.Key[path.size()];
    for (int i = 0; i < ks.length; i++) ks[i] = key(path.get(i), s);
    return ks;
  }

  private AttrNodes.Key key(Expr.AttrName n, Scope s) {
    if (n instanceof Expr.StaticName sn) return new AttrNodes.Key(name(sn.name()), null, sn.span());
    Expr.DynamicName d = (Expr.DynamicName) n;
    if (d.expr() instanceof Expr.Str str)
      return new AttrNodes.Key(name(str.value()), null, d.span());
    return new AttrNodes.Key(null, compile(d.expr(), s), d.span());
  }

  private Node call(Expr.Call c, Scope s) {
    List<Expr> args = new ArrayList<>();
    Expr f = c;
    while (f instanceof Expr.Call inner) {
      args.add(0, inner.argument());
      f = inner.function();
    }
    return new CallNode(compile(f, s), compileAll(args, s), c.span());
  }

  private Node binOp(Expr.BinOp b, Scope s) {
    Node l = compile(b.left(), s);
    Node r = compile(b.right(), s);
    Span sp = b.span();
    switch (b.op()) {
      case ADD:
        return new BinOps.Add(l, r, sp);
      case SUB:
        return new BinOps.Sub(l, r, sp);
      case MUL:
        return new BinOps.Mul(l, r, sp);
      case DIV:
        return new BinOps.Div(l, r, sp);
      case CONCAT:
        return new BinOps.Concat(l, r, sp);
      case UPDATE:
        return new BinOps.Update(l, r, sp);
      case EQ:
        return new BinOps.Eq(l, r, false, sp);
      case NEQ:
        return new BinOps.Eq(l, r, true, sp);
      case LT:
        return new BinOps.Compare(l, r, BinOps.Compare.Expr2.LT, sp);
      case LE:
        return new BinOps.Compare(l, r, BinOps.Compare.Expr2.LE, sp);
      case GT:
        return new BinOps.Compare(l, r, BinOps.Compare.Expr2.GT, sp);
      case GE:
        return new BinOps.Compare(l, r, BinOps.Compare.Expr2.GE, sp);
      case AND:
        return new BinOps.And(l, r, sp);
      case OR:
        return new BinOps.Or(l, r, sp);
      case IMPL:
        return new BinOps.Impl(l, r, sp);
      default:
        throw new IllegalStateException(b.op().toString());
    }
  }

  private Node lambda(Expr.Lambda l, Scope s, String bindingName) {
    Expr.Formals formals = l.formals();
    List<String> names = new ArrayList<>();
    if (l.param() != null) names.add(l.param());
    if (formals != null) for (Expr.Formal f : formals.entries()) names.add(f.name());
    // A formal shadowing the @-name keeps the later slot; the parser rejects that case in current
    // Nix.
    Scope inner = Scope.lexical(s, names.toArray(new String[names.size()]));
    LambdaNode.FormalInfo[] infos = null;
    if (formals != null) {
      infos = new LambdaNode.FormalInfo[formals.entries().size()];
      int base = l.param() != null ? 1 : 0;
      for (int i = 0; i < infos.length; i++) {
        Expr.Formal f = formals.entries().get(i);
        Node def = f.defaultValue() == null ? null : compile(f.defaultValue(), inner);
        infos[i] = new LambdaNode.FormalInfo(name(f.name()), base + i, def, f.span());
      }
    }
    LambdaNode node =
        new LambdaNode(
            l.span(),
            bindingName,
            l.param(),
            infos,
            formals != null && formals.ellipsis(),
            names.size());
    node.body = compile(l.body(), inner);
    return node;
  }

  /** A static attribute of a set or let, before lowering. */
  private record StaticEntry(
      String name, Expr value, int inheritFrom, boolean inherited, Span span) {}

  private static final class Collected {
    final List<StaticEntry> statics = new ArrayList<>();
    final List<Expr> sources = new ArrayList<>();
    final List<Expr.AttrDef> dynamics = new ArrayList<>();
  }

  private Collected collect(List<Expr.Binding> bindings) {
    Collected c = new Collected();
    for (Expr.Binding b : bindings) {
      if (b instanceof Expr.Inherit in) {
        int src = -1;
        if (in.from() != null) {
          src = c.sources.size();
          c.sources.add(in.from());
        }
        for (Expr.StaticName n : in.names())
          c.statics.add(new StaticEntry(n.name(), null, src, true, n.span()));
      } else {
        Expr.AttrDef d = (Expr.AttrDef) b;
        Expr.AttrName first = d.path().get(0);
        String staticName =
            first instanceof Expr.StaticName sn
                ? sn.name()
                : ((Expr.DynamicName) first).expr() instanceof Expr.Str str ? str.value() : null;
        if (staticName != null && d.path().size() == 1) {
          c.statics.add(new StaticEntry(staticName, d.value(), -1, false, d.span()));
        } else if (staticName != null) {
          // The parser merges nested static paths; one left here has a dynamic element further
          // down.
          c.statics.add(
              new StaticEntry(
                  staticName,
                  nest(d.path().subList(1, d.path().size()), d.value(), d.span()),
                  -1,
                  false,
                  d.span()));
        } else {
          c.dynamics.add(d);
        }
      }
    }
    c.statics.sort(Comparator.comparing(StaticEntry::name));
    for (int i = 1; i < c.statics.size(); i++) {
      if (c.statics.get(i).name().equals(c.statics.get(i - 1).name())) {
        StaticEntry prev = c.statics.get(i - 1);
        throw new EvalException(
            "attribute '" + prev.name() + "' already defined at " + prev.span().describe(),
            c.statics.get(i).span());
      }
    }
    return c;
  }

  private static Expr nest(List<Expr.AttrName> rest, Expr value, Span span) {
    if (rest.isEmpty()) return value;
    return new Expr.AttrSet(false, List.of(new Expr.AttrDef(rest, value, span)), span);
  }

  private Node attrSet(boolean rec, List<Expr.Binding> bindings, Scope s, Span span) {
    Collected c = collect(bindings);
    int n = c.statics.size();
    String[] names = new String[n];
    Span[] positions = new Span[n];
    for (int i = 0; i < n; i++) {
      names[i] = name(c.statics.get(i).name());
      positions[i] = c.statics.get(i).span();
    }
    boolean hasFrame = rec || !c.sources.isEmpty();
    int firstSource = rec ? n : 0;
    Scope inner = !hasFrame ? s : rec ? Scope.lexical(s, names) : Scope.lexical(s);
    Node[] sources = new Node[c.sources.size()];
    for (int i = 0; i < sources.length; i++) sources[i] = compile(c.sources.get(i), inner);
    Node[] values = new Node[n];
    for (int i = 0; i < n; i++)
      values[i] = staticValue(c.statics.get(i), inner, hasFrame ? 1 : 0, firstSource);
    AttrNodes.Dynamic[] dyn = new AttrNodes.Dynamic[c.dynamics.size()];
    for (int i = 0; i < dyn.length; i++) {
      Expr.AttrDef d = c.dynamics.get(i);
      Expr value = nest(d.path().subList(1, d.path().size()), d.value(), d.span());
      dyn[i] = new AttrNodes.Dynamic(key(d.path().get(0), inner), compile(value, inner), d.span());
    }
    int frameSize = hasFrame ? firstSource + sources.length : 0;
    return new AttrNodes.Attrs(
        rec, names, values, positions, dyn, frameSize, sources, firstSource, span);
  }

  private Node staticValue(StaticEntry e, Scope inner, int skipForInherit, int firstSource) {
    if (e.inheritFrom() >= 0) {
      Node src = Nodes.local(0, firstSource + e.inheritFrom(), "«inherit source»", e.span());
      return new AttrNodes.Select(
          src,
          new AttrNodes.Key[] {new AttrNodes.Key(name(e.name()), null, e.span())},
          null,
          e.span());
    }
    if (e.inherited()) return variable(e.name(), inner, skipForInherit, e.span());
    return compile(e.value(), inner, e.name());
  }

  private Node let(Expr.Let l, Scope s) {
    Collected c = collect(l.bindings());
    if (!c.dynamics.isEmpty()) {
      throw new EvalException("dynamic attributes not allowed in let", c.dynamics.get(0).span());
    }
    int n = c.statics.size();
    String[] names = new String[n];
    for (int i = 0; i < n; i++) names[i] = c.statics.get(i).name();
    Scope inner = Scope.lexical(s, names);
    Node[] sources = new Node[c.sources.size()];
    for (int i = 0; i < sources.length; i++) sources[i] = compile(c.sources.get(i), inner);
    Node[] values = new Node[n];
    for (int i = 0; i < n; i++) values[i] = staticValue(c.statics.get(i), inner, 1, n);
    return new AttrNodes.Let(values, sources, compile(l.body(), inner), l.span());
  }

  private static String sourceText(Expr e) {
    Span sp = e.span();
    if (sp == null || !sp.isKnown()) return "…";
    String t = sp.source().text();
    int end = Math.min(sp.end(), t.length());
    return end > sp.start() ? t.substring(sp.start(), end) : "…";
  }
}
