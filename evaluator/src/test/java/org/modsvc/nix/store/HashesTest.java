package org.modsvc.nix.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashesTest {
  // Expected values from eval-okay-hashstring.exp / eval-okay-convertHash.exp and nix-instantiate
  // 2.8.

  @Test
  void hashString_matchesNix_forEachAlgorithm() {
    assertEquals(
        "6c69ee7f211c640419d5366cc076ae46", Hashes.hashString(HashAlgo.MD5, "text 1").toBase16());
    assertEquals(
        "6d12e10b1d331dad210e47fd25d4f260802b7e77",
        Hashes.hashString(HashAlgo.SHA1, "text 2").toBase16());
    assertEquals(
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Hashes.hashString(HashAlgo.SHA256, "").toBase16());
    assertEquals(
        "21644b72aa259e5a588cd3afbafb1d4310f4889680f6c83b9d531596a5a284f34dbebff409d23bcc86"
            + "aee6bad10c891606f075c6f4755cb536da27db5693f3a7",
        Hashes.hashString(HashAlgo.SHA512, "text 2").toBase16());
  }

  @Test
  void hashString_hashesUtf8Bytes_whenNonAscii() {
    assertEquals(
        "bec2d3e7c2047c817dc4c8c4e13f7a4801bb0c7f8798e3ac3e2fd65d71cb4993",
        Hashes.hashString(HashAlgo.SHA256, "ü€😀").toBase16());
  }

  @Test
  void nix32Encode_matchesNix_forEachDigestSize() {
    assertEquals("3y8bwfr609h3lh9ch0izcqq7fl", Hashes.hashString(HashAlgo.MD5, "").toNix32());
    assertEquals(
        "143xibwh31h9bvxzalr0sjvbbvpa6ffs", Hashes.hashString(HashAlgo.SHA1, "").toNix32());
    assertEquals(
        "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73",
        Hashes.hashString(HashAlgo.SHA256, "").toNix32());
    assertEquals(
        "0zdl9zrg8r3i9c1g90lgg9ip5ijzv3yhz91i0zzn3r8ap9ws784gkp9dk9j3aglhgf1amqb0pj21mh7h1nxcl18"
            + "akqvvf7ggqsy30yg",
        Hashes.hashString(HashAlgo.SHA512, "").toNix32());
  }

  @Test
  void nix32Decode_invertsEncode() {
    byte[] bytes = Hashes.hashString(HashAlgo.SHA512, "text 1").bytes();
    assertArrayEquals(bytes, Hashes.nix32Decode(Hashes.nix32Encode(bytes)));
  }

  @Test
  void nix32Decode_rejectsCharactersOutsideAlphabet() {
    StoreException e = assertThrows(StoreException.class, () -> Hashes.nix32Decode("0e"));
    assertEquals("invalid character in Nix32 (Nix's Base32 variation) string: 'e'", e.getMessage());
  }

  @Test
  void nix32Decode_keepsOverflowBits_asExtraByte() {
    // 26 digits carry 130 bits; a leading 'z' (31) sets bits beyond the 128 of an MD5 digest.
    assertEquals(17, Hashes.nix32Decode("z" + "0".repeat(25)).length);
    assertEquals(16, Hashes.nix32Decode("3" + "0".repeat(25)).length);
  }

  @Test
  void base64_matchesNix_andAcceptsMissingPadding() {
    Hash h = Hashes.hashString(HashAlgo.MD5, "");
    assertEquals("1B2M2Y8AsgTpgAmY7PhCfg==", h.toBase64());
    assertArrayEquals(h.bytes(), Hashes.base64Decode("1B2M2Y8AsgTpgAmY7PhCfg"));
  }

  @Test
  void base16Decode_acceptsUpperCase() {
    assertArrayEquals(new byte[] {(byte) 0xab, 0x01}, Hashes.base16Decode("AB01"));
  }

  @Test
  void compress_xorFoldsOntoNewSize() {
    byte[] in = {1, 2, 3, 4, 5};
    assertArrayEquals(new byte[] {1 ^ 3 ^ 5, 2 ^ 4}, Hashes.compress(in, 2));
  }

  @Test
  void hashFile_hashesFileContents(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("file.txt");
    Files.write(f, "hello\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(
        "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03",
        Hashes.hashFile(HashAlgo.SHA256, f).toBase16());
  }

  @Test
  void hashFile_streamsLargeFiles(@TempDir Path dir) throws Exception {
    byte[] big = new byte[3 * 1024 * 1024 + 7];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31);
    }
    Path f = dir.resolve("big");
    Files.write(f, big);
    assertEquals(Hashes.hash(HashAlgo.SHA1, big), Hashes.hashFile(HashAlgo.SHA1, f));
  }

  @Test
  void hashAlgoParse_reportsNixMessage_whenUnknown() {
    StoreException e = assertThrows(StoreException.class, () -> HashAlgo.parse("foo"));
    assertEquals(
        "unknown hash algorithm 'foo', expect 'blake3', 'md5', 'sha1', 'sha256', or 'sha512'",
        e.getMessage());
  }

  @Test
  void hashAlgoParse_reportsDisabledFeature_forBlake3() {
    StoreException e = assertThrows(StoreException.class, () -> HashAlgo.parse("blake3"));
    assertEquals(
        "experimental Nix feature 'blake3-hashes' is disabled; add"
            + " '--extra-experimental-features blake3-hashes' to enable it",
        e.getMessage());
  }

  @Test
  void hashAlgoParseOpt_isEmpty_whenUnknown() {
    assertEquals(java.util.Optional.empty(), HashAlgo.parseOpt("r:sha256"));
  }
}
