{
  out = builtins.toJSON { a = [ 1 2.5 true null "s\"q" ]; b = { }; c = "\n"; };
  back = builtins.fromJSON ''{"x": [1, 2.5, false, null, "\u00e9"], "y": {"z": "w"}}'';
}
