/**
 * From an evaluated configuration to the files a generation consists of. The built-in Nix modules
 * ({@code modsvc-modules/eval.nix}) decide the content and order of every unit line, exactly as
 * nixpkgs' {@code systemd-lib.nix} (system) and Home Manager's INI writer (user) do; this package
 * only decodes that output contract into records ({@link org.modsvc.switcher.build.BuildOutput}:
 * {@link org.modsvc.switcher.build.UnitSpec}s and {@link
 * org.modsvc.switcher.build.ConfigDataLink}s), checks the units before anything is written ({@link
 * org.modsvc.switcher.build.UnitValidator}), refuses anything that could escape its directory, and
 * lays the result out as a generation's files ({@link org.modsvc.switcher.build.DesiredFiles} →
 * {@link org.modsvc.switcher.build.Built}). The unit-file text itself (rendering, the injection
 * checks, systemd's key table) is {@code unit}'s; where a configuration comes from is {@code
 * config}'s. Every refusal is a {@link org.modsvc.switcher.build.BuildException} (exit 2, nothing
 * written).
 */
package org.modsvc.switcher.build;
