/**
 * Nix values: {@code sealed interface} {@link org.modsvc.nix.value.Value} with one immutable type
 * per Nix type ({@link org.modsvc.nix.value.NixInt}, {@link org.modsvc.nix.value.NixFloat}, {@link
 * org.modsvc.nix.value.NixBool}, {@link org.modsvc.nix.value.NixNull}, {@link
 * org.modsvc.nix.value.NixString} with its string context, {@link org.modsvc.nix.value.NixPath},
 * {@link org.modsvc.nix.value.NixList}, {@link org.modsvc.nix.value.NixAttrs}, {@link
 * org.modsvc.nix.value.NixFunction}) and the one mutable, internal variant {@link
 * org.modsvc.nix.value.Thunk}, a memoised suspended computation. A thunk runs a {@link
 * org.modsvc.nix.value.Code} (the interpreter's nodes) or a {@link
 * org.modsvc.nix.value.Thunk.Deferred} Java computation. {@link org.modsvc.nix.value.Printer}
 * prints values as {@code nix-instantiate --eval} does and in the short form of error messages
 * (functions show themselves, {@link org.modsvc.nix.value.NixFunction#show}).
 *
 * <p><b>Invariants.</b>
 *
 * <ul>
 *   <li>Every value but a thunk is immutable: lists and sets own their arrays and never write to
 *       them after construction, so results may share arrays with their operands.
 *   <li>A thunk is pending, running (black-holed: forcing it again is {@code infinite recursion
 *       encountered}) or evaluated; a computation that fails puts it back to pending, so forcing it
 *       again raises the same error, as Nix does ({@code tryEval} relies on it). Code that has
 *       forced a value never sees a thunk.
 *   <li>A {@code NixAttrs} keeps its names sorted (by {@code String.compareTo}), without
 *       duplicates, with values and optional positions in parallel arrays, as Nix's {@code
 *       Bindings}; {@code attrNames} is therefore already sorted. Only a {@link
 *       org.modsvc.nix.value.NixAttrs.WithFallback} (the host {@code pkgs}) answers names it does
 *       not hold, and only to lookups by name.
 *   <li>{@link org.modsvc.nix.value.Value#typeName()} gives the names {@code builtins.typeOf}
 *       prints.
 *   <li>The bottom of the evaluator: this package needs only {@code source}, {@code error} and
 *       {@code format}, never the interpreter ({@code eval}).
 * </ul>
 *
 * <p><b>Fast paths</b>, each with the invariant it relies on (measurements in {@code
 * docs/benchmarks.md}):
 *
 * <ul>
 *   <li><em>Small thunks.</em> A thunk's state is encoded in its fields (a sentinel environment
 *       while running; the code and its environment or context cleared once evaluated), and {@code
 *       force()} on an evaluated thunk is a two-instruction method the JIT inlines everywhere.
 *       Relies on: {@code value} is non-null exactly when the thunk is evaluated.
 *   <li><em>Static force.</em> {@code Thunk.force(v)} tests for a thunk instead of calling {@code
 *       Value.force()} through the interface. Relies on: only {@code Thunk} overrides {@code
 *       force}.
 *   <li><em>Shared small integers.</em> {@code NixInt.of} returns cached boxes for -128 to 1023.
 *       Relies on: {@code NixInt} is a record compared by value, never by identity.
 *   <li><em>Name lookups by identity.</em> {@code NixAttrs.indexOf} scans a small set for the
 *       identical String, and in a larger one tests identity at each binary-search step; a name
 *       that is not identical is compared by its cached hash before its characters; {@code
 *       indexOf(name, guess)} tries the caller's remembered index first; {@code compareNames}
 *       answers identical names without comparing characters. Relies on: names written in source
 *       and in our Java code are interned (the compiler does it), and every shortcut falls back to
 *       comparing content, so a name that is not interned is slower, never wrong.
 *   <li><em>Updates.</em> {@code //} allocates its result at its exact size, places a few names by
 *       binary search, has its own path for one name, and shares the names array when the right
 *       side only replaces existing names. Relies on: sets are immutable and sorted, so a names
 *       array can be shared by sets of the same layout.
 *   <li><em>Update plans.</em> A {@code //} site ({@code NixAttrs.UpdateSite}: each {@code //}
 *       node, each update in the module primitives) remembers, per pair of operand names arrays it
 *       met, the result's names array, positions array and where each value comes from; the same
 *       pair again gets the same names (and positions) array and a plain copy of values, without
 *       comparing a name. Sharing the result's names array also keeps the layouts that later
 *       selections remember. Relies on: names and positions arrays are never written after a set is
 *       made, a plan is used only for the identical arrays it was made from (checked by identity),
 *       and each plan is one immutable object written to one table slot, so a plan seen from
 *       another thread is whole or absent; a site stops planning after a bounded number of layouts,
 *       and results over 48 names take the plain update.
 *   <li><em>Sorting.</em> The set builder orders names with a merge sort on a primitive index
 *       array, stable and linear on sorted input. Relies on: nothing beyond "first (or last) of
 *       equal names wins", which it keeps.
 *   <li><em>Raw list access.</em> {@code NixList.items()} hands out the backing array for read-only
 *       loops. Relies on: callers never write to it.
 * </ul>
 */
package org.modsvc.nix.value;
