package org.modsvc.nix.builtins;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.StoreException;
import org.modsvc.nix.store.StorePaths;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * {@code fetchurl}, {@code fetchTarball} and {@code fetchTree}. modsvc never downloads anything,
 * but the arguments are validated first, in Nix's order and with Nix's messages (bad store names,
 * negative integers, relative {@code file:} tarballs), so that a malformed call fails the same way
 * it would in Nix; only a well-formed call reaches the "not supported" error.
 */
final class FetchBuiltins implements Builtins.Group, PrimOp.Bodies {
  private final EvalState st;

  FetchBuiltins(EvalState st) {
    this.st = st;
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    FETCHURL("fetchurl", 1),
    FETCH_TARBALL("fetchTarball", 1),
    FETCH_TREE("fetchTree", 1);

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
      case FETCHURL -> fetch(st, a[0], "fetchurl", "", sp);
      case FETCH_TARBALL -> fetch(st, a[0], "fetchTarball", "source", sp);
      case FETCH_TREE -> fetchTree(st, a[0], sp);
    };
  }

  /**
   * The argument checks of Nix's {@code fetch} helper behind {@code fetchurl} and {@code
   * fetchTarball}.
   */
  private static Value fetch(EvalState st, Value arg, String who, String defaultName, Span sp) {
    Value v = Thunk.force(arg);
    String url = null;
    String name = defaultName;
    boolean isAttrs = v instanceof NixAttrs;
    boolean nameGiven = false;
    if (v instanceof NixAttrs attrs) {
      for (int i = 0; i < attrs.size(); i++) {
        String n = attrs.name(i);
        if (n.equals("url")) {
          url = Types.plainString(attrs.value(i), sp);
        } else if (n.equals("sha256")) {
          Types.plainString(attrs.value(i), sp);
        } else if (n.equals("name")) {
          nameGiven = true;
          name = Types.plainString(attrs.value(i), sp);
        } else {
          throw new EvalException("unsupported argument '" + n + "' to '" + who + "'", sp);
        }
      }
      if (url == null) throw new EvalException("'url' argument required", sp);
    } else {
      url = Types.plainString(v, sp);
    }
    if (name.isEmpty()) name = baseName(url);
    try {
      StorePaths.checkName(name);
    } catch (StoreException e) {
      String fix =
          nameGiven
              ? "Please change the value for the 'name' attribute passed to '"
                  + who
                  + "', so that it can create a valid store path."
              : isAttrs
                  ? "Please add a valid 'name' attribute to the argument for '"
                      + who
                      + "', so that it can create a valid store path."
                  // (sic: Nix's message has two spaces here)
                  : "Please pass an attribute set with 'url' and 'name' attributes to '"
                      + who
                      + "',  so that it can create a valid store path.";
      throw new EvalException(
          "invalid store path name when fetching URL '" + url + "': " + e.getMessage() + ". " + fix,
          sp);
    }
    throw unsupported(who, sp);
  }

  private static Value fetchTree(EvalState st, Value arg, Span sp) {
    Value v = Thunk.force(arg);
    String type = null;
    String url = null;
    if (v instanceof NixAttrs attrs) {
      Value t = attrs.get("type");
      if (t == null)
        throw new EvalException("argument 'type' is missing in call to 'fetchTree'", sp);
      type = Types.plainString(t, sp);
      for (int i = 0; i < attrs.size(); i++) {
        String n = attrs.name(i);
        if (n.equals("type")) continue;
        Value x = Thunk.force(attrs.value(i));
        if (x instanceof NixString || x instanceof NixPath) {
          String s = st.coerceToString(x, sp, false, false).value();
          if (n.equals("url")) url = s;
        } else if (x instanceof NixInt in) {
          if (in.value() < 0) {
            throw new EvalException(
                "negative value given for 'fetchTree' argument '" + n + "': " + in.value(), sp);
          }
        } else if (!(x instanceof NixBool)) {
          throw new EvalException(
              "argument '"
                  + n
                  + "' to 'fetchTree' is "
                  + Types.showType(x)
                  + " while a string, Boolean or integer is expected",
              sp);
        }
      }
    } else {
      url = st.coerceToString(v, sp, false, false).value();
      type = "tarball";
    }
    if ("tarball".equals(type) && url != null && url.startsWith("file:")) {
      String path = url.substring("file:".length());
      if (path.startsWith("//")) {
        int slash = path.indexOf('/', 2);
        path = slash < 0 ? "" : path.substring(slash);
      }
      if (!path.startsWith("/")) {
        throw new EvalException(
            "tarball '"
                + url
                + "' must use an absolute path. The 'file' scheme does not "
                + "support relative paths.",
            sp);
      }
    }
    throw unsupported("fetchTree", sp);
  }

  /** The last path component of a URL, as Nix's {@code baseNameOf} (one trailing slash ignored). */
  static String baseName(String url) {
    String p = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return p.substring(p.lastIndexOf('/') + 1);
  }

  private static EvalException unsupported(String who, Span sp) {
    return new EvalException(
        "'builtins."
            + who
            + "' is not supported by modsvc: it needs network access or a Nix "
            + "daemon",
        sp);
  }
}
