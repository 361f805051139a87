{
  modules = [ {
    system.services.foo = { process.argv = [ "/bin/foo" ]; configData."app.toml".text = "port=1"; };
    system.services.plain = { process.argv = [ "/bin/foo" ]; };
  } ];
  select = out: show: {
    files = map (c: { inherit (c) service path; content = builtins.readFile c.source; }) out.configData;
    # Only the trigger line differs from the same service without configData (docs/decisions.md §5).
    unitMinusPlain = builtins.filter (l: !(builtins.elem l out.units."plain.service".lines)) out.units."foo.service".lines;
  };
}
