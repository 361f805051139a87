package org.modsvc.switcher.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnitCatalogTest {
  private static UnitName n(String name) {
    return UnitName.of(name);
  }

  @Test
  void appliesDropInsInFileNameOrder_whenAddedOutOfOrder() {
    UnitCatalog catalog =
        UnitCatalog.builder()
            .unit("a.service", "[Service]\nExecStart=/base\nUser=base\n")
            .dropIn("a.service", "20-late.conf", "[Service]\nUser=late\n")
            .dropIn("a.service", "10-early.conf", "[Service]\nUser=early\n")
            .build();
    assertEquals(
        List.of("base", "early", "late"),
        catalog.resolve(n("a.service")).orElseThrow().values("Service", "User"));
  }

  @Test
  void dropInResetClearsValuesOfTheBaseFile() {
    UnitCatalog catalog =
        UnitCatalog.builder()
            .unit("a.service", "[Service]\nExecStart=/base\n")
            .dropIn("a.service", "override.conf", "[Service]\nExecStart=\nExecStart=/override\n")
            .build();
    assertEquals(
        List.of("/override"),
        catalog.resolve(n("a.service")).orElseThrow().values("Service", "ExecStart"));
  }

  @Test
  void instanceUsesTemplateThenTemplateDropInsThenOwnDropIns() {
    UnitCatalog catalog =
        UnitCatalog.builder()
            .unit("inst@.service", "[Service]\nEnvironment=A=template\n")
            .dropIn("inst@.service", "a.conf", "[Service]\nEnvironment=A=template-dropin\n")
            .dropIn("inst@one.service", "a.conf", "[Service]\nEnvironment=A=instance-dropin\n")
            .build();
    assertEquals(
        List.of("A=template", "A=template-dropin", "A=instance-dropin"),
        catalog.resolve(n("inst@one.service")).orElseThrow().values("Service", "Environment"));
  }

  @Test
  void maskedUnitCountsAsAbsent() {
    UnitCatalog catalog =
        UnitCatalog.builder().unit("a.service", "[Service]\nA=1\n").mask("a.service").build();
    assertFalse(catalog.hasFile(n("a.service")));
    assertEquals(Optional.empty(), catalog.resolve(n("a.service")));
  }

  @Test
  void builderRejectsHostileNames() {
    assertThrows(
        InvalidUnitNameException.class, () -> UnitCatalog.builder().unit("../x", "[Unit]\n"));
    assertThrows(
        IllegalArgumentException.class,
        () -> UnitCatalog.builder().dropIn("a.service", "../evil.conf", "[Unit]\n"));
  }

  @Test
  void readsUnitsDropInsWantsAndMasksFromADirectory(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.service"), "[Service]\nExecStart=/a\n");
    Files.createDirectories(dir.resolve("a.service.d"));
    Files.writeString(dir.resolve("a.service.d/50-x.conf"), "[Service]\nUser=x\n");
    Files.writeString(dir.resolve("a.service.d/ignored.txt"), "not a drop-in");
    Files.createDirectories(dir.resolve("multi-user.target.wants"));
    Files.createSymbolicLink(
        dir.resolve("multi-user.target.wants/a.service"), Path.of("../a.service"));
    Files.createSymbolicLink(dir.resolve("b.service"), Path.of("/dev/null"));
    Files.writeString(dir.resolve("README"), "not a unit");

    UnitCatalog catalog = UnitDirectoryReader.read(dir);

    assertEquals(Set.of(n("a.service")), catalog.unitNames());
    assertEquals(
        List.of("x"), catalog.resolve(n("a.service")).orElseThrow().values("Service", "User"));
    assertEquals(Set.of(n("multi-user.target")), catalog.targetsWanting(n("a.service")));
    assertTrue(catalog.masked().contains(n("b.service")));
  }

  @Test
  void readingReportsFileAndLine_whenAUnitIsMalformed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.service"), "[Service]\noops\n");
    UnitFileException expected =
        assertThrows(UnitFileException.class, () -> UnitDirectoryReader.read(dir));
    assertEquals(dir.resolve("a.service") + ":2: missing '=' in 'oops'", expected.getMessage());
  }
}
