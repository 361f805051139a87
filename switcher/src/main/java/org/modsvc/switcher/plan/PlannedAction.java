package org.modsvc.switcher.plan;

/** One unit in one phase of a plan, with the human-readable reason it is there. */
public record PlannedAction(String unit, String reason) {}
