package org.modsvc.nix.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Digests and the three byte encodings Nix uses for hashes: base-16 (lower case), Nix's base-32 and
 * standard padded base-64. The decoders mirror Nix's leniencies (upper-case hex, base-64 with
 * missing padding) so that {@link Hash#parseAny} accepts exactly what Nix accepts.
 */
public final class Hashes {
  /** Nix's base-32 alphabet: digits and lower-case letters without e, o, u and t. */
  public static final String NIX32_ALPHABET = "0123456789abcdfghijklmnpqrsvwxyz";

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final String BASE64_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final int BUFFER = 64 * 1024;

  private Hashes() {}

  /** Digest of raw bytes. */
  public static Hash hash(HashAlgo algo, byte[] data) {
    return new Hash(algo, algo.newDigest().digest(data));
  }

  /** Digest of a string's UTF-8 bytes, as {@code builtins.hashString} computes it. */
  public static Hash hashString(HashAlgo algo, String s) {
    return hash(algo, s.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Digest of a file's contents ({@code builtins.hashFile}, flat {@code builtins.path}), streamed
   * so large files are never held in memory. Symlinks are followed, as reading the file does in
   * Nix.
   */
  public static Hash hashFile(HashAlgo algo, Path file) throws IOException {
    MessageDigest md = algo.newDigest();
    byte[] buf = new byte[BUFFER];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return new Hash(algo, md.digest());
  }

  /**
   * Nix's {@code compressHash}: folds a digest onto {@code newSize} bytes by XOR-ing byte {@code i}
   * into position {@code i % newSize}. Store path hashes are SHA-256 folded to 20 bytes.
   */
  public static byte[] compress(byte[] hash, int newSize) {
    byte[] out = new byte[newSize];
    for (int i = 0; i < hash.length; i++) {
      out[i % newSize] ^= hash[i];
    }
    return out;
  }

  // ---------------------------------------------------------------- base 16

  public static String base16Encode(byte[] bytes) {
    char[] out = new char[bytes.length * 2];
    for (int i = 0; i < bytes.length; i++) {
      out[2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  /** Decodes hex (either case); the length must be even. */
  public static byte[] base16Decode(String s) {
    if (s.length() % 2 != 0) {
      throw new StoreException("invalid length of Base16 string: " + s.length());
    }
    byte[] out = new byte[s.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) (hexDigit(s.charAt(2 * i)) << 4 | hexDigit(s.charAt(2 * i + 1)));
    }
    return out;
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    throw new StoreException("invalid character in Base16 string: '" + c + "'");
  }

  // ---------------------------------------------------------------- Nix base 32

  /** Length of the Nix base-32 rendering of {@code size} bytes. */
  public static int nix32Length(int size) {
    return size == 0 ? 0 : (size * 8 - 1) / 5 + 1;
  }

  /**
   * Nix base-32: the bytes are read as one little-endian bit string and printed from the most
   * significant 5-bit group down, so the last character holds the lowest bits of the first byte.
   */
  public static String nix32Encode(byte[] bytes) {
    int len = nix32Length(bytes.length);
    StringBuilder sb = new StringBuilder(len);
    for (int n = len - 1; n >= 0; n--) {
      int b = n * 5;
      int i = b / 8;
      int j = b % 8;
      int c = (bytes[i] & 0xff) >> j;
      if (i + 1 < bytes.length) {
        c |= (bytes[i + 1] & 0xff) << (8 - j);
      }
      sb.append(NIX32_ALPHABET.charAt(c & 0x1f));
    }
    return sb.toString();
  }

  /**
   * Inverse of {@link #nix32Encode}. Like Nix, bits that overflow the last byte produce an extra
   * byte (which then fails the caller's length check) rather than being silently dropped.
   */
  public static byte[] nix32Decode(String s) {
    byte[] res = new byte[s.length() * 5 / 8 + 2];
    int size = 0;
    for (int n = 0; n < s.length(); n++) {
      char c = s.charAt(s.length() - n - 1);
      int digit = NIX32_ALPHABET.indexOf(c);
      if (digit < 0) {
        throw new StoreException(
            "invalid character in Nix32 (Nix's Base32 variation) string: '" + c + "'");
      }
      int b = n * 5;
      int i = b / 8;
      int j = b % 8;
      size = i + 1;
      res[i] |= (byte) (digit << j);
      if ((digit >> (8 - j)) != 0) {
        size = i + 2;
        res[i + 1] |= (byte) (digit >> (8 - j));
      }
    }
    byte[] out = new byte[size];
    System.arraycopy(res, 0, out, 0, size);
    return out;
  }

  // ---------------------------------------------------------------- base 64

  /** Length of the padded base-64 rendering of {@code size} bytes. */
  public static int base64Length(int size) {
    return ((4 * size / 3) + 3) & ~3;
  }

  public static String base64Encode(byte[] bytes) {
    return java.util.Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * Standard alphabet; stops at the first {@code =}, skips newlines, so missing padding is fine.
   */
  public static byte[] base64Decode(String s) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length() * 3 / 4 + 1);
    int d = 0;
    int bits = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '=') {
        break;
      }
      if (c == '\n') {
        continue;
      }
      int digit = c < 128 ? BASE64_ALPHABET.indexOf(c) : -1;
      if (digit < 0) {
        throw new StoreException("invalid character in Base64 string: '" + c + "'");
      }
      bits += 6;
      d = (d << 6 | digit) & 0xffffff;
      if (bits >= 8) {
        out.write(d >> (bits - 8) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
