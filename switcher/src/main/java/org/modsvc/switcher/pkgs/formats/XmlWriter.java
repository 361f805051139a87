package org.modsvc.switcher.pkgs.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nixpkgs' {@code formats.xml} (the "badgerfish" mapping): what {@code
 * print(xmltodict.unparse(value, full_document=withHeader, pretty=True, indent=" "))} writes. A key
 * is an element, {@code @name} an attribute, {@code #text} the element's text; a list repeats its
 * element, an empty list writes none; null and {} are an empty element; Booleans as elements are
 * {@code true}/{@code false} but as attributes Python's {@code True}/{@code False}; numbers as
 * Python prints them.
 */
final class XmlWriter {
  private static final String INDENT = "  ";

  private final StringBuilder out = new StringBuilder();

  private XmlWriter() {}

  static String write(Object value, boolean fullDocument) {
    Map<String, Object> doc = JsonValues.object(value, "an XML value");
    if (fullDocument && doc.size() != 1) {
      throw new IllegalArgumentException(
          "an XML document must have exactly one root element, not " + doc.size());
    }
    XmlWriter w = new XmlWriter();
    if (fullDocument) w.out.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    for (Map.Entry<String, Object> e : doc.entrySet())
      w.element(e.getKey(), e.getValue(), 0, fullDocument);
    return w.out.append('\n').toString();
  }

  private void element(String key, Object value, int depth, boolean fullDocument) {
    List<?> occurrences =
        value instanceof List<?> l ? l : java.util.Collections.singletonList(value);
    for (int index = 0; index < occurrences.size(); index++) {
      if (fullDocument && depth == 0 && index > 0) {
        throw new IllegalArgumentException(
            "an XML document must have one root element; '" + key + "' is a list");
      }
      Map<String, Object> v = asElement(occurrences.get(index), key);
      String text = null;
      Map<String, String> attributes = new LinkedHashMap<>();
      List<Map.Entry<String, Object>> children = new ArrayList<>();
      for (Map.Entry<String, Object> e : v.entrySet()) {
        if (e.getKey().equals("#text")) {
          text = JsonValues.string(e.getValue(), "the #text of <" + key + ">");
        } else if (e.getKey().startsWith("@")) {
          attributes.put(
              e.getKey().substring(1), pythonStr(e.getValue(), "attribute " + e.getKey()));
        } else {
          children.add(e);
        }
      }
      out.append(INDENT.repeat(depth)).append('<').append(key);
      attributes.forEach((n, a) -> out.append(' ').append(n).append('=').append(quoteAttribute(a)));
      out.append('>');
      if (!children.isEmpty()) out.append('\n');
      for (Map.Entry<String, Object> c : children)
        element(c.getKey(), c.getValue(), depth + 1, fullDocument);
      if (text != null) out.append(escape(text));
      if (!children.isEmpty()) out.append(INDENT.repeat(depth));
      out.append("</").append(key).append('>');
      if (depth > 0) out.append('\n');
    }
  }

  /** An occurrence as the attribute set xmltodict makes of it (scalars become its text). */
  private static Map<String, Object> asElement(Object v, String key) {
    if (v == null) return Map.of();
    if (v instanceof Map<?, ?>) return JsonValues.object(v, key);
    String text = v instanceof Boolean b ? (b ? "true" : "false") : pythonStr(v, "<" + key + ">");
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("#text", text);
    return m;
  }

  /** Python's {@code str()} of a scalar. */
  private static String pythonStr(Object v, String what) {
    if (v instanceof String s) return s;
    if (v == null) return "None";
    if (v instanceof Boolean b) return b ? "True" : "False";
    if (v instanceof Double d) return FloatText.pythonRepr(d);
    if (v instanceof Long) return v.toString();
    throw new IllegalArgumentException(what + " cannot be " + JsonValues.describe(v) + " in XML");
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** {@code xml.sax.saxutils.quoteattr}. */
  private static String quoteAttribute(String s) {
    String data = escape(s).replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    if (data.indexOf('"') >= 0) {
      if (data.indexOf('\'') >= 0) return '"' + data.replace("\"", "&quot;") + '"';
      return "'" + data + "'";
    }
    return '"' + data + '"';
  }
}
