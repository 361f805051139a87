package org.modsvc.switcher.activation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;

/**
 * {@code diff -u} of two file sets, path by path: regular files line by line (longest common
 * subsequence, three lines of context, as GNU diff's hunks), symlinks as one line {@code ->
 * target}. Unit files are small, so the quadratic table is cheap and keeps the code obvious.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final long MAX_SHOWN_BYTES = 1024 * 1024;

  private UnifiedDiff() {}

  public static String of(DesiredState from, DesiredState to) {
    return of(from, to, target -> Optional.empty());
  }

  /**
   * As {@link #of(DesiredState, DesiredState)}, and for a link whose target {@code contentOf} can
   * read (a config data link into the store) the content diff of the target too, file by file for a
   * directory, headed with the link path and its targets: two store hashes alone do not say what
   * changed.
   *
   * @param contentOf the file or directory on disk a link target names, if its content is to be
   *     shown
   */
  public static String of(
      DesiredState from, DesiredState to, Function<String, Optional<Path>> contentOf) {
    StringBuilder out = new StringBuilder();
    TreeSet<HostPath> paths = new TreeSet<>(from.files().keySet());
    paths.addAll(to.files().keySet());
    for (HostPath p : paths) {
      DesiredFile a = from.files().get(p);
      DesiredFile b = to.files().get(p);
      if (a != null && a.equals(b)) {
        continue;
      }
      out.append(lines(p.value(), lines(a), lines(b)));
      Optional<Path> oldContent = target(a).flatMap(contentOf);
      Optional<Path> newContent = target(b).flatMap(contentOf);
      if (oldContent.isPresent() || newContent.isPresent()) {
        out.append(content(p.value(), oldContent, newContent));
      }
    }
    return out.toString();
  }

  private static Optional<String> target(DesiredFile f) {
    return f instanceof DesiredFile.Symlink l ? Optional.of(l.target()) : Optional.empty();
  }

  /** The diff of what two link targets hold: each file below them by relative path. */
  private static String content(String link, Optional<Path> a, Optional<Path> b) {
    Map<String, Path> oldFiles = files(a);
    Map<String, Path> newFiles = files(b);
    TreeSet<String> names = new TreeSet<>(oldFiles.keySet());
    names.addAll(newFiles.keySet());
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      String path = link + " (content" + (name.isEmpty() ? "" : " of " + name) + ")";
      List<String> before = text(oldFiles.get(name));
      List<String> after = text(newFiles.get(name));
      if (!before.equals(after)) {
        out.append(lines(path, before, after));
      }
    }
    return out.toString();
  }

  private static Map<String, Path> files(Optional<Path> root) {
    Map<String, Path> files = new TreeMap<>();
    if (root.isEmpty()) {
      return files;
    }
    Path r = root.get();
    if (Files.isRegularFile(r, LinkOption.NOFOLLOW_LINKS)) {
      files.put("", r);
      return files;
    }
    if (!Files.isDirectory(r, LinkOption.NOFOLLOW_LINKS)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(r)) {
      walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
          .forEach(f -> files.put(r.relativize(f).toString(), f));
    } catch (IOException | UncheckedIOException e) {
      files.put("", r); // shown as unreadable below
    }
    return files;
  }

  /** A file's lines; one line saying why when it is too large, not text, or unreadable. */
  private static List<String> text(Path file) {
    if (file == null) {
      return List.of();
    }
    try {
      if (Files.size(file) > MAX_SHOWN_BYTES) {
        return List.of("(" + Files.size(file) + " bytes, not shown)");
      }
      byte[] bytes = Files.readAllBytes(file);
      String s =
          StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      return s.lines().toList();
    } catch (java.nio.charset.CharacterCodingException e) {
      return List.of("(binary content, sha256 " + sha256(file) + ")");
    } catch (IOException e) {
      return List.of("(not readable: " + e.getMessage() + ")");
    }
  }

  private static String sha256(Path file) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return java.util.HexFormat.of().formatHex(d);
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      return "unknown";
    }
  }

  private static List<String> lines(DesiredFile f) {
    if (f == null) {
      return List.of();
    }
    if (f instanceof DesiredFile.Symlink l) {
      return List.of("-> " + l.target());
    }
    return new String(((DesiredFile.Regular) f).bytes(), StandardCharsets.UTF_8).lines().toList();
  }

  /** The unified diff of one file; {@code a} or {@code b} empty for a file added or removed. */
  static String lines(String path, List<String> a, List<String> b) {
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // the edit script: ' ' keep, '-' delete, '+' insert, with positions in a and b
    List<char[]> ops = new ArrayList<>();
    List<int[]> pos = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        pos.add(new int[] {i++, j++});
      } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
        ops.add(new char[] {'-'});
        pos.add(new int[] {i++, j});
      } else {
        ops.add(new char[] {'+'});
        pos.add(new int[] {i, j++});
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("--- ").append(n == 0 ? "/dev/null" : "old" + path).append('\n');
    out.append("+++ ").append(m == 0 ? "/dev/null" : "new" + path).append('\n');
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      int lastChange = k;
      while (end < ops.size() && (ops.get(end)[0] != ' ' || end - lastChange <= 2 * CONTEXT)) {
        if (ops.get(end)[0] != ' ') {
          lastChange = end;
        }
        end++;
      }
      end = Math.min(ops.size(), lastChange + CONTEXT + 1);
      int aStart = pos.get(start)[0];
      int bStart = pos.get(start)[1];
      int aLen = 0;
      int bLen = 0;
      StringBuilder body = new StringBuilder();
      for (int x = start; x < end; x++) {
        char op = ops.get(x)[0];
        int[] p = pos.get(x);
        String text = op == '+' ? b.get(p[1]) : a.get(p[0]);
        body.append(op).append(text).append('\n');
        if (op != '+') aLen++;
        if (op != '-') bLen++;
      }
      out.append("@@ -")
          .append(range(aStart, aLen))
          .append(" +")
          .append(range(bStart, bLen))
          .append(" @@\n");
      out.append(body);
      k = end;
    }
    return out.toString();
  }

  private static String range(int start, int len) {
    return (len == 0 ? start : start + 1) + "," + len;
  }
}
