package org.modsvc.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> send(MetricsServer server, String method, String path)
      throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(5))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheScrape_onTheLoopbackAddressOnly() throws Exception {
    AgentMetrics metrics = new AgentMetrics();
    metrics.generation(7);
    try (MetricsServer server =
        MetricsServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), metrics)) {
      HttpResponse<String> r = send(server, "GET", "/metrics");

      assertEquals(200, r.statusCode());
      assertTrue(
          r.headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("text/plain; version=0.0.4"));
      assertEquals(7.0, new ExpositionText(r.body()).value("modsvc_generation"));
      assertEquals(metrics.scrape(), r.body());
      assertEquals(
          InetAddress.getLoopbackAddress(), server.address().getAddress(), "not the wildcard");
    }
  }

  @Test
  void headHasNoBody_otherMethods405_otherPaths404() throws Exception {
    try (MetricsServer server =
        MetricsServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new AgentMetrics())) {
      HttpResponse<String> head = send(server, "HEAD", "/metrics");
      HttpResponse<String> post = send(server, "POST", "/metrics");
      HttpResponse<String> other = send(server, "GET", "/admin");

      assertEquals(200, head.statusCode());
      assertEquals("", head.body());
      assertEquals(405, post.statusCode());
      assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
      assertEquals(404, other.statusCode());
    }
  }

  @Test
  void afterClose_theAddressRefusesConnections() throws Exception {
    MetricsServer server =
        MetricsServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new AgentMetrics());
    int port = server.address().getPort();
    assertEquals(200, send(server, "GET", "/metrics").statusCode());
    server.close();

    // a new client: the old one's pooled keep-alive connection is not what is being tested
    HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
    java.net.ConnectException refused =
        assertThrows(
            java.net.ConnectException.class,
            () -> fresh.send(request, HttpResponse.BodyHandlers.ofString()));
    assertTrue(
        refused.getMessage() == null || !refused.getMessage().contains("timed out"),
        refused.toString());
  }
}
