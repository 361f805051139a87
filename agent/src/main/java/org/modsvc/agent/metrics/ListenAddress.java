package org.modsvc.agent.metrics;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * Parses {@code --metrics-listen}: {@code HOST:PORT} or {@code [IPV6]:PORT}, where HOST is an IP
 * address or {@code localhost}. Host names are refused: a name that resolves differently later
 * would move the listener.
 */
public final class ListenAddress {
  private ListenAddress() {}

  public static InetSocketAddress parse(String text) {
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
        throw new IllegalArgumentException("expected [IPV6]:PORT, got '" + text + "'");
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
    } else {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || text.indexOf(':') != colon) {
        throw new IllegalArgumentException(
            "expected ADDRESS:PORT (e.g. 127.0.0.1:9558) or [IPV6]:PORT, got '" + text + "'");
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
    }
    int p;
    try {
      p = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a port number: '" + port + "' in '" + text + "'");
    }
    if (p < 0 || p > 65535) {
      throw new IllegalArgumentException("port out of range (0-65535): " + p);
    }
    if (host.equals("localhost")) {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), p);
    }
    if (!isLiteral(host)) {
      throw new IllegalArgumentException(
          "not an IP address: '" + host + "' (use 127.0.0.1, ::1, 0.0.0.0, ...)");
    }
    try {
      return new InetSocketAddress(InetAddress.getByName(host), p); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: '" + host + "'", e);
    }
  }

  private static boolean isLiteral(String host) {
    if (host.isEmpty()) return false;
    if (host.indexOf(':') >= 0)
      return host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.');
    String[] parts = host.split("\\.", -1);
    if (parts.length != 4) return false;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9'))
        return false;
      if (Integer.parseInt(part) > 255) return false;
    }
    return true;
  }
}
