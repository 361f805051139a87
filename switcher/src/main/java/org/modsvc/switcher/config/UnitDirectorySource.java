package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.build.Built;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.store.Store;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitFileParser;
import org.modsvc.switcher.unit.UnitName;

/**
 * A configuration made of ready unit files ({@code --units DIR}): for tests and for people migrating hand-written
 * units. The directory is laid out like {@code /etc/systemd/system}: {@code <unit>} files (plus the
 * {@code <target>.wants/} links their {@code [Install] WantedBy=}/{@code RequiredBy=} ask for, as
 * {@code systemctl enable} makes them), {@code <unit>.d/*.conf} drop-ins, {@code <target>.wants/<unit>} entries and
 * symlinks (to {@code /dev/null}: a mask; to a unit name: an alias). Anything else is refused by name, so a typo
 * never silently drops a unit.
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
    for (Path entry : sorted(directory)) {
      String name = entry.getFileName().toString();
      if (Files.isDirectory(entry) && !Files.isSymbolicLink(entry)) {
        nested(entry, name, unitDir, files);
      } else if (!UnitName.isValid(name)) {
        throw new BuildException(entry + ": '" + name + "' is not a unit name");
      } else if (Files.isSymbolicLink(entry)) {
        put(files, new DesiredFile.Symlink(unitDir.resolve(name), Files.readSymbolicLink(entry).toString()));
      } else {
        byte[] bytes = Files.readAllBytes(entry);
        put(files, new DesiredFile.Regular(unitDir.resolve(name), bytes, UNIT_FILE_MODE));
        enableLinks(entry, name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8), unitDir, files);
      }
    }
    Map<String, String> meta = Map.of("source", "units:" + directory.toAbsolutePath().normalize());
    return new Built(new DesiredState(files, java.util.Set.of(), meta), List.of());
  }

  private static void nested(Path dir, String name, HostPath unitDir, Map<HostPath, DesiredFile> files)
      throws IOException {
    boolean dropIns = name.endsWith(".d");
    boolean links = name.endsWith(".wants") || name.endsWith(".requires");
    String owner = dropIns ? name.substring(0, name.length() - 2) : name.substring(0, name.lastIndexOf('.'));
    if (!(dropIns || links) || !UnitName.isValid(owner)) {
      throw new BuildException(dir + ": expected <unit>.d, <target>.wants or <target>.requires");
    }
    for (Path child : sorted(dir)) {
      String c = child.getFileName().toString();
      HostPath path = unitDir.resolve(name).resolve(c);
      if (dropIns && c.endsWith(".conf") && Files.isRegularFile(child)) {
        put(files, new DesiredFile.Regular(path, Files.readAllBytes(child), UNIT_FILE_MODE));
      } else if (links && UnitName.isValid(c)) {
        put(files, new DesiredFile.Symlink(path, "../" + c));
      } else {
        throw new BuildException(child + ": not a drop-in (*.conf) or a unit link");
      }
    }
  }

  private static void enableLinks(Path entry, String name, String text, HostPath unitDir,
      Map<HostPath, DesiredFile> files) {
    UnitFile unit = UnitFile.merge(List.of(UnitFileParser.parse(entry.toString(), text)));
    for (String[] kind : new String[][] {{"WantedBy", ".wants"}, {"RequiredBy", ".requires"}}) {
      for (String value : unit.values("Install", kind[0])) {
        for (String target : value.trim().split("\\s+")) {
          if (target.isEmpty()) continue;
          if (!UnitName.isValid(target)) {
            throw new BuildException(entry + ": [Install] " + kind[0] + "=" + target + " is not a unit name");
          }
          HostPath link = unitDir.resolve(target + kind[1]).resolve(name);
          files.putIfAbsent(link, new DesiredFile.Symlink(link, "../" + name));
        }
      }
    }
  }

  private static void put(Map<HostPath, DesiredFile> files, DesiredFile f) {
    files.put(f.path(), f);
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> list = new ArrayList<>(s.toList());
      list.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
      return list;
    }
  }
}
