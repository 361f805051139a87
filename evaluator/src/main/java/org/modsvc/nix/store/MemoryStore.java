package org.modsvc.nix.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.BiPredicate;
import org.modsvc.nix.eval.EvalStore;

/**
 * A store that computes every path exactly as Nix does but writes nothing: text files are kept in memory
 * and copied sources are remembered by their origin, so {@code readFile}/{@code import} of a store path
 * made in the same evaluation works. This is what {@code modsvc-agent eval} uses by default.
 */
public final class MemoryStore implements EvalStore {
  private final StorePaths paths;
  private final Map<String, String> texts = new HashMap<>();
  private final Map<String, Path> sources = new HashMap<>();

  public MemoryStore(String storeDir) { this.paths = new StorePaths(storeDir); }

  public MemoryStore() { this(StorePaths.DEFAULT_STORE_DIR); }

  public StorePaths paths() { return paths; }

  @Override public String storeDir() { return paths.storeDir(); }

  @Override public String addText(String name, String content, SortedSet<String> references) {
    StorePaths.checkName(name);
    String p = paths.makeTextPath(name, content, references);
    texts.put(p, content);
    return p;
  }

  @Override public String addPath(Path source, String name, boolean recursive, BiPredicate<Path, String> filter) {
    StorePaths.checkName(name);
    try {
      Nar.PathFilter f = filter == null ? null : filter::test;
      String p = paths.computeSourcePath(name, source, recursive ? ContentAddressMethod.NAR : ContentAddressMethod.FLAT,
          f).storePath();
      if (filter == null) sources.put(p, source);
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override public Optional<String> textContent(String storePath) { return Optional.ofNullable(texts.get(storePath)); }

  @Override public Optional<Path> realPath(String path) {
    if (!isStorePath(path)) return Optional.empty();
    String sp = toStorePath(path);
    Path src = sources.get(sp);
    if (src == null) return Optional.empty();
    String rest = path.substring(sp.length());
    return Optional.of(rest.isEmpty() ? src : src.resolve(rest.substring(1)));
  }

  @Override public void registerDerivation(String drvPath, String aterm) { texts.put(drvPath, aterm); }
}
