package org.modsvc.switcher.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.source.Source;
import org.modsvc.nix.store.MemoryStore;
import org.modsvc.nix.value.Value;
import org.modsvc.switcher.unit.UnitLine;

class OutputDecoderTest {
  private static Value eval(String nix) {
    EvalState st =
        org.modsvc.nix.Evaluation.builder()
            .store(new MemoryStore("/nix/store"))
            .searchPath(List.of())
            .homeDir(Path.of("/"))
            .experimentalFeatures(Set.of())
            .diagnostics(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .start()
            .state();
    return st.evalSource(Source.ofString("«test»", nix, Path.of("/")));
  }

  @Test
  void decode_readsUnitsConfigDataAssertionsAndWarnings() {
    BuildOutput out =
        OutputDecoder.decode(
            eval(
                """
        { units."foo.service" = { kind = "service"; origin = "system.services.foo"; masked = false;
            aliases = [ "bar.service" ]; wantedBy = [ "multi-user.target" ]; requiredBy = [ ]; upheldBy = [ ]; sections = [ "Service" ];
            lines = [ { section = "Service"; key = "ExecStart"; value = "\\"/bin/x\\""; } ]; };
          configData = [ { service = "foo"; path = "/etc/system-services/foo/a"; source = "/nix/store/h-a"; } ];
          failedAssertions = [ ]; warnings = [ "in system.services.foo: w" ]; }
        """));
    assertEquals(1, out.units().size());
    UnitSpec u = out.units().get(0);
    assertEquals("foo.service", u.name());
    assertEquals(List.of("bar.service"), u.aliases());
    assertEquals(List.of(new UnitLine("Service", "ExecStart", "\"/bin/x\"")), u.lines());
    assertEquals(
        List.of(new ConfigDataLink("foo", "/etc/system-services/foo/a", "/nix/store/h-a")),
        out.configData());
    assertEquals(List.of("in system.services.foo: w"), out.warnings());
  }

  @Test
  void decode_reportsWhereTheShapeIsWrong() {
    BuildException e =
        assertThrows(
            BuildException.class,
            () ->
                OutputDecoder.decode(
                    eval(
                        "{ units.\"a.service\" = { kind = \"service\"; origin = \"o\"; masked = 1; aliases = []; wantedBy = []; requiredBy = []; upheldBy = []; sections = []; lines = []; }; configData = []; "
                            + "failedAssertions = []; warnings = []; }")));
    assertTrue(
        e.getMessage().contains("units.a.service.masked is of type int, expected a Boolean"),
        e.getMessage());
  }
}
