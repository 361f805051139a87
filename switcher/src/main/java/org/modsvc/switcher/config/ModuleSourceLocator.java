package org.modsvc.switcher.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.modsvc.switcher.build.UnitValidator;

/**
 * Finds a word (a unit key the checks refuse) in the user's module files, as {@code file:line}: the
 * unit lines reach the checks without the place that defined them, and the word itself is usually
 * in one of the user's files. Reads the files only when a check asks, at most three places.
 */
final class ModuleSourceLocator implements UnitValidator.SourceLocator {
  private static final int MAX_PLACES = 3;
  private final List<Path> files;

  ModuleSourceLocator(List<Path> files) {
    this.files = List.copyOf(files);
  }

  @Override
  public List<String> find(String word) {
    Pattern p = Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(word) + "(?![A-Za-z0-9_-])");
    List<String> places = new ArrayList<>();
    for (Path f : files) {
      List<String> lines;
      try {
        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
      } catch (IOException | java.io.UncheckedIOException e) {
        continue; // the evaluation read it a moment ago; a place is a help, not a requirement
      }
      for (int i = 0; i < lines.size() && places.size() < MAX_PLACES; i++) {
        if (p.matcher(lines.get(i)).find()) places.add(f + ":" + (i + 1));
      }
    }
    return places;
  }
}
