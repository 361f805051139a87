package org.modsvc.switcher.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.modsvc.nix.source.Source;

/**
 * How an error report names the Nix sources of an evaluation of the user's modules, and which of
 * them are the user's. Our bundled lib and modules are read from the jar through the evaluation
 * store, so their positions would name store paths that do not exist on disk ({@code
 * /var/lib/modsvc/store/<hash>-modsvc-modules/…}): a report names them {@code <modsvc-modules/…>}
 * instead, as they are imported. The user's files are the files outside the store and outside the
 * library directories ({@code --lib}).
 */
final class SourceNames {
  private final String storeDir;
  private final List<Path> libraryDirs;
  private final Pattern bundled;

  /**
   * @param storeDir the evaluation's store directory
   * @param libraryDirs directories of Nix code that is not the user's (a nixpkgs lib given with
   *     {@code --lib})
   * @param bundledNames the store names of the bundled sources ({@code modsvc-lib}, {@code
   *     modsvc-modules}, …)
   */
  SourceNames(String storeDir, List<Path> libraryDirs, List<String> bundledNames) {
    this.storeDir = storeDir.endsWith("/") ? storeDir : storeDir + "/";
    this.libraryDirs = List.copyOf(libraryDirs);
    // A store path's hash part: 32 characters of Nix's base-32 alphabet.
    this.bundled =
        Pattern.compile(
            Pattern.quote(this.storeDir)
                + "[0-9a-df-np-sv-z]{32}-("
                + String.join("|", bundledNames.stream().map(Pattern::quote).toList())
                + ")(/[^\\s:'`\",]*)?");
  }

  /** Whether {@code source} is one of the user's files. */
  boolean isUsers(Source source) {
    Path file = source.file();
    if (file == null || source.name().startsWith(storeDir)) return false;
    for (Path dir : libraryDirs) {
      if (file.startsWith(dir)) return false;
    }
    return true;
  }

  /**
   * Whether a trace frame without a position is worth showing the user: one that names a bundled
   * file ("while evaluating definitions from `<modsvc-modules/…>'", or a module of ours labelled
   * {@code <modsvc>/…}) is about our code.
   */
  boolean isAboutUsers(String context) {
    return !bundled.matcher(context).find() && !context.contains("<modsvc");
  }

  /**
   * {@code text} with every path into a bundled source written as {@code
   * <modsvc-modules/system/render.nix>}.
   */
  String readable(String text) {
    Matcher m = bundled.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String rest = m.group(2) == null ? "" : m.group(2);
      m.appendReplacement(sb, Matcher.quoteReplacement("<" + m.group(1) + rest + ">"));
    }
    m.appendTail(sb);
    return sb.toString();
  }
}
