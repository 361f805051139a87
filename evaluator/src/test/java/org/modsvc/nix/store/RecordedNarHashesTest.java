package org.modsvc.nix.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedNarHashesTest {
  @Test
  void aRecordMadeByTheBuildStepIsReadBackFromAJar(@TempDir Path tmp) throws Exception {
    Path classes = tmp.resolve("classes");
    Files.createDirectories(classes.resolve("lib/sub"));
    Files.writeString(classes.resolve("lib/default.nix"), "{ }\n");
    Files.writeString(classes.resolve("lib/sub/b.nix"), "1\n");
    Files.createDirectories(classes.resolve("other"));
    Files.writeString(classes.resolve("other/x.nix"), "2\n");
    RecordedNarHashes.main(new String[] {classes.toString(), "lib", "lib/sub"});

    try (FileSystem jar = jarOf(classes, tmp.resolve("x.jar"))) {
      assertEquals(
          Nar.hash(classes.resolve("lib"), HashAlgo.SHA256, null),
          RecordedNarHashes.of(jar.getPath("/lib")));
      assertEquals(
          Nar.hash(classes.resolve("lib/sub"), HashAlgo.SHA256, null),
          RecordedNarHashes.of(jar.getPath("/lib/sub")));
      assertNull(
          RecordedNarHashes.of(jar.getPath("/other")),
          "a directory the build did not record is hashed as before");
    }
  }

  @Test
  void theBuildRecordsTheBundledLibsHash() throws Exception {
    Path lib = Path.of(getClass().getResource("/modsvc-lib/default.nix").toURI()).getParent();
    Path record = lib.getParent().resolve("nar-hashes/modsvc-lib.sha256");
    assertTrue(
        Files.isRegularFile(record),
        "evaluator/pom.xml records the lib's NAR hash at process-classes");
    assertEquals(
        Nar.hash(lib, HashAlgo.SHA256, null).toSri(),
        Files.readString(record, StandardCharsets.UTF_8).strip());
  }

  private static FileSystem jarOf(Path tree, Path jar) throws Exception {
    FileSystem fs =
        FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of("create", "true"));
    try (Stream<Path> files = Files.walk(tree)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = fs.getPath("/" + tree.relativize(p));
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return fs;
  }
}
