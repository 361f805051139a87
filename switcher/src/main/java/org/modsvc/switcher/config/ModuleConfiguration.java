package org.modsvc.switcher.config;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modsvc.nix.Evaluation;
import org.modsvc.nix.EvaluatorCache;
import org.modsvc.nix.eval.FileGuard;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.source.SearchPathEntry;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Value;
import org.modsvc.switcher.build.BuildOutput;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.build.DesiredFiles;
import org.modsvc.switcher.build.OutputDecoder;
import org.modsvc.switcher.build.UnitValidator;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.options.OptionDoc;
import org.modsvc.switcher.options.OptionDocDecoder;
import org.modsvc.switcher.pkgs.HostPackages;
import org.modsvc.switcher.pkgs.PathSearch;
import org.modsvc.switcher.store.Store;

/**
 * The configuration of a host: the user's module files (docs/decisions.md §1) evaluated with our
 * lib, the built-in modules ({@code modsvc-modules/eval.nix}) and the host package set, into the
 * files of a generation.
 *
 * <p>The evaluation's store directory is the mode's real store ({@code /var/lib/modsvc/store},
 * never under {@code --root}), so the paths written into unit files are the ones the host will
 * read; what the evaluation added to it is then written into {@code store}. Failed assertions abort
 * before anything is written anywhere.
 */
public final class ModuleConfiguration implements ConfigurationSource {
  /**
   * Our built-in modules, {@code <modsvc-modules>}; also the {@code modulesPath} module argument.
   */
  public static final BundledSources MODULES =
      new BundledSources("modsvc-modules", "/modsvc-modules", "eval.nix");

  /**
   * @param modules the modules directory or a single module file
   * @param searchPath entries put before ours, e.g. {@code modsvc-lib=/path/to/nixpkgs/lib} for
   *     {@code --lib}
   * @param env the environment ({@code PATH} for host packages, {@code HOME})
   * @param version the agent's version, visible to modules as {@code modsvc.version}
   * @param diagnostics where evaluation warnings and traces go
   * @param showTrace whether an evaluation error shows the whole trace
   * @param unitChecks {@code --unit-keys}, {@code --strict-paths} (see {@link UnitValidator})
   */
  public record Settings(
      Path modules,
      List<SearchPathEntry> searchPath,
      Map<String, String> env,
      String version,
      PrintStream diagnostics,
      boolean showTrace,
      UnitValidator.Settings unitChecks) {
    public Settings {
      searchPath = List.copyOf(searchPath);
      env = Map.copyOf(env);
    }

    public Settings(
        Path modules,
        List<SearchPathEntry> searchPath,
        Map<String, String> env,
        String version,
        PrintStream diagnostics,
        boolean showTrace) {
      this(
          modules,
          searchPath,
          env,
          version,
          diagnostics,
          showTrace,
          UnitValidator.Settings.defaults());
    }
  }

  private final Settings settings;
  private final EvaluatorCache cache;

  /** A configuration evaluated with the process's shared cache (one-shot commands). */
  public ModuleConfiguration(Settings settings) {
    this(settings, EvaluatorCache.shared());
  }

  /**
   * A configuration evaluated with {@code cache}, which a long-lived caller (the daemon) creates
   * once and hands to every configuration it builds: unchanged files keep their parsed code, and
   * files no longer read are forgotten after each evaluation.
   */
  public ModuleConfiguration(Settings settings, EvaluatorCache cache) {
    this.settings = settings;
    this.cache = cache;
  }

  @Override
  public Built build(Layout layout, Store store) throws IOException {
    List<Path> files = ModuleFiles.of(settings.modules(), guardFor(layout));
    Result e = evaluate(layout, files);
    if (!e.output().failedAssertions().isEmpty())
      throw new FailedAssertions(e.output().failedAssertions());
    List<String> warnings = new ArrayList<>(e.output().warnings());
    warnings.addAll(
        new UnitValidator(settings.unitChecks(), host(layout), new ModuleSourceLocator(files))
            .check(e.output().units()));
    DesiredState state = DesiredFiles.of(e.output(), layout, Set.of(), metadata(files));
    StoreObjects.writeNeeded(e.store().objects(), store, state);
    return new Built(state, warnings, e.filesRead());
  }

  /**
   * Where the unit checks look for programs and vendor units: the mode's directories under the
   * root.
   */
  private static UnitValidator.Host host(Layout layout) {
    List<String> vendor =
        layout.mode() == Layout.Mode.SYSTEM
            ? List.of("/lib/systemd/system", "/usr/lib/systemd/system")
            : List.of("/usr/lib/systemd/user", "/lib/systemd/user");
    return new UnitValidator.Host(layout.root(), vendor, layout.storeDir().toString());
  }

  /**
   * Only the evaluation (no files written anywhere): the decoded output contract, failed assertions
   * included. For measuring ({@code BuildBench}) and for tools that inspect the result.
   */
  public BuildOutput evaluateOnly(Layout layout) throws IOException {
    List<Path> files = ModuleFiles.of(settings.modules(), guardFor(layout));
    return evaluate(layout, files).output();
  }

  /**
   * What one evaluation produced, the store holding the files it added, and the files on disk it
   * read: the modules directory (its listing chose the module files) and whatever the evaluation
   * read.
   */
  record Result(BuildOutput output, MemoryStore store, Set<Path> filesRead) {}

  private Result evaluate(Layout layout, List<Path> files) {
    Evaluation ev = newEvaluation(layout);
    BuildOutput output =
        EvalThread.call(
            ev,
            e -> OutputDecoder.decode(callEntry(e, layout, files, "eval.nix")),
            sourceNames(layout),
            settings.showTrace());
    cache.keepOnlyUsedBy(ev);
    Set<Path> read = new java.util.TreeSet<>(ev.filesRead());
    read.add(settings.modules().toAbsolutePath().normalize());
    return new Result(output, (MemoryStore) ev.store(), read);
  }

  /**
   * The documentation of every option the evaluation declares (built-in and user modules), sorted
   * by name; nothing is written. {@code modsvc-modules/options.nix} is the entry.
   */
  public List<OptionDoc> optionDocs(Layout layout) throws IOException {
    List<Path> files = ModuleFiles.of(settings.modules(), guardFor(layout));
    Evaluation ev = newEvaluation(layout);
    List<OptionDoc> docs =
        EvalThread.call(
            ev,
            e -> OptionDocDecoder.decode(callEntry(e, layout, files, "options.nix")),
            sourceNames(layout),
            settings.showTrace());
    cache.keepOnlyUsedBy(ev);
    return docs;
  }

  /**
   * How error reports name the sources: the bundled ones as imported, the user's apart from the
   * libraries.
   */
  private SourceNames sourceNames(Layout layout) {
    List<Path> libraries = settings.searchPath().stream().map(e -> Path.of(e.path())).toList();
    return new SourceNames(
        layout.storeDir().toString(),
        libraries,
        List.of(BundledSources.LIB.prefix(), MODULES.prefix(), HostPackages.SOURCES.prefix()));
  }

  /**
   * One evaluation of the host's configuration: the user's search path ({@code --lib}) with our lib
   * and built-in modules appended to it (so {@code --lib} shadows {@code <modsvc-lib>}, and {@code
   * builtins.nixPath} lists them, as it always has here; {@code eval} answers them after the search
   * path instead), over an in-memory store whose directory is the mode's real store.
   */
  private Evaluation newEvaluation(Layout layout) {
    return Evaluation.builder()
        .store(new MemoryStore(layout.storeDir().toString()))
        .searchPath(settings.searchPath())
        .bundled(Evaluation.BundledPlacement.END_OF_SEARCH_PATH, BundledSources.LIB, MODULES)
        .homeDir(Path.of(settings.env().getOrDefault("HOME", "/")))
        .diagnostics(settings.diagnostics())
        .fileGuard(guardFor(layout))
        .cache(cache)
        .start();
  }

  /** An entry file of the built-in modules called with the host's arguments. */
  private Value callEntry(Evaluation ev, Layout layout, List<Path> files, String entryFile) {
    MemoryStore evalStore = (MemoryStore) ev.store();
    Path cwd = files.isEmpty() ? settings.modules() : files.get(0).getParent();
    Value lib = ev.eval(Source.ofString("«modsvc»", "import <modsvc-lib>", cwd));
    Value pkgs =
        HostPackages.create(
            ev.state(),
            lib,
            PathSearch.of(settings.env().getOrDefault("PATH", "")).dirs(),
            layout.root(),
            HostBuilds.of(layout, evalStore));
    Value entry = ev.evalFile(Path.of(ev.bundledEntry(MODULES).path(), entryFile));
    NixAttrs args =
        NixAttrs.builder(4)
            .put("lib", lib)
            .put("pkgs", pkgs)
            .put("modsvc", modsvcArg(layout))
            .put("modules", modulesList(files))
            .build();
    return ev.call(entry, args);
  }

  /**
   * System mode evaluates as root: files other users can change are refused (see {@link
   * StrictModes}).
   */
  private static FileGuard guardFor(Layout layout) {
    return layout.mode() == Layout.Mode.SYSTEM ? StrictModes.forThisProcess() : FileGuard.NONE;
  }

  private NixAttrs modsvcArg(Layout layout) {
    NixAttrs.Builder paths =
        NixAttrs.builder(2).put("configDataRoot", NixString.of(layout.configDataDir().toString()));
    if (layout.mode() == Layout.Mode.USER) {
      paths.put("xdgConfigHome", NixString.of(layout.configDataDir().parent().toString()));
    }
    return NixAttrs.builder(3)
        .put("mode", NixString.of(layout.mode() == Layout.Mode.SYSTEM ? "system" : "user"))
        .put("version", NixString.of(settings.version()))
        .put("paths", paths.build())
        .build();
  }

  private static NixList modulesList(List<Path> files) {
    Value[] items = new Value[files.size()];
    for (int i = 0; i < items.length; i++) items[i] = new NixPath(files.get(i).toString());
    return new NixList(items);
  }

  private Map<String, String> metadata(List<Path> files) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("modules", settings.modules().toAbsolutePath().normalize().toString());
    m.put("moduleFiles", String.valueOf(files.size()));
    m.put("agentVersion", settings.version());
    return m;
  }
}
