package org.modsvc.nix.source;

import java.util.function.Supplier;

/**
 * One {@code prefix=path} element of the search path ({@code -I}, {@code NIX_PATH}; a bare path has
 * the empty prefix). The path of a {@link #deferred} entry is computed on first use: the bundled
 * lib's store path costs a NAR hash of its sources, which an evaluation that never looks anything
 * up should not pay at start-up.
 */
public final class SearchPathEntry {
  private final String prefix;
  private Supplier<String> location;
  private String path;

  public SearchPathEntry(String prefix, String path) {
    this.prefix = prefix;
    this.path = path;
  }

  private SearchPathEntry(String prefix, Supplier<String> location) {
    this.prefix = prefix;
    this.location = location;
  }

  public static SearchPathEntry deferred(String prefix, Supplier<String> location) {
    return new SearchPathEntry(prefix, location);
  }

  public String prefix() {
    return prefix;
  }

  public synchronized String path() {
    if (path == null) {
      path = location.get();
      location = null;
    }
    return path;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SearchPathEntry e && e.prefix.equals(prefix) && e.path().equals(path());
  }

  @Override
  public int hashCode() {
    return prefix.hashCode() * 31 + path().hashCode();
  }

  @Override
  public String toString() {
    return "SearchPathEntry[" + prefix + "=" + path() + "]";
  }
}
