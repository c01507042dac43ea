/*
 * alloc.h - the allocator every part of libwhosaid allocates through, and the
 * growable arrays built on it.
 */
#ifndef WS_ALLOC_H
#define WS_ALLOC_H

#include <stddef.h>
#include <stdint.h>

#include "whosaid.h"

/* Allocate @n bytes (n == 0 allocates 1 so that NULL always means failure). */
void *ws_alloc(const ws_allocator *mem, size_t n);
/* Allocate @n zeroed bytes. */
void *ws_calloc(const ws_allocator *mem, size_t count, size_t elem_size);
void *ws_realloc(const ws_allocator *mem, void *p, size_t old_n, size_t new_n);
void ws_free(const ws_allocator *mem, void *p);
char *ws_strdup(const ws_allocator *mem, const char *s);
char *ws_strndup(const ws_allocator *mem, const char *s, size_t len);

/* The allocator for a NULL ws_allocator pointer: malloc, realloc, free. */
extern const ws_allocator ws_default_allocator;

/*
 * Make room for at least @need elements of @elem_size bytes in the array
 * whose pointer is at @pdata (a T **) and whose capacity is *cap. Grows
 * geometrically; returns WS_ENOMEM (array untouched) or WS_EINVAL on size
 * overflow. The pointer is passed as void * and copied with memcpy so that
 * any T ** can be given without breaking aliasing rules.
 */
int ws_array_grow_to(const ws_allocator *mem, void *pdata, size_t *cap, size_t need, size_t elem_size);

/* Bytes an array starts with: its first block holds 8 elements, or as many
 * more as fit here. An article's arrays of small elements (heap entries,
 * offsets, mention indexes) mostly end with some dozens: they then grow
 * once or not at all instead of three or four times. */
enum { WS_ARRAY_FIRST_BYTES = 512 };

/* The capacity ws_array_grow_to() gives an array of @cap elements of
 * @elem_size bytes that needs @need, into *new_cap; WS_EINVAL on overflow.
 * For arrays kept elsewhere (in an arena) that grow the same way. */
static inline int ws_array_grown_cap(size_t cap, size_t need, size_t elem_size, size_t *new_cap)
{
    size_t grown = cap ? cap : elem_size && WS_ARRAY_FIRST_BYTES / elem_size > 8 ? WS_ARRAY_FIRST_BYTES / elem_size : 8;
    while (grown < need) {
        if (grown > SIZE_MAX / 2)
            return WS_EINVAL;
        grown *= 2;
    }
    if (elem_size && grown > SIZE_MAX / elem_size)
        return WS_EINVAL;
    *new_cap = grown;
    return WS_OK;
}
/* Inline because arrays grow one element at a time in the hot loops (a
 * token, a mention): the common case is a comparison. */
static inline int ws_array_reserve(const ws_allocator *mem, void *pdata, size_t *cap, size_t need,
                                   size_t elem_size)
{
    return need <= *cap ? WS_OK : ws_array_grow_to(mem, pdata, cap, need, elem_size);
}

/*
 * A typed growable array: WS_ARRAY(struct x) items; ws_array_reserve then
 * items.v[items.n++] = x. Free with ws_free(mem, items.v).
 */
#define WS_ARRAY(T)                                                                                \
    struct {                                                                                       \
        T *v;                                                                                      \
        size_t n, cap;                                                                             \
    }

/* Reserve room for one more element in a WS_ARRAY. */
#define WS_ARRAY_GROW(mem, arr) ws_array_reserve((mem), &(arr).v, &(arr).cap, (arr).n + 1, sizeof *(arr).v)

/* Evaluate @e into rc and jump to the function's single `out:` label on failure. */
#define WS_TRY(e)                                                                                  \
    do {                                                                                           \
        rc = (e);                                                                                  \
        if (rc < 0)                                                                                \
            goto out;                                                                              \
    } while (0)

#endif
