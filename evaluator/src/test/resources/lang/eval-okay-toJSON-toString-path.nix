# A path returned by __toString is written as text, not copied to the store.
builtins.toJSON { __toString = self: /some/path; }
