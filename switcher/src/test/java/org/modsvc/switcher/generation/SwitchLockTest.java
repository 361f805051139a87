package org.modsvc.switcher.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.fs.PrivateDirectory;

class SwitchLockTest {

  @TempDir Path root;

  @Test
  void secondLocker_isRefusedWithHolderPid() throws IOException {
    GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
    try (SwitchLock first = gs.lock()) {
      SwitchLock.LockHeldException expected =
          assertThrows(SwitchLock.LockHeldException.class, gs::lock);
      assertEquals(Long.toString(ProcessHandle.current().pid()), expected.pid());
      assertTrue(expected.getMessage().contains("run/modsvc/lock"), expected.getMessage());
    }
  }

  @Test
  void lockFromAnotherProcess_isRefusedWithThatPid() throws Exception {
    GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
    Path lockFile = root.resolve("run/modsvc/lock");
    java.nio.file.Files.createDirectories(lockFile.getParent());
    Process holder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                lockFile.toString())
            .redirectErrorStream(true)
            .start();
    try {
      String ready = new String(holder.getInputStream().readNBytes(6));
      assertEquals("locked", ready);
      SwitchLock.LockHeldException expected =
          assertThrows(SwitchLock.LockHeldException.class, gs::lock);
      assertEquals(Long.toString(holder.pid()), expected.pid());
    } finally {
      holder.destroyForcibly().waitFor();
    }
    try (SwitchLock again = gs.lock()) {
      assertTrue(again.isHeld(), "a killed holder's lock is released by the kernel");
    }
  }

  @Test
  void lock_isFreeAgainAfterClose() throws IOException {
    GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
    gs.lock().close();
    try (SwitchLock again = gs.lock()) {
      assertTrue(again.isHeld());
    }
  }

  @Test
  void lockPathLinkedToAnotherFile_isRefusedAndTheFileKeepsItsContent() throws IOException {
    Path victim =
        Files.writeString(
            Files.createDirectory(root.resolve("outside")).resolve("shadow"), "secret\n");
    Path lockFile = root.resolve("run/modsvc/lock");
    Files.createDirectories(lockFile.getParent());
    Files.createSymbolicLink(lockFile, victim);
    GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
    GenerationException e = assertThrows(GenerationException.class, gs::lock);
    assertTrue(e.getMessage().contains("it is a symlink, not a regular file"), e.getMessage());
    assertTrue(e.getMessage().contains(lockFile.toString()), e.getMessage());
    assertEquals("secret\n", Files.readString(victim));
  }

  @Test
  void lockPathThatIsAFifoOrDirectory_isRefused() throws Exception {
    Path lockFile = root.resolve("run/modsvc/lock");
    Files.createDirectories(lockFile.getParent());
    assertEquals(0, new ProcessBuilder("mkfifo", lockFile.toString()).start().waitFor());
    GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
    assertTrue(
        assertThrows(GenerationException.class, gs::lock).getMessage().contains("a special file"));
    Files.delete(lockFile);
    Files.createDirectory(lockFile);
    assertTrue(
        assertThrows(GenerationException.class, gs::lock).getMessage().contains("a directory"));
  }

  @Test
  void lockDirectory_isCreatedPrivate() throws IOException {
    GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
    gs.lock().close();
    Path dir = root.resolve("run/modsvc");
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(
            Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS)));
    assertEquals(
        PrivateDirectory.currentUid(), ((Number) Files.getAttribute(dir, "unix:uid")).longValue());
    assertEquals(
        "rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("lock"))));
  }

  @Test
  void lockDirectoryWritableByOthers_isRefusedNamingOwnerAndMode() throws IOException {
    Path dir = Files.createDirectories(root.resolve("run/modsvc"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    GenerationSwitcher gs = new GenerationSwitcher(Layout.system(root));
    GenerationException e = assertThrows(GenerationException.class, gs::lock);
    assertTrue(
        e.getMessage().contains(dir + ": it is owned by uid " + PrivateDirectory.currentUid()),
        e.getMessage());
    assertTrue(e.getMessage().contains("mode 0777"), e.getMessage());
    assertFalse(
        Files.exists(dir.resolve("lock")), "nothing is created in a directory others may change");
  }

  @Test
  void lockDirectoryOwnedBySomeoneElse_isRefused() throws IOException {
    Assumptions.assumeTrue(
        PrivateDirectory.currentUid() == 0, "needs root to give a directory to another user");
    Path dir = Files.createDirectories(root.resolve("run/user/1000/modsvc"));
    Files.setAttribute(dir, "unix:uid", 65534);
    Layout user =
        Layout.user(
            root, java.util.Map.of("HOME", "/home/ann", "XDG_RUNTIME_DIR", "/run/user/1000"), 1000);
    GenerationException e =
        assertThrows(GenerationException.class, new GenerationSwitcher(user)::lock);
    assertTrue(e.getMessage().contains("owned by uid 65534"), e.getMessage());
  }

  @Test
  void lockDirectoryThatIsALink_isRefused() throws IOException {
    Path real = Files.createDirectory(root.resolve("elsewhere"));
    Files.createDirectories(root.resolve("run"));
    Files.createSymbolicLink(root.resolve("run/modsvc"), real);
    GenerationException e =
        assertThrows(
            GenerationException.class, () -> SwitchLock.acquire(root.resolve("run/modsvc/lock")));
    assertTrue(e.getMessage().contains("it is a symlink"), e.getMessage());
  }

  /**
   * Run in a child JVM: holds the lock until killed, or until its standard input ends (the test
   * closed it or died), so it neither lets go early on a slow machine nor outlives the test.
   */
  public static final class LockHolder {
    public static void main(String[] args) throws Exception {
      SwitchLock lock = SwitchLock.acquire(Path.of(args[0]));
      System.out.print("locked");
      System.out.flush();
      while (System.in.read() != -1) {
        // nothing to read: the input is only the parent's lifeline
      }
      lock.close();
    }
  }
}
