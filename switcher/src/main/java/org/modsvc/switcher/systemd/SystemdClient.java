package org.modsvc.switcher.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.freedesktop.systemd1.AlreadySubscribed;
import org.modsvc.switcher.unit.UnitName;

/**
 * A typed client of one systemd manager (system or user) over one private D-Bus connection. On
 * connect it registers the {@code JobRemoved} handler and then calls {@code Subscribe}, so no job
 * submitted later can finish unseen. Jobs are always submitted with mode {@code replace}; {@link
 * #runJobs} submits a batch together and waits for every job's {@code JobRemoved} up to the job
 * timeout (default 90 s, docs/decisions.md §6). Not for concurrent batches: one batch at a time per
 * client.
 */
public final class SystemdClient implements ManagerCalls, AutoCloseable {
  public static final Duration DEFAULT_JOB_TIMEOUT = Duration.ofSeconds(90);
  private static final String UNIT_INTERFACE = "org.freedesktop.systemd1.Unit";
  private static final String SERVICE_INTERFACE = "org.freedesktop.systemd1.Service";
  private static final String MODE = "replace";

  private final BusAddress address;
  private final DBusConnection connection;
  private final ManagerInterface manager;
  private final JobWatcher watcher = new JobWatcher();
  private final CallCounter calls = new CallCounter();
  private final Duration jobTimeout;

  private SystemdClient(BusAddress address, DBusConnection connection, Duration jobTimeout)
      throws DBusException {
    this.address = address;
    this.connection = connection;
    this.jobTimeout = jobTimeout;
    this.manager =
        connection.getRemoteObject(
            ManagerInterface.BUS_NAME, ManagerInterface.OBJECT_PATH, ManagerInterface.class);
    connection.addSigHandler(ManagerInterface.JobRemoved.class, watcher::onJobRemoved);
    try {
      calls.count("Subscribe");
      manager.subscribe();
    } catch (AlreadySubscribed e) {
      // Harmless: signals already flow to this connection.
    }
  }

  public static SystemdClient connect(BusAddress address) {
    return connect(address, DEFAULT_JOB_TIMEOUT);
  }

  /**
   * Connects and subscribes; a missing socket, refused authentication or absent manager is a clear
   * error.
   */
  public static SystemdClient connect(BusAddress address, Duration jobTimeout) {
    if (jobTimeout.isNegative() || jobTimeout.isZero()) {
      throw new IllegalArgumentException("job timeout must be positive, got " + jobTimeout);
    }
    if (!address.socketExists()) {
      throw new SystemdException(
          "cannot reach D-Bus at " + address + ": socket " + address.socket() + " does not exist");
    }
    DBusConnection connection;
    try {
      connection = DBusConnectionBuilder.forAddress(address.address()).withShared(false).build();
    } catch (DBusException | RuntimeException e) {
      // dbus-java reports a refused SASL handshake as an EOF or even an NPE; the address is what
      // helps.
      throw new SystemdException("cannot connect to D-Bus at " + address + ": " + e, e);
    }
    try {
      return new SystemdClient(address, connection, jobTimeout);
    } catch (DBusException | DBusExecutionException e) {
      connection.disconnect();
      String why =
          e instanceof DBusExecutionException dee
              ? SystemdErrors.describe(dee, "Subscribe", address.address())
              : "Subscribe: " + e.getMessage();
      throw new SystemdException("systemd manager on " + address + " unusable: " + why, e);
    }
  }

  public BusAddress address() {
    return address;
  }

  /** The D-Bus method calls this client has made so far. */
  public CallCounter calls() {
    return calls;
  }

  public Duration jobTimeout() {
    return jobTimeout;
  }

  @Override
  public void daemonReload() {
    calls.count("Reload");
    call(
        "Reload",
        () -> {
          manager.reload();
          return null;
        });
  }

  public List<UnitSummary> listUnits() {
    calls.count("ListUnits");
    return call(
        "ListUnits", () -> manager.listUnits().stream().map(UnitListEntry::toSummary).toList());
  }

  @Override
  public void resetFailed(UnitName unit) {
    calls.count("ResetFailedUnit");
    call(
        "ResetFailedUnit(" + unit + ")",
        () -> {
          manager.resetFailedUnit(unit.value());
          return null;
        });
  }

  /**
   * The unit's current state. {@code LoadUnit} (not {@code GetUnit}) finds the object, so a unit
   * without a file reads as {@code LoadState=not-found} instead of failing.
   */
  @Override
  public UnitState unitState(String unit) {
    String what = "properties of " + unit;
    calls.count("LoadUnit+Get");
    return call(
        what,
        () -> {
          DBusPath path = manager.loadUnit(unit);
          Properties props = remoteProperties(path);
          String load = string(props.Get(UNIT_INTERFACE, "LoadState"));
          String active = string(props.Get(UNIT_INTERFACE, "ActiveState"));
          String sub = string(props.Get(UNIT_INTERFACE, "SubState"));
          if (!unit.endsWith(".service") || "not-found".equals(load)) {
            return new UnitState(
                unit,
                load,
                active,
                sub,
                OptionalLong.empty(),
                OptionalInt.empty(),
                "",
                OptionalLong.empty());
          }
          long pid = ((UInt32) unwrap(props.Get(SERVICE_INTERFACE, "MainPID"))).longValue();
          int status = ((Number) unwrap(props.Get(SERVICE_INTERFACE, "ExecMainStatus"))).intValue();
          String result = string(props.Get(SERVICE_INTERFACE, "Result"));
          long restarts = ((UInt32) unwrap(props.Get(SERVICE_INTERFACE, "NRestarts"))).longValue();
          return new UnitState(
              unit,
              load,
              active,
              sub,
              pid == 0 ? OptionalLong.empty() : OptionalLong.of(pid),
              OptionalInt.of(status),
              result,
              OptionalLong.of(restarts));
        });
  }

  /**
   * One job; {@code unit} is validated here, where a name from outside the switch meets the
   * manager.
   */
  public JobOutcome runJob(JobKind kind, String unit) {
    return runJobs(List.of(new JobRequest(kind, UnitName.of(unit)))).get(0);
  }

  /**
   * Submits all jobs, then waits for their {@code JobRemoved} within one shared deadline of {@link
   * #jobTimeout()}. A rejected call (unknown unit, masked, access denied…) becomes a {@link
   * JobStatus#REJECTED} outcome rather than an exception, so one bad unit does not hide the others'
   * results. Outcomes are in request order.
   */
  public List<JobOutcome> runJobs(List<JobRequest> jobs) {
    return runJobs(jobs, (outcome, elapsed) -> {});
  }

  /**
   * As {@link #runJobs(List)}, telling {@code finished} about each job on the calling thread as it
   * ends, in the order the jobs end, with the time since the batch was submitted (rejected jobs
   * first, then timed-out ones).
   */
  @Override
  public synchronized List<JobOutcome> runJobs(
      List<JobRequest> jobs, BiConsumer<JobOutcome, Duration> finished) {
    watcher.openBatch();
    try {
      long started = System.nanoTime();
      JobOutcome[] outcomes = new JobOutcome[jobs.size()];
      BlockingQueue<Integer> ended = new LinkedBlockingQueue<>();
      int waiting = 0;
      for (int i = 0; i < jobs.size(); i++) {
        JobRequest job = jobs.get(i);
        try {
          String path = submit(job).getPath();
          int index = i;
          watcher.whenRemoved(
              path,
              result -> {
                outcomes[index] =
                    new JobOutcome(
                        job.unit().value(), job.kind(), JobStatus.fromSystemd(result), result, "");
                ended.add(index);
              });
          waiting++;
        } catch (DBusExecutionException e) {
          String what = job.kind().method() + "(" + job.unit() + ")";
          outcomes[i] =
              new JobOutcome(
                  job.unit().value(),
                  job.kind(),
                  JobStatus.REJECTED,
                  "",
                  SystemdErrors.describe(e, what, address.address()));
          finished.accept(outcomes[i], Duration.ofNanos(System.nanoTime() - started));
        }
      }
      long deadline = started + jobTimeout.toNanos();
      // Only outcomes taken from the queue count: the queue hands them over from the signal thread
      // safely.
      JobOutcome[] seen = new JobOutcome[jobs.size()];
      for (int i = 0; i < jobs.size(); i++) {
        if (outcomes[i] != null && outcomes[i].status() == JobStatus.REJECTED)
          seen[i] = outcomes[i];
      }
      for (; waiting > 0; waiting--) {
        Integer index = ended.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (index == null) {
          break;
        }
        seen[index] = outcomes[index];
        finished.accept(seen[index], Duration.ofNanos(System.nanoTime() - started));
      }
      List<JobOutcome> result = new ArrayList<>(jobs.size());
      for (int i = 0; i < jobs.size(); i++) {
        if (seen[i] == null) {
          JobRequest job = jobs.get(i);
          seen[i] =
              new JobOutcome(
                  job.unit().value(),
                  job.kind(),
                  JobStatus.NOT_FINISHED,
                  "",
                  "no JobRemoved within "
                      + jobTimeout.toSeconds()
                      + " s; the job may still be running");
          finished.accept(seen[i], Duration.ofNanos(System.nanoTime() - started));
        }
        result.add(seen[i]);
      }
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SystemdException("interrupted while waiting for systemd jobs on " + address, e);
    } finally {
      watcher.closeBatch();
    }
  }

  private DBusPath submit(JobRequest job) {
    String unit = job.unit().value();
    calls.count(job.kind().method());
    return switch (job.kind()) {
      case START -> manager.startUnit(unit, MODE);
      case STOP -> manager.stopUnit(unit, MODE);
      case RESTART -> manager.restartUnit(unit, MODE);
      case RELOAD -> manager.reloadUnit(unit, MODE);
      case TRY_RESTART -> manager.tryRestartUnit(unit, MODE);
    };
  }

  private Properties remoteProperties(DBusPath path) {
    try {
      return connection.getRemoteObject(
          ManagerInterface.BUS_NAME, path.getPath(), Properties.class);
    } catch (DBusException e) {
      throw new SystemdException(
          "cannot address " + path.getPath() + " on " + address + ": " + e.getMessage(), e);
    }
  }

  private <T> T call(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (DBusExecutionException e) {
      throw new SystemdException(SystemdErrors.describe(e, what, address.address()), e);
    }
  }

  private static Object unwrap(Object value) {
    return value instanceof Variant<?> v ? v.getValue() : value;
  }

  private static String string(Object value) {
    return String.valueOf(unwrap(value));
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (IOException e) {
      // Closing a socket we are done with; nothing useful to do about a failure.
    }
  }
}
