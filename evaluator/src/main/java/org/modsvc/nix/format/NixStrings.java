package org.modsvc.nix.format;

/** Checks shared by the parsers: Nix strings are C strings and cannot hold NUL. */
final class NixStrings {

  private NixStrings() {}

  /** Nix's message for a string with a NUL character; the NUL is shown as U+2400 (␀). */
  static String nullByteMessage(String s) {
    return "input string '"
        + s.replace('\0', '\u2400')
        + "' cannot be represented as Nix string because it contains null bytes";
  }
}
