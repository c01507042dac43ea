/* alloc.c - allocation through the caller's ws_allocator, and array growth. */
#include "alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *default_alloc(void *ud, size_t n)
{
    (void)ud;
    return malloc(n);
}

static void *default_realloc(void *ud, void *p, size_t old_n, size_t new_n)
{
    (void)ud;
    (void)old_n;
    return realloc(p, new_n);
}

static void default_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}

const ws_allocator ws_default_allocator = {default_alloc, default_realloc, default_free, NULL};

void *ws_alloc(const ws_allocator *mem, size_t n)
{
    return mem->alloc(mem->ud, n ? n : 1);
}

void *ws_calloc(const ws_allocator *mem, size_t count, size_t elem_size)
{
    if (elem_size && count > SIZE_MAX / elem_size)
        return NULL;
    void *p = ws_alloc(mem, count * elem_size);
    if (p)
        memset(p, 0, count * elem_size);
    return p;
}

void *ws_realloc(const ws_allocator *mem, void *p, size_t old_n, size_t new_n)
{
    return mem->realloc(mem->ud, p, old_n, new_n ? new_n : 1);
}

void ws_free(const ws_allocator *mem, void *p)
{
    if (p)
        mem->free(mem->ud, p);
}

char *ws_strndup(const ws_allocator *mem, const char *s, size_t len)
{
    char *d = ws_alloc(mem, len + 1);
    if (d) {
        memcpy(d, s, len);
        d[len] = '\0';
    }
    return d;
}

char *ws_strdup(const ws_allocator *mem, const char *s)
{
    return ws_strndup(mem, s, strlen(s));
}

/* The slow path of ws_array_reserve(): @need is more than *cap. */
int ws_array_grow_to(const ws_allocator *mem, void *pdata, size_t *cap, size_t need, size_t elem_size)
{
    size_t new_cap;
    int rc = ws_array_grown_cap(*cap, need, elem_size, &new_cap);
    if (rc < 0)
        return rc;
    void *old;
    memcpy(&old, pdata, sizeof old);
    void *grown = ws_realloc(mem, old, *cap * elem_size, new_cap * elem_size);
    if (!grown)
        return WS_ENOMEM;
    memcpy(pdata, &grown, sizeof grown);
    *cap = new_cap;
    return WS_OK;
}
