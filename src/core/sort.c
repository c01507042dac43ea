/* sort.c - bottom-up merge sort: stable, O(n log n), no recursion. */
#include "core/sort.h"

#include <string.h>

#include "core/alloc.h"

int ws_sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *ud),
            void *ud, const ws_allocator *mem)
{
    if (n < 2)
        return WS_OK;
    unsigned char *tmp = ws_calloc(mem, n, size);
    if (!tmp)
        return WS_ENOMEM;
    unsigned char *src = base, *dst = tmp;
    for (size_t width = 1; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                /* Take from the right only when strictly smaller: stable. */
                if (cmp(src + j * size, src + i * size, ud) < 0)
                    memcpy(dst + k++ * size, src + j++ * size, size);
                else
                    memcpy(dst + k++ * size, src + i++ * size, size);
            }
            if (i < mid)
                memcpy(dst + k * size, src + i * size, (mid - i) * size), k += mid - i;
            if (j < hi)
                memcpy(dst + k * size, src + j * size, (hi - j) * size);
        }
        unsigned char *t = src;
        src = dst;
        dst = t;
    }
    if (src != base)
        memcpy(base, src, n * size);
    ws_free(mem, tmp);
    return WS_OK;
}
