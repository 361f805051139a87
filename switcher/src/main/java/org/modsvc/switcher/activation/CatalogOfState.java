package org.modsvc.switcher.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitDirectoryReader;

/**
 * The units of a generation's file set, read from memory rather than from a directory: a generation
 * directory keeps only copies of regular files, while its wants links and masks live in the
 * manifest, and a dry run has no directory at all. The layout is {@link UnitDirectoryReader}'s, the
 * same one a directory on disk is read with.
 */
public final class CatalogOfState {
  private CatalogOfState() {}

  public static UnitCatalog of(DesiredState state, HostPath unitDir) {
    return UnitDirectoryReader.catalog(entries(state, unitDir), unitDir.value());
  }

  /**
   * The files below {@code unitDir} as the reader's entries (directories are implied by the paths).
   */
  static List<UnitDirectoryReader.Entry> entries(DesiredState state, HostPath unitDir) {
    List<UnitDirectoryReader.Entry> entries = new ArrayList<>();
    for (Map.Entry<HostPath, DesiredFile> e : state.files().entrySet()) {
      if (!e.getKey().isBelow(unitDir)) {
        continue;
      }
      String relative = e.getKey().relativeTo(unitDir);
      if (e.getValue() instanceof DesiredFile.Regular r) {
        entries.add(new UnitDirectoryReader.Entry.File(relative, r.bytes()));
      } else if (e.getValue() instanceof DesiredFile.Symlink l) {
        entries.add(new UnitDirectoryReader.Entry.Link(relative, l.target()));
      }
    }
    return entries;
  }
}
