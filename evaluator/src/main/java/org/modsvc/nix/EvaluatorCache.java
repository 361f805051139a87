package org.modsvc.nix;

import org.modsvc.nix.eval.ParseCache;

/**
 * What a long-lived caller keeps between evaluations so that the next one is warm: the parsed and
 * compiled code of the files the last evaluation used (a file is reused while its text is
 * unchanged), and the thread that parses files ahead. Create one, hand it to every {@link
 * Evaluation} ({@link Evaluation.Builder#cache}), and call {@link #keepOnlyUsedBy} after each:
 * files the configuration stopped reading are forgotten, so the cache does not grow. Callers that
 * keep none share {@link #shared()}, bounded and never pruned.
 */
public final class EvaluatorCache {
  private static final EvaluatorCache SHARED = new EvaluatorCache(ParseCache.shared());

  private final ParseCache parsed;

  /** A cache of one's own; it parses ahead where the machine has a spare core. */
  public EvaluatorCache() {
    this(new ParseCache());
  }

  private EvaluatorCache(ParseCache parsed) {
    this.parsed = parsed;
  }

  /** The process's cache, for one-shot callers and tests. */
  public static EvaluatorCache shared() {
    return SHARED;
  }

  ParseCache parseCache() {
    return parsed;
  }

  /**
   * Forgets every file {@code last} did not use (call it once {@code last} is done). The shared
   * cache is never pruned: evaluations of unrelated callers use it at the same time.
   */
  public void keepOnlyUsedBy(Evaluation last) {
    if (this != SHARED) parsed.retainOnly(last.sourcesParsed());
  }

  /** How many files the cache holds. */
  public int size() {
    return parsed.size();
  }
}
