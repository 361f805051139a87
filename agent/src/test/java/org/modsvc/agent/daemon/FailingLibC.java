package org.modsvc.agent.daemon;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real C library, except for the calls a test makes fail: each throws what JNA throws for a
 * failed call ({@link LastErrorException} with the errno). Everything not made to fail reaches the
 * kernel.
 */
final class FailingLibC implements Inotify.LibC {
  private final Inotify.LibC real;

  /** Errno of the next {@code inotify_init1}s; 0: none fails. */
  volatile int initErrno;

  /** Directories whose {@code inotify_add_watch} fails, with the errno. */
  final Map<Path, Integer> watchErrno = new ConcurrentHashMap<>();

  final AtomicInteger addWatchCalls = new AtomicInteger();

  /** How many of the next {@code poll}s and {@code read}s fail, and with which errno. */
  final AtomicInteger pollFailures = new AtomicInteger();

  volatile int pollErrno = Inotify.EINTR;
  final AtomicInteger readFailures = new AtomicInteger();
  volatile int readErrno = Inotify.EINTR;

  /** How many of the next {@code read}s return a queue overflow instead of what is queued. */
  final AtomicInteger overflows = new AtomicInteger();

  final AtomicInteger failedReads = new AtomicInteger();

  FailingLibC() throws Exception {
    this.real = Inotify.systemLibC();
  }

  @Override
  public int inotify_init1(int flags) {
    if (initErrno != 0) throw new LastErrorException(initErrno);
    return real.inotify_init1(flags);
  }

  @Override
  public int inotify_add_watch(int fd, byte[] path, int mask) {
    addWatchCalls.incrementAndGet();
    String name = new String(path, 0, path.length - 1, Inotify.FILE_NAMES); // without its NUL
    Integer errno = watchErrno.get(Path.of(name));
    if (errno != null) throw new LastErrorException(errno);
    return real.inotify_add_watch(fd, path, mask);
  }

  @Override
  public int inotify_rm_watch(int fd, int wd) {
    return real.inotify_rm_watch(fd, wd);
  }

  @Override
  public int eventfd(int initval, int flags) {
    return real.eventfd(initval, flags);
  }

  @Override
  public int poll(byte[] fds, NativeLong nfds, int timeout) {
    if (pollFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new LastErrorException(pollErrno);
    }
    return real.poll(fds, nfds, timeout);
  }

  @Override
  public NativeLong read(int fd, byte[] buf, NativeLong count) {
    if (readFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      failedReads.incrementAndGet();
      throw new LastErrorException(readErrno);
    }
    if (overflows.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      // what the kernel queues once it dropped events: wd -1, IN_Q_OVERFLOW, no name
      Arrays.fill(buf, 0, Inotify.HEADER_BYTES, (byte) 0);
      ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder()).putInt(-1).putInt(Inotify.IN_Q_OVERFLOW);
      return new NativeLong(Inotify.HEADER_BYTES);
    }
    return real.read(fd, buf, count);
  }

  @Override
  public NativeLong write(int fd, byte[] buf, NativeLong count) {
    return real.write(fd, buf, count);
  }

  @Override
  public int close(int fd) {
    return real.close(fd);
  }

  @Override
  public String strerror(int errnum) {
    return real.strerror(errnum);
  }
}
