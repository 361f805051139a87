package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.modsvc.nix.eval.FileGuard;
import org.modsvc.switcher.build.BuildException;

/**
 * The user's module files (docs/decisions.md §1): every {@code *.nix} directly inside the modules
 * directory, sorted by name, or the single file given. Subdirectories are not loaded: they hold
 * files that modules import.
 *
 * <p>A {@code *.nix} entry that is not a readable regular file once links are followed (a dangling
 * link to a mount missing at boot, a link loop, a directory, a file without read permission) is an
 * error, never skipped: skipping it would make the next switch stop and remove every service it
 * defines.
 */
public final class ModuleFiles {
  private ModuleFiles() {}

  public static List<Path> of(Path modules) {
    return of(modules, FileGuard.NONE);
  }

  /** As {@link #of(Path)}, refusing the directory or a file that {@code guard} refuses. */
  public static List<Path> of(Path modules, FileGuard guard) {
    Path p = modules.toAbsolutePath().normalize();
    refuseIfGuarded(guard, p);
    if (Files.isRegularFile(p)) return List.of(checkedModule(p));
    if (!Files.isDirectory(p)) {
      throw new BuildException(
          "modules path "
              + p
              + " does not exist (expected a directory of *.nix files or one file)");
    }
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(p)) {
      s.filter(
              f ->
                  f.getFileName().toString().endsWith(".nix")
                      && !f.getFileName().toString().startsWith("."))
          .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .forEach(out::add);
    } catch (NoSuchFileException e) {
      throw new BuildException("modules directory " + p + " disappeared while reading it");
    } catch (IOException e) {
      throw new BuildException("cannot list modules directory " + p + ": " + e.getMessage());
    }
    for (Path f : out) {
      refuseIfGuarded(guard, f);
      checkedModule(f);
    }
    return out;
  }

  private static void refuseIfGuarded(FileGuard guard, Path p) {
    String refusal = guard.refusal(p);
    if (refusal != null) throw new BuildException(refusal);
  }

  /**
   * {@code f} when it is a regular file (after following links) this process can read; an error
   * otherwise.
   */
  private static Path checkedModule(Path f) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(f, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new BuildException(
          "module "
              + f
              + " cannot be read: "
              + (Files.isSymbolicLink(f)
                  ? "it is a symbolic link to a file that does not exist"
                  : "it disappeared while listing the directory"));
    } catch (IOException e) {
      String reason =
          e.getMessage() != null && e.getMessage().contains("Too many levels of symbolic links")
              ? "it is a loop of symbolic links"
              : String.valueOf(e.getMessage());
      throw new BuildException("module " + f + " cannot be read: " + reason);
    }
    if (!a.isRegularFile()) {
      throw new BuildException(
          "module "
              + f
              + " is not a regular file ("
              + (a.isDirectory() ? "a directory" : "a special file")
              + "); every *.nix in the modules directory must be a module");
    }
    if (!Files.isReadable(f)) {
      throw new BuildException("module " + f + " cannot be read: Permission denied");
    }
    return f;
  }
}
