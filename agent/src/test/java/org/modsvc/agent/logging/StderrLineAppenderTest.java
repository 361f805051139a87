package org.modsvc.agent.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class StderrLineAppenderTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @AfterEach
  void clearMdc() {
    MDC.clear();
  }

  private Logger logger(StderrLineAppender.Style style) {
    return TestContexts.loggerWith(
        new StderrLineAppender(new PrintStream(out, true, StandardCharsets.UTF_8), style));
  }

  @Test
  void syslogPrefix_onEveryLine_becauseJournaldsStreamReaderSplitsAtNewlines() {
    Logger log = logger(StderrLineAppender.Style.SYSLOG_PREFIX);

    MDC.put(LogFields.MODSVC_GENERATION, "3");
    log.error("evaluation error\n  at web.nix:10:5");
    log.debug("detail");

    assertEquals(
        "<3>evaluation error\n<3>  at web.nix:10:5 [MODSVC_GENERATION=3]\n<7>detail [MODSVC_GENERATION=3]\n",
        out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void plain_hasLocalTimeLevelMessageAndFields() {
    Logger log = logger(StderrLineAppender.Style.PLAIN);

    MDC.put(LogFields.UNIT, "a.service");
    MDC.put(LogFields.MODSVC_GENERATION, "4");
    log.warn("restart a.service: failed");

    String line = out.toString(StandardCharsets.UTF_8);
    assertTrue(
        line.matches(
            "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  restart a\\.service: failed "
                + "\\[MODSVC_GENERATION=4 UNIT=a\\.service]\n"),
        line);
  }
}
