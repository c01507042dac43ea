/*
 * buf.h - a growable byte buffer (always NUL-terminated once anything has
 * been put in it), used to build text and output.
 */
#ifndef WS_BUF_H
#define WS_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

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
/* The slow path of ws_buf_put(): the buffer grows first. */
int ws_buf_put_grow(ws_buf *b, const char *s, size_t len);
/* Inline because renderers call it for every few bytes they write. */
static inline int ws_buf_put(ws_buf *b, const char *s, size_t len)
{
    if (len < b->cap - b->len) {
        memcpy(b->data + b->len, s, len);
        b->len += len;
        b->data[b->len] = '\0';
        return WS_OK;
    }
    return ws_buf_put_grow(b, s, len);
}
int ws_buf_puts(ws_buf *b, const char *s);
/* Inline too: keys and words are built a character at a time. */
static inline int ws_buf_putc(ws_buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return WS_OK;
    }
    return ws_buf_put_grow(b, &c, 1);
}
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
