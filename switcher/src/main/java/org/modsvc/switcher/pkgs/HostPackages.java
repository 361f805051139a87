package org.modsvc.switcher.pkgs;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.StoreException;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;
import org.modsvc.switcher.pkgs.formats.FormatSerializers;

/**
 * Builds the {@code pkgs} module argument of a host without Nix (docs/decisions.md §3): the Nix
 * code in {@code modsvc-modules/pkgs/} gets primitives only it can reach (they are not builtins),
 * and every name it does not define is answered as a host package through {@link
 * NixAttrs#withFallback}.
 */
public final class HostPackages {
  /**
   * The Nix half, added to the store under its own name (errors and traces name files under it).
   */
  public static final BundledSources SOURCES =
      new BundledSources("modsvc-pkgs", "/modsvc-modules/pkgs", "default.nix");

  /**
   * Names that are never packages: the attributes by which Nix code and the evaluator recognise
   * what a set is ({@code x.type == "derivation"}, {@code x ? outPath}, {@code x._type}, {@code
   * __functor}, {@code __toString} …). Answering them would make {@code pkgs} look like a
   * derivation or a function.
   */
  private static final Set<String> NOT_PACKAGES = Set.of("type", "outPath", "drvPath", "_type");

  /**
   * {@code pkgs.__withHostPackageOverrides overrides}: the same set, its packages shaped by {@code
   * overrides}.
   */
  public static final String WITH_OVERRIDES = "__withHostPackageOverrides";

  private HostPackages() {}

  /**
   * The host package set. {@code lib} becomes {@code pkgs.lib} and gives {@code pkgs.formats} its
   * option types; a package's tree is made (lazily, when its path is used) from the Debian packages
   * installed under {@code dpkgRoot} ({@code --root}: an image's own database) and the programs on
   * {@code pathDirs}. Files the writers create go to {@code state}'s store.
   */
  public static Value create(EvalState state, Value lib, List<Path> pathDirs, Path dpkgRoot) {
    return create(
        state, lib, pathDirs, dpkgRoot, HostBuilder.unavailable("nothing can be built here"));
  }

  /**
   * {@link #create(EvalState, Value, List, Path)} whose trivial builders ({@code pkgs.runCommand}
   * …) run with {@code builder}.
   */
  public static Value create(
      EvalState state, Value lib, List<Path> pathDirs, Path dpkgRoot, HostBuilder builder) {
    return create(
        state, lib, new PathSearch(pathDirs), new DpkgDatabase(dpkgRoot), builder, NixAttrs.EMPTY);
  }

  /**
   * {@code overrides} is {@code modsvc.hostPackages}, read from the configuration being evaluated;
   * it is forced only when a package needs it, so a module may use {@code pkgs} while that
   * configuration is still being evaluated.
   */
  private static Value create(
      EvalState state,
      Value lib,
      PathSearch search,
      DpkgDatabase dpkg,
      HostBuilder builder,
      Value overrides) {
    NixAttrs args =
        NixAttrs.builder(7)
            .put("lib", lib)
            .put(
                "hostPackageTree",
                new PrimOp(
                    "hostPackageTree",
                    1,
                    (a, sp) -> hostPackageTree(state, search, dpkg, a[0], sp)))
            .put("hostPackageOverrides", overrides)
            .put(
                "addTextFile",
                new PrimOp("addTextFile", 1, (a, sp) -> addTextFile(state, a[0], sp)))
            .put("serialize", new PrimOp("serialize", 3, (a, sp) -> serialize(state, a, sp)))
            .put(
                "runBuild",
                new PrimOp(
                    "runBuild", 1, (a, sp) -> RunBuildPrimitive.runBuild(state, builder, a[0], sp)))
            .put("system", NixString.of(system()))
            .build();
    String sources = SOURCES.register(state.store()).path();
    Value f = state.evalFile(Path.of(sources, "default.nix"));
    NixAttrs result = Types.attrs(state.call(f, args, Span.NONE), Span.NONE);
    NixAttrs pkgs = Types.attrs(Thunk.force(result.get("pkgs")), Span.NONE);
    Value hostPackage = result.get("hostPackage");
    // The entry module passes modsvc.hostPackages back through this (a name no fallback answers).
    NixAttrs withOverrides =
        NixAttrs.builder(1)
            .put(
                WITH_OVERRIDES,
                new PrimOp(
                    WITH_OVERRIDES, 1, (a, sp) -> create(state, lib, search, dpkg, builder, a[0])))
            .build();
    Map<String, Value> answered = new HashMap<>();
    return pkgs.update(withOverrides)
        .withFallback(
            name -> {
              if (NOT_PACKAGES.contains(name) || name.startsWith("__")) return null;
              return answered.computeIfAbsent(
                  name,
                  n ->
                      new Thunk(
                          () ->
                              state.call(
                                  hostPackage,
                                  NixAttrs.builder(1).put("name", NixString.of(n)).build(),
                                  Span.NONE)));
            });
  }

  /**
   * {@code { name, debian, programs, required }} to the store path of the package's tree (see
   * {@link HostPackageTree}).
   */
  private static Value hostPackageTree(
      EvalState state, PathSearch search, DpkgDatabase dpkg, Value arg, Span sp) {
    NixAttrs a = Types.attrs(arg, sp);
    String name = Types.plainString(required(a, "name", sp), sp);
    List<String> debian = strings(required(a, "debian", sp), sp);
    Map<String, List<String>> programs = new TreeMap<>();
    NixAttrs p = Types.attrs(required(a, "programs", sp), sp);
    for (String link : p.names()) programs.put(link, strings(p.get(link), sp));
    Value req = Thunk.force(required(a, "required", sp));
    String requiredProgram = req instanceof NixNull ? null : Types.plainString(req, sp);
    try {
      HostPackageTree tree =
          HostPackageTree.build(
              new HostPackageTree.Request(name, debian, programs, requiredProgram), dpkg, search);
      String path = state.store().addLinkFarm(name, tree.links(), tree.files());
      return new NixString(path, Set.of(path));
    } catch (HostPackageTree.MissingPackage e) {
      throw new EvalException(e.getMessage(), sp);
    } catch (StoreException | UncheckedIOException e) {
      throw new EvalException("package '" + name + "': " + e.getMessage(), sp);
    }
  }

  private static List<String> strings(Value list, Span sp) {
    List<String> out = new ArrayList<>();
    for (Value v : Types.list(list, sp).items()) out.add(Types.plainString(v, sp));
    return out;
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
        throw new EvalException(
            "the text of '"
                + name
                + "' refers to the output of a derivation ("
                + c
                + "), which cannot be built on a host without Nix",
            sp);
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
      return new NixString(
          FormatSerializers.serialize(format, options, value.value()), value.context());
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
    String nixArch =
        switch (arch) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "aarch64";
          case "x86", "i386", "i686" -> "i686";
          default -> arch;
        };
    return nixArch + "-linux";
  }
}
