package org.modsvc.nix.syntax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Test helper: prints a syntax tree the way {@code nix-instantiate --parse} does (upstream {@code
 * Expr::show}), including Nix's own desugarings (operators as calls of {@code __sub}, {@code
 * __lessThan}, ...), so parser output can be compared with the corpus {@code .exp} files.
 */
final class NixShow {
  private NixShow() {}

  static String show(Expr e) {
    StringBuilder sb = new StringBuilder();
    show(e, sb);
    return sb.toString();
  }

  private static void show(Expr e, StringBuilder sb) {
    if (e instanceof Expr.Int) {
      sb.append(((Expr.Int) e).value());
    } else if (e instanceof Expr.Float) {
      double d = ((Expr.Float) e).value();
      String s = String.format("%.6g", d);
      if (s.contains(".") && !s.contains("e")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
      sb.append(s);
    } else if (e instanceof Expr.Str) {
      literal(((Expr.Str) e).value(), sb);
    } else if (e instanceof Expr.PathLit) {
      sb.append(((Expr.PathLit) e).path());
    } else if (e instanceof Expr.Var) {
      sb.append(((Expr.Var) e).name());
    } else if (e instanceof Expr.CurPos) {
      sb.append("__curPos");
    } else if (e instanceof Expr.Interp) {
      concat(((Expr.Interp) e).parts(), sb);
    } else if (e instanceof Expr.PathInterp) {
      concat(((Expr.PathInterp) e).parts(), sb);
    } else if (e instanceof Expr.Select) {
      Expr.Select s = (Expr.Select) e;
      sb.append('(');
      show(s.target(), sb);
      sb.append(").");
      path(s.path(), sb);
      if (s.fallback() != null) {
        sb.append(" or (");
        show(s.fallback(), sb);
        sb.append(')');
      }
    } else if (e instanceof Expr.HasAttr) {
      Expr.HasAttr h = (Expr.HasAttr) e;
      sb.append("((");
      show(h.target(), sb);
      sb.append(") ? ");
      path(h.path(), sb);
      sb.append(')');
    } else if (e instanceof Expr.AttrSet) {
      Expr.AttrSet a = (Expr.AttrSet) e;
      if (a.recursive()) sb.append("rec ");
      sb.append("{ ");
      bindings(a.bindings(), sb);
      sb.append('}');
    } else if (e instanceof Expr.LegacyLet) {
      sb.append("(rec { ");
      bindings(((Expr.LegacyLet) e).bindings(), sb);
      sb.append("}).body");
    } else if (e instanceof Expr.ListLit) {
      sb.append("[ ");
      for (Expr i : ((Expr.ListLit) e).items()) {
        sb.append('(');
        show(i, sb);
        sb.append(") ");
      }
      sb.append(']');
    } else if (e instanceof Expr.Lambda) {
      Expr.Lambda l = (Expr.Lambda) e;
      sb.append('(');
      if (l.formals() != null) {
        sb.append("{ ");
        List<Expr.Formal> fs = new ArrayList<>(l.formals().entries());
        fs.sort(Comparator.comparing(Expr.Formal::name));
        boolean first = true;
        for (Expr.Formal f : fs) {
          if (!first) sb.append(", ");
          first = false;
          sb.append(f.name());
          if (f.defaultValue() != null) {
            sb.append(" ? ");
            show(f.defaultValue(), sb);
          }
        }
        if (l.formals().ellipsis()) sb.append(first ? "..." : ", ...");
        sb.append(" }");
        if (l.param() != null) sb.append(" @ ");
      }
      if (l.param() != null) sb.append(l.param());
      sb.append(": ");
      show(l.body(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Call) {
      List<Expr> args = new ArrayList<>();
      Expr f = e;
      while (f instanceof Expr.Call) {
        args.add(0, ((Expr.Call) f).argument());
        f = ((Expr.Call) f).function();
      }
      call(f, args, sb);
    } else if (e instanceof Expr.Let) {
      Expr.Let l = (Expr.Let) e;
      sb.append("(let ");
      bindings(l.bindings(), sb);
      sb.append("in ");
      show(l.body(), sb);
      sb.append(')');
    } else if (e instanceof Expr.With) {
      sb.append("(with ");
      show(((Expr.With) e).scope(), sb);
      sb.append("; ");
      show(((Expr.With) e).body(), sb);
      sb.append(')');
    } else if (e instanceof Expr.If) {
      Expr.If i = (Expr.If) e;
      sb.append("(if ");
      show(i.condition(), sb);
      sb.append(" then ");
      show(i.then(), sb);
      sb.append(" else ");
      show(i.otherwise(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Assert) {
      sb.append("assert ");
      show(((Expr.Assert) e).condition(), sb);
      sb.append("; ");
      show(((Expr.Assert) e).body(), sb);
    } else if (e instanceof Expr.Not) {
      sb.append("(! ");
      show(((Expr.Not) e).operand(), sb);
      sb.append(')');
    } else if (e instanceof Expr.Neg) {
      call(
          new Expr.Var("__sub", e.span()),
          List.of(new Expr.Int(0, e.span()), ((Expr.Neg) e).operand()),
          sb);
    } else if (e instanceof Expr.BinOp) {
      binop((Expr.BinOp) e, sb);
    }
  }

  private static void binop(Expr.BinOp b, StringBuilder sb) {
    Expr.Var lt = new Expr.Var("__lessThan", b.span());
    switch (b.op()) {
      case SUB:
        call(new Expr.Var("__sub", b.span()), List.of(b.left(), b.right()), sb);
        return;
      case MUL:
        call(new Expr.Var("__mul", b.span()), List.of(b.left(), b.right()), sb);
        return;
      case DIV:
        call(new Expr.Var("__div", b.span()), List.of(b.left(), b.right()), sb);
        return;
      case LT:
        call(lt, List.of(b.left(), b.right()), sb);
        return;
      case GT:
        call(lt, List.of(b.right(), b.left()), sb);
        return;
      case LE:
        sb.append("(! ");
        call(lt, List.of(b.right(), b.left()), sb);
        sb.append(')');
        return;
      case GE:
        sb.append("(! ");
        call(lt, List.of(b.left(), b.right()), sb);
        sb.append(')');
        return;
      case ADD:
        concat(List.of(b.left(), b.right()), sb);
        return;
      default:
        sb.append('(');
        show(b.left(), sb);
        sb.append(' ').append(b.op().symbol).append(' ');
        show(b.right(), sb);
        sb.append(')');
    }
  }

  private static void call(Expr f, List<Expr> args, StringBuilder sb) {
    sb.append('(');
    show(f, sb);
    for (Expr a : args) {
      sb.append(' ');
      show(a, sb);
    }
    sb.append(')');
  }

  private static void concat(List<Expr> parts, StringBuilder sb) {
    sb.append('(');
    boolean first = true;
    for (Expr p : parts) {
      if (!first) sb.append(" + ");
      first = false;
      show(p, sb);
    }
    sb.append(')');
  }

  private static void path(List<Expr.AttrName> path, StringBuilder sb) {
    boolean first = true;
    for (Expr.AttrName n : path) {
      if (!first) sb.append('.');
      first = false;
      if (n instanceof Expr.StaticName) {
        sb.append(BindingsBuilder.quoteIfNeeded(((Expr.StaticName) n).name()));
      } else {
        sb.append("\"${");
        show(((Expr.DynamicName) n).expr(), sb);
        sb.append("}\"");
      }
    }
  }

  private static void bindings(List<Expr.Binding> bindings, StringBuilder sb) {
    TreeMap<String, Expr> plain = new TreeMap<>();
    List<String> inherits = new ArrayList<>();
    List<Expr.Inherit> froms = new ArrayList<>();
    List<Expr.AttrDef> dynamic = new ArrayList<>();
    for (Expr.Binding b : bindings) {
      if (b instanceof Expr.Inherit) {
        Expr.Inherit in = (Expr.Inherit) b;
        if (in.from() == null) for (Expr.StaticName n : in.names()) inherits.add(n.name());
        else froms.add(in);
      } else {
        Expr.AttrDef d = (Expr.AttrDef) b;
        if (d.path().get(0) instanceof Expr.StaticName) {
          plain.put(((Expr.StaticName) d.path().get(0)).name(), d.value());
        } else {
          dynamic.add(d);
        }
      }
    }
    inherits.sort(null);
    if (!inherits.isEmpty()) sb.append("inherit ").append(String.join(" ", inherits)).append("; ");
    for (Expr.Inherit in : froms) {
      sb.append("inherit (");
      show(in.from(), sb);
      sb.append(')');
      in.names().stream()
          .map(Expr.StaticName::name)
          .sorted()
          .forEach(n -> sb.append(' ').append(n));
      sb.append("; ");
    }
    plain.forEach(
        (k, v) -> {
          sb.append(BindingsBuilder.quoteIfNeeded(k)).append(" = ");
          show(v, sb);
          sb.append("; ");
        });
    for (Expr.AttrDef d : dynamic) {
      sb.append("\"${");
      show(((Expr.DynamicName) d.path().get(0)).expr(), sb);
      sb.append("}\" = ");
      show(d.value(), sb);
      sb.append("; ");
    }
  }

  private static void literal(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
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
          if (i + 1 < s.length() && s.charAt(i + 1) == '{') sb.append("\\$");
          else sb.append('$');
          break;
        default:
          sb.append(c);
      }
    }
    sb.append('"');
  }
}
