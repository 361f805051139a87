package org.modsvc.nix.eval;

import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixBool;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/** Attribute selection, {@code ?}, attribute-set literals and {@code let}. */
final class AttrNodes {
  private AttrNodes() {}

  /** One element of an attribute path: a static name, or a node evaluating to the name. */
  static final class Key {
    final String name;
    final Node dynamic;
    final Span span;

    /**
     * Where this name was found last time: see {@link NixAttrs#indexOf(String, int)}. Racy but only
     * a hint.
     */
    int guess;

    /**
     * The names array of the last set this (static) name was missing from. Sets made by one literal
     * share their names array, so {@code x.a or d} and {@code x ? a} applied again to sets of that
     * layout know the answer without a search: most binary searches on the evalModules benchmark
     * were misses, from such sites. A single reference write, so a racing reader sees either
     * layout, each correct.
     */
    private String[] absentIn;

    Key(String name, Node dynamic, Span span) {
      this.name = name;
      this.dynamic = dynamic;
      this.span = span;
    }

    /**
     * The index of {@code name} in {@code attrs} (this key's static name, or its resolved dynamic
     * one), or -1.
     */
    int find(NixAttrs attrs, String name) {
      String[] names = attrs.names();
      if (names == absentIn) return -1;
      int idx = attrs.indexOf(name, guess);
      if (idx >= 0) guess = idx;
      else if (dynamic == null) absentIn = names;
      return idx;
    }

    /**
     * The name, or null when a dynamic binding name evaluates to null (such bindings are skipped).
     */
    String resolve(Env env) {
      if (name != null) return name;
      Value v = dynamic.eval(env);
      if (v instanceof NixNull) return null;
      return Types.plainString(v, span);
    }
  }

  static final class Select extends Node {
    final Node target;
    final Key[] path;
    final Node fallback;

    /** The target when it is a variable (see {@link Nodes.Local#read}), else null. */
    private final Nodes.Local local;

    Select(Node target, Key[] path, Node fallback, Span span) {
      super(span);
      this.target = target;
      this.local = Nodes.Local.orNull(target);
      this.path = path;
      this.fallback = fallback;
    }

    @Override
    public Value eval(Env env) {
      Nodes.Local l = local;
      Value v = l != null ? l.read(env) : target.eval(env);
      for (Key k : path) {
        String name = k.name != null ? k.name : Types.plainString(k.dynamic.eval(env), k.span);
        if (!(v instanceof NixAttrs attrs)) {
          if (fallback != null) return fallback.eval(env);
          throw Types.typeError("a set", v, span).addTrace("while selecting an attribute", span);
        }
        int idx = k.find(attrs, name);
        if (idx < 0) {
          Value extra = attrs.missing(name);
          if (extra != null) {
            v = Thunk.force(extra);
            continue;
          }
          if (fallback != null) return fallback.eval(env);
          throw new EvalException("attribute '" + name + "' missing", k.span);
        }
        Value next = attrs.value(idx);
        if (next instanceof Thunk t) {
          try {
            v = t.force();
          } catch (EvalException e) {
            Span def = attrs.position(idx);
            throw e.addTrace(
                "while evaluating the attribute '" + name + "'", def != null ? def : k.span);
          }
        } else {
          v = next;
        }
      }
      return v;
    }

    /**
     * No thunk when the selection is already decided: {@code x.a.b} with {@code x} a variable whose
     * set and attributes along the path are all evaluated (as in {@code f cfg.enable}) yields that
     * value, exactly what forcing a thunk would give, and nothing can fail. Anything still pending
     * keeps the thunk, so errors carry the same "while evaluating the attribute" trace as before.
     */
    @Override
    public Value lazy(Env env) {
      Nodes.Local l = local;
      if (l == null) return new Thunk(this, env);
      Value v = l.peek(env);
      for (Key k : path) {
        if (v instanceof Thunk t) {
          if (!t.isEvaluated()) return new Thunk(this, env);
          v = t.force();
        }
        if (k.name == null || !(v instanceof NixAttrs attrs)) return new Thunk(this, env);
        int idx = k.find(attrs, k.name);
        if (idx < 0) return new Thunk(this, env);
        v = attrs.value(idx);
      }
      if (v instanceof Thunk t) return t.isEvaluated() ? t.force() : new Thunk(this, env);
      return v;
    }
  }

  static final class HasAttr extends Node {
    final Node target;
    final Key[] path;
    private final Nodes.Local local;

    HasAttr(Node target, Key[] path, Span span) {
      super(span);
      this.target = target;
      this.path = path;
      this.local = Nodes.Local.orNull(target);
    }

    @Override
    public Value eval(Env env) {
      Nodes.Local l = local;
      Value v = l != null ? l.read(env) : target.eval(env);
      for (int i = 0; i < path.length; i++) {
        Key k = path[i];
        if (!(v instanceof NixAttrs attrs)) return NixBool.FALSE;
        String name = k.name != null ? k.name : Types.plainString(k.dynamic.eval(env), k.span);
        int idx = k.find(attrs, name);
        Value next;
        if (idx >= 0) {
          next = attrs.value(idx);
        } else {
          next = attrs.missing(name);
          if (next == null) return NixBool.FALSE;
        }
        // Only intermediate values are forced: `x ? a` must not evaluate x.a.
        if (i < path.length - 1) v = Thunk.force(next);
      }
      return NixBool.TRUE;
    }
  }

  /** A dynamic binding {@code ${name} = value;} */
  record Dynamic(Key key, Node value, Span span) {}

  /**
   * An attribute set literal. When {@code frameSize > 0} a frame is created: for {@code rec} sets
   * it holds the attributes themselves (so they can refer to each other) followed by the sources of
   * {@code inherit (e)} clauses; for plain sets only those sources. {@code slotOf[i]} is the frame
   * slot of static attribute i in a rec set, or -1.
   */
  static final class Attrs extends Node {
    final boolean recursive;
    final String[] names;
    final Node[] values;
    final Span[] positions;
    final Dynamic[] dynamics;
    final int frameSize;
    final Node[] inheritSources;
    final int firstSourceSlot;
    final int overridesIndex;

    Attrs(
        boolean recursive,
        String[] names,
        Node[] values,
        Span[] positions,
        Dynamic[] dynamics,
        int frameSize,
        Node[] inheritSources,
        int firstSourceSlot,
        Span span) {
      super(span);
      this.recursive = recursive;
      this.names = names;
      this.values = values;
      this.positions = positions;
      this.dynamics = dynamics;
      this.frameSize = frameSize;
      this.inheritSources = inheritSources;
      this.firstSourceSlot = firstSourceSlot;
      int ov = -1;
      if (recursive) {
        for (int i = 0; i < names.length; i++) if (names[i].equals("__overrides")) ov = i;
      }
      this.overridesIndex = ov;
      this.buildsWithoutEvaluating = dynamics.length == 0 && ov < 0;
    }

    /**
     * Without dynamic names or {@code __overrides}, building the set evaluates nothing (its values
     * go in as thunks) and so cannot fail or loop: {@link #lazy} builds it at once rather than
     * allocating a thunk to do the same later (sets as call arguments, {@code f { inherit x; y = …;
     * }}, are everywhere in the module system). Not inside a frame still being filled: see {@link
     * Nodes#lazyInFrame}.
     */
    final boolean buildsWithoutEvaluating;

    @Override
    public Value lazy(Env env) {
      return buildsWithoutEvaluating ? eval(env) : new Thunk(this, env);
    }

    @Override
    public Value eval(Env env) {
      Env frame = env;
      if (frameSize > 0) {
        frame = new Env(env, frameSize);
        for (int i = 0; i < inheritSources.length; i++) {
          frame.set(firstSourceSlot + i, Nodes.lazyInFrame(inheritSources[i], frame));
        }
      }
      Value[] vs = new Value[names.length];
      for (int i = 0; i < names.length; i++) {
        vs[i] = frameSize > 0 ? Nodes.lazyInFrame(values[i], frame) : values[i].lazy(frame);
        if (recursive) frame.set(i, vs[i]);
      }
      NixAttrs result = new NixAttrs(names, vs, positions);
      if (overridesIndex >= 0) result = applyOverrides(result, frame, vs);
      if (dynamics.length == 0) return result;
      NixAttrs.Builder b = NixAttrs.builder(names.length + dynamics.length);
      for (int i = 0; i < result.size(); i++)
        b.put(result.name(i), result.value(i), result.position(i));
      java.util.Map<String, Span> seen = new java.util.HashMap<>();
      for (Dynamic d : dynamics) {
        String name = d.key.resolve(frame);
        if (name == null) continue;
        Span earlier = seen.putIfAbsent(name, d.span);
        if (result.has(name) || earlier != null) {
          if (earlier != null) {
            throw new EvalException(
                "dynamic attribute '" + name + "' already defined at " + earlier.describe(),
                d.span);
          }
          Span prev = result.positionOf(name);
          throw new EvalException(
              "dynamic attribute '"
                  + name
                  + "' already defined at "
                  + (prev != null ? prev.describe() : d.span.describe()),
              d.span);
        }
        b.put(name, d.value.lazy(frame), d.span);
      }
      return b.build();
    }

    /**
     * {@code rec { __overrides = { … }; }}: the overrides replace attributes, also as seen from
     * inside.
     */
    private NixAttrs applyOverrides(NixAttrs result, Env frame, Value[] vs) {
      NixAttrs ov = Types.attrs(vs[overridesIndex], span);
      for (int i = 0; i < ov.size(); i++) {
        int idx = result.indexOf(ov.name(i));
        if (idx >= 0) frame.set(idx, ov.value(i));
      }
      return result.update(ov);
    }
  }

  /**
   * {@code let … in body}: a frame of the bindings (then {@code inherit (e)} sources), then the
   * body.
   */
  static final class Let extends Node {
    final Node[] values;
    final Node[] inheritSources;
    final Node body;

    Let(Node[] values, Node[] inheritSources, Node body, Span span) {
      super(span);
      this.values = values;
      this.inheritSources = inheritSources;
      this.body = body;
    }

    @Override
    public Value eval(Env env) {
      Env frame = new Env(env, values.length + inheritSources.length);
      for (int i = 0; i < inheritSources.length; i++) {
        frame.set(values.length + i, Nodes.lazyInFrame(inheritSources[i], frame));
      }
      for (int i = 0; i < values.length; i++) frame.set(i, Nodes.lazyInFrame(values[i], frame));
      return body.eval(frame);
    }
  }
}
