/* NETLINK_SOCK_DIAG's attribute tables kept in files of their own. */
#ifndef SCT_NETLINK_DIAG_H
#define SCT_NETLINK_DIAG_H

#include "nlattr.h"

#define SCT_NL_SMC_NATTRS 6	/* SMC_DIAG_FALLBACK + 1 */
extern const struct sct_nla_decoder sct_nl_smc_attrs[SCT_NL_SMC_NATTRS];	/* netlink_smcdiag.c */

#define SCT_NL_INET_NATTRS 23	/* INET_DIAG_SOCKOPT + 1 */
extern const struct sct_nla_decoder sct_nl_inet_attrs[SCT_NL_INET_NATTRS];	/* netlink_inetdiag.c */

#endif
