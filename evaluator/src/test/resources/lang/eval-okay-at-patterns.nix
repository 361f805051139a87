let f = args@{ a, ... }: args.c or "none"; g = { b }@all: all; in [ (f { a = 1; c = 2; }) (f { a = 1; }) (g { b = 3; }) ]
