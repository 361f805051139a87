package org.modsvc.nix.eval;

import org.modsvc.nix.value.Value;

/**
 * A run-time scope frame: variable slots resolved at compile time (see {@link Scope}) plus the
 * enclosing frame. A {@code with} frame has a single slot holding the (lazy) attribute set it
 * brings into scope.
 *
 * <p>Slot 0 lives in a field and only slots 1.. in an array: most frames are those of plain {@code
 * x: …} functions with exactly one slot, and keeping it inline saves an array allocation and an
 * indirection per call (frame allocation was ~30% of all bytes allocated on the evalModules
 * benchmark).
 */
public final class Env {
  private static final Value[] NO_SLOTS = new Value[0];

  public final Env up;

  /**
   * {@code up.up}: variable reads walk two frames per step. Reads of variables 2 to 9 frames up are
   * a tenth of all node evaluations on the evalModules benchmark (nixpkgs' lib nests its functions
   * deeply), and each step of the walk is a load that depends on the previous one. The field fills
   * what would otherwise be alignment padding, so a frame is no larger.
   */
  final Env up2;

  /**
   * The evaluation this frame belongs to, inherited from the frame it extends. Compiled code is
   * shared by every evaluation of the same file in the process, so the few operations that need
   * their evaluation (calls, string coercion) find it here rather than in the code.
   */
  final EvalState state;

  Value slot0;

  /** Slots 1..size-1; shared empty array for frames of size 0 or 1. */
  final Value[] rest;

  public Env(Env up, int size) {
    this.up = up;
    this.up2 = up == null ? null : up.up;
    this.state = up == null ? null : up.state;
    this.rest = size <= 1 ? NO_SLOTS : new Value[size - 1];
  }

  /** A one-slot frame ({@code x: …} arguments, {@code with} scopes). */
  Env(Env up, Value slot0) {
    this.up = up;
    this.up2 = up == null ? null : up.up;
    this.state = up == null ? null : up.state;
    this.slot0 = slot0;
    this.rest = NO_SLOTS;
  }

  /** A frame holding a copy of {@code slots}. */
  public Env(Env up, Value[] slots) {
    this(up, slots.length);
    for (int i = 0; i < slots.length; i++) set(i, slots[i]);
  }

  /**
   * The outermost frame of an evaluation: its global names, or the scope of a {@code scopedImport}.
   */
  Env(EvalState state, Value[] slots) {
    this.up = null;
    this.up2 = null;
    this.state = state;
    this.rest = slots.length <= 1 ? NO_SLOTS : new Value[slots.length - 1];
    for (int i = 0; i < slots.length; i++) set(i, slots[i]);
  }

  public Value get(int i) {
    return i == 0 ? slot0 : rest[i - 1];
  }

  public void set(int i, Value v) {
    if (i == 0) slot0 = v;
    else rest[i - 1] = v;
  }

  public Env at(int depth) {
    Env e = this;
    int d = depth;
    for (; d >= 2; d -= 2) e = e.up2;
    return d == 0 ? e : e.up;
  }
}
