package org.modsvc.switcher.build;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * Reads the output contract of {@code modsvc-modules/eval.nix} (see the README beside it) into a
 * {@link BuildOutput}, forcing every value it needs. A shape mismatch is a bug in our modules, not in the
 * user's, and says where it is.
 */
public final class OutputDecoder {
  private OutputDecoder() {}

  public static BuildOutput decode(Value output) {
    NixAttrs root = attrs(output, "output");
    List<UnitSpec> units = new ArrayList<>();
    NixAttrs unitSet = attrs(field(root, "units", "output"), "units");
    for (int i = 0; i < unitSet.size(); i++) {
      units.add(unit(unitSet.name(i), attrs(unitSet.value(i), "units." + unitSet.name(i))));
    }
    List<ConfigDataLink> links = new ArrayList<>();
    int n = 0;
    for (Value v : list(field(root, "configData", "output"), "configData")) {
      String where = "configData[" + n++ + "]";
      NixAttrs e = attrs(v, where);
      links.add(new ConfigDataLink(str(field(e, "service", where), where + ".service"),
          str(field(e, "path", where), where + ".path"), str(field(e, "source", where), where + ".source")));
    }
    return new BuildOutput(units, links, strings(field(root, "failedAssertions", "output"), "failedAssertions"),
        strings(field(root, "warnings", "output"), "warnings"));
  }

  private static UnitSpec unit(String name, NixAttrs u) {
    String where = "units." + name;
    List<UnitLine> lines = new ArrayList<>();
    int n = 0;
    for (Value v : list(field(u, "lines", where), where + ".lines")) {
      String lw = where + ".lines[" + n++ + "]";
      NixAttrs l = attrs(v, lw);
      lines.add(new UnitLine(str(field(l, "section", lw), lw), str(field(l, "key", lw), lw),
          str(field(l, "value", lw), lw)));
    }
    return new UnitSpec(name, str(field(u, "kind", where), where + ".kind"), str(field(u, "origin", where), where),
        bool(field(u, "masked", where), where + ".masked"), strings(field(u, "aliases", where), where + ".aliases"),
        strings(field(u, "wantedBy", where), where + ".wantedBy"),
        strings(field(u, "requiredBy", where), where + ".requiredBy"),
        strings(field(u, "upheldBy", where), where + ".upheldBy"), lines);
  }

  private static Value field(NixAttrs a, String name, String where) {
    Value v = a.get(name);
    if (v == null) throw shape(where + " has no attribute '" + name + "'");
    return v;
  }

  private static NixAttrs attrs(Value v, String where) {
    v = Thunk.force(v);
    if (v instanceof NixAttrs a) return a;
    throw shape(where + " is of type " + v.typeName() + ", expected a set");
  }

  private static Value[] list(Value v, String where) {
    v = Thunk.force(v);
    if (v instanceof NixList l) return l.items();
    throw shape(where + " is of type " + v.typeName() + ", expected a list");
  }

  private static String str(Value v, String where) {
    v = Thunk.force(v);
    if (v instanceof NixString s) return s.value();
    throw shape(where + " is of type " + v.typeName() + ", expected a string");
  }

  private static boolean bool(Value v, String where) {
    v = Thunk.force(v);
    if (v instanceof NixBool b) return b.value();
    throw shape(where + " is of type " + v.typeName() + ", expected a Boolean");
  }

  private static List<String> strings(Value v, String where) {
    List<String> out = new ArrayList<>();
    Value[] items = list(v, where);
    for (int i = 0; i < items.length; i++) out.add(str(items[i], where + "[" + i + "]"));
    return out;
  }

  private static BuildException shape(String what) {
    return new BuildException("internal error in modsvc's built-in modules: " + what);
  }
}
