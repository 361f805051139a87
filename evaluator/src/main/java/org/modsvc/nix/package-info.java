/**
 * The evaluator's front door. {@link org.modsvc.nix.Evaluation} assembles one evaluation (store,
 * search path, the bundled sources and where they are answered, builtins, file guard, lints, cache)
 * and runs it on a deep stack into an {@link org.modsvc.nix.Evaluation.Result}: the value or the
 * failure, the warnings, and every file on disk the evaluation read. {@link
 * org.modsvc.nix.EvaluatorCache} is what a long-lived caller keeps between evaluations (the parsed
 * code of unchanged files). {@code Selection} is {@code nix-instantiate}'s {@code -A} and
 * auto-call.
 *
 * <p><b>Invariants.</b>
 *
 * <ul>
 *   <li>Callers outside the evaluator start evaluations only here: the command line reaches this
 *       package, the values ({@code value}), sources and positions ({@code source}) and errors
 *       ({@code error}), nothing else. The switcher may extend an evaluation through {@link
 *       org.modsvc.nix.Evaluation#state()} (host packages).
 *   <li>This package sits on top of the evaluator: no other evaluator package depends on it, so the
 *       interpreter core ({@code eval}) does not name the builtins ({@code builtins}, {@code lib});
 *       they are installed from here. {@code ArchitectureTest} (agent) fails on any package cycle
 *       and on a command-line class reaching past this door.
 *   <li>Settings are fixed when {@link org.modsvc.nix.Evaluation.Builder#start()} returns; the
 *       result's files and warnings are those of the work done inside {@link
 *       org.modsvc.nix.Evaluation#run}.
 * </ul>
 */
package org.modsvc.nix;
