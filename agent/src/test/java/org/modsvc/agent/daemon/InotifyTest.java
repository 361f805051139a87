package org.modsvc.agent.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

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

  private static void record(ByteBuffer b, int wd, int mask, int cookie, String name, int len) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    b.putInt(wd).putInt(mask).putInt(cookie).putInt(len).put(n).put(new byte[len - n.length]);
  }
}
