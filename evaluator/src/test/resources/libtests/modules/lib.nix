# Transitional helper: nixpkgs' lib with our modules.nix plugged in, until all
# parts of <modsvc-lib> are merged (then this becomes `import <modsvc-lib>`).
(import /work/conformance/nixpkgs-lib/lib).extend (
  self: super: rec {
    modules = import <modsvc-lib/modules.nix> { lib = self; };
    inherit (modules)
      evalModules
      setDefaultModuleLocation
      unifyModuleSyntax
      applyModuleArgsIfFunction
      mergeModules
      mergeModules'
      mergeOptionDecls
      mergeDefinitions
      pushDownProperties
      dischargeProperties
      filterOverrides
      sortProperties
      fixupOptionType
      mkIf
      mkAssert
      mkDefinition
      mkMerge
      mkOverride
      mkOptionDefault
      mkDefault
      mkImageMediaOverride
      mkForce
      mkVMOverride
      mkFixStrictness
      mkOrder
      mkBefore
      mkAfter
      mkAliasDefinitions
      mkAliasAndWrapDefinitions
      fixMergeModules
      mkRemovedOptionModule
      mkRenamedOptionModule
      mkRenamedOptionModuleWith
      mkMergedOptionModule
      mkChangedOptionModule
      mkAliasOptionModule
      mkDerivedConfig
      doRename
      mkAliasOptionModuleMD
      ;
  }
)
