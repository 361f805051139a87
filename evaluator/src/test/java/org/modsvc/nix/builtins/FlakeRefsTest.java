package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FlakeRefsTest {
  private static Map<String, Object> attrs(Object... kv) {
    Map<String, Object> m = new TreeMap<>();
    for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
    return m;
  }

  @Test
  void parse_githubWithRefAndDir() {
    assertEquals(
        attrs("dir", "lib", "owner", "NixOS", "ref", "23.05", "repo", "nixpkgs", "type", "github"),
        FlakeRefs.parse("github:NixOS/nixpkgs/23.05?dir=lib"));
  }

  @Test
  void parse_githubThirdSegmentThatIsAHashIsARev() {
    String rev = "0123456789abcdef0123456789abcdef01234567";
    assertEquals(
        attrs("owner", "o", "repo", "r", "rev", rev, "type", "github"),
        FlakeRefs.parse("github:o/r/" + rev));
  }

  @Test
  void parse_bareIdIsIndirect() {
    assertEquals(
        attrs("id", "nixpkgs", "ref", "nixos-23.05", "type", "indirect"),
        FlakeRefs.parse("nixpkgs/nixos-23.05"));
  }

  @Test
  void parse_gitUrlKeepsUnknownQueryInUrlAndTypesBooleans() {
    assertEquals(
        attrs("ref", "main", "shallow", true, "type", "git", "url", "https://e.org/r.git?x=1"),
        FlakeRefs.parse("git+https://e.org/r.git?ref=main&shallow=1&x=1"));
  }

  @Test
  void parse_pathQueryIntegersAreNumbers() {
    assertEquals(
        attrs("lastModified", 12L, "path", "/a", "type", "path"),
        FlakeRefs.parse("path:/a?lastModified=12"));
  }

  @Test
  void parse_fragmentIsRejected() {
    FlakeRefs.FlakeRefException e =
        assertThrows(FlakeRefs.FlakeRefException.class, () -> FlakeRefs.parse("github:o/r#x"));
    assertEquals("unexpected fragment 'x' in flake reference 'github:o/r#x'", e.getMessage());
  }

  @Test
  void parse_relativePathIsRejected() {
    FlakeRefs.FlakeRefException e =
        assertThrows(FlakeRefs.FlakeRefException.class, () -> FlakeRefs.parse("./x"));
    assertEquals("flake reference './x' is not an absolute path", e.getMessage());
  }

  @Test
  void parse_githubWithoutRepoIsInvalid() {
    assertThrows(FlakeRefs.FlakeRefException.class, () -> FlakeRefs.parse("github:onlyowner"));
  }

  @Test
  void toUrl_githubPutsDirInQuery() {
    assertEquals(
        "github:NixOS/nixpkgs/23.05?dir=lib",
        FlakeRefs.toUrl(
            attrs(
                "type", "github", "owner", "NixOS", "repo", "nixpkgs", "ref", "23.05", "dir",
                "lib")));
  }

  @Test
  void toUrl_gitSortsQueryAndWritesTrueAsOne() {
    assertEquals(
        "git+https://e.org/x?dir=d&ref=m&shallow=1",
        FlakeRefs.toUrl(
            attrs(
                "type", "git", "url", "https://e.org/x", "ref", "m", "shallow", true, "dir", "d")));
  }

  @Test
  void toUrl_pathIsPercentEncoded() {
    assertEquals(
        "path:/a%20b?lastModified=5",
        FlakeRefs.toUrl(attrs("type", "path", "path", "/a b", "lastModified", 5L)));
  }

  @Test
  void toUrl_unknownAttributeIsRejected() {
    FlakeRefs.FlakeRefException e =
        assertThrows(
            FlakeRefs.FlakeRefException.class,
            () -> FlakeRefs.toUrl(attrs("type", "indirect", "id", "x", "owner", "o")));
    assertEquals("input attribute 'owner' not supported by scheme 'indirect'", e.getMessage());
  }

  @Test
  void toUrl_missingTypeIsRejected() {
    assertThrows(FlakeRefs.FlakeRefException.class, () -> FlakeRefs.toUrl(attrs("id", "x")));
  }

  @Test
  void percentDecode_decodesUtf8Sequences() {
    assertEquals("a é", FlakeRefs.percentDecode("a%20%C3%A9"));
  }
}
