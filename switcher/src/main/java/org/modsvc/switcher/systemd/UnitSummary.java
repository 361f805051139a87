package org.modsvc.switcher.systemd;

/**
 * A loaded unit as {@code ListUnits} reports it; {@code following} is non-empty for alias-like
 * units (devices).
 */
public record UnitSummary(
    String name,
    String description,
    String loadState,
    String activeState,
    String subState,
    String following) {}
