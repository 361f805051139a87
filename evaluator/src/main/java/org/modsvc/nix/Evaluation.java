package org.modsvc.nix;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import org.modsvc.nix.builtins.AllBuiltins;
import org.modsvc.nix.error.ErrorPrinter;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.DeepStack;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.FileGuard;
import org.modsvc.nix.eval.MemoryLimit;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.source.SearchPathEntry;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.EvalStore;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.syntax.ParseException;
import org.modsvc.nix.syntax.StaticScope;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * The evaluator's front door: one evaluation, assembled from its sources' settings by {@link
 * #builder()}, run with {@link #run} on a deep stack, ending in a {@link Result} (the value or the
 * failure, the warnings, the files on disk it read). Every caller (the {@code eval} command, the
 * module configuration, the daemon) starts evaluations here, so the search path, the bundled
 * sources, the builtins, the file guard and the parse cache are put together in one place.
 *
 * <p>Not thread-safe: an evaluation runs on the thread {@link #run} gives it.
 */
public final class Evaluation {
  /**
   * Where the bundled sources (our lib as {@code <modsvc-lib>}, …) are answered, relative to the
   * user's search path. The two callers have always differed, and the difference is observable, so
   * each keeps its own.
   */
  public enum BundledPlacement {
    /**
     * After the search path, as Nix answers {@code <nix/…>} from inside its binary ({@code eval}):
     * {@code -I} and {@code NIX_PATH} may shadow them, {@code builtins.nixPath} lists only what the
     * user gave, and {@code builtins.findFile} finds them whatever list it is given.
     */
    AFTER_SEARCH_PATH,
    /**
     * Appended to the search path (the module configuration): earlier entries ({@code --lib})
     * shadow them, and {@code builtins.nixPath} lists them.
     */
    END_OF_SEARCH_PATH
  }

  /** The settings of one evaluation; {@link #start} makes it. */
  public static final class Builder {
    private EvalStore store;
    private final List<SearchPathEntry> searchPath = new ArrayList<>();
    private final List<BundledSources> bundled = new ArrayList<>();
    private BundledPlacement placement = BundledPlacement.AFTER_SEARCH_PATH;
    private Path homeDir = Path.of("/");
    private Set<String> experimentalFeatures = Set.of();
    private PrintStream diagnostics = System.err;
    private Integer maxCallDepth;
    private Map<String, String> lints = Map.of();
    private FileGuard fileGuard = FileGuard.NONE;
    private EvaluatorCache cache = EvaluatorCache.shared();
    private Boolean libPrimitives;
    private final Map<String, Value> globals = new LinkedHashMap<>();

    private Builder() {}

    /** The store to evaluate against (default: an in-memory {@code /nix/store}). */
    public Builder store(EvalStore store) {
      this.store = store;
      return this;
    }

    /** An in-memory store with this directory ({@code /nix/store} unless told otherwise). */
    public Builder storeDir(String dir) {
      this.store = new MemoryStore(dir);
      return this;
    }

    /** {@code -I}/{@code NIX_PATH} entries, in order. */
    public Builder searchPath(List<SearchPathEntry> entries) {
      searchPath.addAll(entries);
      return this;
    }

    /**
     * Sources shipped with modsvc, reachable as {@code <prefix>}, placed as {@code placement} says.
     */
    public Builder bundled(BundledPlacement placement, BundledSources... sources) {
      this.placement = placement;
      bundled.addAll(List.of(sources));
      return this;
    }

    /**
     * {@code nix-instantiate}'s bundled files: our lib ({@code <modsvc-lib>}) and the files Nix
     * answers from inside its binary ({@code <nix/fetchurl.nix>}), both after the search path.
     */
    public Builder ourLibAndNixFiles() {
      return bundled(
          BundledPlacement.AFTER_SEARCH_PATH, BundledSources.LIB, BundledSources.NIX_CORE);
    }

    /** Where {@code ~/…} path literals point. */
    public Builder homeDir(Path home) {
      this.homeDir = home;
      return this;
    }

    public Builder experimentalFeatures(Set<String> features) {
      this.experimentalFeatures = Set.copyOf(features);
      return this;
    }

    /**
     * Where warnings and traces are printed as they happen (they are also kept for the {@link
     * Result}).
     */
    public Builder diagnostics(PrintStream out) {
      this.diagnostics = out;
      return this;
    }

    public Builder maxCallDepth(int depth) {
      this.maxCallDepth = depth;
      return this;
    }

    /** Nix's literal lints, lint name → {@code warn}/{@code fatal}. */
    public Builder lints(Map<String, String> levels) {
      this.lints = Map.copyOf(levels);
      return this;
    }

    /** Who may have written the files the evaluation reads (system mode refuses others' files). */
    public Builder fileGuard(FileGuard guard) {
      this.fileGuard = guard;
      return this;
    }

    /**
     * The cache a long-lived caller keeps (default: the process's shared one); see {@link
     * EvaluatorCache}.
     */
    public Builder cache(EvaluatorCache cache) {
      this.cache = cache;
      return this;
    }

    /**
     * Whether the bundled lib uses its Java primitives (default) or their Nix reference definitions
     * (tests).
     */
    public Builder libPrimitives(boolean enabled) {
      this.libPrimitives = enabled;
      return this;
    }

    /** An extra global, visible as a builtin ({@code __modsvcHost}, …). */
    public Builder global(String name, Value value) {
      globals.put(name, value);
      return this;
    }

    public Evaluation start() {
      EvalStore s = store != null ? store : new MemoryStore("/nix/store");
      List<SearchPathEntry> path = new ArrayList<>(searchPath);
      List<SearchPathEntry> entries = new ArrayList<>();
      for (BundledSources b : bundled) entries.add(b.register(s));
      if (placement == BundledPlacement.END_OF_SEARCH_PATH) path.addAll(entries);
      EvalState state = new EvalState(s, path, homeDir, experimentalFeatures, diagnostics);
      state.setBuiltins(AllBuiltins.CATALOG);
      if (placement == BundledPlacement.AFTER_SEARCH_PATH) state.setBundledEntries(entries);
      if (maxCallDepth != null) state.setMaxCallDepth(maxCallDepth);
      state.setLints(lints);
      state.setFileGuard(fileGuard);
      state.setParseCache(cache.parseCache());
      if (libPrimitives != null) state.setLibPrimitives(libPrimitives);
      for (Map.Entry<String, Value> g : globals.entrySet())
        state.addGlobal(g.getKey(), g.getValue());
      return new Evaluation(state, List.copyOf(bundled), entries);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  private final EvalState state;

  /**
   * The bundled sources and their search-path entries, in parallel: lists, not a map keyed by the
   * record, whose {@code hashCode} would be bootstrapped through method handles at every start
   * (docs/benchmarks.md).
   */
  private final List<BundledSources> bundled;

  private final List<SearchPathEntry> bundledEntries;

  private Evaluation(
      EvalState state, List<BundledSources> bundled, List<SearchPathEntry> bundledEntries) {
    this.state = state;
    this.bundled = bundled;
    this.bundledEntries = List.copyOf(bundledEntries);
  }

  /**
   * The interpreter's state, for code that extends the evaluation from inside the evaluator's world
   * (the switcher's host package set adds globals and calls functions through it). Commands need
   * only this class.
   */
  public EvalState state() {
    return state;
  }

  /**
   * The search-path entry of a bundled source given to the builder ({@code <modsvc-modules>} → its
   * store path).
   */
  public SearchPathEntry bundledEntry(BundledSources sources) {
    for (int i = 0; i < bundled.size(); i++) {
      if (bundled.get(i) == sources) return bundledEntries.get(i);
    }
    throw new IllegalArgumentException("not bundled in this evaluation: " + sources.prefix());
  }

  public EvalStore store() {
    return state.store();
  }

  /**
   * Evaluates source text (a file's, or {@code «string»}/{@code «stdin»}) to weak head normal form.
   */
  public Value eval(Source source) {
    return state.evalSource(source);
  }

  /** Evaluates an expression given as text, relative to {@code baseDir}. */
  public Value evalExpr(String text, Path baseDir) {
    return state.evalSource(Source.ofString("«string»", text, baseDir));
  }

  /** Evaluates a file as {@code import} does (a directory means its {@code default.nix}). */
  public Value evalFile(Path file) {
    return state.evalFile(file);
  }

  /** Parses only, rejecting undefined variables as Nix's parser does ({@code --parse}). */
  public void parseOnly(Source source) {
    StaticScope.check(state.parse(source), StaticScope::isNixGlobal);
  }

  /**
   * Reads the file {@code file} as the evaluation's own first source: recorded among the files
   * read.
   */
  public Source readFile(Path file) throws java.io.IOException {
    state.noteRead(file);
    return Source.ofFile(
        file, java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
  }

  public Value call(Value fn, Value arg) {
    return state.call(fn, arg, Span.NONE);
  }

  /**
   * {@code nix-instantiate -A}: follows {@code attrPath} from {@code root}, auto-calling on the
   * way.
   */
  public Value select(String attrPath, NixAttrs autoArgs, Value root) {
    return Selection.findAlongAttrPath(state, attrPath, autoArgs, root);
  }

  /**
   * Calls a function with formals with the automatic ({@code --arg}) arguments, as {@code
   * nix-instantiate}.
   */
  public Value autoCall(NixAttrs autoArgs, Value v) {
    return Selection.autoCall(state, autoArgs, v);
  }

  /** {@code toString}-like coercion; paths are copied to the store when {@code copyToStore}. */
  public String coerceToString(Value v, boolean copyToStore) {
    return state.coerceToString(v, Span.NONE, false, copyToStore).value();
  }

  /**
   * Calls {@code builtins.name} on {@code v} and returns the string result ({@code toJSON}, {@code
   * toXML}).
   */
  public String callBuiltinToString(String name, Value v) {
    Value fn = state.builtins().get(name);
    if (fn == null) throw new IllegalStateException("builtins." + name + " is not available");
    return ((NixString) Thunk.force(state.call(fn, v, Span.NONE))).value();
  }

  /**
   * Every file and directory on disk the evaluation has read so far (our shipped sources excluded).
   */
  public SortedSet<Path> filesRead() {
    return state.filesRead();
  }

  /** The warnings printed so far. */
  public List<String> warnings() {
    return state.warnings();
  }

  /**
   * The files whose parsed code this evaluation used (see {@link EvaluatorCache#keepOnlyUsedBy}).
   */
  public Set<String> sourcesParsed() {
    return state.sourcesParsed();
  }

  /** Names of Nix's literal lints, for {@link Builder#lints}. */
  public static final String LINT_ABSOLUTE_PATHS = org.modsvc.nix.syntax.Lints.ABSOLUTE_PATHS;

  public static final String LINT_SHORT_PATHS = org.modsvc.nix.syntax.Lints.SHORT_PATHS;
  public static final String LINT_URLS = org.modsvc.nix.syntax.Lints.URLS;

  /** How an evaluation failed. */
  public enum FailureKind {
    EVAL,
    PARSE,
    STACK_OVERFLOW,
    OUT_OF_MEMORY
  }

  /**
   * A failed evaluation: a Nix error ({@link #evalError}), a syntax error ({@link #parseError}),
   * the thread stack exhausted, or the heap ({@link #memoryReport}).
   */
  public record Failure(FailureKind kind, Throwable cause) {
    public EvalException evalError() {
      return (EvalException) cause;
    }

    public ParseException parseError() {
      return (ParseException) cause;
    }

    /** What {@link MemoryLimit} measured, for an {@link FailureKind#OUT_OF_MEMORY} failure. */
    public String memoryReport() {
      return MemoryLimit.report();
    }

    /**
     * A Nix or syntax error as Nix prints it ({@link ErrorPrinter}): message, position, source line
     * and, with {@code showTrace}, the whole trace.
     */
    public String render(boolean showTrace) {
      return switch (kind) {
        case PARSE -> ErrorPrinter.renderParse(parseError().getMessage(), parseError().span());
        case EVAL -> ErrorPrinter.render(evalError(), showTrace);
        default -> throw new IllegalStateException("not a Nix error: " + kind);
      };
    }
  }

  /** The outcome of {@link #run}: the value or the failure, the warnings, and the files read. */
  public record Result<T>(
      Optional<T> value,
      Optional<Failure> failure,
      List<String> warnings,
      SortedSet<Path> filesRead) {
    public Result {
      warnings = List.copyOf(warnings);
      filesRead = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(filesRead));
    }

    public boolean ok() {
      return failure.isEmpty();
    }
  }

  /**
   * Runs {@code body} on a thread with a deep stack (see {@link DeepStack}); a Nix error, a syntax
   * error, a stack overflow or exhausted memory becomes the result's {@link Failure}; anything else
   * propagates.
   */
  public <T> Result<T> run(Function<Evaluation, T> body) {
    Body<T> b = DeepStack.call(new Body<>(this, body));
    return new Result<>(
        Optional.ofNullable(b.value), Optional.ofNullable(b.failure), warnings(), filesRead());
  }

  /**
   * What {@link #run} runs on the deep stack, and what came of it. A class rather than a lambda:
   * every lambda linked at start-up costs class generation the class-data archive does not save.
   */
  private static final class Body<T> implements java.util.function.Supplier<Body<T>> {
    private final Evaluation evaluation;
    private final Function<Evaluation, T> body;
    private T value;
    private Failure failure;

    Body(Evaluation evaluation, Function<Evaluation, T> body) {
      this.evaluation = evaluation;
      this.body = body;
    }

    @Override
    public Body<T> get() {
      try {
        value = body.apply(evaluation);
      } catch (EvalException e) {
        failure = new Failure(FailureKind.EVAL, e);
      } catch (ParseException e) {
        failure = new Failure(FailureKind.PARSE, e);
      } catch (StackOverflowError e) {
        failure = new Failure(FailureKind.STACK_OVERFLOW, e);
      } catch (OutOfMemoryError e) {
        failure = new Failure(FailureKind.OUT_OF_MEMORY, e);
      }
      return this;
    }
  }

  /**
   * A small expression with the common node kinds, so that parsing it loads what parsing modules
   * needs.
   */
  private static final String WARM_UP_SAMPLE =
      "let f = { a ? 1, ... }@args: args.a or (if a == 1 then [ \"s${toString a}\" ]"
          + " else { inherit a; b.c = rec { d = ./p; }; }); in f { } // { e = x: -x + 1; }";

  /**
   * Does the first-time costs of every evaluation (opening the jar's file system that holds our
   * lib, the SHA-256 provider that names it in the store, loading and linking the parser), for a
   * caller that has a spare core while it does something else (the command line's start). Leaves
   * behind only what an evaluation would have made itself; returns whether every step worked (a
   * failure only means the evaluation pays those costs itself).
   */
  public static boolean warmUp() {
    try {
      BundledSources.LIB.root();
      java.security.MessageDigest.getInstance("SHA-256").digest(new byte[1]);
      org.modsvc.nix.syntax.Parser.parse(
          Source.ofString("«preload»", WARM_UP_SAMPLE, Path.of("/")));
      return true;
    } catch (RuntimeException | java.security.GeneralSecurityException e) {
      return false;
    }
  }
}
