package org.modsvc.agent.daemon;

/**
 * What the daemon does with its heap between evaluations (docs/decisions.md §13). Each method says
 * what it did, for the debug log.
 */
interface HeapUpkeep {
  /**
   * Before an evaluation: a heap given back while idle is grown again to what the last evaluation
   * needed, so that this one does not run through young collections while it grows.
   */
  String beforeEvaluation();

  /**
   * After an evaluation: its garbage goes, the heap keeps its size (or grows to room for one more
   * of its size), so that the next evaluation starts with an empty young generation; unless the
   * evaluation is too large for such room under the heap's cap, then the heap is given back.
   */
  String afterEvaluation();

  /** Once the daemon has been idle a while: the heap is given back to the system. */
  String whenIdle();
}
