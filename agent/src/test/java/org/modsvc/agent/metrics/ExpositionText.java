package org.modsvc.agent.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text format 0.0.4 for tests: every line is {@code # HELP name
 * text}, {@code # TYPE name type} or {@code name{label="value",...} number}; anything else fails.
 * Samples are keyed by their name and labels as written.
 */
final class ExpositionText {
  private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
  private static final Pattern TYPE =
      Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
  private static final Pattern SAMPLE =
      Pattern.compile(
          "("
              + NAME
              + ")(\\{(?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*})? "
              + "([-+]?(?:[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?|Inf|NaN))");

  final Map<String, String> types = new LinkedHashMap<>();
  final Map<String, String> help = new LinkedHashMap<>();
  final Map<String, Double> samples = new LinkedHashMap<>();

  ExpositionText(String text) {
    if (!text.endsWith("\n"))
      throw new IllegalArgumentException("text does not end with a newline");
    for (String line : text.split("\n")) {
      Matcher m;
      if ((m = HELP.matcher(line)).matches()) {
        help.put(m.group(1), line);
      } else if ((m = TYPE.matcher(line)).matches()) {
        if (types.put(m.group(1), m.group(2)) != null)
          throw new IllegalArgumentException("TYPE twice: " + line);
      } else if ((m = SAMPLE.matcher(line)).matches()) {
        String key = m.group(1) + (m.group(2) == null ? "" : m.group(2));
        if (samples.put(key, Double.parseDouble(m.group(3).replace("Inf", "Infinity"))) != null) {
          throw new IllegalArgumentException("sample twice: " + line);
        }
      } else {
        throw new IllegalArgumentException("not a line of the text format: '" + line + "'");
      }
    }
  }

  double value(String key) {
    Double v = samples.get(key);
    if (v == null) throw new AssertionError("no sample " + key + " in " + samples.keySet());
    return v;
  }
}
