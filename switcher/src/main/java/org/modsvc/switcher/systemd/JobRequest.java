package org.modsvc.switcher.systemd;

import java.util.Objects;
import org.modsvc.switcher.unit.UnitName;

/** One job to submit: a kind and a unit. */
public record JobRequest(JobKind kind, UnitName unit) {
  public JobRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
  }
}
