/**
 * Unit files, in both directions: validated {@link org.modsvc.switcher.unit.UnitName}s, the parser
 * for systemd's unit syntax, the effective {@link org.modsvc.switcher.unit.UnitFile} after merging
 * drop-ins, the {@link org.modsvc.switcher.unit.UnitCatalog} of one generation, the one reader of
 * the unit-directory layout ({@link org.modsvc.switcher.unit.UnitDirectoryReader}: unit files,
 * drop-ins, masks, aliases, {@code .wants}/{@code .requires}/{@code .upholds} links) over a
 * directory on disk or a file set in memory, and the renderer ({@link
 * org.modsvc.switcher.unit.UnitFileText}: {@link org.modsvc.switcher.unit.UnitLine}s to text,
 * refusing any line that would read back differently), with systemd 252's vocabulary: the keys and
 * values it accepts ({@link org.modsvc.switcher.unit.UnitKeyTable} over {@code
 * systemd-252-keys.txt} beside it) and how it finds an {@code ExecStart=} program ({@link
 * org.modsvc.switcher.unit.ExecLine}). What the modules produced and how it becomes a generation's
 * files is {@code build}'s; this package knows nothing of modules or generations.
 *
 * <p>Renderer and parser agree: any text the renderer writes parses back to exactly its sections
 * and lines ({@code UnitFileRoundTripPropertyTest}).
 *
 * <p>Mirrors switch-to-configuration-ng's {@code parse_unit}/{@code parse_systemd_ini} (NixOS
 * nixpkgs {@code pkgs/by-name/sw/switch-to-configuration-ng/src/src/main.rs}): sections map keys to
 * ordered value lists, repeated keys append, an empty assignment clears the list, drop-ins of the
 * base file apply in file-name order and, when an instance is defined by its template, the
 * instance's own drop-ins apply last. Two deliberate differences: the {@code [Install]} section is
 * kept (the planner drops it before comparing, the generator may need it), and a key repeated
 * within one file is counted once per line (the Rust code, iterating rust-ini's multimap, appends
 * the whole list again for every repetition; that quirk only matters when comparing against the
 * Rust tool). Continuations and comments follow systemd's {@code config_parse}. Names follow
 * systemd's {@code unit_name_is_valid}, so nothing built from an invalid name can escape a unit
 * directory.
 */
package org.modsvc.switcher.unit;
