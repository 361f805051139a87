package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.modsvc.it.DaemonUnit.Check;
import org.modsvc.it.Sandbox.Scope;

/**
 * The system daemon (the packaged unit, real systemd) with a quiet period far longer than any wait
 * here ({@code --debounce 60000}): a complete change (a rename into place, a file its writer
 * closed) is acted on at once, while a module file still open for writing switches nothing until
 * its writer closes it (docs/decisions.md §13). Every assertion reads systemd's state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DaemonWriteCompletionTest {
  private final String id = UUID.randomUUID().toString().substring(0, 8);
  private final DaemonUnit daemon = new DaemonUnit(Scope.SYSTEM);
  private final Sandbox sandbox = Sandbox.get();
  private final String web = "dw-web-" + id;

  @BeforeAll
  void install() throws Exception {
    daemon.install(List.of("RestartSec=1s"), "--settle", "1", "--debounce", "60000");
  }

  @AfterAll
  void uninstall() throws Exception {
    daemon.uninstall();
    daemon.removeModules();
  }

  /** The web service: {@code sleep <seconds>}, so each version has its own ExecStart. */
  private String module(int seconds) {
    return "{ ... }: {\n  system.services.\""
        + web
        + "\".process.argv = [ \"/bin/sleep\" \""
        + seconds
        + "\" ];\n}\n";
  }

  private String unit() {
    return web + ".service";
  }

  private Check.Context journal() {
    return daemon.statusAndJournal(60);
  }

  private void awaitRunning(int seconds, String what) throws Exception {
    DaemonUnit.await(
        20,
        what,
        () ->
            daemon.status().contains("converged")
                && daemon.show(unit(), "ExecStart").contains("sleep " + seconds + " ")
                && daemon.show(unit(), "ActiveState").equals("active"),
        journal());
  }

  @Test
  @Order(1)
  void start_converges() throws Exception {
    daemon.writeModule("web.nix", module(1001));
    DaemonUnit.ok(sandbox.exec("systemctl", "start", DaemonUnit.UNIT));
    awaitRunning(1001, "the first convergence");
  }

  @Test
  @Order(2)
  void aRenameIntoPlace_switchesLongBeforeTheQuietPeriodEnds() throws Exception {
    long pid = daemon.mainPid(unit());
    daemon.writeModule("web.nix", module(1002));
    // 20 s of waiting against a 60 s quiet period: only the short wait after a complete change fits
    awaitRunning(1002, "the renamed module running");
    assertTrue(daemon.mainPid(unit()) != pid, "a new MainPID");
  }

  @Test
  @Order(3)
  void aFileClosedByItsWriter_switchesLongBeforeTheQuietPeriodEnds() throws Exception {
    // written in place as cp does: truncated, written, closed
    Files.writeString(
        daemon.modulesOnHost().resolve("web.nix"), module(1003), StandardCharsets.UTF_8);
    awaitRunning(1003, "the module written in place running");
  }

  @Test
  @Order(4)
  void aFileStillOpenForWriting_switchesNothingUntilItsWriterClosesIt() throws Exception {
    long pid = daemon.mainPid(unit());
    String gen = daemon.status();
    try (Writer w =
        Files.newBufferedWriter(
            daemon.modulesOnHost().resolve("web.nix"), StandardCharsets.UTF_8)) {
      // the whole text, valid: only the open descriptor says the write may go on
      w.write(module(1004));
      w.flush();
      Thread.sleep(5000); // a complete change has switched well within this in the cases above
      assertEquals(pid, daemon.mainPid(unit()), "nothing switched while the file is open");
      assertTrue(
          daemon.show(unit(), "ExecStart").contains("sleep 1003 "),
          daemon.show(unit(), "ExecStart"));
      assertEquals(
          gen.replaceAll(" converged .*", ""),
          daemon.status().replaceAll(" converged .*", ""),
          "the same generation");
    }
    awaitRunning(1004, "the module running once its writer closed it");
    assertTrue(daemon.mainPid(unit()) != pid, "a new MainPID");
  }
}
