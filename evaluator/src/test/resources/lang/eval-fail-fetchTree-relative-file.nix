builtins.fetchTree "file:./relative.tar.gz"
