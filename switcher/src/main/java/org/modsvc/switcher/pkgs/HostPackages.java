package org.modsvc.switcher.pkgs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.StoreException;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;
import org.modsvc.switcher.pkgs.formats.FormatSerializers;

/**
 * Builds the {@code pkgs} module argument of a host without Nix (docs/decisions.md §3): the Nix code in
 * {@code modsvc-modules/pkgs/} gets primitives only it can reach (they are not builtins), and
 * every name it does not define is answered as a host package through {@link NixAttrs#withFallback}.
 */
public final class HostPackages {
  /** The Nix half, added to the store under its own name (errors and traces name files under it). */
  public static final BundledSources SOURCES = new BundledSources("modsvc-pkgs", "/modsvc-modules/pkgs", "default.nix");
  /**
   * Names that are never packages: the attributes by which Nix code and the evaluator recognise what
   * a set is ({@code x.type == "derivation"}, {@code x ? outPath}, {@code x._type}, {@code __functor},
   * {@code __toString} …). Answering them would make {@code pkgs} look like a derivation or a function.
   */
  private static final Set<String> NOT_PACKAGES = Set.of("type", "outPath", "drvPath", "_type");

  private HostPackages() {}

  /**
   * The host package set. {@code lib} becomes {@code pkgs.lib} and gives {@code pkgs.formats} its
   * option types; {@code pathDirs} is the {@code PATH} host packages are looked up in (lazily, when a
   * package's path is used). Files the writers create go to {@code state}'s store.
   */
  public static Value create(EvalState state, Value lib, List<Path> pathDirs) {
    return create(state, lib, pathDirs, HostBuilder.unavailable("nothing can be built here"));
  }

  /** {@link #create(EvalState, Value, List)} whose trivial builders ({@code pkgs.runCommand} …) run with {@code builder}. */
  public static Value create(EvalState state, Value lib, List<Path> pathDirs, HostBuilder builder) {
    PathSearch search = new PathSearch(pathDirs);
    NixAttrs args = NixAttrs.builder(6)
        .put("lib", lib)
        .put("packagePrefix", new PrimOp("packagePrefix", 2, (a, sp) -> packagePrefix(search, a, sp)))
        .put("addTextFile", new PrimOp("addTextFile", 1, (a, sp) -> addTextFile(state, a[0], sp)))
        .put("serialize", new PrimOp("serialize", 3, (a, sp) -> serialize(state, a, sp)))
        .put("runBuild", new PrimOp("runBuild", 1, (a, sp) -> RunBuildPrimitive.runBuild(state, builder, a[0], sp)))
        .put("system", NixString.of(system()))
        .build();
    String sources = SOURCES.register(state.store()).path();
    Value f = state.evalFile(Path.of(sources, "default.nix"));
    NixAttrs result = Types.attrs(state.call(f, args, Span.NONE), Span.NONE);
    NixAttrs pkgs = Types.attrs(Thunk.force(result.get("pkgs")), Span.NONE);
    Value hostPackage = result.get("hostPackage");
    Map<String, Value> answered = new HashMap<>();
    return pkgs.withFallback(name -> {
      if (NOT_PACKAGES.contains(name) || name.startsWith("__")) return null;
      return answered.computeIfAbsent(name, n -> new Thunk(() ->
          state.call(hostPackage, NixAttrs.builder(1).put("name", NixString.of(n)).build(), Span.NONE)));
    });
  }

  /** {@link #create} with the directories of this process's {@code PATH}. */
  public static Value create(EvalState state, Value lib) {
    return create(state, lib, PathSearch.of(System.getenv("PATH")).dirs());
  }

  private static Value packagePrefix(PathSearch search, Value[] a, Span sp) {
    String name = Types.plainString(a[0], sp);
    String program = Types.plainString(a[1], sp);
    return search.prefixOf(program)
        .map(p -> (Value) NixString.of(p.toString()))
        .orElseThrow(() -> new EvalException(search.notFoundMessage(name, program), sp));
  }

  /** {@code { name, text, executable, destination }} to a store path carrying itself as context. */
  private static Value addTextFile(EvalState state, Value arg, Span sp) {
    NixAttrs a = Types.attrs(arg, sp);
    String name = Types.plainString(required(a, "name", sp), sp);
    NixString text = state.coerceToString(required(a, "text", sp), sp, false, true);
    boolean executable = Types.bool(required(a, "executable", sp), sp);
    String destination = Types.plainString(required(a, "destination", sp), sp);
    TreeSet<String> references = new TreeSet<>();
    for (String c : text.context()) {
      if (c.startsWith("=") || c.startsWith("!")) {
        throw new EvalException("the text of '" + name + "' refers to the output of a derivation (" + c
            + "), which cannot be built on a host without Nix", sp);
      }
      references.add(c);
    }
    try {
      String p = state.store().addTextFile(name, text.value(), executable, destination, references);
      return new NixString(p, Set.of(p));
    } catch (StoreException e) {
      throw new EvalException(e.getMessage(), sp);
    }
  }

  /**
   * {@code serialize format optionsJson valueJson}: the text a {@code pkgs.formats} tool writes,
   * carrying the value's string context (store paths in the value stay references of the file).
   */
  private static Value serialize(EvalState state, Value[] a, Span sp) {
    String format = Types.plainString(a[0], sp);
    String options = Types.plainString(a[1], sp);
    NixString value = state.coerceToString(a[2], sp, false, false);
    try {
      return new NixString(FormatSerializers.serialize(format, options, value.value()), value.context());
    } catch (IllegalArgumentException e) {
      throw new EvalException("pkgs.formats: " + e.getMessage(), sp);
    }
  }

  private static Value required(NixAttrs a, String key, Span sp) {
    Value v = a.get(key);
    if (v == null) throw new EvalException("attribute '" + key + "' missing", sp);
    return v;
  }

  /** Nix's system name of this machine ({@code x86_64-linux}, {@code aarch64-linux} …). */
  static String system() {
    String arch = System.getProperty("os.arch");
    String nixArch = switch (arch) {
      case "amd64", "x86_64" -> "x86_64";
      case "aarch64", "arm64" -> "aarch64";
      case "x86", "i386", "i686" -> "i686";
      default -> arch;
    };
    return nixArch + "-linux";
  }
}
