package org.modsvc.agent.cli;

import org.modsvc.nix.eval.EvalStore;

/** The store {@code eval} evaluates against: in memory, {@code /nix/store}, nothing written to disk. */
final class Stores {
  static final String DEFAULT_STORE_DIR = "/nix/store";

  private Stores() {}

  static EvalStore forEval() {
    return forEval(DEFAULT_STORE_DIR);
  }

  static EvalStore forEval(String storeDir) {
    return new org.modsvc.nix.store.MemoryStore(storeDir);
  }
}
