package org.modsvc.switcher.unit;

/**
 * One {@code Key=value} line of a unit file, after continuation joining and whitespace trimming. An
 * empty {@code value} is systemd's reset: it clears the values collected so far for that key.
 */
public record Assignment(String section, String key, String value, int line) {
  public boolean isReset() {
    return value.isEmpty();
  }
}
