package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The host JDK and the repository are bound read-only into the container, so the agent itself runs
 * inside.
 */
class AgentInContainerTest {
  private static final String JAR = "/opt/modsvc/agent/target/modsvc-agent.jar";

  private static String java() {
    return System.getProperty("java.home") + "/bin/java";
  }

  @Test
  void agentJar_evaluatesInsideContainer_withHostJdkAndJarBoundReadOnly() throws Exception {
    Sandbox sandbox = Sandbox.get();
    assertTrue(
        Files.isRegularFile(
            Path.of(sandbox.value("REPO_ON_HOST"), "agent/target/modsvc-agent.jar")),
        "the agent jar is built before this module (reactor order)");

    Sandbox.ExecResult result = sandbox.exec(java(), "-jar", JAR, "eval", "--expr", "1 + 2");

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("3", result.output().strip());
  }

  @Test
  void boundRepository_isReadOnly_insideContainer() throws Exception {
    Sandbox.ExecResult result = Sandbox.get().exec("touch", "/opt/modsvc/written-from-container");

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("Read-only file system"), result.output());
  }
}
