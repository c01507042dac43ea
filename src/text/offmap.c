/*
 * offmap.c - text offset -> input offset -> line and column.
 */
#include "offmap.h"

#include <string.h>

void ws_offmap_init(ws_offmap *m, const ws_allocator *mem)
{
    memset(m, 0, sizeof *m);
    m->mem = mem;
}

void ws_offmap_release(ws_offmap *m)
{
    ws_free(m->mem, m->segs.v);
    ws_free(m->mem, m->line_starts.v);
    ws_free(m->mem, m->cp_checkpoints.v);
    memset(&m->segs, 0, sizeof m->segs);
    memset(&m->line_starts, 0, sizeof m->line_starts);
    memset(&m->cp_checkpoints, 0, sizeof m->cp_checkpoints);
}

/* A byte starts a code point unless it is 10xxxxxx: a 1 in each byte of
 * @w that continues one. */
static inline uint64_t continuation_bytes(uint64_t w)
{
    return (w >> 7) & (~w >> 6) & UINT64_C(0x0101010101010101);
}

/* The sum of the bytes of @ones_per_byte (at most 255 in all), by one
 * multiplication. */
static inline uint32_t sum_of_bytes(uint64_t ones_per_byte)
{
    return (uint32_t)((ones_per_byte * UINT64_C(0x0101010101010101)) >> 56);
}

/* Whether the 64 bytes at @p are plain ASCII (then as many code points):
 * one test of their eight words OR-ed together. */
static inline bool is_ascii_block(const char *p)
{
    uint64_t w[8];
    memcpy(w, p, sizeof w);
    return ((w[0] | w[1] | w[2] | w[3] | w[4] | w[5] | w[6] | w[7]) & UINT64_C(0x8080808080808080)) == 0;
}

static uint32_t count_cps(const char *s, uint32_t from, uint32_t to)
{
    uint32_t n = 0, i = from;
    /* Most of news text is plain ASCII, tested 64 bytes at a time; other
     * stretches are counted a word at a time. */
    for (; i + 64 <= to; i += 64) {
        if (is_ascii_block(s + i)) {
            n += 64;
            continue;
        }
        /* Each byte of the sum counts at most eight. */
        uint64_t cont = 0;
        for (int k = 0; k < 8; k++) {
            uint64_t w;
            memcpy(&w, s + i + 8 * k, 8);
            cont += continuation_bytes(w);
        }
        n += 64 - sum_of_bytes(cont);
    }
    for (; i + 8 <= to; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        n += 8 - sum_of_bytes(continuation_bytes(w));
    }
    for (; i < to; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

int ws_offmap_index_source(ws_offmap *m, const char *src, uint32_t src_len)
{
    int rc;
    m->src = src;
    m->src_len = src_len;
    m->line_starts.n = 0;
    m->cp_checkpoints.n = 0;
    m->cache_line = 0;
    if ((rc = WS_ARRAY_GROW(m->mem, m->line_starts)) < 0)
        return rc;
    m->line_starts.v[m->line_starts.n++] = 0;
    /* Line starts: after each \n, and after a \r not followed by \n. Most
     * inputs have no \r at all: then no line is searched for one. */
    const char *first_cr = memchr(src, '\r', src_len);
    for (uint32_t i = 0; i < src_len;) {
        const char *nl = memchr(src + i, '\n', src_len - i);
        uint32_t stop = nl ? (uint32_t)(nl - src) : src_len;
        for (const char *cr = first_cr && first_cr < src + stop ? memchr(src + i, '\r', stop - i) : NULL; cr;
             cr = memchr(cr + 1, '\r', stop - (uint32_t)(cr + 1 - src))) {
            uint32_t at = (uint32_t)(cr - src);
            if (at + 1 < src_len && src[at + 1] == '\n')
                break;
            if ((rc = WS_ARRAY_GROW(m->mem, m->line_starts)) < 0)
                return rc;
            m->line_starts.v[m->line_starts.n++] = at + 1;
            if (at + 1 >= stop)
                break;
        }
        if (!nl)
            break;
        if ((rc = WS_ARRAY_GROW(m->mem, m->line_starts)) < 0)
            return rc;
        m->line_starts.v[m->line_starts.n++] = stop + 1;
        i = stop + 1;
    }
    /* Code points before each checkpoint. */
    uint32_t n_checkpoints = src_len / WS_OFFMAP_CHECKPOINT + 1;
    if ((rc = ws_array_reserve(m->mem, &m->cp_checkpoints.v, &m->cp_checkpoints.cap, n_checkpoints,
                               sizeof *m->cp_checkpoints.v)) < 0)
        return rc;
    /* One checkpoint a stretch, the last one short (one for an empty input). */
    uint32_t n_cp = 0, n_full = src_len / WS_OFFMAP_CHECKPOINT;
    uint32_t *cp = m->cp_checkpoints.v;
    for (uint32_t k = 0; k < n_full; k++) {
        const char *p = src + k * WS_OFFMAP_CHECKPOINT;
        cp[k] = n_cp;
        n_cp += is_ascii_block(p) ? WS_OFFMAP_CHECKPOINT : count_cps(p, 0, WS_OFFMAP_CHECKPOINT);
    }
    m->cp_checkpoints.n = n_full;
    if (src_len % WS_OFFMAP_CHECKPOINT || n_full == 0) {
        cp[m->cp_checkpoints.n++] = n_cp;
        n_cp += count_cps(src, n_full * WS_OFFMAP_CHECKPOINT, src_len);
    }
    m->n_cps = n_cp;
    return WS_OK;
}

int ws_offmap_add(ws_offmap *m, uint32_t text_off, uint32_t src_off, uint32_t text_len,
                  uint32_t src_len, bool is_copy)
{
    if (text_len == 0 && src_len == 0)
        return WS_OK;
    if (is_copy && text_len != src_len)
        is_copy = false;
    if (m->segs.n) {
        ws_offmap_seg *last = &m->segs.v[m->segs.n - 1];
        if (is_copy && last->is_copy && last->text_off + last->text_len == text_off &&
            last->src_off + last->src_len == src_off) {
            last->text_len += text_len;
            last->src_len += src_len;
            return WS_OK;
        }
    }
    int rc = WS_ARRAY_GROW(m->mem, m->segs);
    if (rc < 0)
        return rc;
    m->segs.v[m->segs.n++] = (ws_offmap_seg){text_off, src_off, text_len, src_len, is_copy};
    return WS_OK;
}

/* Does segment @g start before @text_off (for an end offset), or at or
 * before it (for a start offset)? True for a prefix of the segments. */
static bool seg_starts_before(const ws_offmap_seg *g, uint32_t text_off, bool is_end)
{
    return is_end ? g->text_off < text_off : g->text_off <= text_off;
}

/* The number of segments that seg_starts_before() @text_off: @hint when
 * it is that number, else found by binary search. */
static size_t segs_before(const ws_offmap *m, uint32_t text_off, bool is_end, size_t hint)
{
    size_t n = m->segs.n;
    if (hint <= n && (hint == 0 || seg_starts_before(&m->segs.v[hint - 1], text_off, is_end)) &&
        (hint == n || !seg_starts_before(&m->segs.v[hint], text_off, is_end)))
        return hint;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (seg_starts_before(&m->segs.v[mid], text_off, is_end))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* ws_offmap_to_src() once the segments before @text_off are counted (@lo). */
static uint32_t src_in_seg(const ws_offmap *m, uint32_t text_off, bool is_end, size_t lo)
{
    if (lo == 0)
        return m->segs.v[0].src_off;
    const ws_offmap_seg *g = &m->segs.v[lo - 1];
    uint32_t delta = text_off - g->text_off;
    if (delta >= g->text_len) {
        /* Past the segment: a gap of inserted text; stick to its end. */
        return g->src_off + g->src_len;
    }
    if (g->is_copy)
        return g->src_off + delta;
    return is_end ? g->src_off + g->src_len : g->src_off;
}

uint32_t ws_offmap_to_src(const ws_offmap *m, uint32_t text_off, bool is_end)
{
    if (m->segs.n == 0)
        return 0;
    /* The last segment starting at or before text_off (for an end offset,
     * strictly before, so that an end lands in the segment it closes). */
    return src_in_seg(m, text_off, is_end, segs_before(m, text_off, is_end, SIZE_MAX));
}

/* Do the checkpoint stretches around input [from, to) count one code
 * point a byte? Then no byte in the range continues a character. */
static bool is_ascii_between(const ws_offmap *m, uint32_t from, uint32_t to)
{
    size_t n = m->cp_checkpoints.n;
    uint32_t k_from = from / WS_OFFMAP_CHECKPOINT;
    uint32_t k_to = to / WS_OFFMAP_CHECKPOINT + (to % WS_OFFMAP_CHECKPOINT != 0);
    if (k_from >= n)
        return false;
    /* The count and the offset where the stretch holding @to ends. */
    uint32_t end_cps = k_to < n ? m->cp_checkpoints.v[k_to] : m->n_cps;
    uint32_t end_off = k_to < n ? k_to * WS_OFFMAP_CHECKPOINT : m->src_len;
    return end_cps - m->cp_checkpoints.v[k_from] == end_off - k_from * WS_OFFMAP_CHECKPOINT;
}

/*
 * Code points in input [from, to). Most stretches of news text are plain
 * ASCII: when the checkpoints around the range count one code point a byte,
 * no byte in it continues a character and the count is its length.
 * Otherwise a long range is counted through the checkpoints, so that a
 * 100 MB line does not cost 100 MB per query.
 */
static uint32_t cps_between(const ws_offmap *m, uint32_t from, uint32_t to)
{
    size_t n = m->cp_checkpoints.n;
    if (is_ascii_between(m, from, to))
        return to - from;
    if (to - from > 2 * WS_OFFMAP_CHECKPOINT && n) {
        uint32_t k_start = (from + WS_OFFMAP_CHECKPOINT - 1) / WS_OFFMAP_CHECKPOINT;
        uint32_t k_end = to / WS_OFFMAP_CHECKPOINT;
        if (k_end >= n)
            k_end = (uint32_t)n - 1;
        return count_cps(m->src, from, k_start * WS_OFFMAP_CHECKPOINT) +
               (m->cp_checkpoints.v[k_end] - m->cp_checkpoints.v[k_start]) +
               count_cps(m->src, k_end * WS_OFFMAP_CHECKPOINT, to);
    }
    return count_cps(m->src, from, to);
}

void ws_offmap_position(ws_offmap *m, uint32_t src_off, uint32_t *line, uint32_t *col)
{
    if (src_off > m->src_len)
        src_off = m->src_len;
    /* On the line of the last query, before or after it: count from there
     * (a span's end, then the next span's start, are mostly on its line;
     * the checkpoints bound the count however far it goes). */
    if (m->cache_line && src_off >= m->cache_line_start && src_off < m->cache_line_end) {
        *line = m->cache_line;
        if (m->cache_line_is_ascii)
            *col = src_off - m->cache_line_start + 1;
        else
            *col = src_off >= m->cache_off ? m->cache_col + cps_between(m, m->cache_off, src_off)
                                           : m->cache_col - cps_between(m, src_off, m->cache_off);
        m->cache_off = src_off;
        m->cache_col = *col;
        return;
    }
    size_t lo = 0, hi = m->line_starts.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->line_starts.v[mid] <= src_off)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t li = lo ? lo - 1 : 0;
    uint32_t line_start = m->line_starts.n ? m->line_starts.v[li] : 0;
    uint32_t line_end = li + 1 < m->line_starts.n ? m->line_starts.v[li + 1] : m->src_len + 1;
    *line = (uint32_t)li + 1;
    /* Most lines of news text are plain ASCII: tested once for the whole
     * line, the next queries on it need no counting at all. */
    m->cache_line_is_ascii = is_ascii_between(m, line_start, line_end > m->src_len ? m->src_len : line_end);
    *col = (m->cache_line_is_ascii ? src_off - line_start : cps_between(m, line_start, src_off)) + 1;
    m->cache_off = src_off;
    m->cache_line = *line;
    m->cache_col = *col;
    m->cache_line_start = line_start;
    m->cache_line_end = line_end;
}

/* ws_offmap_position() where it costs least, inline: on the cached line
 * when that is plain ASCII, as most of a span's ends are. */
static inline void position(ws_offmap *m, uint32_t src_off, uint32_t *line, uint32_t *col)
{
    if (m->cache_line && m->cache_line_is_ascii && src_off >= m->cache_line_start && src_off < m->cache_line_end) {
        *line = m->cache_line;
        *col = src_off - m->cache_line_start + 1;
        m->cache_off = src_off;
        m->cache_col = *col;
        return;
    }
    ws_offmap_position(m, src_off, line, col);
}

ws_span ws_offmap_span(ws_offmap *m, uint32_t start, uint32_t end)
{
    ws_span s;
    s.text_start = start;
    s.text_end = end;
    if (m->segs.n == 0) {
        s.start = s.end = 0;
    } else {
        /* Spans come mostly in text order: the start is mostly where the
         * last end was, the end mostly in the start's segment. */
        size_t lo = segs_before(m, start, false, m->seg_hint);
        s.start = src_in_seg(m, start, false, lo);
        if (end > start) {
            lo = segs_before(m, end, true, lo);
            s.end = src_in_seg(m, end, true, lo);
        } else {
            s.end = s.start;
        }
        m->seg_hint = (uint32_t)lo;
    }
    if (s.end < s.start)
        s.end = s.start;
    position(m, s.start, &s.line, &s.col);
    position(m, s.end, &s.end_line, &s.end_col);
    return s;
}

uint32_t ws_offmap_n_lines(const ws_offmap *m)
{
    return m->line_starts.n ? (uint32_t)m->line_starts.n : 1;
}
