package org.modsvc.nix.eval;

import java.util.ArrayDeque;
import java.util.Deque;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Value;

/**
 * Path text operations as Nix's {@code canonPath}, {@code dirOf} and {@code baseNameOf} do them.
 */
public final class Paths {
  private Paths() {}

  /** Removes {@code .}, {@code ..}, duplicate and trailing slashes; does not resolve symlinks. */
  public static String canonicalize(String path) {
    if (path.isEmpty()) return "/";
    Deque<String> parts = new ArrayDeque<>();
    for (String seg : path.split("/")) {
      if (seg.isEmpty() || seg.equals(".")) continue;
      if (seg.equals("..")) {
        if (!parts.isEmpty()) parts.removeLast();
        continue;
      }
      parts.addLast(seg);
    }
    if (parts.isEmpty()) return "/";
    StringBuilder sb = new StringBuilder();
    for (String p : parts) sb.append('/').append(p);
    return sb.toString();
  }

  /**
   * Everything before the last slash, as Nix's {@code dirOf}: no trailing-slash stripping, so
   * {@code dirOf "a///b"} is {@code "a//"} and {@code dirOf "///"} is {@code "//"}. For canonical
   * paths (no trailing or repeated slashes) this is the ordinary parent directory.
   */
  public static String dirOf(String path) {
    int slash = path.lastIndexOf('/');
    if (slash < 0) return ".";
    if (slash == 0) return "/";
    return path.substring(0, slash);
  }

  public static String baseNameOf(String path) {
    String p = path;
    if (p.endsWith("/")) p = p.substring(0, p.length() - 1);
    int slash = p.lastIndexOf('/');
    return slash < 0 ? p : p.substring(slash + 1);
  }

  /** {@code { file; line; column; }} for {@code __curPos} and {@code unsafeGetAttrPos}. */
  public static Value positionAttrs(Span span) {
    if (span == null || !span.isKnown()) return NixNull.NULL;
    return NixAttrs.builder(3)
        .put("column", NixInt.of(span.column()))
        .put("file", NixString.of(span.source().name()))
        .put("line", NixInt.of(span.line()))
        .build();
  }
}
