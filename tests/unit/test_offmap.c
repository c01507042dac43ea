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

/* Every offset of @src, queried in order (mostly on the cached line) and
 * then jumping about (mostly not), has the line and column of
 * naive_positions(). */
static void check_every_offset(const char *src, size_t len)
{
    uint32_t *want_lines = malloc((len + 1) * sizeof *want_lines);
    uint32_t *want_cols = malloc((len + 1) * sizeof *want_cols);
    assert_true(want_lines && want_cols);
    naive_positions(src, len, want_lines, want_cols);

    ws_offmap m;
    ws_offmap_init(&m, &ws_default_allocator);
    assert_int_equal(ws_offmap_index_source(&m, src, (uint32_t)len), WS_OK);
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

    check_every_offset(src, len);
    free(src);
}

/* Plain ASCII stretches, where a column is a difference of offsets, beside
 * a few characters of two to four bytes, and inputs that end on a
 * checkpoint, just before or just after one. */
static void positions_in_mostly_ascii_text(void **state)
{
    (void)state;
    static const char *const rare[] = {"\xc2\xa3", "\xe2\x80\x99", "\xf0\x9f\x98\x80", "\n"};
    size_t lens[] = {0, 1, 63, 64, 65, 127, 128, 129, 1000, 4096, 4097};
    char *src = malloc(4098);
    assert_non_null(src);
    unsigned seed = 11;
    for (size_t t = 0; t < sizeof lens / sizeof *lens; t++) {
        for (int with_rare = 0; with_rare < 2; with_rare++) {
            size_t len = 0;
            while (len < lens[t]) {
                seed = seed * 1103515245u + 12345u;
                const char *piece = with_rare && (seed >> 16) % 97 == 0 ? rare[(seed >> 8) % 4] : "Ana Ruiz said ";
                size_t n = strlen(piece);
                if (n > lens[t] - len)
                    n = lens[t] - len; /* may cut a character: offsets still count */
                memcpy(src + len, piece, n);
                len += n;
            }
            src[len] = '\0';
            check_every_offset(src, len);
        }
    }
    free(src);
}

/* Plain ASCII lines of 0 to 140 bytes beside lines with a character of
 * two to four bytes, sharing checkpoint stretches with them or not: a
 * column on a line found to be ASCII is its distance from the line start,
 * whether the query is the line's first or a later one. */
static void ascii_lines_beside_others(void **state)
{
    (void)state;
    static const char *const wide[] = {"\xc2\xa3", "\xe2\x80\x99", "\xf0\x9f\x98\x80"};
    char *src = malloc(40000);
    assert_non_null(src);
    size_t len = 0;
    for (size_t n = 0; n <= 140; n++) {
        for (size_t k = 0; k < n; k++)
            src[len++] = (char)('a' + k % 26);
        src[len++] = '\n';
        /* A line with a wide character at its start, middle or end. */
        size_t at = n % 3 == 0 ? 0 : n % 3 == 1 ? n / 2 : n;
        for (size_t k = 0; k <= n; k++) {
            if (k == at) {
                size_t w = strlen(wide[n % 3]);
                memcpy(src + len, wide[n % 3], w);
                len += w;
            }
            if (k < n)
                src[len++] = 'x';
        }
        src[len++] = n % 2 ? '\n' : '\r';
    }
    src[len] = '\0';
    check_every_offset(src, len);
    free(src);
}

/* Long lines made only of characters of three and four bytes (most
 * bytes continue a character, 48 of every 64 at most), of ASCII with one
 * such character every 64 bytes, each on either side of a checkpoint, so
 * that every stretch of 64 is counted a word at a time. */
static void positions_in_wide_text(void **state)
{
    (void)state;
    char *src = malloc(3000);
    assert_non_null(src);
    for (int kind = 0; kind < 3; kind++) {
        size_t len = 0;
        while (len < 2900) {
            if (kind == 0) {
                memcpy(src + len, "\xf0\x9f\x98\x80", 4);
                len += 4;
            } else if (kind == 1) {
                memcpy(src + len, len % 7 ? "\xe2\x80\x99" : "\xf0\x9f\x98\x80", len % 7 ? 3 : 4);
                len += len % 7 ? 3 : 4;
            } else if (len % 64 == 62 || len % 64 == 63) {
                memcpy(src + len, "\xc2\xa3", 2);
                len += 2;
            } else {
                src[len++] = 'a';
            }
            if (len % 1000 < 4)
                src[len++] = '\n';
        }
        src[len] = '\0';
        check_every_offset(src, len);
    }
    free(src);
}

/*
 * Spans over a map of many segments (copies, replaced stretches such as a
 * decoded entity, inserted text with no input behind it), asked in text
 * order, backwards and jumping about, so that the segment and the line of
 * the last span are sometimes right and mostly wrong: each is what
 * ws_offmap_to_src() and ws_offmap_position() give on a map that has
 * answered nothing yet. Lines with a two-byte character in every word,
 * then lines of plain ASCII (where a span's line and column come from
 * the cached line without counting), then both.
 */
/* ws_offmap_to_src() as offmap.h says it, by a walk over every segment:
 * the last one starting at or before @off (strictly before, for an end). */
static uint32_t walked_to_src(const ws_offmap *m, uint32_t off, bool is_end)
{
    if (m->segs.n == 0)
        return 0;
    size_t before = 0;
    for (size_t i = 0; i < m->segs.n; i++)
        if (is_end ? m->segs.v[i].text_off < off : m->segs.v[i].text_off <= off)
            before = i + 1;
    if (before == 0)
        return m->segs.v[0].src_off;
    const ws_offmap_seg *g = &m->segs.v[before - 1];
    if (off - g->text_off >= g->text_len)
        return g->src_off + g->src_len;
    if (g->is_copy)
        return g->src_off + (off - g->text_off);
    return is_end ? g->src_off + g->src_len : g->src_off;
}

static void check_spans(int words)
{
    /* Input: lines of words with entities, "&amp;" becoming "&" in the text. */
    static const char *const word[] = {"Tom Hale \xc3\xa9 ", "Tom Hale e ", "Tom Hale \xc3\xa9 "};
    char src[6000];
    size_t src_len = 0;
    unsigned seed = 5;
    while (src_len < sizeof src - 64) {
        seed = seed * 1103515245u + 12345u;
        const char *plain = word[words < 2 ? (unsigned)words : (seed >> 24) % 2];
        const char *piece = (seed >> 16) % 5 == 0 ? "&amp;" : (seed >> 16) % 7 == 0 ? "\n" : plain;
        size_t n = strlen(piece);
        memcpy(src + src_len, piece, n);
        src_len += n;
    }
    src[src_len] = '\0';
    ws_offmap m;
    ws_offmap_init(&m, &ws_default_allocator);
    assert_int_equal(ws_offmap_index_source(&m, src, (uint32_t)src_len), WS_OK);
    uint32_t text_len = 0;
    for (uint32_t i = 0; i < src_len;) {
        if (!strncmp(src + i, "&amp;", 5)) {
            assert_int_equal(ws_offmap_add(&m, text_len, i, 1, 5, false), WS_OK);
            text_len += 1;
            i += 5;
        } else {
            assert_int_equal(ws_offmap_add(&m, text_len, i, 1, 1, true), WS_OK);
            text_len += 1;
            i += 1;
            /* Now and then a paragraph break the reader inserted. */
            if (src[i - 1] == '\n') {
                assert_int_equal(ws_offmap_add(&m, text_len, i, 1, 0, false), WS_OK);
                text_len += 1;
            }
        }
    }
    assert_true(m.segs.n > 100);
    for (int order = 0; order < 3; order++) {
        for (uint32_t q = 0; q < 3000; q++) {
            seed = seed * 1103515245u + 12345u;
            uint32_t start = order == 0 ? q * text_len / 3000 : order == 1 ? (2999 - q) * text_len / 3000
                                                                            : (seed >> 8) % (text_len + 1);
            uint32_t end = start + (seed >> 20) % 200;
            if (end > text_len)
                end = text_len;
            ws_span got = ws_offmap_span(&m, start, end);
            ws_offmap fresh = m;
            fresh.cache_line = 0;
            fresh.seg_hint = 0;
            uint32_t want_start = ws_offmap_to_src(&fresh, start, false);
            uint32_t want_end = end > start ? ws_offmap_to_src(&fresh, end, true) : want_start;
            if (want_end < want_start)
                want_end = want_start;
            assert_int_equal(got.start, want_start);
            assert_int_equal(got.end, want_end);
            assert_int_equal(want_start, walked_to_src(&m, start, false));
            if (end > start && walked_to_src(&m, end, true) >= want_start)
                assert_int_equal(want_end, walked_to_src(&m, end, true));
            uint32_t line, col;
            ws_offmap_position(&fresh, want_start, &line, &col);
            assert_int_equal(got.line, line);
            assert_int_equal(got.col, col);
            fresh.cache_line = 0;
            ws_offmap_position(&fresh, want_end, &line, &col);
            assert_int_equal(got.end_line, line);
            assert_int_equal(got.end_col, col);
        }
    }
    ws_offmap_release(&m);
}

static void spans_match_their_offsets(void **state)
{
    (void)state;
    for (int words = 0; words < 3; words++)
        check_spans(words);
}

/* No stretch of plain ASCII at all: every column counted within its
 * stretch, from each of its 64 bytes; inputs that end on a checkpoint, a
 * byte either side of one, and with characters across every checkpoint. */
static void positions_where_no_stretch_is_ascii(void **state)
{
    (void)state;
    static const char *const wide[] = {"\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x98\x80"};
    char src[300];
    for (size_t w = 0; w < sizeof wide / sizeof *wide; w++) {
        for (size_t lead = 0; lead < 4; lead++) {
            for (size_t len = 125; len <= 260; len++) {
                size_t n = 0;
                for (; n < lead; n++)
                    src[n] = 'a';
                while (n < len) {
                    size_t piece = strlen(wide[w]);
                    if (piece > len - n)
                        piece = len - n; /* may cut a character: offsets still count */
                    memcpy(src + n, wide[w], piece);
                    n += piece;
                }
                src[len] = '\0';
                check_every_offset(src, len);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(positions_match_counting),
        cmocka_unit_test(positions_where_no_stretch_is_ascii),
        cmocka_unit_test(positions_in_mostly_ascii_text),
        cmocka_unit_test(ascii_lines_beside_others),
        cmocka_unit_test(positions_in_wide_text),
        cmocka_unit_test(spans_match_their_offsets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
