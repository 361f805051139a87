package org.modsvc.switcher.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * Typed reads of a value our built-in modules return (the output contract, the option docs),
 * forcing what is read. A shape mismatch is a bug in our modules, not the user's: the exception
 * names the contract and the place ({@code units.foo.service.masked}).
 */
public final class ContractValues {
  private final Function<String, RuntimeException> shapeError;

  /**
   * @param shapeError builds the exception for a mismatch from its description
   */
  public ContractValues(Function<String, RuntimeException> shapeError) {
    this.shapeError = shapeError;
  }

  public Value field(NixAttrs a, String name, String where) {
    Value v = a.get(name);
    if (v == null) throw shapeError.apply(where + " has no attribute '" + name + "'");
    return v;
  }

  public NixAttrs attrs(Value v, String where) {
    v = Thunk.force(v);
    if (v instanceof NixAttrs a) return a;
    throw mismatch(v, where, "a set");
  }

  public Value[] list(Value v, String where) {
    v = Thunk.force(v);
    if (v instanceof NixList l) return l.items();
    throw mismatch(v, where, "a list");
  }

  public String str(Value v, String where) {
    v = Thunk.force(v);
    if (v instanceof NixString s) return s.value();
    throw mismatch(v, where, "a string");
  }

  public boolean bool(Value v, String where) {
    v = Thunk.force(v);
    if (v instanceof NixBool b) return b.value();
    throw mismatch(v, where, "a Boolean");
  }

  public List<String> strings(Value v, String where) {
    List<String> out = new ArrayList<>();
    Value[] items = list(v, where);
    for (int i = 0; i < items.length; i++) out.add(str(items[i], where + "[" + i + "]"));
    return out;
  }

  private RuntimeException mismatch(Value v, String where, String expected) {
    return shapeError.apply(where + " is of type " + v.typeName() + ", expected " + expected);
  }
}
