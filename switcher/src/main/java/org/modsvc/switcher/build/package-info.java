/**
 * From an evaluated configuration to the files a generation consists of. The built-in Nix modules
 * ({@code modsvc-modules/eval.nix}) decide the content and order of every unit line, exactly as nixpkgs'
 * {@code systemd-lib.nix} (system) and Home Manager's INI writer (user) do; this package only decodes that
 * output contract into records ({@link org.modsvc.switcher.build.BuildOutput}), refuses anything that could
 * inject into a unit file or escape its directory, and renders the text.
 */
package org.modsvc.switcher.build;
