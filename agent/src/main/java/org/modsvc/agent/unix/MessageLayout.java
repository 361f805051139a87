package org.modsvc.agent.unix;

import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes of the structures {@code sendmsg(2)} reads, as glibc lays them out on 64-bit Linux
 * (LP64: x86_64, aarch64): every pointer and {@code size_t} 8 bytes and 8-aligned, {@code int} and
 * {@code socklen_t} 4 bytes, host byte order. Pure: addresses come in as numbers, so the packing is
 * tested without native memory.
 *
 * <pre>
 * struct msghdr  (56): msg_name@0, msg_namelen@8 (+4 padding), msg_iov@16, msg_iovlen@24,
 *                      msg_control@32, msg_controllen@40, msg_flags@48 (+4 padding)
 * struct iovec   (16): iov_base@0, iov_len@8
 * struct cmsghdr (16): cmsg_len@0 (size_t), cmsg_level@8, cmsg_type@12; CMSG_DATA at 16
 * </pre>
 */
final class MessageLayout {
  static final int MSGHDR_SIZE = 56;
  static final int IOVEC_SIZE = 16;
  static final int CMSGHDR_SIZE = 16;
  static final int SOL_SOCKET = 1;
  static final int SCM_RIGHTS = 1;

  private MessageLayout() {}

  /** Whether this JVM runs with the layout above (64-bit pointers and C longs). */
  static boolean isLp64() {
    return Native.POINTER_SIZE == 8 && Native.LONG_SIZE == 8;
  }

  /** {@code n} rounded up to the 8-byte alignment of {@code size_t}. */
  static int align(int n) {
    return (n + 7) & ~7;
  }

  /** {@code CMSG_LEN}: a control message's header plus {@code dataBytes}, unpadded. */
  static int cmsgLen(int dataBytes) {
    return CMSGHDR_SIZE + dataBytes;
  }

  /** {@code CMSG_SPACE}: what one control message occupies in the buffer, padded. */
  static int cmsgSpace(int dataBytes) {
    return CMSGHDR_SIZE + align(dataBytes);
  }

  /** A {@code struct msghdr} with {@code msg_flags} 0 (ignored by sendmsg). */
  static byte[] msghdr(
      long name, int nameLength, long iov, long iovCount, long control, long controlLength) {
    return buffer(MSGHDR_SIZE)
        .putLong(0, name)
        .putInt(8, nameLength)
        .putLong(16, iov)
        .putLong(24, iovCount)
        .putLong(32, control)
        .putLong(40, controlLength)
        .putInt(48, 0)
        .array();
  }

  /** A {@code struct iovec}. */
  static byte[] iovec(long base, long length) {
    return buffer(IOVEC_SIZE).putLong(0, base).putLong(8, length).array();
  }

  /** One {@code SOL_SOCKET}/{@code SCM_RIGHTS} control message passing {@code fd}, padded. */
  static byte[] rights(int fd) {
    return buffer(cmsgSpace(4))
        .putLong(0, cmsgLen(4))
        .putInt(8, SOL_SOCKET)
        .putInt(12, SCM_RIGHTS)
        .putInt(CMSGHDR_SIZE, fd)
        .array();
  }

  /** Where the parts of {@link #descriptorMessage} start, and its size. */
  record Offsets(int name, int control, int size) {
    static Offsets forAddress(int sockaddrLength) {
      int control = align(MSGHDR_SIZE + sockaddrLength);
      return new Offsets(MSGHDR_SIZE, control, control + cmsgSpace(4));
    }
  }

  /**
   * One block to place at native address {@code base}: a msghdr for an empty datagram (no iovec) to
   * {@code sockaddr} carrying {@code fd}, then the address, then the control message, each
   * 8-aligned; the msghdr points into the block itself.
   */
  static byte[] descriptorMessage(long base, byte[] sockaddr, int fd) {
    Offsets at = Offsets.forAddress(sockaddr.length);
    byte[] block = new byte[at.size()];
    byte[] header =
        msghdr(base + at.name(), sockaddr.length, 0, 0, base + at.control(), cmsgSpace(4));
    System.arraycopy(header, 0, block, 0, header.length);
    System.arraycopy(sockaddr, 0, block, at.name(), sockaddr.length);
    byte[] control = rights(fd);
    System.arraycopy(control, 0, block, at.control(), control.length);
    return block;
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
  }
}
