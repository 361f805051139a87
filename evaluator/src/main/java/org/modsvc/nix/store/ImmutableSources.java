package org.modsvc.nix.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Store paths of sources that cannot change while the process runs: files inside our own jar (the bundled lib and
 * modules). Every evaluation adds the lib to its store, and hashing its contents again was a tenth of a small
 * evaluation; the hash is a pure function of the content, so it is computed once per process.
 */
final class ImmutableSources {
  private ImmutableSources() {}

  private static final Map<List<Object>, String> STORE_PATHS = new ConcurrentHashMap<>();

  /** Whether {@code source} lies in an archive file system (the jar) rather than on disk. */
  static boolean contains(Path source) {
    return source.getFileSystem() != FileSystems.getDefault();
  }

  static String storePath(StorePaths paths, String name, Path source, boolean recursive) throws IOException {
    List<Object> key = List.of(paths.storeDir(), name, source.toUri().toString(), recursive);
    String known = STORE_PATHS.get(key);
    if (known != null) return known;
    String computed = paths.computeSourcePath(name, source,
        recursive ? ContentAddressMethod.NAR : ContentAddressMethod.FLAT, null).storePath();
    STORE_PATHS.put(key, computed);
    return computed;
  }
}
