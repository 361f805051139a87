/**
 * Nix sources modsvc ships in its jar: the {@code lib} (docs/decisions.md §1: module system, types and the common nixpkgs lib functions,
 * written as Nix source under {@code src/main/resources/modsvc-lib/} and reachable as {@code <modsvc-lib>}.
 * Behaviour follows nixpkgs' {@code lib/}; the code is our own.
 */
package org.modsvc.nix.lib;
