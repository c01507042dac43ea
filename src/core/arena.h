/*
 * arena.h - bump allocation for everything that lives exactly as long as one
 * document's report: spans, strings, model nodes. Freed all at once.
 */
#ifndef WS_ARENA_H
#define WS_ARENA_H

#include <stdalign.h>
#include <stddef.h>

#include "whosaid.h"

struct ws_arena_chunk;

typedef struct ws_arena {
    const ws_allocator *mem;
    struct ws_arena_chunk *head;
    size_t next_chunk_size;
    /* The head chunk's free bytes: @room of them from @next (0 and NULL
     * before the first chunk; a count, not an end pointer, so that no
     * arithmetic is done on a null pointer). An allocation that fits takes
     * them from here, inline. @next is aligned for any type and @room a
     * multiple of that alignment, as every allocation's size is rounded. */
    unsigned char *next;
    size_t room;
} ws_arena;

void ws_arena_init(ws_arena *a, const ws_allocator *mem);
/* Free every chunk; the arena can be used again afterwards. */
void ws_arena_release(ws_arena *a);
/* ws_arena_alloc() when the head chunk has no room (or @n is 0). */
void *ws_arena_alloc_slow(ws_arena *a, size_t n);

/* @n bytes aligned for any type, or NULL when memory runs out. Inline for
 * the common case, a bump of the head chunk's free bytes: documents make
 * tens of thousands of small allocations (strings, mentions, spans). */
static inline void *ws_arena_alloc(ws_arena *a, size_t n)
{
    /* (n - 1 wraps for n == 0: the slow path gives it its aligned unit.) */
    if (n - 1 < a->room) {
        void *p = a->next;
        size_t taken = (n + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);
        a->next += taken;
        a->room -= taken;
        return p;
    }
    return ws_arena_alloc_slow(a, n);
}

/* Zeroed @count * @elem_size bytes, or NULL (also on overflow). */
void *ws_arena_calloc(ws_arena *a, size_t count, size_t elem_size);
char *ws_arena_strndup(ws_arena *a, const char *s, size_t len);
char *ws_arena_strdup(ws_arena *a, const char *s);
/* Copy @count elements of @elem_size from @src into the arena. */
void *ws_arena_memdup(ws_arena *a, const void *src, size_t count, size_t elem_size);

#endif
