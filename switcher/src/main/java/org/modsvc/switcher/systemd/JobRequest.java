package org.modsvc.switcher.systemd;

import java.util.Objects;

/** One job to submit: a kind and a unit name such as {@code foo.service}. */
public record JobRequest(JobKind kind, String unit) {
  public JobRequest {
    Objects.requireNonNull(kind, "kind");
    if (unit == null || unit.isBlank()) {
      throw new IllegalArgumentException("a job needs a unit name");
    }
  }
}
