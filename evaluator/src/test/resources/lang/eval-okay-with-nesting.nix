let outer = { a = 1; b = 2; }; inner = { a = 10; }; in with outer; with inner; [ a b ]
