# sockaddr: socket addresses of many families and control messages sent and received
# (tests/e2e/sockaddr.c), compared with strace in both modes, also under -X raw and
# -X verbose (every constant printer follows the style; without the UDP exchange,
# whose random port shows in raw bytes there).
compare sockaddr -- sockaddr
compare sockaddr-Xraw -X raw -- sockaddr noinet
compare sockaddr-Xverbose -X verbose -- sockaddr noinet
