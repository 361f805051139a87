package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.modsvc.nix.builtins.NixTestSupport.eval;
import static org.modsvc.nix.builtins.NixTestSupport.evalError;

import org.junit.jupiter.api.Test;

/** JSON, TOML and XML conversion, hashing and placeholders. */
class FormatBuiltinsTest {
  private static final String FILE = "(builtins.toFile \"f\" \"x\")";

  @Test
  void toJSON_serialisesNestedValues() {
    assertEquals(
        "\"{\\\"a\\\":[1,\\\"x\\\",null,true,1.5],\\\"b\\\":{\\\"c d\\\":\\\"\\\\n\\\"}}\"",
        eval("builtins.toJSON { a = [ 1 \"x\" null true 1.5 ]; b.\"c d\" = \"\\n\"; }"));
  }

  @Test
  void toJSON_usesOutPathAndToString() {
    assertEquals(
        "\"[\\\"/p\\\",\\\"s\\\"]\"",
        eval("builtins.toJSON [ { outPath = \"/p\"; } { __toString = _: \"s\"; } ]"));
  }

  @Test
  void toJSON_rejectsFunction() {
    assertEquals("cannot convert a function to JSON", evalError("builtins.toJSON { f = x: x; }"));
  }

  @Test
  void toJSON_propagatesContext() {
    assertEquals("true", eval("builtins.hasContext (builtins.toJSON [ " + FILE + " ])"));
  }

  @Test
  void fromJSON_parsesDocument() {
    assertEquals(
        "{ a = [ 1 2.5 null true \"x\" ]; }",
        eval("builtins.fromJSON ''{\"a\": [1, 2.5, null, true, \"x\"]}''"));
  }

  @Test
  void fromJSON_roundTripsToJSON() {
    assertEquals(
        "true",
        eval(
            "let v = { a = [ 1 \"é\\n\" { b = null; } ]; c = -3; }; in builtins.fromJSON (builtins.toJSON v) == v"));
  }

  @Test
  void fromJSON_rejectsUnsignedOverflow() {
    assertEquals(
        "unsigned json number 18446744073709551615 outside of Nix integer range",
        evalError("builtins.fromJSON \"18446744073709551615\""));
  }

  @Test
  void fromJSON_rejectsNonString() {
    assertEquals("expected a string but found an integer: 1", evalError("builtins.fromJSON 1"));
  }

  @Test
  void fromTOML_parsesTables() {
    assertEquals(
        "{ a = 1; b = { c = \"x\"; }; }",
        eval("builtins.fromTOML \"a = 1\\n[b]\\nc = \\\"x\\\"\""));
  }

  @Test
  void fromTOML_rejectsDatesWithoutFeature() {
    assertEquals(
        "while parsing TOML: Dates and times are not supported",
        evalError("builtins.fromTOML \"a = 1979-05-27\""));
  }

  @Test
  void fromTOML_rejectsNonString() {
    assertEquals("expected a string but found a set: { }", evalError("fromTOML { }"));
  }

  @Test
  void toXML_printsTypedElements() {
    assertEquals(
        "\"<?xml version='1.0' encoding='utf-8'?>\\n<expr>\\n  <attrs>\\n    <attr name=\\\"a\\\">\\n"
            + "      <int value=\\\"1\\\" />\\n    </attr>\\n  </attrs>\\n</expr>\\n\"",
        eval("builtins.toXML { a = 1; }"));
  }

  @Test
  void toXML_propagatesContext() {
    assertEquals("true", eval("builtins.hasContext (builtins.toXML " + FILE + ")"));
  }

  @Test
  void hashString_hashesUtf8Bytes() {
    assertEquals(
        "[ \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\" "
            + "\"d41d8cd98f00b204e9800998ecf8427e\" ]",
        eval("[ (builtins.hashString \"sha256\" \"abc\") (builtins.hashString \"md5\" \"\") ]"));
  }

  @Test
  void hashString_rejectsUnknownAlgorithm() {
    assertEquals(
        "unknown hash algorithm 'foo', expect 'blake3', 'md5', 'sha1', 'sha256', or 'sha512'",
        evalError("builtins.hashString \"foo\" \"abc\""));
  }

  @Test
  void hashString_rejectsNonString() {
    assertEquals(
        "expected a string but found an integer: 1", evalError("builtins.hashString \"sha256\" 1"));
  }

  @Test
  void convertHash_base16ToSri() {
    assertEquals(
        "\"sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=\"",
        eval(
            "builtins.convertHash { hashAlgo = \"sha256\"; "
                + "hash = \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"; toHashFormat = \"sri\"; }"));
  }

  @Test
  void convertHash_sriToBase16WithoutAlgo() {
    assertEquals(
        "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"",
        eval(
            "builtins.convertHash { "
                + "hash = \"sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=\"; toHashFormat = \"base16\"; }"));
  }

  @Test
  void convertHash_requiresTargetFormat() {
    assertEquals(
        "attribute 'toHashFormat' missing",
        evalError(
            "builtins.convertHash { hash = \"sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=\"; }"));
  }

  @Test
  void placeholder_isHashOfOutputName() {
    assertEquals(
        "\"/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9\"",
        eval("builtins.placeholder \"out\""));
  }

  @Test
  void placeholder_rejectsNonString() {
    assertEquals("expected a string but found an integer: 1", evalError("builtins.placeholder 1"));
  }
}
