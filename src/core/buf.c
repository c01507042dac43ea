/* buf.c - growable byte buffer. */
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "text/utf8.h"

void ws_buf_init(ws_buf *b, const ws_allocator *mem)
{
    b->mem = mem;
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void ws_buf_release(ws_buf *b)
{
    ws_free(b->mem, b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int ws_buf_reserve(ws_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return WS_ELIMIT;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return WS_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *d = ws_realloc(b->mem, b->data, b->cap, cap);
    if (!d)
        return WS_ENOMEM;
    b->data = d;
    b->cap = cap;
    return WS_OK;
}

int ws_buf_put_grow(ws_buf *b, const char *s, size_t len)
{
    int rc = ws_buf_reserve(b, len);
    if (rc < 0)
        return rc;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return WS_OK;
}

int ws_buf_puts(ws_buf *b, const char *s)
{
    return ws_buf_put(b, s, strlen(s));
}

int ws_buf_printf(ws_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return WS_EINVAL;
    if ((size_t)n < sizeof small)
        return ws_buf_put(b, small, (size_t)n);
    int rc = ws_buf_reserve(b, (size_t)n);
    if (rc < 0)
        return rc;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return WS_OK;
}

int ws_buf_put_cp(ws_buf *b, int32_t cp)
{
    char u[4];
    return ws_buf_put(b, u, ws_utf8_encode(cp, u));
}

void ws_buf_truncate(ws_buf *b, size_t len)
{
    if (len < b->len) {
        b->len = len;
        b->data[len] = '\0';
    }
}

char *ws_buf_detach(ws_buf *b, size_t *len)
{
    char *d = b->data;
    if (len)
        *len = b->len;
    if (!d)
        d = ws_strndup(b->mem, "", 0);
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}
