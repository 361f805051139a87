package org.modsvc.switcher.activation;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitFileParser;
import org.modsvc.switcher.unit.UnitName;

/**
 * The units of a generation's file set, read from memory rather than from a directory: a generation directory
 * keeps only copies of regular files, while its wants links and masks live in the manifest, and a dry run has no
 * directory at all. Reads the same layout as {@code UnitDirectoryReader}: {@code <unit>} files, {@code <unit>.d/*.conf}
 * drop-ins, {@code <target>.wants/} and {@code .requires/} links, links to {@code /dev/null} as masks. Alias links
 * add no unit of their own (systemd loads the unit under its file's name).
 */
public final class CatalogOfState {
  private CatalogOfState() {}

  public static UnitCatalog of(DesiredState state, HostPath unitDir) {
    UnitCatalog.Builder catalog = UnitCatalog.builder();
    for (Map.Entry<HostPath, DesiredFile> e : state.files().entrySet()) {
      HostPath path = e.getKey();
      if (!path.isBelow(unitDir)) {
        continue;
      }
      String[] parts = path.relativeTo(unitDir).split("/");
      DesiredFile file = e.getValue();
      if (parts.length == 1 && UnitName.isValid(parts[0])) {
        if (file instanceof DesiredFile.Symlink link && link.target().equals("/dev/null")) {
          catalog.mask(parts[0]);
        } else if (file instanceof DesiredFile.Regular r) {
          catalog.unit(UnitName.of(parts[0]), UnitFileParser.parse(path.value(), text(r)));
        }
      } else if (parts.length == 2) {
        addNested(catalog, parts[0], parts[1], path, file);
      }
    }
    return catalog.build();
  }

  private static void addNested(UnitCatalog.Builder catalog, String dir, String child, HostPath path, DesiredFile file) {
    if (dir.endsWith(".d") && child.endsWith(".conf") && file instanceof DesiredFile.Regular r) {
      String owner = dir.substring(0, dir.length() - 2);
      if (UnitName.isValid(owner)) {
        catalog.dropIn(UnitName.of(owner), UnitFileParser.parse(path.value(), text(r)));
      }
      return;
    }
    for (String suffix : new String[] {".wants", ".requires"}) {
      if (dir.endsWith(suffix)) {
        String target = dir.substring(0, dir.length() - suffix.length());
        if (UnitName.isValid(target) && UnitName.isValid(child)) {
          catalog.wantedBy(child, target);
        }
      }
    }
  }

  private static String text(DesiredFile.Regular r) {
    return new String(r.bytes(), StandardCharsets.UTF_8);
  }
}
