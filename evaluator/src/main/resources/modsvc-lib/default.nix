# modsvc's own implementation of the nixpkgs `lib` surface (reachable as <modsvc-lib>).
# Every part is `{ lib }: { ... }` and sees the whole library through `lib`, so
# `lib.extend` patches apply everywhere, just like in nixpkgs.
let
  # The root fixed point is built by hand because `makeExtensible` itself lives
  # inside the library; `extend` re-enters through the finished lib.
  rootWith =
    parts:
    let
      self = parts self // {
        extend = f: finished.makeExtensible (finished.extends f parts);
      };
    in
    self;

  finished = rootWith (
    self:
    let
      part = file: import file { lib = self; };
    in
    {
      trivial = part ./trivial.nix;
      fixedPoints = part ./fixed-points.nix;
      attrsets = part ./attrsets.nix;
      lists = part ./lists.nix;
      strings = part ./strings.nix;
      meta = part ./meta.nix;
      versions = part ./versions.nix;
      modules = part ./modules.nix;
      options = part ./options.nix;
      types = part ./types.nix;
      cli = part ./cli.nix;
      generators = part ./generators.nix;
      asserts = part ./asserts.nix;
      debug = part ./debug.nix;
      misc = part ./misc.nix;
      path = part ./path.nix;
      filesystem = part ./filesystem.nix;
      sources = part ./sources.nix;
      licenses = part ./licenses.nix;
      maintainers = part ./maintainers.nix;
      teams = { };
      fileset = part ./fileset.nix;
      gvariant = part ./gvariant.nix;

      inherit (builtins)
        getContext hasContext convertHash hashString parseDrvName placeholder fromJSON fromTOML
        toFile toJSON toString toXML tryEval
        ;
      inherit (self.trivial)
        id const pipe concat "or" and mul div xor bitAnd bitOr bitXor bitNot boolToString
        boolToYesNo mergeAttrs flip defaultTo mapNullable inNixShell isFloat min max importJSON
        importTOML warn warnIf warnIfNot throwIf throwIfNot checkListOfEnum info showWarnings
        nixpkgsVersion version isInOldestRelease oldestSupportedReleaseIsAtLeast mod compare
        splitByAndCompare seq deepSeq lessThan add sub functionArgs setFunctionArgs isFunction
        toFunction mirrorFunctionArgs fromHexString toHexString toBaseDigits inPureEvalMode isBool
        isInt pathExists genericClosure readFile ceil floor
        ;
      inherit (self.fixedPoints)
        fix fix' converge extends composeExtensions composeManyExtensions makeExtensible
        makeExtensibleWithCustomName toExtension
        ;
      inherit (self.attrsets)
        attrByPath hasAttrByPath setAttrByPath getAttrFromPath attrVals attrNames attrValues
        getAttrs catAttrs filterAttrs filterAttrsRecursive foldlAttrs foldAttrs collect
        nameValuePair mapAttrs mapAttrs' mapAttrsToList attrsToList concatMapAttrs
        mapAttrsRecursive mapAttrsRecursiveCond mapAttrsToListRecursive mapAttrsToListRecursiveCond
        genAttrs genAttrs' isDerivation toDerivation optionalAttrs zipAttrsWithNames zipAttrsWith
        zipAttrs recursiveUpdateUntil recursiveUpdate matchAttrs mergeAttrsList overrideExisting
        showAttrPath getOutput getFirstOutput getBin getLib getStatic getDev getInclude getMan
        chooseDevOutputs recurseIntoAttrs dontRecurseIntoAttrs cartesianProduct
        mapCartesianProduct updateManyAttrsByPath listToAttrs hasAttr getAttr isAttrs
        intersectAttrs removeAttrs unionOfDisjoint
        ;
      inherit (self.lists)
        singleton forEach map foldr fold foldl foldl' imap0 imap1 filter ifilter0 concatMap
        flatten remove findSingle findFirst any all count optional optionals toList range
        replicate partition zipListsWith zipLists reverseList listDfs toposort sort sortOn
        naturalSort compareLists take takeEnd drop dropEnd sublist last init crossLists unique
        uniqueStrings allUnique intersectLists subtractLists mutuallyExclusive groupBy groupBy'
        concatLists genList length head tail elem elemAt isList concatAttrValues replaceElemAt
        ;
      inherit (self.strings)
        concatStrings concatMapStrings concatImapStrings stringLength substring isString
        replaceString replaceStrings intersperse concatStringsSep concatMapStringsSep
        concatMapAttrsStringSep concatImapStringsSep concatLines makeSearchPath
        makeSearchPathOutput makeLibraryPath makeIncludePath makeBinPath optionalString hasInfix
        hasPrefix hasSuffix join stringToCharacters stringAsChars escape escapeShellArg
        escapeShellArgs isStorePath isStringLike isValidPosixName toShellVar toShellVars trim
        trimWith escapeRegex escapeURL escapeXML lowerChars upperChars toLower toUpper
        toCamelCase toSentenceCase typeOf addContextFrom splitString splitStringBy removePrefix
        removeSuffix versionOlder versionAtLeast getName getVersion match split cmakeOptionType
        cmakeBool cmakeFeature mesonOption mesonBool mesonEnable nameFromURL enableFeature
        enableFeatureAs withFeature withFeatureAs fixedWidthString fixedWidthNumber toInt
        toIntBase10 fileContents appendContext unsafeDiscardStringContext
        ;
      inherit (self.generators) mkLuaInline;
      inherit (self.meta)
        addMetaAttrs dontDistribute setName updateName appendToName mapDerivationAttrset setPrio
        lowPrio lowPrioSet hiPrio hiPrioSet licensesSpdx getLicenseFromSpdxId
        getLicenseFromSpdxIdOr getExe getExe'
        ;
      inherit (self.filesystem)
        pathType pathIsDirectory pathIsRegularFile baseNameOf dirOf isPath hashFile readDir
        readFileType
        ;
      inherit (self.sources)
        cleanSourceFilter cleanSource sourceByRegex sourceFilesBySuffices cleanSourceWith
        pathHasContext canCleanSource filterSource
        ;
      inherit (self.modules)
        evalModules setDefaultModuleLocation unifyModuleSyntax applyModuleArgsIfFunction
        mergeModules mergeModules' mergeOptionDecls mergeDefinitions pushDownProperties
        dischargeProperties filterOverrides sortProperties fixupOptionType mkIf mkAssert
        mkDefinition mkMerge mkOverride mkOptionDefault mkDefault mkImageMediaOverride mkForce
        mkVMOverride mkFixStrictness mkOrder mkBefore mkAfter mkAliasDefinitions
        mkAliasAndWrapDefinitions fixMergeModules mkRemovedOptionModule mkRenamedOptionModule
        mkRenamedOptionModuleWith mkMergedOptionModule mkChangedOptionModule mkAliasOptionModule
        mkDerivedConfig doRename mkAliasOptionModuleMD
        ;
      evalOptionValue = self.warn "External use of `lib.evalOptionValue` is deprecated. If your use case isn't covered by non-deprecated functions, we'd like to know more and perhaps support your use case well, instead of providing access to these low level functions. In this case please open an issue in https://github.com/nixos/nixpkgs/issues/." self.modules.evalOptionValue;
      inherit (self.options)
        isOption mkEnableOption mkSinkUndeclaredOptions mergeDefaultOption mergeOneOption
        mergeEqualOption mergeUniqueOption getValues getFiles optionAttrSetToDocList
        optionAttrSetToDocList' scrubOptionValue literalExpression showOption
        showOptionWithDefLocs showFiles unknownModule mkOption mkPackageOption literalMD
        ;
      inherit (self.types)
        isType setType defaultTypeMerge defaultFunctor isOptionType mkOptionType
        ;
      inherit (self.asserts) assertMsg assertOneOf;
      inherit (self.debug)
        trace traceIf traceVal traceValFn traceSeq traceSeqN traceValSeq traceValSeqFn
        traceValSeqN traceValSeqNFn traceFnSeqN addErrorContext unsafeGetAttrPos runTests
        testAllTrue
        ;
      inherit (self.misc) fakeHash fakeSha256 fakeSha512 imap;
      inherit (self.versions) compareVersions splitVersion;
    }
  );
in
finished
