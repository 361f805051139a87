/**
 * Source text and positions. A {@link org.modsvc.nix.source.Source} is one file or one string given
 * on the command line ({@code «string»}, {@code «stdin»}), with the directory relative paths
 * resolve against; a {@link org.modsvc.nix.source.Span} is a character range {@code [start, end)}
 * in one source, carried by every syntax node and thunk. Line and column are computed on demand
 * from the source's line starts: nothing else in the evaluator stores line numbers (tvix's single
 * source map, in Java).
 *
 * <p>{@link org.modsvc.nix.source.SearchPathEntry} is one element of the search path ({@code -I},
 * {@code NIX_PATH}), where {@code <name>} sources are found.
 *
 * <p>{@link org.modsvc.nix.source.ArchivedFiles} reads the files inside our own jar (the bundled
 * lib and modules), which cannot change while the process runs, once per process. Invariant: only
 * files of an archive file system are kept; files on disk are read afresh every time, since they
 * may change between evaluations. Our sources in a plain class-path directory (tests, builds) are
 * read afresh too, but {@code isShipped} tells them apart from the user's files, so they are not
 * among an evaluation's files read.
 */
package org.modsvc.nix.source;
