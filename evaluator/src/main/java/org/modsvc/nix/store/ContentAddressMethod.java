package org.modsvc.nix.store;

/**
 * How a content-addressed store object's hash was computed: over the file's bytes ({@link #FLAT}),
 * over its NAR serialisation ({@link #NAR}, Nix's "recursive"), or as a text file that may refer to
 * other store paths ({@link #TEXT}, what {@code builtins.toFile} and {@code .drv} files are).
 */
public enum ContentAddressMethod {
  FLAT(""),
  NAR("r:"),
  TEXT("text:");

  private final String prefix;

  ContentAddressMethod(String prefix) {
    this.prefix = prefix;
  }

  /** The prefix Nix puts before the algorithm in a derivation output's hash algo field. */
  public String prefix() {
    return prefix;
  }

  /** {@code printMethodAlgo}: e.g. {@code sha256}, {@code r:sha256}, {@code text:sha256}. */
  public String methodAlgo(HashAlgo algo) {
    return prefix + algo.nixName();
  }

  /**
   * Parses a derivation's {@code outputHashMode} ({@code flat}, {@code recursive}/{@code nar},
   * {@code text}), with Nix's message for anything else. Note that Nix accepts {@code text} only
   * with the {@code dynamic-derivations} experimental feature and {@code git} only with {@code
   * git-hashing}; the first is left to the caller, the second is reported as that feature being
   * disabled.
   */
  public static ContentAddressMethod parseOutputHashMode(String s) {
    switch (s) {
      case "flat":
        return FLAT;
      case "recursive":
      case "nar":
        return NAR;
      case "text":
        return TEXT;
      case "git":
        throw new StoreException(
            "experimental Nix feature 'git-hashing' is disabled; add"
                + " '--extra-experimental-features git-hashing' to enable it");
      default:
        throw new StoreException("invalid value '" + s + "' for 'outputHashMode' attribute");
    }
  }
}
