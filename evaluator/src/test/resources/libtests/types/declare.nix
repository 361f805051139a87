# Helper for the types cases (not a case itself): evaluates modules that
# declare option `o` once per type in `types` (each in its own file) and
# define it with `values`; returns { config, type } of `o`.
lib: types: values:
let
  result = lib.evalModules {
    modules =
      lib.imap1 (i: type: {
        _file = "decl${toString i}.nix";
        options.o = lib.mkOption { inherit type; };
      }) types
      ++ lib.imap1 (i: value: {
        _file = "def${toString i}.nix";
        config.o = value;
      }) values;
  };
in
{
  value = result.config.o;
  type = result.options.o.type;
}
