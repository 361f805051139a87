[ (true && false) (true || abort "not evaluated") (false -> abort "not evaluated") (!true) (true -> false) (false || false) ]
