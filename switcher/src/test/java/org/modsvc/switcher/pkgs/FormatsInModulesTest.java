package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.switcher.config.ModuleConfiguration;

/**
 * {@code pkgs.formats} used as nixpkgs' service modules use it, through the real built-in modules
 * and host package set: php-fpm's pattern of an RFC 42 {@code settings} option written with {@code
 * formats.iniWithGlobalSection}.
 */
class FormatsInModulesTest {
  @TempDir Path tmp;

  private static Path resource(String name) {
    try {
      return Path.of(FormatsInModulesTest.class.getResource("/pkgs-formats/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code expr} over {@code out}, the output contract of evaluating the host's modules. */
  private static String eval(PkgsFixture f, String expr) {
    String modules = ModuleConfiguration.MODULES.register(f.store).path();
    return ((NixString)
            Thunk.force(
                f.value(
                    "let out = import "
                        + modules
                        + "/eval.nix { inherit lib pkgs;"
                        + " modsvc = { mode = \"system\"; version = \"test\"; paths = { }; };"
                        + " modules = [ "
                        + resource("php-fpm-host.nix")
                        + " ]; }; in "
                        + expr)))
        .value();
  }

  @Test
  void iniWithGlobalSection_settings_mergeFromTwoModules_intoTheExactFile() throws Exception {
    PkgsFixture f =
        PkgsFixture.withModsvcLib(
            List.of(PkgsFixture.binDir(tmp.resolve("php"), "php", "php-fpm")));
    String path =
        eval(
            f,
            "builtins.head (builtins.match \".*\\\"([^\\\"]*-php-fpm.conf)\\\".*\""
                + " (builtins.head (builtins.filter (l: l.key == \"ExecStart\") out.units.\"php.service\".lines)).value)");
    assertTrue(
        path.startsWith(PkgsFixture.STORE_DIR + "/") && path.endsWith("-php-fpm.conf"), path);
    assertEquals(
        """
        daemonize=false
        emergency_restart_threshold=10
        error_log=syslog
        log_level=debug

        [admin]
        listen=127.0.0.1:9001
        pm=static
        pm.max_children=2

        [www]
        listen=/run/php-fpm/www.sock
        listen.owner=nginx
        php_admin_flag[log_errors]=true
        pm=dynamic
        pm.max_children=50
        """,
        f.store.textContent(path).orElseThrow());
  }

  @Test
  void iniWithGlobalSection_execStart_namesTheHostProgramAndTheFile() throws Exception {
    PkgsFixture f =
        PkgsFixture.withModsvcLib(
            List.of(PkgsFixture.binDir(tmp.resolve("php"), "php", "php-fpm")));
    String execStart =
        eval(
            f,
            "(builtins.head (builtins.filter (l: l.key == \"ExecStart\") out.units.\"php.service\".lines)).value");
    // the host package is a tree in the store whose bin/php-fpm links to the host's program
    // (HostPackagesTest)
    assertTrue(
        execStart.matches(
            "\""
                + PkgsFixture.STORE_DIR
                + "/[a-z0-9]{32}-php/bin/php-fpm\" \"-y\" \""
                + PkgsFixture.STORE_DIR
                + "/[a-z0-9]{32}-php-fpm\\.conf\""),
        execStart);
  }
}
