/**
 * The Nix {@code lib} modsvc ships (decisions §1): module system, types and the common nixpkgs lib functions,
 * written as Nix source under {@code src/main/resources/modsvc-lib/} and reachable as {@code <modsvc-lib>}.
 * Behaviour follows nixpkgs' {@code lib/}; the code is our own.
 */
package org.modsvc.nix.lib;
