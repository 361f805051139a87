/**
 * The whole switch, as switch-to-configuration-ng orders it and docs/decisions.md §6 contracts it:
 * lock → finish an interrupted switch → build the configuration → prepare generation N (nothing
 * live changed; ownership conflicts stop here) → plan (old generation's units against the new ones,
 * live states from {@code ListUnits}) → persist the pending phase lists → stop → files (live tree,
 * then {@code current}) → one daemon-reload when the plan needs it, the file phase changed the unit
 * directory, or the switch resumes or replaces an interrupted one → reload → restart → start →
 * report → clear the pending record → garbage-collect (keep 10). {@link
 * org.modsvc.switcher.activation.Activation} drives it; rollback is the same path with an old
 * generation's files as the configuration.
 *
 * <p><b>Invariants.</b> Nothing live changes before the pending record names every unit the switch
 * will stop, reload, restart or start, so a run killed at any instant is finished by the next one:
 * its files are applied again (idempotently), its unfinished stops run, and its
 * reload/restart/start lists come back as the planner's resumed work (stc-ng's {@code
 * /run/nixos/*-list} files). Units are compared from the generations' manifests and stored files,
 * never from the live unit directory, so files we never managed are never considered. Exit codes:
 * {@link org.modsvc.switcher.activation.ExitCode}.
 *
 * <p><b>Drift and rollback</b> (docs/decisions.md §12). Owned files that differ from the current
 * generation are written back per {@link org.modsvc.switcher.activation.DriftPolicy}, also on an
 * unchanged configuration; the plan's old side is then the generation as the disk holds it ({@code
 * DriftView}), so restored units restart or reload as a switch changing those files would. {@link
 * org.modsvc.switcher.activation.Activation#checkDrift()} only reads. With {@code
 * rollbackOnFailure}, failed units make the run switch back to the previous generation's files
 * under the same lock, after marking the failed configuration's fingerprint so it is not retried
 * unchanged.
 *
 * <p><b>Differences from upstream.</b> A second switch waits for the lock (bounded) instead of
 * failing at once, so two concurrent switches serialize; a switch whose configuration equals the
 * current generation makes no D-Bus job call and no daemon-reload.
 */
package org.modsvc.switcher.activation;
