package org.modsvc.nix.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * A digest together with its algorithm, with Nix's renderings and its lenient parser ({@code
 * Hash::parseAny}): a hash may be written in base-16, Nix base-32 or base-64 (told apart by
 * length), optionally prefixed by {@code <algo>:}, or in SRI form {@code <algo>-<base64>}.
 *
 * @param algo the algorithm
 * @param bytes the raw digest; defensively copied, never mutated
 */
public record Hash(HashAlgo algo, byte[] bytes) {
  public Hash {
    Objects.requireNonNull(algo, "algo");
    bytes = bytes.clone();
    if (bytes.length != algo.size()) {
      throw new IllegalArgumentException(
          algo + " digest must have " + algo.size() + " bytes, got " + bytes.length);
    }
  }

  @Override
  public byte[] bytes() {
    return bytes.clone();
  }

  /** The all-zero hash Nix substitutes for an empty {@code outputHash}/{@code sha256}. */
  public static Hash zero(HashAlgo algo) {
    return new Hash(algo, new byte[algo.size()]);
  }

  public String toBase16() {
    return Hashes.base16Encode(bytes);
  }

  public String toNix32() {
    return Hashes.nix32Encode(bytes);
  }

  public String toBase64() {
    return Hashes.base64Encode(bytes);
  }

  /** {@code <algo>-<base64>}. */
  public String toSri() {
    return algo.nixName() + "-" + toBase64();
  }

  /**
   * Nix's {@code Hash::to_string}: SRI always carries its {@code <algo>-} prefix; other formats
   * carry {@code <algo>:} when {@code includeAlgo} is set.
   */
  public String toString(HashFormat format, boolean includeAlgo) {
    StringBuilder sb = new StringBuilder();
    if (format == HashFormat.SRI || includeAlgo) {
      sb.append(algo.nixName()).append(format == HashFormat.SRI ? '-' : ':');
    }
    switch (format) {
      case BASE16:
        sb.append(toBase16());
        break;
      case NIX32:
        sb.append(toNix32());
        break;
      default:
        sb.append(toBase64());
        break;
    }
    return sb.toString();
  }

  /** {@code <algo>:<base16>}, the form used inside store path fingerprints. */
  @Override
  public String toString() {
    return toString(HashFormat.BASE16, true);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash && ((Hash) o).algo == algo && Arrays.equals(((Hash) o).bytes, bytes);
  }

  @Override
  public int hashCode() {
    return algo.hashCode() * 31 + Arrays.hashCode(bytes);
  }

  // ---------------------------------------------------------------- parsing

  /**
   * {@code Hash::parseAny}: the algorithm comes from an {@code <algo>:} / {@code <algo>-} prefix or
   * from {@code algo} (which may be null); if both are given they must agree.
   */
  public static Hash parseAny(String original, HashAlgo algo) {
    return parse(original, algo, false);
  }

  /** {@code Hash::parseAnyPrefixed}: the string itself must name the algorithm. */
  public static Hash parseAnyPrefixed(String original) {
    return parse(original, null, true);
  }

  /** {@code Hash::parseSRI}: strictly {@code <algo>-<base64>}. */
  public static Hash parseSri(String original) {
    int dash = original.indexOf('-');
    if (dash < 0) {
      throw new StoreException("hash '" + original + "' is not SRI");
    }
    HashAlgo algo = HashAlgo.parse(original.substring(0, dash));
    return decode(original.substring(dash + 1), algo, HashFormat.SRI);
  }

  /** {@code Hash::parseNonSRIUnprefixed}: a bare hash whose encoding is told from its length. */
  public static Hash parseNonSriUnprefixed(String s, HashAlgo algo) {
    return decode(s, algo, formatFromLength(s, algo));
  }

  /**
   * {@code newHashAllowEmpty}, used for {@code outputHash} and {@code builtins.path}'s {@code
   * sha256}: an empty string means the all-zero hash of {@code algo} (Nix then warns {@code found
   * empty hash, assuming '<sri>'}; see {@link #emptyHashWarning}).
   */
  public static Hash parseAllowEmpty(String s, HashAlgo algo) {
    if (s.isEmpty()) {
      if (algo == null) {
        throw new StoreException("empty hash requires explicit hash algorithm");
      }
      return zero(algo);
    }
    return parseAny(s, algo);
  }

  /** The warning Nix prints when {@link #parseAllowEmpty} is given an empty string. */
  public static String emptyHashWarning(HashAlgo algo) {
    return "found empty hash, assuming '" + zero(algo).toSri() + "'";
  }

  private static Hash parse(String original, HashAlgo given, boolean requirePrefix) {
    String rest = original;
    boolean sri = false;
    HashAlgo parsed = null;
    int colon = rest.indexOf(':');
    if (colon >= 0) {
      parsed = HashAlgo.parse(rest.substring(0, colon));
      rest = rest.substring(colon + 1);
    } else {
      int dash = rest.indexOf('-');
      if (dash >= 0) {
        parsed = HashAlgo.parse(rest.substring(0, dash));
        rest = rest.substring(dash + 1);
        sri = true;
      }
    }
    HashAlgo algo;
    if (requirePrefix) {
      if (parsed == null) {
        throw new StoreException("hash '" + original + "' does not include a type");
      }
      algo = parsed;
    } else {
      if (parsed == null && given == null) {
        throw new StoreException(
            "hash '"
                + original
                + "' does not include a type, nor is the type otherwise known from context");
      }
      if (parsed != null && given != null && parsed != given) {
        throw new StoreException("hash '" + original + "' should have type '" + given + "'");
      }
      algo = parsed != null ? parsed : given;
    }
    return decode(rest, algo, sri ? HashFormat.SRI : formatFromLength(rest, algo));
  }

  private static HashFormat formatFromLength(String rest, HashAlgo algo) {
    int n = rest.length();
    if (n == algo.size() * 2) {
      return HashFormat.BASE16;
    }
    if (n == Hashes.nix32Length(algo.size())) {
      return HashFormat.NIX32;
    }
    if (n == Hashes.base64Length(algo.size())) {
      return HashFormat.BASE64;
    }
    throw new StoreException(
        "hash '" + rest + "' has wrong length for hash algorithm '" + algo + "'");
  }

  private static Hash decode(String rest, HashAlgo algo, HashFormat format) {
    String formatName;
    switch (format) {
      case BASE16:
        formatName = "base16";
        break;
      case NIX32:
        formatName = "nix32";
        break;
      case BASE64:
        formatName = "Base64";
        break;
      default:
        formatName = "SRI";
        break;
    }
    byte[] d;
    try {
      d =
          format == HashFormat.BASE16
              ? Hashes.base16Decode(rest)
              : format == HashFormat.NIX32 ? Hashes.nix32Decode(rest) : Hashes.base64Decode(rest);
    } catch (StoreException e) {
      // Nix swallows the decoder's complaint and reports the resulting (empty) length instead.
      d = new byte[0];
    }
    if (d.length != algo.size()) {
      throw new StoreException(
          "invalid "
              + formatName
              + " hash '"
              + rest
              + "', length "
              + d.length
              + " != expected length "
              + algo.size());
    }
    return new Hash(algo, d);
  }

  /**
   * {@code builtins.convertHash}: parse {@code hash} (with optional {@code algo}) and render it in
   * {@code to}, SRI with its prefix and the others bare.
   */
  public static String convert(String hash, HashAlgo algo, HashFormat to) {
    return parseAny(hash, algo).toString(to, to == HashFormat.SRI);
  }
}
