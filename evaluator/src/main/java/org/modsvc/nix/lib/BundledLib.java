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
import org.modsvc.nix.eval.EvalState.SearchPathEntry;
import org.modsvc.nix.eval.EvalStore;

/**
 * Our own nixpkgs-like {@code lib}, shipped as Nix source inside the jar and reachable as
 * {@code import <modsvc-lib>}.
 *
 * <p>The sources are added to the evaluation store like any {@code builtins.path} source: Nix code then sees a
 * stable, content-addressed directory ({@code /nix/store/<hash>-modsvc-lib}) exactly as NixOS users see
 * nixpkgs' lib, and error messages and option declarations name files in it. The store reads the files
 * straight from the jar, so nothing is extracted to disk.
 */
public final class BundledLib {
  /** The search-path prefix: {@code <modsvc-lib>}. */
  public static final String PREFIX = "modsvc-lib";
  private static final String RESOURCE_DIR = "/modsvc-lib";
  private static Path root;

  private BundledLib() {}

  /** Adds the lib to {@code store} and returns the search-path entry that makes {@code <modsvc-lib>} find it. */
  public static SearchPathEntry register(EvalStore store) {
    return new SearchPathEntry(PREFIX, store.addPath(root(), PREFIX, true, null));
  }

  /** The directory of the lib sources: a plain directory in a build tree, a directory inside the jar otherwise. */
  public static synchronized Path root() {
    if (root == null) root = locate();
    return root;
  }

  private static Path locate() {
    URL url = BundledLib.class.getResource(RESOURCE_DIR + "/default.nix");
    if (url == null) throw new IllegalStateException("the bundled lib is missing from the class path (" + RESOURCE_DIR + ")");
    try {
      URI uri = url.toURI();
      if (!uri.getScheme().equals("jar")) return Path.of(uri).getParent();
      String s = uri.toString();
      URI jar = URI.create(s.substring(0, s.indexOf("!/")));
      return jarFileSystem(jar).getPath(RESOURCE_DIR);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the bundled lib: " + url, e);
    }
  }

  private static FileSystem jarFileSystem(URI jar) {
    try {
      return FileSystems.newFileSystem(jar, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      return FileSystems.getFileSystem(jar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + jar + " to read the bundled lib", e);
    }
  }
}
