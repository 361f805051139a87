package org.modsvc.nix.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expected paths and ATerms come from nix-instantiate 2.8 and the .drv files it wrote. */
class DerivationsTest {
  private static final String FILE_TXT = "/nix/store/qjqcrhqkjmdgv3yqcgcd9fa7qi234hga-file.txt";
  private static final String DIR = "/nix/store/n8mrikmc9fm4di60bjl3wp85jqa11pcg-dir";
  private static final String T = "/nix/store/n67lcg14n0q7xc51d5sm6j6i40kpnvfk-t";
  private static final String EMPTY_SRI = "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";

  private final DerivationRegistry registry = new DerivationRegistry(StorePaths.DEFAULT);

  private static Map<String, String> env(String name, String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("system", "x86_64-linux");
    m.put("builder", "/bin/sh");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private Derivations.Instantiated drv(Map<String, String> env) {
    return drv(env, List.of(), Map.of(), Set.of());
  }

  private Derivations.Instantiated drv(
      Map<String, String> env,
      List<String> args,
      Map<String, Set<String>> inputDrvs,
      Set<String> inputSrcs) {
    return registry.instantiate(
        DerivationRequest.fromEnv(env.get("name"), env, args, inputDrvs, inputSrcs));
  }

  private Derivations.Instantiated a() {
    return drv(env("a"));
  }

  private Derivations.Instantiated multi() {
    return drv(
        env("multi", "outputs", "out dev bin"),
        List.of("-c", "echo \"q\"\n\ttab\\ " + FILE_TXT),
        Map.of(),
        Set.of(FILE_TXT));
  }

  private Derivations.Instantiated dep() {
    Derivations.Instantiated a = a();
    Derivations.Instantiated multi = multi();
    Map<String, String> outs = multi.outputPaths();
    return drv(
        env("dep", "src", DIR, "txt", T),
        List.of("-c", a.outputPaths().get("out") + " " + outs.get("dev") + " " + outs.get("bin")),
        Map.of(a.drvPath(), Set.of("out"), multi.drvPath(), Set.of("dev", "bin")),
        Set.of(DIR, T));
  }

  private Derivations.Instantiated fod() {
    return drv(env("fod", "outputHash", EMPTY_SRI, "outputHashMode", "recursive"));
  }

  private Derivations.Instantiated fodflat() {
    return drv(
        env(
            "fodflat",
            "outputHashAlgo",
            "sha256",
            "outputHash",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
  }

  private Derivations.Instantiated fod2() {
    Map<String, String> e =
        env(
            "fod2",
            "outputHashMode",
            "flat",
            "outputHash",
            "sha256:0mdqa9w1p6cmli6976v4wi0sw9r4p5prkj7lzfd1877wk11c9c73");
    e.put("builder", "/bin/bash");
    return drv(e);
  }

  @Test
  void instantiate_matchesNix_forMinimalDerivation() {
    Derivations.Instantiated r = a();
    assertEquals("/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-a.drv", r.drvPath());
    assertEquals(Map.of("out", "/nix/store/f37kxm5wf98b2s839zaiybv38zil0s40-a"), r.outputPaths());
    assertEquals(
        "Derive([(\"out\",\"/nix/store/f37kxm5wf98b2s839zaiybv38zil0s40-a\",\"\",\"\")],[],[],"
            + "\"x86_64-linux\",\"/bin/sh\",[],[(\"builder\",\"/bin/sh\"),(\"name\",\"a\"),(\"out\","
            + "\"/nix/store/f37kxm5wf98b2s839zaiybv38zil0s40-a\"),(\"system\",\"x86_64-linux\")])",
        r.derivation().toATerm());
  }

  @Test
  void instantiate_usesStoreDir() {
    Derivations.Instantiated r =
        Derivations.instantiate(
            DerivationRequest.fromEnv("a", env("a"), List.of(), Map.of(), Set.of()),
            new StorePaths("/tmp/xstore"),
            p -> null);
    assertEquals("/tmp/xstore/rnmkj9z63b9dfgnqgnnr3jdv6zfg718m-a.drv", r.drvPath());
    assertEquals("/tmp/xstore/0sb9v0v3lkylp2v2llggb1mfblsl49zp-a", r.outputPaths().get("out"));
  }

  @Test
  void instantiate_matchesNix_forMultipleOutputsAndEscapedArgs() {
    Derivations.Instantiated r = multi();
    assertEquals("/nix/store/zl5q2vyimdai7r0cda4ka840pz1ymlfh-multi.drv", r.drvPath());
    assertEquals(List.of("bin", "dev", "out"), List.copyOf(r.outputPaths().keySet()));
    assertEquals("/nix/store/3p49n9yrw4h5h2zy5gi8rvfpbyqh0802-multi", r.outputPaths().get("out"));
    assertEquals(
        "/nix/store/fi5dhnqn49bnz285s88y5ixhlmrk3s6a-multi-dev", r.outputPaths().get("dev"));
    assertEquals(
        "/nix/store/nbphf9irjc6ajynq43ia4gxz0gxfsb29-multi-bin", r.outputPaths().get("bin"));
    assertTrue(
        r.derivation()
            .toATerm()
            .contains("[\"-c\",\"echo \\\"q\\\"\\n\\ttab\\\\ " + FILE_TXT + "\"]"));
  }

  @Test
  void instantiate_matchesNix_forDerivationWithInputDerivations() {
    Derivations.Instantiated r = dep();
    assertEquals("/nix/store/iz26q3g22qq8c09v9rja7d9bvcdy32jf-dep.drv", r.drvPath());
    assertEquals("/nix/store/23vl1qx5w6ja74dkc8p2ca6pjp53w1i9-dep", r.outputPaths().get("out"));
    assertTrue(
        r.derivation()
            .toATerm()
            .startsWith(
                "Derive([(\"out\","
                    + "\"/nix/store/23vl1qx5w6ja74dkc8p2ca6pjp53w1i9-dep\",\"\",\"\")],"
                    + "[(\"/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-a.drv\",[\"out\"]),"
                    + "(\"/nix/store/zl5q2vyimdai7r0cda4ka840pz1ymlfh-multi.drv\",[\"bin\",\"dev\"])],"
                    + "[\""
                    + T
                    + "\",\""
                    + DIR
                    + "\"],"));
  }

  @Test
  void instantiate_matchesNix_forRecursiveFixedOutputWithSriHash() {
    Derivations.Instantiated r = fod();
    assertEquals("/nix/store/3c0wb0bc87mrjlxp75dzgkb5svsw6rdv-fod.drv", r.drvPath());
    assertEquals("/nix/store/awyplyl8y8yhm3g2ds39a7lg4w2x98lk-fod", r.outputPaths().get("out"));
    assertTrue(
        r.derivation()
            .toATerm()
            .startsWith(
                "Derive([(\"out\","
                    + "\"/nix/store/awyplyl8y8yhm3g2ds39a7lg4w2x98lk-fod\",\"r:sha256\","
                    + "\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\")]"));
  }

  @Test
  void instantiate_matchesNix_forFlatFixedOutputs() {
    assertEquals(
        "/nix/store/7q1h640cci469ni4lkbsi5zafk20vyyr-fodflat", fodflat().outputPaths().get("out"));
    assertEquals("/nix/store/vbb21b6vvccmh5lzc69zv3s475kcq944-fodflat.drv", fodflat().drvPath());
    assertEquals(
        "/nix/store/c52ad0ig72gcgprfpjhiiiix2jg3wj7v-fod2", fod2().outputPaths().get("out"));
    assertEquals("/nix/store/wadnj6yvhj0zxr9y44aszzpmnfxf6b2w-fod2.drv", fod2().drvPath());
  }

  @Test
  void instantiate_matchesNix_forRecursiveSha1FixedOutput() {
    Derivations.Instantiated r =
        drv(
            env(
                "fodsha1",
                "outputHashAlgo",
                "sha1",
                "outputHash",
                "143xibwh31h9bvxzalr0sjvbbvpa6ffs",
                "outputHashMode",
                "recursive"));
    assertEquals("/nix/store/cj6lhhsxwvzg55z1fkh1lz6bgdmg3c48-fodsha1", r.outputPaths().get("out"));
    assertTrue(
        r.derivation()
            .toATerm()
            .contains("\"r:sha1\",\"da39a3ee5e6b4b0d3255bfef95601890afd80709\""));
  }

  @Test
  void instantiate_matchesNix_forEmptyOutputHash() {
    Derivations.Instantiated r =
        drv(
            env(
                "emptyhash",
                "outputHashAlgo",
                "sha256",
                "outputHash",
                "",
                "outputHashMode",
                "recursive"));
    assertEquals("/nix/store/mn3y8rq8gq44lwfq2xwxhj4z6s7zh95y-emptyhash.drv", r.drvPath());
    assertEquals(
        "/nix/store/53b4af9fgzdxmnhqd31plqcn1nnr1ijq-emptyhash", r.outputPaths().get("out"));
  }

  @Test
  void instantiate_hashesFixedOutputInputsModulo() {
    Derivations.Instantiated dep = dep();
    Derivations.Instantiated fod = fod();
    Derivations.Instantiated fodflat = fodflat();
    Derivations.Instantiated fod2 = fod2();
    Derivations.Instantiated r =
        drv(
            env(
                "usesFod",
                "x",
                fod.outputPaths().get("out"),
                "y",
                fod2.outputPaths().get("out"),
                "z",
                fodflat.outputPaths().get("out"),
                "w",
                dep.outputPaths().get("out")),
            List.of(),
            Map.of(
                fod.drvPath(),
                Set.of("out"),
                dep.drvPath(),
                Set.of("out"),
                fodflat.drvPath(),
                Set.of("out"),
                fod2.drvPath(),
                Set.of("out")),
            Set.of());
    assertEquals("/nix/store/n3wp9v8yksx6jxp832g865yfncnj8lnv-usesFod", r.outputPaths().get("out"));
  }

  @Test
  void instantiate_mergesInputsWithEqualHashModulo() {
    Map<String, String> e1 = env("same", "outputHash", EMPTY_SRI);
    Map<String, String> e2 = env("same", "outputHash", EMPTY_SRI);
    e2.put("builder", "/bin/bash");
    Derivations.Instantiated s1 = drv(e1);
    Derivations.Instantiated s2 = drv(e2);
    assertEquals("/nix/store/j2gkx2qmn00g87za0czx565rhicwlssp-same.drv", s1.drvPath());
    assertEquals("/nix/store/asib8xrvrzwqh3dfwg844cxfj9ivn24g-same.drv", s2.drvPath());
    assertArrayEquals(registry.apply(s1.drvPath()), registry.apply(s2.drvPath()));
    String out = s1.outputPaths().get("out");
    Derivations.Instantiated user =
        drv(
            env("user", "s1", out, "s2", out),
            List.of(),
            Map.of(s1.drvPath(), Set.of("out"), s2.drvPath(), Set.of("out")),
            Set.of());
    assertEquals("/nix/store/y59jhl8hqi974nwl2dahj010dhga3nlp-user.drv", user.drvPath());
    assertEquals("/nix/store/53a2r2kmn9k8b0c4zsfc6x9mhxsa66v1-user", user.outputPaths().get("out"));
  }

  @Test
  void instantiate_matchesNix_forCoercedAttributesAndOutputOrder() {
    Derivations.Instantiated r =
        drv(
            env(
                "misc",
                "i",
                "42",
                "b",
                "1",
                "f",
                "",
                "n",
                "",
                "l",
                "1 two 3  1 ",
                "fl",
                "1.500000",
                "outputs",
                "lib out",
                "p",
                FILE_TXT),
            List.of(),
            Map.of(),
            Set.of(FILE_TXT));
    assertEquals("/nix/store/4kj0sysx1prn6rc0cb85apn9a0hfjdjc-misc.drv", r.drvPath());
    assertEquals(
        "/nix/store/ijl9a7b2yjdkf7bgbx3nzjcklp2vfma8-misc-lib", r.outputPaths().get("lib"));
    assertEquals("/nix/store/14y8g70jk3qh38sj8mi2pybk77lzgf7k-misc", r.outputPaths().get("out"));
  }

  @Test
  void instantiate_ordersEnvironmentByUtf8Bytes() {
    Derivations.Instantiated r =
        drv(env("uni", "ü", "ö€😀", "z", "u00e9", "é", "1", "😀", "2", "ｚ", "3"));
    assertEquals("/nix/store/xgip7dlcpjxw76ps4s7bsap6h1s8ycvc-uni.drv", r.drvPath());
    assertEquals("/nix/store/y5g6bb40h63hdhnmibq0ypf1502d5h0c-uni", r.outputPaths().get("out"));
    assertTrue(
        r.derivation()
            .toATerm()
            .endsWith(
                "(\"z\",\"u00e9\"),(\"é\",\"1\"),(\"ü\",\"ö€😀\"),(\"ｚ\",\"3\"),(\"😀\",\"2\")])"));
  }

  @Test
  void instantiate_matchesNix_forStructuredAttrs() {
    Derivations.Instantiated a = a();
    String json =
        "{\"builder\":\"/bin/sh\",\"dep\":\"/nix/store/f37kxm5wf98b2s839zaiybv38zil0s40-a\","
            + "\"i\":42,\"l\":[1,\"two\"],\"name\":\"sa\",\"outputs\":[\"out\",\"doc\"],"
            + "\"s\":\"a\\\"b\\n\",\"system\":\"x86_64-linux\"}";
    Derivations.Instantiated r =
        registry.instantiate(
            new DerivationRequest(
                "sa",
                "/bin/sh",
                "x86_64-linux",
                List.of(),
                Map.of(),
                List.of("out", "doc"),
                Map.of(a.drvPath(), Set.of("out")),
                Set.of(),
                null,
                null,
                null,
                json));
    assertEquals("/nix/store/28fvvqdrj1akfcjky6j5jhmxnln2n8sy-sa.drv", r.drvPath());
    assertEquals("/nix/store/lghnzn8ga6is8v01wqgl7bj50k42vqmb-sa", r.outputPaths().get("out"));
    assertEquals("/nix/store/7s3cyw5x08795i2q0c6137h5mkgq2yfv-sa-doc", r.outputPaths().get("doc"));
  }

  @Test
  void instantiate_matchesCorpus_forDerivationLegacy() {
    String json =
        "{\"allowedReferences\":[],\"allowedRequisites\":[],\"builder\":\"/dontcare\","
            + "\"disallowedReferences\":[],\"disallowedRequisites\":[],\"maxClosureSize\":12345,"
            + "\"maxSize\":1234,\"name\":\"eval-okay-derivation-legacy\",\"system\":\"x86_64-linux\"}";
    Derivations.Instantiated r =
        registry.instantiate(
            new DerivationRequest(
                "eval-okay-derivation-legacy",
                "/dontcare",
                "x86_64-linux",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                json));
    assertEquals(
        "/nix/store/mzgwvrjjir216ra58mwwizi8wj6y9ddr-eval-okay-derivation-legacy",
        r.outputPaths().get("out"));
  }

  @Test
  void instantiate_textModeFixedOutput_isTextPath() {
    Derivations.Instantiated r = drv(env("t", "outputHash", EMPTY_SRI, "outputHashMode", "text"));
    assertEquals(StorePaths.DEFAULT.makeTextPath("t", "", Set.of()), r.outputPaths().get("out"));
    assertTrue(r.derivation().toATerm().contains("\"text:sha256\""));
  }

  @Test
  void instantiate_rejectsInvalidName_withCorpusMessage() {
    assertEquals(
        "invalid derivation name: name '~jiggle~' contains illegal character '~'. Please"
            + " pass a different 'name'.",
        error(env("~jiggle~")));
  }

  @Test
  void instantiate_rejectsMissingBuilder() {
    Map<String, String> e = env("foo");
    e.remove("builder");
    assertEquals("required attribute 'builder' missing", error(e));
  }

  @Test
  void instantiate_rejectsMissingSystem() {
    Map<String, String> e = env("foo");
    e.remove("system");
    assertEquals("required attribute 'system' missing", error(e));
  }

  @Test
  void instantiate_rejectsDrvSuffixedName() {
    assertEquals(
        "derivation names are allowed to end in '.drv' only if they produce a single"
            + " derivation file",
        error(env("foo.drv")));
  }

  @Test
  void instantiate_rejectsInvalidOutputHashMode() {
    assertEquals(
        "invalid value 'custom' for 'outputHashMode' attribute",
        error(env("foo", "outputHashMode", "custom")));
  }

  @Test
  void instantiate_rejectsFixedOutputWithSeveralOutputs() {
    assertEquals(
        "multiple outputs are not supported in fixed-output derivations",
        error(env("foo", "outputHash", EMPTY_SRI, "outputs", "out dev")));
  }

  @Test
  void instantiate_rejectsOutputHashWithoutAlgo() {
    assertEquals(
        "hash 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' does not"
            + " include a type, nor is the type otherwise known from context",
        error(
            env(
                "foo",
                "outputHash",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")));
  }

  @Test
  void instantiate_rejectsUnknownInputDerivation() {
    StoreException e =
        assertThrows(
            StoreException.class,
            () ->
                drv(
                    env("x"),
                    List.of(),
                    Map.of("/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-zz.drv", Set.of("out")),
                    Set.of()));
    assertEquals(
        "cannot compute the hash of unknown derivation"
            + " '/nix/store/7g5giqf764p3y3zv7a8rqsy9sqqq5kw4-zz.drv'",
        e.getMessage());
  }

  @Test
  void checkOutputNames_rejectsDuplicates() {
    assertEquals("duplicate derivation output 'out'", outputsError(List.of("out", "out")));
  }

  @Test
  void checkOutputNames_rejectsDrvPath() {
    assertEquals("invalid derivation output name 'drvPath'", outputsError(List.of("drvPath")));
  }

  @Test
  void checkOutputNames_rejectsEmptyList() {
    assertEquals("derivation cannot have an empty set of outputs", outputsError(List.of()));
  }

  @Test
  void placeholder_matchesNix() {
    assertEquals(
        "/1rz4g4znpzjwh1xymhjpm42vipw92pr73vdgl6xs1hycac8kf2n9", Derivations.placeholder("out"));
    assertEquals(
        "/02qcpld1y6xhs5gz9bchpxaw0xdhmsp5dv88lh25r2ss44kh8dxz", Derivations.placeholder("dev"));
  }

  @Test
  void tokenize_splitsOnWhitespaceAndDropsEmpties() {
    assertEquals(List.of("out", "dev", "bin"), DerivationRequest.tokenize(" out\tdev\n\r bin "));
  }

  @Test
  void registry_returnsCreatedDerivation() {
    Derivations.Instantiated r = a();
    assertEquals(r.derivation(), registry.get(r.drvPath()).orElseThrow());
  }

  @Test
  void outputPathName_suffixesNonDefaultOutputs() {
    assertEquals("foo", StorePaths.outputPathName("foo", "out"));
    assertEquals("foo-dev", StorePaths.outputPathName("foo", "dev"));
  }

  private String error(Map<String, String> env) {
    Map<String, String> copy = new HashMap<>(env);
    return assertThrows(StoreException.class, () -> drv(copy)).getMessage();
  }

  private static String outputsError(List<String> outputs) {
    return assertThrows(StoreException.class, () -> Derivations.checkOutputNames(outputs))
        .getMessage();
  }
}
