package org.modsvc.switcher.generation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.nix.format.JsonException;
import org.modsvc.nix.format.JsonParser;
import org.modsvc.nix.format.JsonWriter;
import org.modsvc.switcher.fs.FileModes;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.store.StorePath;

/**
 * {@code manifest.json}: one object, one file entry per line so that {@code diff} between two
 * generations reads well. Version 1:
 *
 * <pre>
 * { "version": 1, "generation": 3, "created": "2026-11-21T10:00:00Z", "metadata": { … },
 *   "files": { "/etc/systemd/system/a.service": { "kind": "file", "mode": "0644", "sha256": "…" },
 *              "/etc/system-services/a/x.conf": { "kind": "symlink", "target": "/var/lib/modsvc/store/…", "displaced": true } },
 *   "store": [ "…-x.conf" ], "createdDirs": [ "/etc/system-services/a" ] }
 * </pre>
 */
public final class ManifestJson {

  static final long VERSION = 1;

  private ManifestJson() {}

  public static String write(Manifest m) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"version\": ")
        .append(VERSION)
        .append(",\n  \"generation\": ")
        .append(m.generation())
        .append(",\n  \"created\": ")
        .append(JsonWriter.quote(m.created().toString()))
        .append(",\n  \"metadata\": {");
    String sep = "\n    ";
    for (Map.Entry<String, String> e : m.metadata().entrySet()) {
      sb.append(sep)
          .append(JsonWriter.quote(e.getKey()))
          .append(": ")
          .append(JsonWriter.quote(e.getValue()));
      sep = ",\n    ";
    }
    sb.append(m.metadata().isEmpty() ? "}" : "\n  }").append(",\n  \"files\": {");
    sep = "\n    ";
    for (Map.Entry<HostPath, ManifestEntry> e : m.entries().entrySet()) {
      sb.append(sep).append(JsonWriter.quote(e.getKey().value())).append(": ");
      writeEntry(e.getValue(), sb);
      sep = ",\n    ";
    }
    sb.append(m.entries().isEmpty() ? "}" : "\n  }").append(",\n  \"store\": ");
    writeList(m.storeEntries().stream().map(StorePath::baseName).toList(), sb);
    sb.append(",\n  \"createdDirs\": ");
    writeList(m.createdDirs().stream().map(HostPath::value).toList(), sb);
    return sb.append("\n}\n").toString();
  }

  private static void writeEntry(ManifestEntry entry, StringBuilder sb) {
    if (entry instanceof ManifestEntry.File f) {
      sb.append("{ \"kind\": \"file\", \"mode\": \"")
          .append(FileModes.format(f.mode()))
          .append("\", \"sha256\": \"")
          .append(f.sha256())
          .append('"');
    } else {
      sb.append("{ \"kind\": \"symlink\", \"target\": ")
          .append(JsonWriter.quote(((ManifestEntry.Link) entry).target()));
    }
    if (entry.displaced()) {
      sb.append(", \"displaced\": true");
    }
    sb.append(" }");
  }

  private static void writeList(List<String> items, StringBuilder sb) {
    sb.append('[');
    String sep = "";
    for (String s : items) {
      sb.append(sep).append(JsonWriter.quote(s));
      sep = ", ";
    }
    sb.append(']');
  }

  /** Parses a manifest; {@code source} names the file in error messages. */
  public static Manifest parse(String json, String source) {
    try {
      Map<String, Object> top = object(JsonParser.parse(json), "top level");
      long version = number(top.get("version"), "version");
      if (version != VERSION) {
        throw new IllegalArgumentException(
            "unsupported manifest version " + version + " (this agent reads " + VERSION + ")");
      }
      int generation = Math.toIntExact(number(top.get("generation"), "generation"));
      Instant created = Instant.parse(string(top.get("created"), "created"));
      Map<String, String> metadata = new TreeMap<>();
      object(top.get("metadata"), "metadata")
          .forEach((k, v) -> metadata.put(k, string(v, "metadata." + k)));
      SortedMap<HostPath, ManifestEntry> entries = new TreeMap<>();
      object(top.get("files"), "files")
          .forEach((k, v) -> entries.put(HostPath.of(k), entry(object(v, k), k)));
      SortedSet<StorePath> store = new TreeSet<>();
      for (Object o : list(top.get("store"), "store")) {
        store.add(StorePath.parse(string(o, "store")));
      }
      SortedSet<HostPath> dirs = new TreeSet<>();
      for (Object o : list(top.get("createdDirs"), "createdDirs")) {
        dirs.add(HostPath.of(string(o, "createdDirs")));
      }
      return new Manifest(generation, created, metadata, entries, store, dirs);
    } catch (JsonException
        | IllegalArgumentException
        | ArithmeticException
        | DateTimeParseException e) {
      throw new GenerationException(source + ": invalid manifest: " + e.getMessage(), e);
    } catch (StackOverflowError e) {
      // the parser recurses per level; a damaged file of brackets must not take the agent down
      throw new GenerationException(source + ": invalid manifest: nested too deeply", e);
    }
  }

  private static ManifestEntry entry(Map<String, Object> o, String path) {
    boolean displaced = Boolean.TRUE.equals(o.get("displaced"));
    String kind = string(o.get("kind"), path + ".kind");
    switch (kind) {
      case "file":
        return new ManifestEntry.File(
            FileModes.parse(string(o.get("mode"), path + ".mode")),
            string(o.get("sha256"), path + ".sha256"),
            displaced);
      case "symlink":
        return new ManifestEntry.Link(string(o.get("target"), path + ".target"), displaced);
      default:
        throw new IllegalArgumentException(path + ": unknown kind '" + kind + "'");
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object o, String what) {
    if (!(o instanceof Map)) {
      throw new IllegalArgumentException(what + " must be an object");
    }
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o, String what) {
    if (!(o instanceof List)) {
      throw new IllegalArgumentException(what + " must be a list");
    }
    return (List<Object>) o;
  }

  static String string(Object o, String what) {
    if (!(o instanceof String s)) {
      throw new IllegalArgumentException(what + " must be a string");
    }
    return s;
  }

  static long number(Object o, String what) {
    if (!(o instanceof Long l)) {
      throw new IllegalArgumentException(what + " must be an integer");
    }
    return l;
  }
}
