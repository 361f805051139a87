package org.modsvc.switcher.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.modsvc.switcher.unit.UnitFile;
import org.modsvc.switcher.unit.UnitName;
import org.modsvc.switcher.unit.UnitType;

/**
 * switch-to-configuration-ng's {@code handle_modified_unit}: what happens to a running unit whose
 * definition changed (or whose restart was requested). In <em>restart mode</em> (a requested
 * restart, decided after the stop phase) every stop and every start becomes a restart.
 *
 * <pre>
 *   sysinit/basic/multi-user/graphical.target, *.slice  → nothing (applied by daemon-reload)
 *   [Unit] X-SwitchMethod set                            → that method (sd-switch meanings)
 *   *.mount                                              → -.mount, nix.mount reload; others restart
 *   *.socket                                             → nothing (stc-ng FIXME, nixpkgs#147609)
 *   [Service] X-ReloadIfChanged=true                     → reload, unless already stopped/restarted
 *   X-RestartIfChanged=false, RefuseManualStop=true,
 *     X-OnlyManualStart=true                             → skip ("NOT restarting")
 *   RefuseManualStart=true                               → stop only (sd-switch; systemd refuses the start)
 *   X-StopIfChanged=false or not a .service              → restart
 *   otherwise                                            → stop, then start (socket-aware)
 * </pre>
 *
 * stc-ng tests the suffix {@code .unit} where its comment says {@code .path}; no valid name ends in
 * {@code .unit}, so a changed {@code .path} unit is restarted, as upstream does.
 */
final class ModifiedUnitRules {
  private static final Set<String> APPLIED_BY_DAEMON_RELOAD =
      Set.of("sysinit.target", "basic.target", "multi-user.target", "graphical.target");

  private final PlanInput input;
  private final PlanBuilder plan;

  ModifiedUnitRules(PlanInput input, PlanBuilder plan) {
    this.input = input;
    this.plan = plan;
  }

  /** {@code why} says what changed; the rule that applies adds its own note to it. */
  void handle(
      UnitName unit, String baseName, Supplier<UnitFile> newUnit, boolean restartMode, String why) {
    if (APPLIED_BY_DAEMON_RELOAD.contains(unit.value()) || unit.type() == UnitType.SLICE) {
      plan.untouched.add(unit, why + "; cannot be restarted, daemon-reload applies it");
      return;
    }
    UnitFile info = newUnit.get();
    Optional<SwitchMethod> method = SwitchMethod.of(unit.value(), info);
    if (method.isPresent()) {
      switchMethod(unit, baseName, info, method.get(), restartMode, why);
    } else if (unit.type() == UnitType.MOUNT) {
      mount(unit, why);
    } else if (unit.type() == UnitType.SOCKET) {
      plan.untouched.add(
          unit, why + "; changed sockets are not restarted (switch-to-configuration-ng)");
    } else {
      legacyKeys(unit, baseName, info, restartMode, why);
    }
  }

  /** Mounts cannot be stopped around activation; / and /nix are only remounted. */
  private void mount(UnitName unit, String why) {
    if (unit.value().equals("-.mount") || unit.value().equals("nix.mount")) {
      plan.reload.add(unit, why + "; remounted, never unmounted");
    } else {
      plan.restart.add(unit, why);
    }
  }

  /** The {@code X-*IfChanged} and {@code RefuseManual*} rules, in stc-ng's order of precedence. */
  private void legacyKeys(
      UnitName unit, String baseName, UnitFile info, boolean restartMode, String why) {
    if (info.bool("Service", "X-ReloadIfChanged", false)) {
      reloadUnlessStopping(unit, restartMode, why + "; X-ReloadIfChanged=true");
    } else if (!info.bool("Service", "X-RestartIfChanged", true)) {
      plan.skip.add(unit, why + "; X-RestartIfChanged=false");
    } else if (info.bool("Unit", "RefuseManualStop", false)) {
      plan.skip.add(unit, why + "; RefuseManualStop=true");
    } else if (info.bool("Unit", "X-OnlyManualStart", false)) {
      plan.skip.add(unit, why + "; X-OnlyManualStart=true");
    } else if (info.bool("Unit", "RefuseManualStart", false)) {
      stopOnly(unit, restartMode, why + "; RefuseManualStart=true");
    } else if (!info.bool("Service", "X-StopIfChanged", true)) {
      restartInstead(unit, why + "; X-StopIfChanged=false");
    } else if (unit.type() != UnitType.SERVICE) {
      restartInstead(unit, why);
    } else {
      stopThenStart(unit, baseName, info, restartMode, why);
    }
  }

  /**
   * sd-switch's methods; systemd refuses restarts and stops of RefuseManual* units, so those win.
   */
  private void switchMethod(
      UnitName unit,
      String baseName,
      UnitFile info,
      SwitchMethod method,
      boolean restartMode,
      String why) {
    String note = why + "; X-SwitchMethod=" + method.value();
    if (method == SwitchMethod.RELOAD) {
      reloadUnlessStopping(unit, restartMode, note);
    } else if (method == SwitchMethod.KEEP_OLD) {
      plan.skip.add(unit, note);
    } else if (info.bool("Unit", "RefuseManualStop", false)) {
      plan.skip.add(unit, note + "; RefuseManualStop=true");
    } else if (info.bool("Unit", "RefuseManualStart", false)) {
      stopOnly(unit, restartMode, note + "; RefuseManualStart=true");
    } else if (method == SwitchMethod.RESTART) {
      restartInstead(unit, note);
    } else {
      stopThenStart(unit, baseName, info, restartMode, note);
    }
  }

  private void reloadUnlessStopping(UnitName unit, boolean restartMode, String why) {
    boolean handled = plan.restart.contains(unit) || (!restartMode && plan.stop.contains(unit));
    if (!handled) {
      plan.reload.add(unit, why);
    }
  }

  private void restartInstead(UnitName unit, String why) {
    plan.restart.add(unit, why);
    plan.reload.remove(unit);
  }

  private void stopOnly(UnitName unit, boolean restartMode, String why) {
    if (restartMode) {
      plan.skip.add(unit, why + "; cannot be restarted");
    } else {
      plan.stop.add(unit, why + "; not started again");
      plan.reload.remove(unit);
    }
  }

  /**
   * Stop before the files change so that the old {@code ExecStop} runs against the old files, start
   * afterwards. A service with an active socket is left to socket activation: the socket is stopped
   * with it and started again, the service is not.
   */
  private void stopThenStart(
      UnitName unit, String baseName, UnitFile info, boolean restartMode, String why) {
    PlanBuilder.UnitSet stopPhase = restartMode ? plan.restart : plan.stop;
    PlanBuilder.UnitSet startPhase = restartMode ? plan.restart : plan.start;
    List<UnitName> restartedSockets = new ArrayList<>();
    if (unit.type() == UnitType.SERVICE) {
      for (UnitName socket : sockets(info, baseName)) {
        if (!input.state(socket).inActiveSet()) {
          continue;
        }
        stopPhase.add(socket, "socket of changed " + unit);
        if (input.newUnits().hasFile(socket)) {
          startPhase.add(socket, "socket of changed " + unit);
          restartedSockets.add(socket);
        }
        plan.reload.remove(unit);
      }
    }
    boolean socketActivated =
        !restartedSockets.isEmpty() && !info.bool("Service", "X-NotSocketActivated", false);
    if (socketActivated) {
      plan.socketActivated.put(unit, restartedSockets);
    } else {
      startPhase.add(unit, why);
    }
    stopPhase.add(unit, why);
    plan.reload.remove(unit);
  }

  /**
   * The words of {@code [Service] Sockets=}, or {@code <base>.socket} when there are none. A word
   * that is not a unit name cannot be a running unit either, so it is left out here, where it
   * leaves the unit file.
   */
  private static List<UnitName> sockets(UnitFile info, String baseName) {
    List<String> words = new ArrayList<>();
    for (String value : info.values("Service", "Sockets")) {
      for (String word : value.trim().split("\\s+")) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    if (words.isEmpty()) {
      words.add(baseName + ".socket");
    }
    return words.stream().filter(UnitName::isValid).map(UnitName::of).toList();
  }
}
