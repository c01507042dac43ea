/* messages.c - error messages on standard error, file names made safe. */
#include "cli/messages.h"

#include <stdarg.h>
#include <stdio.h>

/* @path with C0 and C1 control characters and DEL as \xHH escapes. */
static void put_path(const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fprintf(stderr, "\\x%02x", *p);
        else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            fprintf(stderr, "\\u%04x", *++p); /* C1: U+0080..U+009F */
        else
            fputc(*p, stderr);
    }
}

void ws_cli_error(const char *path, unsigned line, unsigned col, const char *fmt, ...)
{
    fputs("whosaid: ", stderr);
    if (path && path[0]) {
        put_path(path);
        if (line)
            fprintf(stderr, ":%u:%u", line, col);
        fputs(": ", stderr);
    }
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

void ws_cli_print_diag(const ws_diag *d)
{
    ws_cli_error(d->file, d->line, d->col, "%s", d->message);
}
