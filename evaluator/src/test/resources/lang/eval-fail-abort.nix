{ a = abort "stopped here"; }.a
