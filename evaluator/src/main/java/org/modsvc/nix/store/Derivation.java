package org.modsvc.nix.store;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A store derivation as Nix writes it to {@code <name>.drv}. All maps and sets are copied into
 * immutable collections ordered by UTF-8 bytes ({@link ByteOrder}), which is the order of the
 * ATerm. {@code env} already contains {@code __json} for structured-attrs derivations.
 *
 * @param name the derivation name (without {@code .drv})
 * @param outputs output name to its ATerm triple
 * @param inputDrvs input derivation path (or, in the hash-modulo form, base-16 hash) to the outputs
 *     used
 * @param inputSrcs input store paths that are not derivation outputs
 * @param platform the {@code system}
 * @param builder the builder
 * @param args builder arguments, in order
 * @param env the builder's environment
 */
public record Derivation(
    String name,
    SortedMap<String, DerivationOutput> outputs,
    SortedMap<String, SortedSet<String>> inputDrvs,
    SortedSet<String> inputSrcs,
    String platform,
    String builder,
    List<String> args,
    SortedMap<String, String> env) {

  public Derivation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(builder, "builder");
    outputs = Collections.unmodifiableSortedMap(sortedMap(outputs));
    TreeMap<String, SortedSet<String>> drvs = new TreeMap<>(ByteOrder.INSTANCE);
    for (Map.Entry<String, SortedSet<String>> e : inputDrvs.entrySet()) {
      drvs.put(e.getKey(), Collections.unmodifiableSortedSet(sortedSet(e.getValue())));
    }
    inputDrvs = Collections.unmodifiableSortedMap(drvs);
    inputSrcs = Collections.unmodifiableSortedSet(sortedSet(inputSrcs));
    args = List.copyOf(args);
    env = Collections.unmodifiableSortedMap(sortedMap(env));
  }

  /** Builds a derivation from any maps and collections (copied and byte-ordered). */
  public static Derivation of(
      String name,
      Map<String, DerivationOutput> outputs,
      Map<String, ? extends Collection<String>> inputDrvs,
      Collection<String> inputSrcs,
      String platform,
      String builder,
      List<String> args,
      Map<String, String> env) {
    TreeMap<String, SortedSet<String>> drvs = new TreeMap<>(ByteOrder.INSTANCE);
    for (Map.Entry<String, ? extends Collection<String>> e : inputDrvs.entrySet()) {
      drvs.put(e.getKey(), sortedSet(e.getValue()));
    }
    return new Derivation(
        name,
        sortedMap(outputs),
        drvs,
        sortedSet(inputSrcs),
        platform,
        builder,
        args,
        sortedMap(env));
  }

  /** Whether this is a fixed-output derivation (its single output {@code out} has a known hash). */
  public boolean isFixedOutput() {
    return outputs.size() == 1 && outputs.containsKey("out") && outputs.get("out").isFixed();
  }

  /** The path of each output. */
  public SortedMap<String, String> outputPaths() {
    TreeMap<String, String> m = new TreeMap<>(ByteOrder.INSTANCE);
    outputs.forEach((k, v) -> m.put(k, v.path()));
    return Collections.unmodifiableSortedMap(m);
  }

  /** The ATerm text Nix writes to the {@code .drv} file. */
  public String toATerm() {
    StringBuilder s = new StringBuilder(1024);
    s.append("Derive([");
    boolean first = true;
    for (Map.Entry<String, DerivationOutput> o : outputs.entrySet()) {
      if (!first) {
        s.append(',');
      }
      first = false;
      DerivationOutput out = o.getValue();
      s.append('(');
      unquoted(s, o.getKey()).append(',');
      unquoted(s, out.path()).append(',');
      unquoted(s, out.hashAlgo()).append(',');
      unquoted(s, out.hash()).append(')');
    }
    s.append("],[");
    first = true;
    for (Map.Entry<String, SortedSet<String>> d : inputDrvs.entrySet()) {
      if (!first) {
        s.append(',');
      }
      first = false;
      s.append('(');
      unquoted(s, d.getKey()).append(',');
      unquotedList(s, d.getValue());
      s.append(')');
    }
    s.append("],");
    unquotedList(s, inputSrcs);
    s.append(',');
    unquoted(s, platform).append(',');
    quoted(s, builder).append(",[");
    first = true;
    for (String a : args) {
      if (!first) {
        s.append(',');
      }
      first = false;
      quoted(s, a);
    }
    s.append("],[");
    first = true;
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (!first) {
        s.append(',');
      }
      first = false;
      s.append('(');
      quoted(s, e.getKey()).append(',');
      quoted(s, e.getValue()).append(')');
    }
    s.append("])");
    return s.toString();
  }

  /** Store paths, output names and the platform are written without escaping, as Nix does. */
  private static StringBuilder unquoted(StringBuilder s, String v) {
    return s.append('"').append(v).append('"');
  }

  private static void unquotedList(StringBuilder s, Collection<String> vs) {
    s.append('[');
    boolean first = true;
    for (String v : vs) {
      if (!first) {
        s.append(',');
      }
      first = false;
      unquoted(s, v);
    }
    s.append(']');
  }

  /** Free-form strings escape quote, backslash, newline, carriage return and tab. */
  private static StringBuilder quoted(StringBuilder s, String v) {
    s.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"':
          s.append("\\\"");
          break;
        case '\\':
          s.append("\\\\");
          break;
        case '\n':
          s.append("\\n");
          break;
        case '\r':
          s.append("\\r");
          break;
        case '\t':
          s.append("\\t");
          break;
        default:
          s.append(c);
      }
    }
    return s.append('"');
  }

  private static <V> TreeMap<String, V> sortedMap(Map<String, ? extends V> m) {
    TreeMap<String, V> t = new TreeMap<>(ByteOrder.INSTANCE);
    t.putAll(m);
    return t;
  }

  private static TreeSet<String> sortedSet(Collection<String> c) {
    TreeSet<String> t = new TreeSet<>(ByteOrder.INSTANCE);
    t.addAll(c);
    return t;
  }
}
