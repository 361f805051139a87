package org.modsvc.nix.source;

/** A range of characters [start, end) in one {@link Source}; every syntax node carries one. */
public record Span(Source source, int start, int end) {
  public static final Span NONE = new Span(null, 0, 0);

  public boolean isKnown() {
    return source != null;
  }

  public int line() {
    return source == null ? 0 : source.line(start);
  }

  public int column() {
    return source == null ? 0 : source.column(start);
  }

  /** Span covering both this and other (same source). */
  public Span to(Span other) {
    return new Span(source, start, other.end);
  }

  /** "file:line:col", as Nix prints positions. */
  public String describe() {
    if (source == null) return "«none»";
    return source.name() + ":" + line() + ":" + column();
  }

  @Override
  public String toString() {
    return describe();
  }
}
