package org.modsvc.switcher.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.modsvc.switcher.fs.AtomicFiles;
import org.modsvc.switcher.fs.FileTrees;
import org.modsvc.switcher.fs.HostPath;

/**
 * The outputs of host builds, found again by the key of their inputs so that an unchanged build
 * does not run again (docs/decisions.md §3): {@code keys/<key>} holds the base name of an entry of
 * the {@code outputs} store, and the key file's modification time says when a build last asked for
 * it. An evaluation that uses an output copies it into the mode's store, under the same name.
 *
 * <p>The garbage collector forgets the outputs that no kept generation references and no build
 * asked for in {@link #KEPT_UNUSED} (§4); without it the cache would grow with every edit of a
 * built script for as long as the agent runs. Referenced outputs are not the only ones to keep: a
 * check build (writeShellApplication's {@code bash -n}) makes an output nothing references, and
 * forgetting it after each switch would run the check again in every evaluation.
 */
public final class BuildCache {
  /** How long an output no kept generation references stays after a build last asked for it. */
  public static final Duration KEPT_UNUSED = Duration.ofDays(30);

  private final Path keys;
  private final Store outputs;

  /** The cache in {@code dir}, a directory on disk (already resolved under the root). */
  public BuildCache(Path dir) {
    this.keys = dir.resolve("keys");
    this.outputs =
        new Store(HostPath.of(dir.resolve("outputs").toAbsolutePath().toString()), Path.of("/"));
  }

  /** Where outputs are put when a build succeeds. */
  public Store outputs() {
    return outputs;
  }

  /**
   * The output a build with this key made, when it is still there; the key is marked as asked for
   * now.
   */
  public Optional<StorePath> lookup(String key) throws IOException {
    Path keyFile = keys.resolve(key);
    Optional<StorePath> found = outputNamedBy(keyFile);
    if (found.isPresent()) {
      try {
        Files.setLastModifiedTime(keyFile, FileTime.from(Instant.now()));
      } catch (IOException e) {
        // a cache that cannot be marked still serves; the output may only be forgotten sooner
      }
    }
    return found;
  }

  /** Records that the build with this key made {@code output}. */
  public void remember(String key, StorePath output) throws IOException {
    Path keyFile = keys.resolve(key);
    Files.createDirectories(keyFile.getParent());
    AtomicFiles.writeFile(keyFile, output.baseName().getBytes(StandardCharsets.UTF_8), 0644);
  }

  /** What {@link #forgetAllBut} deleted. */
  public record Forgotten(List<StorePath> outputs, long bytes, int keys) {
    public Forgotten {
      outputs = List.copyOf(outputs);
    }
  }

  /**
   * Deletes every output whose name is not among {@code inUse} (the store entries kept generations
   * reference) and that no build asked for since {@code askedSince}, the keys that named them or
   * name nothing any more, and the temporaries of interrupted puts. Must run under the switch lock:
   * builds run only under it.
   */
  public Forgotten forgetAllBut(Set<StorePath> inUse, Instant askedSince) throws IOException {
    Map<Path, Optional<StorePath>> named = new LinkedHashMap<>();
    Set<StorePath> asked = new HashSet<>();
    for (Path keyFile : keyFiles()) {
      Optional<StorePath> output = outputNamedBy(keyFile);
      named.put(keyFile, output);
      if (output.isPresent() && !lastAsked(keyFile).isBefore(askedSince)) asked.add(output.get());
    }
    List<StorePath> deleted = new ArrayList<>();
    long bytes = 0;
    for (StorePath output : outputs.list()) {
      if (!inUse.contains(output) && !asked.contains(output)) {
        bytes += outputs.size(output);
        outputs.delete(output);
        deleted.add(output);
      }
    }
    for (Path temp : outputs.leftovers()) outputs.deleteLeftover(temp);
    int keysDeleted = 0;
    for (Map.Entry<Path, Optional<StorePath>> key : named.entrySet()) {
      Optional<StorePath> output = key.getValue();
      if (output.isEmpty() || deleted.contains(output.get())) {
        FileTrees.delete(key.getKey());
        keysDeleted++;
      }
    }
    return new Forgotten(deleted, bytes, keysDeleted);
  }

  private static Instant lastAsked(Path keyFile) throws IOException {
    return Files.getLastModifiedTime(keyFile, LinkOption.NOFOLLOW_LINKS).toInstant();
  }

  private List<Path> keyFiles() throws IOException {
    List<Path> out = new ArrayList<>();
    if (Files.isDirectory(keys, LinkOption.NOFOLLOW_LINKS)) {
      try (DirectoryStream<Path> all = Files.newDirectoryStream(keys)) {
        all.forEach(out::add);
      }
    }
    return out;
  }

  private Optional<StorePath> outputNamedBy(Path keyFile) throws IOException {
    if (!Files.isRegularFile(keyFile, LinkOption.NOFOLLOW_LINKS)) return Optional.empty();
    String base = Files.readString(keyFile, StandardCharsets.UTF_8).strip();
    if (!StorePath.looksLikeEntry(base)) return Optional.empty();
    StorePath entry = StorePath.parse(base);
    return outputs.contains(entry) ? Optional.of(entry) : Optional.empty();
  }
}
