/* What the formatter asks the system about networking, answered in the runner (a
 * traced process's standalone output goes without): interface names and the most
 * of msg_control that strace decodes. */
#ifndef SCT_NETINFO_H
#define SCT_NETINFO_H

/* Points the formatter's sct_fmt_ifname at if_indextoname. */
void sct_netinfo_init(void);

/* /proc/sys/net/core/optmem_max rounded up to 8, as strace's get_optmem_max reads
 * it; SCT_OPTMEM_MAX_DEFAULT when it cannot be read. */
unsigned sct_netinfo_optmem_max(void);

#endif
