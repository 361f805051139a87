package org.modsvc.nix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HashTest {
  private static final String B16 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  private static final String N32 = "0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73";
  private static final String B64 = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

  @Test
  void convert_rendersEachFormat_likeConvertHash() {
    assertEquals(N32, Hash.convert(B16, HashAlgo.SHA256, HashFormat.NIX32));
    assertEquals(B64, Hash.convert(N32, HashAlgo.SHA256, HashFormat.BASE64));
    assertEquals(B16, Hash.convert(B64, HashAlgo.SHA256, HashFormat.BASE16));
    assertEquals("sha256-" + B64, Hash.convert(B16, HashAlgo.SHA256, HashFormat.SRI));
  }

  @Test
  void parseAny_takesAlgoFromColonPrefix() {
    assertEquals(B16, Hash.convert("sha256:" + N32, null, HashFormat.BASE16));
    assertEquals(
        "md5-bGnufyEcZAQZ1TZswHauRg==",
        Hash.convert("md5:6c69ee7f211c640419d5366cc076ae46", null, HashFormat.SRI));
  }

  @Test
  void parseAny_acceptsSri() {
    Hash h = Hash.parseAny("sha256-" + B64, null);
    assertEquals(B16, h.toBase16());
    assertEquals(HashAlgo.SHA256, h.algo());
  }

  @Test
  void parseAny_acceptsMatchingExplicitAlgo() {
    assertEquals(B16, Hash.parseAny("sha256:" + B16, HashAlgo.SHA256).toBase16());
  }

  @Test
  void parseAny_fails_whenAlgoUnknownFromStringAndContext() {
    StoreException e = assertThrows(StoreException.class, () -> Hash.parseAny(B16, null));
    assertEquals(
        "hash '" + B16 + "' does not include a type, nor is the type otherwise known from context",
        e.getMessage());
  }

  @Test
  void parseAny_fails_whenPrefixContradictsContext() {
    StoreException e =
        assertThrows(StoreException.class, () -> Hash.parseAny("sha256:" + B16, HashAlgo.SHA1));
    assertEquals("hash 'sha256:" + B16 + "' should have type 'sha1'", e.getMessage());
  }

  @Test
  void parseAny_fails_whenLengthFitsNoEncoding() {
    StoreException e = assertThrows(StoreException.class, () -> Hash.parseAny("abc", HashAlgo.MD5));
    assertEquals("hash 'abc' has wrong length for hash algorithm 'md5'", e.getMessage());
  }

  @Test
  void parseAny_reportsEmptyDecoding_whenCharactersInvalid() {
    String bad = "g" + B16.substring(1);
    StoreException e =
        assertThrows(StoreException.class, () -> Hash.parseAny(bad, HashAlgo.SHA256));
    assertEquals(
        "invalid base16 hash '" + bad + "', length 0 != expected length 32", e.getMessage());
  }

  @Test
  void parseAny_fails_whenSriHasWrongLength() {
    StoreException e = assertThrows(StoreException.class, () -> Hash.parseAny("sha1-" + B64, null));
    assertEquals("invalid SRI hash '" + B64 + "', length 32 != expected length 20", e.getMessage());
  }

  @Test
  void parseAny_fails_whenNix32Overflows() {
    String s = "z" + "0".repeat(25);
    StoreException e = assertThrows(StoreException.class, () -> Hash.parseAny(s, HashAlgo.MD5));
    assertEquals("invalid nix32 hash '" + s + "', length 17 != expected length 16", e.getMessage());
  }

  @Test
  void parseAny_fails_whenPrefixNamesUnknownAlgo() {
    StoreException e = assertThrows(StoreException.class, () -> Hash.parseAny("foo:" + B16, null));
    assertTrue(e.getMessage().startsWith("unknown hash algorithm 'foo'"));
  }

  @Test
  void parseAnyPrefixed_fails_withoutPrefix() {
    StoreException e = assertThrows(StoreException.class, () -> Hash.parseAnyPrefixed(B16));
    assertEquals("hash '" + B16 + "' does not include a type", e.getMessage());
  }

  @Test
  void parseSri_rejectsNonSri() {
    StoreException e = assertThrows(StoreException.class, () -> Hash.parseSri(B16));
    assertEquals("hash '" + B16 + "' is not SRI", e.getMessage());
  }

  @Test
  void parseAllowEmpty_givesZeroHash_withWarningText() {
    assertEquals(Hash.zero(HashAlgo.SHA256), Hash.parseAllowEmpty("", HashAlgo.SHA256));
    assertEquals(
        "found empty hash, assuming 'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='",
        Hash.emptyHashWarning(HashAlgo.SHA256));
  }

  @Test
  void parseAllowEmpty_fails_whenEmptyWithoutAlgo() {
    StoreException e = assertThrows(StoreException.class, () -> Hash.parseAllowEmpty("", null));
    assertEquals("empty hash requires explicit hash algorithm", e.getMessage());
  }

  @Test
  void toString_prefixesAlgo_onlyWhenAsked() {
    Hash h = Hash.parseAny(B16, HashAlgo.SHA256);
    assertEquals("sha256:" + N32, h.toString(HashFormat.NIX32, true));
    assertEquals(N32, h.toString(HashFormat.NIX32, false));
    assertEquals("sha256:" + B16, h.toString());
  }

  @Test
  void equals_comparesAlgoAndBytes() {
    assertEquals(Hash.parseAny(B16, HashAlgo.SHA256), Hash.parseAny(N32, HashAlgo.SHA256));
    assertFalse(Hash.zero(HashAlgo.SHA256).equals(Hash.parseAny(B16, HashAlgo.SHA256)));
  }

  @Test
  void hashFormatParse_acceptsBase32Alias() {
    assertEquals(HashFormat.NIX32, HashFormat.parse("base32"));
    assertTrue(HashFormat.isDeprecatedAlias("base32"));
    assertEquals(
        "\"base32\" is a deprecated alias for hash format \"nix32\".",
        HashFormat.BASE32_DEPRECATION_WARNING);
  }

  @Test
  void hashFormatParse_fails_whenUnknown() {
    StoreException e = assertThrows(StoreException.class, () -> HashFormat.parse("hex"));
    assertEquals(
        "unknown hash format 'hex', expect 'base16', 'base32', 'base64', or 'sri'", e.getMessage());
  }
}
