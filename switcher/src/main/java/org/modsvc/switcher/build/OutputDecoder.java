package org.modsvc.switcher.build;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.Value;
import org.modsvc.switcher.unit.UnitLine;

/**
 * Reads the output contract of {@code modsvc-modules/eval.nix} (see the README beside it) into a
 * {@link BuildOutput}, forcing every value it needs. A shape mismatch is a bug in our modules, not
 * in the user's, and says where it is.
 */
public final class OutputDecoder {
  private static final ContractValues V = new ContractValues(OutputDecoder::shape);

  private OutputDecoder() {}

  public static BuildOutput decode(Value output) {
    NixAttrs root = V.attrs(output, "output");
    List<UnitSpec> units = new ArrayList<>();
    NixAttrs unitSet = V.attrs(V.field(root, "units", "output"), "units");
    for (int i = 0; i < unitSet.size(); i++) {
      units.add(unit(unitSet.name(i), V.attrs(unitSet.value(i), "units." + unitSet.name(i))));
    }
    List<ConfigDataLink> links = new ArrayList<>();
    int n = 0;
    for (Value v : V.list(V.field(root, "configData", "output"), "configData")) {
      String where = "configData[" + n++ + "]";
      NixAttrs e = V.attrs(v, where);
      links.add(
          new ConfigDataLink(
              V.str(V.field(e, "service", where), where + ".service"),
              V.str(V.field(e, "path", where), where + ".path"),
              V.str(V.field(e, "source", where), where + ".source")));
    }
    return new BuildOutput(
        units,
        links,
        V.strings(V.field(root, "failedAssertions", "output"), "failedAssertions"),
        V.strings(V.field(root, "warnings", "output"), "warnings"));
  }

  private static UnitSpec unit(String name, NixAttrs u) {
    String where = "units." + name;
    List<UnitLine> lines = new ArrayList<>();
    int n = 0;
    for (Value v : V.list(V.field(u, "lines", where), where + ".lines")) {
      String lw = where + ".lines[" + n++ + "]";
      NixAttrs l = V.attrs(v, lw);
      lines.add(
          new UnitLine(
              V.str(V.field(l, "section", lw), lw),
              V.str(V.field(l, "key", lw), lw),
              V.str(V.field(l, "value", lw), lw)));
    }
    return new UnitSpec(
        name,
        V.str(V.field(u, "kind", where), where + ".kind"),
        V.str(V.field(u, "origin", where), where),
        V.bool(V.field(u, "masked", where), where + ".masked"),
        V.strings(V.field(u, "aliases", where), where + ".aliases"),
        V.strings(V.field(u, "wantedBy", where), where + ".wantedBy"),
        V.strings(V.field(u, "requiredBy", where), where + ".requiredBy"),
        V.strings(V.field(u, "upheldBy", where), where + ".upheldBy"),
        V.strings(V.field(u, "sections", where), where + ".sections"),
        lines);
  }

  private static BuildException shape(String what) {
    return new BuildException("internal error in modsvc's built-in modules: " + what);
  }
}
