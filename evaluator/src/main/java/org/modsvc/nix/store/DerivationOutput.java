package org.modsvc.nix.store;

import java.util.Objects;

/**
 * One output as it appears in a derivation's ATerm: {@code (name, path, hashAlgo, hash)}. For an
 * input-addressed output only the path is set; for a fixed-output one {@code hashAlgo} is the
 * method and algorithm ({@code sha256}, {@code r:sha256}, {@code text:sha256}) and {@code hash} the
 * expected content hash in base 16; while computing the hash modulo all three are empty
 * ("deferred").
 */
public record DerivationOutput(String path, String hashAlgo, String hash) {
  public static final DerivationOutput DEFERRED = new DerivationOutput("", "", "");

  public DerivationOutput {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(hashAlgo, "hashAlgo");
    Objects.requireNonNull(hash, "hash");
  }

  public static DerivationOutput inputAddressed(String path) {
    return new DerivationOutput(path, "", "");
  }

  public boolean isFixed() {
    return !hash.isEmpty();
  }
}
