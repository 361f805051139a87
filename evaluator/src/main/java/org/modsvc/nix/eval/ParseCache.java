package org.modsvc.nix.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.modsvc.nix.source.ArchivedFiles;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.syntax.Expr;
import org.modsvc.nix.syntax.Parser;

/**
 * Syntax trees of files and the code compiled from them, made at most once per cache for the same
 * text and, where the machine has a spare core, parsed ahead of the evaluation that needs them.
 *
 * <p>Ownership: a long-lived caller (the agent's daemon) creates one cache and hands it to every
 * evaluation ({@code Evaluation.Builder.parseCache}); after each evaluation it calls {@link
 * #retainOnly} with the sources that evaluation used, so the cache stays warm for what the
 * configuration reads and does not grow with what it stopped reading. One-shot callers and tests
 * share {@link #shared()}, bounded by {@link #MAX_ENTRIES} and never pruned.
 *
 * <p>Caching: trees are keyed by path and home directory (which {@code ~/} paths depend on) and
 * kept with the text they came from, so an edited file is parsed afresh. The agent re-evaluates the
 * same configuration on every change, and most of it — our lib, the built-in modules, unchanged
 * user modules — is the same text every time: parsing it again was about a tenth of a warm
 * evaluation, compiling it another twentieth. Trees and compiled code are shared by all evaluations
 * (see {@link Parsed}).
 *
 * <p>Parsing ahead: a configuration names the files it imports as path literals ({@code imports = [
 * ./a.nix ];}, our lib's {@code ./modules.nix}). When a file has been parsed, the {@code .nix}
 * files and directories its plain path literals name are parsed on a background thread while
 * evaluation goes on; an evaluation that then imports one takes the finished tree (or waits for the
 * one being parsed) instead of parsing it itself. In a fresh process parsing runs unoptimised and
 * was a quarter of a large evaluation (1.3 MB of modules). Parsing ahead is only a guess: the
 * evaluation compares the text it read itself with the text the tree came from, and parses itself
 * (and reports any syntax error) whenever the guess is missing, failed or stale.
 */
public final class ParseCache {
  private static final ParseCache SHARED = new ParseCache();

  /** The cache of callers that keep none of their own (one-shot commands, tests). */
  public static ParseCache shared() {
    return SHARED;
  }

  /**
   * Far above any real configuration; beyond it the cache starts over rather than grow without
   * bound.
   */
  private static final int MAX_ENTRIES = 4096;

  /**
   * The parser recurses per nesting level; deep expressions need the stack the evaluation thread
   * has.
   */
  private static final long PARSER_STACK_BYTES = 256L << 20;

  private record Key(String path, Path homeDir) {
    // Written out: a record's generated equals/hashCode are bootstrapped through method handles on
    // first use,
    // ~10 ms of every start (this is the first record any evaluation hashes).
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && path.equals(k.path)
          && java.util.Objects.equals(homeDir, k.homeDir);
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + java.util.Objects.hashCode(homeDir);
    }
  }

  /**
   * A tree, the text it was parsed from, and the code compiled from it per layout of the global
   * scope (slot numbers depend on which builtins exist). Compiled code holds no evaluation of its
   * own (see {@link Env#state}), so every evaluation of the file in this process runs the same
   * code; it is dropped with the tree.
   */
  record Parsed(String text, Expr tree, Map<List<String>, Node> compiled) {
    Parsed(String text, Expr tree) {
      this(text, tree, new ConcurrentHashMap<>());
    }

    /**
     * The code for {@code tree} under the global names {@code globals}, compiled by {@code compile}
     * once.
     */
    Node compiled(List<String> globals, Function<Expr, Node> compile) {
      Node node = compiled.get(globals);
      if (node == null) {
        node = compile.apply(tree);
        compiled.put(globals, node);
      }
      return node;
    }
  }

  /**
   * Completes with the parse, or with null when parsing ahead failed (the evaluation then parses
   * itself).
   */
  private final Map<Key, CompletableFuture<Parsed>> trees = new ConcurrentHashMap<>();

  /** The parse-ahead thread (it ends after 5 idle seconds), or null without a spare core. */
  private final Executor ahead;

  /** Files queued or being parsed ahead; {@link #awaitParsingAhead} waits for zero. */
  private final AtomicInteger pendingAhead = new AtomicInteger();

  /** A cache that parses ahead where the machine has a spare core. */
  public ParseCache() {
    this(Runtime.getRuntime().availableProcessors() > 1);
  }

  public ParseCache(boolean parseAhead) {
    this.ahead = parseAhead ? parserThread() : null;
  }

  /**
   * The tree of {@code file}, from the cache when it holds one for the same text, otherwise parsed
   * here (syntax errors propagate). The files its path literals name are then parsed ahead, read
   * through {@code realFile} (a logical path, as {@code import} resolves it, to the file that holds
   * its text, e.g. inside the jar).
   */
  Parsed parse(Source file, Path homeDir, Function<String, Path> realFile) {
    Key key = new Key(file.name(), homeDir);
    CompletableFuture<Parsed> known = trees.get(key);
    if (known != null) {
      Parsed parsed = known.join();
      if (parsed != null && parsed.text().equals(file.text())) return parsed;
    }
    List<String> literals = new ArrayList<>();
    Parsed parsed = new Parsed(file.text(), Parser.parse(file, homeDir, null, literals::add));
    remember(key, CompletableFuture.completedFuture(parsed));
    parseAhead(literals, homeDir, realFile);
    return parsed;
  }

  /** Whether this cache parses files ahead (there is a spare core). */
  boolean parsesAhead() {
    return ahead != null;
  }

  /**
   * The tree known for {@code path}, waiting for one being parsed ahead; null if none (or it
   * failed).
   */
  Expr known(String path, Path homeDir) {
    CompletableFuture<Parsed> known = trees.get(new Key(path, homeDir));
    Parsed parsed = known == null ? null : known.join();
    return parsed == null ? null : parsed.tree();
  }

  private void remember(Key key, CompletableFuture<Parsed> tree) {
    if (trees.size() >= MAX_ENTRIES) trees.clear();
    trees.put(key, tree);
  }

  private void parseAhead(List<String> literals, Path homeDir, Function<String, Path> realFile) {
    if (ahead == null) return;
    for (String literal : literals) {
      Path real = realFile.apply(literal);
      pendingAhead.incrementAndGet();
      ahead.execute(
          () -> {
            try {
              parseAhead(literal, real, homeDir, realFile);
            } finally {
              if (pendingAhead.decrementAndGet() == 0) {
                synchronized (pendingAhead) {
                  pendingAhead.notifyAll();
                }
              }
            }
          });
    }
  }

  /**
   * On the background thread: what {@code import literal} would parse, if it is a Nix file not
   * known yet.
   */
  private void parseAhead(
      String literal, Path real, Path homeDir, Function<String, Path> realFile) {
    Path logical = Path.of(literal).normalize();
    if (Files.isDirectory(real)) {
      logical = logical.resolve("default.nix");
      real = real.resolve("default.nix");
    } else if (!literal.endsWith(".nix")) {
      return;
    }
    if (!Files.isRegularFile(real)) return;
    CompletableFuture<Parsed> pending = new CompletableFuture<>();
    Key key =
        new Key(
            logical.toAbsolutePath().normalize().toString(), homeDir); // as Source.ofFile names it
    if (trees.putIfAbsent(key, pending) != null) return;
    Parsed parsed = null;
    List<String> literals = new ArrayList<>();
    try {
      Source source = Source.ofFile(logical, ArchivedFiles.text(real));
      parsed = new Parsed(source.text(), Parser.parse(source, homeDir, null, literals::add));
    } catch (Exception | StackOverflowError e) {
      // Not ours to report: the evaluation parses the file itself if it imports it, and says what
      // is wrong.
      literals.clear();
    } finally {
      pending.complete(parsed);
    }
    if (parsed == null) trees.remove(key, pending);
    parseAhead(literals, homeDir, realFile);
  }

  /** Waits until nothing is queued or being parsed ahead (tests order their steps on it). */
  void awaitParsingAhead() throws InterruptedException {
    synchronized (pendingAhead) {
      while (pendingAhead.get() > 0) pendingAhead.wait();
    }
  }

  /**
   * Forgets every file whose source name is not in {@code sourceNames} (what the last evaluation
   * parsed, see {@code EvalState.sourcesParsed}), so a long-lived owner keeps only what its
   * configuration still reads.
   */
  public void retainOnly(Collection<String> sourceNames) {
    java.util.Set<String> keep = new HashSet<>(sourceNames);
    trees.keySet().removeIf(k -> !keep.contains(k.path));
  }

  /** How many files the cache holds. */
  public int size() {
    return trees.size();
  }

  private static Executor parserThread() {
    return new ThreadPoolExecutor(
        0,
        1,
        5,
        TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(),
        r -> {
          Thread t = new Thread(null, r, "nix-parse-ahead", PARSER_STACK_BYTES);
          t.setDaemon(true);
          return t;
        });
  }
}
