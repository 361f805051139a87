package org.modsvc.switcher.plan;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Text for people, in stc-ng's order and wording ({@code stopping the following units: a, b}; with
 * dry-run {@code would stop …}), each heading followed by one indented {@code unit: reason} line
 * per unit. Hidden units (targets started on every switch) are left out of the stop and start
 * lines.
 */
final class PlanRenderer {
  private PlanRenderer() {}

  static String render(SwitchPlan plan, boolean dryRun) {
    StringBuilder out = new StringBuilder();
    plan.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
    section(
        out,
        dryRun ? "would stop the following units" : "stopping the following units",
        visible(plan, plan.stop()));
    section(
        out,
        dryRun
            ? "would NOT stop the following changed units"
            : "NOT restarting the following changed units",
        plan.skip());
    if (plan.needsDaemonReload()) {
      out.append(dryRun ? "would reload the systemd " : "reloading the systemd ")
          .append(plan.mode().label())
          .append(" manager: ")
          .append(String.join(", ", plan.daemonReloadReasons()))
          .append('\n');
    }
    section(
        out,
        dryRun ? "would reload the following units" : "reloading the following units",
        plan.reload());
    section(
        out,
        dryRun ? "would restart the following units" : "restarting the following units",
        plan.restart());
    section(
        out,
        dryRun ? "would start the following units" : "starting the following units",
        visible(plan, plan.start()));
    section(
        out,
        dryRun ? "would leave the following units alone" : "leaving the following units alone",
        plan.untouched());
    return out.toString();
  }

  private static List<PlannedAction> visible(SwitchPlan plan, List<PlannedAction> actions) {
    return actions.stream().filter(a -> !plan.hidden().contains(a.unit())).toList();
  }

  private static void section(StringBuilder out, String heading, List<PlannedAction> actions) {
    if (actions.isEmpty()) {
      return;
    }
    out.append(heading)
        .append(": ")
        .append(actions.stream().map(a -> a.unit().value()).collect(Collectors.joining(", ")))
        .append('\n');
    actions.forEach(
        a -> out.append("  ").append(a.unit()).append(": ").append(a.reason()).append('\n'));
  }
}
