# A SIGSEGV handler whose mask holds every signal (as the JVM's) makes a raw system
# call after a real fault: the program runs as untraced (a JVM was killed by SIGSYS).
transparent segvmask-transparent segvmask
