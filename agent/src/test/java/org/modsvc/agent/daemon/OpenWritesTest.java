package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modsvc.agent.daemon.OpenWrites.Kind;

class OpenWritesTest {
  private final OpenWrites open = new OpenWrites();
  private final Path web = Path.of("/m/web.nix");
  private final Path db = Path.of("/m/db.nix");

  @Test
  void aCreatedFile_isBeingWrittenUntilItsWriterClosesIt() {
    assertTrue(open.record(web, Kind.FILE_CREATED));
    assertTrue(open.record(web, Kind.MODIFIED));
    assertFalse(open.record(web, Kind.CLOSED_AFTER_WRITE));
  }

  @Test
  void aFileWrittenInPlace_isBeingWrittenFromItsFirstModificationToItsClose() {
    assertTrue(open.record(web, Kind.MODIFIED));
    assertTrue(open.record(web, Kind.ENTRY_CHANGED), "attributes say nothing of the write");
    assertFalse(open.record(web, Kind.CLOSED_AFTER_WRITE));
  }

  @Test
  void aRenameIntoPlace_orADelete_isComplete() {
    assertFalse(open.record(web, Kind.MOVED_IN));
    assertTrue(open.record(web, Kind.MODIFIED));
    assertFalse(open.record(web, Kind.MOVED_IN), "replaced whole by a rename");
    assertTrue(open.record(web, Kind.MODIFIED));
    assertFalse(open.record(web, Kind.GONE), "deleted or renamed away");
  }

  @Test
  void oneFileClosed_whileAnotherIsStillWritten_isNotComplete() {
    open.record(web, Kind.FILE_CREATED);
    open.record(db, Kind.FILE_CREATED);
    assertTrue(open.record(web, Kind.CLOSED_AFTER_WRITE));
    assertEquals(Set.of(db), open.paths());
    assertFalse(open.record(db, Kind.CLOSED_AFTER_WRITE));
  }

  @Test
  void aDirectoryGone_takesWhatWasOpenBelowIt() {
    Path lib = Path.of("/m/lib");
    open.record(lib.resolve("a.nix"), Kind.MODIFIED);
    open.record(web, Kind.MODIFIED);
    assertTrue(open.record(lib, Kind.GONE));
    assertEquals(Set.of(web), open.paths());
    open.forgetBelow(Path.of("/m"));
    assertFalse(open.anyOpen());
  }

  @Test
  void lostEvents_leaveNothingOpen_andPathsNoLongerWatchedAreDropped() {
    open.record(web, Kind.MODIFIED);
    open.record(db, Kind.MODIFIED);
    open.retain(web::equals);
    assertEquals(Set.of(web), open.paths());
    open.forgetAll();
    assertFalse(open.anyOpen());
  }

  @Test
  void kinds_fromInotifyMasks() {
    assertEquals(Kind.CLOSED_AFTER_WRITE, OpenWrites.kindOf(Inotify.IN_CLOSE_WRITE, false));
    assertEquals(Kind.MOVED_IN, OpenWrites.kindOf(Inotify.IN_MOVED_TO, false));
    assertEquals(Kind.GONE, OpenWrites.kindOf(Inotify.IN_MOVED_FROM, false));
    assertEquals(Kind.GONE, OpenWrites.kindOf(Inotify.IN_DELETE, false));
    assertEquals(Kind.GONE, OpenWrites.kindOf(Inotify.IN_DELETE | Inotify.IN_ISDIR, false));
    assertEquals(Kind.MODIFIED, OpenWrites.kindOf(Inotify.IN_MODIFY, true));
    assertEquals(Kind.ENTRY_CHANGED, OpenWrites.kindOf(Inotify.IN_ATTRIB, true));
    assertEquals(Kind.FILE_CREATED, OpenWrites.kindOf(Inotify.IN_CREATE, true));
    assertEquals(
        Kind.ENTRY_CHANGED,
        OpenWrites.kindOf(Inotify.IN_CREATE, false),
        "a link or special file created has no writer");
    assertEquals(
        Kind.ENTRY_CHANGED,
        OpenWrites.kindOf(Inotify.IN_CREATE | Inotify.IN_ISDIR, true),
        "a directory created");
  }
}
