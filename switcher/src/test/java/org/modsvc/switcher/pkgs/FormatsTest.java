package org.modsvc.switcher.pkgs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;

class FormatsTest {
  @TempDir Path tmp;

  /** The text of the file {@code pkgs.formats.<format>.generate "out" value} wrote. */
  private static String generated(PkgsFixture f, String format, String value) {
    String path =
        ((NixString)
                Thunk.force(
                    f.value(
                        "\"${(pkgs.formats." + format + ").generate \"out\" (" + value + ")}\"")))
            .value();
    assertTrue(path.startsWith(PkgsFixture.STORE_DIR + "/") && path.endsWith("-out"), path);
    return f.store.textContent(path).orElseThrow();
  }

  private PkgsFixture plain() {
    return PkgsFixture.withModsvcLib(List.of());
  }

  @Test
  void json_isIndentedLikeJq() {
    assertEquals(
        "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": null,\n  \"d\": []\n}\n",
        generated(plain(), "json { }", "{ a = [ 1 \"x\" ]; b = { }; c = null; d = [ ]; }"));
  }

  @Test
  void yaml_isYaml11WithItsDirective_likeRemarshal() {
    assertEquals(
        "%YAML 1.1\n---\nk: true\n'on': 'yes'\n",
        generated(plain(), "yaml { }", "{ k = true; on = \"yes\"; }"));
  }

  @Test
  void yaml12_quotesOnlyWhatYaml12Reads_asAnotherType() {
    assertEquals(
        "on: yes\nv: '1.5'\n",
        generated(plain(), "yaml_1_2 { }", "{ on = \"yes\"; v = \"1.5\"; }"));
  }

  @Test
  void yaml_tags_areRefusedWithTheReason() {
    EvalException e =
        assertThrows(
            EvalException.class, () -> generated(plain(), "yaml_1_2 { tags = true; }", "{ }"));
    assertTrue(e.getMessage().contains("--yaml-tags"), e.getMessage());
  }

  @Test
  void toml_putsPlainKeysFirst_thenTablesInKeyOrder() {
    assertEquals(
        "name = \"x\"\nratio = 2.0\n\n[[peer]]\nhost = \"a\"\n\n[[peer]]\nhost = \"b\"\n"
            + "\n[server]\n\"listen addr\" = \"[::]:80\"\nports = [1, 2]\n",
        generated(
            plain(),
            "toml { }",
            "{ name = \"x\"; ratio = 2.0; server = { ports = [ 1 2 ]; \"listen addr\" = \"[::]:80\"; };"
                + " peer = [ { host = \"a\"; } { host = \"b\"; } ]; }"));
  }

  @Test
  void toml_rejectsNull() {
    EvalException e =
        assertThrows(EvalException.class, () -> generated(plain(), "toml { }", "{ a = null; }"));
    assertTrue(e.getMessage().contains("TOML has no null value"), e.getMessage());
  }

  @Test
  void ini_writesSectionsLikeNixpkgsToINI() {
    assertEquals(
        "[global]\ndaemonize=false\nerror_log=syslog\n\n[www]\npm.max_children=5\n",
        generated(
            plain(),
            "ini { }",
            "{ global = { error_log = \"syslog\"; daemonize = false; }; www = { \"pm.max_children\" = 5; }; }"));
  }

  @Test
  void ini_repeatsKeys_whenListsAsDuplicateKeys() {
    assertEquals(
        "[s]\nk=1\nk=2\n",
        generated(plain(), "ini { listsAsDuplicateKeys = true; }", "{ s.k = [ 1 2 ]; }"));
  }

  @Test
  void keyValue_writesOneLinePerKey_withCustomSeparator() {
    assertEquals(
        "a: 1\nb: x\n",
        generated(
            plain(),
            "keyValue { mkKeyValue = k: v: \"${k}: ${toString v}\"; }",
            "{ a = 1; b = \"x\"; }"));
  }

  @Test
  void keyValue_joinsLists_withListToValue() {
    assertEquals(
        "a=1,2\n",
        generated(
            plain(),
            "keyValue { listToValue = builtins.concatStringsSep \",\" ; }",
            "{ a = [ \"1\" \"2\" ]; }"));
  }

  // ---------------------------------------------------------------- option types, in the module
  // system

  private PkgsFixture withLib() {
    return plain();
  }

  /**
   * Two modules defining parts of one {@code settings} option of the format's type; prints the
   * merge (list definitions come out last module first, as nixpkgs' lib gives).
   */
  private static String merged(PkgsFixture f, String format, String def1, String def2) {
    return f.eval(
        "(lib.evalModules { modules = [ { options.settings = lib.mkOption { type = (pkgs.formats."
            + format
            + ").type; default = { }; }; } { settings = "
            + def1
            + "; } { settings = "
            + def2
            + "; } ]; }).config.settings");
  }

  @Test
  void jsonType_mergesTwoSettingsDefinitions() {
    assertEquals(
        "{ a = { x = 1; y = [ 2 1 ]; }; b = null; }",
        merged(withLib(), "json { }", "{ a.x = 1; a.y = [ 1 ]; }", "{ a.y = [ 2 ]; b = null; }"));
  }

  @Test
  void tomlType_rejectsNull() {
    PkgsFixture f = withLib();
    EvalException e =
        assertThrows(EvalException.class, () -> merged(f, "toml { }", "{ a = null; }", "{ }"));
    assertTrue(e.getMessage().contains("is not of type"), e.getMessage());
  }

  @Test
  void iniType_mergesSections_andDescribesAtoms() {
    PkgsFixture f = withLib();
    assertEquals(
        "{ s = { a = 1; b = true; }; }", merged(f, "ini { }", "{ s.a = 1; }", "{ s.b = true; }"));
    assertEquals(
        "\"attribute set of section of an INI file (attrs of INI atom (null, bool, int, float or string))\"",
        f.eval("(pkgs.formats.ini { }).type.description"));
  }

  @Test
  void keyValueType_coercesAtomsToLists_whenListsAsDuplicateKeys() {
    assertEquals(
        "{ k = [ 2 1 ]; }",
        merged(
            withLib(),
            "keyValue { listsAsDuplicateKeys = true; }",
            "{ k = 1; }",
            "{ k = [ 2 ]; }"));
  }

  @Test
  void yamlType_conflictingAtoms_areAnError() {
    PkgsFixture f = withLib();
    EvalException e =
        assertThrows(EvalException.class, () -> merged(f, "yaml { }", "{ a = 1; }", "{ a = 2; }"));
    assertTrue(e.getMessage().contains("conflicting definition values"), e.getMessage());
  }

  /** Every format's type merges two RFC 42 definitions the way its nixpkgs type does. */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.CsvSource(
      delimiter = '|',
      value = {
        "yaml_1_2 { }|{ a.b = [ 1 ]; }|{ a.c = null; }|{ a = { b = [ 1 ]; c = null; }; }",
        "toml { }|{ a.b = 1.5; }|{ a.c = \"x\"; }|{ a = { b = 1.5; c = \"x\"; }; }",
        "gitIni { }|{ remote.origin.url = \"u\"; }|{ core.bare = false; }|{ core = { bare = false; }; remote = { origin = { url = \"u\"; }; }; }",
        "systemd { }|{ Unit.After = [ \"a\" ]; }|{ Unit.After = [ \"b\" ]; }|{ Unit = { After = [ \"b\" \"a\" ]; }; }",
        "php { }|{ db.port = 1; }|{ db.host = null; }|{ db = { host = null; port = 1; }; }",
        "plist { }|{ a = [ 1 ]; }|{ b = 2.5; }|{ a = [ 1 ]; b = 2.5; }",
        "lua { }|{ a = lib.generators.mkLuaInline \"x\"; }|{ b = null; }|{ a = { _type = \"lua-inline\"; expr = \"x\"; }; b = null; }",
        "lua { asBindings = true; }|{ a = 1; }|{ b.c = [ ]; }|{ a = 1; b = { c = [ ]; }; }",
        "hocon { }|{ a = [ 1 ]; }|{ b.c = null; }|{ a = [ 1 ]; b = { c = null; }; }",
        "libconfig { }|{ a = 1; }|{ b.c = [ true ]; }|{ a = 1; b = { c = [ true ]; }; }",
        "pythonVars { }|{ A = [ 1 ]; }|{ B.c = null; }|{ A = [ 1 ]; B = { c = null; }; }",
        "xml { }|{ r.\"@a\" = 1; }|{ r.b = [ \"x\" ]; }|{ r = { \"@a\" = 1; b = [ \"x\" ]; }; }",
        "javaProperties { }|{ a = true; }|{ b = 1; }|{ a = \"true\"; b = \"1\"; }",
        "elixirConf { }|{ \":app\".\":k\" = [ 1 ]; }|{ \":app\".\":l\".m = null; }|{ \":app\" = { \":k\" = [ 1 ]; \":l\" = { m = null; }; }; }",
        "configobj { }|{ s.a = 1; }|{ s.b = [ \"x\" ]; }|{ s = { a = 1; b = [ \"x\" ]; }; }",
        "cdn { }|{ a = 1; }|{ b = [ { c = 2; } ]; }|{ a = 1; b = [ { c = 2; } ]; }",
        "nixConf { package = null; version = \"2.24\"; }|{ cores = 0; }|{ sandbox = true; }|{ cores = 0; sandbox = true; }",
        "keyValue { listToValue = lib.concatStringsSep \",\"; }|{ a = \"x\"; }|{ a = [ \"y\" ]; }|{ a = [ \"y\" \"x\" ]; }",
      })
  void everyFormatsType_mergesSettings(String format, String def1, String def2, String expected) {
    assertEquals(expected, merged(withLib(), format, def1, def2));
  }

  @Test
  void iniWithGlobalSection_type_isASubmoduleOfSectionsAndGlobalSection() {
    assertEquals(
        "{ globalSection = { a = 1; }; sections = { s = { b = true; }; }; }",
        merged(
            withLib(),
            "iniWithGlobalSection { }",
            "{ globalSection.a = 1; }",
            "{ sections.s.b = true; }"));
  }

  @Test
  void tomlType_rejectsNullWhereNixpkgsDoes_andHoconAcceptsIt() {
    PkgsFixture f = withLib();
    assertThrows(EvalException.class, () -> merged(f, "libconfig { }", "{ a = null; }", "{ }"));
    assertEquals("{ a = null; }", merged(f, "hocon { }", "{ a = null; }", "{ }"));
  }

  @Test
  void builderFormats_refuseValuesTheirToolRefuses_withTheReason() {
    PkgsFixture f = plain();
    EvalException toml = assertThrows(EvalException.class, () -> generated(f, "toml { }", "[ 1 ]"));
    assertTrue(
        toml.getMessage().contains("a TOML document must be an attribute set"), toml.getMessage());
    EvalException xml =
        assertThrows(EvalException.class, () -> generated(f, "xml { }", "{ a = 1; b = 2; }"));
    assertTrue(xml.getMessage().contains("exactly one root element"), xml.getMessage());
    EvalException python =
        assertThrows(EvalException.class, () -> generated(f, "pythonVars { }", "{ \"a-b\" = 1; }"));
    assertTrue(python.getMessage().contains("not a Python variable name"), python.getMessage());
    EvalException libconfig =
        assertThrows(
            EvalException.class, () -> generated(f, "libconfig { }", "{ g = { \"1x\" = 1; }; }"));
    assertTrue(
        libconfig.getMessage().contains("invalid libconfig setting name"), libconfig.getMessage());
  }

  @Test
  void generatedFile_keepsTheStorePathsOfItsValue_asReferences() {
    PkgsFixture f = plain();
    NixString path =
        (NixString)
            Thunk.force(
                f.value(
                    "\"${(pkgs.formats.yaml { }).generate \"out\" { script = pkgs.writeText \"s\" \"x\"; }}\""));
    String script =
        f.store
            .textContent(path.value())
            .orElseThrow()
            .replaceAll("(?s).*script: (\\S+)\n.*", "$1");
    assertTrue(script.startsWith(PkgsFixture.STORE_DIR + "/") && script.endsWith("-s"), script);
    java.util.Set<String> references =
        f.store.objects().stream()
            .filter(
                o ->
                    o instanceof org.modsvc.nix.store.StoreObject.TextFile t
                        && t.storePath().equals(path.value()))
            .map(o -> ((org.modsvc.nix.store.StoreObject.TextFile) o).references())
            .findFirst()
            .orElseThrow();
    assertTrue(references.contains(script), "references of " + path.value() + ": " + references);
  }

  @Test
  void systemd_usedWithoutItsArguments_stillWorks_asNixpkgsKeepsIt() {
    assertEquals(
        "[Unit]\nAfter = a\nAfter = b\n# Before is unset\n",
        generated(plain(), "systemd", "{ Unit = { After = [ \"a\" \"b\" ]; Before = null; }; }"));
  }
}
