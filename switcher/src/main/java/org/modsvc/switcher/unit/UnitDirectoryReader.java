package org.modsvc.switcher.unit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one reader of the unit-directory layout, as systemd reads {@code /etc/systemd/system} (and a
 * user's {@code ~/.config/systemd/user}), over an abstract set of {@link Entry entries}: a
 * directory on disk ({@link #entriesOf(Path)}) or a generation's files in memory. The layout:
 *
 * <ul>
 *   <li>{@code <unit>}: a regular file is the unit; a link to {@code /dev/null} masks it; any other
 *       link is an alias (systemd loads the unit under its file's name, so an alias adds no unit of
 *       its own);
 *   <li>{@code <unit>.d/*.conf}: drop-ins (a link is read through; one to {@code /dev/null} or to
 *       nothing is not a drop-in);
 *   <li>{@code <target>.wants/<unit>}, {@code .requires/<unit>}, {@code .upholds/<unit>}: the
 *       dependency links {@code [Install] WantedBy=}, {@code RequiredBy=}, {@code UpheldBy=} make;
 *       each pulls the unit in when the target runs.
 * </ul>
 *
 * Everything else (names systemd would not accept as unit names, other directories, deeper entries,
 * special files) is {@link Item.Ignored} with the reason: systemd ignores it, so it can never name
 * a unit, and a source of ready unit files refuses it by name.
 */
public final class UnitDirectoryReader {
  private static final String DEV_NULL = "/dev/null";

  private UnitDirectoryReader() {}

  /** One entry of a unit directory, by its path relative to the directory ({@code /}-separated). */
  public sealed interface Entry {
    String path();

    /** A regular file and its bytes. */
    record File(String path, byte[] bytes) implements Entry {}

    /**
     * A symbolic link and its target as written; {@code content} holds the bytes of the regular
     * file it resolves to where that is known (a directory on disk), and is empty otherwise.
     */
    record Link(String path, String target, Optional<byte[]> content) implements Entry {
      public Link(String path, String target) {
        this(path, target, Optional.empty());
      }
    }

    /** A directory (listed so that an empty or unexpected one is seen). */
    record Directory(String path) implements Entry {}

    /** Anything else: a socket, a FIFO, a device. */
    record Other(String path) implements Entry {}
  }

  /** The directories of dependency links, by the {@code [Install]} key that makes them. */
  public enum DependencyKind {
    WANTS(".wants", "WantedBy"),
    REQUIRES(".requires", "RequiredBy"),
    UPHOLDS(".upholds", "UpheldBy");

    private final String suffix;
    private final String installKey;

    DependencyKind(String suffix, String installKey) {
      this.suffix = suffix;
      this.installKey = installKey;
    }

    public String suffix() {
      return suffix;
    }

    public String installKey() {
      return installKey;
    }
  }

  /** What an entry is in the layout. */
  public sealed interface Item {
    String path();

    record Unit(String path, UnitName unit, byte[] bytes) implements Item {}

    record Mask(String path, UnitName unit) implements Item {}

    record Alias(String path, UnitName alias, String target) implements Item {}

    record DropIn(String path, UnitName unit, byte[] bytes) implements Item {}

    /** {@code <target><kind.suffix>/<unit>}. */
    record Dependency(String path, DependencyKind kind, UnitName target, UnitName unit)
        implements Item {}

    /**
     * A container directory ({@code <unit>.d}, {@code <target>.wants}, …), which says nothing by
     * itself.
     */
    record Container(String path) implements Item {}

    record Ignored(String path, String why) implements Item {}
  }

  /** Each entry classified, in path order. */
  public static List<Item> classify(Collection<? extends Entry> entries) {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparing(Entry::path));
    List<Item> items = new ArrayList<>();
    for (Entry entry : sorted) {
      String[] parts = entry.path().split("/", -1);
      items.add(
          switch (parts.length) {
            case 1 -> topLevel(entry, parts[0]);
            case 2 -> nested(entry, parts[0], parts[1]);
            default -> new Item.Ignored(entry.path(), "deeper than the unit directory layout goes");
          });
    }
    return items;
  }

  /**
   * The units of {@code entries} as a catalog; ignored entries are left out. {@code displayRoot}
   * prefixes the relative paths in parse errors ({@code <displayRoot>/a.service:2: …}).
   */
  public static UnitCatalog catalog(Collection<? extends Entry> entries, String displayRoot) {
    UnitCatalog.Builder catalog = UnitCatalog.builder();
    for (Item item : classify(entries)) {
      String shown = displayRoot + "/" + item.path();
      if (item instanceof Item.Unit u) {
        catalog.unit(u.unit(), UnitFileParser.parse(shown, text(u.bytes())));
      } else if (item instanceof Item.Mask m) {
        catalog.mask(m.unit().value());
      } else if (item instanceof Item.DropIn d) {
        catalog.dropIn(d.unit(), UnitFileParser.parse(shown, text(d.bytes())));
      } else if (item instanceof Item.Dependency d) {
        catalog.wantedBy(d.unit().value(), d.target().value());
      }
    }
    return catalog.build();
  }

  /** The units of a directory on disk; an absent directory has none. */
  public static UnitCatalog read(Path directory) {
    if (!Files.isDirectory(directory)) {
      return UnitCatalog.empty();
    }
    return catalog(entriesOf(directory), directory.toString());
  }

  /**
   * The entries of a directory on disk, two levels deep (as far as the layout goes), without
   * following links to directories. A link's content is read when it resolves to a regular file.
   */
  public static List<Entry> entriesOf(Path directory) {
    List<Entry> entries = new ArrayList<>();
    for (Path top : sortedEntries(directory)) {
      String name = top.getFileName().toString();
      Entry entry = entryOf(top, name);
      entries.add(entry);
      if (entry instanceof Entry.Directory) {
        for (Path child : sortedEntries(top)) {
          entries.add(entryOf(child, name + "/" + child.getFileName()));
        }
      }
    }
    return entries;
  }

  private static Item topLevel(Entry entry, String name) {
    if (entry instanceof Entry.Directory) {
      return container(name).isPresent()
          ? new Item.Container(name)
          : new Item.Ignored(
              name, "expected <unit>.d, <target>.wants, <target>.requires or <target>.upholds");
    }
    if (!UnitName.isValid(name)) {
      return new Item.Ignored(name, "'" + name + "' is not a unit name");
    }
    UnitName unit = UnitName.of(name);
    if (entry instanceof Entry.File f) {
      return new Item.Unit(name, unit, f.bytes());
    }
    if (entry instanceof Entry.Link l) {
      return l.target().equals(DEV_NULL)
          ? new Item.Mask(name, unit)
          : new Item.Alias(name, unit, l.target());
    }
    return new Item.Ignored(name, "neither a unit file nor a link");
  }

  private static Item nested(Entry entry, String dir, String child) {
    String path = entry.path();
    Optional<Owner> owner = container(dir);
    if (owner.isEmpty()) {
      return new Item.Ignored(
          path, "not inside <unit>.d, <target>.wants, <target>.requires or <target>.upholds");
    }
    if (owner.get().kind() == null) {
      Optional<byte[]> bytes =
          entry instanceof Entry.File f
              ? Optional.of(f.bytes())
              : entry instanceof Entry.Link l ? l.content() : Optional.empty();
      if (child.endsWith(".conf") && bytes.isPresent()) {
        return new Item.DropIn(path, owner.get().unit(), bytes.get());
      }
      return new Item.Ignored(path, "not a drop-in (*.conf)");
    }
    if ((entry instanceof Entry.File || entry instanceof Entry.Link) && UnitName.isValid(child)) {
      return new Item.Dependency(path, owner.get().kind(), owner.get().unit(), UnitName.of(child));
    }
    return new Item.Ignored(path, "not a unit link");
  }

  /** The unit a container directory belongs to; {@code kind} is null for drop-ins. */
  private record Owner(UnitName unit, DependencyKind kind) {}

  private static Optional<Owner> container(String dir) {
    if (dir.endsWith(".d")) {
      return owner(dir, ".d", null);
    }
    for (DependencyKind kind : DependencyKind.values()) {
      if (dir.endsWith(kind.suffix())) {
        return owner(dir, kind.suffix(), kind);
      }
    }
    return Optional.empty();
  }

  private static Optional<Owner> owner(String dir, String suffix, DependencyKind kind) {
    String name = dir.substring(0, dir.length() - suffix.length());
    return UnitName.isValid(name)
        ? Optional.of(new Owner(UnitName.of(name), kind))
        : Optional.empty();
  }

  private static Entry entryOf(Path file, String relative) {
    try {
      if (Files.isSymbolicLink(file)) {
        String target = Files.readSymbolicLink(file).toString();
        Optional<byte[]> content = Optional.empty();
        if (isDevNull(file)) {
          target = DEV_NULL;
        } else if (Files.isRegularFile(file)) {
          content = Optional.of(Files.readAllBytes(file));
        }
        return new Entry.Link(relative, target, content);
      }
      if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
        return new Entry.Directory(relative);
      }
      if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
        return new Entry.File(relative, Files.readAllBytes(file));
      }
      return new Entry.Other(relative);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static boolean isDevNull(Path link) {
    try {
      return link.toRealPath().equals(Path.of(DEV_NULL));
    } catch (IOException e) {
      return false;
    }
  }

  private static List<Path> sortedEntries(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      List<Path> list = new ArrayList<>(entries.toList());
      list.sort(Comparator.comparing(p -> p.getFileName().toString()));
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
