/*
 * test_offmap.c - lines and columns of input offsets: whatever path a query
 * takes (counting on from the last one, or from the line start through the
 * checkpoints), the column is the number of code points since the line
 * start, plus one.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "text/offmap.h"

/* Line and column of every offset of @src (@len + 1 of them) counted one
 * byte at a time: a line ends after \n, or after \r not before \n. */
static void naive_positions(const char *src, size_t len, uint32_t *lines, uint32_t *cols)
{
    uint32_t l = 1, c = 1;
    for (size_t i = 0;; i++) {
        lines[i] = l;
        cols[i] = c;
        if (i == len)
            break;
        unsigned char b = (unsigned char)src[i];
        if (b == '\n' || (b == '\r' && src[i + 1] != '\n')) {
            l++;
            c = 1;
        } else if ((b & 0xC0) != 0x80) {
            c++;
        }
    }
}

static void positions_match_counting(void **state)
{
    (void)state;
    /* Short and long lines (several checkpoints long), two- to four-byte
     * characters on checkpoint boundaries, and every kind of line end. */
    static const char *const pieces[] = {"plain words ", "caf\xc3\xa9 ", "\xe2\x80\x9cquoted\xe2\x80\x9d ",
                                         "\xf0\x9f\x98\x80", "\n", "\r\n", "\r", "x"};
    size_t cap = 20000, len = 0;
    char *src = malloc(cap + 1);
    assert_non_null(src);
    unsigned seed = 7;
    while (len < cap - 16) {
        seed = seed * 1103515245u + 12345u;
        size_t k = (seed >> 16) % (sizeof pieces / sizeof *pieces);
        /* Line ends are rare, so that most lines run past many checkpoints. */
        if (k >= 4 && k <= 6 && (seed >> 8) % 64)
            k = 0;
        size_t n = strlen(pieces[k]);
        memcpy(src + len, pieces[k], n);
        len += n;
    }
    src[len] = '\0';

    uint32_t *want_lines = malloc((len + 1) * sizeof *want_lines);
    uint32_t *want_cols = malloc((len + 1) * sizeof *want_cols);
    assert_true(want_lines && want_cols);
    naive_positions(src, len, want_lines, want_cols);

    ws_offmap m;
    ws_offmap_init(&m, &ws_default_allocator);
    assert_int_equal(ws_offmap_index_source(&m, src, (uint32_t)len), WS_OK);
    /* In order (the cache counts on), then jumping about (it cannot). */
    for (int pass = 0; pass < 2; pass++) {
        for (uint32_t q = 0; q <= len; q++) {
            uint32_t off = pass == 0 ? q : (uint32_t)(((uint64_t)q * 7919u) % (len + 1));
            uint32_t line, col;
            ws_offmap_position(&m, off, &line, &col);
            assert_int_equal(line, want_lines[off]);
            assert_int_equal(col, want_cols[off]);
        }
    }
    ws_offmap_release(&m);
    free(want_lines);
    free(want_cols);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions_match_counting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
