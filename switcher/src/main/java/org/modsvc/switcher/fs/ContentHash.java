package org.modsvc.switcher.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex: the content hash written into manifests and compared against live
 * files, and the digest behind our store's names. Not Nix's hashing ({@code
 * org.modsvc.nix.store.Hashes}: Nix's base-32, NAR and store-path fingerprints), which only the
 * evaluator needs.
 */
public final class ContentHash {

  private ContentHash() {}

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  public static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  /**
   * The hash of the regular file at {@code file}, opened without following a link at its last
   * component, read through one buffer of the file's size (at most 64 KiB): most files hashed are
   * small unit files, and a fresh 64 KiB buffer each cost more than the hashing.
   */
  public static String sha256Hex(Path file) throws IOException {
    MessageDigest md = sha256();
    try (SeekableByteChannel ch =
        Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Math.max(ch.size(), 1), 1 << 16));
      while (ch.read(buf) > 0) {
        buf.flip();
        md.update(buf);
        buf.clear();
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
