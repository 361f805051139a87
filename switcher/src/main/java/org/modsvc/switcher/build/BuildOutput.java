package org.modsvc.switcher.build;

import java.util.List;

/**
 * Everything one evaluation produced: units, configData links, and the assertions and warnings to
 * report.
 */
public record BuildOutput(
    List<UnitSpec> units,
    List<ConfigDataLink> configData,
    List<String> failedAssertions,
    List<String> warnings) {
  public BuildOutput {
    units = List.copyOf(units);
    configData = List.copyOf(configData);
    failedAssertions = List.copyOf(failedAssertions);
    warnings = List.copyOf(warnings);
  }
}
