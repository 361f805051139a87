builtins.fetchTree { type = "file"; url = "file:///x"; owner = -1; }
