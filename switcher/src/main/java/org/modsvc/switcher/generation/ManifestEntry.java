package org.modsvc.switcher.generation;

import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.LiveEntry;

/**
 * What the agent wrote at one path. {@code displaced} records that a foreign file was moved to
 * {@code <path>.modsvc-backup} to make room (with {@code --force}); it is restored when the agent
 * stops managing the path. It is ownership bookkeeping, not content: {@link #sameContent} ignores
 * it.
 */
public sealed interface ManifestEntry {

  String BACKUP_SUFFIX = ".modsvc-backup";

  boolean displaced();

  ManifestEntry withDisplaced(boolean displaced);

  /** True when both describe the same bytes and mode, or the same link target. */
  boolean sameContent(ManifestEntry other);

  /** True when the disk still holds exactly what this entry describes. */
  boolean matches(LiveEntry live);

  record File(int mode, String sha256, boolean displaced) implements ManifestEntry {
    public File {
      FileModes.checkMode(mode);
      if (!sha256.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException("sha256 must be 64 hex digits, found '" + sha256 + "'");
      }
    }

    @Override
    public ManifestEntry withDisplaced(boolean d) {
      return new File(mode, sha256, d);
    }

    @Override
    public boolean sameContent(ManifestEntry other) {
      return other instanceof File f && f.mode == mode && f.sha256.equals(sha256);
    }

    @Override
    public boolean matches(LiveEntry live) {
      return live instanceof LiveEntry.RegularFile r
          && r.mode() == mode
          && r.sha256().equals(sha256);
    }
  }

  record Link(String target, boolean displaced) implements ManifestEntry {
    @Override
    public ManifestEntry withDisplaced(boolean d) {
      return new Link(target, d);
    }

    @Override
    public boolean sameContent(ManifestEntry other) {
      return other instanceof Link l && l.target.equals(target);
    }

    @Override
    public boolean matches(LiveEntry live) {
      return live instanceof LiveEntry.Symlink s && s.target().equals(target);
    }
  }
}
