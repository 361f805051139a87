/**
 * Where a generation's content comes from: every {@link
 * org.modsvc.switcher.config.ConfigurationSource}. Normally the user's module files evaluated into
 * the files of a generation ({@link org.modsvc.switcher.config.ModuleConfiguration}); ready unit
 * files for {@code --units DIR} ({@link org.modsvc.switcher.config.UnitDirectorySource}); an old
 * generation's files for a rollback (in {@code activation}). {@link
 * org.modsvc.switcher.config.ModuleFiles} finds the module files (docs/decisions.md §1); {@link
 * org.modsvc.switcher.config.ModuleConfiguration} evaluates them with our lib (or the one {@code
 * --lib} names), the built-in modules ({@code modsvc-modules/eval.nix}, whose output contract is
 * {@code docs/modules.md}) and the host package set, and hands the decoded output to {@code build}
 * for rendering; {@link org.modsvc.switcher.config.StoreObjects} writes what the evaluation added
 * to its in-memory store into the agent's store on disk; {@link
 * org.modsvc.switcher.config.EvalThread} runs the evaluation on a deep stack and turns every way
 * Nix code can fail into an {@link org.modsvc.switcher.config.EvaluationFailure}: the report {@code
 * eval} would print, but without {@code --show-trace} only the frames in the user's files, and with
 * our bundled sources named as imported ({@link org.modsvc.switcher.config.SourceNames}); also as
 * data for {@code --json}.
 *
 * <p><b>Invariants.</b>
 *
 * <ul>
 *   <li>Nothing is written before the evaluation has succeeded and every assertion holds: a failed
 *       assertion is {@link org.modsvc.switcher.config.FailedAssertions} (exit 2), with nothing
 *       changed on disk or in systemd.
 *   <li>The evaluation's store directory is the mode's real store, never prefixed by {@code
 *       --root}, so the store paths written into unit files are the ones the host will read; the
 *       objects are copied to exactly those paths.
 *   <li>The caller holds the switch lock while building, so store entries written for a switch
 *       being prepared cannot be garbage-collected under it.
 *   <li>Derivation files are never written: nothing is built on the host.
 * </ul>
 */
package org.modsvc.switcher.config;
