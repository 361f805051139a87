package org.modsvc.switcher.options;

import java.util.ArrayList;
import java.util.List;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;
import org.modsvc.switcher.build.ContractValues;

/**
 * Reads the list {@code modsvc-modules/options.nix} returns into {@link OptionDoc}s, forcing what
 * it needs (rendering a default may fail: the evaluation error then names the option, as nixpkgs'
 * error context does). A shape mismatch is a bug in our modules or lib and says where it is.
 */
public final class OptionDocDecoder {
  private static final ContractValues V = new ContractValues(OptionDocDecoder::shape);

  private OptionDocDecoder() {}

  public static List<OptionDoc> decode(Value docList) {
    List<OptionDoc> docs = new ArrayList<>();
    Value[] items = V.list(docList, "options");
    for (int i = 0; i < items.length; i++) {
      docs.add(doc(V.attrs(items[i], "options[" + i + "]"), "options[" + i + "]"));
    }
    return docs;
  }

  private static OptionDoc doc(NixAttrs e, String where) {
    String name = V.str(V.field(e, "name", where), where + ".name");
    String at = "option " + name;
    List<String> loc = V.strings(V.field(e, "loc", at), at + ".loc");
    Value description = Thunk.force(V.field(e, "description", at));
    return new OptionDoc(
        name,
        loc,
        V.str(V.field(e, "type", at), at + ".type"),
        description instanceof NixNull ? null : text(description, at + ".description"),
        literal(e.get("default"), at + ".default"),
        literal(e.get("example"), at + ".example"),
        V.strings(V.field(e, "declarations", at), at + ".declarations"),
        V.bool(V.field(e, "readOnly", at), at),
        V.bool(V.field(e, "internal", at), at),
        V.bool(V.field(e, "visible", at), at));
  }

  /** A description is a string, or (older modules) a literal such as {@code lib.literalMD "…"}. */
  private static String text(Value v, String where) {
    if (v instanceof NixAttrs a && a.get("text") != null)
      return V.str(a.get("text"), where + ".text");
    return V.str(v, where);
  }

  private static OptionDoc.Literal literal(Value v, String where) {
    if (v == null) return null;
    NixAttrs a = V.attrs(v, where);
    return new OptionDoc.Literal(
        V.str(V.field(a, "_type", where), where + "._type"),
        V.str(V.field(a, "text", where), where + ".text"));
  }

  private static IllegalStateException shape(String message) {
    return new IllegalStateException("modsvc-modules/options.nix: " + message);
  }
}
