package org.modsvc.nix.store;

import java.util.Comparator;

/**
 * Orders strings as C++ orders their UTF-8 bytes, i.e. by Unicode code point. Java's {@link
 * String#compareTo} compares UTF-16 units, which puts supplementary characters (emoji) before
 * U+E000..U+FFFF; Nix's {@code std::map<std::string, …>} puts them after. Derivation environments,
 * outputs and references must follow Nix's order for the ATerm (and hence the hashes) to match.
 */
public final class ByteOrder implements Comparator<String> {
  public static final ByteOrder INSTANCE = new ByteOrder();

  private ByteOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
