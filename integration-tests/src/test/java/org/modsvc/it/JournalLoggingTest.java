package org.modsvc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The daemon's logging setup ({@code AgentLogging.configureForDaemon}, docs/decisions.md §10)
 * inside the container, read back with journalctl from the real journald: a small main from the
 * agent jar ({@code TryLogging}) runs as a transient service, logs one record with {@code UNIT=}
 * set, and the test asks journalctl the questions an operator would ({@code journalctl UNIT=…},
 * {@code journalctl -u … -p warning}).
 */
class JournalLoggingTest {
  private static final String JAR = "/opt/modsvc/agent/target/modsvc-agent.jar";
  private final String id = UUID.randomUUID().toString().substring(0, 8);

  private static String java() {
    return System.getProperty("java.home") + "/bin/java";
  }

  /** Runs TryLogging as the transient service {@code unit}, waiting for it to end. */
  private Sandbox.ExecResult tryLogging(String unit, List<String> properties, String... args)
      throws Exception {
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of("systemd-run", "--unit=" + unit, "--wait", "--collect", "--quiet"));
    properties.forEach(p -> cmd.add("--property=" + p));
    cmd.addAll(List.of(java(), "-cp", JAR, "org.modsvc.agent.logging.TryLogging", "--stay", "300"));
    cmd.addAll(List.of(args));
    Sandbox.ExecResult r = Sandbox.get().exec(cmd.toArray(String[]::new));
    assertEquals(0, r.exitCode(), r.output());
    return r;
  }

  /** journalctl's answer, after journald has written what it received. */
  private static String journal(String... args) throws Exception {
    Sandbox sandbox = Sandbox.get();
    sandbox.exec("journalctl", "--sync");
    List<String> cmd = new java.util.ArrayList<>(List.of("journalctl", "--no-pager"));
    cmd.addAll(List.of(args));
    Sandbox.ExecResult r = sandbox.exec(cmd.toArray(String[]::new));
    return r.output();
  }

  @Test
  void underSystemd_nativeEntries_findableByUnitField_andWarningsByPriority() throws Exception {
    String service = "it-log-" + id;
    String about = "web-" + id + ".service";

    tryLogging(
        service, List.of(), "--unit", about, "--level", "warn", "port 80 in use\\nsecond line");
    tryLogging(
        service + "-info", List.of(), "--unit", about, "--level", "info", "started " + about);

    String byUnitField = journal("UNIT=" + about, "-o", "verbose");
    assertTrue(byUnitField.contains("MESSAGE=started " + about), byUnitField);
    assertTrue(byUnitField.contains("SYSLOG_IDENTIFIER=modsvc-agent"), byUnitField);
    assertTrue(
        byUnitField.contains("_TRANSPORT=journal"),
        "native protocol, not the stream: " + byUnitField);
    assertTrue(byUnitField.contains("PRIORITY=4"), byUnitField);
    assertTrue(byUnitField.contains("_SYSTEMD_UNIT=" + service + ".service"), byUnitField);

    String warnings = journal("-u", service, "-p", "warning", "-o", "cat");
    assertEquals(
        "port 80 in use\nsecond line\n",
        warnings,
        "one entry, its newline kept (binary field form)");
    assertEquals(
        "",
        journal("-u", service + "-info", "-p", "warning", "-o", "cat"),
        "info is below warning");
    assertTrue(
        journal("-u", service, "-o", "cat").contains("JOURNAL_NATIVE"), "the target it chose");
  }

  @Test
  void entryTooLargeForADatagram_arrivesWhole_withItsFields_throughASealedMemfd() throws Exception {
    String service = "it-log-large-" + id;
    String about = "big-" + id + ".service";
    String line =
        "0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTU\\n"; // 60 bytes logged
    int lines = 5_000; // 300 000 bytes: past the ~208 KiB a datagram may be

    tryLogging(
        service,
        List.of(),
        "--unit",
        about,
        "--field",
        "MODSVC_GENERATION=42",
        "--level",
        "warn",
        "--repeat",
        Integer.toString(lines),
        line);

    String expected = line.replace("\\n", "\n").repeat(lines);
    assertEquals(300_000, expected.length());
    String message = journal("UNIT=" + about, "-o", "cat");
    assertEquals(expected + "\n", message, "one entry, whole (journalctl adds one newline)");

    String fields =
        journal(
            "UNIT=" + about,
            "-o",
            "verbose",
            "--output-fields=UNIT,MODSVC_GENERATION,PRIORITY,SYSLOG_IDENTIFIER,_TRANSPORT");
    assertTrue(fields.contains("UNIT=" + about), fields);
    assertTrue(fields.contains("MODSVC_GENERATION=42"), fields);
    assertTrue(fields.contains("PRIORITY=4"), fields);
    assertTrue(fields.contains("SYSLOG_IDENTIFIER=modsvc-agent"), fields);
    assertTrue(fields.contains("_TRANSPORT=journal"), "native protocol, not stderr: " + fields);
    String all = journal("-u", service, "-o", "cat");
    assertTrue(!all.contains("journal socket refused"), "no fallback to stderr: " + all);
  }

  @Test
  void nativeSocketUnusable_priorityPrefixedStderr_stillFiledUnderItsPriority() throws Exception {
    String service = "it-log-fallback-" + id;
    String about = "db-" + id + ".service";

    tryLogging(
        service,
        List.of("InaccessiblePaths=/run/systemd/journal/socket"),
        "--unit",
        about,
        "--level",
        "error",
        "disk full");

    String errors = journal("-u", service, "-p", "err", "-o", "verbose");
    assertTrue(errors.contains("MESSAGE=disk full [UNIT=" + about + "]"), errors);
    assertTrue(errors.contains("PRIORITY=3"), errors);
    assertTrue(
        errors.contains("_TRANSPORT=stdout"),
        "journald's stream, which parsed the <3> prefix: " + errors);
    assertTrue(
        journal("-u", service, "-o", "cat").contains("journal socket refused an entry"),
        "the reason is logged once");
  }

  @Test
  void stderrNotTheJournal_plainLines_evenThoughJournalStreamIsSet() throws Exception {
    String service = "it-log-plain-" + id;
    String file = "/var/tmp/" + service + ".log";

    // stdout stays on the journal, so systemd still sets JOURNAL_STREAM (to stdout's socket), which
    // is not stderr
    tryLogging(service, List.of("StandardError=file:" + file), "--level", "warn", "plain warning");

    String stderr = Sandbox.get().exec("cat", file).output();
    assertTrue(
        stderr.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  plain warning\n"),
        stderr);
    assertTrue(journal("-u", service, "-o", "cat").contains("STDERR"), "the target it chose");
  }
}
