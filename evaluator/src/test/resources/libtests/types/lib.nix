# The lib the types cases run on. Until lib-base and lib-modules are merged
# this is nixpkgs' lib with our types.nix plugged in everywhere (re-exports
# included); once all parts are in, it becomes `import <modsvc-lib>`.
(import /work/conformance/nixpkgs-lib/lib).extend (
  self: super: {
    types = import ../../../../main/resources/modsvc-lib/types.nix { lib = self; };
    inherit (self.types)
      isType
      setType
      mkOptionType
      defaultTypeMerge
      defaultFunctor
      isOptionType
      ;
  }
)
