package org.modsvc.nix.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.error.ErrorPrinter;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.DeepStack;
import org.modsvc.nix.source.Source;

/**
 * A bounded fuzz run of the Nix parser (issue 17): inputs are the {@code .nix} files of our test
 * corpora, mutated (bytes flipped, tokens inserted, cut, spliced with another file, deeply nested).
 * Every input must end in a syntax tree or an {@code error:} report ({@link ParseException}, or an
 * {@link EvalException} for what the parser checks itself), never in another Java exception.
 *
 * <p>It runs for {@code -Dmodsvc.fuzz.seconds} (default 20) from the seed {@code
 * -Dmodsvc.fuzz.seed} (default fixed, so CI is reproducible; a failure names the seed and the
 * input).
 */
class ParserFuzzTest {
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    "(",
    ")",
    ";",
    ":",
    "=",
    ".",
    "..",
    "...",
    ",",
    "@",
    "?",
    "!",
    "//",
    "++",
    "+",
    "-",
    "*",
    "/",
    "==",
    "!=",
    "<",
    ">",
    "<=",
    ">=",
    "&&",
    "||",
    "->",
    "let ",
    " in ",
    "rec ",
    "with ",
    "inherit ",
    "if ",
    " then ",
    " else ",
    "assert ",
    "or ",
    "\"",
    "''",
    "${",
    "$",
    "\\",
    "#",
    "/*",
    "*/",
    "\n",
    " ",
    "x",
    "a.b",
    "1",
    "1.5e3",
    "./p",
    "~/p",
    "<nixpkgs>",
    "http://x/y",
    "__curPos",
    "''${",
    "'''",
    "\r",
    "\t",
    "\u00e9",
    "\uD83D\uDE00",
    "\0",
  };

  @Test
  void everyMutatedInputParsesOrIsAnErrorReport() throws Exception {
    long seconds = Long.getLong("modsvc.fuzz.seconds", 20);
    long seed = Long.getLong("modsvc.fuzz.seed", 17);
    List<String> seeds = corpus();
    assertFalse(seeds.isEmpty(), "no .nix files in the test corpora");
    Random random = new Random(seed);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    int[] counts = new int[2]; // parsed, reported
    int runs = 0;
    while (System.nanoTime() < deadline) {
      String input = mutate(seeds, random);
      runs++;
      String failure = DeepStack.call(() -> check(input, counts));
      if (failure != null) {
        fail(
            "seed "
                + seed
                + ", input "
                + runs
                + " ("
                + input.length()
                + " chars) ended in "
                + failure
                + ":\n"
                + input);
      }
    }
    System.out.printf(
        "parser fuzz: %d inputs in %d s (seed %d): %d parsed, %d error reports%n",
        runs, seconds, seed, counts[0], counts[1]);
    assertTrue(runs > 100, "only " + runs + " inputs in " + seconds + " s");
  }

  /** Null when {@code input} parsed or was reported as an error; otherwise what went wrong. */
  private static String check(String input, int[] counts) {
    try {
      Parser.parse(Source.ofString("«fuzz»", input, Path.of("/fuzz")), Path.of("/home/fuzz"));
      counts[0]++;
      return null;
    } catch (ParseException e) {
      String report = ErrorPrinter.renderParse(e.getMessage(), e.span());
      counts[1]++;
      return report.startsWith("error: ")
          ? null
          : "a report not starting with 'error: ': " + report;
    } catch (EvalException e) {
      String report = ErrorPrinter.render(e, false);
      counts[1]++;
      return report.startsWith("error: ")
          ? null
          : "a report not starting with 'error: ': " + report;
    } catch (RuntimeException | Error e) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      return trace.toString();
    }
  }

  private static String mutate(List<String> seeds, Random r) {
    StringBuilder s = new StringBuilder(seeds.get(r.nextInt(seeds.size())));
    int edits = 1 + r.nextInt(8);
    for (int i = 0; i < edits; i++) {
      int at = s.length() == 0 ? 0 : r.nextInt(s.length() + 1);
      switch (r.nextInt(7)) {
        case 0 -> s.insert(at, TOKENS[r.nextInt(TOKENS.length)]);
        case 1 -> {
          if (at < s.length()) s.deleteCharAt(at);
        }
        case 2 -> {
          if (at < s.length()) s.setCharAt(at, (char) r.nextInt(0x80));
        }
        case 3 -> s.setLength(at); // cut
        case 4 -> { // splice a piece of another file
          String other = seeds.get(r.nextInt(seeds.size()));
          int from = r.nextInt(other.length() + 1);
          s.insert(at, other, from, Math.min(other.length(), from + r.nextInt(200)));
        }
        case 5 -> { // nest
          String open = r.nextBoolean() ? "(" : "[";
          int depth = 1 + r.nextInt(2000);
          s.insert(at, open.repeat(depth));
        }
        default -> {
          if (at < s.length()) s.insert(at, s.charAt(at));
        } // duplicate
      }
    }
    return s.toString();
  }

  /** The {@code .nix} files under the test resources (language cases, lib cases). */
  private static List<String> corpus() throws IOException, URISyntaxException {
    Path root = Path.of(ParserFuzzTest.class.getResource("/").toURI());
    List<String> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (p.toString().endsWith(".nix") && Files.isRegularFile(p) && Files.size(p) < 100_000) {
          out.add(new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }
}
