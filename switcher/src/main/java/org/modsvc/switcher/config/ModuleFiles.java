package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.modsvc.switcher.build.BuildException;

/**
 * The user's module files (docs/decisions.md §1): every {@code *.nix} directly inside the modules directory, sorted by
 * name, or the single file given. Subdirectories are not loaded: they hold files that modules import.
 */
public final class ModuleFiles {
  private ModuleFiles() {}

  public static List<Path> of(Path modules) {
    Path p = modules.toAbsolutePath().normalize();
    if (Files.isRegularFile(p)) return List.of(p);
    if (!Files.isDirectory(p)) {
      throw new BuildException("modules path " + p + " does not exist (expected a directory of *.nix files or one file)");
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(p)) {
      s.filter(f -> f.getFileName().toString().endsWith(".nix") && !f.getFileName().toString().startsWith("."))
          .filter(Files::isRegularFile)
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .forEach(out::add);
    } catch (NoSuchFileException e) {
      throw new BuildException("modules directory " + p + " disappeared while reading it");
    } catch (IOException e) {
      throw new BuildException("cannot list modules directory " + p + ": " + e.getMessage());
    }
    return out;
  }
}
