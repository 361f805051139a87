package org.modsvc.switcher.activation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;

/**
 * {@code diff -u} of two file sets, path by path: regular files line by line (longest common subsequence, three
 * lines of context, as GNU diff's hunks), symlinks as one line {@code -> target}. Unit files are small, so the
 * quadratic table is cheap and keeps the code obvious.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  public static String of(DesiredState from, DesiredState to) {
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
    }
    return out.toString();
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
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
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
      out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n");
      out.append(body);
      k = end;
    }
    return out.toString();
  }

  private static String range(int start, int len) {
    return (len == 0 ? start : start + 1) + "," + len;
  }
}
