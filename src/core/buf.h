/*
 * buf.h - a growable byte buffer (always NUL-terminated once anything has
 * been put in it), used to build text and output.
 */
#ifndef WS_BUF_H
#define WS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "whosaid.h"

typedef struct ws_buf {
    const ws_allocator *mem;
    char *data;
    size_t len;
    size_t cap;
} ws_buf;

void ws_buf_init(ws_buf *b, const ws_allocator *mem);
void ws_buf_release(ws_buf *b);
/* Make room for @extra more bytes plus the NUL. */
int ws_buf_reserve(ws_buf *b, size_t extra);
int ws_buf_put(ws_buf *b, const char *s, size_t len);
int ws_buf_puts(ws_buf *b, const char *s);
int ws_buf_putc(ws_buf *b, char c);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
int ws_buf_printf(ws_buf *b, const char *fmt, ...);
/* Append a code point as UTF-8. */
int ws_buf_put_cp(ws_buf *b, int32_t cp);
void ws_buf_truncate(ws_buf *b, size_t len);
/* Hand the data to the caller (free with ws_free(mem, p)); the buffer is empty after. */
char *ws_buf_detach(ws_buf *b, size_t *len);

#endif
