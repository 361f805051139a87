package org.modsvc.nix.builtins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.IoReason;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.Hash;
import org.modsvc.nix.store.HashAlgo;
import org.modsvc.nix.store.Hashes;
import org.modsvc.nix.store.StorePaths;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** File-system builtins: reading files and directories and adding paths or text to the store. */
final class FileBuiltins implements Builtins.Group, PrimOp.Bodies {
  private final EvalState st;

  FileBuiltins(EvalState st) {
    this.st = st;
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    READ_FILE("readFile", 1),
    PATH_EXISTS("pathExists", 1),
    READ_FILE_TYPE("readFileType", 1),
    READ_DIR("readDir", 1),
    TO_PATH("toPath", 1),
    STORE_PATH("storePath", 1),
    TO_FILE("toFile", 2),
    FILTER_SOURCE("filterSource", 2),
    PATH("path", 1),
    HASH_FILE("hashFile", 2);

    final String nixName;
    final int arity;

    Op(String nixName, int arity) {
      this.nixName = nixName;
      this.arity = arity;
    }
  }

  private static final Op[] OPS = Op.values();

  @Override
  public void register(Builtins.Registry r) {
    for (Op op : OPS) r.def(op.nixName, op.arity, this, op.ordinal());
  }

  @Override
  public Value apply(int op, Value[] a, Span sp) {
    return switch (OPS[op]) {
      case READ_FILE -> readFile(a, sp);
      case PATH_EXISTS -> pathExists(a, sp);
      case READ_FILE_TYPE -> readFileType(a, sp);
      case READ_DIR -> readDir(a, sp);
      case TO_PATH -> toPath(a, sp);
      case STORE_PATH -> storePath(a, sp);
      case TO_FILE -> toFile(a, sp);
      case FILTER_SOURCE -> filterSource(a, sp);
      case PATH -> path(a, sp);
      case HASH_FILE -> hashFile(a, sp);
    };
  }

  private Value readFile(Value[] a, Span sp) {
    String path = st.coerceToPath(a[0], sp);
    NixString s = st.coerceToString(a[0], sp, false, false);
    Optional<String> text = st.store().textContent(path);
    if (text.isPresent()) return new NixString(text.get(), s.context());
    Path real = real(st, path);
    st.noteRead(real);
    st.checkReadable(real, path, sp);
    try {
      byte[] bytes = Files.readAllBytes(real);
      return new NixString(new String(bytes, StandardCharsets.UTF_8), s.context());
    } catch (NoSuchFileException e) {
      throw new EvalException("path '" + path + "' does not exist", sp);
    } catch (IOException e) {
      throw new EvalException("reading '" + path + "': " + IoReason.of(e), sp);
    }
  }

  private Value pathExists(Value[] a, Span sp) {
    Value v = Thunk.force(a[0]);
    String path = st.coerceToPath(v, sp);
    boolean mustBeDir = false;
    if (v instanceof NixString s && (s.value().endsWith("/") || s.value().endsWith("/.")))
      mustBeDir = true;
    if (st.store().textContent(path).isPresent()) return NixBool.TRUE;
    Path p = real(st, path);
    st.noteRead(p);
    return NixBool.of(
        mustBeDir ? Files.isDirectory(p) : Files.exists(p, LinkOption.NOFOLLOW_LINKS));
  }

  private Value readFileType(Value[] a, Span sp) {
    String path = st.coerceToPath(a[0], sp);
    if (st.store().textContent(path).isPresent()) return NixString.of("regular");
    Path p = real(st, path);
    st.noteRead(p);
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      throw new EvalException("path '" + path + "' does not exist", sp);
    }
    return NixString.of(fileType(p));
  }

  private Value readDir(Value[] a, Span sp) {
    String path = st.coerceToPath(a[0], sp);
    Path p = real(st, path);
    st.noteRead(p);
    if (Files.exists(p) && !Files.isDirectory(p)) {
      // Nix resolves symlinks first and names the final target in the message.
      String shown = path;
      try {
        if (Files.isSymbolicLink(p) && p.equals(Path.of(path))) shown = p.toRealPath().toString();
      } catch (IOException e) {
        // keep the path as given
      }
      throw new EvalException("'" + shown + "' is not a directory", sp);
    }
    NixAttrs.Builder b = NixAttrs.builder();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(p)) {
      for (Path e : ds) b.put(e.getFileName().toString(), NixString.of(fileType(e)));
    } catch (NoSuchFileException e) {
      throw new EvalException("path '" + path + "' does not exist", sp);
    } catch (IOException e) {
      throw new EvalException("reading directory '" + path + "': " + IoReason.of(e), sp);
    }
    return b.build();
  }

  private Value toPath(Value[] a, Span sp) {
    NixString s = st.coerceToString(a[0], sp, false, false);
    if (!s.value().startsWith("/")) {
      throw new EvalException("string '" + s.value() + "' doesn't represent an absolute path", sp);
    }
    return new NixString(org.modsvc.nix.eval.Paths.canonicalize(s.value()), s.context());
  }

  private Value storePath(Value[] a, Span sp) {
    String path = st.coerceToPath(a[0], sp);
    if (!st.store().isStorePath(path)) {
      throw new EvalException("path '" + path + "' is not in the Nix store", sp);
    }
    String storePath = st.store().toStorePath(path);
    return new NixString(path, java.util.Set.of(storePath));
  }

  private Value toFile(Value[] a, Span sp) {
    String name = Types.plainString(a[0], sp);
    NixString content = Types.string(a[1], sp);
    TreeSet<String> refs = new TreeSet<>();
    for (String c : content.context()) {
      if (c.startsWith("=") || c.startsWith("!")) {
        throw new EvalException(
            "files created by builtins.toFile may not reference derivations, but "
                + Types.plainString(a[0], sp)
                + " references "
                + c,
            sp);
      }
      refs.add(c);
    }
    String p = StoreCalls.run(() -> st.store().addText(name, content.value(), refs), sp);
    return new NixString(p, java.util.Set.of(p));
  }

  private Value filterSource(Value[] a, Span sp) {
    // The path is checked before the filter, as in Nix.
    Value filter = a[0];
    String path = st.coerceToPath(a[1], sp);
    Types.function(filter, sp);
    return addPath(st, path, StorePaths.baseName(path), filter, true, null, sp);
  }

  private Value path(Value[] a, Span sp) {
    NixAttrs args = Types.attrs(a[0], sp);
    Value pv = args.get("path");
    if (pv == null) {
      throw new EvalException(
          "missing required 'path' attribute in the first argument to 'builtins.path'", sp);
    }
    String path = st.coerceToPath(pv, sp);
    Value nv = args.get("name");
    String name = nv == null ? StorePaths.baseName(path) : Types.plainString(nv, sp);
    Value rv = args.get("recursive");
    boolean recursive = rv == null || Types.bool(rv, sp);
    Value hv = args.get("sha256");
    String sha = hv == null ? null : Types.plainString(hv, sp);
    for (String k : args.names()) {
      if (!k.equals("path")
          && !k.equals("name")
          && !k.equals("filter")
          && !k.equals("recursive")
          && !k.equals("sha256")) {
        throw new EvalException("unsupported argument '" + k + "' to 'builtins.path'", sp);
      }
    }
    return addPath(st, path, name, args.get("filter"), recursive, sha, sp);
  }

  private Value hashFile(Value[] a, Span sp) {
    HashAlgo algo = StoreCalls.run(() -> HashAlgo.parse(Types.plainString(a[0], sp)), sp);
    String path = st.coerceToPath(a[1], sp);
    Optional<String> text = st.store().textContent(path);
    if (text.isPresent()) return NixString.of(Hashes.hashString(algo, text.get()).toBase16());
    Path real = real(st, path);
    st.noteRead(real);
    st.checkReadable(real, path, sp);
    try {
      return NixString.of(Hashes.hashFile(algo, real).toBase16());
    } catch (NoSuchFileException e) {
      throw new EvalException("path '" + path + "' does not exist", sp);
    } catch (IOException e) {
      throw new EvalException("reading '" + path + "': " + IoReason.of(e), sp);
    }
  }

  static Path real(EvalState st, String path) {
    return st.store().realPath(path).orElse(Path.of(path));
  }

  static String fileType(Path p) {
    if (Files.isSymbolicLink(p)) return "symlink";
    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) return "directory";
    if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) return "regular";
    return "unknown";
  }

  private static Value addPath(
      EvalState st,
      String path,
      String name,
      Value filter,
      boolean recursive,
      String expectedSha,
      Span sp) {
    Path src = real(st, path);
    st.noteRead(src);
    if (!Files.exists(src, LinkOption.NOFOLLOW_LINKS)) {
      throw new EvalException("path '" + path + "' does not exist", sp);
    }
    st.checkTree(src, path, sp);
    BiPredicate<Path, String> f = null;
    if (filter != null) {
      Path root = src;
      f =
          (p, type) -> {
            String shown = path + "/" + root.relativize(p).toString();
            return Types.bool(st.call(filter, new NixPath(shown), NixString.of(type), sp), sp);
          };
    }
    BiPredicate<Path, String> ff = f;
    String sp2 = StoreCalls.run(() -> st.store().addPath(src, name, recursive, ff), sp);
    if (expectedSha != null && !expectedSha.isEmpty()) {
      Hash expected = StoreCalls.run(() -> Hash.parseAny(expectedSha, HashAlgo.SHA256), sp);
      StorePaths paths = new StorePaths(st.store().storeDir());
      String wanted = paths.makeFixedOutputPath(name, recursive, expected, java.util.Set.of());
      if (!wanted.equals(sp2)) {
        throw new EvalException(
            "store path mismatch in file downloaded from '"
                + path
                + "':\n  specified: "
                + wanted
                + "\n  got:       "
                + sp2,
            sp);
      }
    }
    return new NixString(sp2, java.util.Set.of(sp2));
  }
}
