package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InotifyTest {
  @Test
  void parse_readsEachRecord_withItsNulPaddedName_andNamelessOnes() {
    ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    record(b, 1, Inotify.IN_CLOSE_WRITE, 0, "web.nix", 16);
    record(b, 2, Inotify.IN_DELETE_SELF, 0, "", 0);
    record(b, 1, Inotify.IN_MOVED_TO, 77, "db.nix", 8);
    b.flip();
    assertEquals(
        List.of(
            new Inotify.Event(1, Inotify.IN_CLOSE_WRITE, 0, "web.nix"),
            new Inotify.Event(2, Inotify.IN_DELETE_SELF, 0, ""),
            new Inotify.Event(1, Inotify.IN_MOVED_TO, 77, "db.nix")),
        Inotify.parse(b));
  }

  @Test
  void parse_stopsAtATruncatedRecord() {
    ByteBuffer b = ByteBuffer.allocate(256).order(ByteOrder.nativeOrder());
    record(b, 1, Inotify.IN_MODIFY, 0, "web.nix", 16);
    b.putInt(1).putInt(Inotify.IN_MODIFY).putInt(0).putInt(64).put(new byte[8]);
    b.flip();
    assertEquals(List.of(new Inotify.Event(1, Inotify.IN_MODIFY, 0, "web.nix")), Inotify.parse(b));
  }

  @Test
  void open_whenTheInstancesPerUserRunOut_namesTheLimitToRaise() throws Exception {
    FailingLibC libc = new FailingLibC();
    libc.initErrno = Inotify.EMFILE;
    IOException e = assertThrows(IOException.class, () -> InputWatch.openInotify(libc));
    assertTrue(
        e.getMessage().startsWith("cannot watch the module files: inotify_init1: "),
        e.getMessage());
    assertTrue(e.getMessage().contains("fs.inotify.max_user_instances"), e.getMessage());
    assertTrue(e.getMessage().contains("(errno 24)"), e.getMessage());
  }

  @Test
  void addWatch_whenTheWatchesPerUserRunOut_namesTheDirectoryAndTheLimit(@TempDir Path dir)
      throws Exception {
    FailingLibC libc = new FailingLibC();
    libc.watchErrno.put(dir, Inotify.ENOSPC);
    try (Inotify inotify = Inotify.open(libc)) {
      Inotify.Failure f = assertThrows(Inotify.Failure.class, () -> inotify.addWatch(dir));
      assertEquals(Inotify.ENOSPC, f.errno());
      assertTrue(f.getMessage().contains(dir.toString()), f.getMessage());
      assertTrue(f.reason().contains("fs.inotify.max_user_watches"), f.reason());
      assertTrue(!f.reason().contains("No space left"), "not a full disk: " + f.reason());
    }
  }

  @Test
  void read_retriesPollAndReadInterruptedByASignal(@TempDir Path dir) throws Exception {
    FailingLibC libc = new FailingLibC();
    try (Inotify inotify = Inotify.open(libc)) {
      int wd = inotify.addWatch(dir);
      Files.writeString(dir.resolve("web.nix"), "{ }");
      libc.pollFailures.set(2);
      libc.readFailures.set(2);
      List<Inotify.Event> events = inotify.read();
      assertEquals(0, libc.pollFailures.get() + libc.readFailures.get(), "each EINTR was met");
      assertEquals(new Inotify.Event(wd, Inotify.IN_CREATE, 0, "web.nix"), events.get(0));
    }
  }

  @Test
  void read_failingOtherwise_saysWhy(@TempDir Path dir) throws Exception {
    FailingLibC libc = new FailingLibC();
    try (Inotify inotify = Inotify.open(libc)) {
      inotify.addWatch(dir);
      Files.writeString(dir.resolve("web.nix"), "{ }");
      libc.readErrno = Inotify.EIO;
      libc.readFailures.set(1);
      IOException e = assertThrows(IOException.class, inotify::read);
      assertTrue(e.getMessage().startsWith("read inotify: "), e.getMessage());
      assertTrue(e.getMessage().endsWith("(errno 5)"), e.getMessage());
    }
  }

  private static void record(ByteBuffer b, int wd, int mask, int cookie, String name, int len) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    b.putInt(wd).putInt(mask).putInt(cookie).putInt(len).put(n).put(new byte[len - n.length]);
  }
}
