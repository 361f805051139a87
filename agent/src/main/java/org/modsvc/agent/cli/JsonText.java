package org.modsvc.agent.cli;

/**
 * The commands' JSON writer: {@link org.modsvc.agent.json.JsonText}, which lives in its own package
 * because the control socket writes the same JSON; kept here so the commands need no import.
 */
final class JsonText {
  private JsonText() {}

  static String of(Object value) {
    return org.modsvc.agent.json.JsonText.of(value);
  }
}
