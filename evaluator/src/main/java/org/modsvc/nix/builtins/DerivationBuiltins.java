package org.modsvc.nix.builtins;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.modsvc.nix.error.EvalException;
import org.modsvc.nix.eval.Builtins;
import org.modsvc.nix.eval.EvalState;
import org.modsvc.nix.eval.PrimOp;
import org.modsvc.nix.eval.Types;
import org.modsvc.nix.source.Span;
import org.modsvc.nix.store.ContentAddressMethod;
import org.modsvc.nix.store.DerivationRegistry;
import org.modsvc.nix.store.DerivationRequest;
import org.modsvc.nix.store.Derivations;
import org.modsvc.nix.store.StorePaths;
import org.modsvc.nix.value.NixAttrs;
import org.modsvc.nix.value.NixList;
import org.modsvc.nix.value.NixNull;
import org.modsvc.nix.value.NixString;
import org.modsvc.nix.value.Thunk;
import org.modsvc.nix.value.Value;

/**
 * {@code derivationStrict} computes the {@code .drv} and output paths exactly as Nix (nothing is
 * built); {@code derivation} is the usual Nix-language wrapper that turns its result into one
 * attribute set per output.
 */
final class DerivationBuiltins implements Builtins.Group, PrimOp.Bodies {
  /** Our own rendition of Nix's corepkgs derivation wrapper. */
  private static final String DERIVATION_NIX =
      String.join(
          "\n",
          "drvAttrs @ { outputs ? [ \"out\" ], ... }:",
          "let",
          "  strict = derivationStrict drvAttrs;",
          "  outputEntry = outputName: {",
          "    name = outputName;",
          "    value = common // {",
          "      outPath = builtins.getAttr outputName strict;",
          "      drvPath = strict.drvPath;",
          "      type = \"derivation\";",
          "      inherit outputName;",
          "    };",
          "  };",
          "  perOutput = map outputEntry outputs;",
          "  common = drvAttrs // (builtins.listToAttrs perOutput) // {",
          "    all = map (o: o.value) perOutput;",
          "    inherit drvAttrs;",
          "  };",
          "in (builtins.head perOutput).value");

  private final DerivationRegistry registry;

  private final EvalState st;

  DerivationBuiltins(EvalState st) {
    this.st = st;
    this.registry = new DerivationRegistry(new StorePaths(st.store().storeDir()));
  }

  /** The builtins this class implements, in registration order. */
  private enum Op {
    DERIVATION_STRICT("derivationStrict", 1);

    final String nixName;
    final int arity;

    Op(String nixName, int arity) {
      this.nixName = nixName;
      this.arity = arity;
    }
  }

  private static final Op[] OPS = Op.values();

  @Override
  public void register(Builtins.Registry r) {
    for (Op op : OPS) r.def(op.nixName, op.arity, this, op.ordinal());
    r.nix("derivation", DERIVATION_NIX);
  }

  @Override
  public Value apply(int op, Value[] a, Span sp) {
    return switch (OPS[op]) {
      case DERIVATION_STRICT -> derivationStrictBuiltin(a, sp);
    };
  }

  private Value derivationStrictBuiltin(Value[] a, Span sp) {
    NixAttrs attrs = Types.attrs(a[0], sp);
    try {
      return derivationStrict(st, attrs, sp);
    } catch (EvalException e) {
      Value n = attrs.get("name");
      String name = n != null && Thunk.force(n) instanceof NixString s ? s.value() : "";
      throw e.addTrace("while evaluating derivation '" + name + "'", sp);
    }
  }

  private Value derivationStrict(EvalState st, NixAttrs attrs, Span sp) {
    Value nameV = attrs.get("name");
    if (nameV == null) throw new EvalException("attribute 'name' missing", sp);
    String name = Types.plainString(nameV, sp);
    StoreCalls.check(() -> Derivations.checkDerivationName(name), sp);
    boolean ignoreNulls = attrs.has("__ignoreNulls") && Types.bool(attrs.get("__ignoreNulls"), sp);
    boolean structured =
        attrs.has("__structuredAttrs") && Types.bool(attrs.get("__structuredAttrs"), sp);
    for (String flag : new String[] {"__contentAddressed", "__impure"}) {
      if (attrs.has(flag)) Types.bool(attrs.get(flag), sp);
    }
    Set<String> context = new LinkedHashSet<>();
    Map<String, String> env = new TreeMap<>();
    List<String> args = new ArrayList<>();
    List<String> outputs = null;
    NixAttrs.Builder jsonAttrs = structured ? NixAttrs.builder(attrs.size()) : null;
    for (int i = 0; i < attrs.size(); i++) {
      String key = attrs.name(i);
      if (key.equals("__ignoreNulls")) continue;
      Value v = attrs.value(i);
      if (ignoreNulls && Thunk.force(v) instanceof NixNull) continue;
      try {
        if (key.equals("args")) {
          for (Value arg : Types.list(v, sp).items()) {
            NixString s = st.coerceToString(arg, sp, true, true);
            context.addAll(s.context());
            args.add(s.value());
          }
          continue;
        }
        if (structured) {
          if (key.equals("__structuredAttrs")) continue;
          jsonAttrs.put(key, v);
          if (key.equals("outputs")) {
            outputs = new ArrayList<>();
            for (Value o : Types.list(v, sp).items()) outputs.add(Types.plainString(o, sp));
          }
          continue;
        }
        if (key.equals("outputs")) {
          Value fv = Thunk.force(v);
          outputs = new ArrayList<>();
          if (fv instanceof NixList l) {
            for (Value o : l.items()) outputs.add(Types.plainString(o, sp));
            env.put(key, String.join(" ", outputs));
          } else {
            NixString s = st.coerceToString(fv, sp, true, true);
            outputs.addAll(DerivationRequest.tokenize(s.value()));
            env.put(key, s.value());
          }
          List<String> outs = outputs;
          StoreCalls.check(() -> Derivations.checkOutputNames(outs), sp);
          continue;
        }
        NixString s = st.coerceToString(v, sp, true, true);
        context.addAll(s.context());
        env.put(key, s.value());
      } catch (EvalException e) {
        Span pos = attrs.position(i);
        throw e.addTrace(
            "while evaluating attribute '" + key + "' of derivation '" + name + "'",
            pos != null ? pos : sp);
      }
    }
    String json = null;
    if (structured) {
      StringBuilder sb = new StringBuilder();
      FormatBuiltins.toJson(st, jsonAttrs.build(), sb, context, sp);
      json = sb.toString();
    }
    Map<String, Set<String>> inputDrvs = new TreeMap<>();
    Set<String> inputSrcs = new TreeSet<>();
    for (String c : context) {
      if (c.startsWith("=")) {
        String drv = c.substring(1);
        Set<String> outs = inputDrvs.computeIfAbsent(drv, k -> new TreeSet<>());
        registry.get(drv).ifPresent(d -> outs.addAll(d.outputPaths().keySet()));
      } else if (c.startsWith("!")) {
        int bang = c.indexOf('!', 1);
        inputDrvs
            .computeIfAbsent(c.substring(bang + 1), k -> new TreeSet<>())
            .add(c.substring(1, bang));
      } else {
        inputSrcs.add(c);
      }
    }
    DerivationRequest req;
    if (structured) {
      req =
          new DerivationRequest(
              name,
              str(attrs, "builder", st, sp),
              str(attrs, "system", st, sp),
              args,
              Map.of(),
              outputs,
              inputDrvs,
              inputSrcs,
              str(attrs, "outputHash", st, sp),
              str(attrs, "outputHashAlgo", st, sp),
              str(attrs, "outputHashMode", st, sp),
              json);
    } else {
      // Nix rejects a bad outputHashMode before complaining about a missing builder or system.
      String mode = env.get("outputHashMode");
      if (mode != null) StoreCalls.run(() -> ContentAddressMethod.parseOutputHashMode(mode), sp);
      if (!env.containsKey("builder"))
        throw new EvalException("required attribute 'builder' missing", sp);
      if (!env.containsKey("system"))
        throw new EvalException("required attribute 'system' missing", sp);
      req = DerivationRequest.fromEnv(name, env, args, inputDrvs, inputSrcs);
    }
    Derivations.Instantiated inst = StoreCalls.run(() -> registry.instantiate(req), sp);
    String drvPath = inst.drvPath();
    st.store().registerDerivation(drvPath, inst.derivation().toATerm());
    NixAttrs.Builder result = NixAttrs.builder();
    result.put("drvPath", new NixString(drvPath, Set.of("=" + drvPath)));
    inst.outputPaths()
        .forEach(
            (out, path) -> result.put(out, new NixString(path, Set.of("!" + out + "!" + drvPath))));
    return result.build();
  }

  private static String str(NixAttrs attrs, String key, EvalState st, Span sp) {
    Value v = attrs.get(key);
    if (v == null) return null;
    return st.coerceToString(v, sp, true, true).value();
  }
}
