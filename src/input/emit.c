/*
 * emit.c - building the plain text: blocks, paragraph breaks, collapsed
 * white space, NFC per word, and the offset map entry for every byte.
 */
#include "reader.h"

#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/utf8.h"

void ws_emitter_init(ws_emitter *e, ws_doc *doc)
{
    memset(e, 0, sizeof *e);
    e->doc = doc;
    ws_buf_init(&e->text, doc->mem);
    /* The text is about as long as the input (shorter with markup):
     * room for it at once, not a dozen doublings from 64 bytes, each a
     * copy. (Should this fail, the text grows as it comes, and that
     * growth reports it.) */
    if (doc->src_len)
        (void)ws_buf_reserve(&e->text, doc->src_len);
}

void ws_emitter_release(ws_emitter *e)
{
    ws_buf_release(&e->text);
}

static int map(ws_emitter *e, uint32_t text_off, uint32_t src_off, uint32_t text_len,
               uint32_t src_len, bool is_copy)
{
    return ws_offmap_add(&e->doc->map, text_off, src_off, text_len, src_len, is_copy);
}

static int check_room(const ws_emitter *e, size_t n)
{
    /* Offsets are 32-bit: refuse text that would not fit. */
    if (n > UINT32_MAX - 16 || e->text.len > UINT32_MAX - 16 - n)
        return WS_ELIMIT;
    return WS_OK;
}

/*
 * Cut the text back to the end of the last block, with its map: what an
 * empty block or trailing white space left must not reach the document.
 */
/* Cut the text and its map back to @keep bytes. */
static void truncate_text(ws_emitter *e, uint32_t keep)
{
    if (e->text.len <= keep)
        return;
    ws_buf_truncate(&e->text, keep);
    ws_offmap *m = &e->doc->map;
    while (m->segs.n && m->segs.v[m->segs.n - 1].text_off >= keep)
        m->segs.n--;
    if (m->segs.n) {
        ws_offmap_seg *g = &m->segs.v[m->segs.n - 1];
        if (g->text_off + g->text_len > keep) {
            uint32_t cut = g->text_off + g->text_len - keep;
            g->text_len -= cut;
            if (g->is_copy)
                g->src_len -= cut;
        }
    }
}

static void drop_after_last_block(ws_emitter *e)
{
    truncate_text(e, e->doc->blocks.n ? e->doc->blocks.v[e->doc->blocks.n - 1].end : 0);
}

int ws_emit_block_end(ws_emitter *e)
{
    if (!e->in_block)
        return WS_OK;
    e->in_block = false;
    e->pending_space = false;
    uint32_t end = (uint32_t)e->text.len;
    const char *t = e->text.data;
    /* Trailing white space is not part of the block; a block of nothing but
     * no-break spaces (<p>&nbsp;</p> in CMS exports) is empty. */
    for (;;) {
        if (end > e->block.start && (t[end - 1] == ' ' || t[end - 1] == '\n' || t[end - 1] == '\t'))
            end--;
        else if (end >= e->block.start + 2 && (unsigned char)t[end - 2] == 0xC2 &&
                 (unsigned char)t[end - 1] == 0xA0)
            end -= 2;
        else
            break;
    }
    if (end == e->block.start)
        return WS_OK; /* nothing in it: drop; its break stays for the next block */
    e->block.end = end;
    int rc = WS_ARRAY_GROW(e->doc->mem, e->doc->blocks);
    if (rc < 0)
        return rc;
    e->doc->blocks.v[e->doc->blocks.n++] = e->block;
    return WS_OK;
}

int ws_emit_block_begin(ws_emitter *e, ws_block_kind kind, uint8_t level, uint32_t quote_group,
                        uint32_t src_off)
{
    int rc = ws_emit_block_end(e);
    if (rc < 0)
        return rc;
    /* Blocks are separated by exactly "\n\n": drop whatever an empty block
     * left after the last real one, then insert the break. */
    drop_after_last_block(e);
    if (e->text.len) {
        if ((rc = check_room(e, 2)) < 0)
            return rc;
        uint32_t at = (uint32_t)e->text.len;
        if ((rc = ws_buf_put(&e->text, "\n\n", 2)) < 0)
            return rc;
        if ((rc = map(e, at, src_off, 2, 0, false)) < 0)
            return rc;
    }
    e->in_block = true;
    e->pending_space = false;
    e->block = (ws_block){(uint32_t)e->text.len, (uint32_t)e->text.len, (uint8_t)kind, level,
                          quote_group};
    return WS_OK;
}

bool ws_emit_block_is_empty(const ws_emitter *e)
{
    return !e->in_block || e->text.len == e->block.start;
}

/* Before content: open a paragraph if needed and flush a collapsed space. */
static int before_content(ws_emitter *e, uint32_t src_off)
{
    int rc;
    if (!e->in_block && (rc = ws_emit_block_begin(e, WS_BLOCK_PARAGRAPH, 0, 0, src_off)) < 0)
        return rc;
    if (e->pending_space) {
        e->pending_space = false;
        uint32_t at = (uint32_t)e->text.len;
        if ((rc = ws_buf_putc(&e->text, ' ')) < 0)
            return rc;
        bool is_copy = e->pending_space_len == 1 && e->doc->src[e->pending_space_src] == ' ';
        return map(e, at, e->pending_space_src, 1, e->pending_space_len, is_copy);
    }
    return WS_OK;
}

/* Emit a run of valid UTF-8 from the input, normalizing the words that need it. */
static int copy_run(ws_emitter *e, uint32_t src_off, uint32_t len)
{
    const char *s = e->doc->src + src_off;
    int rc;
    uint32_t i = 0, done = 0;
    while (i < len) {
        /* Skip plain ASCII bytes (no NUL, no high bit), sixteen at a time
         * with SSE2, then eight: most of an article needs nothing but
         * copying. */
#if defined(__SSE2__)
        while (i + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, _mm_setzero_si128()))))
                break;
            i += 16;
        }
#endif
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            uint64_t has_zero = (w - UINT64_C(0x0101010101010101)) & ~w & UINT64_C(0x8080808080808080);
            if ((w & UINT64_C(0x8080808080808080)) || has_zero)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            int32_t cp;
            int n = ws_utf8_decode(s + i, len - i, &cp);
            if (!ws_cp_needs_nfc(cp)) {
                i += (uint32_t)n;
                continue;
            }
            /* Normalize the whole word around it: marks combine with neighbours. */
            uint32_t w0 = i, w1 = i + (uint32_t)n;
            while (w0 > done && s[w0 - 1] != ' ' && s[w0 - 1] != '\n')
                w0--;
            while (w1 < len && s[w1] != ' ' && s[w1] != '\n')
                w1++;
            uint32_t at = (uint32_t)e->text.len;
            if ((rc = ws_buf_put(&e->text, s + done, w0 - done)) < 0 ||
                (rc = map(e, at, src_off + done, w0 - done, w0 - done, true)) < 0)
                return rc;
            at = (uint32_t)e->text.len;
            if ((rc = ws_utf8_nfc(s + w0, w1 - w0, &e->text)) < 0)
                return rc;
            uint32_t n_out = (uint32_t)e->text.len - at;
            bool same = n_out == w1 - w0 && memcmp(e->text.data + at, s + w0, n_out) == 0;
            if ((rc = map(e, at, src_off + w0, n_out, w1 - w0, same)) < 0)
                return rc;
            i = done = w1;
            continue;
        }
        if (c == 0) {
            /* A NUL in text: keep the position visible as U+FFFD. */
            uint32_t at = (uint32_t)e->text.len;
            if ((rc = ws_buf_put(&e->text, s + done, i - done)) < 0 ||
                (rc = map(e, at, src_off + done, i - done, i - done, true)) < 0)
                return rc;
            at = (uint32_t)e->text.len;
            if ((rc = ws_buf_put(&e->text, "\xEF\xBF\xBD", 3)) < 0 ||
                (rc = map(e, at, src_off + i, 3, 1, false)) < 0)
                return rc;
            done = ++i;
            continue;
        }
        i++;
    }
    uint32_t at = (uint32_t)e->text.len;
    if ((rc = ws_buf_put(&e->text, s + done, len - done)) < 0)
        return rc;
    return map(e, at, src_off + done, len - done, len - done, true);
}

int ws_emit_copy(ws_emitter *e, uint32_t src_off, uint32_t len)
{
    int rc;
    if (len == 0)
        return WS_OK;
    if ((rc = check_room(e, (size_t)len * 3)) < 0 || (rc = before_content(e, src_off)) < 0)
        return rc;
    return copy_run(e, src_off, len);
}

static bool has_nfc_candidate(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += (size_t)ws_utf8_decode(s + i, n - i, &cp);
        if (ws_cp_needs_nfc(cp))
            return true;
    }
    return false;
}

/*
 * A decoded reference may be a combining mark for the letter before it
 * ("e&#769;"): normalize the word it ends, mapped as one stretch to the
 * input from the word's start to the reference's end.
 */
static int renormalize_word(ws_emitter *e, uint32_t src_end)
{
    uint32_t w = (uint32_t)e->text.len;
    while (w > e->block.start && e->text.data[w - 1] != ' ' && e->text.data[w - 1] != '\n')
        w--;
    ws_buf word;
    ws_buf_init(&word, e->doc->mem);
    int rc = ws_utf8_nfc(e->text.data + w, e->text.len - w, &word);
    if (rc >= 0 && (word.len != e->text.len - w || memcmp(word.data, e->text.data + w, word.len))) {
        uint32_t src_start = ws_offmap_to_src(&e->doc->map, w, false);
        truncate_text(e, w);
        if ((rc = ws_buf_put(&e->text, word.data, word.len)) >= 0)
            rc = map(e, w, src_start, (uint32_t)word.len, src_end - src_start, false);
    }
    ws_buf_release(&word);
    return rc;
}

int ws_emit_subst(ws_emitter *e, uint32_t src_off, uint32_t src_len, const char *s, size_t n)
{
    int rc;
    if (n == 0)
        return WS_OK;
    if ((rc = check_room(e, n)) < 0 || (rc = before_content(e, src_off)) < 0)
        return rc;
    uint32_t at = (uint32_t)e->text.len;
    if ((rc = ws_buf_put(&e->text, s, n)) < 0)
        return rc;
    bool same = n == src_len && memcmp(s, e->doc->src + src_off, n) == 0;
    if ((rc = map(e, at, src_off, (uint32_t)n, src_len, same)) < 0)
        return rc;
    return has_nfc_candidate(s, n) ? renormalize_word(e, src_off + src_len) : WS_OK;
}

int ws_emit_cp(ws_emitter *e, uint32_t src_off, uint32_t src_len, int32_t cp)
{
    char u[4];
    /* Code points the text cannot hold become U+FFFD, as HTML prescribes. */
    if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    return ws_emit_subst(e, src_off, src_len, u, ws_utf8_encode(cp, u));
}

int ws_emit_space(ws_emitter *e, uint32_t src_off, uint32_t src_len)
{
    if (ws_emit_block_is_empty(e))
        return WS_OK;
    char last = e->text.data[e->text.len - 1];
    if (last == ' ' || last == '\n')
        return WS_OK;
    if (!e->pending_space) {
        e->pending_space = true;
        e->pending_space_src = src_off;
        e->pending_space_len = src_len;
    }
    return WS_OK;
}

void ws_emit_drop_space(ws_emitter *e)
{
    e->pending_space = false;
}

int ws_emit_newline(ws_emitter *e, uint32_t src_off, uint32_t src_len)
{
    if (ws_emit_block_is_empty(e))
        return WS_OK;
    e->pending_space = false;
    int rc;
    uint32_t at = (uint32_t)e->text.len;
    if ((rc = check_room(e, 1)) < 0 || (rc = ws_buf_putc(&e->text, '\n')) < 0)
        return rc;
    bool is_copy = src_len == 1 && e->doc->src[src_off] == '\n';
    return map(e, at, src_off, 1, src_len, is_copy);
}

int ws_emit_comment(ws_emitter *e, uint32_t src_start, uint32_t src_end, const char *body,
                    size_t body_len)
{
    ws_doc *doc = e->doc;
    int rc = WS_ARRAY_GROW(doc->mem, doc->comments);
    if (rc < 0)
        return rc;
    const char *copy = ws_arena_strndup(&doc->arena, body, body_len);
    if (!copy)
        return WS_ENOMEM;
    doc->comments.v[doc->comments.n++] =
        (ws_comment){(uint32_t)e->text.len, src_start, src_end, copy};
    return WS_OK;
}

int ws_emitter_finish(ws_emitter *e)
{
    int rc = ws_emit_block_end(e);
    if (rc < 0)
        return rc;
    /* Drop what trails the last block (white space, an empty block's break). */
    drop_after_last_block(e);
    size_t len;
    char *t = ws_buf_detach(&e->text, &len);
    if (!t)
        return WS_ENOMEM;
    /* Move into the arena so the report frees it with everything else.
     * PCRE2's JIT loads the subject in vectors that may reach past its end:
     * zeroed padding after the NUL keeps those bytes defined (valgrind
     * memcheck reports them otherwise). */
    enum { PAD = 64 };
    char *copy = len < SIZE_MAX - PAD ? ws_arena_alloc(&e->doc->arena, len + PAD) : NULL;
    if (copy) {
        memcpy(copy, t, len);
        memset(copy + len, 0, PAD);
    }
    e->doc->text = copy;
    ws_free(e->doc->mem, t);
    if (!e->doc->text)
        return WS_ENOMEM;
    e->doc->text_len = (uint32_t)len;
    return WS_OK;
}
