package org.modsvc.switcher.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.fs.NameLimits;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.store.StorePath;
import org.modsvc.switcher.unit.InvalidUnitNameException;
import org.modsvc.switcher.unit.UnitFileText;
import org.modsvc.switcher.unit.UnitName;
import org.modsvc.switcher.unit.UnitTextException;

/**
 * Turns a {@link BuildOutput} into the live files of a generation (docs/decisions.md §4): unit
 * files, the {@code <target>.wants/}, {@code .requires/}, {@code .upholds/} links systemd's {@code
 * [Install]} would make, alias links, {@code /dev/null} links for masked units, and configData
 * links into the store.
 *
 * <p>Every name that becomes a path is validated here, whatever the modules already checked: a unit
 * name must be one systemd accepts, a configData path must lie inside the mode's configData
 * directory, and no two entries may claim the same path (the error names both origins).
 */
public final class DesiredFiles {
  static final int UNIT_FILE_MODE = 0644;

  private DesiredFiles() {}

  public static DesiredState of(
      BuildOutput out, Layout layout, Set<StorePath> storeRoots, Map<String, String> metadata) {
    Map<HostPath, String> origins = new HashMap<>();
    List<DesiredFile> files = new ArrayList<>();
    HostPath unitDir = layout.unitDir();
    for (UnitSpec u : out.units()) {
      String name = unitName(u.name(), u.origin());
      if (u.masked()) {
        add(
            files,
            origins,
            new DesiredFile.Symlink(unitDir.resolve(name), "/dev/null"),
            u.origin());
      } else {
        add(
            files,
            origins,
            new DesiredFile.Regular(
                unitDir.resolve(name),
                text(u).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                UNIT_FILE_MODE),
            u.origin());
      }
      for (String alias : u.aliases()) {
        add(
            files,
            origins,
            new DesiredFile.Symlink(unitDir.resolve(unitName(alias, u.origin())), name),
            u.origin());
      }
      if (u.masked()) continue;
      links(files, origins, unitDir, u, u.wantedBy(), ".wants");
      links(files, origins, unitDir, u, u.requiredBy(), ".requires");
      links(files, origins, unitDir, u, u.upheldBy(), ".upholds");
    }
    for (ConfigDataLink c : out.configData()) {
      String origin = "configData of service " + c.service();
      HostPath path = configDataPath(layout, c, origin);
      if (!c.source().startsWith("/")) {
        throw new BuildException(
            origin + ": source '" + c.source() + "' of " + c.path() + " is not an absolute path");
      }
      add(files, origins, new DesiredFile.Symlink(path, c.source()), origin);
    }
    try {
      return DesiredState.of(files, storeRoots, metadata);
    } catch (IllegalArgumentException e) {
      // A file where another needs a directory (configData "x" and "x/y"): the configuration's
      // fault.
      throw new BuildException(e.getMessage());
    }
  }

  private static String text(UnitSpec u) {
    try {
      return UnitFileText.render(u.name(), u.origin(), u.sections(), u.lines());
    } catch (UnitTextException e) {
      throw new BuildException(e.getMessage());
    }
  }

  private static void links(
      List<DesiredFile> files,
      Map<HostPath, String> origins,
      HostPath unitDir,
      UnitSpec u,
      List<String> targets,
      String suffix) {
    // Two modules may each list the same target (NixOS concatenates the lists and accepts it): one
    // link.
    Set<String> linked = new HashSet<>();
    for (String t : targets) {
      String target = unitName(t, u.origin());
      if (!linked.add(target)) continue;
      // Relative, as systemctl enable and NixOS make them: the unit directory may sit under --root.
      add(
          files,
          origins,
          new DesiredFile.Symlink(
              unitDir.resolve(target + suffix).resolve(u.name()), "../" + u.name()),
          u.origin());
    }
  }

  private static HostPath configDataPath(Layout layout, ConfigDataLink c, String origin) {
    HostPath path;
    try {
      path = HostPath.of(c.path());
    } catch (IllegalArgumentException e) {
      throw new BuildException(
          origin + ": invalid path '" + UnitFileText.printable(c.path()) + "': " + e.getMessage());
    }
    if (!path.isBelow(layout.configDataDir())) {
      throw new BuildException(origin + ": path " + path + " is outside " + layout.configDataDir());
    }
    return path;
  }

  private static String unitName(String name, String origin) {
    try {
      return UnitName.of(name).toString();
    } catch (InvalidUnitNameException e) {
      throw new BuildException(origin + ": " + e.getMessage());
    }
  }

  private static void add(
      List<DesiredFile> files, Map<HostPath, String> origins, DesiredFile f, String origin) {
    try {
      NameLimits.check(f.path());
    } catch (IllegalArgumentException e) {
      throw new BuildException(origin + ": cannot write " + f.path() + ": " + e.getMessage());
    }
    String before = origins.putIfAbsent(f.path(), origin);
    if (before != null) {
      throw new BuildException(f.path() + " is defined twice: by " + before + " and by " + origin);
    }
    files.add(f);
  }
}
