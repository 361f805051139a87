package org.modsvc.switcher.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A remembered hash never stands for content it was not computed from: a file is trusted by its
 * stamp only once settled, and any change of inode, size, mode or times makes it read again.
 */
class LiveHashesTest {

  @TempDir Path dir;

  /** A clock far enough ahead that every file here counts as settled. */
  private static LiveHashes settledClock() {
    return new LiveHashes(
        Clock.offset(Clock.system(ZoneOffset.UTC), FileStamp.SETTLE.plus(Duration.ofHours(1))));
  }

  private static String sha(String text) {
    return ContentHash.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void overwriteInPlace(Path f, String text) throws IOException {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    }
  }

  @Test
  void aFileChangedInPlaceRightAfterItWasHashedIsReadAgain() throws IOException {
    // the racy case: same inode, same size, and quite possibly the same timestamps (one tick)
    LiveHashes hashes = new LiveHashes();
    Path f = Files.writeString(dir.resolve("a.service"), "ExecStart=/bin/a\n");
    assertEquals(sha("ExecStart=/bin/a\n"), ((LiveEntry.RegularFile) hashes.inspect(f)).sha256());
    assertFalse(hashes.remembers(f), "a file changed just now is not trusted by its stamp");
    overwriteInPlace(f, "ExecStart=/bin/b\n");
    assertEquals(sha("ExecStart=/bin/b\n"), ((LiveEntry.RegularFile) hashes.inspect(f)).sha256());
  }

  @Test
  void aSettledFileIsRememberedAndEveryStampChangeReadsItAgain() throws IOException {
    LiveHashes hashes = settledClock();
    Path f = Files.writeString(dir.resolve("a.service"), "ExecStart=/bin/a\n");
    assertEquals(sha("ExecStart=/bin/a\n"), ((LiveEntry.RegularFile) hashes.inspect(f)).sha256());
    assertTrue(hashes.remembers(f));
    assertEquals(sha("ExecStart=/bin/a\n"), ((LiveEntry.RegularFile) hashes.inspect(f)).sha256());

    // replaced by a rename: same size, another inode
    Path t = Files.writeString(dir.resolve(".a.tmp"), "ExecStart=/bin/c\n");
    Files.move(t, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    assertEquals(sha("ExecStart=/bin/c\n"), ((LiveEntry.RegularFile) hashes.inspect(f)).sha256());

    // grown in place
    overwriteInPlace(f, "ExecStart=/bin/longer\n");
    assertEquals(
        sha("ExecStart=/bin/longer\n"), ((LiveEntry.RegularFile) hashes.inspect(f)).sha256());

    // mode changed: the entry says so, whatever was remembered
    Files.setPosixFilePermissions(f, FileModes.toPermissions(0600));
    assertEquals(0600, ((LiveEntry.RegularFile) hashes.inspect(f)).mode());
  }

  @Test
  void aRememberedFileThatBecameALinkOrVanishedIsSeenAsSuch() throws IOException {
    LiveHashes hashes = settledClock();
    Path f = Files.writeString(dir.resolve("a.service"), "x\n");
    hashes.inspect(f);
    assertTrue(hashes.remembers(f));
    Files.delete(f);
    assertInstanceOf(LiveEntry.Absent.class, hashes.inspect(f));
    assertFalse(hashes.remembers(f));
    Files.createSymbolicLink(f, Path.of("/dev/null"));
    assertEquals(new LiveEntry.Symlink("/dev/null"), hashes.inspect(f));
    Files.delete(f);
    Files.createDirectory(f);
    assertEquals(new LiveEntry.Other("directory"), hashes.inspect(f));
  }

  @Test
  void answersAsAFreshInspectionDoes() throws IOException {
    LiveHashes hashes = settledClock();
    Path file = Files.writeString(dir.resolve("f"), "content\n");
    Path link = Files.createSymbolicLink(dir.resolve("l"), Path.of("../elsewhere"));
    Path sub = Files.createDirectory(dir.resolve("d"));
    for (Path p : new Path[] {file, link, sub, dir.resolve("absent")}) {
      assertEquals(LiveEntry.inspect(p), hashes.inspect(p), p.toString());
      assertEquals(LiveEntry.inspect(p), hashes.inspect(p), p + " again");
    }
  }
}
