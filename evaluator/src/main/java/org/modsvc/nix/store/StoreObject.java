package org.modsvc.nix.store;

import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;

/**
 * One object an evaluation added to its {@link EvalStore}, with what a build step needs to write it
 * to a real store directory: the content (or where to copy it from) and the file modes. Nix makes
 * everything in the store read-only: regular files {@code 0444}, or {@code 0555} when executable,
 * and directories {@code 0555}.
 */
public sealed interface StoreObject {
  /** The store path ({@code <storeDir>/<hash>-<name>}). */
  String storePath();

  /**
   * A text file: {@code builtins.toFile}, or the host package set's writers. When {@code
   * destination} is empty the store path is the file itself; otherwise it is a directory holding
   * only the file at that relative path ({@code bin/tool}), with directories in between.
   */
  record TextFile(
      String storePath,
      String destination,
      String text,
      boolean executable,
      SortedSet<String> references)
      implements StoreObject {
    public TextFile {
      references = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(references));
    }

    /** The path of the file itself. */
    public String filePath() {
      return destination.isEmpty() ? storePath : storePath + "/" + destination;
    }
  }

  /**
   * A copy of a local file or tree ({@code "${./p}"}, {@code builtins.path}, {@code filterSource}).
   * {@code recursive} false means the flat contents of one file. {@code included} lists the paths
   * below {@code source} the filter accepted (the copy holds those and nothing else); null means no
   * filter, the whole tree.
   */
  record CopiedPath(String storePath, Path source, boolean recursive, Set<Path> included)
      implements StoreObject {
    public CopiedPath {
      included = included == null ? null : Set.copyOf(included);
    }
  }

  /** A derivation file ({@code .drv}, an ATerm) written by {@code derivation}; never built here. */
  record DerivationFile(String storePath, String aterm) implements StoreObject {}

  /**
   * A directory of symbolic links to files outside the store, and a few small text files: the host
   * package set's view of a package installed on the host ({@code bin/tlshd -> /usr/sbin/tlshd}).
   * Keys are relative paths; the directories between are implied. Its path is the content-addressed
   * path of the tree's NAR, so it changes exactly when a link or a file does.
   */
  record LinkFarm(
      String storePath,
      java.util.SortedMap<String, String> links,
      java.util.SortedMap<String, String> files)
      implements StoreObject {
    public LinkFarm {
      links = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(links));
      files = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(files));
    }
  }
}
