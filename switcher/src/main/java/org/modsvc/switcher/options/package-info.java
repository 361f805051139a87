/**
 * Documentation of the declared options of a host's module evaluation, for {@code modsvc-agent
 * options} (what {@code nixos-option} and NixOS' {@code options.json} give on NixOS).
 *
 * <p>The entries come from {@code modsvc-modules/options.nix}, i.e. from {@code
 * lib.optionAttrSetToDocList} over the evaluation's {@code options}, with nixpkgs' shape: {@code
 * name} (with {@code <name>} and {@code *} placeholders for attribute-set and list submodules),
 * {@code type} (the type's description), {@code default} and {@code example} as rendered literals
 * ({@code _type = "literalExpression"} or {@code "literalMD"} with a {@code text}; {@code
 * defaultText} wins over {@code default}), {@code description}, {@code declarations}, {@code
 * readOnly}, {@code internal}, {@code visible}. As in NixOS' manual, {@code internal} options and
 * those with {@code visible = false} are hidden unless asked for; options under a {@code visible =
 * false} or {@code "shallow"} option are not listed at all, as upstream.
 */
package org.modsvc.switcher.options;
