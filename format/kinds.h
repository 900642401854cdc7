/* Argument kinds: how a system-call argument is captured inside the traced process
 * and how it is printed.  The spec (gen/syscalls.spec) names kinds by their second
 * column; `aux` in the spec (`buf_in:2`) is the index of a related argument.
 *
 * Columns: ID, spec name, capture method (see below), fixed struct size or 0.
 *
 * Capture methods (implemented in preload/capture.c, decoded in format/):
 *   NONE        the value alone
 *   PATH        NUL-terminated string, up to PATH_MAX bytes                (IN)
 *   STR         NUL-terminated string, up to strsize + 1 bytes             (IN)
 *   MEM_IN      bytes, length arg[aux], up to strsize + 1                  (IN)
 *   MEM_OUT     bytes, length ret when ret >= 0 (at most arg[aux] when given), up to strsize + 1 (OUT)
 *   PATH_OUT    bytes, length ret when ret >= 0, up to PATH_MAX             (OUT)
 *   IOCTL       the struct the command arg[aux] passes: what it reads (IN), what it
 *               wrote when it succeeded (OUT), by its size and direction (capture_ioctl.c)
 *   STRUCT_IN   `size` bytes when the pointer is not NULL                  (IN)
 *   STRUCT_OUT  `size` bytes when the pointer is not NULL and ret >= 0     (OUT)
 *   STRUCT_IO   `size` bytes before (IN) and after (OUT) the call
 *   POLL        struct pollfd[arg[aux]] before (IN) and after (OUT)
 *   FDSET       fd_set bytes for arg[aux] fds, before (IN) and after (OUT)
 *   SADDR_IN    sockaddr, length arg[aux], up to 128 bytes                 (IN)
 *   SADDR_OUT   sockaddr, length *(socklen_t *)arg[aux] after, on success  (OUT)
 *   IOV_IN      iovec[arg[aux]]: see "iovec blob" below                    (IN)
 *   IOV_OUT     iovec[arg[aux]], data up to ret bytes, on success           (OUT)
 *   MSG_IN      struct msghdr: see "msghdr blob" below                     (IN)
 *   MSG_OUT     struct msghdr after recvmsg, data up to ret, on success     (OUT)
 *   ARGV        NULL-terminated string array: see "argv blob"             (IN)
 *   ENVP        NULL-terminated string array: see "argv blob"             (IN)
 *   DIRENTS     getdents64 buffer: blob is one uint64_t entry count, ret >= 0 (OUT)
 *   EPOLL_OUT   struct epoll_event[ret] on success                        (OUT)
 *   FCNTL       struct flock (IN) when arg[aux] is a lock command, else NONE
 *   SOPT_IN     setsockopt value, length arg[aux], up to 64 bytes          (IN)
 *   SOPT_OUT    getsockopt value, length *(socklen_t *)arg[aux] after      (OUT)
 *   IPCBUF      msgctl/semctl/shmctl's buffer as command arg[aux] uses it: IPC_SET's (IN),
 *               the STAT and INFO commands' (OUT, on success)
 *   MSGBUF      struct msgbuf: its long mtype and arg[aux] bytes of text, up to strsize + 1
 *               (msgsnd: IN; msgrcv: OUT on success); only the mtype, SCT_BF_FAULT,
 *               when the text cannot be read
 *   KEYCTL      what keyctl's command reads or writes: strings, buffers and structs
 *               of arguments 1..4 (preload/keyctl.c says which)
 *   MMSG        struct mmsghdr[arg[aux]]: see "mmsghdr blobs" below (IN after sendmmsg,
 *               OUT after recvmmsg, its ret elements)
 *   EXT         captured as the kind needs by preload/capture_ext.c (structures and
 *               arrays strace reads element by element: array blob below), fault-safe
 *
 * Blob layouts for the compound captures (all fields native, each element padded to 8):
 *   iovec blob:  per element { uint64_t base; uint64_t len; uint32_t captured;
 *                uint32_t flags (SCT_BF_TRUNC); bytes[captured] padded to 8 },
 *                for the first min(count, 1024) elements
 *   msghdr blob: { struct msghdr raw; uint32_t name_captured; uint32_t ctl_captured;
 *                name bytes padded to 8; control bytes padded to 8; iovec blob of
 *                msg_iovlen elements }  (name up to 128 bytes, control up to 512)
 *   mmsghdr blobs: a header blob { uint32_t count (elements captured: at most -s);
 *                uint32_t cut (element `count` could not be read); per element
 *                { uint32_t msg_len; uint32_t msg_namelen before the call, or
 *                UINT32_MAX } }, then `count` msghdr blobs, all of the same arg and when
 *   argv blob:   { uint64_t count (all elements); then for the first min(count, strsize + 1)
 *                elements: uint32_t captured; uint32_t flags (SCT_BF_TRUNC, or
 *                SCT_BF_ADDR: unreadable, the bytes are the 8 of its pointer); bytes
 *                padded to 8 }  (each string up to strsize + 1 bytes); no blob when the
 *                array's first pointer cannot be read
 *   array blob:  { uint32_t want (elements strace would read: min(count, -s + 1));
 *                uint32_t pad; the readable first elements of those }
 *   iocbs blob:  io_submit's struct iocb *[]: an array blob whose elements are { uint64_t
 *                ptr; uint32_t has (the iocb follows); uint32_t extra (bytes after it);
 *                struct iocb (64 bytes); extra: IOCB_CMD_PWRITE's data { uint32_t len;
 *                uint32_t flags; bytes padded to 8 }, IOCB_CMD_PREADV/PWRITEV's iovecs
 *                { uint32_t n; uint32_t flags; n elements of an iovec blob } }
 *   ext blob:    a structure that grows by version (its size an argument): { uint32_t
 *                base (bytes of ours captured); uint32_t rest (SCT_EXT_*: what lies past
 *                ours, up to the size or a page); uint32_t rest_len; uint32_t pad; ours
 *                padded to 8; the first -s bytes of the rest when not all zero }
 */
#ifndef SCT_KINDS_H
#define SCT_KINDS_H

#define SCT_KINDS(X) \
	/* plain numbers */ \
	X(INT,        "int",        NONE, 0) /* signed decimal int */ \
	X(UINT,       "uint",       NONE, 0) /* unsigned decimal int */ \
	X(LONG,       "long",       NONE, 0) /* signed decimal long (off_t) */ \
	X(ULONG,      "ulong",      NONE, 0) /* unsigned decimal long (size_t) */ \
	X(HEX,        "hex",        NONE, 0) /* 0x1f (64 bits; 0 prints "0") */ \
	X(XINT,       "xint",       NONE, 0) /* 0x1f (32 bits: strace's %#x) */ \
	X(PTR,        "ptr",        NONE, 0) /* NULL or 0x7ffc... */ \
	X(OCTAL,      "octal",      NONE, 0) /* mode_t as 0644 (umask, chmod, mkdir) */ \
	X(FD,         "fd",         NONE, 0) /* descriptor, decimal; with -y 3</dev/null> */ \
	X(FD_PRE,     "fd_pre",     NONE, 0) /* the same, its -y path taken before the call \
					      * (close, dup2's newfd: gone or replaced after) */ \
	X(DIRFD,      "dirfd",      NONE, 0) /* AT_FDCWD or decimal */ \
	X(PID,        "pid",        NONE, 0) /* a process's pid_t (format/pid.c) */ \
	X(TID,        "tid",        NONE, 0) /* a thread's */ \
	X(PGID,       "pgid",       NONE, 0) /* a process group's */ \
	X(PID_PGID,   "pid_pgid",   NONE, 0) /* kill, wait4: a process, or below -1 a group */ \
	X(PRIO_WHO,   "prio_who",   NONE, 0) /* getpriority's who: as argument 0 says */ \
	X(WAITID_ID,  "waitid_id",  NONE, 0) /* waitid's id: a pid, group or pidfd (argument 0) */ \
	X(IOPRIO_WHO, "ioprio_who", NONE, 0) /* ioprio_get's who: as argument 0 says (format/sched.c) */ \
	X(UGID,       "ugid",       NONE, 0) /* uid_t/gid_t: 4294901760 unsigned, but -1 */ \
	X(HIDDEN,     "hidden",     NONE, 0) /* never printed: preadv's pos_h */ \
	/* constants from the data files gen/xlat/NAME.in, written `flags:NAME` in the \
	 * spec (the table index travels in aux) */ \
	X(FLAGS,      "flags",      NONE, 0) /* MS_SYNC|MS_INVALIDATE, 0x4 / * MS_??? * / */ \
	X(XVAL,       "xval",       NONE, 0) /* RLIMIT_NOFILE, 0x99 / * RLIMIT_??? * / */ \
	/* strings and buffers */ \
	X(PATH,       "path",       PATH, 0) /* "/etc/passwd", never cut at -s */ \
	X(STR,        "str",        STR, 0)  /* "text"... cut at -s */ \
	X(BUF_IN,     "buf_in",     MEM_IN, 0)  /* write(fd, "abc", 3): length arg aux */ \
	X(BUF_OUT,    "buf_out",    MEM_OUT, 0) /* read(fd, "abc", 3): length = ret; address on error */ \
	X(BUF_OUT_HEX, "buf_out_hex", MEM_OUT, 0) /* getrandom: "\x5f\xdc" */ \
	X(PATH_OUT,   "path_out",   PATH_OUT, 0) /* getcwd's buffer: a path, never cut at -s */ \
	/* files */ \
	X(OFLAGS,     "oflags",     NONE, 0) /* O_RDONLY|O_CLOEXEC (access mode always shown) */ \
	X(OFLAGS_NA,  "oflags_na",  NONE, 0) /* O_CLOEXEC|O_NONBLOCK or 0 (pipe2, dup3) */ \
	X(MODE_CREAT, "mode_creat", NONE, 0) /* octal mode, omitted unless arg aux has O_CREAT/O_TMPFILE */ \
	X(ATFLAGS,    "atflags",    NONE, 0) /* AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH or 0 */ \
	X(ACCMODE,    "accmode",    NONE, 0) /* F_OK, R_OK|W_OK */ \
	X(WHENCE,     "whence",     NONE, 0) /* SEEK_SET */ \
	X(RENAMEFL,   "renameflags", NONE, 0) /* RENAME_NOREPLACE or 0 */ \
	X(FCNTL_CMD,  "fcntl_cmd",  NONE, 0) /* F_GETFL */ \
	X(CLOSERANGEFL, "closerange_flags", NONE, 0) /* CLOSE_RANGE_CLOEXEC or 0 */ \
	X(FCNTL_ARG,  "fcntl_arg",  FCNTL, 0) /* depends on cmd arg aux; omitted for F_GET* */ \
	X(IOCTL_REQ,  "ioctl_req",  NONE, 0) /* TCGETS, FIONREAD, _IOC(...) */ \
	X(IOCTL_ARG,  "ioctl_arg",  IOCTL, 0) /* address (or value) for request arg aux */ \
	X(PIPEFD,     "pipefd",     STRUCT_OUT, 8)  /* [3, 4] */ \
	X(LOFF_IO,    "loff_io",    STRUCT_IO, 8)   /* sendfile: NULL, [1] (failed), [1] => [3] */ \
	X(LOFF_IN,    "loff_in",    STRUCT_IO, 8)   /* copy_file_range, splice: [1] as given */ \
	X(STAT,       "stat",       STRUCT_OUT, 144) /* struct stat, abbreviated as strace does */ \
	X(STATX,      "statx",      STRUCT_OUT, 256) /* struct statx */ \
	X(STATX_MASK, "statx_mask", NONE, 0) /* STATX_BASIC_STATS */ \
	X(DIRENTS,    "dirents",    DIRENTS, 0)      /* 0x55... / * 5 entries * / */ \
	/* network */ \
	X(SOCKFAM,    "sockfamily", NONE, 0) /* AF_INET */ \
	X(SOCKTYPE,   "socktype",   NONE, 0) /* SOCK_STREAM|SOCK_CLOEXEC */ \
	X(SOCKPROTO,  "sockproto",  NONE, 0) /* IPPROTO_TCP; family is arg aux */ \
	X(SADDR_IN,   "sockaddr_in", SADDR_IN, 0)  /* {sa_family=AF_INET, ...}; length arg aux */ \
	X(SADDR_OUT,  "sockaddr_out", SADDR_OUT, 0) /* filled sockaddr; socklen_t * is arg aux */ \
	X(SOCKLEN_IO, "socklen_io", STRUCT_IO, 4)  /* [16] or [128 => 16] */ \
	X(SOCKFDS,    "sockfds",    STRUCT_OUT, 8) /* socketpair: [3, 4] */ \
	X(MSGFLAGS,   "msgflags",   NONE, 0) /* MSG_DONTWAIT|MSG_NOSIGNAL or 0 */ \
	X(SHUT_HOW,   "shut_how",   NONE, 0) /* SHUT_WR */ \
	X(SOL,        "sol",        NONE, 0) /* SOL_SOCKET, SOL_TCP */ \
	X(SOCKOPT,    "sockopt",    NONE, 0) /* SO_REUSEADDR; level is arg aux */ \
	X(SOPT_IN,    "sockopt_in", SOPT_IN, 0)   /* [1]; length arg aux */ \
	X(SOPT_OUT,   "sockopt_out", SOPT_OUT, 0) /* [1]; socklen_t * is arg aux */ \
	X(IOV_IN,     "iov_in",     IOV_IN, 0)  /* [{iov_base="ab", iov_len=2}, ...]; count arg aux */ \
	X(IOV_OUT,    "iov_out",    IOV_OUT, 0) /* same, data as returned */ \
	X(MSG_IN,     "msghdr_in",  MSG_IN, 0) \
	X(MSG_OUT,    "msghdr_out", MSG_OUT, 0) \
	/* polling */ \
	X(POLLFDS,    "pollfds",    POLL, 0)  /* [{fd=3, events=POLLIN}]; count arg aux */ \
	X(FDSET,      "fdset",      FDSET, 0) /* [3 4] or NULL; nfds arg aux */ \
	X(PSEL_SIG,   "pselect_sig", STRUCT_IN, 24) /* {sigmask=[INT], sigsetsize=8}: {ptr, len, set} */ \
	X(TIMEVAL,    "timeval",    STRUCT_IN, 16) /* {tv_sec=1, tv_usec=0} */ \
	X(TIMESPEC,   "timespec",   STRUCT_IN, 16) /* {tv_sec=1, tv_nsec=0} */ \
	X(TIMESPEC_OUT, "timespec_out", STRUCT_OUT, 16) /* nanosleep's rem */ \
	X(TIMESPEC_IO, "timespec_io", STRUCT_IO, 16) /* pselect6's timeout: IN as given, OUT as left */ \
	X(RUSAGE_OUT, "rusage_out", STRUCT_OUT, 144) /* {ru_utime={tv_sec=0, tv_usec=1}, ru_stime=..., ...} */ \
	X(TIMEVAL_OUT, "timeval_out", STRUCT_OUT, 16) /* gettimeofday's time */ \
	X(TIMEVAL_IO, "timeval_io", STRUCT_IO, 16) /* select's timeout: IN as given, OUT as left */ \
	X(TIMEVAL_PAIR, "timeval_pair", STRUCT_IN, 32) /* utimes: [{tv_sec=1, tv_usec=2} / * date * /, ...] */ \
	X(TIMEZONE,   "timezone",   STRUCT_IN, 8) /* {tz_minuteswest=0, tz_dsttime=0} */ \
	X(TIMEZONE_OUT, "timezone_out", STRUCT_OUT, 8) \
	X(ITIMERVAL,  "itimerval",  STRUCT_IN, 32) /* {it_interval={...}, it_value={...}} */ \
	X(ITIMERVAL_OUT, "itimerval_out", STRUCT_OUT, 32) \
	X(TMS_OUT,    "tms_out",    STRUCT_OUT, 32) /* {tms_utime=0, tms_stime=0, ...} */ \
	X(TIME_OUT,   "time_out",   STRUCT_OUT, 8) /* [1796015681 / * 2026-11-30T05:14:41+0000 * /] */ \
	X(UTIMBUF,    "utimbuf",    STRUCT_IN, 16) /* {actime=5 / * date * /, modtime=6 / * date * /} */ \
	X(INT_IN,     "int_in",     STRUCT_IN, 4) /* [0]: sched_param */ \
	X(INT_OUT,    "int_out",    STRUCT_OUT, 4) \
	X(UINT_OUT,   "uint_out",   STRUCT_OUT, 4) /* [0]: getresuid's ids, getcpu's cpu */ \
	X(EPOLL_OP,   "epoll_op",   NONE, 0) /* EPOLL_CTL_ADD */ \
	X(EPOLL_EV,   "epoll_event", STRUCT_IN, 12) /* {events=EPOLLIN, data={u32=3, u64=3}} */ \
	X(EPOLL_EVS,  "epoll_events", EPOLL_OUT, 0) /* array of ret events */ \
	X(EPOLL_FL,   "epoll_flags", NONE, 0) /* EPOLL_CLOEXEC or 0 */ \
	/* memory */ \
	X(PROT,       "prot",       NONE, 0) /* PROT_READ|PROT_WRITE, PROT_NONE */ \
	X(MAPFLAGS,   "mapflags",   NONE, 0) /* MAP_PRIVATE|MAP_ANONYMOUS */ \
	X(MADVICE,    "madvice",    NONE, 0) /* MADV_DONTNEED */ \
	X(MREMAPFL,   "mremapflags", NONE, 0) /* MREMAP_MAYMOVE */ \
	X(MREMAP_ADDR, "mremap_addr", NONE, 0) /* new address, omitted unless arg aux has MREMAP_FIXED */ \
	/* structures and constants of issue 9's second part (EXT: preload/capture_ext.c) */ \
	X(MKNOD_MODE, "mknod_mode", NONE, 0) /* S_IFCHR|S_ISUID|0644 */ \
	X(MKNOD_DEV,  "mknod_dev",  NONE, 0) /* makedev(0x1, 0x3), omitted unless mode arg aux is S_IFCHR/S_IFBLK */ \
	X(FAN_INIT,   "fan_init_flags", NONE, 0) /* FAN_CLASS_NOTIF|FAN_CLOEXEC */ \
	X(FAN_DIRFD,  "fan_dirfd",  NONE, 0) /* fanotify_mark: FAN_NOFD, AT_FDCWD or a descriptor */ \
	X(MEMFD_NAME, "memfd_name", EXT, 0)  /* memfd_create: "name", at most 249 bytes and its NUL */ \
	X(MEMFD_FL,   "memfd_flags", NONE, 0) /* MFD_CLOEXEC|30<<MFD_HUGE_SHIFT */ \
	X(IOPRIO,     "ioprio",     NONE, 0) /* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4) */ \
	X(PERSONA,    "personality", NONE, 0) /* PER_BSD|SHORT_INODE, or 0xffffffff (the query) */ \
	X(DEV32,      "dev",        NONE, 0) /* ustat: makedev(0x8, 0x1) of a 32-bit dev_t */ \
	X(MOUNT_TYPE, "mount_type", EXT, 0)  /* "ext4", or the address when flags arg aux make it unused */ \
	X(MOUNT_FL,   "mount_flags", NONE, 0) /* MS_MGC_VAL|MS_RDONLY */ \
	X(MOUNT_DATA, "mount_data", EXT, 0)  /* "mode=755", or the address (MS_BIND...) */ \
	X(REBOOT_ARG, "reboot_arg", EXT, 0)  /* LINUX_REBOOT_CMD_RESTART2's "command", else omitted */ \
	X(SYSLOG_TYPE, "syslog_type", NONE, 0) /* 3 / * SYSLOG_ACTION_READ_ALL * / */ \
	X(SYSLOG_BUF, "syslog_buf", EXT, 0)  /* what a read returned, an address, or omitted */ \
	X(SYSLOG_LEN, "syslog_len", NONE, 0) /* 4096, 7 / * LOGLEVEL_DEBUG * /, or omitted */ \
	X(KEXEC_SEGS, "kexec_segments", EXT, 0) /* [{buf=NULL, bufsz=0, mem=NULL, memsz=0}]: count arg aux */ \
	X(KEXEC_FL,   "kexec_flags", NONE, 0) /* KEXEC_ARCH_X86_64|KEXEC_ON_CRASH */ \
	X(LDT_DESC,   "ldt_desc",   EXT, 0)  /* modify_ldt: a struct user_desc when its size (arg 2) is one's */ \
	X(KCMP_IDX,   "kcmp_idx",   EXT, 0)  /* 3, {efd=4, tfd=5, toff=0}, 0x1 or omitted, as type arg 2 uses it */ \
	X(MPOL_MODE,  "mpol_mode",  NONE, 0) /* MPOL_BIND|MPOL_F_STATIC_NODES (64 bits: mbind) */ \
	X(MPOL_MODE32, "mpol_mode32", NONE, 0) /* the same, an int (set_mempolicy) */ \
	X(MPOL_OUT,   "mpol_out",   EXT, 0)  /* get_mempolicy's [MPOL_DEFAULT] */ \
	X(NODEMASK,   "nodemask",   EXT, 0)  /* [0x3, 0000000000000000]: maxnode bits, arg aux */ \
	X(NODEMASK_OUT, "nodemask_out", EXT, 0) /* the same written by the call (get_mempolicy) */ \
	X(PAGES,      "pages",      EXT, 0)  /* move_pages: [0x7f..., ...], count arg aux */ \
	X(NODES,      "nodes",      EXT, 0)  /* move_pages: [0, 1] */ \
	X(PAGE_STATUS, "page_status", EXT, 0) /* move_pages: [0, -EFAULT], after the call */ \
	X(SECCOMP_FL, "seccomp_flags", NONE, 0) /* SECCOMP_FILTER_FLAG_TSYNC, as op arg 0 uses it */ \
	X(SECCOMP_ARG, "seccomp_arg", EXT, 0) /* {len=1, filter=0x...}, [SECCOMP_RET_LOG], {seccomp_notif=80, ...} */ \
	X(PTR_OUT,    "ptr_out",    STRUCT_OUT, 8) /* get_robust_list: [0x7f...] */ \
	X(ULONG_OUT,  "ulong_out",  STRUCT_OUT, 8) /* [24] */ \
	X(URING_REG_ARG, "uring_reg_arg", EXT, 0) /* io_uring_register's argument by opcode (format/uring_register.c): count arg aux */ \
	X(IOV_ADDR,   "iov_addr",   EXT, 0)  /* [{iov_base=0x7f..., iov_len=5}]: no data (another process's) */ \
	X(OPEN_HOW,   "open_how",   EXT, 0)  /* {flags=O_RDONLY, resolve=RESOLVE_IN_ROOT}: size arg aux, ext blob */ \
	X(LL_RULESET, "landlock_ruleset_attr", EXT, 0) /* {handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE}: size arg aux */ \
	X(FSCFG_KEY,  "fsconfig_key", EXT, 0) /* fsconfig: the key, a string for the FSCONFIG_SET_* commands */ \
	X(FSCFG_VAL,  "fsconfig_val", EXT, 0) /* fsconfig: a string, a path, binary bytes or an address */ \
	X(FSCFG_AUX,  "fsconfig_aux", NONE, 0) /* fsconfig: a dirfd, a descriptor or a number */ \
	X(PIDFD_TFD,  "pidfd_tfd",  NONE, 0) /* pidfd_getfd: a descriptor of the process pidfd arg 0 refers to */ \
	X(BPF_ATTR,   "bpf_attr",   EXT, 0)  /* bpf: {map_type=..., ...} for the commands of format/bpf_cmds.h, else the address: size arg aux */ \
	X(MOUNT_ATTR, "mount_attr", EXT, 0) /* mount_setattr: {attr_set=MOUNT_ATTR_RDONLY, ..., userns_fd=0}: size arg aux */ \
	X(LL_RULE,    "landlock_rule_attr", EXT, 0) /* {allowed_access=..., parent_fd=3} for rule type arg 1 */ \
	X(USER_DESC,  "user_desc",  EXT, 0)  /* set_thread_area: {entry_number=-1, base_addr=0x..., ...} */ \
	X(USER_DESC_GET, "user_desc_get", EXT, 0) /* get_thread_area: {entry_number=12, ...} */ \
	X(QUOTA_CMD,  "quota_cmd",  NONE, 0) /* QCMD(Q_GETQUOTA, USRQUOTA) */ \
	X(QUOTA_ID,   "quota_id",   NONE, 0) /* 1000, QFMT_VFS_V0, or omitted, as cmd arg aux uses it */ \
	X(QUOTA_ADDR, "quota_addr", EXT, 0)  /* {dqb_bhardlimit=0, ...}, a path, or omitted (format/quota.h) */ \
	X(SYSCTL_ARGS, "sysctl_args", EXT, 0) /* _sysctl: {name=0x..., nlen=2, oldval=NULL, ...} */ \
	X(FUTEX_WAITERS, "futex_waiters", EXT, 0) /* futex_waitv: [{val=0x1, uaddr=0x..., flags=FUTEX_32}] */ \
	X(SWAP_FLAGS, "swap_flags", NONE, 0) /* SWAP_FLAG_PREFER|10 */ \
	X(IO_EVENTS,  "io_events",  EXT, 0)  /* [{data=0x1, obj=0x..., res=4096, res2=0}]: ret of them */ \
	X(IO_EVENT,   "io_event",   EXT, 0)  /* io_cancel's result: {data=0x1, ...} */ \
	X(IOCB_HDR,   "iocb_hdr",   EXT, 0)  /* io_cancel: {aio_data=0x1, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=0} */ \
	X(IOCBS,      "iocbs",      EXT, 0)  /* io_submit: [{aio_data=0, ..., aio_buf="abc", ...}]: iocbs blob */ \
	X(AIO_SIGSET, "aio_sigset", EXT, 0)  /* io_pgetevents: {sigmask=[INT], sigsetsize=8}: { ptr, size[, set] } */ \
	X(URING_PARAMS, "io_uring_params", EXT, 0) /* io_uring_setup: {flags=0, ..., sq_entries=2, ...} */ \
	X(PERF_ATTR,  "perf_attr",  EXT, 0)  /* {type=PERF_TYPE_HARDWARE, size=PERF_ATTR_SIZE_VER7, ...}: \
					      * { size before, size after (E2BIG), flags, pad, attr } */ \
	/* processes and signals */ \
	X(CLONEFL,    "cloneflags", NONE, 0) /* CLONE_CHILD_CLEARTID|...|SIGCHLD */ \
	X(ARGV,       "argv",       ARGV, 0) /* ["ls", "-l"] */ \
	X(ENVP,       "envp",       ENVP, 0) /* 0x7ffc... / * 20 vars * /; -v: ["A=1", ...] */ \
	X(WSTATUS,    "wstatus",    STRUCT_OUT, 4) /* [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] */ \
	X(WOPTIONS,   "woptions",   NONE, 0) /* WNOHANG|WUNTRACED or 0 */ \
	X(SIGNUM,     "signum",     NONE, 0) /* SIGTERM, or 0 */ \
	X(SIGHOW,     "sighow",     NONE, 0) /* SIG_BLOCK */ \
	X(SIGSET,     "sigset",     STRUCT_IN, 8)  /* [INT TERM], ~[RTMIN RT_1] */ \
	X(SIGSET_OUT, "sigset_out", STRUCT_OUT, 8) \
	X(SIGACT,     "sigaction",  STRUCT_IN, 32) /* kernel struct sigaction */ \
	X(GIDS_IN,    "gids_in",    MEM_IN, 0)  /* setgroups: [5, 6, 7], arg aux elements (capture: 4 bytes each) */ \
	X(XATTR_VAL,  "xattr_val",  MEM_IN, 0) /* setxattr's value: "foo\0bar", length arg aux */ \
	X(XATTR_LIST, "xattr_list", MEM_OUT, 0) /* listxattr's names: ret bytes; the address for size 0 */ \
	X(MINCORE_VEC, "mincore_vec", MEM_OUT, 0) /* mincore's vector: [1, 0, ...], a byte per page of arg 1 */ \
	X(GIDS_OUT,   "gids_out",   MEM_OUT, 0) /* getgroups: [5, 6, 7], ret elements, read even when size was 0 */ \
	X(STACK_T,    "stack_t",    STRUCT_IN, 24) /* {ss_sp=0x55..., ss_flags=0, ss_size=65536} */ \
	X(STACK_T_OUT, "stack_t_out", STRUCT_OUT, 24) \
	X(SIGACT_OUT, "sigaction_out", STRUCT_OUT, 32) \
	X(SIGINFO,    "siginfo",    STRUCT_IN, 128) /* {si_signo=SIGUSR1, si_code=SI_QUEUE, ...} */ \
	X(SIGINFO_OUT, "siginfo_out", STRUCT_OUT, 128) /* waitid's */ \
	X(SIGRET_MASK, "sigreturn_mask", NONE, 0) /* rt_sigreturn: {mask=[INT]}, the mask its \
						   * frame restores (the record's argument) */ \
	X(CLOCKID,    "clockid",    NONE, 0) /* CLOCK_MONOTONIC */ \
	X(UTIMENS,    "utimens",    STRUCT_IN, 32) /* [UTIME_NOW, {tv_sec=5, tv_nsec=0} / * date * /] */ \
	X(CLONE_ARGS, "clone_args", STRUCT_IN, 88) /* {flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, ...} */ \
	X(RLIMIT64,   "rlimit64",   STRUCT_IN, 16) /* {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY} */ \
	X(RLIMIT64_OUT, "rlimit64_out", STRUCT_OUT, 16) \
	X(STATFS,     "statfs",     STRUCT_OUT, 120) /* {f_type=EXT2_SUPER_MAGIC, f_bsize=4096, ...} */ \
	X(SYSINFO,    "sysinfo",    STRUCT_OUT, 112) /* {uptime=1085, loads=[...], ...} */ \
	X(UTSNAME,    "utsname",    STRUCT_OUT, 390) /* {sysname="Linux", nodename="vm", ...} */ \
	X(CPUSET_OUT, "cpuset_out", MEM_OUT, 0) /* [0 1]: the bytes the kernel returned */ \
	X(CPUSET_IN,  "cpuset_in",  MEM_IN, 0)  /* [0 1]; length arg aux */ \
	X(PRCTL_ARG,  "prctl_arg",  NONE, 0) /* as prctl's option (argument 0) uses it */ \
	X(PRCTL_STR,  "prctl_str",  STR, 0)  /* the same, a string for PR_SET_NAME/PR_SET_VMA */ \
	X(ARCH_PRCTL_ARG, "arch_prctl_arg", STRUCT_OUT, 8) /* [0x7f...] after ARCH_GET_FS */ \
	X(FUTEX_OP,   "futex_op",   NONE, 0) /* FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME */ \
	X(FUTEX_ARG,  "futex_arg",  NONE, 0) /* val, uaddr2, val3: shown as the command uses them */ \
	X(FUTEX_TIME, "futex_timeout", STRUCT_IN, 16) /* {tv_sec=1, tv_nsec=0} for waits, val2 else */ \
	X(TIMERFL,    "timerflags", NONE, 0) /* TIMER_ABSTIME or 0 */ \
	/* timers, message queues (format/timer.c, format/mq.c) */ \
	X(ITIMERSPEC, "itimerspec", STRUCT_IN, 32) /* {it_interval={tv_sec=1, tv_nsec=0}, it_value=...} */ \
	X(ITIMERSPEC_OUT, "itimerspec_out", STRUCT_OUT, 32) \
	X(SIGEVENT,   "sigevent",   STRUCT_IN, 32) /* {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}: \
						* the 32 bytes strace reads of the kernel's 64 */ \
	X(MQ_ATTR,    "mq_attr",    STRUCT_IN, 64) /* {mq_flags=O_NONBLOCK, mq_maxmsg=10, ...} */ \
	X(MQ_ATTR_OUT, "mq_attr_out", STRUCT_OUT, 64) \
	X(MQ_OPEN_ATTR, "mq_open_attr", STRUCT_IN, 64) /* {mq_flags=0x800, ...}, omitted unless \
						* arg aux has O_CREAT (read fault-safe) */ \
	X(SEMBUF,     "sembuf",     MEM_IN, 0) /* semop: [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}], arg aux \
					    * elements (capture: 6 bytes each, as gids_in) */ \
	X(SCHED_ATTR, "sched_attr", STRUCT_IO, 56) /* {size=56, sched_policy=SCHED_OTHER, ...} as passed; \
						* OUT: the size the kernel wrote back (E2BIG) */ \
	X(SCHED_ATTR_OUT, "sched_attr_out", STRUCT_OUT, 56) /* sched_getattr's: min(arg aux, 56) bytes */ \
	X(TIMEX,      "timex",      STRUCT_OUT, 208) /* adjtimex: {modes=0, offset=0, ...} as left (format/adjtimex.c) */ \
	X(MMSG_IN,    "mmsghdr_in", MMSG, 0) /* sendmmsg: [{msg_hdr={...}, msg_len=1}]; count arg aux */ \
	X(MMSG_OUT,   "mmsghdr_out", MMSG, 0) /* recvmmsg: the ret elements received (format/mmsg.c) */ \
	/* System V IPC (format/ipc.c) */ \
	X(IPC_KEY,    "ipc_key",    NONE, 0) /* IPC_PRIVATE, 0xfdb97531 */ \
	X(IPC_FLAGS,  "ipc_flags",  NONE, 0) /* IPC_CREAT|IPC_EXCL|0600; shmget's with 21<<SHM_HUGE_SHIFT */ \
	X(IPC_CMD,    "ipc_cmd",    NONE, 0) /* IPC_64|IPC_STAT, MSG_INFO: the call's table */ \
	X(MSGCTL_BUF, "msgctl_buf", IPCBUF, 0) /* {msg_perm={uid=0, ...}, ...}: as command arg aux uses it */ \
	X(SEMCTL_ARG, "semctl_arg", IPCBUF, 0) /* semid_ds or seminfo, else the address */ \
	X(SHMCTL_BUF, "shmctl_buf", IPCBUF, 0) /* shmid_ds, shminfo or shm_info */ \
	X(MSGBUF_IN,  "msgbuf_in",  MSGBUF, 0) /* msgsnd: {mtype=1, mtext="hi"}; text size arg aux */ \
	X(MSGBUF_OUT, "msgbuf_out", MSGBUF, 0) /* msgrcv's, after a success */ \
	/* keyctl (format/keyctl.c) */ \
	X(KEYCTL_CMD, "keyctl_cmd", NONE, 0) /* KEYCTL_READ */ \
	X(KEYCTL_ARG, "keyctl_arg", KEYCTL, 0) /* as the command (arg 0) uses it, or omitted */

/* What lies past our part of an ext blob (above): nothing, zeros, bytes that could not
 * be read, bytes not all zero */
enum { SCT_EXT_NONE = 0, SCT_EXT_ZERO = 1, SCT_EXT_FAULT = 2, SCT_EXT_BYTES = 3 };

#define SCT_KIND_ENUM(id, name, cap, size) SCT_K_##id,
enum sct_kind { SCT_KINDS(SCT_KIND_ENUM) SCT_NKINDS };
_Static_assert(SCT_NKINDS <= 256, "struct sct_arg (calls.h) holds a kind in 8 bits");
#undef SCT_KIND_ENUM

/* How a call's return value prints (spec column RET). */
#define SCT_RETS(X) \
	X(INT,    "int")    /* decimal; -errno prints "-1 ENOENT (No such file or directory)" */ \
	X(FD,     "fd")     /* a new descriptor: decimal; with -y 3</dev/null> */ \
	X(HEX,    "hex")    /* 0x7f...: mmap, brk */ \
	X(OCTAL,  "octal")  /* umask: 022 */ \
	X(FCNTL,  "fcntl")  /* F_GETFL: "0x2 (flags O_RDWR)", F_GETFD: "0x1 (flags FD_CLOEXEC)" */ \
	X(POLL,   "poll")   /* "1 ([{fd=3, revents=POLLIN}])" */ \
	X(SELECT, "select") /* "1 (in [3], left {tv_sec=0, tv_usec=99})" */ \
	X(TIME,   "time")   /* time: "1796015681 (2026-11-30T05:14:41+0000)" */ \
	X(SIGNO,  "signo")  /* rt_sigtimedwait: "17 (SIGCHLD)" */ \
	X(PRCTL,  "prctl")  /* prctl(PR_GET_DUMPABLE): "1 (SUID_DUMP_USER)" (format/prctl.c) */ \
	X(PID,    "pid")    /* a process's pid (format/pid.c): getpid, fork */ \
	X(TID,    "tid")    /* a thread's: gettid, clone */ \
	X(PGID,   "pgid")   /* a group's: getpgrp, getpgid */ \
	X(SID,    "sid")    /* a session's: getsid, setsid */ \
	X(SCHED,  "sched")  /* sched_getscheduler: "0 (SCHED_OTHER)", a name only when exact */ \
	X(IOPRIO, "ioprio") /* ioprio_get: "0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))" (format/ioprio.c) */ \
	X(ADJTIMEX, "adjtimex") /* adjtimex: "5 (TIME_ERROR)" */ \
	X(RECVMMSG, "recvmmsg") /* "1 (left {tv_sec=0, tv_nsec=99})", "0 (Timeout)" */ \
	X(PERSONA, "personality") /* personality: "0x6 (PER_BSD)" (format/personality.c) */ \
	X(LL_RULESET, "landlock_ruleset") /* a descriptor, or with LANDLOCK_CREATE_RULESET_VERSION the ABI version (decimal) */ \
	X(BPF,    "bpf")    /* a descriptor for the commands SCT_BPF_FD_CMDS names, else decimal */ \
	X(LDT,    "ldt")    /* modify_ldt's int, which x86-64 zero-extends: "4294967258 ENOSYS (...)" */ \
	X(IOCTL,  "ioctl")  /* as the command (arg 1) returns: a descriptor, "268435456 (CLONE_NEWUSER)" */ \
	X(NONE,   "none")   /* exit_group: "?" */

/* the bpf(2) commands whose result strace 6.1 shows as a descriptor: BPF_MAP_CREATE,
 * BPF_PROG_LOAD, BPF_OBJ_PIN and BPF_OBJ_GET (one decoder), *_GET_FD_BY_ID, BPF_BTF_LOAD,
 * BPF_LINK_CREATE */
#define SCT_BPF_FD_CMDS ((1u << 0) | (1u << 5) | (1u << 6) | (1u << 7) | (1u << 13) | \
			 (1u << 14) | (1u << 18) | (1u << 19) | (1u << 28) | (1u << 30))
#define SCT_BPF_RET_FD(cmd) ((uint64_t)(cmd) < 32 && (SCT_BPF_FD_CMDS >> (cmd) & 1))

#define SCT_RET_ENUM(id, name) SCT_R_##id,
enum sct_retkind { SCT_RETS(SCT_RET_ENUM) SCT_NRETS };
#undef SCT_RET_ENUM

/* Trace classes, as strace's -e trace=%NAME spells them. */
#define SCT_CLASSES(X) \
	X(FILE,    "file") \
	X(DESC,    "desc") \
	X(NETWORK, "network") \
	X(PROCESS, "process") \
	X(SIGNAL,  "signal") \
	X(IPC,     "ipc") \
	X(MEMORY,  "memory") \
	X(CREDS,   "creds") \
	X(CLOCK,   "clock") \
	X(STAT,    "stat") \
	X(LSTAT,   "lstat") \
	X(FSTAT,   "fstat") \
	X(STATLIKE, "statlike") /* -e trace=%%stat */ \
	X(STATFS,  "statfs") \
	X(FSTATFS, "fstatfs") \
	X(STATFSLIKE, "statfslike") /* -e trace=%%statfs */ \
	X(PURE,    "pure")	/* calls that always succeed and take no arguments */

#define SCT_CLASS_ENUM(id, name) SCT_C_BIT_##id,
enum { SCT_CLASSES(SCT_CLASS_ENUM) SCT_NCLASSES };
#undef SCT_CLASS_ENUM
#define SCT_C(id) (1u << SCT_C_BIT_##id)

#endif
