package org.modsvc.agent.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.modsvc.nix.error.ErrorPrinter;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.DeepStack;
import org.modsvc.nix.eval.MemoryLimit;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.EvalStore;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.syntax.Lints;
import org.modsvc.nix.syntax.ParseException;
import org.modsvc.nix.syntax.StaticScope;
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
 * {@code modsvc-agent eval}: {@code nix-instantiate --eval} on the embedded evaluator. Reads a file, stdin
 * ({@code -}) or {@code --expr}, auto-calls a top-level function when arguments are given, selects
 * {@code -A} paths, prints each result; errors go to stderr as Nix renders them, with exit status 1.
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

  @Option(names = {"--parse", "--parse-only"}, description = "Only parse the expression; exit 0 when it parses.")
  boolean parseOnly;

  @Option(names = {"-I", "--include"}, paramLabel = "PATH",
      description = "Add PATH or PREFIX=PATH to the search path (before NIX_PATH).")
  List<String> includes = new ArrayList<>();

  @Option(names = "--arg", arity = "2", paramLabel = "NAME EXPR",
      description = "Pass argument NAME, the value of Nix expression EXPR, to a top-level function.")
  List<String> args = new ArrayList<>();

  @Option(names = "--argstr", arity = "2", paramLabel = "NAME STRING",
      description = "Pass argument NAME, the string STRING, to a top-level function.")
  List<String> argstrs = new ArrayList<>();

  @Option(names = {"-A", "--attr"}, paramLabel = "ATTRPATH",
      description = "Select an attribute path (numbers index lists); repeatable.")
  List<String> attrPaths = new ArrayList<>();

  @Option(names = {"-E", "--expr"}, paramLabel = "EXPR", description = "Evaluate EXPR instead of a file.")
  String expr;

  @Option(names = "--show-trace", description = "Show the whole evaluation trace on errors.")
  boolean showTrace;

  @Option(names = "--no-show-trace", description = "Show a shortened trace on errors (the default).")
  boolean noShowTrace;

  @Option(names = "--max-call-depth", paramLabel = "N", description = "Maximum function call depth (default 10000).")
  Integer maxCallDepth;

  @Option(names = {"--extra-experimental-features", "--experimental-features"}, paramLabel = "FEATURES",
      description = "Enable experimental features (space-separated words).")
  List<String> features = new ArrayList<>();

  @Option(names = "--option", arity = "2", paramLabel = "NAME VALUE",
      description = "Set a Nix setting; experimental-features and max-call-depth are honoured.")
  List<String> options = new ArrayList<>();

  @Option(names = "--store-dir", paramLabel = "DIR", hidden = true, description = "Store directory (default /nix/store).")
  String storeDir = Stores.DEFAULT_STORE_DIR;

  @Option(names = "--repeat", paramLabel = "N", hidden = true,
      description = "Benchmark: evaluate N times in this JVM (fresh state each time), timings on stderr.")
  int repeat = 1;

  // Accepted for nix-instantiate compatibility (the language tests' .flags files use them); no effect here.
  @Option(names = {"--eval", "--eval-only", "--read-write-mode", "--readonly-mode", "--impure", "--no-location",
      "--no-warnings", "--dry-run", "--abort-on-warn"}, hidden = true)
  boolean[] ignored = new boolean[0];

  @Option(names = "--lint-absolute-path-literals", paramLabel = "LEVEL",
      description = "Lint absolute path literals (/a/b, ~/a): warn or fatal.")
  String lintAbsolutePaths;

  @Option(names = "--lint-short-path-literals", paramLabel = "LEVEL",
      description = "Lint path literals without ./ (a/b): warn or fatal.")
  String lintShortPaths;

  @Option(names = "--lint-url-literals", paramLabel = "LEVEL", description = "Lint unquoted URL literals: warn or fatal.")
  String lintUrls;

  @Parameters(paramLabel = "FILE", arity = "0..1", description = "File to evaluate ('-' for stdin; default ./default.nix).")
  String file;

  private final PrintStream out;
  private final PrintStream err;

  /** Output goes straight to these UTF-8 streams (picocli's writers are only for help and usage). */
  EvalCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    int rc = DeepStack.call(this::runGuarded);
    out.flush();
    err.flush();
    return rc;
  }

  /** Runs the evaluation, turning every failure into an {@code error:} report and exit status 1. */
  private int runGuarded() {
    try {
      if (repeat > 1) return runRepeated();
      String result = evaluateOnce();
      out.print(result);
      return 0;
    } catch (ParseException e) {
      err.print(ErrorPrinter.renderParse(e.getMessage(), e.span()));
    } catch (EvalException e) {
      err.print(ErrorPrinter.render(e, showTrace && !noShowTrace));
    } catch (StackOverflowError e) {
      // Nix's wording for exhausting the evaluation depth; our depth limit is the thread stack's.
      err.println("error: stack overflow; max-call-depth exceeded");
    } catch (OutOfMemoryError e) {
      err.println("error: " + MemoryLimit.report());
    } catch (UsageError e) {
      err.println("error: " + e.getMessage());
    } catch (RuntimeException e) {
      err.println("error: internal error: " + e);
      if ("1".equals(System.getenv("MODSVC_DEBUG"))) e.printStackTrace(err);
    }
    return 1;
  }

  /** A problem with the command line found after parsing (unreadable file, bad --option). */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) { super(message, null, false, false); }
  }

  /** {@code --repeat N}: the warm measurement; prints the last run's output and the timings. */
  private int runRepeated() {
    long[] nanos = new long[repeat];
    String result = null;
    for (int i = 0; i < repeat; i++) {
      long t0 = System.nanoTime();
      result = evaluateOnce();
      nanos[i] = System.nanoTime() - t0;
      err.printf("repeat: run %d: %.1f ms%n", i + 1, nanos[i] / 1e6);
    }
    long[] lastHalf = Arrays.copyOfRange(nanos, repeat / 2, repeat);
    Arrays.sort(lastHalf);
    double median = lastHalf.length % 2 == 1
        ? lastHalf[lastHalf.length / 2]
        : (lastHalf[lastHalf.length / 2 - 1] + lastHalf[lastHalf.length / 2]) / 2.0;
    err.printf("repeat: median of last %d runs: %.1f ms%n", lastHalf.length, median / 1e6);
    out.print(result);
    return 0;
  }

  /** One complete evaluation in a fresh state; returns everything to print on stdout. */
  String evaluateOnce() {
    EvalState state = newState();
    Source source = readSource();
    if (parseOnly) {
      // EvalState.parse leaves free variables to the compiler; a parse-only run must still reject
      // undefined ones, as Nix's parser does.
      StaticScope.check(state.parse(source), StaticScope::isNixGlobal);
      return "";
    }
    Value root = state.evalSource(source);
    NixAttrs autoArgs = autoArgs(state);
    List<String> paths = attrPaths.isEmpty() ? List.of("") : attrPaths;
    StringBuilder sb = new StringBuilder();
    for (String path : paths) {
      Value v = Thunk.force(Selection.findAlongAttrPath(state, path, autoArgs, root));
      if (autoArgs.size() > 0) v = Thunk.force(Selection.autoCall(state, autoArgs, v));
      sb.append(render(state, v));
    }
    return sb.toString();
  }

  private String render(EvalState state, Value v) {
    if (raw) {
      // As nix-instantiate --raw: paths are copied to the store, like any string coercion in Nix.
      return state.coerceToString(v, Span.NONE, false, true).value();
    }
    String text;
    if (json) {
      text = callBuiltinToString(state, "toJSON", v);
    } else if (xml) {
      text = callBuiltinToString(state, "toXML", v);
    } else {
      text = Printer.print(v, strict);
    }
    return text.endsWith("\n") ? text : text + "\n";
  }

  private static String callBuiltinToString(EvalState state, String name, Value v) {
    Value fn = state.builtins().get(name);
    if (fn == null) throw new UsageError("builtins." + name + " is not available");
    return ((NixString) Thunk.force(state.call(fn, v, Span.NONE))).value();
  }

  EvalState newState() {
    Path home = Path.of(envOr("HOME", System.getProperty("user.home")));
    EvalStore store = Stores.forEval(storeDir);
    List<EvalState.SearchPathEntry> searchPath = new ArrayList<>(SearchPaths.build(includes, System.getenv("NIX_PATH")));
    EvalState state = new EvalState(store, searchPath, home, experimentalFeatures(), err);
    state.setBundledEntries(List.of(BundledSources.LIB.register(store), BundledSources.NIX_CORE.register(store)));
    Integer depth = maxCallDepth;
    for (int i = 0; i + 1 < options.size(); i += 2) {
      if (options.get(i).equals("max-call-depth")) depth = parseInt(options.get(i + 1), "max-call-depth");
    }
    if (depth != null) state.setMaxCallDepth(depth);
    state.setLints(lintLevels());
    return state;
  }

  /** {@code --lint-NAME LEVEL} (and {@code --option lint-NAME LEVEL}) as the evaluator's lint map. */
  Map<String, String> lintLevels() {
    Map<String, String> m = new HashMap<>();
    putLint(m, Lints.ABSOLUTE_PATHS, lintAbsolutePaths);
    putLint(m, Lints.SHORT_PATHS, lintShortPaths);
    putLint(m, Lints.URLS, lintUrls);
    for (int i = 0; i + 1 < options.size(); i += 2) {
      String name = options.get(i);
      if (name.startsWith("lint-")) putLint(m, name.substring("lint-".length()), options.get(i + 1));
    }
    return m;
  }

  private static void putLint(Map<String, String> m, String lint, String level) {
    if (level == null) return;
    if (!level.equals("warn") && !level.equals("fatal") && !level.equals("ignore")) {
      throw new UsageError("invalid lint level '" + level + "' for " + lint + " (expected ignore, warn or fatal)");
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
  private NixAttrs autoArgs(EvalState state) {
    NixAttrs.Builder b = NixAttrs.builder();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      String e = args.get(i + 1);
      b.put(args.get(i), new Thunk(() -> state.evalSource(Source.ofString("«string»", e, cwd()))));
    }
    for (int i = 0; i + 1 < argstrs.size(); i += 2) {
      b.put(argstrs.get(i), NixString.of(argstrs.get(i + 1)));
    }
    return b.build();
  }

  private Source readSource() {
    if (expr != null) {
      if (file != null) throw new UsageError("both --expr and a file given ('" + file + "')");
      return Source.ofString("«string»", expr, cwd());
    }
    if ("-".equals(file)) {
      try {
        InputStream in = System.in;
        return Source.ofString("«stdin»", new String(in.readAllBytes(), StandardCharsets.UTF_8), cwd());
      } catch (IOException e) {
        throw new UsageError("cannot read standard input: " + e.getMessage());
      }
    }
    Path p = resolveFile(file == null ? "./default.nix" : file);
    try {
      // Strict, like the evaluator's own import: text is Java strings, so bytes that are not UTF-8
      // cannot be represented faithfully; refusing beats silently replacing them.
      return Source.ofFile(p, java.nio.file.Files.readString(p, StandardCharsets.UTF_8));
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UsageError("'" + p + "' is not valid UTF-8");
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageError("path '" + p + "' does not exist");
    } catch (IOException e) {
      throw new UsageError("cannot read '" + p + "': " + e.getMessage());
    }
  }

  /**
   * Nix's {@code lookupFileArg} + {@code resolveExprPath}: {@code <name>} is looked up in the search path,
   * and a directory means its {@code default.nix}.
   */
  private Path resolveFile(String arg) {
    Path p;
    if (arg.length() > 2 && arg.startsWith("<") && arg.endsWith(">")) {
      Value v = Thunk.force(newState().evalSource(Source.ofString("«string»", arg, cwd())));
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
