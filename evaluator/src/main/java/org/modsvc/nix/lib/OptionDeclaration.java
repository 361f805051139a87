package org.modsvc.nix.lib;

import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * {@code fixupOptionType loc (mergeOptionDecls loc decls)} for the usual case of an option declared
 * once: the declaration with {@code loc}, {@code declarations}, {@code declarationPositions}, and
 * its final type ({@code unspecified} when none was given; a submodule type gets its sub-modules,
 * located in the declaring file). Options declared more than once go through the Nix functions in
 * {@code hooks}, where the rules for combining declarations live.
 */
final class OptionDeclaration {
  private OptionDeclaration() {}

  static final String[] DECLARED = {
    "declarationPositions", "declarations", "loc", "options", "type"
  };
  private static final String[] LOCATED_MODULE = {"_file", "imports"};
  private static final String[] NO_POSITION = {"column", "file", "line"};

  /** The layout of {@code Declared.attrs}' update (a hint: see {@link NixAttrs.UpdateSite}). */
  private static final NixAttrs.UpdateSite SITE = new NixAttrs.UpdateSite();

  /** {@code declareOptionWith hooks}: the two-argument {@code loc: decls: …}. */
  static Value declareOptionWith(EvalState st, Value hooksValue, Span sp) {
    NixAttrs hooks = Types.attrs(hooksValue, sp);
    return new PrimOp(
        "declareOption",
        2,
        new Declarer(
            st,
            Properties.select(hooks, "unspecified", sp),
            Properties.select(hooks, "general", sp)));
  }

  /**
   * {@code declareOption}'s body; {@link MergeLevel} calls {@link #declare} directly when the hooks
   * are ours.
   */
  record Declarer(EvalState st, Value unspecified, Value general) implements PrimOp.Impl {
    @Override
    public Value apply(Value[] a, Span callSite) {
      return declare(a[0], a[1], callSite).attrs();
    }

    Declared declare(Value loc, Value declsValue, Span callSite) {
      NixList decls = Types.list(declsValue, callSite);
      if (decls.size() != 1) {
        return new Declared(
            Types.attrs(st.call(general, new Value[] {loc, decls}, callSite), callSite), null);
      }
      return single(st, unspecified, loc, Types.attrs(decls.get(0), callSite), callSite);
    }
  }

  /**
   * A declared option. Declared once, it is kept in parts: the declaration's attributes ({@code
   * base}) and the values of the attributes declaring adds ({@code added}, in {@link #DECLARED}
   * order), so that {@link OptionValue} joins them with its own attributes in one {@code //}
   * instead of two. Declared more than once, {@code base} is the merged option and {@code added}
   * null.
   */
  record Declared(NixAttrs base, Value[] added) {
    NixAttrs attrs() {
      return added == null ? base : base.update(new NixAttrs(DECLARED, added, null), SITE);
    }

    /** An attribute of the declared option, or null. */
    Value get(String name) {
      if (added != null) {
        for (int i = 0; i < DECLARED.length; i++) if (DECLARED[i].equals(name)) return added[i];
      }
      return base.get(name);
    }

    /**
     * An attribute the declared option must have: a missing one is the usual missing-attribute
     * error.
     */
    Value select(String name, Span sp) {
      Value v = get(name);
      return v != null ? v : Properties.select(attrs(), name, sp);
    }
  }

  private static Declared single(
      EvalState st, Value unspecified, Value loc, NixAttrs decl, Span sp) {
    NixAttrs opt = Types.attrs(Properties.select(decl, "options", sp), sp);
    Value file = Properties.select(decl, "_file", sp);
    Value type = opt.get("type");
    Value subModules = NixNull.NULL;
    if (type != null && Thunk.force(type) instanceof NixAttrs t && t.has("getSubModules")) {
      subModules = Thunk.force(t.get("getSubModules"));
    }
    Value position = new Thunk(POSITION, new Declaration(decl, file, sp));
    Value finalType;
    if (subModules == NixNull.NULL) {
      finalType = type != null ? type : unspecified;
    } else {
      Value modules = subModules;
      finalType =
          new Thunk(
              () -> {
                Value[] given = Types.list(modules, sp).items();
                Value[] located = new Value[given.length];
                for (int i = 0; i < given.length; i++) {
                  located[i] =
                      new NixAttrs(
                          LOCATED_MODULE,
                          new Value[] {file, new NixList(new Value[] {given[i]})},
                          null);
                }
                Value substSubModules =
                    Properties.select(Types.attrs(type, sp), "substSubModules", sp);
                return st.call(substSubModules, new NixList(located), sp);
              });
    }
    return new Declared(
        opt,
        new Value[] {
          new NixList(new Value[] {position}),
          new NixList(new Value[] {file}),
          loc,
          NixList.EMPTY,
          finalType
        });
  }

  private record Declaration(NixAttrs decl, Value file, Span sp) {}

  /** {@code decl.pos}, or a position naming only the file when the declaration has none. */
  private static final Thunk.Deferred<Declaration> POSITION =
      d -> {
        Value pos = Thunk.force(Properties.select(d.decl, "pos", d.sp));
        if (pos != NixNull.NULL) return pos;
        return new NixAttrs(NO_POSITION, new Value[] {NixNull.NULL, d.file, NixNull.NULL}, null);
      };

  /**
   * {@code mergeEqualOptionWith general}: one definition is its own value; otherwise {@code general
   * loc defs}.
   */
  static Value mergeEqualOptionWith(EvalState st, Value general, Span sp) {
    return new PrimOp(
        "mergeEqualOption",
        2,
        (a, callSite) -> {
          NixList defs = Types.list(a[1], callSite);
          if (defs.size() != 1) return st.call(general, new Value[] {a[0], defs}, callSite);
          return Properties.selectNow(defs.get(0), "value", callSite);
        });
  }
}
