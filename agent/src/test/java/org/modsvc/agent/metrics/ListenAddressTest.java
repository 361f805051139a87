package org.modsvc.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

  @Test
  void ipv4_ipv6_andLocalhost() throws Exception {
    assertEquals(
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 9558),
        ListenAddress.parse("127.0.0.1:9558"));
    assertEquals(
        new InetSocketAddress(InetAddress.getByName("::1"), 9558),
        ListenAddress.parse("[::1]:9558"));
    assertEquals(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
        ListenAddress.parse("localhost:0"));
    assertTrue(ListenAddress.parse("0.0.0.0:80").getAddress().isAnyLocalAddress());
  }

  @Test
  void refusals_sayWhatIsExpected() {
    for (String bad :
        new String[] {
          "9558",
          ":9558",
          "127.0.0.1",
          "127.0.0.1:",
          "127.0.0.1:x",
          "127.0.0.1:65536",
          "::1:9558",
          "[::1]9558",
          "example.org:9558",
          "300.1.1.1:80",
          "[::1"
        }) {
      assertThrows(IllegalArgumentException.class, () -> ListenAddress.parse(bad), bad);
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ListenAddress.parse("metrics.example.org:9558"));
    assertTrue(e.getMessage().contains("not an IP address"), e.getMessage());
  }
}
