package org.modsvc.nix.eval;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.modsvc.nix.syntax.Expr;

/**
 * Syntax trees of files already parsed by any evaluation in this process, keyed by path, home directory (which
 * {@code ~/} paths depend on) and the full text, so an edited file is parsed afresh. The agent re-evaluates the
 * same configuration on every change, and most of it — our lib, the built-in modules, unchanged user modules — is
 * the same text every time: parsing it again was about a tenth of a warm evaluation. Trees are immutable data, so
 * evaluations share them; each still compiles its own executable nodes.
 */
final class ParsedFiles {
  private ParsedFiles() {}

  /** Far above any real configuration; beyond it the cache starts over rather than grow without bound. */
  private static final int MAX_ENTRIES = 4096;

  private record Key(String path, Path homeDir, String text) {}

  private static final Map<Key, Expr> TREES = new ConcurrentHashMap<>();

  static Expr parse(String path, Path homeDir, String text, Supplier<Expr> parser) {
    Key key = new Key(path, homeDir, text);
    Expr cached = TREES.get(key);
    if (cached != null) return cached;
    Expr parsed = parser.get();
    if (TREES.size() >= MAX_ENTRIES) TREES.clear();
    TREES.put(key, parsed);
    return parsed;
  }
}
