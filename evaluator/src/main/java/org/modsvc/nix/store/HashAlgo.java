package org.modsvc.nix.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The hash algorithms the evaluator supports, named as Nix names them. BLAKE3 is recognised only to
 * report it the way Nix does when its experimental feature is off (the JDK has no BLAKE3).
 */
public enum HashAlgo {
  MD5("md5", "MD5", 16),
  SHA1("sha1", "SHA-1", 20),
  SHA256("sha256", "SHA-256", 32),
  SHA512("sha512", "SHA-512", 64);

  private final String nixName;
  private final String jdkName;
  private final int size;

  HashAlgo(String nixName, String jdkName, int size) {
    this.nixName = nixName;
    this.jdkName = jdkName;
    this.size = size;
  }

  /** The name Nix prints and parses: {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}. */
  public String nixName() {
    return nixName;
  }

  /** Digest length in bytes. */
  public int size() {
    return size;
  }

  /** A fresh JDK digest for this algorithm (all four are mandatory in every JDK). */
  public MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance(jdkName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks " + jdkName, e);
    }
  }

  /**
   * Like Nix's {@code parseHashAlgoOpt}: empty for anything unknown (used for {@code
   * outputHashAlgo}).
   */
  public static Optional<HashAlgo> parseOpt(String s) {
    for (HashAlgo a : values()) {
      if (a.nixName.equals(s)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * Like Nix's {@code parseHashAlgo} (used by {@code hashString}, {@code hashFile}, {@code
   * convertHash} and hash prefixes): throws with Nix's message for unknown names.
   */
  public static HashAlgo parse(String s) {
    Optional<HashAlgo> a = parseOpt(s);
    if (a.isPresent()) {
      return a.get();
    }
    if ("blake3".equals(s)) {
      // Nix knows blake3 but gates it behind an experimental feature that is off by default.
      throw new StoreException(
          "experimental Nix feature 'blake3-hashes' is disabled; add"
              + " '--extra-experimental-features blake3-hashes' to enable it");
    }
    throw new StoreException(
        "unknown hash algorithm '"
            + s
            + "', expect 'blake3', 'md5', 'sha1', 'sha256', or 'sha512'");
  }

  @Override
  public String toString() {
    return nixName;
  }
}
