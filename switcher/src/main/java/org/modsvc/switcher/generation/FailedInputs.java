package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.modsvc.nix.format.JsonException;
import org.modsvc.nix.format.JsonParser;
import org.modsvc.nix.format.JsonWriter;
import org.modsvc.switcher.fs.AtomicFiles;

/**
 * {@code failed-inputs.json} in the state directory: the configuration (its {@link
 * DesiredState#fingerprint()}) whose units failed and that a switch with {@code
 * --rollback-on-failure} rolled back, so that the same configuration is not tried again, and rolled
 * back again, on every run until something changes (docs/decisions.md §12). One record: the last
 * such configuration. Written atomically; a damaged record is an error naming the file rather than
 * silently forgotten.
 */
public final class FailedInputs {

  /**
   * The configuration {@code fingerprint} failed as {@code failedGeneration}; {@code
   * restoredGeneration}'s files run.
   */
  public record Record(
      String fingerprint,
      int failedGeneration,
      int restoredGeneration,
      List<String> units,
      Instant at) {
    public Record {
      if (!fingerprint.matches("[0-9a-f]{64}")) {
        throw new IllegalArgumentException(
            "fingerprint must be 64 hex digits, found '" + fingerprint + "'");
      }
      units = List.copyOf(units);
    }
  }

  private final Layout layout;
  private final Clock clock;

  FailedInputs(Layout layout, Clock clock) {
    this.layout = layout;
    this.clock = clock;
  }

  private Path file() throws IOException {
    return layout.onDisk(layout.failedInputsFile());
  }

  public Optional<Record> load() throws IOException {
    Path file = file();
    if (!Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    String text = Files.readString(file, StandardCharsets.UTF_8);
    try {
      Map<String, Object> top = ManifestJson.object(JsonParser.parse(text), "top level");
      List<String> units = new ArrayList<>();
      ManifestJson.list(top.get("units"), "units")
          .forEach(u -> units.add(ManifestJson.string(u, "units")));
      return Optional.of(
          new Record(
              ManifestJson.string(top.get("fingerprint"), "fingerprint"),
              Math.toIntExact(ManifestJson.number(top.get("failedGeneration"), "failedGeneration")),
              Math.toIntExact(
                  ManifestJson.number(top.get("restoredGeneration"), "restoredGeneration")),
              units,
              Instant.parse(ManifestJson.string(top.get("at"), "at"))));
    } catch (JsonException
        | IllegalArgumentException
        | ArithmeticException
        | java.time.DateTimeException e) {
      throw new GenerationException(
          file
              + ": invalid record of a failed configuration: "
              + e.getMessage()
              + " (delete it to forget the failure)",
          e);
    }
  }

  /** Records that the configuration {@code fingerprint} failed; replaces an earlier record. */
  public Record mark(
      String fingerprint, int failedGeneration, int restoredGeneration, List<String> units)
      throws IOException {
    Record r =
        new Record(fingerprint, failedGeneration, restoredGeneration, units, clock.instant());
    StringBuilder sb =
        new StringBuilder("{\n  \"fingerprint\": ")
            .append(JsonWriter.quote(r.fingerprint()))
            .append(",\n  \"failedGeneration\": ")
            .append(r.failedGeneration())
            .append(",\n  \"restoredGeneration\": ")
            .append(r.restoredGeneration())
            .append(",\n  \"at\": ")
            .append(JsonWriter.quote(r.at().toString()))
            .append(",\n  \"units\": [");
    for (int i = 0; i < r.units().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(JsonWriter.quote(r.units().get(i)));
    }
    sb.append("]\n}\n");
    Path file = file();
    Files.createDirectories(file.getParent());
    AtomicFiles.writeFile(file, sb.toString().getBytes(StandardCharsets.UTF_8), 0644);
    return r;
  }

  /** Forgets the record (a different configuration was switched to). */
  public void clear() throws IOException {
    AtomicFiles.delete(file());
  }
}
