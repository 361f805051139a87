package org.modsvc.nix.builtins;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.Ops;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** Arithmetic and bit operations. */
final class MathBuiltins implements Builtins.Group {
  @Override public void register(Builtins.Registry r) {
    r.def("add", 2, (a, sp) -> {
      Value x = Thunk.force(a[0]), y = Thunk.force(a[1]);
      if (!(x instanceof NixInt || x instanceof NixFloat)) throw Types.typeError("an integer", x, sp);
      if (!(y instanceof NixInt || y instanceof NixFloat)) throw Types.typeError("an integer", y, sp);
      return Ops.add(x, y, sp);
    });
    r.def("sub", 2, (a, sp) -> Ops.sub(a[0], a[1], sp));
    r.def("mul", 2, (a, sp) -> Ops.mul(a[0], a[1], sp));
    r.def("div", 2, (a, sp) -> {
      // Nix checks the divisor first: `div "x" 0` is a division by zero.
      double d = Types.number(a[1], sp);
      if (d == 0) throw new EvalException("division by zero", sp);
      // Integer division unless either side is a float: then the dividend must be an integer.
      Value x = Thunk.force(a[0]);
      if (x instanceof NixFloat || Thunk.force(a[1]) instanceof NixFloat) Types.number(x, sp);
      else Types.integer(x, sp);
      return Ops.div(a[0], a[1], sp);
    });
    r.def("lessThan", 2, (a, sp) -> NixBool.of(Ops.lessThan(a[0], a[1], sp)));
    r.def("bitAnd", 2, (a, sp) -> NixInt.of(Types.integer(a[0], sp) & Types.integer(a[1], sp)));
    r.def("bitOr", 2, (a, sp) -> NixInt.of(Types.integer(a[0], sp) | Types.integer(a[1], sp)));
    r.def("bitXor", 2, (a, sp) -> NixInt.of(Types.integer(a[0], sp) ^ Types.integer(a[1], sp)));
    r.def("ceil", 1, (a, sp) -> rounded(Thunk.force(a[0]), true, sp));
    r.def("floor", 1, (a, sp) -> rounded(Thunk.force(a[0]), false, sp));
  }

  /**
   * ceil/floor as Nix does them: through a double, range-checked against a 64-bit integer; an integer
   * argument is returned unchanged (unless its double image is out of range, which Nix reports as a bug).
   */
  private static Value rounded(Value x, boolean up, org.modsvc.nix.source.Span sp) {
    double in = Types.number(x, sp);
    double d = up ? Math.ceil(in) : Math.floor(in);
    if (d >= -0x1p63 && d < 0x1p63) return x instanceof NixInt ? x : NixInt.of((long) d);
    if (x instanceof NixInt i) {
      throw new EvalException("Due to a bug (see https://github.com/NixOS/nix/issues/12899) the NixInt argument "
          + i.value() + " caused undefined behavior in previous Nix versions.\n\tFuture Nix versions might "
          + "implement the correct behavior.", sp);
    }
    throw new EvalException("NixFloat argument " + org.modsvc.nix.format.NixFloat.toDisplayString(in)
        + " is not in the range of NixInt", sp);
  }
}
