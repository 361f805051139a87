lib: {
  format = formats: formats.libconfig { };
  value = formats: {
    name = "x \"quoted\" \\ back\nline ünï";
    port = 8080;
    ratio = 0.5;
    big = 1.0e20;
    small = 1.0e-5;
    enabled = true;
    list = [ 1 "two" false [ 3 ] { k = "v"; } ];
    array = (formats.libconfig { }).lib.mkArray [ 1 2 3 ];
    explicitList = (formats.libconfig { }).lib.mkList [ "a" ];
    hex = (formats.libconfig { }).lib.mkHex "0x1F";
    octal = (formats.libconfig { }).lib.mkOctal "0755";
    float = (formats.libconfig { }).lib.mkFloat "2.5";
    group = {
      _includes = [ "/etc/app/extra.cfg" ];
      inner = { "some-key" = 1; "*wild" = "w"; };
      emptyGroup = { };
    };
  };
}
