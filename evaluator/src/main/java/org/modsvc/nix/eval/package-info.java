/**
 * The interpreter: {@link org.modsvc.nix.eval.Compiler} lowers the syntax tree once into executable
 * {@link org.modsvc.nix.eval.Node}s, resolving every variable to a frame slot ({@link
 * org.modsvc.nix.eval.Scope} at compile time, {@link org.modsvc.nix.eval.Env} at run time) or to a
 * run-time {@code with} lookup, as jlox's Resolver and tvix's scope pass do; each node evaluates
 * itself ({@code eval} to weak head normal form, {@code lazy} to something to store in a slot, list
 * or attribute). {@link org.modsvc.nix.eval.EvalState} is one evaluation: settings, store ({@link
 * org.modsvc.nix.store.EvalStore}), search path, imports, function application, string coercion,
 * and a record of the files read and warnings given. {@link org.modsvc.nix.eval.Builtins} assembles
 * the global scope from the groups the front door ({@code org.modsvc.nix.Evaluation}) hands it as a
 * {@link org.modsvc.nix.eval.Builtins.Catalog}; {@link org.modsvc.nix.eval.ParseCache} keeps parsed
 * and compiled files for whoever owns it; {@link org.modsvc.nix.eval.PrimOp} is a builtin function;
 * {@link org.modsvc.nix.eval.Types} and {@link org.modsvc.nix.eval.Ops} hold Nix's type checks,
 * arithmetic and equality with Nix's messages. {@link org.modsvc.nix.eval.DeepStack} runs an
 * evaluation on a 1 GiB stack.
 *
 * <p><b>Invariants.</b>
 *
 * <ul>
 *   <li>An {@code EvalState} and everything it evaluates belong to one thread. Compiled code is
 *       shared by every evaluation of the same file text through one {@link
 *       org.modsvc.nix.eval.ParseCache}: nodes hold no evaluation state (a frame carries its {@code
 *       EvalState}), and the only fields a node writes while running are the hints listed below,
 *       each a single word whose any value is correct.
 *   <li>{@code eval} never returns a {@link org.modsvc.nix.value.Thunk}. Undefined variables
 *       outside any {@code with} are reported by the compiler, before evaluation, as Nix does.
 *   <li>Builtins receive their arguments unforced and force only what Nix forces, so {@code seq},
 *       {@code tryEval} and the module system keep Nix's laziness.
 *   <li>Messages and trace lines are Nix's own words: tests compare them with Nix's.
 *   <li>This package needs nothing from {@code builtins}, {@code lib} or the front door; {@code
 *       value} needs nothing from it ({@link org.modsvc.nix.eval.Node} is a {@link
 *       org.modsvc.nix.value.Code}, which thunks run).
 *   <li>Every file the evaluation reads, lists, hashes, copies or looks for on disk goes through
 *       {@code EvalState.noteRead} (our shipped sources excepted): a daemon watches exactly these.
 * </ul>
 *
 * <p><b>Fast paths</b>, each with the invariant it relies on (the measurements that motivated them
 * are in {@code docs/benchmarks.md}; each is explained where it stands):
 *
 * <ul>
 *   <li><em>No thunk for what cannot fail.</em> {@code lazy} of a constant, a variable (the slot's
 *       content), a function literal, a set literal without dynamic names or {@code __overrides}
 *       ({@code AttrNodes.Attrs}) and a selection whose whole path is already evaluated ({@code
 *       AttrNodes.Select}) returns the value itself. Relies on: producing these values evaluates
 *       nothing, so it cannot fail, loop or print; except inside a frame still being filled, where
 *       a reference to a sibling slot must stay a thunk ({@code Nodes.lazyInFrame}).
 *   <li><em>Frames.</em> Slot 0 lives in a field, the rest in an array; {@code Env.up2} is {@code
 *       up.up}, so a read several frames up walks two at a time. Relies on: a frame's parent never
 *       changes ({@code up} is final).
 *   <li><em>Variable reads.</em> {@code Nodes.local} picks a class per shape (this frame or its
 *       parent, slot 0 or another), and nodes whose operand is a variable (a selection's target, a
 *       call's function and arguments, {@code ?}) read it through the final {@code
 *       Local.read}/{@code peek} instead of a megamorphic {@code eval}. {@code read} stores the
 *       forced value back into the slot. Relies on: a thunk is memoised, so replacing it by its
 *       value is unobservable.
 *   <li><em>Calls.</em> {@code f a b} passes all arguments at once to a builtin of that arity (no
 *       partial application); with {@code f = x: y: …} it binds {@code x} and runs the inner
 *       function without allocating the intermediate closure ({@code CallNode}). Relies on: a
 *       builtin's result does not depend on how it was applied; binding a plain argument cannot
 *       fail, and a function literal as body evaluates nothing.
 *   <li><em>Conditions.</em> {@code if a == b} calls {@code BinOps.Eq.test} directly, and an
 *       equality with a literal right side compares against the constant. Relies on: the same
 *       {@code Ops.equal} runs either way.
 *   <li><em>Name lookups.</em> The compiler interns every name written in source, so most lookups
 *       find their name by identity; selections and formals remember where they found their name
 *       last time ({@code guess}) and the names array of the last set that lacked it ({@code
 *       absentIn}). Relies on: sets are immutable and sets made by one literal share their names
 *       array, so a names array that lacked a name always lacks it; a guess is checked before use;
 *       correctness never depends on interning (non-identical names are compared by content).
 *   <li><em>Deferred computations.</em> Builtins and module primitives make thunks from a named,
 *       non-capturing {@link org.modsvc.nix.value.Thunk.Deferred} plus a context object ({@code
 *       PendingCall} for {@code map}, {@code mapAttrs}, …), so a thunk is one allocation. Relies
 *       on: a computation reads only its context.
 *   <li><em>Builtin dispatch.</em> Builtin groups implement {@code PrimOp.Bodies} (one method
 *       switching on an op number) instead of one lambda per builtin, which every start would have
 *       to link. No semantic assumption.
 *   <li><em>Parse once per cache, parse ahead.</em> {@code ParseCache} keeps each file's tree
 *       (keyed by path and home directory, checked against the text just read) and the code
 *       compiled from it per layout of the global scope, and parses the files a tree's path
 *       literals name on a spare core. One-shot callers share the process's cache; a daemon owns
 *       one and prunes it to the files its last evaluation used. Relies on: compiled code depends
 *       only on the tree and the global names; the evaluation compares the text it read itself and
 *       parses (and reports syntax errors) itself whenever the guess is missing, failed or stale.
 *   <li><em>Imports by path string.</em> {@code EvalState} remembers each {@code import}ed value by
 *       the path string as given, besides the resolved path, so importing the same string again
 *       (every service's module function imports the same helper files) skips normalising it,
 *       mapping the store and asking the file system whether it is a directory. Relies on: within
 *       one evaluation a path string resolves to the same file, as the resolved-path cache already
 *       assumes for its value (a directory appearing in place of an imported file midway through an
 *       evaluation is not seen, as a file changing midway is not).
 *   <li><em>Thunks run nodes without a second call.</em> {@code Node.runIn} (what {@code Thunk}
 *       calls through {@code value.Code}) is final and {@code Node} is the only {@code Code}, so
 *       the JIT binds it statically and inlines it: forcing a pending thunk costs the one
 *       megamorphic {@code eval} it always did. Relies on: no other subclass of {@code Code}.
 * </ul>
 */
package org.modsvc.nix.eval;
