package org.modsvc.switcher.generation;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import org.modsvc.switcher.fs.ContentHash;
import org.modsvc.switcher.fs.FileModes;

/**
 * Every path under a directory with its kind, mode and content hash or link target: to compare
 * whole trees.
 */
final class TreeSnapshot {

  private TreeSnapshot() {}

  static Map<String, String> of(Path top) throws IOException {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(top)) {
      return out;
    }
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
              throws IOException {
            out.put(
                top.relativize(d) + "/",
                "dir " + FileModes.format(FileModes.toMode(Files.getPosixFilePermissions(d))));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            String rel = top.relativize(f).toString();
            if (attrs.isSymbolicLink()) {
              out.put(rel, "link " + Files.readSymbolicLink(f));
            } else {
              out.put(
                  rel,
                  "file "
                      + FileModes.format(FileModes.toMode(Files.getPosixFilePermissions(f)))
                      + " "
                      + ContentHash.sha256Hex(f));
            }
            return FileVisitResult.CONTINUE;
          }
        });
    return out;
  }
}
