package org.modsvc.switcher.pkgs;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Finds where a host package lives: the prefix {@code P} of the first {@code PATH} directory
 * {@code P/bin} holding an executable {@code program}. Only directories named {@code bin} count,
 * because modules build paths as {@code "${pkg}/bin/<program>"}; a program found only in an
 * {@code sbin} directory is mentioned in the error so the user sees why it was not taken.
 */
public record PathSearch(List<Path> dirs) {
  public PathSearch {
    dirs = List.copyOf(dirs);
  }

  /** The directories of a {@code PATH}-style string; empty entries are skipped. */
  public static PathSearch of(String pathVariable) {
    return new PathSearch(Arrays.stream(pathVariable == null ? new String[0] : pathVariable.split(File.pathSeparator))
        .filter(s -> !s.isEmpty())
        .map(Path::of)
        .toList());
  }

  /** The prefix of the first {@code bin/<program>} on the path, if any. */
  public Optional<Path> prefixOf(String program) {
    if (!isPlainName(program)) return Optional.empty();
    for (Path dir : dirs) {
      Path name = dir.getFileName();
      if (name == null || !name.toString().equals("bin") || dir.getParent() == null) continue;
      if (isExecutableFile(dir.resolve(program))) return Optional.of(dir.getParent());
    }
    return Optional.empty();
  }

  /** Why {@code package} has no prefix: names the package, the program and the directories searched. */
  public String notFoundMessage(String packageName, String program) {
    StringBuilder sb = new StringBuilder("package '").append(packageName).append("' is not installed on this host: ");
    if (!isPlainName(program)) {
      return sb.append("'").append(program).append("' is not a program name").toString();
    }
    sb.append("no executable bin/").append(program).append(" in any directory of PATH (")
        .append(dirs.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator))).append(")");
    for (Path dir : dirs) {
      if (isExecutableFile(dir.resolve(program))) {
        sb.append("; found ").append(dir.resolve(program)).append(", but host packages must provide bin/").append(program);
        break;
      }
    }
    return sb.toString();
  }

  private static boolean isPlainName(String program) {
    return !program.isEmpty() && !program.contains("/") && !program.equals(".") && !program.equals("..")
        && program.indexOf('\0') < 0;
  }

  private static boolean isExecutableFile(Path p) {
    return Files.isRegularFile(p) && Files.isExecutable(p);
  }
}
