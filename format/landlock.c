/* Landlock's structures, as strace prints them:
 *   landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_EXECUTE}, 8, 0)
 *   landlock_add_rule(3, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=..., parent_fd=4}, 0)
 * A ruleset attribute longer than ours ends in ", ..." whatever it holds. */
#include <stdint.h>
#include "decode.h"
#include "netfmt.h"
#include "xlattab.h"

int sct_dec_landlock_ruleset_attr(const struct sct_dec *d, unsigned i)
{
	uint32_t base;
	const unsigned char *p = sct_ext_struct(d, i, &base);
	int a = sct_aux(d, i);

	if (!p || base < 8 || a < 0) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	sct_out_puts(d->o, "{handled_access_fs=");
	sct_print_xlat(d->o, SCT_XLAT_landlock_access_fs, sct_get64(p));
	if (d->r->arg[a] > 8)
		sct_out_puts(d->o, ", ...");
	sct_out_putc(d->o, '}');
	return 0;
}

/* struct landlock_path_beneath_attr (packed: 12 bytes) for LANDLOCK_RULE_PATH_BENEATH */
int sct_dec_landlock_rule_attr(const struct sct_dec *d, unsigned i)
{
	const struct sct_blob *b = sct_arg_in(d, i);
	const unsigned char *p;

	if ((uint32_t)d->r->arg[1] != 1 || !b || b->len < 12) {
		sct_print_addr(d->o, d->r->arg[i]);
		return 0;
	}
	p = sct_blob_data(b);
	sct_out_puts(d->o, "{allowed_access=");
	sct_print_xlat(d->o, SCT_XLAT_landlock_access_fs, sct_get64(p));
	sct_out_puts(d->o, ", parent_fd=");
	sct_print_fd(d, i, (int32_t)sct_get32(p + 8));
	sct_out_putc(d->o, '}');
	return 0;
}
