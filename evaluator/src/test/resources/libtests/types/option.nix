# Helper for the types cases (not a case itself): the value of one option
# `o` of `type`, merged from `defs`, a list of { file, value } definitions,
# each coming from its own module so that error messages name its file.
lib: type: defs:
(lib.evalModules {
  modules = [
    {
      _file = "decl.nix";
      options.o = lib.mkOption { inherit type; };
    }
  ]
  ++ map (def: {
    _file = def.file;
    config.o = def.value;
  }) defs;
}).config.o
