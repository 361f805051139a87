package org.modsvc.switcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modsvc.switcher.activation.CatalogOfState;
import org.modsvc.switcher.build.BuildException;
import org.modsvc.switcher.fs.HostPath;
import org.modsvc.switcher.generation.DesiredFile;
import org.modsvc.switcher.generation.DesiredState;
import org.modsvc.switcher.generation.Layout;
import org.modsvc.switcher.unit.UnitCatalog;
import org.modsvc.switcher.unit.UnitName;

class UnitDirectorySourceTest {
  @TempDir Path dir;

  private DesiredState build() throws Exception {
    Layout layout = Layout.system(dir.resolve("root"));
    return new UnitDirectorySource(dir.resolve("units")).build(layout, null).state();
  }

  @Test
  void wantedBy_becomesAWantsLink_andTheCatalogSeesIt() throws Exception {
    Files.createDirectories(dir.resolve("units"));
    Files.writeString(
        dir.resolve("units/a.service"),
        "[Service]\nExecStart=/bin/true\n[Install]\nWantedBy=multi-user.target\n");

    DesiredState state = build();

    DesiredFile link =
        state.files().get(HostPath.of("/etc/systemd/system/multi-user.target.wants/a.service"));
    assertEquals(new DesiredFile.Symlink(link.path(), "../a.service"), link);
    UnitCatalog catalog = CatalogOfState.of(state, HostPath.of("/etc/systemd/system"));
    assertTrue(
        catalog
            .targetsWanting(UnitName.of("a.service"))
            .contains(UnitName.of("multi-user.target")));
  }

  @Test
  void fileWithoutAUnitName_isRefusedByName() throws Exception {
    Files.createDirectories(dir.resolve("units"));
    Files.writeString(dir.resolve("units/notes.txt"), "hello");

    BuildException e = assertThrows(BuildException.class, this::build);

    assertTrue(e.getMessage().contains("notes.txt"), e.getMessage());
  }

  @Test
  void missingDirectory_isABuildError() {
    assertThrows(BuildException.class, this::build);
  }
}
