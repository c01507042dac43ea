/*
 * arena.h - bump allocation for everything that lives exactly as long as one
 * document's report: spans, strings, model nodes. Freed all at once.
 */
#ifndef WS_ARENA_H
#define WS_ARENA_H

#include <stddef.h>

#include "whosaid.h"

struct ws_arena_chunk;

typedef struct ws_arena {
    const ws_allocator *mem;
    struct ws_arena_chunk *head;
    size_t next_chunk_size;
} ws_arena;

void ws_arena_init(ws_arena *a, const ws_allocator *mem);
/* Free every chunk; the arena can be used again afterwards. */
void ws_arena_release(ws_arena *a);
/* @n bytes aligned for any type, or NULL when memory runs out. */
void *ws_arena_alloc(ws_arena *a, size_t n);
/* Zeroed @count * @elem_size bytes, or NULL (also on overflow). */
void *ws_arena_calloc(ws_arena *a, size_t count, size_t elem_size);
char *ws_arena_strndup(ws_arena *a, const char *s, size_t len);
char *ws_arena_strdup(ws_arena *a, const char *s);
/* Copy @count elements of @elem_size from @src into the arena. */
void *ws_arena_memdup(ws_arena *a, const void *src, size_t count, size_t elem_size);

#endif
