/* Netlink messages of sendto, recvfrom, sendmsg and recvmsg (preload/netlink.c). */
#ifndef SCT_PRELOAD_NETLINK_H
#define SCT_PRELOAD_NETLINK_H

#include <stdint.h>
#include "sink.h"

/* The netlink protocol of the call's socket (NETLINK_ROUTE...), SCT_NETLINK_UNKNOWN
 * when it is a netlink socket of unknown protocol, -1 when its data is not decoded
 * as netlink messages.  Asked once a record, before the two capture passes; `pre`
 * is the state saved before the call (recvmsg's msghdr as passed). */
int sct_netlink_proto(struct sink *s, unsigned call, const uint64_t *a, int64_t ret,
		      const unsigned char *pre);

/* Add the SCT_BLOB_ARG_NETLINK blob of the call (nothing when proto is -1). */
void sct_capture_netlink(struct sink *s, unsigned call, const uint64_t *a, int64_t ret, int proto);

#endif
