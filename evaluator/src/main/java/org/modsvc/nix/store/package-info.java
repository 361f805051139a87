/**
 * Hashes, NAR serialisation, store paths and derivations computed exactly as Nix computes them, so
 * the evaluator's {@code builtins} ({@code hashString}, {@code hashFile}, {@code convertHash},
 * {@code toFile}, {@code path}, {@code filterSource}, {@code derivationStrict}, {@code
 * placeholder}, path interpolation) produce Nix's strings byte for byte. Pure JDK, plain Java
 * types, no dependency on the rest of the evaluator: string context stays with the evaluator, which
 * passes sets of paths. {@link org.modsvc.nix.store.EvalStore} is what an evaluation needs of a
 * store (implemented in memory by {@link org.modsvc.nix.store.MemoryStore}); {@link
 * org.modsvc.nix.store.StoreObject} is what it added, which the agent writes to its store on disk.
 *
 * <p>Mirrors upstream {@code libutil/hash.cc}, {@code base-nix-32.cc}, {@code archive.cc}, {@code
 * libstore/path.cc}, {@code store-dir-config.cc}, {@code derivation/aterm.cc}, {@code
 * derivation/modulo.cc} and {@code primops.cc}'s {@code derivationStrict}. Invariants:
 *
 * <ul>
 *   <li>Strings are hashed as UTF-8; every ordered collection that ends up in an ATerm or a store
 *       path fingerprint is ordered by UTF-8 bytes ({@link org.modsvc.nix.store.ByteOrder}), as
 *       {@code std::map<std::string,…>} orders it.
 *   <li>Nothing is written anywhere: like Nix in read-only mode, paths are only computed.
 *   <li>Errors are {@link org.modsvc.nix.store.StoreException}s whose message is Nix's message
 *       (upstream master wording, which the language test-suite expects); callers add traces.
 *   <li>A derivation's inputs are resolved through the hash modulo of derivations instantiated
 *       earlier ({@link org.modsvc.nix.store.DerivationRegistry}); content-addressed (floating) and
 *       impure derivations are not supported.
 * </ul>
 */
package org.modsvc.nix.store;
