lib: {
  format = formats: formats.gitIni { };
  value = {
    user = { name = "Jane \"JD\" Doe"; email = "jane@example.org"; };
    core = { autocrlf = false; pager = "less -R"; };
    remote.origin = { url = "https://example.org/r.git"; fetch = "+refs/heads/*:refs/remotes/origin/*"; };
    url."git@example.org:".insteadOf = "https://example.org/";
  };
}
