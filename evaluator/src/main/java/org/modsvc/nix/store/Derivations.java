package org.modsvc.nix.store;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * {@code derivationStrict}'s store side: validation with Nix's messages, output paths, hashing
 * modulo fixed-output derivations, and the {@code .drv} path.
 *
 * <p>Input derivations are resolved through a {@code Function<String, byte[]>} mapping an input
 * {@code .drv} path to its <em>hash modulo</em> ({@link #hashModulo}); {@link DerivationRegistry}
 * provides one backed by the derivations the evaluator created. The hash modulo of a fixed-output
 * derivation depends only on its output ({@code sha256("fixed:out:<method><algo>:<hash>:<path>")}),
 * so changing how a fixed output is fetched does not change its dependents; for any other
 * derivation it is the SHA-256 of its ATerm with each input {@code .drv} path replaced by that
 * input's hash modulo (in base 16).
 */
public final class Derivations {
  private Derivations() {}

  /** The result of instantiating a derivation. */
  public record Instantiated(Derivation derivation, String drvPath) {
    /** Output name to store path, in Nix's (sorted) order. */
    public SortedMap<String, String> outputPaths() {
      return derivation.outputPaths();
    }
  }

  // ---------------------------------------------------------------- validation

  /** Early name check of {@code derivationStrict}, with Nix's wording. */
  public static void checkDerivationName(String name) {
    try {
      StorePaths.checkName(name);
    } catch (StoreException e) {
      throw new StoreException(
          "invalid derivation name: " + e.getMessage() + ". Please pass a different 'name'.", e);
    }
  }

  /** Checks an {@code outputs} list: no duplicates, no {@code drvPath}, not empty. */
  public static void checkOutputNames(List<String> outputs) {
    Set<String> seen = new HashSet<>();
    for (String o : outputs) {
      if (!seen.add(o)) {
        throw new StoreException("duplicate derivation output '" + o + "'");
      }
      // The attribute set returned by derivationStrict already has a drvPath attribute.
      if (o.equals("drvPath")) {
        throw new StoreException("invalid derivation output name 'drvPath'");
      }
    }
    if (outputs.isEmpty()) {
      throw new StoreException("derivation cannot have an empty set of outputs");
    }
  }

  // ---------------------------------------------------------------- instantiation

  /**
   * Builds the store derivation for {@code req}, computing its output paths and {@code .drv} path.
   * Checks, in Nix's order: the name, the outputs, {@code outputHashMode}, a missing builder or
   * system, a {@code .drv} name, multiple outputs of a fixed-output derivation, the output hash.
   *
   * @param inputHashModulo maps each input {@code .drv} path to its {@link #hashModulo}
   */
  public static Instantiated instantiate(
      DerivationRequest req, StorePaths store, Function<String, byte[]> inputHashModulo) {
    String name = req.name();
    checkDerivationName(name);
    checkOutputNames(req.outputs());
    ContentAddressMethod mode =
        req.outputHashMode() == null
            ? null
            : ContentAddressMethod.parseOutputHashMode(req.outputHashMode());
    if (req.builder().isEmpty()) {
      throw new StoreException("required attribute 'builder' missing");
    }
    if (req.system().isEmpty()) {
      throw new StoreException("required attribute 'system' missing");
    }
    boolean singleOut = req.outputs().size() == 1 && req.outputs().get(0).equals("out");
    if (name.endsWith(".drv") && !(mode == ContentAddressMethod.TEXT && singleOut)) {
      throw new StoreException(
          "derivation names are allowed to end in '.drv' only if they produce"
              + " a single derivation file");
    }

    TreeMap<String, String> env = new TreeMap<>(ByteOrder.INSTANCE);
    env.putAll(req.env());
    if (req.structuredAttrsJson() != null) {
      env.put("__json", req.structuredAttrsJson());
    }
    TreeMap<String, DerivationOutput> outputs = new TreeMap<>(ByteOrder.INSTANCE);

    if (req.outputHash() != null) {
      if (!singleOut) {
        throw new StoreException("multiple outputs are not supported in fixed-output derivations");
      }
      HashAlgo algo =
          req.outputHashAlgo() == null
              ? null
              : HashAlgo.parseOpt(req.outputHashAlgo()).orElse(null);
      Hash h = Hash.parseAllowEmpty(req.outputHash(), algo);
      ContentAddressMethod method = mode == null ? ContentAddressMethod.FLAT : mode;
      if (method == ContentAddressMethod.TEXT && h.algo() != HashAlgo.SHA256) {
        throw new StoreException(
            "text-hashed derivation '" + name + "' must use sha256, not " + h.algo());
      }
      String path = store.makeFixedOutputPath(name, method, h, Set.of());
      env.put("out", path);
      outputs.put("out", new DerivationOutput(path, method.methodAlgo(h.algo()), h.toBase16()));
    } else {
      // Mask: hash the derivation with empty output paths and empty output variables, so that the
      // set of output names (but not their not-yet-known paths) is part of the hash.
      for (String o : req.outputs()) {
        env.put(o, "");
        outputs.put(o, DerivationOutput.DEFERRED);
      }
      Derivation masked =
          Derivation.of(
              name,
              outputs,
              req.inputDrvs(),
              req.inputSrcs(),
              req.system(),
              req.builder(),
              req.args(),
              env);
      byte[] h = hashString(substituteInputs(masked, inputHashModulo).toATerm());
      for (String o : req.outputs()) {
        String path = store.makeOutputPath(o, h, name);
        outputs.put(o, DerivationOutput.inputAddressed(path));
        env.put(o, path);
      }
    }
    Derivation drv =
        Derivation.of(
            name,
            outputs,
            req.inputDrvs(),
            req.inputSrcs(),
            req.system(),
            req.builder(),
            req.args(),
            env);
    return new Instantiated(drv, drvPath(drv, store));
  }

  /**
   * The {@code .drv} path: a text path named {@code <name>.drv} over the ATerm, referring to the
   * input sources and input derivations (but not to its own outputs).
   */
  public static String drvPath(Derivation drv, StorePaths store) {
    Set<String> refs = new TreeSet<>(ByteOrder.INSTANCE);
    refs.addAll(drv.inputSrcs());
    refs.addAll(drv.inputDrvs().keySet());
    return store.makeTextPath(drv.name() + ".drv", drv.toATerm(), refs);
  }

  // ---------------------------------------------------------------- hash modulo

  /**
   * Nix's {@code hashDerivationModulo} without masking, the value dependents substitute for this
   * derivation's {@code .drv} path: for a fixed-output derivation {@code
   * sha256("fixed:out:<methodAlgo>:<base16 hash>:<out path>")}; otherwise the SHA-256 of the ATerm
   * with input derivations replaced by their own hash modulo.
   */
  public static byte[] hashModulo(Derivation drv, Function<String, byte[]> inputHashModulo) {
    if (drv.isFixedOutput()) {
      DerivationOutput out = drv.outputs().get("out");
      return hashString("fixed:out:" + out.hashAlgo() + ":" + out.hash() + ":" + out.path());
    }
    return hashString(substituteInputs(drv, inputHashModulo).toATerm());
  }

  /**
   * Replaces each input {@code .drv} path by the base-16 hash modulo of that derivation; inputs
   * that hash alike (fixed-output derivations with the same output) merge their output names.
   */
  static Derivation substituteInputs(Derivation drv, Function<String, byte[]> inputHashModulo) {
    TreeMap<String, SortedSet<String>> inputs = new TreeMap<>(ByteOrder.INSTANCE);
    for (Map.Entry<String, SortedSet<String>> e : drv.inputDrvs().entrySet()) {
      byte[] h = inputHashModulo.apply(e.getKey());
      if (h == null) {
        throw new StoreException(
            "cannot compute the hash of unknown derivation '" + e.getKey() + "'");
      }
      inputs
          .computeIfAbsent(Hashes.base16Encode(h), k -> new TreeSet<>(ByteOrder.INSTANCE))
          .addAll(e.getValue());
    }
    return new Derivation(
        drv.name(),
        drv.outputs(),
        inputs,
        drv.inputSrcs(),
        drv.platform(),
        drv.builder(),
        drv.args(),
        drv.env());
  }

  /**
   * {@code hashPlaceholder} ({@code builtins.placeholder}): {@code /} followed by the Nix base-32
   * SHA-256 of {@code nix-output:<output>}, replaced by the real output path at build time.
   */
  public static String placeholder(String outputName) {
    return "/" + Hashes.hashString(HashAlgo.SHA256, "nix-output:" + outputName).toNix32();
  }

  private static byte[] hashString(String s) {
    return Hashes.hashString(HashAlgo.SHA256, s).bytes();
  }
}
