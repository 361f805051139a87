package org.modsvc.switcher.generation;

import java.util.Optional;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.LiveEntry;

/**
 * An owned path whose live state differs from what the current generation wrote there.
 *
 * @param ours the current manifest's entry for the path
 * @param live what the path holds now (never a match for {@code ours})
 */
public record OwnedDrift(HostPath path, Kind kind, ManifestEntry ours, LiveEntry live) {

  /** How an owned path drifted. */
  public enum Kind {
    /** Nothing is there any more. */
    MISSING,
    /**
     * Our kind of entry with other content: a unit file edited in place, a link pointed elsewhere
     * in the store.
     */
    ALTERED,
    /**
     * Something that is not our kind of entry: a directory or link where we wrote a file, a file
     * where we wrote a link, or a link out of the store where ours pointed into it. Someone put
     * their own file there.
     */
    REPLACED
  }

  /**
   * The drift of a path that should hold {@code ours} and holds {@code live}; empty when they
   * match.
   *
   * @param storeDir the store, whose links count as ours: a config link retargeted out of it is
   *     someone's own file
   */
  public static Optional<Kind> classify(ManifestEntry ours, LiveEntry live, HostPath storeDir) {
    if (ours.matches(live)) {
      return Optional.empty();
    }
    if (!live.exists()) {
      return Optional.of(Kind.MISSING);
    }
    if (ours instanceof ManifestEntry.File) {
      return Optional.of(live instanceof LiveEntry.RegularFile ? Kind.ALTERED : Kind.REPLACED);
    }
    if (!(live instanceof LiveEntry.Symlink s)) {
      return Optional.of(Kind.REPLACED);
    }
    String prefix = storeDir.value() + "/";
    boolean oursInStore = ((ManifestEntry.Link) ours).target().startsWith(prefix);
    return Optional.of(
        oursInStore && !s.target().startsWith(prefix) ? Kind.REPLACED : Kind.ALTERED);
  }
}
