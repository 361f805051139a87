let shared = { a = 1; }; in { x = shared; y = shared; l = [ shared shared ]; }
