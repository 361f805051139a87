package org.modsvc.nix.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Store path computation for one store directory, as Nix's {@code StoreDirConfig} does it. A store
 * path is {@code <storeDir>/<hash>-<name>} where {@code hash} is the Nix base-32 rendering of the
 * SHA-256 of the fingerprint {@code <type>:sha256:<base16 inner hash>:<storeDir>:<name>} folded to
 * 20 bytes. Paths are only computed, never written: the evaluator runs as in Nix's read-only mode.
 */
public final class StorePaths {
  public static final String DEFAULT_STORE_DIR = "/nix/store";

  /** Length of the hash part of a store path's base name. */
  public static final int HASH_LENGTH = 32;

  /** Longest allowed name (the part after {@code <hash>-}). */
  public static final int MAX_NAME_LENGTH = 211;

  public static final StorePaths DEFAULT = new StorePaths(DEFAULT_STORE_DIR);

  private final String storeDir;

  /**
   * @param storeDir the store directory, without trailing slash (e.g. {@code /nix/store})
   */
  public StorePaths(String storeDir) {
    this.storeDir = storeDir;
  }

  public String storeDir() {
    return storeDir;
  }

  /** The hash and resulting path of a source added to the store. */
  public record SourcePath(String storePath, Hash hash) {}

  // ---------------------------------------------------------------- core

  /** {@code makeStorePath} with the inner hash rendered as {@code <algo>:<base16>}. */
  public String makeStorePath(String type, Hash hash, String name) {
    String fingerprint = type + ":" + hash + ":" + storeDir + ":" + name;
    byte[] digest = Hashes.hashString(HashAlgo.SHA256, fingerprint).bytes();
    String baseName = Hashes.nix32Encode(Hashes.compress(digest, 20)) + "-" + name;
    try {
      checkName(name);
    } catch (StoreException e) {
      throw new StoreException(
          "path '" + baseName + "' is not a valid store path: " + e.getMessage(), e);
    }
    return storeDir + "/" + baseName;
  }

  /** {@code makeStorePath} for a SHA-256 inner hash given as raw bytes. */
  public String makeStorePath(String type, byte[] sha256, String name) {
    return makeStorePath(type, new Hash(HashAlgo.SHA256, sha256), name);
  }

  /**
   * {@code makeOutputPath}: the path of output {@code outputName} of an input-addressed derivation
   * whose masked hash modulo is {@code hashModulo}; non-{@code out} outputs get a {@code -<output>}
   * suffix on the name.
   */
  public String makeOutputPath(String outputName, byte[] hashModulo, String drvName) {
    return makeStorePath("output:" + outputName, hashModulo, outputPathName(drvName, outputName));
  }

  /** {@code <drvName>} for output {@code out}, {@code <drvName>-<output>} otherwise. */
  public static String outputPathName(String drvName, String outputName) {
    return "out".equals(outputName) ? drvName : drvName + "-" + outputName;
  }

  // ---------------------------------------------------------------- content-addressed paths

  /**
   * Path of a text file ({@code builtins.toFile}, {@code .drv} files) with the given contents and
   * references: type {@code text:<ref1>:<ref2>…} with the references sorted.
   */
  public String makeTextPath(String name, String contents, Collection<String> references) {
    return makeTextPath(name, Hashes.hashString(HashAlgo.SHA256, contents), references);
  }

  /** {@link #makeTextPath(String, String, Collection)} given the SHA-256 of the contents. */
  public String makeTextPath(String name, Hash sha256, Collection<String> references) {
    if (sha256.algo() != HashAlgo.SHA256) {
      throw new IllegalArgumentException("text paths are hashed with sha256, got " + sha256.algo());
    }
    return makeStorePath(typeWithReferences("text", references), sha256, name);
  }

  /**
   * {@code makeFixedOutputPath} / {@code makeFixedOutputPathFromCA}: recursive SHA-256 uses type
   * {@code source} (with references); text uses {@link #makeTextPath}; anything else goes through
   * the {@code fixed:out:} indirection, which allows no references.
   */
  public String makeFixedOutputPath(
      String name, ContentAddressMethod method, Hash hash, Collection<String> references) {
    Collection<String> refs = references == null ? Set.of() : references;
    if (method == ContentAddressMethod.TEXT) {
      return makeTextPath(name, hash, refs);
    }
    if (method == ContentAddressMethod.NAR && hash.algo() == HashAlgo.SHA256) {
      return makeStorePath(typeWithReferences("source", refs), hash, name);
    }
    if (!refs.isEmpty()) {
      throw new StoreException(
          "fixed output derivation '"
              + name
              + "' is not allowed to refer to other store paths.\nYou may need to use the"
              + " 'unsafeDiscardReferences' derivation attribute, see the manual for more details.");
    }
    String payload = "fixed:out:" + method.prefix() + hash + ":";
    return makeStorePath("output:out", Hashes.hashString(HashAlgo.SHA256, payload), name);
  }

  /** {@code recursive} selects NAR hashing ({@code builtins.path}'s flag), otherwise flat. */
  public String makeFixedOutputPath(
      String name, boolean recursive, Hash hash, Collection<String> references) {
    return makeFixedOutputPath(
        name, recursive ? ContentAddressMethod.NAR : ContentAddressMethod.FLAT, hash, references);
  }

  /**
   * Adds (computes) a local path the way {@code "${./p}"}, {@code builtins.path} and {@code
   * filterSource} do: SHA-256 of its NAR (optionally filtered), or of its contents when {@code
   * method} is {@link ContentAddressMethod#FLAT}.
   */
  public SourcePath computeSourcePath(
      String name, Path path, ContentAddressMethod method, Nar.PathFilter filter)
      throws IOException {
    Hash h =
        method == ContentAddressMethod.NAR
            ? Nar.hash(path, HashAlgo.SHA256, filter)
            : Hashes.hashFile(HashAlgo.SHA256, path);
    return new SourcePath(makeFixedOutputPath(name, method, h, Set.of()), h);
  }

  /**
   * {@code "${./p}"}: the NAR-hashed, unfiltered source path named after the last path component.
   */
  public String makeSourcePath(Path path) throws IOException {
    Path fn = path.getFileName();
    return computeSourcePath(fn == null ? "" : fn.toString(), path, ContentAddressMethod.NAR, null)
        .storePath();
  }

  private String typeWithReferences(String type, Collection<String> references) {
    StringBuilder sb = new StringBuilder(type);
    for (String r : sortedBytes(references)) {
      sb.append(':').append(r);
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- names and paths

  /**
   * Nix's {@code checkName}: non-empty, at most 211 characters, not {@code .} or {@code ..} (nor
   * those followed by {@code -}), and only {@code [A-Za-z0-9+\-._?=]}.
   */
  public static void checkName(String name) {
    if (name.isEmpty()) {
      throw new StoreException("name must not be empty");
    }
    int len = name.getBytes(StandardCharsets.UTF_8).length;
    if (len > MAX_NAME_LENGTH) {
      throw new StoreException(
          "name '" + name + "' must be no longer than " + MAX_NAME_LENGTH + " characters");
    }
    if (name.charAt(0) == '.') {
      if (name.length() == 1) {
        throw new StoreException("name '" + name + "' is not valid");
      }
      if (name.charAt(1) == '-') {
        throw new StoreException(
            "name '" + name + "' is not valid: first dash-separated component must not be '.'");
      }
      if (name.charAt(1) == '.') {
        if (name.length() == 2) {
          throw new StoreException("name '" + name + "' is not valid");
        }
        if (name.charAt(2) == '-') {
          throw new StoreException(
              "name '" + name + "' is not valid: first dash-separated component must not be '..'");
        }
      }
    }
    for (int i = 0; i < name.length(); ) {
      int c = name.codePointAt(i);
      if (!isNameChar(c)) {
        throw new StoreException(
            "name '" + name + "' contains illegal character '" + illegalCharText(name, i) + "'");
      }
      i += Character.charCount(c);
    }
  }

  private static boolean isNameChar(int c) {
    return (c >= '0' && c <= '9')
        || (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '+'
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '?'
        || c == '=';
  }

  /**
   * Nix reports the first offending byte; for non-ASCII characters that is a lone UTF-8 lead byte,
   * which cannot be shown faithfully in a Java string, so the whole character is shown instead.
   */
  private static String illegalCharText(String name, int i) {
    return new String(Character.toChars(name.codePointAt(i)));
  }

  /** Whether {@code name} is a valid store path name. */
  public static boolean isValidName(String name) {
    try {
      checkName(name);
      return true;
    } catch (StoreException e) {
      return false;
    }
  }

  /**
   * The last component of a path, as used to name a copied source ({@code SourcePath::baseName}):
   * trailing slashes are ignored; {@code /} gives the empty string.
   */
  public static String baseName(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    int slash = path.lastIndexOf('/', end - 1);
    return path.substring(slash + 1, end);
  }

  /**
   * Whether {@code path} is exactly a store path ({@code <storeDir>/<32 base-32 chars>-<name>}).
   */
  public boolean isStorePath(String path) {
    if (!path.startsWith(storeDir + "/")) {
      return false;
    }
    return isValidBaseName(path.substring(storeDir.length() + 1));
  }

  /** Whether {@code path} is a store path or lies below one. */
  public boolean isInStore(String path) {
    return path.startsWith(storeDir + "/") && toStorePathOrNull(path) != null;
  }

  /**
   * The store path that {@code path} is or lies below (e.g. {@code /nix/store/h-foo/bin/x} gives
   * {@code /nix/store/h-foo}); throws Nix's message if it is not in the store.
   */
  public String toStorePath(String path) {
    String s = toStorePathOrNull(path);
    if (s == null) {
      throw new StoreException("path '" + path + "' is not in the Nix store");
    }
    return s;
  }

  private String toStorePathOrNull(String path) {
    if (!path.startsWith(storeDir + "/")) {
      return null;
    }
    int start = storeDir.length() + 1;
    int slash = path.indexOf('/', start);
    String base = slash < 0 ? path.substring(start) : path.substring(start, slash);
    return isValidBaseName(base) ? storeDir + "/" + base : null;
  }

  private static boolean isValidBaseName(String base) {
    if (base.length() < HASH_LENGTH + 1 || base.charAt(HASH_LENGTH) != '-') {
      return false;
    }
    for (int i = 0; i < HASH_LENGTH; i++) {
      if (Hashes.NIX32_ALPHABET.indexOf(base.charAt(i)) < 0) {
        return false;
      }
    }
    return isValidName(base.substring(HASH_LENGTH + 1));
  }

  /** The {@code <name>} part of a store path ({@code /nix/store/<hash>-<name>}). */
  public static String nameOf(String storePath) {
    String base = baseName(storePath);
    return base.length() > HASH_LENGTH ? base.substring(HASH_LENGTH + 1) : base;
  }

  /** The {@code <hash>} part of a store path. */
  public static String hashPartOf(String storePath) {
    String base = baseName(storePath);
    return base.substring(0, Math.min(HASH_LENGTH, base.length()));
  }

  /** A copy of {@code strings} sorted by UTF-8 bytes, Nix's {@code std::string} order. */
  static TreeSet<String> sortedBytes(Collection<String> strings) {
    TreeSet<String> s = new TreeSet<>(ByteOrder.INSTANCE);
    s.addAll(strings);
    return s;
  }
}
