package org.modsvc.agent.unix;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A {@code struct sockaddr_un}: an absolute path, or {@code @name} for the abstract namespace (the
 * notation of systemd's {@code NOTIFY_SOCKET}). The bytes are the family in host byte order, then
 * the name: a path with its terminating NUL (counted in the length); an abstract name with a
 * leading NUL instead of the '@' and no terminating NUL, since every byte of its length belongs to
 * the name.
 */
public final class UnixAddress {
  /** Longest name accepted: {@code sizeof(sun_path)} is 108, and a path needs its NUL. */
  public static final int MAX_NAME_BYTES = 107;

  private final String name;
  private final byte[] sockaddr;

  private UnixAddress(String name, byte[] sockaddr) {
    this.name = name;
    this.sockaddr = sockaddr;
  }

  /**
   * {@code name}: an absolute path or {@code @abstract}, of at most {@link #MAX_NAME_BYTES} bytes
   * and without NUL.
   */
  public static UnixAddress of(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    boolean path = name.startsWith("/");
    if (!(path || (name.startsWith("@") && name.length() > 1))
        || bytes.length > MAX_NAME_BYTES
        || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "not a UNIX socket address (an absolute path or @abstract name of at most "
              + MAX_NAME_BYTES
              + " bytes): "
              + name);
    }
    ByteBuffer b =
        ByteBuffer.allocate(2 + bytes.length + (path ? 1 : 0)).order(ByteOrder.nativeOrder());
    b.putShort((short) LibC.AF_UNIX).put(bytes);
    byte[] sockaddr = b.array();
    if (!path) sockaddr[2] = 0;
    return new UnixAddress(name, sockaddr);
  }

  /** The name as given ({@code /run/…} or {@code @…}). */
  public String name() {
    return name;
  }

  /** The {@code sockaddr_un} bytes; their count is the {@code socklen_t} handed to the kernel. */
  public byte[] sockaddr() {
    return sockaddr.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnixAddress a && Arrays.equals(sockaddr, a.sockaddr);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sockaddr);
  }

  @Override
  public String toString() {
    return name;
  }
}
