# Evaluates the user's modules with the built-in entry module of the mode and returns the
# output contract described in README.md.
args: (import ./evaluation.nix args).config.modsvc.output
