package org.modsvc.agent.cli;

import org.modsvc.nix.Evaluation;

/**
 * Gets the first steps of every evaluation out of the way on a spare core while the main thread
 * reads the command line: picocli takes ~40 ms of a start, and meanwhile the evaluation's own
 * first-time costs (opening the jar's file system that holds our lib, the SHA-256 provider that
 * names it in the store, loading and linking the parser) can run beside it instead of after it.
 * Measured: {@code import <modsvc-lib>} 0.165 -> 0.14 s. What it leaves behind is what the
 * evaluation would have made itself (the jar's file system and the lib's root in it, loaded
 * classes), and a failure here only means the evaluation pays those costs itself.
 */
final class EvaluatorPreload {
  private EvaluatorPreload() {}

  /** Starts the preload where the machine has a core to spare for it; returns at once. */
  static void start() {
    if (Runtime.getRuntime().availableProcessors() < 2) return;
    Thread t = new Thread(EvaluatorPreload::run, "modsvc-preload");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The preload itself ({@link Evaluation#warmUp}); whether every step of it worked (a test keeps
   * them valid).
   */
  static boolean run() {
    return Evaluation.warmUp();
  }
}
