package org.modsvc.switcher.pkgs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds a program the way a shell does: the first directory of {@code PATH} holding an executable
 * file of that name, whatever the directory is called ({@code sbin} daemons count).
 */
public record PathSearch(List<Path> dirs) {
  public PathSearch {
    dirs = List.copyOf(dirs);
  }

  /** The directories of a {@code PATH}-style string; empty entries are skipped. */
  public static PathSearch of(String pathVariable) {
    return new PathSearch(
        Arrays.stream(pathVariable == null ? new String[0] : pathVariable.split(File.pathSeparator))
            .filter(s -> !s.isEmpty())
            .map(Path::of)
            .toList());
  }

  /**
   * The first executable {@code program} on the path, if any; a name with a slash is never found.
   */
  public Optional<Path> find(String program) {
    if (!isPlainName(program)) return Optional.empty();
    for (Path dir : dirs) {
      Path candidate = dir.resolve(program);
      if (isExecutableFile(candidate)) return Optional.of(candidate);
    }
    return Optional.empty();
  }

  static boolean isPlainName(String program) {
    return !program.isEmpty()
        && !program.contains("/")
        && !program.equals(".")
        && !program.equals("..")
        && program.indexOf('\0') < 0
        && program.indexOf('\n') < 0;
  }

  private static boolean isExecutableFile(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }
}
