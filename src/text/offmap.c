/*
 * offmap.c - text offset -> input offset -> line and column.
 */
#include "offmap.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/bytes.h"

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

/* The number of segments starting at or before text offset @key: @hint
 * when it is that number, else found by binary search. */
static inline size_t segs_at_or_before(const ws_offmap *m, uint32_t key, size_t hint)
{
    const ws_offmap_seg *v = m->segs.v;
    size_t n = m->segs.n;
    if (hint <= n && (hint == 0 || v[hint - 1].text_off <= key) && (hint == n || v[hint].text_off > key))
        return hint;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid].text_off <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The number of segments that start before @text_off (for an end offset),
 * or at or before it (for a start offset), a prefix of them: @hint when it
 * is that number. (Before an offset is at or before the one before it.) */
static inline size_t segs_before(const ws_offmap *m, uint32_t text_off, bool is_end, size_t hint)
{
    if (!is_end)
        return segs_at_or_before(m, text_off, hint);
    return text_off == 0 ? 0 : segs_at_or_before(m, text_off - 1, hint);
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
 * Code points in input [0, @off): the count at the checkpoint at or before
 * it, and those of at most one stretch after that: its length when the
 * stretch is plain ASCII. Otherwise, with SSE2, a whole
 * stretch inside the input is classed at once, a bit a byte that continues
 * a character, and the bits before @off counted; so a column costs the
 * same on any line, however long, wherever the last one was.
 */
static uint32_t cps_before(const ws_offmap *m, uint32_t off)
{
    size_t n = m->cp_checkpoints.n;
    uint32_t k = off / WS_OFFMAP_CHECKPOINT;
    if (k >= n)
        k = n ? (uint32_t)n - 1 : 0;
    uint32_t base = k * WS_OFFMAP_CHECKPOINT, counted = n ? m->cp_checkpoints.v[k] : 0;
    uint32_t in_stretch = off - base;
    if (in_stretch == 0)
        return counted;
    /* A stretch of plain ASCII (most of them, on a line with a pound sign
     * or a curly quotation mark somewhere) counts a code point a byte. */
    if (is_ascii_between(m, base, off))
        return counted + in_stretch;
#if defined(__SSE2__)
    if (in_stretch < WS_OFFMAP_CHECKPOINT && base + WS_OFFMAP_CHECKPOINT <= m->src_len) {
        _Static_assert(WS_OFFMAP_CHECKPOINT == 64, "a stretch is classed as four loads of sixteen bytes");
        /* 0x80 to 0xBF, the bytes that continue a character, are the
         * signed bytes below -64. */
        const __m128i first_lead = _mm_set1_epi8(-64);
        uint64_t continuing = 0;
        for (int q = 0; q < 4; q++) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(m->src + base + 16 * q));
            continuing |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, first_lead)) << (16 * q);
        }
        return counted + in_stretch - ws_bits_set64(continuing & ((UINT64_C(1) << in_stretch) - 1));
    }
#endif
    return counted + count_cps(m->src, base, off);
}

void ws_offmap_position(ws_offmap *m, uint32_t src_off, uint32_t *line, uint32_t *col)
{
    if (src_off > m->src_len)
        src_off = m->src_len;
    if (!m->cache_line || src_off < m->cache_line_start || src_off >= m->cache_line_end) {
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
        m->cache_line = (uint32_t)li + 1;
        m->cache_line_start = line_start;
        m->cache_line_end = line_end;
        /* Most lines of news text are plain ASCII: tested once for the
         * whole line, the next queries on it need no counting at all. */
        m->cache_line_is_ascii = is_ascii_between(m, line_start, line_end > m->src_len ? m->src_len : line_end);
        if (!m->cache_line_is_ascii)
            m->cache_line_cps = cps_before(m, line_start);
    }
    *line = m->cache_line;
    *col = (m->cache_line_is_ascii ? src_off - m->cache_line_start : cps_before(m, src_off) - m->cache_line_cps) + 1;
}

/* ws_offmap_position() where it costs least, inline: on the cached line,
 * as most of a span's ends are. */
static inline void position(ws_offmap *m, uint32_t src_off, uint32_t *line, uint32_t *col)
{
    if (m->cache_line && src_off >= m->cache_line_start && src_off < m->cache_line_end) {
        *line = m->cache_line;
        *col = (m->cache_line_is_ascii ? src_off - m->cache_line_start : cps_before(m, src_off) - m->cache_line_cps) +
               1;
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
