package org.modsvc.switcher.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.modsvc.switcher.fs.ContentHash;

/**
 * The name of a store entry, {@code <hash>-<name>}.
 *
 * <p><b>Hash scheme</b> (stable; changing it would orphan every existing entry): the first 32
 * lower-case hex digits (128 bits) of SHA-256 over {@code "modsvc-store-1\0" + name + "\0" +
 * serialisation}, where the serialisation is {@link StoreContent#serialise}. The name takes part,
 * as in Nix, so {@code a.conf} and {@code b.conf} with equal bytes are distinct entries; the {@code
 * executable} bit takes part too. Entries the evaluator adds keep the Nix store paths it computed
 * (Nix's base-32 hashes, also 32 characters), since the configuration's text already names them.
 */
public record StorePath(String hash, String name) implements Comparable<StorePath> {

  public static final String SCHEME = "modsvc-store-1";

  /** Nix's store-name alphabet; the first character may not be a dot. */
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z0-9+\\-_?=][A-Za-z0-9+\\-._?=]{0,210}");

  private static final Pattern HASH = Pattern.compile("[0-9a-z]{32}");

  public StorePath {
    if (!HASH.matcher(hash).matches()) {
      throw new IllegalArgumentException(
          "store hash must be 32 lower-case letters or digits, found '" + hash + "'");
    }
    checkName(name);
  }

  public static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid store name '"
              + name.replace("\0", "\\0").replace("\n", "\\n")
              + "': use letters, digits and + - . _ ? = (not starting with '.'), at most 211 characters");
    }
    return name;
  }

  public static StorePath of(String name, StoreContent content) {
    checkName(name);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes((SCHEME + "\0" + name + "\0").getBytes(StandardCharsets.UTF_8));
    content.serialise(out);
    byte[] digest = ContentHash.sha256().digest(out.toByteArray());
    return new StorePath(HexFormat.of().formatHex(digest, 0, 16), name);
  }

  /** Parses a directory-entry name such as {@code 0123…cdef-app.conf}. */
  public static StorePath parse(String baseName) {
    int dash = baseName.indexOf('-');
    if (dash != 32) {
      throw new IllegalArgumentException("not a store entry name: '" + baseName + "'");
    }
    return new StorePath(baseName.substring(0, 32), baseName.substring(33));
  }

  public static boolean looksLikeEntry(String baseName) {
    try {
      parse(baseName);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  public String baseName() {
    return hash + "-" + name;
  }

  @Override
  public int compareTo(StorePath o) {
    return baseName().compareTo(o.baseName());
  }

  @Override
  public String toString() {
    return baseName();
  }
}
