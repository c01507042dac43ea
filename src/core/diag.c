/* diag.c - filling the caller's ws_diag. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int ws_diag_set(ws_diag *d, int code, const char *file, uint64_t byte_off, uint32_t line,
                uint32_t col, const char *fmt, ...)
{
    if (!d)
        return code;
    d->code = code;
    snprintf(d->file, sizeof d->file, "%s", file ? file : "");
    d->byte_off = byte_off;
    d->line = line;
    d->col = col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(d->message, sizeof d->message, fmt, ap);
    va_end(ap);
    return code;
}
