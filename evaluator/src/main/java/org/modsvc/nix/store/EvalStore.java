package org.modsvc.nix.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.function.BiPredicate;

/**
 * The evaluator's view of a Nix store: where store paths live and how text and source paths are
 * added. {@code eval} uses an in-memory store (paths are computed exactly as Nix does, contents
 * kept in memory or mapped to their source); the agent uses one that writes real files.
 */
public interface EvalStore {
  String storeDir();

  /** {@code builtins.toFile}: a text file with references; returns its store path. */
  String addText(String name, String content, SortedSet<String> references);

  /**
   * A text file that may be executable and may sit at {@code destination} (empty, or a relative
   * path such as {@code bin/tool}) inside an otherwise empty directory: the host package set's
   * {@code pkgs.writeTextFile}, which Nix builds with a derivation and this evaluator adds
   * directly. The path is {@code builtins.toFile}'s for a plain text file, otherwise the
   * content-addressed path of the tree's NAR ({@code nix-store --add}'s). Returns the store path.
   */
  String addTextFile(
      String name,
      String text,
      boolean executable,
      String destination,
      SortedSet<String> references);

  /**
   * A tree of symbolic links ({@code links}: relative path to target) and small text files ({@code
   * files}: relative path to text), as {@link StoreObject.LinkFarm}; returns its store path. Paths
   * must be relative without empty, {@code .} or {@code ..} components, and no path may lie inside
   * another.
   */
  String addLinkFarm(
      String name,
      java.util.SortedMap<String, String> links,
      java.util.SortedMap<String, String> files);

  /**
   * Records a tree built on the host during the evaluation (the host package set's {@code
   * pkgs.runCommand}) at the store path its builder computed from the tree's content; reading below
   * the path reads {@code tree}. Returns the store path.
   */
  String addBuilt(String storePath, Path tree);

  /** Every object this evaluation added, once each, in the order they were first added. */
  List<StoreObject> objects();

  /**
   * Copies a file or directory into the store ({@code "${./p}"}, {@code builtins.path}, {@code
   * filterSource}); {@code filter} gets (path, type) and may be null. Returns the store path.
   */
  String addPath(Path source, String name, boolean recursive, BiPredicate<Path, String> filter);

  /** Content of a store path added as text, if any. */
  Optional<String> textContent(String storePath);

  /** The real file behind a store path (or a path inside one), if this store knows it. */
  Optional<Path> realPath(String path);

  /** Records a derivation file (ATerm) so that reading {@code drvPath} works. */
  void registerDerivation(String drvPath, String aterm);

  default boolean isStorePath(String path) {
    String dir = storeDir();
    return path.startsWith(dir + "/") && path.length() > dir.length() + 1;
  }

  /** The store path ({@code /nix/store/hash-name}) of a path inside the store. */
  default String toStorePath(String path) {
    String dir = storeDir();
    int slash = path.indexOf('/', dir.length() + 1);
    return slash < 0 ? path : path.substring(0, slash);
  }
}
