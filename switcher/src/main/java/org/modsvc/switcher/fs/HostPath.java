package org.modsvc.switcher.fs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An absolute path as the host sees it ({@code /etc/systemd/system/a.service}), independent of any
 * {@code --root} prefix. Every path the agent writes, links or deletes passes through here first,
 * so a hostile name ({@code ../../etc/passwd}, an embedded NUL or newline, an empty component) is
 * rejected before anything touches the disk.
 */
public record HostPath(String value) implements Comparable<HostPath> {

  public HostPath {
    validate(value);
  }

  public static HostPath of(String value) {
    return new HostPath(value);
  }

  /** The components below {@code /}, e.g. {@code [etc, systemd, system]}. */
  public List<String> components() {
    return value.equals("/") ? List.of() : List.of(value.substring(1).split("/", -1));
  }

  public String name() {
    return value.substring(value.lastIndexOf('/') + 1);
  }

  /** The parent directory, or null for {@code /}. */
  public HostPath parent() {
    if (value.equals("/")) {
      return null;
    }
    int slash = value.lastIndexOf('/');
    return new HostPath(slash == 0 ? "/" : value.substring(0, slash));
  }

  /** This path plus one more validated component (or several, separated by {@code /}). */
  public HostPath resolve(String relative) {
    if (relative.startsWith("/")) {
      throw new IllegalArgumentException(
          "path must be relative, found '" + printable(relative) + "'");
    }
    return new HostPath(value.equals("/") ? "/" + relative : value + "/" + relative);
  }

  /** True when this path is {@code dir} itself or lies below it. */
  public boolean isWithin(HostPath dir) {
    return value.equals(dir.value) || dir.value.equals("/") || value.startsWith(dir.value + "/");
  }

  /** True when this path lies strictly below {@code dir}. */
  public boolean isBelow(HostPath dir) {
    return !value.equals(dir.value) && isWithin(dir);
  }

  /** The relative remainder below {@code dir}; this path must be below it. */
  public String relativeTo(HostPath dir) {
    if (!isBelow(dir)) {
      throw new IllegalArgumentException(value + " is not below " + dir.value);
    }
    return dir.value.equals("/") ? value.substring(1) : value.substring(dir.value.length() + 1);
  }

  /** The ancestors strictly between {@code dir} and this path, outermost first. */
  public List<HostPath> ancestorsBelow(HostPath dir) {
    List<HostPath> out = new ArrayList<>();
    for (HostPath p = parent(); p != null && p.isBelow(dir); p = p.parent()) {
      out.add(0, p);
    }
    return out;
  }

  /**
   * Where this host path lives under {@code root} (the {@code --root} prefix, {@code /} for none).
   */
  public Path under(Path root) {
    Path out = root;
    for (String c : components()) {
      out = out.resolve(c);
    }
    return out;
  }

  @Override
  public int compareTo(HostPath o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * Rejects anything but a normalised absolute path: why so strict is that these strings come from
   * module files (configData names, unit names) and are joined onto a root directory; {@code ..},
   * {@code .}, empty components and control characters are never legitimate there.
   */
  static void validate(String value) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("path is empty");
    }
    if (!value.startsWith("/")) {
      throw new IllegalArgumentException("path must be absolute, found '" + printable(value) + "'");
    }
    if (value.equals("/")) {
      return;
    }
    for (String c : value.substring(1).split("/", -1)) {
      checkComponent(c, value);
    }
  }

  /** Validates one file name (no slash) with the same rules as a path component. */
  public static String checkName(String name) {
    if (name.contains("/")) {
      throw new IllegalArgumentException(
          "file name must not contain '/', found '" + printable(name) + "'");
    }
    checkComponent(name, name);
    return name;
  }

  private static void checkComponent(String c, String whole) {
    if (c.isEmpty()) {
      throw new IllegalArgumentException("path has an empty component: '" + printable(whole) + "'");
    }
    if (c.equals(".") || c.equals("..")) {
      throw new IllegalArgumentException(
          "path component '" + c + "' is not allowed: '" + printable(whole) + "'");
    }
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (ch == '\0' || ch == '\n' || ch == '\r') {
        throw new IllegalArgumentException(
            "path contains a NUL or line break: '" + printable(whole) + "'");
      }
    }
  }

  /** The path with control characters made visible, for error messages. */
  static String printable(String s) {
    return s.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r");
  }
}
