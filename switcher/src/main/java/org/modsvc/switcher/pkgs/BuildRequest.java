package org.modsvc.switcher.pkgs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One build of a trivial builder ({@code pkgs.runCommand} …): its name, the environment its script
 * sees (the derivation's attributes as strings, {@code buildCommand} among them) and the store
 * paths those strings refer to (their string context), which must be in the store while it runs.
 */
public record BuildRequest(String name, SortedMap<String, String> env, SortedSet<String> inputs) {
  public BuildRequest {
    env = Collections.unmodifiableSortedMap(new TreeMap<>(env));
    inputs = Collections.unmodifiableSortedSet(new TreeSet<>(inputs));
  }

  /**
   * What the result depends on, hashed: the builder's own script, the store directory (outputs name
   * it), the name, every variable and every input. Inputs are content-addressed store paths, so a
   * changed input is a different path; host programs a script runs by absolute path outside the
   * store are not covered.
   */
  public String cacheKey(String builderScript, String storeDir) {
    MessageDigest d;
    try {
      d = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    field(d, "modsvc-build-1");
    field(d, builderScript);
    field(d, storeDir);
    field(d, name);
    field(d, String.valueOf(env.size()));
    for (Map.Entry<String, String> e : env.entrySet()) {
      field(d, e.getKey());
      field(d, e.getValue());
    }
    field(d, String.valueOf(inputs.size()));
    for (String i : inputs) field(d, i);
    return HexFormat.of().formatHex(d.digest());
  }

  /** Length-prefixed, so that no two different requests hash alike. */
  private static void field(MessageDigest d, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    d.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
    d.update(b);
  }
}
