package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void printsLazyValue_whenNotStrict() {
    CliRun r = CliRun.of("eval", "--expr", "{ a = 1 + 1; }");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("{ a = <CODE>; }\n", r.out());
  }

  @Test
  void printsDeepValue_whenStrict() {
    CliRun r = CliRun.of("eval", "--strict", "--expr", "{ a = 1 + 1; b = [ \"x\" ]; }");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("{ a = 2; b = [ \"x\" ]; }\n", r.out());
  }

  @Test
  void evaluatesFile_whenGivenPath() throws IOException {
    Path f = write("f.nix", "let x = 20; in x + 22\n");
    CliRun r = CliRun.of("eval", f.toString());
    assertEquals("42\n", r.out());
  }

  @Test
  void evaluatesDefaultNix_whenGivenDirectory() throws IOException {
    write("d/default.nix", "\"from default\"");
    CliRun r = CliRun.of("eval", dir.resolve("d").toString());
    assertEquals("\"from default\"\n", r.out());
  }

  @Test
  void printsJson_whenJsonFlag() {
    CliRun r = CliRun.of("eval", "--json", "--expr", "{ b = [ 1 true null ]; a = \"s\"; }");
    assertEquals("{\"a\":\"s\",\"b\":[1,true,null]}\n", r.out());
  }

  @Test
  void printsXml_whenXmlFlag() {
    CliRun r = CliRun.of("eval", "--xml", "--strict", "--expr", "1");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("<int value=\"1\" />"), r.out());
    assertTrue(r.out().endsWith("\n"));
  }

  @Test
  void printsRawString_whenRawFlag() {
    CliRun r = CliRun.of("eval", "--raw", "--expr", "\"a\\nb\"");
    assertEquals("a\nb", r.out());
  }

  @Test
  void selectsAttributeAndListIndex_whenAttrPathGiven() {
    CliRun r =
        CliRun.of(
            "eval",
            "--strict",
            "-A",
            "a.l.1",
            "-A",
            "a.\"x.y\"",
            "--expr",
            "{ a = { l = [ 10 20 ]; \"x.y\" = 3; }; }");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("20\n3\n", r.out());
  }

  @Test
  void reportsNixMessage_whenAttrPathMissing() {
    CliRun r = CliRun.of("eval", "-A", "a.b", "--expr", "{ a = { c = 1; }; }");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("attribute 'b' in selection path 'a.b' not found"), r.err());
  }

  @Test
  void reportsNixMessage_whenIndexOutOfRange() {
    CliRun r = CliRun.of("eval", "-A", "3", "--expr", "[ 1 ]");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("list index 3 in selection path '3' is out of range"), r.err());
  }

  @Test
  void autoCallsFunction_whenArgsGiven() {
    CliRun r =
        CliRun.of(
            "eval",
            "--strict",
            "--arg",
            "n",
            "1 + 1",
            "--argstr",
            "s",
            "str",
            "--expr",
            "{ n, s, d ? \"dflt\" }: [ n s d ]");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("[ 2 \"str\" \"dflt\" ]\n", r.out());
  }

  @Test
  void passesOnlyDeclaredArgs_whenNoEllipsis() {
    CliRun r =
        CliRun.of(
            "eval", "--arg", "a", "1", "--arg", "unused", "throw \"lazy\"", "--expr", "{ a }: a");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("1\n", r.out());
  }

  @Test
  void passesAllArgs_whenEllipsis() {
    CliRun r =
        CliRun.of(
            "eval",
            "--strict",
            "--arg",
            "a",
            "1",
            "--arg",
            "b",
            "2",
            "--expr",
            "args@{ a, ... }: builtins.attrNames args");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("[ \"a\" \"b\" ]\n", r.out());
  }

  @Test
  void leavesFunctionUncalled_whenNoArgsAndNoAttrPath() {
    CliRun r = CliRun.of("eval", "--expr", "{ a ? 1 }: a");
    assertEquals("<LAMBDA>\n", r.out());
  }

  @Test
  void autoCallsWithDefaults_whenSelectingThroughFunction() {
    CliRun r = CliRun.of("eval", "-A", "x", "--expr", "{ a ? 5 }: { x = a; }");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("5\n", r.out());
  }

  @Test
  void reportsMissingArgument_whenFormalHasNoValue() {
    CliRun r = CliRun.of("eval", "--arg", "other", "1", "--expr", "{ needed }: needed");
    assertEquals(1, r.exitCode());
    assertTrue(
        r.err()
            .contains("cannot evaluate a function that has an argument without a value ('needed')"),
        r.err());
  }

  @Test
  void exitsOneWithErrorReport_whenEvaluationFails() {
    CliRun r = CliRun.of("eval", "--expr", "throw \"boom\"");
    assertEquals(1, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().contains("error: boom"), r.err());
    assertFalse(r.err().contains("\tat "), "no Java stack trace: " + r.err());
  }

  @Test
  void exitsOneWithPosition_whenParseFails() {
    CliRun r = CliRun.of("eval", "--expr", "{ a = 1 }");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().startsWith("error: syntax error"), r.err());
    assertTrue(r.err().contains("«string»:1:"), r.err());
  }

  @Test
  void exitsZeroAndPrintsNothing_whenParseOnlySucceeds() throws IOException {
    Path f = write("p.nix", "throw \"not evaluated\"");
    CliRun r = CliRun.of("eval", "--parse", f.toString());
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("", r.out());
  }

  @Test
  void reportsNixError_whenRecursionTooDeep() {
    CliRun r =
        CliRun.of(
            "eval",
            "--max-call-depth",
            "50",
            "--expr",
            "let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 100");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("max-call-depth exceeded"), r.err());
  }

  @Test
  void evaluatesDeepRecursion_whenWithinDefaultDepth() {
    CliRun r =
        CliRun.of("eval", "--expr", "let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 9000");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("9000\n", r.out());
  }

  @Test
  void exitsOneWithUsage_whenUnknownFlag() {
    CliRun r = CliRun.of("eval", "--no-such-flag", "--expr", "1");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("--no-such-flag"), r.err());
  }

  @Test
  void acceptsCompatibilityFlags_whenUsedByLanguageTests() {
    CliRun r =
        CliRun.of(
            "eval",
            "--eval",
            "--strict",
            "--strict",
            "--no-show-trace",
            "--show-trace",
            "--impure",
            "--lint-url-literals",
            "warn",
            "--extra-experimental-features",
            "parse-toml-timestamps flakes",
            "--option",
            "experimental-features",
            "nix-command",
            "--read-write-mode",
            "--expr",
            "1");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("1\n", r.out());
  }

  @Test
  void resolvesSearchPath_whenIncludeGiven() throws IOException {
    write("sp/mod/x.nix", "\"found\"");
    CliRun r =
        CliRun.of("eval", "-I", "pre=" + dir.resolve("sp/mod"), "--expr", "import <pre/x.nix>");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("\"found\"\n", r.out());
  }

  /**
   * The warm benchmark is a main of its own ({@code EvalBench}), not a flag of the production
   * command.
   */
  @Test
  void benchMain_printsTimings_andTheLastResult() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    int rc =
        EvalBench.run(
            new String[] {"4", "--expr", "1 + 1"},
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
    String errText = err.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(0, rc, errText);
    assertEquals("2\n", out.toString(java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(errText.contains("repeat: median of last 2 runs:"), errText);
    assertTrue(
        CliRun.of("eval", "--repeat", "4", "--expr", "1").exitCode() != 0,
        "eval no longer takes --repeat");
  }

  @Test
  void printsVersion_whenVersionFlag() {
    CliRun r = CliRun.of("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().startsWith("modsvc-agent "), r.out());
  }

  @Test
  void printsUsage_whenHelpFlag() {
    CliRun r = CliRun.of("eval", "--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("--strict"), r.out());
    assertFalse(r.out().contains("--repeat"), "benchmark option stays hidden");
  }

  /** Runs the command line with {@code text} as standard input. */
  private static CliRun withStdin(String text, String... args) {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      return CliRun.of(args);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void readsStdin_whenDashGiven() {
    CliRun r = withStdin("[ \"é\" (1 + 2) ]", "eval", "--strict", "-");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("[ \"é\" 3 ]\n", r.out());
  }

  @Test
  void namesStdinAsNixDoes_inEveryPositionOfAnError() {
    CliRun r = withStdin("{\n  x = 1;\n  x = 2;\n}", "eval", "--parse", "-");
    assertEquals(1, r.exitCode());
    // The earlier definition inside the message as well as the error's own position, as in Nix's
    // parse-fail tests.
    assertTrue(
        r.err().startsWith("error: attribute 'x' already defined at «stdin»:2:3\n"), r.err());
    assertTrue(r.err().contains(" at «stdin»:3:3:"), r.err());
  }

  @Test
  void namesExpressionsAsNixDoes_inLambdaPositions() {
    CliRun r = CliRun.of("eval", "--expr", "toString (x: x)");
    assertEquals(1, r.exitCode());
    assertTrue(
        r.err().contains("cannot coerce a function to a string: «lambda @ «string»:1:11»"),
        r.err());
  }

  @Test
  void answersNixFetchurl_afterTheSearchPath_withNixsDrvPath() {
    // The drvPath nix-instantiate 2.8 gives for the same call.
    CliRun r =
        CliRun.of(
            "eval",
            "--expr",
            "(import <nix/fetchurl.nix> { url = \"http://example.org/a.tar.gz\";"
                + " sha256 = \"0000000000000000000000000000000000000000000000000000\"; }).drvPath");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("\"/nix/store/xfvqr9hz6r6myxh1nkfkl322vzzibx65-a.tar.gz.drv\"\n", r.out());
    CliRun listed = CliRun.of("eval", "--expr", "builtins.any (e: e.prefix == \"nix\") __nixPath");
    assertEquals("false\n", listed.out(), "like Nix's, the entry is not part of __nixPath");
  }

  @Test
  void reportsAFileMissingFromABundledDirectory_asNotFoundInTheSearchPath() {
    for (String lookup : new String[] {"<nix/missing.nix>", "<modsvc-lib/missing.nix>"}) {
      CliRun r = CliRun.of("eval", "--expr", lookup);
      assertEquals(1, r.exitCode(), lookup + ": " + r.out());
      assertTrue(r.err().contains("was not found in the Nix search path"), r.err());
    }
  }

  @Test
  void exitsOneWithUsage_whenNoSubcommand() {
    CliRun r = CliRun.of();
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("missing subcommand"), r.err());
  }

  @Test
  void failsParseOnly_whenVariableUndefined() throws IOException {
    Path f = write("u.nix", "x: y");
    CliRun r = CliRun.of("eval", "--parse", f.toString());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("undefined variable 'y'"), r.err());
  }

  @Test
  void failsOnUrlLiteral_whenLintFatal() {
    CliRun r = CliRun.of("eval", "--lint-url-literals", "fatal", "--expr", "http://example.com");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().startsWith("error:"), r.err());
  }

  @Test
  void evaluatesUrlLiteral_whenLintOff() {
    CliRun r = CliRun.of("eval", "--expr", "http://example.com");
    assertEquals("\"http://example.com\"\n", r.out());
  }

  @Test
  void exitsOneWithUsage_whenLintLevelInvalid() {
    CliRun r = CliRun.of("eval", "--lint-url-literals", "loud", "--expr", "1");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("invalid lint level 'loud'"), r.err());
  }
}
