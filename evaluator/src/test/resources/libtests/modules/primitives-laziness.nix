# What the module system's hot paths must leave unevaluated (they run natively and as Nix reference):
# options nobody reads (also below a nested set), mkOrder priorities when only highestPrio is asked.
let lib = import ./lib.nix; inherit (lib) mkOption mkOrder types; in
let
  eval = lib.evalModules {
    modules = [
      {
        options.read = mkOption { type = types.int; };
        options.unread = mkOption { type = types.int; };
        options.nested.deep = mkOption { type = types.int; default = 0; };
        options.ordered = mkOption { type = types.listOf types.int; };
      }
      {
        read = 1;
        unread = throw "unread option forced";
        nested.deep = throw "unread nested option forced";
        ordered = mkOrder (throw "order priority forced") [ 1 ];
      }
    ];
  };
in
{
  read = eval.config.read;
  orderedPrio = eval.options.ordered.highestPrio;
  files = eval.options.read.files;
}
