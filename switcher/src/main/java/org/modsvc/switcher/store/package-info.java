/**
 * The content-addressed store of docs/decisions.md §4 ({@code
 * /var/lib/modsvc/store/<hash>-<name>}), modelled on the Nix store: entries are immutable,
 * read-only ({@code 0444}/{@code 0555} files, {@code 0555} directories), named by a hash of their
 * name and content ({@link org.modsvc.switcher.store.StorePath} documents the scheme), and found to
 * be alive by scanning for {@code <store>/<hash>-<name>} strings in what references them, as Nix's
 * reference scanner does. configData links point here, so the live path stays stable while its
 * content changes, and old generations keep their content for rollback until garbage collection.
 *
 * <p><b>Which store.</b> "Store" names one place on disk and the code around it; each name says
 * which part:
 *
 * <ul>
 *   <li>this package: the agent's store on disk, the only one anything is written to;
 *   <li>{@code Layout.storeDir()}: where this store is for a mode ({@code /var/lib/modsvc/store},
 *       user: {@code ~/.local/state/modsvc/store}), a host path; also the store directory the
 *       evaluation computes its paths against, so the paths in unit files are this store's;
 *   <li>{@code org.modsvc.nix.store}: Nix's store arithmetic (hashes, NAR, store paths,
 *       derivations) and {@code MemoryStore}, the evaluator's in-memory store; nothing there writes
 *       a file. {@code config/StoreObjects} copies what an evaluation added to it into this store;
 *   <li>host package trees ({@code pkgs/HostPackageTree}) are entries of this store like any other;
 *       {@code eval} evaluates against an in-memory {@code /nix/store} and never touches this one.
 * </ul>
 */
package org.modsvc.switcher.store;
