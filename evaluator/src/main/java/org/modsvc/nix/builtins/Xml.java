package org.modsvc.nix.builtins;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.modsvc.nix.eval.Lambda;
import org.modsvc.nix.eval.LambdaNode;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixFloat;
import org.modsvc.nix.value.NixFunction;
import org.modsvc.nix.value.NixInt;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixPath;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** {@code builtins.toXML} and {@code --xml}: Nix's XML value format (no source positions). */
public final class Xml {
  private final StringBuilder out = new StringBuilder();
  private final Set<String> drvsSeen = new HashSet<>();
  private final Set<String> context;

  private Xml(Set<String> context) {
    this.context = context;
  }

  /**
   * The XML document for {@code v}; string contexts met on the way are added to {@code context}.
   */
  public static String toXml(Value v, Set<String> context) {
    Xml x = new Xml(context);
    x.out.append("<?xml version='1.0' encoding='utf-8'?>\n<expr>\n");
    x.value(v, "  ");
    x.out.append("</expr>\n");
    return x.out.toString();
  }

  private void value(Value v, String ind) {
    v = Thunk.force(v);
    if (v instanceof NixInt i) leaf(ind, "int", Long.toString(i.value()));
    else if (v instanceof NixBool b) leaf(ind, "bool", Boolean.toString(b.value()));
    else if (v instanceof NixString s) {
      context.addAll(s.context());
      leaf(ind, "string", s.value());
    } else if (v instanceof NixPath p) leaf(ind, "path", p.path());
    else if (v instanceof NixNull) out.append(ind).append("<null />\n");
    else if (v instanceof NixFloat f)
      leaf(ind, "float", org.modsvc.nix.format.FloatFormat.toDisplayString(f.value()));
    else if (v instanceof NixList l) {
      if (l.size() == 0) {
        out.append(ind).append("<list />\n");
        return;
      }
      out.append(ind).append("<list>\n");
      for (Value x : l.items()) value(x, ind + "  ");
      out.append(ind).append("</list>\n");
    } else if (v instanceof NixAttrs a) attrs(a, ind);
    else if (v instanceof Lambda lam) function(lam, ind);
    else if (v instanceof NixFunction) out.append(ind).append("<unevaluated />\n");
  }

  private void leaf(String ind, String tag, String value) {
    out.append(ind).append('<').append(tag).append(" value=\"");
    escape(value);
    out.append("\" />\n");
  }

  private void attrs(NixAttrs a, String ind) {
    Value type = a.get("type");
    if (type != null
        && Thunk.force(type) instanceof NixString t
        && t.value().equals("derivation")) {
      out.append(ind).append("<derivation");
      Value drvPath = a.get("drvPath");
      String drv = null;
      if (drvPath != null) {
        Value dp = Thunk.force(drvPath);
        if (dp instanceof NixString s) {
          drv = s.value();
          context.addAll(s.context());
          out.append(" drvPath=\"");
          escape(drv);
          out.append('"');
        }
      }
      Value outPath = a.get("outPath");
      if (outPath != null && Thunk.force(outPath) instanceof NixString s) {
        context.addAll(s.context());
        out.append(" outPath=\"");
        escape(s.value());
        out.append('"');
      }
      out.append(">\n");
      if (drv != null && !drvsSeen.add(drv)) {
        out.append(ind).append("  <repeated />\n");
      } else {
        attrList(a, ind + "  ");
      }
      out.append(ind).append("</derivation>\n");
      return;
    }
    if (a.size() == 0) {
      out.append(ind).append("<attrs />\n");
      return;
    }
    out.append(ind).append("<attrs>\n");
    attrList(a, ind + "  ");
    out.append(ind).append("</attrs>\n");
  }

  private void attrList(NixAttrs a, String ind) {
    for (int i = 0; i < a.size(); i++) {
      out.append(ind).append("<attr name=\"");
      escape(a.name(i));
      out.append("\">\n");
      value(a.value(i), ind + "  ");
      out.append(ind).append("</attr>\n");
    }
  }

  private void function(Lambda lam, String ind) {
    out.append(ind).append("<function>\n");
    LambdaNode.FormalInfo[] fs = lam.formals();
    String param = lam.code().paramName();
    if (fs != null) {
      out.append(ind).append("  <attrspat");
      if (lam.code().hasEllipsis()) out.append(" ellipsis=\"1\"");
      if (param != null) {
        out.append(" name=\"");
        escape(param);
        out.append('"');
      }
      String[] names = new String[fs.length];
      for (int i = 0; i < fs.length; i++) names[i] = fs[i].name();
      Arrays.sort(names);
      out.append(">\n");
      for (String n : names) {
        out.append(ind).append("    <attr name=\"");
        escape(n);
        out.append("\" />\n");
      }
      out.append(ind).append("  </attrspat>\n");
    } else {
      out.append(ind).append("  <varpat name=\"");
      escape(param);
      out.append("\" />\n");
    }
    out.append(ind).append("</function>\n");
  }

  private void escape(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("&quot;");
          break;
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '\n':
          out.append("&#xA;");
          break;
        case '\r':
          out.append("&#xD;");
          break;
        case '\t':
          out.append("&#x9;");
          break;
        default:
          out.append(c);
      }
    }
  }
}
