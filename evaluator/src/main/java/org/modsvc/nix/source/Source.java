package org.modsvc.nix.source;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One piece of Nix source text: a file or a string given on the command line. Line starts are
 * computed once so that offsets turn into line:column on demand; nothing else in the evaluator
 * stores line numbers.
 */
public final class Source {
  private final String name;
  private final String text;
  private final Path file;
  private final Path baseDir;
  private int[] lineStarts;

  private Source(String name, String text, Path file, Path baseDir) {
    this.name = name;
    this.text = text;
    this.file = file;
    this.baseDir = baseDir;
  }

  /** Source read from {@code file}; relative paths inside resolve against its directory. */
  public static Source ofFile(Path file, String text) {
    Path abs = file.toAbsolutePath().normalize();
    Path dir = abs.getParent() == null ? abs : abs.getParent();
    return new Source(abs.toString(), text, abs, dir);
  }

  /**
   * Source given as a string (--expr, stdin); relative paths resolve against {@code baseDir}.
   * {@code name} is shown wherever a position is, so it is written as Nix writes these origins:
   * {@code «string»}, {@code «stdin»}.
   */
  public static Source ofString(String name, String text, Path baseDir) {
    return new Source(name, text, null, baseDir.toAbsolutePath().normalize());
  }

  public String name() {
    return name;
  }

  public String text() {
    return text;
  }

  /** The file this source came from, or null for a string. */
  public Path file() {
    return file;
  }

  public Path baseDir() {
    return baseDir;
  }

  private int[] lineStarts() {
    int[] ls = lineStarts;
    if (ls == null) {
      int n = 1;
      for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
      ls = new int[n];
      int k = 1;
      for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') ls[k++] = i + 1;
      lineStarts = ls;
    }
    return ls;
  }

  /** 1-based line of an offset. */
  public int line(int offset) {
    int[] ls = lineStarts();
    int i = Arrays.binarySearch(ls, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  /** 1-based column of an offset. */
  public int column(int offset) {
    int[] ls = lineStarts();
    int line = line(offset);
    return offset - ls[line - 1] + 1;
  }

  /** The text of a 1-based line, without its newline. */
  public String lineText(int line) {
    int[] ls = lineStarts();
    if (line < 1 || line > ls.length) return "";
    int start = ls[line - 1];
    int end = line < ls.length ? ls[line] - 1 : text.length();
    return text.substring(start, Math.max(start, end));
  }

  @Override
  public String toString() {
    return name;
  }
}
