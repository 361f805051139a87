/**
 * Nix's builtins, one class per group ({@link org.modsvc.nix.builtins.CoreBuiltins}, {@link
 * org.modsvc.nix.builtins.AttrBuiltins}, {@link org.modsvc.nix.builtins.ListBuiltins}, {@link
 * org.modsvc.nix.builtins.StringBuiltins}, {@link org.modsvc.nix.builtins.ContextBuiltins}, {@link
 * org.modsvc.nix.builtins.MathBuiltins}, {@link org.modsvc.nix.builtins.FileBuiltins}, {@link
 * org.modsvc.nix.builtins.FormatBuiltins}, {@link org.modsvc.nix.builtins.DerivationBuiltins},
 * {@link org.modsvc.nix.builtins.FlakeBuiltins}, {@link org.modsvc.nix.builtins.FetchBuiltins}),
 * registered in the order {@link org.modsvc.nix.builtins.AllBuiltins} gives (a later group may
 * refer to an earlier name). Each group implements {@code PrimOp.Bodies}: one method that switches
 * on the builtin's number, rather than a lambda per builtin, so starting the agent links no
 * lambdas.
 *
 * <p><b>Upstream behaviour mirrored.</b> Nix's {@code src/libexpr/primops.cc} and its neighbours,
 * in the version the language test-suite expects: the same laziness (arguments arrive unforced;
 * each builtin forces what Nix forces and leaves lazy what Nix leaves lazy, e.g. {@code map}
 * allocates thunks), the same messages, and, as in Nix, every error leaving a builtin gains {@code
 * while calling the 'NAME' builtin} at the call site, and a type error names the argument it was
 * ({@code while evaluating the first argument passed to builtins.catAttrs}).
 *
 * <p><b>Invariants and deliberate differences.</b>
 *
 * <ul>
 *   <li>Strings are Java (UTF-16) text; lengths and offsets of string builtins count UTF-8 bytes,
 *       as Nix's byte strings do (non-ASCII text takes a slower path). A file that is not UTF-8 is
 *       refused when read.
 *   <li>Nothing is built and nothing is downloaded: {@code derivationStrict} computes the {@code
 *       .drv} and output paths exactly as Nix does (through {@code org.modsvc.nix.store}); {@code
 *       fetchurl}, {@code fetchTarball} and {@code fetchTree} validate their arguments with Nix's
 *       messages, then fail as unsupported.
 *   <li>Flake references are converted as pure text; nothing is resolved.
 *   <li>Store operations go through the evaluation's {@code EvalStore}; a {@code StoreException}
 *       becomes an evaluation error at the call site ({@link org.modsvc.nix.builtins.StoreCalls}).
 * </ul>
 */
package org.modsvc.nix.builtins;
