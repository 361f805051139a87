/**
 * Evaluation errors. {@link org.modsvc.nix.error.EvalException} carries a message, a span and a
 * Nix-style trace; {@link org.modsvc.nix.error.ThrownError} is the catchable subset ({@code throw},
 * {@code assert}), kept as its own type as tvix keeps {@code CatchableErrorKind} apart, so {@code
 * tryEval} can never swallow an internal failure. {@link org.modsvc.nix.error.ErrorPrinter} renders
 * errors the way {@code nix-instantiate} does (message last, each frame with its source line).
 */
package org.modsvc.nix.error;
