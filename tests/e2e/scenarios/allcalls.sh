# allcalls: statfs, getrandom, utimensat/futimens, uname, the xattr getters, the
# rlimit calls and posix_fadvise, wrapped since every system call has its spec line,
# compared with strace line for line (struct forms included).
compare allcalls -- allcalls
