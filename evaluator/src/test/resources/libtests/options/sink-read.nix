let lib = import <modsvc-lib>; in (lib.evalModules { modules = [ { options.sink = lib.mkSinkUndeclaredOptions { }; } { sink = 1; } ]; }).config.sink
