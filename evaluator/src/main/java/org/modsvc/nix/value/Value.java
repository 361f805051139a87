package org.modsvc.nix.value;

/**
 * A Nix value. Records are the user-visible types; {@link Thunk} is the one mutable, internal
 * variant (a suspended computation) and is never seen by code that has forced its operand. {@link
 * #typeName()} returns the names {@code builtins.typeOf} prints.
 */
public sealed interface Value
    permits NixInt,
        NixFloat,
        NixBool,
        NixNull,
        NixString,
        NixPath,
        NixList,
        NixAttrs,
        NixFunction,
        Thunk {
  String typeName();

  /** Forces this value to weak head normal form. */
  default Value force() {
    return this;
  }
}
