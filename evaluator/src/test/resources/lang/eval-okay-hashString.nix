[ (builtins.hashString "sha256" "abc") (builtins.hashString "md5" "") (builtins.hashString "sha1" "modsvc") ]
