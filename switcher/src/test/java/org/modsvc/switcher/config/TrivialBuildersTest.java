package org.modsvc.switcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.GcReport;
import org.modsvc.switcher.generation.GenerationSwitcher;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.generation.SwitchLock;
import org.modsvc.switcher.pkgs.HostBuilder;
import org.modsvc.switcher.pkgs.HostPackages;
import org.modsvc.switcher.pkgs.PathSearch;

/**
 * pkgs.runCommand and the builders made from it, run for real on this host: isolated with unshare,
 * as nobody when the test runs as root. Skipped (with the reason) where the namespaces cannot be
 * made.
 */
class TrivialBuildersTest {
  @TempDir Path tmp;
  private Layout layout;

  @BeforeAll
  static void needsIsolation() throws Exception {
    assumeTrue(
        canIsolate(),
        "this host cannot make network/mount/PID namespaces with unshare, so no build can run here");
  }

  static boolean canIsolate() throws IOException, InterruptedException {
    List<String> cmd =
        isRoot()
            ? List.of(
                "unshare", "--mount", "--net", "--pid", "--fork", "--mount-proc", "--", "true")
            : List.of(
                "unshare",
                "--user",
                "--map-current-user",
                "--mount",
                "--net",
                "--pid",
                "--fork",
                "--mount-proc",
                "--",
                "true");
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  @BeforeEach
  void setUp() throws IOException {
    // the build user has to reach the store through the test's directory
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    layout = layoutIn(tmp);
  }

  /**
   * System mode with every directory inside {@code dir} and no root prefix: the store is where its
   * paths say.
   */
  static Layout layoutIn(Path dir) {
    return new Layout(
        Layout.Mode.SYSTEM,
        Path.of("/"),
        HostPath.of(dir + "/etc/systemd/system"),
        HostPath.of(dir + "/etc/system-services"),
        HostPath.of(dir + "/etc/modsvc/modules"),
        HostPath.of(dir + "/state"),
        HostPath.of(dir + "/run"));
  }

  /**
   * Under {@code --root}: the store on disk is below the root, and the build sees it where its
   * paths say.
   */
  @Test
  void build_underRoot_seesItsInputsAtTheirStorePaths() throws IOException {
    assumeTrue(
        isRoot(), "only root can mount the root's store over the store directory for the build");
    Path host = Files.createDirectories(tmp.resolve("host"));
    layout =
        new Layout(
            Layout.Mode.SYSTEM,
            tmp.resolve("root"),
            HostPath.of(host + "/etc/systemd/system"),
            HostPath.of(host + "/etc/system-services"),
            HostPath.of(host + "/etc/modsvc/modules"),
            HostPath.of(host + "/state"),
            HostPath.of(host + "/run"));
    Eval e = new Eval();
    assertEquals(
        "port = 80\n",
        e.string(
            "builtins.readFile (pkgs.runCommand \"copy\" { } "
                + "''cp ${pkgs.writeText \"app.conf\" \"port = 80\\n\"} $out'')"));
    assertTrue(
        Files.isDirectory(
            tmp.resolve("root").resolve(host.toString().substring(1)).resolve("state/store")),
        "the input was written into the store under the root");
  }

  /**
   * One evaluation: a fresh in-memory store and pkgs over the host's PATH; the build cache is the
   * layout's.
   */
  private final class Eval {
    final MemoryStore store = new MemoryStore(layout.storeDir().toString());
    final EvalState state =
        org.modsvc.nix.Evaluation.builder()
            .store(store)
            .searchPath(List.of())
            .homeDir(tmp)
            .experimentalFeatures(Set.of())
            .diagnostics(System.err)
            .start()
            .state();
    final HostBuilder builder;
    final Value pkgs;

    Eval(Duration timeout) {
      builder = HostBuilds.of(layout, store, timeout);
      pkgs =
          HostPackages.create(
              state, NixAttrs.EMPTY, PathSearch.of("/usr/bin:/bin").dirs(), layout.root(), builder);
    }

    Eval() {
      this(HostBuilds.TIMEOUT);
    }

    String string(String body) {
      Value f = state.evalSource(Source.ofString("«test»", "pkgs: " + body, tmp));
      return ((NixString) Thunk.force(state.call(f, pkgs, Span.NONE))).value();
    }

    EvalException failure(String body) {
      return assertThrows(EvalException.class, () -> string(body));
    }
  }

  /**
   * The store tree of the host package {@code name} that {@code text} names (host packages are
   * trees of links to the host's files), checked to hold an executable {@code bin/<program>}; the
   * layouts here have root /.
   */
  static String hostTree(String text, Layout layout, String name, String program) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(layout.storeDir().toString())
                    + "/[0-9a-z]{32}-"
                    + java.util.regex.Pattern.quote(name))
            .matcher(text);
    assertTrue(m.find(), "no " + name + " tree in:\n" + text);
    assertTrue(
        Files.isExecutable(Path.of(m.group(), "bin", program)), m.group() + "/bin/" + program);
    return m.group();
  }

  static boolean isRoot() {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static final String GREETING =
      "pkgs.runCommand \"greeting\" { who = \"world\"; } ''echo \"hello $who\" > $out''";

  @Test
  void runCommand_runsTheScript_andNamesTheOutputByItsContent() {
    Eval e = new Eval();
    String out = e.string("\"${" + GREETING + "}\"");
    assertTrue(out.matches(layout.storeDir() + "/[0-9a-f]{32}-greeting"), out);
    assertEquals("hello world\n", e.string("builtins.readFile (" + GREETING + ")"));
    // the same content under another script is the same store path
    assertEquals(
        out,
        e.string("\"${pkgs.runCommand \"greeting\" { } ''printf 'hello world\\n' > $out''}\""));
  }

  @Test
  void secondEvaluation_findsTheOutputInTheCache_withoutBuilding() {
    Eval first = new Eval();
    String out = first.string("\"${" + GREETING + "}\"");
    assertEquals(1, first.builder.buildsRun());
    Eval second = new Eval();
    assertEquals(out, second.string("\"${" + GREETING + "}\""));
    assertEquals("hello world\n", second.string("builtins.readFile (" + GREETING + ")"));
    assertEquals(0, second.builder.buildsRun());
    // a changed variable is another build
    second.string(
        "\"${pkgs.runCommand \"greeting\" { who = \"you\"; } ''echo \"hello $who\" > $out''}\"");
    assertEquals(1, second.builder.buildsRun());
  }

  /**
   * Garbage collection prunes the build cache, but not a check build's output that the last
   * evaluation asked for: nothing references it, and forgetting it would run the check in every
   * evaluation. An output no build asked for in a month goes, and its build runs again.
   */
  @Test
  void garbageCollection_keepsWhatBuildsAskedFor_andForgetsTheRest() throws IOException {
    String app = "\"${pkgs.writeShellApplication { name = \"greet\"; text = \"echo hi\"; }}\"";
    Eval first = new Eval();
    first.string(app);
    first.string("\"${" + GREETING + "}\"");
    assertEquals(2, first.builder.buildsRun(), "the check of greet, and the greeting");
    Path keys = layout.dirOnDisk(layout.buildCacheDir()).resolve("keys");
    Path greetingKey;
    try (var all = Files.list(keys)) {
      List<Path> both = all.toList();
      assertEquals(2, both.size(), both.toString());
      greetingKey =
          both.stream().filter(k -> readString(k).contains("-greeting")).findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(greetingKey, FileTime.from(Instant.now().minus(Duration.ofDays(31))));

    GenerationSwitcher switcher = new GenerationSwitcher(layout);
    GcReport r;
    try (SwitchLock lock = switcher.lock()) {
      r = switcher.collectGarbage(lock, 10);
    }

    assertEquals(1, r.buildOutputsDeleted().size(), r.toString());
    assertTrue(r.buildOutputsDeleted().get(0).toString().endsWith("-greeting"), r.toString());
    Eval second = new Eval();
    second.string(app);
    assertEquals(0, second.builder.buildsRun(), "the check's output was kept");
    second.string("\"${" + GREETING + "}\"");
    assertEquals(1, second.builder.buildsRun(), "the greeting was forgotten, so built again");
  }

  private static String readString(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void build_runsAsNobody_whenTheAgentIsRoot() {
    assumeTrue(isRoot(), "only an agent running as root changes user for its builds");
    Eval e = new Eval();
    assertEquals(
        "65534:65534\n",
        e.string(
            "builtins.readFile (pkgs.runCommand \"uid\" { } ''echo \"$(id -u):$(id -g)\" > $out'')"));
  }

  @Test
  void build_hasNoNetwork() {
    Eval e = new Eval();
    // the only interface is a loopback that is down
    assertEquals(
        "lo\n",
        e.string(
            "builtins.readFile (pkgs.runCommand \"ifaces\" { } "
                + "''tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' > $out'')"));
    EvalException x =
        e.failure(
            "\"${pkgs.runCommand \"fetch\" { } ''exec 3<>/dev/tcp/127.0.0.1/80; touch $out''}\"");
    assertTrue(x.getMessage().contains("Network is unreachable"), x.getMessage());
  }

  @Test
  void failingBuild_showsItsLog_andNamesTheBuilder() {
    Eval e = new Eval();
    EvalException x =
        e.failure(
            "\"${pkgs.runCommand \"broken\" { } ''echo first step; echo doing it >&2; false''}\"");
    String m = x.getMessage();
    assertTrue(
        m.startsWith(
            "pkgs.runCommand 'broken': the builder failed with exit code 1; the end of the build log:\n"),
        m);
    assertTrue(m.endsWith("first step\ndoing it"), m);
  }

  @Test
  void build_withoutOutput_fails() {
    EvalException x =
        new Eval().failure("\"${pkgs.runCommand \"nothing\" { } ''echo no output''}\"");
    assertTrue(x.getMessage().contains("the builder did not create $out"), x.getMessage());
  }

  @Test
  void build_isKilledAtTheTimeLimit() {
    Eval e = new Eval(Duration.ofSeconds(2));
    long start = System.nanoTime();
    EvalException x =
        e.failure("\"${pkgs.runCommand \"slow\" { } ''echo waiting; sleep 60; touch $out''}\"");
    assertTrue(x.getMessage().contains("ran longer than 2 s and was killed"), x.getMessage());
    assertTrue(x.getMessage().endsWith("waiting"), x.getMessage());
    assertTrue(
        System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "the build was not stopped");
  }

  @Test
  void makeWrapper_inNativeBuildInputs_writesNixpkgsWrapper() throws Exception {
    Eval e = new Eval();
    String wrapped =
        e.string(
            "\"${pkgs.runCommand \"echo-wrapped\" { nativeBuildInputs = [ pkgs.makeWrapper ]; } ''\n"
                + "  makeWrapper /usr/bin/env $out/bin/show-env --set GREETING 'hi there' --set-default MODE prod \\\n"
                + "    --prefix PATH : /opt/tools/bin --unset HOME --chdir / --add-flags '-u LANG' --argv0 show\n"
                + "''}/bin/show-env\"");
    String text = e.string("builtins.readFile \"" + wrapped + "\"");
    String bash = hostTree(text, layout, "bash", "bash") + "/bin/bash";
    assertEquals(
        "#! "
            + bash
            + " -e\n"
            + "export GREETING=hi\\ there\n"
            + "export MODE=${MODE-prod}\n"
            + "PATH=${PATH:+:$PATH:}\n"
            + "PATH=${PATH/:\\/opt\\/tools\\/bin:/:}\n"
            + "PATH=/opt/tools/bin$PATH\n"
            + "PATH=${PATH#:}\n"
            + "PATH=${PATH%:}\n"
            + "export PATH\n"
            + "unset HOME\n"
            + "cd /\n"
            + "exec -a show /usr/bin/env -u LANG \"$@\"\n",
        text);
    // the output is in the build cache until a generation needs it in the store
    Process p =
        new ProcessBuilder(e.store.realPath(wrapped).orElseThrow().toString())
            .redirectErrorStream(true)
            .start();
    String env = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor());
    assertTrue(
        env.contains("GREETING=hi there\n")
            && env.contains("MODE=prod\n")
            && !env.contains("HOME="),
        env);
    assertTrue(env.contains("PATH=/opt/tools/bin:"), env);
  }

  @Test
  void wrapProgram_inSymlinkJoin_refersToItsOwnStorePath() {
    Eval e = new Eval();
    String joined =
        e.string(
            "let\n"
                + "  tool = pkgs.writeShellScriptBin \"tool\" \"echo \\\"tool $FLAVOUR\\\"\";\n"
                + "  docs = pkgs.writeTextDir \"share/doc/tool/README\" \"read me\";\n"
                + "in \"${pkgs.symlinkJoin { name = \"tool-wrapped\"; paths = [ tool docs ];\n"
                + "  nativeBuildInputs = [ pkgs.makeWrapper ];\n"
                + "  postBuild = \"wrapProgram $out/bin/tool --set FLAVOUR mint\"; }}\"");
    assertTrue(joined.matches(layout.storeDir() + "/[0-9a-f]{32}-tool-wrapped"), joined);
    String wrapper = e.string("builtins.readFile \"" + joined + "/bin/tool\"");
    assertTrue(
        wrapper.endsWith("exec -a \"$0\" " + joined + "/bin/.tool-wrapped \"$@\"\n"), wrapper);
    assertEquals("read me", e.string("builtins.readFile \"" + joined + "/share/doc/tool/README\""));
  }

  @Test
  void writeShellApplication_writesNixpkgsScript_andChecksItsSyntax() {
    Eval e = new Eval();
    String app =
        e.string(
            "\"${pkgs.writeShellApplication { name = \"greet\"; runtimeInputs = [ pkgs.coreutils ];\n"
                + "  runtimeEnv.GREETING = \"hello world\"; text = \"echo \\\"$GREETING\\\"\"; }}\"");
    String script = e.string("builtins.readFile \"" + app + "/bin/greet\"");
    String coreutils = hostTree(script, layout, "coreutils", "ls") + "/bin";
    assertEquals(
        "#!"
            + hostTree(script, layout, "bash", "bash")
            + "/bin/bash\nset -o errexit\nset -o nounset\nset -o pipefail\n"
            + "GREETING='hello world'\nexport GREETING\n\nexport PATH=\""
            + coreutils
            + ":$PATH\"\n\necho \"$GREETING\"\n",
        script);
    assertEquals(1, e.builder.buildsRun(), "the syntax check is a build");
    EvalException x =
        e.failure("\"${pkgs.writeShellApplication { name = \"bad\"; text = \"if then fi\"; }}\"");
    assertTrue(
        x.getMessage().contains("pkgs.runCommand 'bad-check': the builder failed"), x.getMessage());
    assertTrue(x.getMessage().contains("syntax error"), x.getMessage());
  }

  @Test
  void whatNeedsNix_failsNamingTheBuilder() {
    Eval e = new Eval();
    EvalException x =
        e.failure("\"${pkgs.stdenv.mkDerivation { pname = \"x\"; version = \"1\"; src = ./.; }}\"");
    assertTrue(
        x.getMessage().startsWith("stdenv.mkDerivation 'x-1' needs a Nix builder"), x.getMessage());
    x = e.failure("\"${pkgs.fetchurl { url = \"https://example.org/x\"; hash = \"\"; }}\"");
    assertTrue(x.getMessage().startsWith("pkgs.fetchurl needs a Nix builder"), x.getMessage());
    assertEquals(
        "built\n",
        e.string(
            "builtins.readFile (pkgs.stdenv.mkDerivation { name = \"y\"; "
                + "buildCommand = \"echo built > $out\"; })"));
  }

  @Test
  void makeWrapper_suffixRunAppendFlagsAndEach_behaveAsNixpkgs() {
    Eval e = new Eval();
    String wrapper =
        "pkgs.runCommand \"args\" { nativeBuildInputs = [ pkgs.makeWrapper ]; } ''\n"
            + "  mkdir -p $out/bin\n"
            + "  printf '#!/bin/sh\\necho \"$*|$XDG|$P\"\\n' > $out/bin/show; chmod +x $out/bin/show\n"
            + "  makeWrapper $out/bin/show $out/bin/w --suffix XDG : /b --suffix XDG : /a --prefix-each P , 'x y' \\\n"
            + "    --run 'export P=\"$P,ran\"' --add-flag 'one two' --append-flags '--last' --inherit-argv0\n"
            + "''";
    // run by another build, which has it in the store: an existing /a moves to the end, /b is added
    // once,
    // x moves to the front, --run comes after the variables
    assertEquals(
        "one two --last|/c:/b:/a|y,x,old,ran\n",
        e.string(
            "let w = "
                + wrapper
                + "; in builtins.readFile ("
                + "pkgs.runCommand \"ran\" { } ''XDG=/a:/c P=x,old ${w}/bin/w > $out'')"));
  }

  @Test
  void makeWrapper_unknownFlag_failsTheBuild() {
    EvalException x =
        new Eval()
            .failure(
                "\"${pkgs.runCommand \"bad\" { nativeBuildInputs = [ pkgs.makeWrapper ]; } "
                    + "''makeWrapper /usr/bin/env $out --frobnicate''}\"");
    assertTrue(
        x.getMessage().endsWith("makeWrapper: unknown argument '--frobnicate'"), x.getMessage());
  }

  @Test
  void symlinkJoin_mergesDirectories_andTheFirstPathWins() {
    Eval e = new Eval();
    String j =
        e.string(
            "\"${pkgs.symlinkJoin { name = \"both\"; paths = [\n"
                + "  (pkgs.writeShellScriptBin \"a\" \"echo first a\")\n"
                + "  (pkgs.writeShellScriptBin \"b\" \"echo b\")\n"
                + "  (pkgs.runCommand \"a2\" { } \"mkdir -p $out/bin; echo second > $out/bin/a\")\n"
                + "]; }}\"");
    assertTrue(e.string("builtins.readFile \"" + j + "/bin/a\"").endsWith("echo first a"));
    assertTrue(e.string("builtins.readFile \"" + j + "/bin/b\"").endsWith("echo b"));
    assertEquals("directory", e.string("builtins.readFileType \"" + j + "/bin\""));
    assertEquals("symlink", e.string("builtins.readFileType \"" + j + "/bin/a\""));
  }

  @Test
  void substituteInPlace_replacesOrFailsAsNixpkgs() {
    Eval e = new Eval();
    assertEquals(
        "listen 8080 on @host@\n",
        e.string(
            "builtins.readFile (pkgs.runCommand \"conf\" { port = \"8080\"; } ''\n"
                + "  echo 'listen @port@ on @host@' > $out\n"
                + "  substituteInPlace $out --subst-var port --replace-warn missing nothing\n"
                + "'')"));
    EvalException x =
        e.failure(
            "\"${pkgs.runCommand \"conf2\" { } "
                + "''echo a > $out; substituteInPlace $out --replace-fail b c''}\"");
    assertTrue(
        x.getMessage()
            .contains("substitute(): ERROR: pattern 'b' doesn't match anything in file '"),
        x.getMessage());
  }

  @Test
  void badNameOrVariable_failsAsAnEvaluationError() {
    Eval e = new Eval();
    EvalException x = e.failure("\"${pkgs.runCommand \"my tool\" { } \"touch $out\"}\"");
    assertTrue(x.getMessage().startsWith("pkgs.runCommand 'my tool': "), x.getMessage());
    x = e.failure("\"${pkgs.runCommand \"tool\" { \"A=B\" = \"1\"; } \"touch $out\"}\"");
    assertEquals(
        "pkgs.runCommand 'tool': 'A=B' cannot be the name of an environment variable",
        x.getMessage());
    assertEquals(0, e.builder.buildsRun());
  }

  @Test
  void abandonedBuildDirectories_areRemoved_byTheNextBuild() throws IOException {
    Path work = Files.createDirectories(tmp.resolve("state/builds"));
    Path old = Files.createDirectories(work.resolve("0123456789abcdef/build"));
    Files.setLastModifiedTime(
        work.resolve("0123456789abcdef"), java.nio.file.attribute.FileTime.fromMillis(0));
    Path recent = Files.createDirectories(work.resolve("fedcba9876543210"));
    new Eval().string("\"${" + GREETING + "}\"");
    assertTrue(Files.notExists(old.getParent()), "an abandoned build directory is left");
    assertTrue(Files.exists(recent), "a build directory that may still be in use was removed");
  }

  @Test
  void storeClosedToOthers_failsNamingTheDirectory() throws IOException {
    assumeTrue(isRoot(), "only an agent running as root builds as nobody");
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
    EvalException x = new Eval().failure("\"${" + GREETING + "}\"");
    assertTrue(
        x.getMessage()
            .startsWith(
                "pkgs.runCommand 'greeting': builds run as nobody, which cannot pass through "
                    + tmp
                    + " (mode 0700)"),
        x.getMessage());
  }
}
