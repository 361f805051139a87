package org.modsvc.agent.cli;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.modsvc.nix.lib.BundledSources;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.syntax.Parser;

/**
 * Gets the first steps of every evaluation out of the way on a spare core while the main thread reads the command
 * line: picocli takes ~40 ms of a start, and meanwhile the evaluation's own first-time costs (opening the jar's file
 * system that holds our lib, the SHA-256 provider that names it in the store, loading and linking the parser) can
 * run beside it instead of after it. Measured: {@code import <modsvc-lib>} 0.165 -> 0.14 s. What it leaves behind
 * is what the evaluation would have made itself (the jar's file system and the lib's root in it, loaded classes),
 * and a failure here only means the evaluation pays those costs itself.
 */
final class EvaluatorPreload {
  private EvaluatorPreload() {}

  /** A small expression with the common node kinds, so that parsing it loads what parsing modules needs. */
  private static final String SAMPLE = "let f = { a ? 1, ... }@args: args.a or (if a == 1 then [ \"s${toString a}\" ]"
      + " else { inherit a; b.c = rec { d = ./p; }; }); in f { } // { e = x: -x + 1; }";

  /** Starts the preload where the machine has a core to spare for it; returns at once. */
  static void start() {
    if (Runtime.getRuntime().availableProcessors() < 2) return;
    Thread t = new Thread(EvaluatorPreload::run, "modsvc-preload");
    t.setDaemon(true);
    t.start();
  }

  /** The preload itself; whether every step of it worked (a test keeps the sample and the steps valid). */
  static boolean run() {
    try {
      BundledSources.LIB.root();
      MessageDigest.getInstance("SHA-256").digest(new byte[1]);
      Parser.parse(Source.ofString("«preload»", SAMPLE, Path.of("/")));
      return true;
    } catch (RuntimeException | GeneralSecurityException e) {
      // The evaluation does each of these again when it needs them, and reports what fails then.
      return false;
    }
  }
}
