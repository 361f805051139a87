package org.modsvc.nix.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.ArchivedFiles;
import org.modsvc.nix.source.IoReason;
import org.modsvc.nix.source.SearchPathEntry;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.EvalStore;
import org.modsvc.nix.syntax.Expr;
import org.modsvc.nix.syntax.Parser;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Printer;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * One evaluation session: its settings (fixed before the first evaluation), the global scope with
 * {@code builtins}, its caches, a record of what it read and warned, and the operations every node
 * and builtin shares (function application, string coercion, file import, {@code findFile}). Made
 * by the front door ({@code org.modsvc.nix.Evaluation}). Not thread-safe: one evaluation runs on
 * one (large-stack) thread.
 */
public final class EvalState {
  // ---------------------------------------------------------------- settings (fixed before the
  // first evaluation)

  final EvalStore store;
  final List<SearchPathEntry> searchPath;

  /** Answered after {@link #searchPath} (see {@link #setBundledEntries}). */
  private List<SearchPathEntry> bundled = List.of();

  final Path homeDir;
  final Set<String> experimentalFeatures;

  /** Where warnings and traces are printed. */
  final PrintStream stderr;

  int maxCallDepth = 10000;
  private FileGuard fileGuard = FileGuard.NONE;
  private Map<String, String> lintLevels = Map.of();
  private Builtins.Catalog builtinCatalog;
  private boolean libPrimitives = true;

  /** Builtins registered by extension (e.g. the agent's host package set), name → value. */
  private final Map<String, Value> extraGlobals = new HashMap<>();

  /**
   * Set by the first evaluation: from then on the settings above that shape the global scope are
   * fixed.
   */
  private boolean sealed;

  // ---------------------------------------------------------------- the global scope (made by the
  // first evaluation)

  final Compiler compiler;
  Scope baseScope;
  Env baseEnv;
  NixAttrs builtins;
  private String[] globalNames;

  /** {@link #globalNames} as the key of compiled code (see {@link ParseCache.Parsed#compiled}). */
  private List<String> globalsKey;

  /** The global scope as a set, for {@code scopedImport}; made on first use. */
  private NixAttrs globalsCache;

  // ---------------------------------------------------------------- caches

  /** Parsed and compiled files shared with other evaluations (the owner's, or the process's). */
  private ParseCache parseCache = ParseCache.shared();

  /** This evaluation's imports: each file evaluated once. */
  private final Map<Path, Value> importCache = new HashMap<>();

  /**
   * {@code import}s by the path string written: resolving a path (normalising it, mapping the
   * store, asking the file system whether it is a directory) cost more than the import itself when
   * every service's module function imports the same helper files again.
   */
  private final Map<String, Value> importsByPathString = new HashMap<>();

  private final Map<Path, Node> compiledFiles = new HashMap<>();

  /** Source paths copied to the store, path → store path. */
  private final Map<String, String> copied = new HashMap<>();

  // ---------------------------------------------------------------- what the evaluation did (for
  // its result)

  private final Set<Path> filesRead = new HashSet<>();
  private final List<String> warnings = new java.util.ArrayList<>();

  /**
   * Names of the files whose code came from {@link #parseCache} (see {@link
   * ParseCache#retainOnly}).
   */
  private final Set<String> sourcesParsed = new HashSet<>();

  // ---------------------------------------------------------------- running

  int callDepth;

  public EvalState(
      EvalStore store,
      List<SearchPathEntry> searchPath,
      Path homeDir,
      Set<String> experimentalFeatures,
      PrintStream stderr) {
    this.store = store;
    this.searchPath = List.copyOf(searchPath);
    this.homeDir = homeDir;
    this.experimentalFeatures = Set.copyOf(experimentalFeatures);
    this.stderr = stderr;
    this.compiler = new Compiler();
  }

  public EvalStore store() {
    return store;
  }

  public List<SearchPathEntry> searchPath() {
    return searchPath;
  }

  public Path homeDir() {
    return homeDir;
  }

  public PrintStream stderr() {
    return stderr;
  }

  public boolean hasFeature(String f) {
    return experimentalFeatures.contains(f);
  }

  public void setMaxCallDepth(int depth) {
    this.maxCallDepth = depth;
  }

  public void setFileGuard(FileGuard guard) {
    this.fileGuard = guard;
  }

  public void setParseCache(ParseCache cache) {
    this.parseCache = cache;
  }

  /** The files whose parsed code this evaluation used (see {@link ParseCache#retainOnly}). */
  public Set<String> sourcesParsed() {
    return Set.copyOf(sourcesParsed);
  }

  public NixAttrs builtins() {
    ensureBase();
    return builtins;
  }

  /**
   * Adds a global before the first evaluation (e.g. {@code __modsvcHost}); visible as a builtin.
   */
  public void addGlobal(String name, Value value) {
    if (sealed) throw new IllegalStateException("globals are fixed once evaluation started");
    extraGlobals.put(name, value);
  }

  /**
   * The builtins this evaluation installs; required before the first evaluation (the front door
   * sets it).
   */
  public void setBuiltins(Builtins.Catalog catalog) {
    if (sealed) throw new IllegalStateException("globals are fixed once evaluation started");
    this.builtinCatalog = catalog;
  }

  /**
   * Whether the bundled lib gets the Java implementations of its hot paths ({@code
   * org.modsvc.nix.lib}); off, it runs their Nix reference definitions, which tests use to check
   * that both agree.
   */
  public void setLibPrimitives(boolean enabled) {
    if (sealed) throw new IllegalStateException("globals are fixed once evaluation started");
    this.libPrimitives = enabled;
  }

  public boolean libPrimitives() {
    return libPrimitives;
  }

  private void ensureBase() {
    if (baseEnv != null) return;
    sealed = true;
    if (builtinCatalog == null)
      throw new IllegalStateException("no builtins installed (see setBuiltins)");
    Builtins.Globals g = Builtins.install(this, builtinCatalog, extraGlobals);
    builtins = g.builtins();
    globalNames = g.names();
    globalsKey = List.of(globalNames);
    baseScope = Scope.lexical(null, g.names());
    baseEnv = new Env(this, g.values());
  }

  // ---------------------------------------------------------------- parsing and evaluation entry
  // points

  /**
   * Enables Nix's literal lints ({@code absolute-path-literals} → {@code warn}/{@code fatal}, …).
   */
  public void setLints(Map<String, String> levels) {
    this.lintLevels = Map.copyOf(levels);
  }

  /**
   * Parses without the parser's own variable check: {@link Compiler} resolves variables against the
   * real scope.
   */
  public Expr parse(Source source) {
    return linted(Parser.parse(source, homeDir, null));
  }

  /**
   * A file's code: parsed at most once per {@link ParseCache} for the same text and compiled once
   * per layout of the global scope; the lints still speak on every evaluation.
   */
  private Node compiledFile(Source file) {
    ParseCache.Parsed parsed =
        parseCache.parse(
            file, homeDir, path -> store.realPath(path).orElseGet(() -> Path.of(path)));
    sourcesParsed.add(file.name());
    linted(parsed.tree());
    return parsed.compiled(globalsKey, tree -> compiler.compileTop(tree, baseScope));
  }

  private Expr linted(Expr tree) {
    org.modsvc.nix.syntax.Lints.check(tree, lintLevels, this::warn);
    return tree;
  }

  /** Evaluates source text to weak head normal form. */
  public Value evalSource(Source source) {
    ensureBase();
    Node node =
        source.file() != null
            ? compiledFile(source)
            : compiler.compileTop(parse(source), baseScope);
    return node.eval(baseEnv);
  }

  /** Evaluates a file (a directory means its {@code default.nix}), cached like {@code import}. */
  public Value evalFile(Path file) {
    return importFile(file, Span.NONE);
  }

  /**
   * {@code import path}: as {@link #importFile(Path, Span)}, remembering the value by the path
   * string, so that importing the same string again within this evaluation skips resolving it.
   */
  public Value importFile(String path, Span span) {
    Value cached = importsByPathString.get(path);
    if (cached != null) return cached;
    Value v = importFile(Path.of(path), span);
    importsByPathString.put(path, v);
    return v;
  }

  public Value importFile(Path file, Span span) {
    ensureBase();
    Path p = resolveImportPath(file);
    Value cached = importCache.get(p);
    if (cached != null) return cached;
    Node node = compileFile(p, span);
    Value v = node.eval(baseEnv);
    importCache.put(p, v);
    return v;
  }

  private Node compileFile(Path p, Span span) {
    Node node = compiledFiles.get(p);
    if (node == null) {
      node = compiledFile(readSource(p, span));
      compiledFiles.put(p, node);
    }
    return node;
  }

  /**
   * {@code scopedImport attrs path}: free variables are looked up in {@code attrs} first, then
   * globals.
   */
  public Value scopedImport(NixAttrs scope, Path file, Span span) {
    ensureBase();
    Path p = resolveImportPath(file);
    Source src = readSource(p, span);
    // Frame 0 (innermost with) holds the overrides, frame 1 the global builtins as a set.
    Scope s = Scope.with(Scope.with(null));
    Node node = compiler.compileTop(parse(src), s);
    Env globalsEnv = new Env(this, new Value[] {globalsAsAttrs()});
    Env env = new Env(globalsEnv, (Value) scope);
    return node.eval(env);
  }

  /** The global scope as a set, built from the same names and values as the lexical base frame. */
  private NixAttrs globalsAsAttrs() {
    if (globalsCache == null) {
      NixAttrs.Builder b = NixAttrs.builder(globalNames.length);
      for (String n : globalNames) b.put(n, baseEnv.get(baseScope.slotOf(n)));
      globalsCache = b.build();
    }
    return globalsCache;
  }

  private Path resolveImportPath(Path file) {
    Path p = file.toAbsolutePath().normalize();
    Path real = store.realPath(p.toString()).orElse(p);
    if (Files.isDirectory(real)) {
      p = p.resolve("default.nix");
    }
    return p;
  }

  private Source readSource(Path p, Span span) {
    String storeText = store.textContent(p.toString()).orElse(null);
    if (storeText != null) return Source.ofFile(p, storeText);
    Path real = store.realPath(p.toString()).orElse(p);
    noteRead(real);
    checkReadable(real, p.toString(), span);
    try {
      return Source.ofFile(p, ArchivedFiles.text(real));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new EvalException("path '" + p + "' does not exist", span);
    } catch (IOException e) {
      throw new EvalException("cannot read '" + p + "': " + IoReason.of(e), span);
    }
  }

  // ---------------------------------------------------------------- function application

  /** Applies a function value to one (lazy) argument. */
  public Value call(Value fn, Value arg, Span span) {
    fn = Thunk.force(fn);
    if (fn instanceof Lambda lam) {
      return callLambda(lam, arg, span);
    }
    if (fn instanceof PrimOp p) {
      if (p.arity() == 1) return p.call(new Value[] {arg}, span);
      return new PrimOpApp(p, new Value[] {arg});
    }
    if (fn instanceof PrimOpApp app) {
      Value[] prev = app.args();
      Value[] args = new Value[prev.length + 1];
      System.arraycopy(prev, 0, args, 0, prev.length);
      args[prev.length] = arg;
      if (args.length == app.primOp().arity()) return app.primOp().call(args, span);
      return new PrimOpApp(app.primOp(), args);
    }
    if (fn instanceof NixAttrs a) {
      Value functor = a.get("__functor");
      if (functor != null) {
        return call(call(functor, a, span), arg, span);
      }
    }
    throw new EvalException(
        "attempt to call something which is not a function but "
            + Types.showType(fn)
            + ": "
            + Printer.forError(fn),
        span);
  }

  /** Applies a function to several arguments, calling a builtin directly when they complete it. */
  public Value call(Value fn, Value[] args, Span span) {
    fn = Thunk.force(fn);
    if (fn instanceof PrimOp p && p.arity() == args.length) return p.call(args, span);
    Value r = fn;
    for (Value a : args) r = call(r, a, span);
    return r;
  }

  public Value call(Value fn, Value a, Value b, Span span) {
    fn = Thunk.force(fn);
    if (fn instanceof PrimOp p && p.arity() == 2) return p.call(new Value[] {a, b}, span);
    return call(call(fn, a, span), b, span);
  }

  private Value callLambda(Lambda lam, Value arg, Span span) {
    return callCode(lam.code, lam.env, arg, span);
  }

  /**
   * Calls the function {@code code} closed over {@code closure}: a {@link Lambda} not necessarily
   * allocated.
   */
  Value callCode(LambdaNode code, Env closure, Value arg, Span span) {
    MemoryLimit.check();
    if (++callDepth > maxCallDepth) {
      callDepth = 0;
      throw new EvalException("stack overflow; max-call-depth exceeded", span);
    }
    try {
      return code.invoke(closure, arg, span);
    } catch (EvalException e) {
      e.addTrace(code.callTrace(), code.span);
      // Nix names every call site it traces; a call from outside any Nix code has none to name.
      if (span != null && span.isKnown()) e.addTrace("from call site", span);
      throw e;
    } finally {
      if (callDepth > 0) callDepth--;
    }
  }

  // ---------------------------------------------------------------- coercions

  /**
   * Nix's {@code coerceToString}: strings as they are; paths copied to the store (when copyToStore)
   * or as text; sets through {@code __toString} or {@code outPath}; with {@code coerceMore} also
   * numbers, Booleans, null and lists (space-separated), as {@code toString} and derivation
   * attributes allow.
   */
  public NixString coerceToString(Value v, Span span, boolean coerceMore, boolean copyToStore) {
    v = Thunk.force(v);
    if (v instanceof NixString s) return s;
    if (v instanceof NixPath p) {
      if (copyToStore) {
        String sp = copyPathToStore(p.path(), span);
        return new NixString(sp, Set.of(sp));
      }
      return NixString.of(p.path());
    }
    if (v instanceof NixAttrs a) {
      Value f = a.get("__toString");
      if (f != null) {
        return coerceToString(call(f, a, span), span, coerceMore, copyToStore);
      }
      Value out = a.get("outPath");
      if (out != null) return coerceToString(out, span, coerceMore, copyToStore);
    }
    if (coerceMore) {
      if (v instanceof NixInt i) return NixString.of(Long.toString(i.value()));
      if (v instanceof NixFloat f)
        return NixString.of(org.modsvc.nix.format.FloatFormat.toNixString(f.value()));
      if (v instanceof NixBool b) return NixString.of(b.value() ? "1" : "");
      if (v instanceof NixNull) return NixString.EMPTY;
      if (v instanceof NixList l) {
        StringBuilder sb = new StringBuilder();
        Set<String> ctx = null;
        Value[] items = l.items();
        for (int i = 0; i < items.length; i++) {
          NixString s = coerceToString(items[i], span, true, copyToStore);
          sb.append(s.value());
          if (s.hasContext()) {
            if (ctx == null) ctx = new LinkedHashSet<>();
            ctx.addAll(s.context());
          }
          Value item = Thunk.force(items[i]);
          if (i < items.length - 1 && !(item instanceof NixList l2 && l2.size() == 0))
            sb.append(' ');
        }
        return new NixString(sb.toString(), ctx);
      }
    }
    throw new EvalException(
        "cannot coerce " + Types.showType(v) + " to a string: " + Printer.forError(v), span);
  }

  /**
   * Refuses to read {@code real} (shown as {@code shown}) when the {@link FileGuard} objects, or
   * when it is neither a regular file nor a directory once links are followed: a device or FIFO
   * ({@code /dev/zero}, {@code /dev/urandom}) never ends and would fill the memory, so Nix refuses
   * them too. A missing file or a directory is left to the reader, which says so in its own words.
   */
  public void checkReadable(Path real, String shown, Span span) {
    if (ArchivedFiles.contains(real)) return;
    java.nio.file.attribute.BasicFileAttributes a = null;
    try {
      a = Files.readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (IOException e) {
      // missing or unreadable: the reader says so
    }
    if (a != null && !a.isRegularFile() && !a.isDirectory()) {
      throw new EvalException(
          "file '" + shown + "' has an unsupported type (not a regular file or directory)", span);
    }
    String refusal = fileGuard.refusal(real.toAbsolutePath());
    if (refusal != null) throw new EvalException(refusal, span);
  }

  /**
   * {@link #checkReadable} for a path copied into the store: with a guard installed, every entry of
   * a directory is checked too (links are stored as links, not followed); special files inside a
   * directory are refused by the archiver.
   */
  public void checkTree(Path real, String shown, Span span) {
    checkReadable(real, shown, span);
    if (fileGuard == FileGuard.NONE || ArchivedFiles.contains(real) || !Files.isDirectory(real))
      return;
    try (java.util.stream.Stream<Path> s = Files.walk(real)) {
      for (Path entry : (Iterable<Path>) s::iterator) {
        String refusal = fileGuard.refusal(entry.toAbsolutePath());
        if (refusal != null) throw new EvalException(refusal, span);
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      // unreadable entries are reported by the copy itself
    }
  }

  /** Copies a source path into the store once per evaluation; returns the store path. */
  public String copyPathToStore(String path, Span span) {
    if (store.isStorePath(path)) return path;
    String done = copied.get(path);
    if (done != null) return done;
    Path p = Path.of(path);
    Path real = store.realPath(path).orElse(p);
    noteRead(real);
    if (!Files.exists(real, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new EvalException("path '" + path + "' does not exist", span);
    }
    checkTree(real, path, span);
    String name = p.getFileName() == null ? "source" : p.getFileName().toString();
    String sp = store.addPath(real, name, true, null);
    copied.put(path, sp);
    return sp;
  }

  /**
   * Coerces to an absolute path string (for {@code readFile}, {@code import} …): paths, or strings
   * starting with {@code /}.
   */
  public String coerceToPath(Value v, Span span) {
    v = Thunk.force(v);
    if (v instanceof NixPath p) return p.path();
    NixString s = coerceToString(v, span, false, false);
    if (!s.value().startsWith("/")) {
      throw new EvalException(
          "string '" + s.value() + "' doesn't represent an absolute path", span);
    }
    return s.value();
  }

  /**
   * Records that the evaluation read, listed, hashed, copied or looked for {@code real}, a path on
   * disk (our own shipped sources are not recorded: they cannot change while the process runs). A
   * path looked for but missing is recorded too: creating it changes the result.
   */
  public void noteRead(Path real) {
    if (ArchivedFiles.contains(real)) return;
    Path p = real.toAbsolutePath().normalize();
    if (!ArchivedFiles.isShipped(p)) filesRead.add(p);
  }

  /** Every path {@link #noteRead} recorded so far, sorted. */
  public java.util.SortedSet<Path> filesRead() {
    return new java.util.TreeSet<>(filesRead);
  }

  /** Prints {@code warning: message}, as Nix does, and keeps it for {@link #warnings}. */
  public void warn(String message) {
    stderr.println("warning: " + message);
    warnings.add(message);
  }

  /**
   * {@code builtins.warn}: printed as {@code evaluation warning: message}, kept for {@link
   * #warnings}.
   */
  public void evaluationWarning(String message) {
    stderr.println("evaluation warning: " + message);
    warnings.add(message);
  }

  /** The warnings printed so far, in order. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  // ---------------------------------------------------------------- search path

  /**
   * Directories shipped with modsvc (our lib as {@code <modsvc-lib>}, Nix's {@code
   * <nix/fetchurl.nix>}), answered after the search path, as Nix answers {@code <nix/…>} from
   * inside its binary: {@code -I} and {@code NIX_PATH} can still put something else in their place,
   * and {@code __nixPath} lists only what the user gave.
   */
  public void setBundledEntries(List<SearchPathEntry> entries) {
    this.bundled = List.copyOf(entries);
  }

  /**
   * {@code __findFile}: resolves {@code <prefix/rest>} against the search path, then the bundled
   * entries.
   */
  public Value findFile(NixList searchPathList, String lookup, Span span) {
    for (Value entry : searchPathList.items()) {
      NixAttrs e = Types.attrs(entry, span);
      Value pv = e.get("path");
      Value prefixV = e.get("prefix");
      if (pv == null) throw new EvalException("attribute 'path' missing", span);
      String prefix = prefixV == null ? "" : Types.plainString(prefixV, span);
      String rest = restAfter(prefix, lookup);
      if (rest == null) continue;
      Path found = existing(coerceToString(pv, span, false, false).value(), rest);
      if (found != null) return new NixPath(found.toString());
    }
    for (SearchPathEntry b : bundled) {
      String rest = restAfter(b.prefix(), lookup);
      Path found = rest == null ? null : existing(b.path(), rest);
      if (found != null) return new NixPath(found.toString());
    }
    // Catchable by tryEval, as in Nix (`(builtins.tryEval <missing>).success` is false).
    throw new org.modsvc.nix.error.ThrownError(
        "file '" + lookup + "' was not found in the Nix search path (add it using $NIX_PATH or -I)",
        span);
  }

  /**
   * What a search-path entry with {@code prefix} leaves of {@code lookup} to find under its path,
   * or null.
   */
  private static String restAfter(String prefix, String lookup) {
    if (prefix.isEmpty()) return lookup;
    if (lookup.equals(prefix)) return "";
    return lookup.startsWith(prefix + "/") ? lookup.substring(prefix.length() + 1) : null;
  }

  /**
   * {@code base/rest} when it names a file: on disk, or in the store (sources read from the jar,
   * files from toFile); else null.
   */
  private Path existing(String base, String rest) {
    Path p =
        (rest.isEmpty() ? Path.of(base) : Path.of(base).resolve(rest)).toAbsolutePath().normalize();
    String s = p.toString();
    boolean exists =
        Files.exists(p)
            || store.realPath(s).map(Files::exists).orElse(false)
            || store.textContent(s).isPresent();
    return exists ? p : null;
  }

  /** The {@code __nixPath} list: {@code [ { prefix; path; } … ]}. */
  public NixList nixPathValue() {
    Value[] items = new Value[searchPath.size()];
    for (int i = 0; i < items.length; i++) {
      SearchPathEntry e = searchPath.get(i);
      items[i] =
          NixAttrs.builder(2)
              .put("path", new Thunk(() -> NixString.of(e.path())))
              .put("prefix", NixString.of(e.prefix()))
              .build();
    }
    return new NixList(items);
  }

  static Set<String> unionContext(Set<String> a, Set<String> b) {
    if (a.isEmpty()) return b;
    if (b.isEmpty()) return a;
    Set<String> r = new HashSet<>(a);
    r.addAll(b);
    return r;
  }
}
