package org.modsvc.nix.store;

/** The textual encodings of a hash that Nix reads and writes ({@code builtins.convertHash}). */
public enum HashFormat {
  BASE16("base16"),
  /** Nix's own base-32 (alphabet without e, o, u, t; least significant bits first). */
  NIX32("nix32"),
  BASE64("base64"),
  /** {@code <algo>-<base64>}, as in Subresource Integrity. */
  SRI("sri");

  /** The warning Nix prints when {@code "base32"} is used as a format name. */
  public static final String BASE32_DEPRECATION_WARNING =
      "\"base32\" is a deprecated alias for hash format \"nix32\".";

  private final String nixName;

  HashFormat(String nixName) {
    this.nixName = nixName;
  }

  public String nixName() {
    return nixName;
  }

  /**
   * Parses a format name as {@code parseHashFormat} does. {@code "base32"} is accepted as an alias
   * of {@link #NIX32}; callers that mirror Nix should print {@link #BASE32_DEPRECATION_WARNING}
   * when {@link #isDeprecatedAlias(String)} is true.
   */
  public static HashFormat parse(String name) {
    switch (name) {
      case "base16":
        return BASE16;
      case "nix32":
      case "base32":
        return NIX32;
      case "base64":
        return BASE64;
      case "sri":
        return SRI;
      default:
        throw new StoreException(
            "unknown hash format '" + name + "', expect 'base16', 'base32', 'base64', or 'sri'");
    }
  }

  /** Whether {@code name} is the deprecated spelling {@code base32}. */
  public static boolean isDeprecatedAlias(String name) {
    return "base32".equals(name);
  }

  @Override
  public String toString() {
    return nixName;
  }
}
