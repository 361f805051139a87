package org.modsvc.agent.logging;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Logs one record through the daemon's logging setup, to check where the daemon's logs land on a
 * host (and used by the integration test that reads them back with journalctl): {@code java -cp
 * modsvc-agent.jar org.modsvc.agent.logging.TryLogging [--unit NAME] [--field NAME=VALUE]...
 * [--level LEVEL] [--repeat N] [--stay MS] MESSAGE...} ({@code \n} in MESSAGE is a newline; {@code
 * --repeat} logs MESSAGE N times over in one record, for entries larger than a command line
 * argument may be). Prints the target on stdout. {@code --stay} keeps the process alive a little
 * after logging: journald reads a sender's unit from /proc after the datagram arrives, so a process
 * that exits at once can lose its {@code _SYSTEMD_UNIT} (the daemon lives long; this check does
 * not).
 */
public final class TryLogging {
  private TryLogging() {}

  public static void main(String[] args) throws InterruptedException {
    String unit = null;
    String level = "info";
    long stay = 0;
    int repeat = 1;
    Map<String, String> fields = new LinkedHashMap<>();
    StringBuilder message = new StringBuilder();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--unit") && i + 1 < args.length) {
        unit = args[++i];
      } else if (args[i].equals("--stay") && i + 1 < args.length) {
        stay = Long.parseLong(args[++i]);
      } else if (args[i].equals("--repeat") && i + 1 < args.length) {
        repeat = Integer.parseInt(args[++i]);
      } else if (args[i].equals("--field") && i + 1 < args.length && args[i + 1].indexOf('=') > 0) {
        String field = args[++i];
        fields.put(field.substring(0, field.indexOf('=')), field.substring(field.indexOf('=') + 1));
      } else if (args[i].equals("--level") && i + 1 < args.length) {
        level = args[++i].toLowerCase(Locale.ROOT);
      } else {
        message.append(message.length() > 0 ? " " : "").append(args[i]);
      }
    }
    if (message.length() == 0) {
      System.err.println(
          "usage: TryLogging [--unit NAME] [--field NAME=VALUE]... [--level error|warn|info|debug]"
              + " [--repeat N] [--stay MS] MESSAGE...");
      System.exit(2);
    }
    LogTarget target = AgentLogging.configureForDaemon();
    Logger log = LoggerFactory.getLogger("org.modsvc.agent.trylogging");
    if (unit != null) MDC.put(LogFields.UNIT, unit);
    fields.forEach(MDC::put);
    String text = message.toString().replace("\\n", "\n").repeat(repeat);
    switch (level) {
      case "error" -> log.error(text);
      case "warn", "warning" -> log.warn(text);
      case "debug" -> log.debug(text);
      default -> log.info(text);
    }
    System.out.println(target);
    Thread.sleep(stay);
  }
}
