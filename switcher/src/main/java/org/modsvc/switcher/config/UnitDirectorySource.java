package org.modsvc.switcher.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.store.Store;
import org.modsvc.switcher.unit.UnitDirectoryReader;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitFileParser;
import org.modsvc.switcher.unit.UnitName;

/**
 * A configuration made of ready unit files ({@code --units DIR}): for tests and for people
 * migrating hand-written units. The directory is laid out like {@code /etc/systemd/system}, as
 * {@link UnitDirectoryReader} reads it: {@code <unit>} files (plus the {@code <target>.wants/} and
 * {@code .requires/} links their {@code [Install] WantedBy=}/{@code RequiredBy=} ask for, as {@code
 * systemctl enable} makes them), {@code <unit>.d/*.conf} drop-ins, {@code <target>.wants/}, {@code
 * .requires/} and {@code .upholds/} entries, and symlinks (to {@code /dev/null}: a mask; to a unit
 * name: an alias). Anything else is refused by name, so a typo never silently drops a unit.
 */
public final class UnitDirectorySource implements ConfigurationSource {
  static final int UNIT_FILE_MODE = 0644;
  private final Path directory;

  public UnitDirectorySource(Path directory) {
    this.directory = directory;
  }

  @Override
  public Built build(Layout layout, Store store) throws IOException {
    if (!Files.isDirectory(directory)) {
      throw new BuildException(directory + ": not a directory of unit files");
    }
    Map<HostPath, DesiredFile> files = new TreeMap<>();
    HostPath unitDir = layout.unitDir();
    List<UnitDirectoryReader.Item> items;
    try {
      items = UnitDirectoryReader.classify(UnitDirectoryReader.entriesOf(directory));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    List<UnitDirectoryReader.Item.Unit> units = new ArrayList<>();
    for (UnitDirectoryReader.Item item : items) {
      HostPath path = unitDir.resolve(item.path());
      if (item instanceof UnitDirectoryReader.Item.Ignored ignored) {
        throw new BuildException(directory.resolve(item.path()) + ": " + ignored.why());
      } else if (item instanceof UnitDirectoryReader.Item.Unit u) {
        put(files, new DesiredFile.Regular(path, u.bytes(), UNIT_FILE_MODE));
        units.add(u);
      } else if (item instanceof UnitDirectoryReader.Item.DropIn d) {
        put(files, new DesiredFile.Regular(path, d.bytes(), UNIT_FILE_MODE));
      } else if (item instanceof UnitDirectoryReader.Item.Mask) {
        put(files, new DesiredFile.Symlink(path, "/dev/null"));
      } else if (item instanceof UnitDirectoryReader.Item.Alias a) {
        put(files, new DesiredFile.Symlink(path, a.target()));
      } else if (item instanceof UnitDirectoryReader.Item.Dependency d) {
        put(files, new DesiredFile.Symlink(path, "../" + d.unit()));
      }
    }
    for (UnitDirectoryReader.Item.Unit u : units) {
      enableLinks(
          directory.resolve(u.path()),
          u.unit().value(),
          new String(u.bytes(), java.nio.charset.StandardCharsets.UTF_8),
          unitDir,
          files);
    }
    Map<String, String> meta = Map.of("source", "units:" + directory.toAbsolutePath().normalize());
    return new Built(new DesiredState(files, java.util.Set.of(), meta), List.of());
  }

  private static void enableLinks(
      Path entry, String name, String text, HostPath unitDir, Map<HostPath, DesiredFile> files) {
    UnitFile unit = UnitFile.merge(List.of(UnitFileParser.parse(entry.toString(), text)));
    for (UnitDirectoryReader.DependencyKind kind :
        List.of(
            UnitDirectoryReader.DependencyKind.WANTS,
            UnitDirectoryReader.DependencyKind.REQUIRES)) {
      for (String value : unit.values("Install", kind.installKey())) {
        for (String target : value.trim().split("\\s+")) {
          if (target.isEmpty()) continue;
          if (!UnitName.isValid(target)) {
            throw new BuildException(
                entry + ": [Install] " + kind.installKey() + "=" + target + " is not a unit name");
          }
          HostPath link = unitDir.resolve(target + kind.suffix()).resolve(name);
          files.putIfAbsent(link, new DesiredFile.Symlink(link, "../" + name));
        }
      }
    }
  }

  private static void put(Map<HostPath, DesiredFile> files, DesiredFile f) {
    files.put(f.path(), f);
  }
}
