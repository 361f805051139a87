package org.modsvc.agent.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether stderr is connected to journald. systemd sets {@code JOURNAL_STREAM=<device>:<inode>} for
 * a service whose output goes to the journal; a child whose stderr was redirected may inherit the
 * variable, so systemd.exec(5) asks programs to compare it with their stderr's device and inode, as
 * done here.
 */
final class JournalStream {
  private JournalStream() {}

  static boolean isStderr(Map<String, String> env) {
    String value = env.get("JOURNAL_STREAM");
    if (value == null || value.isBlank()) return false;
    int colon = value.indexOf(':');
    if (colon < 0) return false;
    try {
      long dev = Long.parseLong(value.substring(0, colon).strip());
      long ino = Long.parseLong(value.substring(colon + 1).strip());
      // stat(2) of /proc/self/fd/2 describes the open file itself (here: journald's socket), not
      // the link
      Map<String, Object> stat = Files.readAttributes(Path.of("/proc/self/fd/2"), "unix:dev,ino");
      return ((Number) stat.get("dev")).longValue() == dev
          && ((Number) stat.get("ino")).longValue() == ino;
    } catch (NumberFormatException e) {
      return false;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return true; // cannot check (no /proc): trust systemd's variable
    }
  }
}
