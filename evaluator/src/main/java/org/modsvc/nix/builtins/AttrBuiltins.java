package org.modsvc.nix.builtins;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** Attribute-set builtins. */
final class AttrBuiltins implements Builtins.Group {
  @Override public void register(Builtins.Registry r) {
    EvalState st = r.state;
    r.def("attrNames", 1, (a, sp) -> {
      NixAttrs attrs = Types.attrs(a[0], sp);
      Value[] out = new Value[attrs.size()];
      for (int i = 0; i < out.length; i++) out[i] = NixString.of(attrs.name(i));
      return new NixList(out);
    });
    r.def("attrValues", 1, (a, sp) -> new NixList(Types.attrs(a[0], sp).values().clone()));
    r.def("getAttr", 2, (a, sp) -> {
      String name = Types.plainString(a[0], sp);
      NixAttrs attrs = Types.attrs(a[1], sp);
      Value v = attrs.get(name);
      if (v == null) v = attrs.missing(name);
      if (v == null) throw new EvalException("attribute '" + name + "' missing", sp);
      return Thunk.force(v);
    });
    r.def("hasAttr", 2, (a, sp) -> {
      String name = Types.plainString(a[0], sp);
      NixAttrs attrs = Types.attrs(a[1], sp);
      return NixBool.of(attrs.has(name) || attrs.missing(name) != null);
    });
    r.def("removeAttrs", 2, (a, sp) -> {
      NixAttrs attrs = Types.attrs(a[0], sp);
      Set<String> drop = new HashSet<>();
      for (Value v : Types.list(a[1], sp).items()) drop.add(Types.plainString(v, sp));
      NixAttrs.Builder b = NixAttrs.builder(attrs.size());
      for (int i = 0; i < attrs.size(); i++) {
        if (!drop.contains(attrs.name(i))) b.put(attrs.name(i), attrs.value(i), attrs.position(i));
      }
      return b.size() == attrs.size() ? attrs : b.build();
    });
    r.def("listToAttrs", 1, (a, sp) -> {
      NixList l = Types.list(a[0], sp);
      NixAttrs.Builder b = NixAttrs.builder(l.size());
      for (Value item : l.items()) {
        NixAttrs e = Types.attrs(item, sp);
        Value n = e.get("name");
        if (n == null) throw new EvalException("attribute 'name' missing", sp);
        String name = Types.plainString(n, sp);
        Value v = e.get("value");
        if (v == null) throw new EvalException("attribute 'value' missing", sp);
        b.put(name, v, e.positionOf("name"));
      }
      return b.build(true);
    });
    r.def("intersectAttrs", 2, (a, sp) -> {
      NixAttrs x = Types.attrs(a[0], sp), y = Types.attrs(a[1], sp);
      NixAttrs.Builder b = NixAttrs.builder(Math.min(x.size(), y.size()));
      for (int i = 0; i < y.size(); i++) if (x.has(y.name(i))) b.put(y.name(i), y.value(i), y.position(i));
      return b.build();
    });
    r.def("catAttrs", 2, (a, sp) -> {
      String name = Types.plainString(a[0], sp);
      List<Value> out = new ArrayList<>();
      for (Value v : Types.list(a[1], sp).items()) {
        Value x = Types.attrs(v, sp).get(name);
        if (x != null) out.add(x);
      }
      return new NixList(out.toArray(new Value[0]));
    });
    // The function is not checked here: Nix only fails when a value is forced (and with a call error).
    r.def("mapAttrs", 2, (a, sp) -> {
      NixAttrs attrs = Types.attrs(a[1], sp);
      Value f = a[0];
      Value[] vs = new Value[attrs.size()];
      for (int i = 0; i < vs.length; i++) {
        Value name = NixString.of(attrs.name(i));
        Value v = attrs.value(i);
        vs[i] = new Thunk(() -> st.call(f, name, v, sp));
      }
      return new NixAttrs(attrs.names(), vs, null);
    });
    r.def("zipAttrsWith", 2, (a, sp) -> {
      Types.function(a[0], sp);
      Map<String, List<Value>> acc = new LinkedHashMap<>();
      for (Value v : Types.list(a[1], sp).items()) {
        NixAttrs s = Types.attrs(v, sp);
        for (int i = 0; i < s.size(); i++) acc.computeIfAbsent(s.name(i), k -> new ArrayList<>()).add(s.value(i));
      }
      Value f = a[0];
      NixAttrs.Builder b = NixAttrs.builder(acc.size());
      acc.forEach((k, vs) -> {
        Value name = NixString.of(k);
        Value list = new NixList(vs.toArray(new Value[0]));
        b.put(k, new Thunk(() -> st.call(f, name, list, sp)));
      });
      return b.build();
    });
  }
}
