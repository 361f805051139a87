/**
 * The content-addressed store of docs/decisions.md §4 ({@code /var/lib/modsvc/store/<hash>-<name>}), modelled on the
 * Nix store: entries are immutable, read-only ({@code 0444}/{@code 0555} files, {@code 0555} directories),
 * named by a hash of their name and content ({@link org.modsvc.switcher.store.StorePath} documents the
 * scheme), and found to be alive by scanning for {@code <store>/<hash>-<name>} strings in what references
 * them, as Nix's reference scanner does. configData links point here, so the live path stays stable while
 * its content changes, and old generations keep their content for rollback until garbage collection.
 */
package org.modsvc.switcher.store;
