package org.modsvc.switcher.options;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * Reads the list {@code modsvc-modules/options.nix} returns into {@link OptionDoc}s, forcing what it needs
 * (rendering a default may fail: the evaluation error then names the option, as nixpkgs' error context
 * does). A shape mismatch is a bug in our modules or lib and says where it is.
 */
public final class OptionDocDecoder {
  private OptionDocDecoder() {}

  public static List<OptionDoc> decode(Value docList) {
    List<OptionDoc> docs = new ArrayList<>();
    Value[] items = list(docList, "options");
    for (int i = 0; i < items.length; i++) {
      docs.add(doc(attrs(items[i], "options[" + i + "]"), "options[" + i + "]"));
    }
    return docs;
  }

  private static OptionDoc doc(NixAttrs e, String where) {
    String name = str(field(e, "name", where), where + ".name");
    String at = "option " + name;
    List<String> loc = strings(field(e, "loc", at), at + ".loc");
    Value description = Thunk.force(field(e, "description", at));
    return new OptionDoc(name, loc, str(field(e, "type", at), at + ".type"),
        description instanceof NixNull ? null : text(description, at + ".description"),
        literal(e.get("default"), at + ".default"), literal(e.get("example"), at + ".example"),
        strings(field(e, "declarations", at), at + ".declarations"), bool(field(e, "readOnly", at), at),
        bool(field(e, "internal", at), at), bool(field(e, "visible", at), at));
  }

  /** A description is a string, or (older modules) a literal such as {@code lib.literalMD "…"}. */
  private static String text(Value v, String where) {
    if (v instanceof NixAttrs a && a.get("text") != null) return str(a.get("text"), where + ".text");
    return str(v, where);
  }

  private static OptionDoc.Literal literal(Value v, String where) {
    if (v == null) return null;
    NixAttrs a = attrs(v, where);
    return new OptionDoc.Literal(str(field(a, "_type", where), where + "._type"), str(field(a, "text", where), where + ".text"));
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

  private static IllegalStateException shape(String message) {
    return new IllegalStateException("modsvc-modules/options.nix: " + message);
  }
}
