package org.modsvc.switcher.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a unit directory laid out as {@code /etc/systemd/system}: {@code <unit>} files,
 * {@code <unit>.d/*.conf} drop-ins, {@code <target>.wants/} and {@code <target>.requires/} links, and
 * links to {@code /dev/null} as masks. Entries whose names systemd would not accept as unit names are
 * ignored, as systemd ignores them, so they can never name a unit.
 */
public final class UnitDirectoryReader {
  private static final Path DEV_NULL = Path.of("/dev/null");

  private UnitDirectoryReader() {}

  public static UnitCatalog read(Path directory) {
    UnitCatalog.Builder catalog = UnitCatalog.builder();
    if (!Files.isDirectory(directory)) {
      return catalog.build();
    }
    for (Path entry : sortedEntries(directory)) {
      String name = entry.getFileName().toString();
      if (Files.isDirectory(entry)) {
        readDirectory(catalog, entry, name);
      } else if (UnitName.isValid(name)) {
        if (isMasked(entry)) {
          catalog.mask(name);
        } else if (Files.isRegularFile(entry)) {
          catalog.unit(UnitName.of(name), UnitFileParser.parse(entry.toString(), readText(entry)));
        }
      }
    }
    return catalog.build();
  }

  private static void readDirectory(UnitCatalog.Builder catalog, Path dir, String name) {
    for (String suffix : List.of(".d", ".wants", ".requires")) {
      if (!name.endsWith(suffix)) {
        continue;
      }
      String owner = name.substring(0, name.length() - suffix.length());
      if (!UnitName.isValid(owner)) {
        return;
      }
      for (Path entry : sortedEntries(dir)) {
        String child = entry.getFileName().toString();
        if (suffix.equals(".d")) {
          if (child.endsWith(".conf") && Files.isRegularFile(entry) && !isMasked(entry)) {
            catalog.dropIn(UnitName.of(owner), UnitFileParser.parse(entry.toString(), readText(entry)));
          }
        } else if (UnitName.isValid(child)) {
          catalog.wantedBy(child, owner);
        }
      }
      return;
    }
  }

  private static boolean isMasked(Path entry) {
    try {
      return Files.isSymbolicLink(entry) && entry.toRealPath().equals(DEV_NULL);
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Path> sortedEntries(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> list = new ArrayList<>(entries.toList());
      list.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
