package org.modsvc.switcher.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.modsvc.switcher.unit.UnitDirectoryReader.DependencyKind;
import org.modsvc.switcher.unit.UnitDirectoryReader.Entry;
import org.modsvc.switcher.unit.UnitDirectoryReader.Item;

/** The unit-directory layout over an in-memory file set, as a generation's files are read. */
class UnitDirectoryReaderTest {
  private static Entry file(String path, String text) {
    return new Entry.File(path, text.getBytes(StandardCharsets.UTF_8));
  }

  private static Entry link(String path, String target) {
    return new Entry.Link(path, target);
  }

  private static UnitName n(String name) {
    return UnitName.of(name);
  }

  private static final List<Entry> GENERATION =
      List.of(
          file("a.service", "[Service]\nExecStart=/a\n"),
          file("a.service.d/50-x.conf", "[Service]\nUser=x\n"),
          file("b.service", "[Service]\nExecStart=/b\n"),
          file("c.service", "[Service]\nExecStart=/c\n"),
          link("m.service", "/dev/null"),
          link("alias.service", "a.service"),
          link("multi-user.target.wants/a.service", "../a.service"),
          link("multi-user.target.requires/b.service", "../b.service"),
          link("app.target.upholds/c.service", "../c.service"));

  @Test
  void readsUnitsDropInsMasksAndEveryKindOfDependencyLink() {
    UnitCatalog catalog = UnitDirectoryReader.catalog(GENERATION, "/etc/systemd/system");

    assertEquals(
        Set.of(n("a.service"), n("b.service"), n("c.service")),
        catalog.unitNames(),
        "an alias adds no unit of its own");
    assertEquals(
        List.of("x"), catalog.resolve(n("a.service")).orElseThrow().values("Service", "User"));
    assertEquals(Set.of(n("m.service")), catalog.masked());
    assertEquals(Set.of(n("multi-user.target")), catalog.targetsWanting(n("a.service")));
    assertEquals(Set.of(n("multi-user.target")), catalog.targetsWanting(n("b.service")));
    assertEquals(
        Set.of(n("app.target")),
        catalog.targetsWanting(n("c.service")),
        ".upholds pulls the unit in too");
  }

  @Test
  void classifiesEachEntry_namingTheLinkKind() {
    List<Item> items = UnitDirectoryReader.classify(GENERATION);

    assertTrue(
        items.contains(
            new Item.Dependency(
                "app.target.upholds/c.service",
                DependencyKind.UPHOLDS,
                n("app.target"),
                n("c.service"))),
        items.toString());
    assertTrue(
        items.contains(
            new Item.Dependency(
                "multi-user.target.requires/b.service",
                DependencyKind.REQUIRES,
                n("multi-user.target"),
                n("b.service"))),
        items.toString());
    assertTrue(
        items.contains(new Item.Alias("alias.service", n("alias.service"), "a.service")),
        items.toString());
    assertTrue(items.contains(new Item.Mask("m.service", n("m.service"))), items.toString());
  }

  @Test
  void entriesOutsideTheLayout_areIgnoredWithTheReason() {
    List<Item> items =
        UnitDirectoryReader.classify(
            List.of(
                file("README", "not a unit"),
                file("a.service.d/notes.txt", "not a drop-in"),
                link("a.service.d/masked.conf", "/dev/null"),
                new Entry.Directory("stuff"),
                link("x.wants/a.service", "../a.service"),
                file("multi-user.target.wants/deeper/a.service", "")));

    assertEquals(6, items.size(), items.toString());
    for (Item item : items) {
      assertTrue(item instanceof Item.Ignored, item.toString());
    }
    assertEquals("'README' is not a unit name", ((Item.Ignored) items.get(0)).why());
  }

  @Test
  void aDropInLinkWithKnownContent_isReadThrough() {
    UnitCatalog catalog =
        UnitDirectoryReader.catalog(
            List.of(
                file("a.service", "[Service]\nUser=a\n"),
                new Entry.Link(
                    "a.service.d/x.conf",
                    "/elsewhere/x.conf",
                    Optional.of("[Service]\nUser=x\n".getBytes(StandardCharsets.UTF_8)))),
            "/u");

    assertEquals(
        List.of("a", "x"), catalog.resolve(n("a.service")).orElseThrow().values("Service", "User"));
  }

  @Test
  void parseErrorsNameTheFileUnderTheDisplayedRoot() {
    UnitFileException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UnitFileException.class,
            () ->
                UnitDirectoryReader.catalog(
                    List.of(file("a.service", "[Service]\noops\n")), "/etc/systemd/system"));
    assertEquals("/etc/systemd/system/a.service:2: missing '=' in 'oops'", e.getMessage());
  }
}
