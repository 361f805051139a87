/**
 * File-system primitives the generation code is built on: validated host paths ({@link
 * org.modsvc.switcher.fs.HostPath}: absolute, normalised, no {@code ..}, NUL or line break, mapped
 * under an optional {@code --root}), atomic writes and symlink swaps ({@link
 * org.modsvc.switcher.fs.AtomicFiles}: temp name in the same directory, fsync, {@code rename(2)},
 * fsync of the directory, the recipe switch-to-configuration-ng and Home Manager rely on via {@code
 * ln -sfn}/{@code mv -T}), octal modes and SHA-256 content hashes, {@link
 * org.modsvc.switcher.fs.LiveEntry}, a no-follow look at what a path holds now, and {@link
 * org.modsvc.switcher.fs.RootPrefix}, the only way from a host path to a path on disk (links
 * followed as if {@code --root} were {@code /}, so none leads out of it).
 *
 * <p>Invariant: nothing here decides ownership; callers check first and then call these to change
 * disk.
 */
package org.modsvc.switcher.fs;
