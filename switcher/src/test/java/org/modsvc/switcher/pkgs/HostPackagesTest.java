package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.error.EvalException;

class HostPackagesTest {
  @TempDir Path tmp;

  private PkgsFixture twoPrefixes() throws Exception {
    return new PkgsFixture(
        List.of(
            PkgsFixture.binDir(tmp.resolve("a"), "mpd"),
            PkgsFixture.binDir(tmp.resolve("b"), "mpd", "nginx", "bash", "systemctl", "ls")));
  }

  /** The links of the tree a package's outPath names. */
  private static java.util.SortedMap<String, String> links(PkgsFixture f, String outPath) {
    return f.store.objects().stream()
        .filter(o -> o.storePath().equals(outPath))
        .map(o -> ((org.modsvc.nix.store.StoreObject.LinkFarm) o).links())
        .findFirst()
        .orElseThrow();
  }

  private static String unquote(String printed) {
    return printed.substring(1, printed.length() - 1);
  }

  @Test
  void outPath_isAStoreTreeLinkingTheProgram_whenOnlyOnPath() throws Exception {
    PkgsFixture f = twoPrefixes();
    String out = unquote(f.eval("pkgs.nginx.outPath"));
    assertTrue(out.matches("/var/lib/modsvc/store/[0-9a-z]{32}-nginx"), out);
    assertEquals(
        java.util.Map.of("bin/nginx", tmp.resolve("b/bin/nginx").toString()), links(f, out));
    assertEquals("\"" + out + "/bin/nginx\"", f.eval("\"${pkgs.nginx}/bin/nginx\""));
  }

  @Test
  void outPath_linksTheFirstMatch_whenProgramInSeveralDirectories() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals(
        tmp.resolve("a/bin/mpd").toString(),
        links(f, unquote(f.eval("pkgs.mpd.outPath"))).get("bin/mpd"));
  }

  @Test
  void package_isShapedLikeADerivation() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals(
        "[ \"derivation\" \"mpd\" \"mpd\" \"mpd\" ]",
        f.eval("[ pkgs.mpd.type pkgs.mpd.name pkgs.mpd.pname pkgs.mpd.meta.mainProgram ]"));
  }

  @Test
  void getExeStyleUse_givesProgramPath() throws Exception {
    PkgsFixture f = twoPrefixes();
    String out = unquote(f.eval("pkgs.mpd.outPath"));
    // What nixpkgs' lib.getExe does: "${lib.getBin x}/bin/${x.meta.mainProgram}", getBin falling
    // back to x.
    assertEquals(
        "\"" + out + "/bin/mpd\"",
        f.eval(
            "let x = pkgs.mpd; bin = x.bin or x.out or x; in \"${bin}/bin/${x.meta.mainProgram}\""));
  }

  @Test
  void getExe_fromNixpkgsLib_givesProgramPath() throws Exception {
    PkgsFixture f =
        PkgsFixture.withNixpkgsLib(List.of(PkgsFixture.binDir(tmp.resolve("a"), "mpd")));
    assertEquals(
        "\"" + unquote(f.eval("pkgs.mpd.outPath")) + "/bin/mpd\"", f.eval("lib.getExe pkgs.mpd"));
  }

  @Test
  void missingPackage_isAnErrorSayingHowToInstallIt_notAPathReport() throws Exception {
    PkgsFixture f = twoPrefixes();
    EvalException e =
        assertThrows(EvalException.class, () -> f.eval("\"${pkgs.absent}/bin/absent\""));
    assertEquals(
        "package 'absent' (pkgs.absent) is not installed on this host: install it with `apt install absent`,"
            + " or set modsvc.hostPackages.absent.programs.absent to the program's path",
        e.getMessage());
  }

  @Test
  void missingPackage_notInDebian_saysSo() throws Exception {
    PkgsFixture f = twoPrefixes();
    EvalException e = assertThrows(EvalException.class, () -> f.eval("pkgs.easytier.outPath"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "package 'easytier' (pkgs.easytier) is not installed on this host: it is not"
                    + " packaged for Debian and no program 'easytier-core' is on PATH"),
        e.getMessage());
  }

  @Test
  void missingProgram_isNoError_untilPathUsed() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("[ \"absent\" true ]", f.eval("[ pkgs.absent.name (pkgs.absent ? outPath) ]"));
  }

  @Test
  void programInSbinOnPath_isLinkedAsBin() throws Exception {
    Path sbin = PkgsFixture.programDir(tmp.resolve("c/sbin"), "sshd");
    PkgsFixture f = new PkgsFixture(List.of(sbin));
    assertEquals(
        sbin.resolve("sshd").toString(),
        links(f, unquote(f.eval("pkgs.sshd.outPath"))).get("bin/sshd"));
  }

  @Test
  void nonExecutableFile_isNotAPackage() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("e/bin"));
    Files.writeString(bin.resolve("doc"), "not a program");
    PkgsFixture f = new PkgsFixture(List.of(bin));
    assertThrows(EvalException.class, () -> f.eval("pkgs.doc.outPath"));
  }

  @Test
  void hasAttr_isTrue_forAnyPackageName() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals(
        "[ true true true ]",
        f.eval("[ (pkgs ? mpd) (pkgs ? absent) (builtins.hasAttr \"whatever\" pkgs) ]"));
  }

  @Test
  void markerNames_areNotPackages_soPkgsIsNotADerivation() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals(
        "[ false false false false ]",
        f.eval("[ (pkgs ? type) (pkgs ? outPath) (pkgs ? _type) (pkgs ? __functor) ]"));
  }

  @Test
  void attrNames_listsOnlyBuiltInNames() throws Exception {
    PkgsFixture f = twoPrefixes();
    String names = f.eval("builtins.attrNames pkgs");
    assertTrue(names.contains("\"writeText\"") && names.contains("\"formats\""), names);
    assertTrue(!names.contains("\"mpd\""), names);
  }

  @Test
  void samePackage_isOneValue_whenSelectedTwice() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("true", f.eval("pkgs.mpd == pkgs.mpd"));
  }

  @Test
  void aliases_takeTheirFactsFromTheTable() throws Exception {
    PkgsFixture f = twoPrefixes();
    String b = tmp.resolve("b/bin").toString();
    assertEquals(
        b + "/systemctl", links(f, unquote(f.eval("pkgs.systemd.outPath"))).get("bin/systemctl"));
    assertEquals(b + "/ls", links(f, unquote(f.eval("pkgs.coreutils.outPath"))).get("bin/ls"));
    assertEquals(b + "/bash", links(f, unquote(f.eval("pkgs.bash.outPath"))).get("bin/bash"));
    assertEquals(
        "[ \"/bin/sh\" \"systemctl\" false ]",
        f.eval(
            "[ pkgs.runtimeShell pkgs.systemd.meta.mainProgram (pkgs.coreutils.meta ? mainProgram) ]"));
  }

  @Test
  void lib_isTheLibPassedIn() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("{ }", f.eval("pkgs.lib"));
  }

  @Test
  void stdenv_describesThisLinuxHost() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals(
        "[ true \"" + HostPackages.system() + "\" ]",
        f.eval("[ pkgs.stdenv.isLinux pkgs.stdenv.hostPlatform.system ]"));
  }
}
