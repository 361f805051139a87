package org.modsvc.nix.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.store.MemoryStore;

class ReadDirSymlinkTest {
  private static EvalState state() {
    return org.modsvc.nix.Evaluation.builder()
        .store(new MemoryStore("/nix/store"))
        .searchPath(List.of())
        .homeDir(Path.of("/fake-home"))
        .experimentalFeatures(Set.of())
        .diagnostics(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
        .start()
        .state();
  }

  @Test
  void readDir_onSymlinkToFile_namesTheResolvedTarget(@TempDir Path dir) throws Exception {
    Path real = dir.toRealPath();
    Files.createDirectory(real.resolve("foo"));
    Files.writeString(real.resolve("foo/file"), "");
    Files.createSymbolicLink(real.resolve("link"), Path.of("foo/file"));
    EvalException e =
        assertThrows(
            EvalException.class,
            () ->
                state()
                    .evalSource(
                        Source.ofString("t", "builtins.readDir " + real.resolve("link"), real)));
    assertEquals("'" + real.resolve("foo/file") + "' is not a directory", e.getMessage());
  }

  @Test
  void readDir_onPlainFile_namesTheFile(@TempDir Path dir) throws Exception {
    Path real = dir.toRealPath();
    Files.writeString(real.resolve("f"), "");
    EvalException e =
        assertThrows(
            EvalException.class,
            () ->
                state()
                    .evalSource(
                        Source.ofString("t", "builtins.readDir " + real.resolve("f"), real)));
    assertEquals("'" + real.resolve("f") + "' is not a directory", e.getMessage());
  }
}
