package org.modsvc.nix.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The derivations created during one evaluation, by {@code .drv} path, with their memoised hash
 * modulo. It plays the role of Nix's store + {@code drvHashes} cache for the evaluator: a
 * derivation can only depend on derivations instantiated before it, so every input is known here.
 * As a {@code Function<String, byte[]>} it is the resolver {@link Derivations#instantiate} expects.
 * Not thread-safe; one instance per evaluator.
 */
public final class DerivationRegistry implements Function<String, byte[]> {
  private final StorePaths store;
  private final Map<String, Derivation> derivations = new HashMap<>();
  private final Map<String, byte[]> hashModulo = new HashMap<>();

  public DerivationRegistry(StorePaths store) {
    this.store = store;
  }

  public StorePaths store() {
    return store;
  }

  /**
   * Validates and instantiates {@code req}, then remembers the result under its {@code .drv} path.
   */
  public Derivations.Instantiated instantiate(DerivationRequest req) {
    Derivations.Instantiated result = Derivations.instantiate(req, store, this);
    derivations.putIfAbsent(result.drvPath(), result.derivation());
    return result;
  }

  /** The derivation created with this {@code .drv} path, if any. */
  public Optional<Derivation> get(String drvPath) {
    return Optional.ofNullable(derivations.get(drvPath));
  }

  /**
   * The hash modulo of a registered derivation; throws for a path this evaluation never created.
   */
  @Override
  public byte[] apply(String drvPath) {
    byte[] h = hashModulo.get(drvPath);
    if (h == null) {
      Derivation drv = derivations.get(drvPath);
      if (drv == null) {
        throw new StoreException("cannot compute the hash of unknown derivation '" + drvPath + "'");
      }
      h = Derivations.hashModulo(drv, this);
      hashModulo.put(drvPath, h);
    }
    return h.clone();
  }
}
