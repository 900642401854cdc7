#ifndef SCT_EMIT_H
#define SCT_EMIT_H

#include "spec.h"

/* Write calltab.c, xlattab.c, xlattab.h, callidx.h, wrappers.c and exports.map into dir; -1 on error
 * (already reported on stderr). */
int emit_all(const struct spec *s, const char *dir);

#endif
