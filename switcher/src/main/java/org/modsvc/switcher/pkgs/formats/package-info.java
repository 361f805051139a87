/**
 * Writers for the {@code pkgs.formats} whose file nixpkgs produces by running a tool in a builder
 * (jq, remarshal, python, iconv …). A host without Nix has no builder, so each writer here produces
 * the bytes that tool writes, from the same input: the value as {@code builtins.toJSON} gives it.
 * Each class names the tool and version whose output it reproduces; the golden files under the
 * tests' {@code formats/} resources were written by those tools.
 */
package org.modsvc.switcher.pkgs.formats;
