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
    return new PkgsFixture(List.of(PkgsFixture.binDir(tmp.resolve("a"), "mpd"),
        PkgsFixture.binDir(tmp.resolve("b"), "mpd", "nginx", "bash", "systemctl", "ls")));
  }

  @Test
  void outPath_isPrefixOfBinDirectory_whenProgramOnPath() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("\"" + tmp.resolve("b") + "/bin/nginx\"", f.eval("\"${pkgs.nginx}/bin/nginx\""));
  }

  @Test
  void outPath_isFirstMatch_whenProgramInSeveralDirectories() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("\"" + tmp.resolve("a") + "\"", f.eval("pkgs.mpd.outPath"));
  }

  @Test
  void package_isShapedLikeADerivation() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("[ \"derivation\" \"mpd\" \"mpd\" \"mpd\" ]",
        f.eval("[ pkgs.mpd.type pkgs.mpd.name pkgs.mpd.pname pkgs.mpd.meta.mainProgram ]"));
  }

  @Test
  void getExeStyleUse_givesProgramPath() throws Exception {
    PkgsFixture f = twoPrefixes();
    // What nixpkgs' lib.getExe does: "${lib.getBin x}/bin/${x.meta.mainProgram}", getBin falling back to x.
    assertEquals("\"" + tmp.resolve("a") + "/bin/mpd\"",
        f.eval("let x = pkgs.mpd; bin = x.bin or x.out or x; in \"${bin}/bin/${x.meta.mainProgram}\""));
  }

  @Test
  void getExe_fromNixpkgsLib_givesProgramPath() throws Exception {
    PkgsFixture f = PkgsFixture.withNixpkgsLib(List.of(PkgsFixture.binDir(tmp.resolve("a"), "mpd")));
    assertEquals("\"" + tmp.resolve("a") + "/bin/mpd\"", f.eval("lib.getExe pkgs.mpd"));
  }

  @Test
  void missingProgram_isAnErrorNamingPackageAndPath_whenPathUsed() throws Exception {
    PkgsFixture f = twoPrefixes();
    EvalException e = assertThrows(EvalException.class, () -> f.eval("\"${pkgs.absent}/bin/absent\""));
    assertTrue(e.getMessage().contains("package 'absent' is not installed on this host"), e.getMessage());
    assertTrue(e.getMessage().contains(tmp.resolve("a/bin") + ":" + tmp.resolve("b/bin")), e.getMessage());
  }

  @Test
  void missingProgram_isNoError_untilPathUsed() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("[ \"absent\" true ]", f.eval("[ pkgs.absent.name (pkgs.absent ? outPath) ]"));
  }

  @Test
  void missingProgram_mentionsSbin_whenOnlyThere() throws Exception {
    Path sbin = Files.createDirectories(tmp.resolve("c/sbin"));
    Files.copy(PkgsFixture.binDir(tmp.resolve("d"), "sshd").resolve("sshd"), sbin.resolve("sshd"),
        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    PkgsFixture f = new PkgsFixture(List.of(sbin));
    EvalException e = assertThrows(EvalException.class, () -> f.eval("pkgs.sshd.outPath"));
    assertTrue(e.getMessage().contains("found " + sbin.resolve("sshd")), e.getMessage());
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
    assertEquals("[ true true true ]",
        f.eval("[ (pkgs ? mpd) (pkgs ? absent) (builtins.hasAttr \"whatever\" pkgs) ]"));
  }

  @Test
  void markerNames_areNotPackages_soPkgsIsNotADerivation() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("[ false false false false ]",
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
  void aliases_resolveThroughTheirMainProgram() throws Exception {
    PkgsFixture f = twoPrefixes();
    String b = tmp.resolve("b").toString();
    assertEquals("[ \"" + b + "\" \"" + b + "\" \"" + b + "\" \"/bin/sh\" \"systemctl\" ]",
        f.eval("[ \"${pkgs.systemd}\" \"${pkgs.coreutils}\" \"${pkgs.bash}\" pkgs.runtimeShell"
            + " pkgs.systemd.meta.mainProgram ]"));
  }

  @Test
  void lib_isTheLibPassedIn() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("{ }", f.eval("pkgs.lib"));
  }

  @Test
  void stdenv_describesThisLinuxHost() throws Exception {
    PkgsFixture f = twoPrefixes();
    assertEquals("[ true \"" + HostPackages.system() + "\" ]",
        f.eval("[ pkgs.stdenv.isLinux pkgs.stdenv.hostPlatform.system ]"));
  }
}
