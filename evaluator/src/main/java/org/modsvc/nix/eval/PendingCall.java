package org.modsvc.nix.eval;

import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.Value;

/**
 * A call a builtin defers, {@code fn a} or {@code fn a b} ({@code b} null), as the context of a
 * {@link org.modsvc.nix.value.Thunk.Deferred}: {@code map}, {@code mapAttrs} and the like make one
 * per element.
 *
 * <p>Each builtin writes its own computation making the call, rather than sharing one: with a
 * single shared computation the JIT compiled it worse and the nixpkgs-lib benchmark ran 7% slower.
 */
public record PendingCall(EvalState state, Value fn, Value a, Value b, Span span) {}
