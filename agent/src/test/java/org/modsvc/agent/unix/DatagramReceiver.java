package org.modsvc.agent.unix;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bound AF_UNIX datagram socket for tests: what journald's or systemd's side of a socket does,
 * minus the journal. Receives with {@code recvmsg}, so a descriptor passed along ({@code
 * SCM_RIGHTS}) arrives too; its file is read back through /proc and the descriptor closed.
 */
public final class DatagramReceiver implements AutoCloseable {
  private static final int SOCK_NONBLOCK = 04000;
  private static final int MSG_CTRUNC = 8;
  private static final int EAGAIN = 11;
  private static final int BUFFER = 1 << 20;

  interface Calls extends Library {
    Calls INSTANCE = Native.load("c", Calls.class);

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] addr, int len) throws LastErrorException;

    NativeLong recvmsg(int fd, Pointer msghdr, int flags) throws LastErrorException;

    int fcntl(int fd, int cmd, int arg) throws LastErrorException;

    int close(int fd) throws LastErrorException;
  }

  /**
   * One datagram: its bytes, and when it carried a descriptor, that file's content and seals (else
   * null and -1).
   */
  public record Datagram(byte[] data, byte[] passedFile, int passedSeals) {}

  private final int fd;
  public final String name;

  /** Bound to a path. */
  public DatagramReceiver(Path path) {
    this(path.toString());
  }

  /** Bound to {@code name}: a path or {@code @abstract}. */
  public DatagramReceiver(String name) {
    this.name = name;
    this.fd = Calls.INSTANCE.socket(1, 2 | SOCK_NONBLOCK, 0);
    byte[] addr = UnixAddress.of(name).sockaddr();
    Calls.INSTANCE.bind(fd, addr, addr.length);
  }

  /** The next datagram's bytes, waiting up to a second; null when none came. */
  public byte[] receive() throws InterruptedException, IOException {
    Datagram d = receiveDatagram();
    return d == null ? null : d.data();
  }

  /** The next datagram, waiting up to a second; null when none came. */
  public Datagram receiveDatagram() throws InterruptedException, IOException {
    int controlSize = 64;
    try (Memory data = new Memory(BUFFER);
        Memory block = new Memory(MessageLayout.MSGHDR_SIZE + MessageLayout.IOVEC_SIZE + 64)) {
      block.clear();
      long base = Pointer.nativeValue(block);
      long iov = base + MessageLayout.MSGHDR_SIZE;
      long control = iov + MessageLayout.IOVEC_SIZE;
      byte[] header = MessageLayout.msghdr(0, 0, iov, 1, control, controlSize);
      block.write(0, header, 0, header.length);
      byte[] vector = MessageLayout.iovec(Pointer.nativeValue(data), BUFFER);
      block.write(MessageLayout.MSGHDR_SIZE, vector, 0, vector.length);
      for (int i = 0; i < 100; i++) {
        long n;
        try {
          n = Calls.INSTANCE.recvmsg(fd, block, 0).longValue();
        } catch (LastErrorException e) {
          if (e.getErrorCode() != EAGAIN) throw e;
          Thread.sleep(10);
          continue;
        }
        ByteBuffer h =
            block.getByteBuffer(0, MessageLayout.MSGHDR_SIZE).order(ByteOrder.nativeOrder());
        if ((h.getInt(48) & MSG_CTRUNC) != 0) throw new IOException("control data truncated");
        long controlLength = h.getLong(40);
        byte[] bytes = data.getByteArray(0, (int) n);
        if (controlLength < MessageLayout.cmsgLen(4)) return new Datagram(bytes, null, -1);
        ByteBuffer c =
            block.getByteBuffer(control - base, controlLength).order(ByteOrder.nativeOrder());
        if (c.getInt(8) != MessageLayout.SOL_SOCKET || c.getInt(12) != MessageLayout.SCM_RIGHTS) {
          throw new IOException("unexpected control message " + c.getInt(8) + "/" + c.getInt(12));
        }
        int passed = c.getInt(MessageLayout.CMSGHDR_SIZE);
        try {
          return new Datagram(
              bytes,
              Files.readAllBytes(Path.of("/proc/self/fd/" + passed)),
              Calls.INSTANCE.fcntl(passed, SealedMemfd.F_GET_SEALS, 0));
        } finally {
          Calls.INSTANCE.close(passed);
        }
      }
      return null;
    }
  }

  @Override
  public void close() {
    Calls.INSTANCE.close(fd);
  }
}
