package org.modsvc.nix.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The inputs of {@code builtins.derivationStrict}, already evaluated to plain strings by the
 * evaluator, which also tracks string context and turns it into {@code inputDrvs}/{@code
 * inputSrcs}.
 *
 * <p>Without structured attributes, {@code env} holds every attribute coerced to a string the way
 * Nix coerces them ({@code true} → {@code "1"}, {@code false}/{@code null} → {@code ""}, lists
 * joined by spaces, …) except {@code args}, {@code __ignoreNulls}, {@code __contentAddressed} and
 * {@code __impure}; {@link #fromEnv} derives the other fields from it. With {@code
 * __structuredAttrs = true}, {@code env} is empty and {@code structuredAttrsJson} holds the {@code
 * builtins.toJSON}-style object of all attributes except {@code args}, {@code __ignoreNulls} and
 * {@code __structuredAttrs} itself (keys sorted, compact), which becomes the {@code __json} entry.
 *
 * @param name the derivation name
 * @param builder the {@code builder} attribute ("" if missing)
 * @param system the {@code system} attribute ("" if missing)
 * @param args builder arguments
 * @param env environment (see above)
 * @param outputs output names in the order given ({@code ["out"]} by default)
 * @param inputDrvs derivation path to the output names used from it
 * @param inputSrcs plain store paths referenced (sources, {@code toFile} results, whole {@code
 *     .drv}s)
 * @param outputHash {@code outputHash}, or null for an input-addressed derivation
 * @param outputHashAlgo {@code outputHashAlgo}, or null
 * @param outputHashMode {@code outputHashMode}, or null (flat)
 * @param structuredAttrsJson the {@code __json} value, or null without structured attributes
 */
public record DerivationRequest(
    String name,
    String builder,
    String system,
    List<String> args,
    Map<String, String> env,
    List<String> outputs,
    Map<String, ? extends Collection<String>> inputDrvs,
    Collection<String> inputSrcs,
    String outputHash,
    String outputHashAlgo,
    String outputHashMode,
    String structuredAttrsJson) {

  public DerivationRequest {
    Objects.requireNonNull(name, "name");
    builder = builder == null ? "" : builder;
    system = system == null ? "" : system;
    args = args == null ? List.of() : List.copyOf(args);
    env = env == null ? Map.of() : Map.copyOf(env);
    outputs = outputs == null ? List.of("out") : List.copyOf(outputs);
    inputDrvs = inputDrvs == null ? Map.of() : Map.copyOf(inputDrvs);
    inputSrcs = inputSrcs == null ? Set.of() : List.copyOf(inputSrcs);
  }

  /**
   * The non-structured case, exactly as Nix reads it: {@code builder}, {@code system}, {@code
   * outputHash}, {@code outputHashAlgo} and {@code outputHashMode} are taken from {@code env} and
   * {@code outputs} is {@code env.outputs} split on whitespace (default {@code ["out"]}).
   */
  public static DerivationRequest fromEnv(
      String name,
      Map<String, String> env,
      List<String> args,
      Map<String, ? extends Collection<String>> inputDrvs,
      Collection<String> inputSrcs) {
    String outs = env.get("outputs");
    return new DerivationRequest(
        name,
        env.get("builder"),
        env.get("system"),
        args,
        env,
        outs == null ? null : tokenize(outs),
        inputDrvs,
        inputSrcs,
        env.get("outputHash"),
        env.get("outputHashAlgo"),
        env.get("outputHashMode"),
        null);
  }

  /** Nix's {@code tokenizeString}: split on space, tab, newline, carriage return; drop empties. */
  public static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    for (String t : s.split("[ \t\n\r]+")) {
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return out;
  }
}
