package org.modsvc.nix.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.BiPredicate;
import org.modsvc.nix.source.ArchivedFiles;

/**
 * A store that computes every path exactly as Nix does but writes nothing: text files are kept in
 * memory and copied sources are remembered by their origin, so {@code readFile}/{@code import} of a
 * store path made in the same evaluation works. This is what {@code modsvc-agent eval} uses by
 * default, and what the agent evaluates against before its build step writes {@link #objects()} to
 * the real store.
 */
public final class MemoryStore implements EvalStore {
  private final StorePaths paths;

  /**
   * Text of every file added as text, by the file's full path (a store path, or a path inside one).
   */
  private final Map<String, String> texts = new HashMap<>();

  // Read by the parse-ahead thread (ParseCache) while the evaluation adds paths.
  private final Map<String, Path> sources = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, StoreObject> objects = new LinkedHashMap<>();

  /**
   * The links of every link farm, by its store path: reading through one reads the link's target.
   */
  private final Map<String, java.util.SortedMap<String, String>> farms =
      new java.util.concurrent.ConcurrentHashMap<>();

  public MemoryStore(String storeDir) {
    this.paths = new StorePaths(storeDir);
  }

  public MemoryStore() {
    this(StorePaths.DEFAULT_STORE_DIR);
  }

  public StorePaths paths() {
    return paths;
  }

  @Override
  public String storeDir() {
    return paths.storeDir();
  }

  @Override
  public String addText(String name, String content, SortedSet<String> references) {
    StorePaths.checkName(name);
    String p = paths.makeTextPath(name, content, references);
    record(new StoreObject.TextFile(p, "", content, false, references));
    return p;
  }

  @Override
  public String addTextFile(
      String name,
      String text,
      boolean executable,
      String destination,
      SortedSet<String> references) {
    StorePaths.checkName(name);
    checkDestination(destination);
    if (!executable && destination.isEmpty()) return addText(name, text, references);
    Hash nar =
        Nar.hashSingleFile(
            destination, text.getBytes(StandardCharsets.UTF_8), executable, HashAlgo.SHA256);
    String p = paths.makeFixedOutputPath(name, ContentAddressMethod.NAR, nar, references);
    record(new StoreObject.TextFile(p, destination, text, executable, references));
    return p;
  }

  /**
   * A destination must stay inside the store path: relative, no empty, {@code .} or {@code ..}
   * parts.
   */
  private static void checkDestination(String destination) {
    if (destination.isEmpty()) return;
    for (String part : destination.split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new StoreException(
            "destination '"
                + destination
                + "' must be a relative path without empty, '.' or '..' components");
      }
    }
  }

  private void record(StoreObject.TextFile file) {
    texts.put(file.filePath(), file.text());
    objects.putIfAbsent(file.storePath(), file);
  }

  @Override
  public String addLinkFarm(
      String name,
      java.util.SortedMap<String, String> links,
      java.util.SortedMap<String, String> files) {
    StorePaths.checkName(name);
    java.util.TreeSet<String> all = new java.util.TreeSet<>(links.keySet());
    for (String f : files.keySet()) {
      if (!all.add(f)) throw new StoreException("'" + f + "' is both a link and a file");
    }
    for (String path : all) {
      if (path.isEmpty()) throw new StoreException("a link farm entry needs a relative path");
      checkDestination(path);
      for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
        if (all.contains(path.substring(0, slash))) {
          throw new StoreException("'" + path + "' lies inside '" + path.substring(0, slash) + "'");
        }
      }
    }
    Hash nar = Nar.hashTree(links, files, HashAlgo.SHA256);
    String p = paths.makeFixedOutputPath(name, ContentAddressMethod.NAR, nar, java.util.Set.of());
    files.forEach((f, text) -> texts.put(p + "/" + f, text));
    farms.put(p, links);
    objects.putIfAbsent(p, new StoreObject.LinkFarm(p, links, files));
    return p;
  }

  @Override
  public String addPath(
      Path source, String name, boolean recursive, BiPredicate<Path, String> filter) {
    StorePaths.checkName(name);
    try {
      Set<Path> included = filter == null ? null : new HashSet<>();
      Nar.PathFilter f =
          filter == null
              ? null
              : (path, type) -> {
                boolean keep = filter.test(path, type);
                if (keep) included.add(path);
                return keep;
              };
      ContentAddressMethod method =
          recursive ? ContentAddressMethod.NAR : ContentAddressMethod.FLAT;
      String p =
          filter == null && ArchivedFiles.contains(source)
              ? ImmutableSources.storePath(paths, name, source, method)
              : paths.computeSourcePath(name, source, method, f).storePath();
      if (filter == null) sources.put(p, source);
      objects.putIfAbsent(p, new StoreObject.CopiedPath(p, source, recursive, included));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String addBuilt(String storePath, Path tree) {
    if (!isStorePath(storePath) || !toStorePath(storePath).equals(storePath)) {
      throw new StoreException("'" + storePath + "' is not a store path of " + storeDir());
    }
    StorePaths.checkName(StorePaths.nameOf(storePath));
    sources.put(storePath, tree);
    objects.putIfAbsent(storePath, new StoreObject.CopiedPath(storePath, tree, true, null));
    return storePath;
  }

  @Override
  public Optional<String> textContent(String storePath) {
    return Optional.ofNullable(texts.get(storePath));
  }

  @Override
  public Optional<Path> realPath(String path) {
    if (!isStorePath(path)) return Optional.empty();
    String sp = toStorePath(path);
    String rest = path.substring(sp.length());
    Path src = sources.get(sp);
    if (src == null) return farmTarget(farms.get(sp), rest);
    return Optional.of(rest.isEmpty() ? src : src.resolve(rest.substring(1)));
  }

  /**
   * The host file behind {@code rest} ({@code /bin/tlshd}) in a link farm: its link's target, and
   * what follows.
   */
  private static Optional<Path> farmTarget(java.util.SortedMap<String, String> links, String rest) {
    if (links == null || rest.isEmpty()) return Optional.empty();
    String relative = rest.substring(1);
    for (String link = relative; ; ) {
      String target = links.get(link);
      if (target != null) {
        String below = relative.substring(link.length());
        return Optional.of(below.isEmpty() ? Path.of(target) : Path.of(target, below.substring(1)));
      }
      int slash = link.lastIndexOf('/');
      if (slash < 0) return Optional.empty();
      link = link.substring(0, slash);
    }
  }

  @Override
  public void registerDerivation(String drvPath, String aterm) {
    texts.put(drvPath, aterm);
    objects.putIfAbsent(drvPath, new StoreObject.DerivationFile(drvPath, aterm));
  }

  @Override
  public List<StoreObject> objects() {
    return List.copyOf(objects.values());
  }
}
