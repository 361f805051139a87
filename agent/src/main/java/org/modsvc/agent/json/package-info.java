/**
 * JSON output shared by the command line ({@code --json}) and the control socket: nested maps,
 * lists, strings, numbers and booleans written as indented JSON. Reading JSON is the evaluator's
 * {@code nix.format.JsonParser}.
 *
 * <p>Invariants: map order is kept (callers use {@code LinkedHashMap} for a stable field order);
 * anything else is written as its {@code toString()} quoted, so an output never fails.
 */
package org.modsvc.agent.json;
