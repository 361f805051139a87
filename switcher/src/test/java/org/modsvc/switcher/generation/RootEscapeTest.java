package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.modsvc.switcher.generation.Fixture.state;
import static org.modsvc.switcher.generation.Fixture.unit;
import static org.modsvc.switcher.generation.Fixture.wants;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An image whose directories on the way to the managed paths are symlinks leading out of {@code
 * --root}: every write stays inside the root (the links are followed as the booted image would,
 * with the root as {@code /}).
 */
class RootEscapeTest {

  @TempDir Path tmp;

  private Path outside;
  private Path root;

  private void image() throws IOException {
    outside = Files.createDirectory(tmp.resolve("host"));
    root = Files.createDirectory(tmp.resolve("image"));
  }

  /**
   * Runs a full file switch (units, a wants link, configData, store, generation, lock, pending) and
   * a second one.
   */
  private Fixture switchTwice() throws IOException {
    Fixture f = new Fixture(root);
    f.switchTo(
        state(
            unit("a.service", "A\n"),
            wants("multi-user.target", "a.service"),
            f.configData("app/app.conf", f.storeText("app.conf", "x\n"))));
    f.switchTo(state(unit("a.service", "A2\n"), unit("b.service", "B\n")));
    try (SwitchLock lock = f.switcher.lock()) {
      f.switcher.collectGarbage(lock, 1);
    }
    return f;
  }

  private void assertNothingOutside() throws IOException {
    try (Stream<Path> s = Files.walk(outside)) {
      assertEquals(List.of(outside), s.toList(), "nothing may be written outside the root");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "etc",
        "etc/systemd",
        "etc/systemd/system",
        "etc/system-services",
        "var",
        "var/lib",
        "var/lib/modsvc",
        "var/lib/modsvc/store",
        "var/lib/modsvc/generations",
        "run",
        "run/modsvc"
      })
  void directoryLinkedByAbsolutePathOutOfTheRoot_isFollowedInsideTheRoot(String linked)
      throws IOException {
    image();
    Path link = root.resolve(linked);
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, outside);
    Fixture f = switchTwice();
    assertNothingOutside();
    // the link means the image's own <root><outside>, as it will when the image boots
    Path inImage = root.resolve(outside.toString().substring(1));
    assertTrue(Files.isDirectory(inImage), inImage + " holds what " + linked + " names");
    assertEquals(
        "A2\n", Files.readString(f.layout.onDisk(f.layout.unitDir().resolve("a.service"))));
  }

  @Test
  void directoryLinkedRelativelyAboveTheRoot_stopsAtTheRoot() throws IOException {
    image();
    Files.createDirectories(root.resolve("etc/systemd"));
    // ../../../host from <root>/etc/systemd would be <tmp>/host: `..` stops at the root instead
    Files.createSymbolicLink(root.resolve("etc/systemd/system"), Path.of("../../../../../../host"));
    switchTwice();
    assertNothingOutside();
    assertEquals("A2\n", Files.readString(root.resolve("host/a.service")));
  }

  @Test
  void userMode_homeLinkedOutOfTheRoot_staysInside() throws IOException {
    image();
    Files.createDirectories(root.resolve("home"));
    Files.createSymbolicLink(root.resolve("home/ann"), outside);
    Layout user =
        Layout.user(root, Map.of("HOME", "/home/ann", "XDG_RUNTIME_DIR", "/run/user/1000"), 1000);
    GenerationSwitcher gs = new GenerationSwitcher(user);
    try (SwitchLock lock = gs.lock()) {
      gs.switchFiles(
          lock,
          state(DesiredFile.Regular.text("/home/ann/.config/systemd/user/a.service", "A\n", 0644)),
          false);
    }
    assertNothingOutside();
    assertTrue(
        Files.isRegularFile(
            root.resolve(outside.toString().substring(1))
                .resolve(".config/systemd/user/a.service")));
  }

  @Test
  void linkLoop_isAnErrorNamingIt() throws IOException {
    image();
    Files.createDirectories(root.resolve("etc/systemd"));
    Files.createSymbolicLink(root.resolve("etc/systemd/system"), Path.of("/etc/systemd/system"));
    Fixture f = new Fixture(root);
    FileSystemException e =
        assertThrows(FileSystemException.class, () -> f.switchTo(state(unit("a.service", "A\n"))));
    assertTrue(e.getMessage().contains("Too many levels of symbolic links"), e.getMessage());
    assertTrue(e.getMessage().contains("/etc/systemd/system"), e.getMessage());
    assertNothingOutside();
  }
}
