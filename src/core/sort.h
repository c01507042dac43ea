/* sort.h - a stable merge sort with a user pointer (qsort has none). */
#ifndef WS_SORT_H
#define WS_SORT_H

#include <stddef.h>

#include "whosaid.h"

/*
 * Sort @n elements of @size bytes at @base, stably, by @cmp (which gets
 * @ud). Needs n * size bytes of scratch from @mem: WS_ENOMEM without them.
 */
int ws_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *ud),
            void *ud, const ws_allocator *mem);

#endif
