lib: {
  format = formats: formats.yaml_1_1 { };
  value = {
    str = "plain text"; yes = "yes"; no = "off"; num = "123"; float = "1.5"; empty = ""; nul = "null";
    colon = "a: b"; hash = "a #b"; lead = " lead"; dash = "- x"; star = "*x"; quote = "it's"; dq = "say \"hi\"";
    multi = "line1\nline2"; unicode = "ünï ✓"; tab = "a\tb";
    int = 3; neg = -4; fl = 0.25; t = true; f = false; n = null;
    list = [ 1 "two" [ 3 4 ] { a = 1; b = [ ]; } { } ];
    map = { nested = { deeper = "x"; }; empty = { }; };
    long = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.";
  };
}
