package org.modsvc.nix.lib;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modsvc.nix.source.SearchPathEntry;
import org.modsvc.nix.store.EvalStore;

/**
 * A directory of Nix sources shipped inside the jar (our lib, our built-in modules), made reachable
 * as {@code <prefix>}.
 *
 * <p>The sources are added to the evaluation store like any {@code builtins.path} source: Nix code
 * then sees a stable, content-addressed directory ({@code /nix/store/<hash>-modsvc-lib}) exactly as
 * NixOS users see nixpkgs, and error messages and option declarations name files in it. The store
 * reads the files straight from the jar, so nothing is extracted to disk.
 *
 * @param prefix the search-path prefix and store name
 * @param resourceDir the class-path directory holding the sources, with a {@code default.nix} or
 *     the named {@code anchor} file in it
 */
public record BundledSources(String prefix, String resourceDir, String anchor) {
  /** Our own nixpkgs-like lib: {@code import <modsvc-lib>}. */
  public static final BundledSources LIB =
      new BundledSources("modsvc-lib", "/modsvc-lib", "default.nix");

  /**
   * The files Nix keeps inside its binary and answers as {@code <nix/…>}: {@code
   * <nix/fetchurl.nix>}. See {@link org.modsvc.nix.eval.EvalState#setBundledEntries}.
   */
  public static final BundledSources NIX_CORE =
      new BundledSources("nix", "/nix-corepkgs", "fetchurl.nix");

  private static final Map<String, Path> ROOTS = new ConcurrentHashMap<>();

  /**
   * The search-path entry that makes {@code <prefix>} find the sources; they are added to {@code
   * store} when the entry is first used.
   */
  public SearchPathEntry register(EvalStore store) {
    return SearchPathEntry.deferred(prefix, () -> store.addPath(root(), prefix, true, null));
  }

  /**
   * The directory of the sources: a plain directory in a build tree, a directory inside the jar
   * otherwise.
   */
  public Path root() {
    return ROOTS.computeIfAbsent(resourceDir, d -> locate());
  }

  private Path locate() {
    URL url = BundledSources.class.getResource(resourceDir + "/" + anchor);
    if (url == null)
      throw new IllegalStateException(
          "bundled Nix sources missing from the class path: " + resourceDir);
    try {
      URI uri = url.toURI();
      if (!uri.getScheme().equals("jar")) {
        Path root = Path.of(uri).getParent();
        org.modsvc.nix.source.ArchivedFiles.markShipped(root);
        return root;
      }
      String s = uri.toString();
      return jarFileSystem(URI.create(s.substring(0, s.indexOf("!/")))).getPath(resourceDir);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate bundled Nix sources: " + url, e);
    }
  }

  private static FileSystem jarFileSystem(URI jar) {
    try {
      return FileSystems.newFileSystem(jar, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(jar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + jar + " to read bundled Nix sources", e);
    }
  }
}
