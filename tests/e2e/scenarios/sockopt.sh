# Socket option values (issue 9): getsockopt/setsockopt lines are strace's, whole,
# partial, negative and unreadable values included; the program runs as untraced
# (a getsockopt whose returned length is more than the kernel wrote once killed it).
compare sockopt -- sockopt
transparent sockopt-transparent sockopt
