# Netlink decoding asks the socket its protocol with getsockopt: a program whose
# seccomp filter kills on getsockopt must run through it all the same.  Both modes.
transparent netlink-seccomp netlink_seccomp
