package org.modsvc.agent.daemon;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One Linux inotify instance, called through JNA (docs/decisions.md §13): the JDK's WatchService
 * hides the events that say a write is complete ({@code IN_CLOSE_WRITE}, {@code IN_MOVED_TO}), and
 * those are what lets the daemon act on a change at once. {@link #read} blocks in {@code poll()} on
 * the inotify descriptor and an eventfd; {@link #wakeUp} writes to the eventfd, so the reading
 * thread ends without a timeout loop. Watches only take directories ({@code IN_ONLYDIR}); a link to
 * a directory is followed, since every watched directory is one the evaluation read through
 * (docs/decisions.md §13).
 */
final class Inotify implements AutoCloseable {
  static final int IN_MODIFY = 0x2;
  static final int IN_ATTRIB = 0x4;
  static final int IN_CLOSE_WRITE = 0x8;
  static final int IN_MOVED_FROM = 0x40;
  static final int IN_MOVED_TO = 0x80;
  static final int IN_CREATE = 0x100;
  static final int IN_DELETE = 0x200;
  static final int IN_DELETE_SELF = 0x400;
  static final int IN_MOVE_SELF = 0x800;
  static final int IN_Q_OVERFLOW = 0x4000;
  static final int IN_IGNORED = 0x8000;
  static final int IN_ONLYDIR = 0x01000000;
  static final int IN_ISDIR = 0x40000000;

  /** What each directory is watched for. */
  static final int DIRECTORY_EVENTS =
      IN_CREATE
          | IN_MODIFY
          | IN_ATTRIB
          | IN_CLOSE_WRITE
          | IN_MOVED_TO
          | IN_MOVED_FROM
          | IN_DELETE
          | IN_DELETE_SELF
          | IN_MOVE_SELF
          | IN_ONLYDIR;

  private static final int IN_NONBLOCK = 04000;
  private static final int IN_CLOEXEC = 02000000;
  private static final int EFD_CLOEXEC = 02000000;
  private static final short POLLIN = 1;
  static final int ENOENT = 2;
  static final int EINTR = 4;
  static final int EIO = 5;
  static final int EAGAIN = 11;
  static final int ENOMEM = 12;
  static final int EACCES = 13;
  static final int ENOTDIR = 20;
  static final int ENFILE = 23;
  static final int EMFILE = 24;
  static final int ENOSPC = 28;

  /** {@code struct inotify_event} without its name: wd, mask, cookie, len. */
  static final int HEADER_BYTES = 16;

  /** Room for many events at once (the kernel never splits one event across reads). */
  private static final int BUFFER_BYTES = 64 * 1024;

  /** The libc calls used ({@code size_t} and {@code ssize_t} are C longs on Linux). */
  interface LibC extends Library {
    int inotify_init1(int flags) throws LastErrorException;

    int inotify_add_watch(int fd, byte[] path, int mask) throws LastErrorException;

    int inotify_rm_watch(int fd, int wd) throws LastErrorException;

    int eventfd(int initval, int flags) throws LastErrorException;

    /** {@code fds}: {@code struct pollfd} records of 8 bytes (int fd, short events, revents). */
    int poll(byte[] fds, NativeLong nfds, int timeout) throws LastErrorException;

    NativeLong read(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    NativeLong write(int fd, byte[] buf, NativeLong count) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    String strerror(int errnum);
  }

  /** Loaded on first use only: the CLI never pays for JNA. */
  private static final class Holder {
    static final LibC LIBC = Native.load("c", LibC.class);
  }

  /** A failed call, said in words an operator can act on, with its errno for the caller. */
  static final class Failure extends IOException {
    private final int errno;
    private final String reason;

    /**
     * @param what the call and its argument
     * @param reason what the errno means here
     */
    Failure(String what, String reason, int errno) {
      super(what + ": " + reason);
      this.errno = errno;
      this.reason = reason;
    }

    int errno() {
      return errno;
    }

    /** The message without the call and its argument. */
    String reason() {
      return reason;
    }
  }

  /**
   * One {@code struct inotify_event}.
   *
   * @param name the entry's name in the watched directory; empty for an event on the directory
   *     itself or the queue
   */
  record Event(int wd, int mask, int cookie, String name) {
    boolean is(int bit) {
      return (mask & bit) != 0;
    }
  }

  /**
   * File names are bytes; the JDK turns them into paths with {@code sun.jnu.encoding}, so the same
   * charset keeps a name from an event equal to the path the walk of the module directory found.
   */
  static final Charset FILE_NAMES =
      Charset.forName(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));

  private final LibC libc;
  private final int fd;
  private final int wakeFd;
  private final byte[] buffer = new byte[BUFFER_BYTES];

  private Inotify(LibC libc, int fd, int wakeFd) {
    this.libc = libc;
    this.fd = fd;
    this.wakeFd = wakeFd;
  }

  /** The C library through JNA, loaded on first use. */
  static LibC systemLibC() throws IOException {
    try {
      return Holder.LIBC;
    } catch (LinkageError e) { // no native library, or its loading failed before
      throw new IOException("cannot call libc through JNA: " + e.getMessage(), e);
    }
  }

  static Inotify open() throws IOException {
    return open(systemLibC());
  }

  /** An instance calling {@code libc} (tests pass one that fails chosen calls). */
  static Inotify open(LibC libc) throws IOException {
    int fd;
    try {
      fd = libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    } catch (LastErrorException e) {
      throw failure(libc, "inotify_init1", e);
    }
    try {
      return new Inotify(libc, fd, libc.eventfd(0, EFD_CLOEXEC));
    } catch (LastErrorException e) {
      libc.close(fd);
      throw failure(libc, "eventfd", e);
    }
  }

  /** Watches the directory {@code dir} (through a link to it); returns its watch descriptor. */
  int addWatch(Path dir) throws Failure {
    byte[] name = dir.toString().getBytes(FILE_NAMES);
    byte[] cString = java.util.Arrays.copyOf(name, name.length + 1);
    try {
      return libc.inotify_add_watch(fd, cString, DIRECTORY_EVENTS);
    } catch (LastErrorException e) {
      throw failure(libc, "inotify_add_watch " + dir, e);
    }
  }

  /** Ends a watch; one whose directory already went away is gone in the kernel too. */
  void removeWatch(int wd) {
    try {
      libc.inotify_rm_watch(fd, wd);
    } catch (LastErrorException e) {
      // EINVAL: the kernel removed it already (the directory was deleted); its IN_IGNORED says so
    }
  }

  /**
   * Blocks until events arrive or {@link #wakeUp} is called; returns the events, or empty once
   * woken up.
   */
  List<Event> read() throws IOException {
    byte[] fds = pollFds();
    while (true) {
      try {
        libc.poll(fds, new NativeLong(2), -1);
      } catch (LastErrorException e) {
        if (e.getErrorCode() == EINTR) continue;
        throw failure(libc, "poll", e);
      }
      if (revents(fds, 1) != 0) return List.of();
      if (revents(fds, 0) == 0) continue;
      long n;
      try {
        n = libc.read(fd, buffer, new NativeLong(buffer.length)).longValue();
      } catch (LastErrorException e) {
        if (e.getErrorCode() == EINTR || e.getErrorCode() == EAGAIN) continue;
        throw failure(libc, "read inotify", e);
      }
      return parse(ByteBuffer.wrap(buffer, 0, (int) n).order(ByteOrder.nativeOrder()));
    }
  }

  private byte[] pollFds() {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
    b.putInt(fd).putShort(POLLIN).putShort((short) 0);
    b.putInt(wakeFd).putShort(POLLIN).putShort((short) 0);
    return b.array();
  }

  private static short revents(byte[] fds, int index) {
    return ByteBuffer.wrap(fds).order(ByteOrder.nativeOrder()).getShort(index * 8 + 6);
  }

  /** The events in {@code bytes}: {@code struct inotify_event} records, each name NUL-padded. */
  static List<Event> parse(ByteBuffer bytes) {
    List<Event> events = new ArrayList<>();
    while (bytes.remaining() >= HEADER_BYTES) {
      int wd = bytes.getInt();
      int mask = bytes.getInt();
      int cookie = bytes.getInt();
      int len = bytes.getInt();
      if (len < 0 || len > bytes.remaining()) break; // never from the kernel: one read holds whole
      byte[] name = new byte[len];
      bytes.get(name);
      int end = 0;
      while (end < len && name[end] != 0) end++;
      events.add(new Event(wd, mask, cookie, new String(name, 0, end, FILE_NAMES)));
    }
    return events;
  }

  /** Makes a {@link #read} blocked in another thread (or the next one) return at once. */
  void wakeUp() {
    byte[] one = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(1).array();
    try {
      libc.write(wakeFd, one, new NativeLong(8));
    } catch (LastErrorException e) {
      // EAGAIN: the counter is full, so the reader is woken already
    }
  }

  /** Closes both descriptors; only once no thread reads any more. */
  @Override
  public void close() {
    for (int d : new int[] {fd, wakeFd}) {
      try {
        libc.close(d);
      } catch (LastErrorException e) {
        // nothing buffered to lose: the watches end with the descriptor
      }
    }
  }

  private static Failure failure(LibC libc, String what, LastErrorException e) {
    int errno = e.getErrorCode();
    return new Failure(what, meaning(libc, what, errno) + " (errno " + errno + ")", errno);
  }

  /**
   * What an errno means for these calls, naming the limit to raise where one was reached: the
   * kernel's own words ("No space left on device" for the watch limit) send an operator looking for
   * a full disk.
   */
  private static String meaning(LibC libc, String what, int errno) {
    boolean init = what.startsWith("inotify_init1");
    boolean addWatch = what.startsWith("inotify_add_watch");
    if (init && errno == EMFILE) {
      return "the limit of inotify instances per user is reached ("
          + sysctl("fs.inotify.max_user_instances")
          + "; raise it), or this process's limit of open files";
    }
    if (errno == ENFILE) {
      return "the system's limit of open files is reached (" + sysctl("fs.file-max") + ")";
    }
    if (addWatch && errno == ENOSPC) {
      return "the limit of inotify watches per user is reached ("
          + sysctl("fs.inotify.max_user_watches")
          + "; raise it)";
    }
    if (addWatch && errno == EACCES) return "permission denied (no read access to the directory)";
    if (addWatch && errno == ENOENT) return "the directory no longer exists";
    if (addWatch && errno == ENOTDIR) return "no longer a directory";
    if (errno == ENOMEM) return "the kernel is out of memory";
    String text = libc.strerror(errno);
    return text != null ? text : "error";
  }

  /** {@code name = value} of a kernel setting, or only its name when it cannot be read. */
  private static String sysctl(String name) {
    Path file = Path.of("/proc/sys", name.split("\\."));
    try {
      return "sysctl " + name + " = " + Files.readAllLines(file).get(0).strip();
    } catch (IOException | RuntimeException e) {
      return "sysctl " + name;
    }
  }
}
