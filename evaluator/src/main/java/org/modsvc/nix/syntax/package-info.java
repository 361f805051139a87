/**
 * The Nix language front end: {@link org.modsvc.nix.syntax.Lexer} turns source text into tokens,
 * {@link org.modsvc.nix.syntax.Parser} builds the {@link org.modsvc.nix.syntax.Expr} tree, and
 * {@link org.modsvc.nix.syntax.StaticScope} performs Nix's parse-time check that every variable is
 * bound.
 *
 * <p>Behaviour mirrors upstream Nix ({@code src/libexpr/lexer.l}, {@code parser.y}, {@code
 * parser-state.hh}, a 2.2x release): the same tokens and longest-match rules (so {@code a/b} is a
 * path and {@code x:x} a URI), the same operator precedences, the same desugarings (search paths
 * become {@code __findFile __nixPath "p"}, indented strings are stripped at parse time, URIs become
 * strings), the same static errors (duplicate attributes and formals, dynamic attributes in {@code
 * let} or {@code inherit}, undefined variables, paths with a trailing slash) with the same messages
 * and positions, and "syntax error, unexpected X, expecting Y" for the rest.
 *
 * <p>Invariants of the tree the parser returns:
 *
 * <ul>
 *   <li>every {@link org.modsvc.nix.syntax.Expr.AttrDef} path has exactly one element; nested
 *       definitions ({@code a.b = 1; a.c = 2;}) are merged into non-recursive nested {@link
 *       org.modsvc.nix.syntax.Expr.AttrSet}s, and each static name appears at most once per set or
 *       {@code let} (counting {@code inherit}ed names);
 *   <li>a {@code let} never has a dynamic name at its top level;
 *   <li>{@link org.modsvc.nix.syntax.Expr.PathLit} paths are absolute and normalised (no {@code .},
 *       {@code ..} or repeated slashes), except {@code ~/} paths, which are the home directory plus
 *       the literal rest, as in Nix;
 *   <li>an {@code AttrDef}'s span starts at its attribute path, a {@code Formal}'s at its name, an
 *       inherited name's {@link org.modsvc.nix.syntax.Expr.StaticName} span is the name itself:
 *       these are the positions {@code unsafeGetAttrPos} and error messages report.
 * </ul>
 */
package org.modsvc.nix.syntax;
