package org.modsvc.it;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.modsvc.agent.control.AgentStatus;
import org.modsvc.agent.control.ControlHandler;
import org.modsvc.agent.control.ControlServer;
import org.modsvc.agent.control.SwitchResultView;
import org.modsvc.switcher.generation.Layout;

/**
 * A process that serves only the control socket, for {@link ControlSocketTest}: run inside the
 * container under {@code systemd-run} (as root for the system socket, as the lingering user for a
 * user socket) with the agent jar and these test classes on its class path. Arguments: the socket
 * path and the allowed uid. Its status names its own pid, so the test can tell that the answer came
 * from this unit's main process. SIGTERM closes the server.
 */
public final class ControlSocketHost {
  private ControlSocketHost() {}

  public static void main(String[] args) throws Exception {
    long allowedUid = Long.parseLong(args[1]);
    AgentStatus status =
        new AgentStatus(
            allowedUid == 0 ? Layout.Mode.SYSTEM : Layout.Mode.USER,
            ProcessHandle.current().pid(),
            Instant.now(),
            AgentStatus.State.CONVERGED,
            3,
            2,
            Optional.of(new AgentStatus.LastSwitch(Instant.now(), "CONVERGED", 250, "2 started")),
            List.of(),
            Optional.empty(),
            0,
            1);
    ControlServer server =
        ControlServer.start(
            Path.of(args[0]),
            allowedUid,
            new ControlHandler() {
              @Override
              public AgentStatus status() {
                return status;
              }

              @Override
              public String metrics() {
                return "# control socket test host: no metrics\n";
              }

              @Override
              public SwitchResultView switchNow() {
                throw new UnsupportedOperationException("this test host does not switch");
              }
            });
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.close();
                  } catch (java.io.IOException e) {
                    System.err.println("closing the control socket: " + e.getMessage());
                  }
                  stopped.countDown();
                }));
    System.out.println("listening on " + server.socket());
    stopped.await();
  }
}
