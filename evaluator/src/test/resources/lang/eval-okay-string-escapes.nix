"a\tb\nc\\d\"e\rf $ {x} \$"
