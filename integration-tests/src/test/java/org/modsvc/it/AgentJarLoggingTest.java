package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The built jar's logging set-up (docs/decisions.md §10), on the host (no sandbox needed): exactly
 * one slf4j provider, ours, and a CLI run that loads no class of logback, JNA or the Prometheus
 * client.
 */
class AgentJarLoggingTest {
  /**
   * The reactor builds the agent first (this module's test dependency); the tests run in
   * integration-tests/.
   */
  private static final Path JAR = Path.of("..", "agent", "target", "modsvc-agent.jar");

  @Test
  void jar_hasExactlyOneSlf4jProvider_theAgentsOwn() throws Exception {
    assertTrue(
        Files.isRegularFile(JAR),
        "the agent jar is built before this module (reactor order): " + JAR);
    try (JarFile jar = new JarFile(JAR.toFile())) {
      ZipEntry services = jar.getEntry("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
      String text;
      try (InputStream in = jar.getInputStream(services)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      List<String> providers =
          text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
      assertEquals(List.of("org.modsvc.agent.logging.AgentLoggerProvider"), providers);
      assertEquals(
          null, jar.getEntry("org/slf4j/nop/NOPServiceProvider.class"), "slf4j-nop is gone");
      assertEquals(null, jar.getEntry("META-INF/services/ch.qos.logback.classic.spi.Configurator"));
    }
  }

  @Test
  void cliEval_loadsNoLoggingOrMetricsClass() throws Exception {
    Process p =
        new ProcessBuilder(
                System.getProperty("java.home") + "/bin/java",
                "-Xlog:class+load=info",
                "-Xshare:off",
                "-jar",
                JAR.toString(),
                "eval",
                "--expr",
                "1 + 2")
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "eval did not finish");

    assertEquals(0, p.exitValue(), out);
    List<String> loaded = out.lines().filter(l -> l.contains("class,load")).toList();
    assertTrue(loaded.size() > 500, "the class-load log was read: " + loaded.size() + " lines");
    assertTrue(
        out.lines().anyMatch(l -> l.equals("3")),
        out.lines().filter(l -> !l.contains("class,load")).toList().toString());
    List<String> unwanted =
        loaded.stream()
            .filter(
                l ->
                    l.contains(" ch.qos.logback.")
                        || l.contains(" com.sun.jna.")
                        || l.contains(" io.prometheus."))
            .toList();
    assertEquals(List.of(), unwanted);
  }
}
