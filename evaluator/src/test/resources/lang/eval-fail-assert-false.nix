let check = x: assert x; x; in check false
