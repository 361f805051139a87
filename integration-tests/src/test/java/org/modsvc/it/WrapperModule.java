package org.modsvc.it;

import org.modsvc.it.Sandbox.Scope;

/**
 * The module of the host-build tests: a service whose program is a shell script wrapped at
 * evaluation time by {@code runCommand} with {@code makeWrapper}. The running program appends
 * "start GREETING UID" to {@code log}, where the uid is the one the build ran as, so a test sees
 * both that the wrapper's variable is set and who built it.
 */
final class WrapperModule {
  private WrapperModule() {}

  /**
   * @param prefix names the store paths and the service ({@code PREFIX-ID})
   * @param id makes the build's inputs unique to one test run
   */
  static String text(Scope scope, String prefix, String id, String log) {
    String services = scope == Scope.SYSTEM ? "system.services" : "home.services";
    return "{ lib, pkgs, ... }:\n"
        + "let\n"
        + "  program = pkgs.writeShellScript \""
        + prefix
        + "-program\" ''\n"
        + "    echo \"start $GREETING $(cat \"$BUILT_BY\")\" >> "
        + log
        + "\n"
        + "    while true; do sleep 1 & wait $!; done\n"
        + "  '';\n"
        + "  wrapped = pkgs.runCommand \""
        + prefix
        + "-wrapped-"
        + id
        + "\" { nativeBuildInputs = [ pkgs.makeWrapper ]; } ''\n"
        + "    mkdir -p $out/share\n"
        + "    id -u > $out/share/built-by\n"
        + "    makeWrapper ${program} $out/bin/program --set GREETING hello-"
        + id
        + " \\\n"
        + "      --set BUILT_BY $out/share/built-by\n"
        + "  '';\n"
        + "in {\n"
        + "  "
        + services
        + ".\""
        + prefix
        + "-"
        + id
        + "\".process.argv = [ \"${wrapped}/bin/program\" ];\n"
        + "}\n";
  }
}
