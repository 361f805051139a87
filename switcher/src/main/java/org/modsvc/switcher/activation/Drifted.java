package org.modsvc.switcher.activation;

import java.util.Optional;
import org.modsvc.switcher.generation.OwnedDrift;

/**
 * An owned file or link that differs from what the current generation wrote (docs/decisions.md
 * §12).
 *
 * @param hostPath the path on the host (before any {@code --root})
 * @param unit the unit the path belongs to: the unit of a unit file, drop-in, wants link or mask,
 *     or the unit whose reload or restart triggers name a config data link's content; empty when
 *     none does
 */
public record Drifted(String hostPath, Kind kind, Optional<String> unit) {

  /** How the path drifted. */
  public enum Kind {
    /** Deleted. */
    MISSING,
    /**
     * Edited in place (content, mode, or a link's target within the store): restored by REPAIR_ALL.
     */
    ALTERED,
    /** Replaced by something of another kind, someone's own file: restored only with --force. */
    REPLACED;

    static Kind of(OwnedDrift.Kind kind) {
      return switch (kind) {
        case MISSING -> MISSING;
        case ALTERED -> ALTERED;
        case REPLACED -> REPLACED;
      };
    }

    /** The word used in reports: {@code missing}, {@code edited}, {@code replaced}. */
    public String word() {
      return switch (this) {
        case MISSING -> "missing";
        case ALTERED -> "edited";
        case REPLACED -> "replaced";
      };
    }
  }

  /** {@code /etc/system-services/web/app.conf (missing, web.service)}. */
  public String describe() {
    return hostPath + " (" + kind.word() + unit.map(u -> ", " + u).orElse("") + ")";
  }

  java.util.Map<String, Object> toData() {
    java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("path", hostPath);
    m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
    unit.ifPresent(u -> m.put("unit", u));
    return m;
  }
}
