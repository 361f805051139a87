package org.modsvc.switcher.config;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.build.BuildException;

/** sshd-style StrictModes for module files read as root (issue 17, defect 8). */
class StrictModesTest {
  private static final int OTHER_UID = 4242;

  @TempDir Path tmp;
  private Path dir;
  private final StrictModes guard = new StrictModes(0);

  @BeforeEach
  void modulesDirectory() throws Exception {
    dir = Files.createDirectory(tmp.resolve("modules"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void requireRoot() {
    // Giving a file to another user needs root; the agent's system mode runs as root anyway.
    assumeTrue(
        "root".equals(System.getProperty("user.name")),
        "needs root to chown test files to another uid");
  }

  private static void chown(Path p, int uid) throws Exception {
    Files.setAttribute(p, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
  }

  @Test
  void aFileOnlyTheOwnerCanWrite_isRead() throws Exception {
    Path f = Files.writeString(dir.resolve("a.nix"), "{}");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    assertNull(guard.refusal(f));
  }

  @Test
  void aWorldWritableFile_isRefusedNamingFileOwnerAndMode() throws Exception {
    Path f = Files.writeString(dir.resolve("a.nix"), "{}");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
    String r = guard.refusal(f);
    assertTrue(
        r != null
            && r.contains("file " + f)
            && r.contains("writable by its group or others")
            && r.contains("mode 0666"),
        r);
  }

  @Test
  void aWorldWritableModulesDirectory_isRefused() throws Exception {
    Path f = Files.writeString(dir.resolve("a.nix"), "{}");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    String r = guard.refusal(f);
    assertTrue(r != null && r.contains("directory " + dir) && r.contains("mode 0777"), r);
  }

  @Test
  void aStickyWorldWritableDirectoryOwnedByRoot_isAccepted_likeTmp() throws Exception {
    Path f = Files.writeString(dir.resolve("a.nix"), "{}");
    Files.setAttribute(dir, "unix:mode", 01777);
    assertNull(guard.refusal(f));
  }

  @Test
  void aFileOwnedByAnotherUser_isRefusedEvenIfOnlyTheOwnerCanWrite() throws Exception {
    requireRoot();
    Path f = Files.writeString(dir.resolve("a.nix"), "{}");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
    chown(f, OTHER_UID);
    String r = guard.refusal(f);
    assertTrue(
        r != null
            && r.contains("file " + f)
            && r.contains("uid " + OTHER_UID)
            && r.contains("not by root"),
        r);
  }

  @Test
  void aLinkToAFileOthersCanWrite_isRefusedAtTheTarget() throws Exception {
    Path target = Files.writeString(tmp.resolve("elsewhere.nix"), "{}");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));
    Path link = Files.createSymbolicLink(dir.resolve("a.nix"), target);
    String r = guard.refusal(link);
    assertTrue(r != null && r.contains("file " + target.toRealPath()), r);
  }

  @Test
  void moduleFiles_refuseTheDirectoryListingThroughTheGuard() throws Exception {
    Path f = Files.writeString(dir.resolve("a.nix"), "{}");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw-rw-"));
    BuildException e = assertThrows(BuildException.class, () -> ModuleFiles.of(dir, guard));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }
}
