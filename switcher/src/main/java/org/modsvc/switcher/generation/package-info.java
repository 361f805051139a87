/**
 * Generations and the live tree (docs/decisions.md §4, §6): {@link
 * org.modsvc.switcher.generation.Layout} (every path for system and user mode under an optional
 * {@code --root}), the desired file set ({@link org.modsvc.switcher.generation.DesiredState}),
 * numbered generation directories with {@code manifest.json} and a {@code current} link ({@link
 * org.modsvc.switcher.generation.Generations}), the ownership check and the idempotent application
 * of a generation to the live tree ({@link org.modsvc.switcher.generation.LiveTreePlanner}), the
 * persisted record of an unfinished switch ({@link org.modsvc.switcher.generation.PendingJournal}),
 * drift of owned files ({@link org.modsvc.switcher.generation.OwnedDrift}, written back within a
 * {@link org.modsvc.switcher.generation.Repair} scope), the record of a configuration that failed
 * and was rolled back ({@link org.modsvc.switcher.generation.FailedInputs}), the switch lock and
 * garbage collection; the facade is {@link org.modsvc.switcher.generation.GenerationSwitcher}.
 *
 * <p><b>Invariants.</b> The agent never overwrites or deletes a file it does not own (listed in the
 * current manifest and still holding what was written); a refused switch changes nothing, because
 * every path is checked before the first write. {@code current} moves last, after the live tree
 * matches the new generation, so at every instant it names a generation whose files are complete on
 * disk or are being completed by the pending switch. Every step can be repeated: a switch killed at
 * any point is finished by the next run.
 *
 * <p><b>Upstream mirrored.</b> The generation model and old-against-new unit directories are
 * sd-switch's / Home Manager's ({@code home-files}, {@code --old-units}/{@code --new-units}); the
 * lock and the persisted work lists are switch-to-configuration-ng's ({@code
 * /run/nixos/switch-to-configuration.lock}, {@code /run/nixos/*-list}); backups of foreign files
 * are Home Manager's {@code -b} ({@code backupFileExtension}) with a fixed suffix. Differences:
 * rollback is a new generation whose files are an old one's (metadata {@code rollbackOf}), so
 * ownership bookkeeping stays linear; a hand-edited file the agent owns blocks the switch unless
 * {@code --force}, which overwrites (or deletes) it rather than backing it up, since it was never
 * someone else's file.
 */
package org.modsvc.switcher.generation;
