package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.modsvc.nix.Evaluation;
import org.modsvc.nix.EvaluatorCache;
import org.modsvc.nix.source.SearchPathEntry;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code modsvc-agent eval}: {@code nix-instantiate --eval} on the embedded evaluator. Reads a
 * file, stdin ({@code -}) or {@code --expr}, auto-calls a top-level function when arguments are
 * given, selects {@code -A} paths, prints each result; errors go to stderr as Nix renders them,
 * with exit status 1.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    sortOptions = false,
    description = "Evaluate a Nix expression like 'nix-instantiate --eval' and print its value.")
public final class EvalCommand implements Callable<Integer> {

  @Option(names = "--strict", description = "Evaluate the result deeply before printing.")
  boolean strict;

  @Option(names = "--json", description = "Print the result as JSON (like builtins.toJSON).")
  boolean json;

  @Option(names = "--xml", description = "Print the result as XML (like builtins.toXML).")
  boolean xml;

  @Option(names = "--raw", description = "Print the result (a string) without quotes or a newline.")
  boolean raw;

  @Option(
      names = {"--parse", "--parse-only"},
      description = "Only parse the expression; exit 0 when it parses.")
  boolean parseOnly;

  @Option(
      names = {"-I", "--include"},
      paramLabel = "PATH",
      description = "Add PATH or PREFIX=PATH to the search path (before NIX_PATH).")
  List<String> includes = new ArrayList<>();

  @Option(
      names = "--arg",
      arity = "2",
      paramLabel = "NAME EXPR",
      description =
          "Pass argument NAME, the value of Nix expression EXPR, to a top-level function.")
  List<String> args = new ArrayList<>();

  @Option(
      names = "--argstr",
      arity = "2",
      paramLabel = "NAME STRING",
      description = "Pass argument NAME, the string STRING, to a top-level function.")
  List<String> argstrs = new ArrayList<>();

  @Option(
      names = {"-A", "--attr"},
      paramLabel = "ATTRPATH",
      description = "Select an attribute path (numbers index lists); repeatable.")
  List<String> attrPaths = new ArrayList<>();

  @Option(
      names = {"-E", "--expr"},
      paramLabel = "EXPR",
      description = "Evaluate EXPR instead of a file.")
  String expr;

  @Option(names = "--show-trace", description = "Show the whole evaluation trace on errors.")
  boolean showTrace;

  @Option(
      names = "--no-show-trace",
      description = "Show a shortened trace on errors (the default).")
  boolean noShowTrace;

  @Option(
      names = "--max-call-depth",
      paramLabel = "N",
      description = "Maximum function call depth (default 10000).")
  Integer maxCallDepth;

  @Option(
      names = {"--extra-experimental-features", "--experimental-features"},
      paramLabel = "FEATURES",
      description = "Enable experimental features (space-separated words).")
  List<String> features = new ArrayList<>();

  @Option(
      names = "--option",
      arity = "2",
      paramLabel = "NAME VALUE",
      description = "Set a Nix setting; experimental-features and max-call-depth are honoured.")
  List<String> options = new ArrayList<>();

  @Option(
      names = "--store-dir",
      paramLabel = "DIR",
      hidden = true,
      description = "Store directory (default /nix/store).")
  String storeDir = "/nix/store";

  // Accepted for nix-instantiate compatibility (the language tests' .flags files use them); no
  // effect here.
  @Option(
      names = {
        "--eval",
        "--eval-only",
        "--read-write-mode",
        "--readonly-mode",
        "--impure",
        "--no-location",
        "--no-warnings",
        "--dry-run",
        "--abort-on-warn"
      },
      hidden = true)
  boolean[] ignored = new boolean[0];

  @Option(
      names = "--lint-absolute-path-literals",
      paramLabel = "LEVEL",
      description = "Lint absolute path literals (/a/b, ~/a): warn or fatal.")
  String lintAbsolutePaths;

  @Option(
      names = "--lint-short-path-literals",
      paramLabel = "LEVEL",
      description = "Lint path literals without ./ (a/b): warn or fatal.")
  String lintShortPaths;

  @Option(
      names = "--lint-url-literals",
      paramLabel = "LEVEL",
      description = "Lint unquoted URL literals: warn or fatal.")
  String lintUrls;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      description = "File to evaluate ('-' for stdin; default ./default.nix).")
  String file;

  private final PrintStream out;
  private final PrintStream err;

  /**
   * Output goes straight to these UTF-8 streams (picocli's writers are only for help and usage).
   */
  EvalCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    int rc = runGuarded();
    out.flush();
    err.flush();
    return rc;
  }

  /** Runs the evaluation, turning every failure into an {@code error:} report and exit status 1. */
  private int runGuarded() {
    try {
      Evaluation.Result<String> r = newEvaluation(null).run(this::evaluateOnce);
      if (r.ok()) {
        out.print(r.value().orElseThrow());
        return 0;
      }
      report(r.failure().orElseThrow());
    } catch (UsageError e) {
      err.println("error: " + e.getMessage());
    } catch (RuntimeException e) {
      err.println("error: internal error: " + e);
      if ("1".equals(System.getenv("MODSVC_DEBUG"))) e.printStackTrace(err);
    }
    return 1;
  }

  /** A failed evaluation as Nix reports it. */
  void report(Evaluation.Failure f) {
    switch (f.kind()) {
      case PARSE, EVAL -> err.print(f.render(showTrace && !noShowTrace));
      // Nix's wording for exhausting the evaluation depth; our depth limit is the thread stack's.
      case STACK_OVERFLOW -> err.println("error: stack overflow; max-call-depth exceeded");
      case OUT_OF_MEMORY -> err.println("error: " + f.memoryReport());
    }
  }

  /** A problem with the command line found after parsing (unreadable file, bad --option). */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  /** One complete evaluation in {@code ev}, a fresh one; returns everything to print on stdout. */
  String evaluateOnce(Evaluation ev) {
    Source source = readSource(ev);
    if (parseOnly) {
      ev.parseOnly(source);
      return "";
    }
    Value root = ev.eval(source);
    NixAttrs autoArgs = autoArgs(ev);
    List<String> paths = attrPaths.isEmpty() ? List.of("") : attrPaths;
    StringBuilder sb = new StringBuilder();
    for (String path : paths) {
      Value v = Thunk.force(ev.select(path, autoArgs, root));
      if (autoArgs.size() > 0) v = Thunk.force(ev.autoCall(autoArgs, v));
      sb.append(render(ev, v));
    }
    return sb.toString();
  }

  private String render(Evaluation ev, Value v) {
    if (raw) {
      // As nix-instantiate --raw: paths are copied to the store, like any string coercion in Nix.
      return ev.coerceToString(v, true);
    }
    String text;
    if (json) {
      text = ev.callBuiltinToString("toJSON", v);
    } else if (xml) {
      text = ev.callBuiltinToString("toXML", v);
    } else {
      text = Printer.print(v, strict);
    }
    return text.endsWith("\n") ? text : text + "\n";
  }

  /**
   * A fresh evaluation with this command line's settings: {@code -I} then {@code NIX_PATH}, our lib
   * and Nix's {@code <nix/…>} files answered after them; {@code cache} is the cache to use (null:
   * the process's).
   */
  Evaluation newEvaluation(EvaluatorCache cache) {
    Path home = Path.of(envOr("HOME", System.getProperty("user.home")));
    List<SearchPathEntry> searchPath = SearchPaths.build(includes, System.getenv("NIX_PATH"));
    Evaluation.Builder b =
        Evaluation.builder()
            .storeDir(storeDir)
            .searchPath(searchPath)
            .homeDir(home)
            .experimentalFeatures(experimentalFeatures())
            .diagnostics(err)
            .ourLibAndNixFiles();
    if (cache != null) b.cache(cache);
    Integer depth = maxCallDepth;
    for (int i = 0; i + 1 < options.size(); i += 2) {
      if (options.get(i).equals("max-call-depth"))
        depth = parseInt(options.get(i + 1), "max-call-depth");
    }
    if (depth != null) b.maxCallDepth(depth);
    b.lints(lintLevels());
    return b.start();
  }

  /**
   * {@code --lint-NAME LEVEL} (and {@code --option lint-NAME LEVEL}) as the evaluator's lint map.
   */
  Map<String, String> lintLevels() {
    Map<String, String> m = new HashMap<>();
    putLint(m, Evaluation.LINT_ABSOLUTE_PATHS, lintAbsolutePaths);
    putLint(m, Evaluation.LINT_SHORT_PATHS, lintShortPaths);
    putLint(m, Evaluation.LINT_URLS, lintUrls);
    for (int i = 0; i + 1 < options.size(); i += 2) {
      String name = options.get(i);
      if (name.startsWith("lint-"))
        putLint(m, name.substring("lint-".length()), options.get(i + 1));
    }
    return m;
  }

  private static void putLint(Map<String, String> m, String lint, String level) {
    if (level == null) return;
    if (!level.equals("warn") && !level.equals("fatal") && !level.equals("ignore")) {
      throw new UsageError(
          "invalid lint level '" + level + "' for " + lint + " (expected ignore, warn or fatal)");
    }
    if (!level.equals("ignore")) m.put(lint, level);
  }

  Set<String> experimentalFeatures() {
    Set<String> fs = new LinkedHashSet<>();
    for (String f : features) fs.addAll(words(f));
    for (int i = 0; i + 1 < options.size(); i += 2) {
      String name = options.get(i);
      if (name.equals("experimental-features") || name.equals("extra-experimental-features")) {
        fs.addAll(words(options.get(i + 1)));
      }
    }
    return fs;
  }

  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : s.trim().split("\\s+")) if (!w.isEmpty()) out.add(w);
    return out;
  }

  private static int parseInt(String s, String what) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new UsageError("invalid value '" + s + "' for " + what);
    }
  }

  /** {@code --arg}s are lazy, as in Nix: an unused argument's expression is never evaluated. */
  private NixAttrs autoArgs(Evaluation ev) {
    NixAttrs.Builder b = NixAttrs.builder();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      String e = args.get(i + 1);
      b.put(args.get(i), new Thunk(() -> ev.evalExpr(e, cwd())));
    }
    for (int i = 0; i + 1 < argstrs.size(); i += 2) {
      b.put(argstrs.get(i), NixString.of(argstrs.get(i + 1)));
    }
    return b.build();
  }

  private Source readSource(Evaluation ev) {
    if (expr != null) {
      if (file != null) throw new UsageError("both --expr and a file given ('" + file + "')");
      return Source.ofString("«string»", expr, cwd());
    }
    if ("-".equals(file)) {
      try {
        InputStream in = System.in;
        return Source.ofString(
            "«stdin»", new String(in.readAllBytes(), StandardCharsets.UTF_8), cwd());
      } catch (IOException e) {
        throw new UsageError("cannot read standard input: " + e.getMessage());
      }
    }
    Path p = resolveFile(file == null ? "./default.nix" : file);
    try {
      // Strict, like the evaluator's own import: text is Java strings, so bytes that are not UTF-8
      // cannot be represented faithfully; refusing beats silently replacing them.
      return ev.readFile(p);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UsageError("'" + p + "' is not valid UTF-8");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageError("path '" + p + "' does not exist");
    } catch (IOException e) {
      throw new UsageError("cannot read '" + p + "': " + e.getMessage());
    }
  }

  /**
   * Nix's {@code lookupFileArg} + {@code resolveExprPath}: {@code <name>} is looked up in the
   * search path, and a directory means its {@code default.nix}.
   */
  private Path resolveFile(String arg) {
    Path p;
    if (arg.length() > 2 && arg.startsWith("<") && arg.endsWith(">")) {
      Value v = Thunk.force(newEvaluation(null).evalExpr(arg, cwd()));
      p = Path.of(((NixPath) v).path());
    } else {
      p = cwd().resolve(arg);
    }
    p = p.toAbsolutePath().normalize();
    if (java.nio.file.Files.isDirectory(p)) p = p.resolve("default.nix");
    return p;
  }

  private static Path cwd() {
    return Path.of("").toAbsolutePath();
  }

  private static String envOr(String name, String dflt) {
    String v = System.getenv(name);
    return v == null || v.isEmpty() ? dflt : v;
  }
}
