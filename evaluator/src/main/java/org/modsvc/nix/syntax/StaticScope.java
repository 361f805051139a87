package org.modsvc.nix.syntax;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The parse-time variable check of Nix ({@code bindVars}): every variable must be bound by an
 * enclosing function, {@code let}, {@code rec} set or the global scope, unless some {@code with}
 * encloses it (then it is looked up at run time). Otherwise Nix fails before evaluating anything,
 * even in a branch that would never run, with "undefined variable 'x'" at the variable.
 *
 * <p>Scoping mirrored from upstream: formal defaults see all formals and the {@code @} name; in a
 * {@code rec} set or {@code let}, values, dynamic names and {@code inherit (e)} sources see the
 * set's own names, while a plain {@code inherit x;} looks {@code x} up <em>outside</em> the set.
 */
public final class StaticScope {
  private StaticScope() {}

  /** One level of static scope: a set of names, or a {@code with} (which may bind anything). */
  private static final class Env {
    final Set<String> names;
    final Env up;

    Env(Set<String> names, Env up) {
      this.names = names;
      this.up = up;
    }

    boolean isWith() {
      return names == null;
    }
  }

  /** Checks {@code e}; {@code isGlobal} says which names the outermost scope binds. */
  public static void check(Expr e, Predicate<String> isGlobal) {
    new Checker(isGlobal).walk(e, null);
  }

  private static final class Checker {
    final Predicate<String> isGlobal;

    Checker(Predicate<String> isGlobal) {
      this.isGlobal = isGlobal;
    }

    void resolve(String name, org.modsvc.nix.source.Span span, Env env) {
      for (Env s = env; s != null; s = s.up) {
        if (s.isWith() || s.names.contains(name)) return;
      }
      if (!isGlobal.test(name)) throw new ParseException("undefined variable '" + name + "'", span);
    }

    /**
     * Walks {@code e}. The last child of each node is handled by looping instead of recursing, so
     * long right-nested chains ({@code a ++ b ++ ...}, else-if ladders, curried applications) do
     * not exhaust the stack.
     */
    void walk(Expr e, Env env) {
      while (e != null) {
        if (e instanceof Expr.Var) {
          Expr.Var v = (Expr.Var) e;
          resolve(v.name(), v.span(), env);
          return;
        } else if (e instanceof Expr.Interp) {
          for (Expr part : ((Expr.Interp) e).parts()) walk(part, env);
          return;
        } else if (e instanceof Expr.PathInterp) {
          for (Expr part : ((Expr.PathInterp) e).parts()) walk(part, env);
          return;
        } else if (e instanceof Expr.Select) {
          // Same order as Nix: target, default, dynamic names.
          Expr.Select s = (Expr.Select) e;
          walk(s.target(), env);
          if (s.fallback() != null) walk(s.fallback(), env);
          walkNames(s.path(), env);
          return;
        } else if (e instanceof Expr.HasAttr) {
          Expr.HasAttr h = (Expr.HasAttr) e;
          walk(h.target(), env);
          walkNames(h.path(), env);
          return;
        } else if (e instanceof Expr.AttrSet) {
          Expr.AttrSet a = (Expr.AttrSet) e;
          walkBindings(a.bindings(), a.recursive() ? new Env(names(a.bindings()), env) : env, env);
          return;
        } else if (e instanceof Expr.ListLit) {
          for (Expr item : ((Expr.ListLit) e).items()) walk(item, env);
          return;
        } else if (e instanceof Expr.Let) {
          Expr.Let l = (Expr.Let) e;
          env = new Env(names(l.bindings()), env);
          walkBindings(l.bindings(), env, env.up);
          e = l.body();
        } else if (e instanceof Expr.LegacyLet) {
          Expr.LegacyLet l = (Expr.LegacyLet) e;
          walkBindings(l.bindings(), new Env(names(l.bindings()), env), env);
          return;
        } else if (e instanceof Expr.With) {
          Expr.With w = (Expr.With) e;
          walk(w.scope(), env);
          env = new Env(null, env);
          e = w.body();
        } else if (e instanceof Expr.Assert) {
          Expr.Assert a = (Expr.Assert) e;
          walk(a.condition(), env);
          e = a.body();
        } else if (e instanceof Expr.If) {
          Expr.If i = (Expr.If) e;
          walk(i.condition(), env);
          walk(i.then(), env);
          e = i.otherwise();
        } else if (e instanceof Expr.Lambda) {
          Expr.Lambda l = (Expr.Lambda) e;
          Set<String> names = new HashSet<>();
          if (l.param() != null) names.add(l.param());
          if (l.formals() != null) for (Expr.Formal f : l.formals().entries()) names.add(f.name());
          env = new Env(names, env);
          if (l.formals() != null) {
            for (Expr.Formal f : l.formals().entries())
              if (f.defaultValue() != null) walk(f.defaultValue(), env);
          }
          e = l.body();
        } else if (e instanceof Expr.Call) {
          Expr.Call c = (Expr.Call) e;
          // Nix checks the function before the arguments; arguments are usually shallow.
          Expr fn = c.function();
          List<Expr> args = new java.util.ArrayList<>();
          args.add(c.argument());
          while (fn instanceof Expr.Call) {
            args.add(((Expr.Call) fn).argument());
            fn = ((Expr.Call) fn).function();
          }
          walk(fn, env);
          for (int i = args.size() - 1; i > 0; i--) walk(args.get(i), env);
          e = args.get(0);
        } else if (e instanceof Expr.Not) {
          e = ((Expr.Not) e).operand();
        } else if (e instanceof Expr.Neg) {
          e = ((Expr.Neg) e).operand();
        } else if (e instanceof Expr.BinOp) {
          Expr.BinOp b = (Expr.BinOp) e;
          // Nix desugars a > b and a <= b to __lessThan b a: the right operand is checked first.
          if (b.op() == Expr.Op.GT || b.op() == Expr.Op.LE) {
            walk(b.right(), env);
            e = b.left();
          } else {
            walk(b.left(), env);
            e = b.right();
          }
        } else {
          return; // Int, Float, Str, PathLit, CurPos: nothing to bind.
        }
      }
    }

    void walkNames(List<Expr.AttrName> path, Env env) {
      for (Expr.AttrName n : path)
        if (n instanceof Expr.DynamicName) walk(((Expr.DynamicName) n).expr(), env);
    }

    /** Values in {@code inner}; plain inherits resolve in {@code outer}. */
    void walkBindings(List<Expr.Binding> bindings, Env inner, Env outer) {
      for (Expr.Binding b : bindings) {
        if (b instanceof Expr.Inherit) {
          Expr.Inherit in = (Expr.Inherit) b;
          if (in.from() != null) {
            walk(in.from(), inner);
          } else {
            for (Expr.StaticName n : in.names()) resolve(n.name(), n.span(), outer);
          }
        } else {
          Expr.AttrDef d = (Expr.AttrDef) b;
          walkNames(d.path(), inner);
          walk(d.value(), inner);
        }
      }
    }
  }

  private static Set<String> names(List<Expr.Binding> bindings) {
    Set<String> names = new HashSet<>();
    for (Expr.Binding b : bindings) {
      if (b instanceof Expr.Inherit) {
        for (Expr.StaticName n : ((Expr.Inherit) b).names()) names.add(n.name());
      } else {
        Expr.AttrName first = ((Expr.AttrDef) b).path().get(0);
        if (first instanceof Expr.StaticName) names.add(((Expr.StaticName) first).name());
      }
    }
    return names;
  }

  /** Names bound in Nix's global scope (builtins available without {@code builtins.}). */
  private static final Set<String> NIX_GLOBALS =
      Set.of(
          "builtins",
          "true",
          "false",
          "null",
          "derivation",
          "derivationStrict",
          "import",
          "abort",
          "throw",
          "baseNameOf",
          "dirOf",
          "isNull",
          "map",
          "removeAttrs",
          "toString",
          "placeholder",
          "scopedImport",
          "fetchGit",
          "fetchMercurial",
          "fetchTarball",
          "fetchTree",
          "fromTOML",
          "break",
          "__currentTime",
          "__currentSystem",
          "__nixVersion",
          "__storeDir",
          "__langVersion",
          "__nixPath",
          "__add",
          "__addDrvOutputDependencies",
          "__addErrorContext",
          "__all",
          "__any",
          "__appendContext",
          "__attrNames",
          "__attrValues",
          "__bitAnd",
          "__bitOr",
          "__bitXor",
          "__catAttrs",
          "__ceil",
          "__compareVersions",
          "__concatLists",
          "__concatMap",
          "__concatStringsSep",
          "__convertHash",
          "__deepSeq",
          "__div",
          "__elem",
          "__elemAt",
          "__fetchClosure",
          "__fetchurl",
          "__filter",
          "__filterSource",
          "__findFile",
          "__flakeRefToString",
          "__floor",
          "__foldl'",
          "__fromJSON",
          "__functionArgs",
          "__genList",
          "__genericClosure",
          "__getAttr",
          "__getContext",
          "__getEnv",
          "__getFlake",
          "__groupBy",
          "__hasAttr",
          "__hasContext",
          "__hashFile",
          "__hashString",
          "__head",
          "__intersectAttrs",
          "__isAttrs",
          "__isBool",
          "__isFloat",
          "__isFunction",
          "__isInt",
          "__isList",
          "__isPath",
          "__isString",
          "__length",
          "__lessThan",
          "__listToAttrs",
          "__mapAttrs",
          "__match",
          "__mul",
          "__outputOf",
          "__parseDrvName",
          "__parseFlakeRef",
          "__partition",
          "__path",
          "__pathExists",
          "__readDir",
          "__readFile",
          "__readFileType",
          "__replaceStrings",
          "__seq",
          "__sort",
          "__split",
          "__splitVersion",
          "__storePath",
          "__stringLength",
          "__sub",
          "__substring",
          "__tail",
          "__toFile",
          "__toJSON",
          "__toPath",
          "__toXML",
          "__trace",
          "__traceVerbose",
          "__tryEval",
          "__typeOf",
          "__unsafeDiscardOutputDependency",
          "__unsafeDiscardStringContext",
          "__unsafeGetAttrPos",
          "__warn",
          "__zipAttrsWith");

  /** True for the names Nix's global scope binds (a recent Nix; see {@code primops.cc}). */
  public static boolean isNixGlobal(String name) {
    return NIX_GLOBALS.contains(name);
  }

  /** The names {@link #isNixGlobal} accepts. */
  public static Set<String> nixGlobals() {
    return NIX_GLOBALS;
  }
}
