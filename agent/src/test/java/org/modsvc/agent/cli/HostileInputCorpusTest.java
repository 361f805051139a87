package org.modsvc.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our hostile-input corpus (issue 17): every directory under {@code src/test/resources/hostile/} is
 * one case, run as {@code build --modules <its modules/> --root <empty dir>}. Its {@code expected}
 * file states the exact outcome, one {@code key: value} per line:
 *
 * <ul>
 *   <li>{@code exit: N} — the exit status;
 *   <li>{@code stderr: TEXT} — a fragment stderr must contain (repeatable; {@code @MODULES@} is the
 *       modules directory the case runs with);
 *   <li>{@code written: nothing} — on failure nothing may appear under the root but the lock
 *       directory ({@code run/modsvc}); or {@code written: PATH} (repeatable), files that must
 *       exist under the root;
 *   <li>{@code line: PATH | LINE} — the file at PATH under the root has exactly that line
 *       (repeatable);
 *   <li>{@code setup: ...} — what git cannot store, made in the copy of {@code modules/} before the
 *       run: {@code symlink NAME TARGET}, {@code mkdir NAME}, {@code mkfifo NAME}, {@code chmod
 *       NAME OCTAL}, {@code chown NAME UID} (needs root; the case is skipped otherwise), {@code
 *       sparse NAME MIB};
 *   <li>{@code heap: SIZE} — run in a child JVM with that {@code -Xmx} (memory cases), not in this
 *       one.
 * </ul>
 *
 * Module texts may name {@code @MODULES@} too.
 */
class HostileInputCorpusTest {
  @TempDir Path tmp;

  /** The parsed {@code expected} file of one case. */
  record Expected(
      int exit,
      List<String> stderr,
      List<String> written,
      List<String> lines,
      List<String> setup,
      String heap) {
    static Expected read(Path file) throws IOException {
      int exit = -1;
      List<String> stderr = new ArrayList<>();
      List<String> written = new ArrayList<>();
      List<String> lines = new ArrayList<>();
      List<String> setup = new ArrayList<>();
      String heap = null;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) continue;
        int colon = line.indexOf(':');
        if (colon < 0) throw new IllegalArgumentException(file + ": not 'key: value': " + line);
        String key = line.substring(0, colon).strip();
        String value = line.substring(colon + 1).strip();
        switch (key) {
          case "exit" -> exit = Integer.parseInt(value);
          case "stderr" -> stderr.add(value);
          case "written" -> written.add(value);
          case "line" -> lines.add(value);
          case "setup" -> setup.add(value);
          case "heap" -> heap = value;
          default -> throw new IllegalArgumentException(file + ": unknown key " + key);
        }
      }
      if (exit < 0 || written.isEmpty())
        throw new IllegalArgumentException(file + ": needs exit and written");
      return new Expected(exit, stderr, written, lines, setup, heap);
    }
  }

  @TestFactory
  Stream<DynamicTest> corpus() throws IOException, URISyntaxException {
    Path corpus = Path.of(HostileInputCorpusTest.class.getResource("/hostile").toURI());
    List<Path> cases;
    try (Stream<Path> s = Files.list(corpus)) {
      cases = s.filter(Files::isDirectory).sorted().toList();
    }
    assertFalse(cases.isEmpty(), "no cases under " + corpus);
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> run(c)));
  }

  private void run(Path caseDir) throws Exception {
    Expected expected = Expected.read(caseDir.resolve("expected"));
    Path work = Files.createDirectory(tmp.resolve(caseDir.getFileName().toString()));
    Path modules = work.resolve("modules");
    copyModules(caseDir.resolve("modules"), modules);
    for (String step : expected.setup()) setup(modules, step);
    Path root = Files.createDirectory(work.resolve("root"));
    String[] args = {"build", "--modules", modules.toString(), "--root", root.toString()};
    CliRun r = expected.heap() == null ? CliRun.of(args) : inChildJvm(expected.heap(), args);
    assertEquals(expected.exit(), r.exitCode(), "exit status; stderr:\n" + r.err());
    for (String fragment : expected.stderr()) {
      String want = fragment.replace("@MODULES@", modules.toString());
      assertTrue(r.err().contains(want), "stderr lacks '" + want + "':\n" + r.err());
    }
    assertFalse(
        r.err().contains("Exception") || r.err().contains("internal error"),
        "a Java failure:\n" + r.err());
    if (expected.written().equals(List.of("nothing"))) {
      assertEquals(List.of(), writtenUnder(root), "files written although the build failed");
    } else {
      for (String p : expected.written()) {
        assertTrue(
            Files.exists(root.resolve(p), LinkOption.NOFOLLOW_LINKS),
            p + " not written; stderr:\n" + r.err());
      }
    }
    for (String l : expected.lines()) {
      int bar = l.indexOf(" | ");
      Path file = root.resolve(l.substring(0, bar));
      String text =
          Files.isSymbolicLink(file)
              ? Files.readSymbolicLink(file).toString()
              : Files.readString(file);
      assertTrue(
          text.lines().anyMatch(l.substring(bar + 3)::equals),
          file + " lacks the line " + l.substring(bar + 3) + ":\n" + text);
    }
  }

  private static void copyModules(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    if (!Files.isDirectory(from)) return;
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.writeString(dest, Files.readString(p).replace("@MODULES@", to.toString()));
        }
      }
    }
  }

  private static void setup(Path modules, String step) throws Exception {
    String[] w = step.split("\\s+");
    Path target = modules.resolve(w[1]);
    Files.createDirectories(target.getParent()); // git keeps no empty directories
    switch (w[0]) {
      case "symlink" ->
          Files.createSymbolicLink(target, Path.of(w[2].replace("@MODULES@", modules.toString())));
      case "mkdir" -> Files.createDirectories(target);
      case "mkfifo" ->
          assumeTrue(
              new ProcessBuilder("mkfifo", target.toString()).start().waitFor() == 0, "no mkfifo");
      case "chmod" ->
          Files.setAttribute(
              target, "unix:mode", Integer.parseInt(w[2], 8), LinkOption.NOFOLLOW_LINKS);
      case "chown" -> {
        assumeTrue(
            "root".equals(System.getProperty("user.name")), "chown to another uid needs root");
        Files.setAttribute(target, "unix:uid", Integer.parseInt(w[2]), LinkOption.NOFOLLOW_LINKS);
      }
      case "sparse" -> {
        try (var f = new java.io.RandomAccessFile(target.toFile(), "rw")) {
          f.setLength(Long.parseLong(w[2]) << 20);
        }
      }
      default -> throw new IllegalArgumentException("unknown setup step: " + step);
    }
  }

  /** Everything under {@code root} but the lock directory, which every locking command creates. */
  private static List<String> writtenUnder(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.map(p -> root.relativize(p).toString())
          .filter(
              p ->
                  !p.isEmpty()
                      && !p.equals("run")
                      && !p.equals("run/modsvc")
                      && !p.equals("run/modsvc/lock"))
          .sorted()
          .toList();
    }
  }

  /** Memory cases: a JVM of their own with a small heap, so this one is not the one exhausted. */
  private static CliRun inChildJvm(String heap, String... args) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-XX:+UseParallelGC",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("hostile-out", ".txt");
    Path err = Files.createTempFile("hostile-err", ".txt");
    try {
      Process p =
          new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("still running after 10 minutes: " + String.join(" ", args));
      }
      return new CliRun(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
