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
      Types.number(a[0], sp);
      return Ops.div(a[0], a[1], sp);
    });
    r.def("lessThan", 2, (a, sp) -> NixBool.of(Ops.lessThan(a[0], a[1], sp)));
    r.def("bitAnd", 2, (a, sp) -> NixInt.of(Types.integer(a[0], sp) & Types.integer(a[1], sp)));
    r.def("bitOr", 2, (a, sp) -> NixInt.of(Types.integer(a[0], sp) | Types.integer(a[1], sp)));
    r.def("bitXor", 2, (a, sp) -> NixInt.of(Types.integer(a[0], sp) ^ Types.integer(a[1], sp)));
    r.def("ceil", 1, (a, sp) -> rounded(Math.ceil(Types.number(a[0], sp)), sp));
    r.def("floor", 1, (a, sp) -> rounded(Math.floor(Types.number(a[0], sp)), sp));
  }

  private static Value rounded(double d, org.modsvc.nix.source.Span sp) {
    if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
      throw new EvalException("float " + d + " is out of the range of a Nix integer", sp);
    }
    return NixInt.of((long) d);
  }
}
