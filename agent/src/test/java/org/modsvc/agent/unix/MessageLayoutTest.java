package org.modsvc.agent.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The packing of {@code msghdr}, {@code iovec} and {@code cmsghdr} against the offsets of glibc's
 * headers on x86_64 and aarch64, written out by hand here (the kernel's side is tested by {@link
 * UnixDatagramSocketTest}, which passes a descriptor for real).
 */
class MessageLayoutTest {
  private static ByteBuffer read(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
  }

  @Test
  void cmsgMacros_matchGlibc() {
    assertEquals(20, MessageLayout.cmsgLen(4), "CMSG_LEN(sizeof(int))");
    assertEquals(24, MessageLayout.cmsgSpace(4), "CMSG_SPACE(sizeof(int))");
    assertEquals(16, MessageLayout.cmsgSpace(0));
    assertEquals(32, MessageLayout.cmsgSpace(12), "two more ints pad to 16");
  }

  @Test
  void msghdr_fieldsAtTheirOffsets_namelenPaddedTo8() {
    ByteBuffer h = read(MessageLayout.msghdr(0x1111_2222_3333_4444L, 110, 0x55L, 3, 0x66L, 24));
    assertEquals(56, h.capacity());
    assertEquals(0x1111_2222_3333_4444L, h.getLong(0));
    assertEquals(110, h.getInt(8));
    assertEquals(0, h.getInt(12), "padding before msg_iov");
    assertEquals(0x55L, h.getLong(16));
    assertEquals(3, h.getLong(24));
    assertEquals(0x66L, h.getLong(32));
    assertEquals(24, h.getLong(40));
    assertEquals(0, h.getInt(48));
  }

  @Test
  void iovec_isBaseThenLength() {
    ByteBuffer v = read(MessageLayout.iovec(0xABCDEFL, 4096));
    assertEquals(16, v.capacity());
    assertEquals(0xABCDEFL, v.getLong(0));
    assertEquals(4096, v.getLong(8));
  }

  @Test
  void rights_isOneCmsghdrWithTheDescriptorAt16_paddedTo24() {
    ByteBuffer c = read(MessageLayout.rights(42));
    assertEquals(24, c.capacity());
    assertEquals(20, c.getLong(0), "cmsg_len counts header and int, not the padding");
    assertEquals(1, c.getInt(8), "SOL_SOCKET");
    assertEquals(1, c.getInt(12), "SCM_RIGHTS");
    assertEquals(42, c.getInt(16));
    assertEquals(0, c.getInt(20));
  }

  @Test
  void descriptorMessage_pointsIntoItself_withTheControlMessage8Aligned() {
    byte[] sockaddr = UnixAddress.of("/run/systemd/journal/socket").sockaddr(); // 2 + 27 + 1 = 30
    long base = 0x7f00_0000_1000L;
    byte[] block = MessageLayout.descriptorMessage(base, sockaddr, 7);
    ByteBuffer b = read(block);

    assertEquals(56 + 32 + 24, block.length, "msghdr, address padded 30 → 32, control");
    assertEquals(base + 56, b.getLong(0), "msg_name right after the msghdr");
    assertEquals(30, b.getInt(8));
    assertEquals(0, b.getLong(16), "no iovec: the datagram is empty");
    assertEquals(0, b.getLong(24));
    assertEquals(base + 88, b.getLong(32), "msg_control 8-aligned after the address");
    assertEquals(24, b.getLong(40));
    assertEquals(1, b.getShort(56), "AF_UNIX");
    assertEquals('/', block[58]);
    assertEquals(20, b.getLong(88));
    assertEquals(7, b.getInt(88 + 16));
  }
}
