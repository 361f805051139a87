/**
 * The switch planner and the switch's vocabulary. {@link org.modsvc.switcher.plan.Planner} is a
 * pure function from the old and new generations' units, systemd's live unit states ({@link
 * org.modsvc.switcher.plan.LiveState}), the mode and options to an immutable {@link
 * org.modsvc.switcher.plan.SwitchPlan} of units to stop, reload, restart, start and skip, each with
 * its reason, and whether systemd must re-read its units. The plan becomes a {@link
 * org.modsvc.switcher.plan.PhasePlan}: the units of each {@link org.modsvc.switcher.plan.Phase} and
 * the daemon-reload decision, which the pending journal records as it is and the executor runs;
 * what an interrupted switch left of it comes back as {@link org.modsvc.switcher.plan.ExtraWork}.
 * Executing (journal, D-Bus, job waiting) is other packages' business; nothing here does I/O.
 *
 * <p><b>Invariants.</b> Every unit name here is a {@link org.modsvc.switcher.unit.UnitName},
 * validated where it entered (the unit files, {@code ListUnits}, the journal file), never again.
 * The daemon-reload decision ({@code CatalogChanges}) is "a unit file, drop-in, mask or dependency
 * link differs between the generations"; the executor adds to it what the catalogs cannot see (a
 * file phase that changed the unit directory anyway), and {@link
 * org.modsvc.switcher.plan.DaemonReloadReasons} lists those unit-directory paths among the plan's
 * reasons, so the printed plan says every daemon-reload the executor will make.
 *
 * <p>The rules are switch-to-configuration-ng's ({@code main.rs} in nixpkgs {@code
 * pkgs/by-name/sw/switch-to-configuration-ng}): {@link org.modsvc.switcher.plan.UnitComparison} is
 * {@code compare_units}, {@code ModifiedUnitRules} is {@code handle_modified_unit}, {@code
 * ActiveUnitRules} the per-unit classification of {@code do_system_switch}, and {@code
 * ExtraWorkRules} its resumed lists and activation lists. Where our contract ({@code
 * docs/decisions.md} §6) differs, the difference is one named rule:
 *
 * <ul>
 *   <li>the old generation's files stand in for {@code /etc/systemd/system} (sd-switch's model), so
 *       units we never managed are never touched;
 *   <li>active targets are not started on every switch; {@code NewUnitRules} starts new or newly
 *       wanted units directly when a target wanting them is active;
 *   <li>{@code [Unit] X-SwitchMethod} overrides the legacy {@code X-*IfChanged} keys with
 *       sd-switch's meanings, except for units that cannot be restarted at all (the four system
 *       targets and slices);
 *   <li>{@code RefuseManualStart=true} on a changed unit means stop only, as in sd-switch: systemd
 *       would refuse the start (or restart) job that stc-ng queues;
 *   <li>an instance's template is found by systemd's rule (first {@code @}, whole suffix), where
 *       stc-ng's regular expression breaks on instance strings containing dots.
 * </ul>
 *
 * stc-ng quirks kept on purpose: a changed {@code .socket} is not restarted, a changed {@code
 * .path} is restarted, a removed {@code X-Reload-Triggers} means nothing, {@code
 * X-StopOnReconfiguration} only acts when true, and {@code X-NotSocketActivated=true} restarts the
 * service as well as its sockets (the revision read does check it).
 */
package org.modsvc.switcher.plan;
