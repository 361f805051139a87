package org.modsvc.nix.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.modsvc.nix.source.ArchivedFiles;

/**
 * Store paths of sources that cannot change while the process runs ({@link ArchivedFiles}: our lib
 * and modules in the jar). Every evaluation adds the lib to its store, and hashing its contents
 * again was a tenth of a small evaluation; the hash is a pure function of the content, so it is
 * computed once per process, or not at all where the build recorded it ({@link RecordedNarHashes}).
 */
final class ImmutableSources {
  private ImmutableSources() {}

  private static final Map<List<Object>, String> STORE_PATHS = new ConcurrentHashMap<>();

  /**
   * The store path of {@code source}, a path {@link ArchivedFiles#contains} accepts, added
   * unfiltered.
   */
  static String storePath(StorePaths paths, String name, Path source, ContentAddressMethod method)
      throws IOException {
    List<Object> key = List.of(paths.storeDir(), name, source.toUri().toString(), method);
    String known = STORE_PATHS.get(key);
    if (known != null) return known;
    Hash recorded = method == ContentAddressMethod.NAR ? RecordedNarHashes.of(source) : null;
    String computed =
        recorded != null
            ? paths.makeFixedOutputPath(name, method, recorded, null)
            : paths.computeSourcePath(name, source, method, null).storePath();
    STORE_PATHS.put(key, computed);
    return computed;
  }
}
