let name = "svc"; in ''
    first
      indented ${name}
    escaped: ''${name} and ''' quotes
    tab''\t end
  ''
