package org.modsvc.switcher.plan;

import org.modsvc.switcher.unit.UnitName;

/** One unit in one phase of a plan, with the human-readable reason it is there. */
public record PlannedAction(UnitName unit, String reason) {}
