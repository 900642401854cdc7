/* What the formatter asks the system about networking that it cannot ask from
 * inside a traced process: the most of msg_control that strace decodes. */
#ifndef SCT_NETINFO_H
#define SCT_NETINFO_H

/* /proc/sys/net/core/optmem_max rounded up to 8, as strace's get_optmem_max reads
 * it; SCT_OPTMEM_MAX_DEFAULT when it cannot be read. */
unsigned sct_netinfo_optmem_max(void);

#endif
