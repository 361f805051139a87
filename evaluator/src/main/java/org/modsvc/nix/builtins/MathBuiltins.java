package org.modsvc.nix.builtins;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.Ops;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** Arithmetic and bit operations. */
final class MathBuiltins implements Builtins.Group, PrimOp.Bodies {
  /** The builtins this class implements, in registration order. */
  private enum Op {
    ADD("add", 2),
    SUB("sub", 2),
    MUL("mul", 2),
    DIV("div", 2),
    LESS_THAN("lessThan", 2),
    BIT_AND("bitAnd", 2),
    BIT_OR("bitOr", 2),
    BIT_XOR("bitXor", 2),
    CEIL("ceil", 1),
    FLOOR("floor", 1);

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
      case ADD -> add(a, sp);
      case SUB -> Ops.sub(a[0], a[1], sp);
      case MUL -> Ops.mul(a[0], a[1], sp);
      case DIV -> div(a, sp);
      case LESS_THAN -> NixBool.of(Ops.lessThan(a[0], a[1], sp));
      case BIT_AND -> NixInt.of(Types.integer(a[0], sp) & Types.integer(a[1], sp));
      case BIT_OR -> NixInt.of(Types.integer(a[0], sp) | Types.integer(a[1], sp));
      case BIT_XOR -> NixInt.of(Types.integer(a[0], sp) ^ Types.integer(a[1], sp));
      case CEIL -> rounded(Thunk.force(a[0]), true, sp);
      case FLOOR -> rounded(Thunk.force(a[0]), false, sp);
    };
  }

  private Value add(Value[] a, Span sp) {
    Value x = Thunk.force(a[0]), y = Thunk.force(a[1]);
    if (!(x instanceof NixInt || x instanceof NixFloat)) throw Types.typeError("an integer", x, sp);
    if (!(y instanceof NixInt || y instanceof NixFloat)) throw Types.typeError("an integer", y, sp);
    return Ops.add(x, y, sp);
  }

  private Value div(Value[] a, Span sp) {
    // Nix checks the divisor first: `div "x" 0` is a division by zero.
    double d = Types.number(a[1], sp);
    if (d == 0) throw new EvalException("division by zero", sp);
    // Integer division unless either side is a float: then the dividend must be an integer.
    Value x = Thunk.force(a[0]);
    if (x instanceof NixFloat || Thunk.force(a[1]) instanceof NixFloat) Types.number(x, sp);
    else Types.integer(x, sp);
    return Ops.div(a[0], a[1], sp);
  }

  /**
   * ceil/floor as Nix does them: through a double, range-checked against a 64-bit integer; an
   * integer argument is returned unchanged (unless its double image is out of range, which Nix
   * reports as a bug).
   */
  private static Value rounded(Value x, boolean up, org.modsvc.nix.source.Span sp) {
    double in = Types.number(x, sp);
    double d = up ? Math.ceil(in) : Math.floor(in);
    if (d >= -0x1p63 && d < 0x1p63) return x instanceof NixInt ? x : NixInt.of((long) d);
    if (x instanceof NixInt i) {
      throw new EvalException(
          "Due to a bug (see https://github.com/NixOS/nix/issues/12899) the NixInt argument "
              + i.value()
              + " caused undefined behavior in previous Nix versions.\n\tFuture Nix versions might "
              + "implement the correct behavior.",
          sp);
    }
    throw new EvalException(
        "NixFloat argument "
            + org.modsvc.nix.format.FloatFormat.toDisplayString(in)
            + " is not in the range of NixInt",
        sp);
  }
}
