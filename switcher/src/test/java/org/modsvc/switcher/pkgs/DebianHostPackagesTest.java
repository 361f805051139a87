package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.store.StoreObject;

/**
 * Host packages made from the file lists of Debian packages, in a temporary root holding a fake
 * dpkg database ({@code var/lib/dpkg/info/<package>.list}) and the files it lists; nothing of this
 * machine's own packages is read.
 */
class DebianHostPackagesTest {
  @TempDir Path root;

  /**
   * Installs a package in the fake root: its list, and the listed paths that do not exist yet (a
   * path with a dot as a file, one without as a directory, as dpkg lists both).
   */
  private void install(String listName, String md5sums, String... paths) throws IOException {
    Path info = Files.createDirectories(root.resolve("var/lib/dpkg/info"));
    StringBuilder list = new StringBuilder("/.\n");
    for (String p : paths) {
      list.append(p).append('\n');
      Path onDisk = root.resolve(p.substring(1));
      if (Files.exists(onDisk)) continue;
      if (!p.contains(".")) {
        // A path without a dot names a directory in these fixtures (dpkg lists those too).
        Files.createDirectories(onDisk);
        continue;
      }
      Files.createDirectories(onDisk.getParent());
      Files.writeString(onDisk, "x");
    }
    Files.writeString(info.resolve(listName + ".list"), list.toString());
    if (md5sums != null) Files.writeString(info.resolve(listName + ".md5sums"), md5sums);
  }

  private Path program(String path) throws IOException {
    return PkgsFixture.programDir(
            root.resolve(path.substring(1)).getParent(), Path.of(path).getFileName().toString())
        .resolve(Path.of(path).getFileName().toString());
  }

  private PkgsFixture pkgs(Path... pathDirs) {
    return new PkgsFixture(List.of(pathDirs), root);
  }

  private static SortedMap<String, String> links(PkgsFixture f, String expr) {
    String out = f.eval(expr);
    String path = out.substring(1, out.length() - 1);
    return f.store.objects().stream()
        .filter(o -> o.storePath().equals(path))
        .map(o -> ((StoreObject.LinkFarm) o).links())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void debianPackage_becomesATreeOfItsFiles_withTheProgramFromSbinInBin() throws Exception {
    install(
        "ktls-utils",
        "abc  usr/sbin/tlshd\n",
        "/usr",
        "/usr/sbin",
        "/usr/share",
        "/usr/share/man",
        "/usr/share/man/man8",
        "/usr/share/man/man8/tlshd.8.gz",
        "/etc",
        "/etc/tlshd.conf",
        "/lib/systemd/system/tlshd.service");
    program("/usr/sbin/tlshd");
    Files.writeString(
        root.resolve("var/lib/dpkg/info/ktls-utils.list"),
        "/usr/sbin/tlshd\n",
        java.nio.file.StandardOpenOption.APPEND);
    PkgsFixture f = pkgs();
    assertEquals(
        Map.of(
            "bin/tlshd", "/usr/sbin/tlshd",
            "sbin/tlshd", "/usr/sbin/tlshd",
            "share/man/man8/tlshd.8.gz", "/usr/share/man/man8/tlshd.8.gz",
            "etc/tlshd.conf", "/etc/tlshd.conf",
            "lib/systemd/system/tlshd.service", "/lib/systemd/system/tlshd.service"),
        links(f, "pkgs.ktls-utils.outPath"));
    String out = f.eval("pkgs.ktls-utils.outPath");
    assertEquals(
        out.substring(0, out.length() - 1) + "/bin/tlshd\"",
        f.eval("let x = pkgs.ktls-utils; in \"${x}/bin/${x.meta.mainProgram}\""));
    assertTrue(
        f.store
            .textContent(out.substring(1, out.length() - 1) + "/" + HostPackageTree.ORIGIN_FILE)
            .orElseThrow()
            .startsWith("debian ktls-utils "));
  }

  @Test
  void multiArchList_isFound() throws Exception {
    install("libfoo-bin:amd64", null, "/usr/bin/foo.sh");
    PkgsFixture f = pkgs();
    assertEquals(
        Map.of("bin/foo.sh", "/usr/bin/foo.sh"),
        links(
            f,
            "(pkgs.__withHostPackageOverrides { libfoo-bin.mainProgram = \"foo.sh\"; }).libfoo-bin.outPath"));
  }

  @Test
  void upgrade_changesTheTree_onlyWhenTheFilesChange() throws Exception {
    install("nodejs", "111  usr/bin/node.js\n", "/usr/bin/node.js");
    String before =
        pkgs()
            .eval(
                "(pkgs.__withHostPackageOverrides { nodejs.mainProgram = \"node.js\"; }).nodejs.outPath");
    String again =
        pkgs()
            .eval(
                "(pkgs.__withHostPackageOverrides { nodejs.mainProgram = \"node.js\"; }).nodejs.outPath");
    install("nodejs", "222  usr/bin/node.js\n", "/usr/bin/node.js");
    String after =
        pkgs()
            .eval(
                "(pkgs.__withHostPackageOverrides { nodejs.mainProgram = \"node.js\"; }).nodejs.outPath");
    assertEquals(before, again);
    assertNotEquals(before, after);
  }

  @Test
  void tableFacts_findAVersionedProgramOfAVersionedDebianPackage() throws Exception {
    program("/usr/sbin/php-fpm8.2");
    program("/usr/bin/php8.2");
    install("php8.2-fpm", null, "/usr/sbin/php-fpm8.2", "/usr/share/php8.2-fpm/php-fpm.conf.txt");
    install("php8.2-cli", null, "/usr/bin/php8.2");
    PkgsFixture f = pkgs();
    SortedMap<String, String> links = links(f, "pkgs.php.outPath");
    assertEquals("/usr/sbin/php-fpm8.2", links.get("bin/php-fpm"));
    assertEquals("/usr/bin/php8.2", links.get("bin/php"));
    assertEquals(
        "/usr/share/php8.2-fpm/php-fpm.conf.txt", links.get("share/php8.2-fpm/php-fpm.conf.txt"));
  }

  @Test
  void programsInAPrivateBin_areThePackagesPrograms() throws Exception {
    program("/usr/lib/postgresql/15/bin/postgres");
    program("/usr/lib/postgresql/15/bin/psql");
    install("postgresql-15", null, "/usr/lib/postgresql/15/bin/postgres");
    install("postgresql-client-15", null, "/usr/lib/postgresql/15/bin/psql");
    SortedMap<String, String> links = links(pkgs(), "pkgs.postgresql.outPath");
    assertEquals("/usr/lib/postgresql/15/bin/postgres", links.get("bin/postgres"));
    assertEquals("/usr/lib/postgresql/15/bin/psql", links.get("bin/psql"));
  }

  @Test
  void installedPackageWithoutTheMainProgram_isAnErrorNamingIt() throws Exception {
    install("ktls-utils", null, "/etc/tlshd.conf");
    EvalException e =
        assertThrows(EvalException.class, () -> pkgs().eval("pkgs.ktls-utils.outPath"));
    assertEquals(
        "package 'ktls-utils' (pkgs.ktls-utils) is not installed on this host: the Debian package ktls-utils"
            + " has no program 'tlshd' and none is on PATH; or set modsvc.hostPackages.ktls-utils.programs.tlshd to the"
            + " program's path",
        e.getMessage());
  }

  @Test
  void missingTablePackage_namesTheDebianPackageToInstall() {
    EvalException e =
        assertThrows(EvalException.class, () -> pkgs().eval("pkgs.ktls-utils.outPath"));
    assertTrue(
        e.getMessage()
            .startsWith(
                "package 'ktls-utils' (pkgs.ktls-utils) is not installed on this host: install"
                    + " it with `apt install ktls-utils`"),
        e.getMessage());
  }

  @Test
  void programFoundOnlyOnPath_completesADebianPackage() throws Exception {
    // php's /usr/bin/php is an alternatives link no package lists; PATH has it.
    install("foo", null, "/usr/share/foo/data.txt");
    Path bin = PkgsFixture.binDir(root.resolve("opt/foo"), "foo");
    SortedMap<String, String> links = links(pkgs(bin), "pkgs.foo.outPath");
    assertEquals(
        Map.of(
            "bin/foo",
            bin.resolve("foo").toString(),
            "share/foo/data.txt",
            "/usr/share/foo/data.txt"),
        links);
  }

  @Test
  void overrides_nameTheDebianPackageAndAProgramByPath() throws Exception {
    program("/usr/sbin/php-fpm8.2");
    install("php8.2-fpm", null, "/usr/sbin/php-fpm8.2");
    SortedMap<String, String> links =
        links(
            pkgs(),
            "(pkgs.__withHostPackageOverrides { php = { debian = [ \"php8.2-fpm\" ];"
                + " mainProgram = \"php-fpm\"; programs.php-fpm = [ \"/usr/sbin/php-fpm8.2\" ]; }; }).php.outPath");
    assertEquals("/usr/sbin/php-fpm8.2", links.get("bin/php-fpm"));
  }

  @Test
  void listedPathsThatEscapeOrAreMissing_areSkipped() throws Exception {
    install("xx", null, "/usr/bin/x.sh");
    Files.writeString(
        root.resolve("var/lib/dpkg/info/xx.list"),
        "/usr/bin/../../etc/shadow\n/usr/bin/absent.sh\n",
        java.nio.file.StandardOpenOption.APPEND);
    SortedMap<String, String> links =
        links(
            pkgs(), "(pkgs.__withHostPackageOverrides { xx.mainProgram = \"x.sh\"; }).xx.outPath");
    assertEquals(Map.of("bin/x.sh", "/usr/bin/x.sh"), links);
  }
}
