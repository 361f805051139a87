/**
 * The Java side of our nixpkgs-compatible {@code lib} (docs/decisions.md §1), whose Nix sources are
 * in {@code src/main/resources/modsvc-lib/} and reachable as {@code <modsvc-lib>}.
 *
 * <p>{@link org.modsvc.nix.lib.BundledSources} makes a directory of Nix sources shipped in the jar
 * (our lib, the switcher's built-in modules, Nix's {@code <nix/fetchurl.nix>}) a content-addressed
 * store path and a search-path entry, without extracting anything to disk.
 *
 * <p>{@link org.modsvc.nix.lib.ModulePrimitives} is the global {@code __modsvcLibPrimitives}: Java
 * implementations of the module system's innermost loops, named after the nixpkgs functions they
 * stand for, one class per phase: {@link org.modsvc.nix.lib.ModuleTree} ({@code collectModules}'
 * walk), {@link org.modsvc.nix.lib.ModuleSyntax} ({@code unifyModuleSyntax}), {@link
 * org.modsvc.nix.lib.MergeLevel} and {@link org.modsvc.nix.lib.ByName} ({@code mergeModules'}
 * grouping by name), {@link org.modsvc.nix.lib.OptionDeclaration} ({@code mergeOptionDecls}),
 * {@link org.modsvc.nix.lib.OptionValue} ({@code evalOptionValue}), {@link
 * org.modsvc.nix.lib.DefinitionMerge} and {@link org.modsvc.nix.lib.DefinitionPipeline} ({@code
 * mergeDefinitions}: {@code dischargeProperties}, {@code filterOverrides}, {@code sortProperties}),
 * and {@link org.modsvc.nix.lib.Properties} ({@code mkIf}, {@code mkMerge}, {@code mkOverride},
 * {@code mkOrder}).
 *
 * <p><b>Invariants.</b>
 *
 * <ul>
 *   <li>Each primitive has a Nix reference definition in {@code modsvc-lib/primitives.nix}; the lib
 *       uses the reference when the global is null ({@code EvalState.setLibPrimitives(false)}), and
 *       the lib corpus runs every case both ways, so the two must give the same results and the
 *       same errors.
 *   <li>A primitive forces exactly what its reference forces before returning and leaves lazy what
 *       it leaves lazy (definition values, option values): NixOS configurations depend on the
 *       module system's laziness.
 *   <li>Policy stays in Nix: what an option is, every error text and every user-facing decision
 *       lives in {@code modules.nix}; a primitive that meets a malformed module calls the Nix
 *       function it was given to report it. The primitives only do the bookkeeping.
 *   <li>Only our own lib sees the primitives: a nixpkgs lib given with {@code --lib} runs
 *       unchanged, in Nix.
 * </ul>
 */
package org.modsvc.nix.lib;
