/* messages.c - error messages on standard error, file names made safe. */
#include "cli/messages.h"

#include <stdarg.h>
#include <stdio.h>

/* Where this thread's messages go: NULL for standard error. */
static _Thread_local FILE *messages_out;

void ws_cli_messages_to(FILE *fp)
{
    messages_out = fp;
}

/* @path with C0 and C1 control characters and DEL as \xHH escapes. */
static void put_path(FILE *out, const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\x%02x", *p);
        else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            fprintf(out, "\\u%04x", *++p); /* C1: U+0080..U+009F */
        else
            fputc(*p, out);
    }
}

void ws_cli_error(const char *path, unsigned line, unsigned col, const char *fmt, ...)
{
    FILE *out = messages_out ? messages_out : stderr;
    fputs("whosaid: ", out);
    if (path && path[0]) {
        put_path(out, path);
        if (line)
            fprintf(out, ":%u:%u", line, col);
        fputs(": ", out);
    }
    va_list ap;
    va_start(ap, fmt);
    /* (A call for each stream: through the stream chosen above, GCC 12
     * with -fsanitize=address wrongly warns of a null format string.) */
    if (messages_out)
        vfprintf(messages_out, fmt, ap);
    else
        vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', out);
}

void ws_cli_print_diag(const ws_diag *d)
{
    ws_cli_error(d->file, d->line, d->col, "%s", d->message);
}
