package org.modsvc.switcher.unit;

/** One {@code Key=Value} line of a unit file, in the section it belongs to. */
public record UnitLine(String section, String key, String value) {}
