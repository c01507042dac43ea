/* arena.c - chunked bump allocator, one per report. */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"

struct ws_arena_chunk {
    struct ws_arena_chunk *next;
    alignas(max_align_t) unsigned char data[];
};

enum { FIRST_CHUNK = 16 * 1024, MAX_GROWN_CHUNK = 1024 * 1024 };

void ws_arena_init(ws_arena *a, const ws_allocator *mem)
{
    a->mem = mem;
    a->head = NULL;
    a->next_chunk_size = FIRST_CHUNK;
    a->next = NULL;
    a->room = 0;
}

void ws_arena_release(ws_arena *a)
{
    struct ws_arena_chunk *c = a->head;
    while (c) {
        struct ws_arena_chunk *next = c->next;
        ws_free(a->mem, c);
        c = next;
    }
    a->head = NULL;
    a->next_chunk_size = FIRST_CHUNK;
    a->next = NULL;
    a->room = 0;
}

void *ws_arena_alloc_slow(ws_arena *a, size_t n)
{
    const size_t align = alignof(max_align_t);
    if (n > SIZE_MAX - align)
        return NULL;
    n = (n + align - 1) & ~(align - 1);
    if (n == 0)
        n = align;
    if (n <= a->room) {
        /* (Only a request of 0 bytes gets here with room left.) */
        void *p = a->next;
        a->next += n;
        a->room -= n;
        return p;
    }
    /* Big requests get a chunk of their own so that they waste nothing. */
    size_t size = n > a->next_chunk_size ? n : a->next_chunk_size;
    struct ws_arena_chunk *c;
    if (size > SIZE_MAX - sizeof *c)
        return NULL;
    c = ws_alloc(a->mem, sizeof *c + size);
    if (!c)
        return NULL;
    if (a->head && n > a->next_chunk_size) {
        /* Keep filling the current chunk: put the big one behind it. */
        c->next = a->head->next;
        a->head->next = c;
        return c->data;
    }
    c->next = a->head;
    a->head = c;
    if (a->next_chunk_size < MAX_GROWN_CHUNK)
        a->next_chunk_size *= 2;
    a->next = c->data + n;
    a->room = size - n;
    return c->data;
}

void *ws_arena_calloc(ws_arena *a, size_t count, size_t elem_size)
{
    if (elem_size && count > SIZE_MAX / elem_size)
        return NULL;
    void *p = ws_arena_alloc(a, count * elem_size);
    if (p)
        memset(p, 0, count * elem_size);
    return p;
}

char *ws_arena_strndup(ws_arena *a, const char *s, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    char *d = ws_arena_alloc(a, len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

char *ws_arena_strdup(ws_arena *a, const char *s)
{
    return ws_arena_strndup(a, s, strlen(s));
}

void *ws_arena_memdup(ws_arena *a, const void *src, size_t count, size_t elem_size)
{
    if (elem_size && count > SIZE_MAX / elem_size)
        return NULL;
    void *d = ws_arena_alloc(a, count * elem_size);
    if (d && count)
        memcpy(d, src, count * elem_size);
    return d;
}
