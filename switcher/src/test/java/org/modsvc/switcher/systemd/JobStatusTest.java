package org.modsvc.switcher.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.freedesktop.dbus.errors.AccessDenied;
import org.freedesktop.systemd1.NoSuchUnit;
import org.junit.jupiter.api.Test;

class JobStatusTest {
  @Test
  void fromSystemd_mapsKnownResults_andKeepsUnknownAsOther() {
    assertEquals(JobStatus.DEPENDENCY, JobStatus.fromSystemd("dependency"));
    assertEquals(JobStatus.OTHER, JobStatus.fromSystemd("frozen"));
  }

  @Test
  void isFailure_isFalseOnlyForDoneAndSkipped() {
    assertFalse(JobStatus.DONE.isFailure());
    assertFalse(JobStatus.SKIPPED.isFailure());
    assertTrue(JobStatus.TIMEOUT.isFailure());
    assertTrue(JobStatus.NOT_FINISHED.isFailure());
  }

  @Test
  void describe_printsFailedJobLikeTheSwitch() {
    JobOutcome outcome =
        new JobOutcome("a.service", JobKind.RESTART, JobStatus.FAILED, "failed", "");
    assertEquals("Failed to restart a.service: failed", outcome.describe());
  }

  @Test
  void errors_nameNoSuchUnitAndAccessDeniedWithAddress() {
    assertTrue(
        SystemdErrors.describe(
                new NoSuchUnit("Unit x.service not found."), "StartUnit(x.service)", "unix:path=/b")
            .startsWith("StartUnit(x.service): no such unit (Unit x.service not found.)"));
    String denied =
        SystemdErrors.describe(
            new AccessDenied("Access denied"), "StopUnit(y.service)", "unix:path=/b");
    assertTrue(denied.contains("access denied by unix:path=/b"), denied);
  }
}
