/*
 * quotes.c - the quotation scanner: pairs quotation marks into a tree of
 * quotations, independently of sentence splitting.
 *
 * Marks pair inside a paragraph, with one exception: the newspaper
 * convention that a quotation running over several paragraphs reopens at the
 * start of each and closes only at the end of the last (also kept by text
 * whose paragraphs were run together: the reopening follows a sentence end). The direction of a
 * mark comes from its glyph where it has one (U+201C opens) and otherwise
 * from what flanks it, as CommonMark decides emphasis: a mark followed by a
 * word and preceded by space opens, one preceded by a word and followed by
 * space closes. State settles the rest.
 *
 * Single marks are mostly apostrophes (don't, the Joneses' house, 'tis), so a
 * single quotation only exists when both of its marks are found; an opening
 * single mark that nothing closes was an apostrophe and is dropped silently.
 * A double mark that nothing closes is an unclosed quotation: a problem with
 * its position, never an invented quotation. Doubles outrank singles: a
 * closing double mark ends the double quotation around any open singles.
 */
#include "detect/quotes.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/bytes.h"
#include "text/utf8.h"

enum family { FAM_DOUBLE, FAM_SINGLE };

enum { U_LAQUO = 0x00AB, U_RAQUO = 0x00BB, U_LSQUO = 0x2018, U_RSQUO = 0x2019, U_SBQUO = 0x201A,
       U_LDQUO = 0x201C, U_RDQUO = 0x201D, U_BDQUO = 0x201E, U_LSAQUO = 0x2039, U_RSAQUO = 0x203A };

typedef struct mark {
    uint32_t start;
    uint32_t end;
    int32_t cp;
    uint8_t fam;
    bool can_open;
    bool can_close;
    bool strong_open;   /* the glyph or its flanking says it opens */
    bool strong_close;
    int32_t prev_cp;    /* -1 at the block start */
    int32_t next_cp;    /* -1 at the block end */
} mark;

typedef struct open_quote {
    ws_range open;
    int32_t open_cp;
    uint8_t fam;
    uint32_t frag_start;
    uint32_t block_first;
    bool is_continued;  /* bottom quote carried over from an earlier paragraph */
    /* The topmost double and single entries at or below this one (-1: none),
     * so that innermost() needs no walk down a stack a hostile paragraph can
     * make a million entries deep. */
    int32_t top_double;
    int32_t top_single;
} open_quote;

typedef struct scanner {
    ws_doc *doc;
    const ws_lexicon *elisions;
    WS_ARRAY(open_quote) stack;
    /* Finished fragments of the quotation carried across paragraphs (only the
     * bottom of the stack ever is). */
    WS_ARRAY(ws_range) carried;
    ws_range carried_open;   /* its first opening mark */
    uint32_t block;          /* the block being scanned */
    /* Where words start in the whole text, made for the first long quotation:
     * nested quotations each hold the deeper ones, and counting each one's
     * words by walking its text is quadratic in a hostile paragraph. */
    WS_ARRAY(uint32_t) word_starts;
    bool has_word_starts;
} scanner;

static bool is_space_or_edge(int32_t cp)
{
    return cp < 0 || ws_cp_is_space(cp);
}

static bool is_mark_cp(int32_t cp, uint8_t *fam)
{
    switch (cp) {
    case '"': case U_LDQUO: case U_RDQUO: case U_BDQUO: case U_LAQUO: case U_RAQUO:
        *fam = FAM_DOUBLE;
        return true;
    case '\'': case U_LSQUO: case U_RSQUO: case U_SBQUO: case U_LSAQUO: case U_RSAQUO:
        *fam = FAM_SINGLE;
        return true;
    }
    return false;
}

/*
 * CommonMark's flanking: left-flanking marks are followed by non-space and
 * either not followed by punctuation or preceded by space or punctuation.
 */
static void flanking(int32_t prev, int32_t next, bool *left, bool *right)
{
    bool prev_space = is_space_or_edge(prev), next_space = is_space_or_edge(next);
    bool prev_punct = !prev_space && ws_cp_is_punct(prev);
    bool next_punct = !next_space && ws_cp_is_punct(next);
    *left = !next_space && (!next_punct || prev_space || prev_punct);
    *right = !prev_space && (!prev_punct || next_space || next_punct);
}

static void classify(mark *m)
{
    bool left, right;
    flanking(m->prev_cp, m->next_cp, &left, &right);
    bool ambiguous = left == right; /* both or neither: state decides */
    switch (m->cp) {
    case U_LDQUO: case U_BDQUO: case U_LAQUO: case U_LSQUO: case U_SBQUO: case U_LSAQUO:
        /* Opening glyphs; U+201C and U+2018 also close in German („…“, ‚…‘)
         * and as typos, « and ‹ in the reversed style (»…«), so they may
         * close when flanked like a closer. */
        m->can_close = m->cp != U_BDQUO && m->cp != U_SBQUO && right && !left;
        m->strong_close = m->can_close;
        m->can_open = true;
        m->strong_open = !m->can_close;
        break;
    case U_RDQUO: case U_RAQUO: case U_RSQUO: case U_RSAQUO:
        /* Closing glyphs; » and › open in the reversed German style, ” in
         * Swedish and as a typo, when flanked like an opener. */
        m->can_open = left && !right && m->cp != U_RSQUO;
        m->strong_open = m->can_open;
        m->can_close = true;
        m->strong_close = !m->can_open;
        break;
    default: /* straight marks */
        m->can_open = left || ambiguous;
        m->can_close = right || ambiguous;
        m->strong_open = left && !right;
        m->strong_close = right && !left;
    }
}

/* Does closing mark @close_cp fit the opening mark @open_cp? */
static bool closes(int32_t open_cp, int32_t close_cp)
{
    switch (open_cp) {
    case '"': return close_cp == '"' || close_cp == U_RDQUO || close_cp == U_LDQUO;
    case U_LDQUO: return close_cp == U_RDQUO || close_cp == '"' || close_cp == U_LDQUO;
    case U_RDQUO: return close_cp == U_RDQUO || close_cp == '"';
    case U_BDQUO: return close_cp == U_LDQUO || close_cp == U_RDQUO || close_cp == '"';
    case U_LAQUO: return close_cp == U_RAQUO;
    case U_RAQUO: return close_cp == U_LAQUO;
    case '\'': return close_cp == '\'' || close_cp == U_RSQUO;
    case U_LSQUO: return close_cp == U_RSQUO || close_cp == '\'' || close_cp == U_LSQUO;
    case U_SBQUO: return close_cp == U_LSQUO || close_cp == U_RSQUO;
    case U_LSAQUO: return close_cp == U_RSAQUO;
    case U_RSAQUO: return close_cp == U_LSAQUO;
    }
    return false;
}

/*
 * The quotation mark at @at, if any: its code point as the scanner sees it,
 * its length in bytes and its family. Two apostrophes ('') and two
 * backticks (``) are the ASCII spellings of double marks (wire copy and
 * LaTeX-style sources write ``quote'' or ''quote''): they count as one.
 */
static bool decode_mark(const ws_doc *doc, uint32_t at, uint32_t limit, int32_t *cp, int *len,
                        uint8_t *fam)
{
    const char *t = doc->text;
    if (at + 1 < limit && t[at] == '\'' && t[at + 1] == '\'') {
        *cp = '"';
        *len = 2;
        *fam = FAM_DOUBLE;
        return true;
    }
    if (at + 1 < limit && t[at] == '`' && t[at + 1] == '`') {
        *cp = U_LDQUO;
        *len = 2;
        *fam = FAM_DOUBLE;
        return true;
    }
    *len = ws_utf8_decode(t + at, limit - at, cp);
    return is_mark_cp(*cp, fam);
}

/* Read the mark at text offset @at, with its neighbours inside @blk. */
static mark read_mark(const ws_doc *doc, const ws_block *blk, uint32_t at, int32_t cp, int len,
                      uint8_t fam)
{
    mark m;
    memset(&m, 0, sizeof m);
    m.start = at;
    m.end = at + (uint32_t)len;
    m.cp = cp;
    m.fam = fam;
    m.prev_cp = at > blk->start ? ws_utf8_prev(doc->text, at, NULL) : -1;
    m.next_cp = m.end < blk->end ? ws_utf8_at(doc->text, blk->end, m.end) : -1;
    classify(&m);
    return m;
}

/* The lower-cased word of letters and digits starting at @at (at most 15 bytes). */
static size_t word_after(const ws_doc *doc, uint32_t at, uint32_t limit, char *out, size_t cap)
{
    size_t n = 0;
    while (at < limit && n + 1 < cap) {
        unsigned char c = (unsigned char)doc->text[at];
        if (c >= 0x80 || !ws_cp_is_alnum(c))
            break;
        out[n++] = (char)ws_cp_lower(c);
        at++;
    }
    out[n] = '\0';
    return n;
}

/*
 * A single mark that is an apostrophe whatever the state: inside a word
 * (don't, O'Neill), before a decade ('90s) or an elided word ('tis, 'n').
 */
static bool is_apostrophe(const ws_doc *doc, const ws_block *blk, const mark *m,
                          const ws_lexicon *elisions)
{
    bool prev_alnum = m->prev_cp >= 0 && ws_cp_is_alnum(m->prev_cp);
    bool next_alnum = m->next_cp >= 0 && ws_cp_is_alnum(m->next_cp);
    if (prev_alnum && next_alnum)
        return true;
    if (!next_alnum || m->cp == U_LSAQUO || m->cp == U_RSAQUO || m->cp == U_SBQUO)
        return false;
    char w[16];
    size_t n = word_after(doc, m->end, blk->end, w, sizeof w);
    uint32_t after = m->end + (uint32_t)n;
    int32_t follow = after < blk->end ? ws_utf8_at(doc->text, blk->end, after) : -1;
    /* '90s, '20s, '05: two digits, then s or a word end. */
    if (n >= 2 && w[0] >= '0' && w[0] <= '9' && w[1] >= '0' && w[1] <= '9' &&
        (n == 2 || (n == 3 && w[2] == 's')))
        return true;
    /* rock 'n' roll: the n and its closing mark are one elision. */
    if (n == 1 && w[0] == 'n' && (follow == '\'' || follow == U_RSQUO || follow == U_LSQUO))
        return true;
    if (elisions && follow != '\'' && follow != U_RSQUO && follow != U_LSQUO &&
        ws_lexicon_contains(elisions, w, n))
        return true;
    return false;
}

/* The trailing mark of rock 'n' roll: a mark right after "'n". */
static bool ends_elided_n(const ws_doc *doc, const mark *m)
{
    if (m->start < 2 || m->prev_cp != 'n')
        return false;
    size_t s;
    int32_t before = ws_utf8_prev(doc->text, m->start - 1, &s);
    if (before != '\'' && before != U_RSQUO && before != U_LSQUO)
        return false;
    int32_t b2 = ws_utf8_prev(doc->text, (uint32_t)s, NULL);
    return b2 < 0 || ws_cp_is_space(b2);
}

/* Trim white space at both ends of [start, end). */
static ws_range trim(const ws_doc *doc, uint32_t start, uint32_t end)
{
    while (start < end) {
        int32_t cp = ws_utf8_at(doc->text, end, start);
        if (!ws_cp_is_space(cp))
            break;
        start += (uint32_t)ws_utf8_seqlen((unsigned char)doc->text[start]);
    }
    while (end > start) {
        size_t s;
        int32_t cp = ws_utf8_prev(doc->text, end, &s);
        if (!ws_cp_is_space(cp))
            break;
        end = (uint32_t)s;
    }
    return (ws_range){start, end};
}

static int push(scanner *sc, const mark *m)
{
    int rc = WS_ARRAY_GROW(sc->doc->mem, sc->stack);
    if (rc < 0)
        return rc;
    int32_t k = (int32_t)sc->stack.n;
    const open_quote *below = k ? &sc->stack.v[k - 1] : NULL;
    sc->stack.v[sc->stack.n++] = (open_quote){{m->start, m->end}, m->cp, m->fam, m->end, sc->block,
                                              false,
                                              m->fam == FAM_DOUBLE ? k : below ? below->top_double : -1,
                                              m->fam == FAM_SINGLE ? k : below ? below->top_single : -1};
    return WS_OK;
}

/* An opening double mark nothing closed: a problem, and no quotation. */
static int report_unclosed(scanner *sc, ws_range open)
{
    return ws_doc_add_problem(sc->doc, WS_PROBLEM_UNCLOSED_QUOTE, open.start, open.end,
                              "quotation mark is never closed");
}

/* Drop stack entries above @keep: singles silently, doubles as unclosed. */
static int drop_above(scanner *sc, size_t keep)
{
    int rc;
    while (sc->stack.n > keep) {
        open_quote *q = &sc->stack.v[--sc->stack.n];
        if (q->fam == FAM_DOUBLE) {
            ws_range at = q->is_continued ? sc->carried_open : q->open;
            if ((rc = report_unclosed(sc, at)) < 0)
                return rc;
        }
        if (q->is_continued)
            sc->carried.n = 0;
    }
    return WS_OK;
}

static bool is_word_inside(int32_t cp)
{
    return cp == '\'' || cp == U_RSQUO || cp == '-';
}

static uint32_t count_words(const ws_doc *doc, ws_range r)
{
    const char *text = doc->text;
    uint32_t n = 0;
    unsigned in_word = 0;
    for (uint32_t i = r.start; i < r.end;) {
#if defined(__SSE2__)
        /* Sixteen such bytes at a time with SSE2 (as below, eight): the
         * letters and digits by saturated differences, one bit a byte. */
        if (r.end - i >= 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(text + i));
            __m128i inside = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(v, _mm_set1_epi8('-')));
            if (!_mm_movemask_epi8(_mm_or_si128(v, inside))) {
                __m128i alnum = _mm_or_si128(ws_ascii_letters16(v), ws_ascii_digits16(v));
                unsigned is_word = (unsigned)_mm_movemask_epi8(alnum);
                n += ws_bits_set64(is_word & ~(is_word << 1 | in_word));
                in_word = is_word >> 15;
                i += 16;
                continue;
            }
        }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* Eight ASCII bytes at a time when none is an apostrophe or a
         * hyphen (which join a word only after one): a word starts at a
         * letter or digit after a byte that is neither, the byte before
         * the first being the word state carried in. */
        if (r.end - i >= 8) {
            const uint64_t tops = UINT64_C(0x8080808080808080);
            uint64_t w;
            memcpy(&w, text + i, 8);
            if (!(w & tops) && !(ws_bytes_equal_bits(w, '\'') | ws_bytes_equal_bits(w, '-'))) {
                uint64_t is_word = ws_ascii_alnum_bits(w);
                uint64_t before = is_word << 8 | (uint64_t)in_word << 7;
                uint64_t starts = is_word & ~before;
                /* One per start: the top bits as ones in each byte, summed
                 * into the top byte by the multiplication. */
                n += (uint32_t)(((starts >> 7) * UINT64_C(0x0101010101010101)) >> 56);
                in_word = (unsigned)(is_word >> 63);
                i += 8;
                continue;
            }
        }
#endif
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            /* ASCII, most of a quotation: without decoding, and without a
             * branch on the byte's class, which changes at every word's
             * edge where no processor predicts it. The classes are bits of
             * two words, one for the bytes below 64 and one for the rest:
             * letters and digits, and inside a word also the apostrophe
             * and the hyphen. */
            const uint64_t alnum_low = UINT64_C(0x03FF000000000000);  /* '0'..'9' */
            const uint64_t alnum_high = UINT64_C(0x07FFFFFE07FFFFFE); /* 'A'..'Z', 'a'..'z' */
            const uint64_t inside_low = UINT64_C(1) << ('\'' & 63) | UINT64_C(1) << ('-' & 63);
            uint64_t is_high = 0 - (uint64_t)(c >> 6); /* all ones from 64 on: a mask, not a branch */
            uint64_t low_bits = alnum_low | (inside_low & (0 - (uint64_t)in_word));
            uint64_t word_bits = (alnum_high & is_high) | (low_bits & ~is_high);
            unsigned is_word = (unsigned)(word_bits >> (c & 63)) & 1u;
            n += is_word & (in_word ^ 1u);
            in_word = is_word;
            i++;
            continue;
        }
        int32_t cp;
        int len = ws_utf8_decode(text + i, r.end - i, &cp);
        unsigned is_word = ws_cp_is_alnum(cp) || (in_word && is_word_inside(cp));
        n += is_word & (in_word ^ 1u);
        in_word = is_word;
        i += (uint32_t)len;
    }
    return n;
}

/* The number of word starts of the whole text before @off. */
static uint32_t word_starts_before(const scanner *sc, uint32_t off)
{
    size_t lo = 0, hi = sc->word_starts.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->word_starts.v[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

/*
 * count_words() for a quotation's fragment, in logarithmic time for long
 * ones. Past its leading apostrophes and hyphens (no word starts there when
 * counting from the fragment's start), a fragment's words start where the
 * whole text's do.
 */
static int count_fragment_words(scanner *sc, ws_range r, uint32_t *n_words)
{
    const ws_doc *doc = sc->doc;
    if (r.end - r.start < 1024) {
        *n_words = count_words(doc, r);
        return WS_OK;
    }
    if (!sc->has_word_starts) {
        bool in_word = false;
        for (uint32_t i = 0; i < doc->text_len;) {
            int32_t cp;
            int len = ws_utf8_decode(doc->text + i, doc->text_len - i, &cp);
            bool is_word = ws_cp_is_alnum(cp) || (in_word && is_word_inside(cp));
            if (is_word && !in_word) {
                int rc = WS_ARRAY_GROW(doc->mem, sc->word_starts);
                if (rc < 0)
                    return rc;
                sc->word_starts.v[sc->word_starts.n++] = i;
            }
            in_word = is_word;
            i += (uint32_t)len;
        }
        sc->has_word_starts = true;
    }
    uint32_t p = r.start;
    int32_t cp = -1;
    int len = 0;
    while (p < r.end) {
        len = ws_utf8_decode(doc->text + p, r.end - p, &cp);
        if (!is_word_inside(cp))
            break;
        p += (uint32_t)len;
    }
    if (p >= r.end) {
        *n_words = 0;
        return WS_OK;
    }
    /* From p on, counting from the fragment and from the text agree. */
    *n_words = (ws_cp_is_alnum(cp) ? 1 : 0) + word_starts_before(sc, r.end) -
               word_starts_before(sc, p + (uint32_t)len);
    return WS_OK;
}

/* Small words that stay lower case in titles. */
static bool is_title_particle(const ws_doc *doc, uint32_t start, uint32_t end)
{
    static const char *const small[] = {"a", "an", "and", "as", "at", "but", "by", "for", "from",
                                        "in", "into", "nor", "of", "on", "or", "the", "to", "with",
                                        "vs", "via", "over", "de", "la", "du", "von"};
    size_t n = end - start;
    const char *word = doc->text + start;
    /* (The first letter first: asked of every word of a title.) */
    for (size_t i = 0; i < sizeof small / sizeof *small; i++)
        if (n && small[i][0] == word[0] && strlen(small[i]) == n && memcmp(small[i], word, n) == 0)
            return true;
    return false;
}

/* Title Case: two or more words, each capitalized or a small particle. */
static bool looks_like_title(const ws_doc *doc, ws_range r, uint32_t n_words)
{
    if (n_words < 2)
        return false;
    uint32_t i = r.start;
    int n_caps = 0;
    while (i < r.end) {
        int32_t cp;
        int len = ws_utf8_decode(doc->text + i, r.end - i, &cp);
        if (!ws_cp_is_alnum(cp)) {
            i += (uint32_t)len;
            continue;
        }
        uint32_t w0 = i;
        while (i < r.end) {
            len = ws_utf8_decode(doc->text + i, r.end - i, &cp);
            if (!ws_cp_is_alnum(cp) && cp != '\'' && cp != U_RSQUO && cp != '-')
                break;
            i += (uint32_t)len;
        }
        int32_t first = ws_utf8_at(doc->text, r.end, w0);
        if (ws_cp_is_upper(first) || ws_cp_is_digit(first))
            n_caps++;
        else if (!is_title_particle(doc, w0, i))
            return false;
    }
    /* A sentence ends inside its marks; a title does not (beyond 4 words). */
    int32_t last = ws_utf8_prev(doc->text, r.end, NULL);
    if ((last == '.' || last == '!') && n_words > 4)
        return false;
    return n_caps >= 2;
}

/* Close stack entry @idx with closing mark @m: record the quotation. */
static int close_quote(scanner *sc, size_t idx, const mark *m)
{
    ws_doc *doc = sc->doc;
    int rc;
    if ((rc = drop_above(sc, idx + 1)) < 0)
        return rc;
    open_quote q = sc->stack.v[idx];
    sc->stack.n = idx;
    ws_range last = trim(doc, q.frag_start, m->start);
    ws_range open = q.is_continued ? sc->carried_open : q.open;
    size_t n_carried = q.is_continued ? sc->carried.n : 0;
    if (last.start == last.end && n_carried == 0) {
        if (q.fam == FAM_DOUBLE)
            rc = ws_doc_add_problem(doc, WS_PROBLEM_EMPTY_QUOTE, q.open.start, m->end,
                                    "quotation marks around nothing");
        return rc;
    }
    uint32_t frag_first = (uint32_t)doc->quote_frags.n;
    for (size_t i = 0; i < n_carried + 1; i++) {
        ws_range r = i < n_carried ? sc->carried.v[i] : last;
        if (r.start == r.end)
            continue;
        if ((rc = WS_ARRAY_GROW(doc->mem, doc->quote_frags)) < 0)
            return rc;
        doc->quote_frags.v[doc->quote_frags.n++] = r;
    }
    if (q.is_continued)
        sc->carried.n = 0;
    ws_quote wq;
    memset(&wq, 0, sizeof wq);
    wq.open = open;
    wq.close = (ws_range){m->start, m->end};
    wq.frag_first = frag_first;
    wq.n_frags = (uint32_t)doc->quote_frags.n - frag_first;
    wq.parent = -1;
    wq.statement = -1;
    wq.block_first = q.block_first;
    wq.block_last = sc->block;
    for (uint32_t i = 0; i < wq.n_frags; i++) {
        uint32_t n_words;
        if ((rc = count_fragment_words(sc, doc->quote_frags.v[frag_first + i], &n_words)) < 0)
            return rc;
        wq.n_words += n_words;
    }
    if (q.fam == FAM_SINGLE)
        wq.flags |= WS_QUOTE_SINGLE;
    if (wq.n_frags > 1 || n_carried)
        wq.flags |= WS_QUOTE_CONTINUED;
    if (wq.n_words <= 2)
        wq.flags |= WS_QUOTE_SHORT;
    if (wq.n_frags == 1 && looks_like_title(doc, doc->quote_frags.v[frag_first], wq.n_words))
        wq.flags |= WS_QUOTE_TITLE;
    if ((rc = WS_ARRAY_GROW(doc->mem, doc->quotes)) < 0)
        return rc;
    doc->quotes.v[doc->quotes.n++] = wq;
    return WS_OK;
}

/* Index of the innermost open quotation of family @fam, or -1. Singles may
 * not reach past an open double: doubles are the reliable marks. */
static long innermost(const scanner *sc, uint8_t fam)
{
    if (sc->stack.n == 0)
        return -1;
    const open_quote *top = &sc->stack.v[sc->stack.n - 1];
    if (fam == FAM_DOUBLE)
        return top->top_double;
    return top->top_single > top->top_double ? top->top_single : -1;
}

/*
 * Is this closing single mark more likely a plural possessive (the players'
 * union) because the open single quotation closes later in the paragraph?
 */
static bool is_possessive_before_later_close(const ws_doc *doc, const ws_block *blk, const mark *m)
{
    if (m->prev_cp != 's' && m->prev_cp != 'S')
        return false;
    if (m->next_cp != ' ')
        return false;
    int32_t after = ws_utf8_at(doc->text, blk->end, m->end + 1);
    if (!ws_cp_is_lower(after))
        return false;
    for (uint32_t i = m->end; i < blk->end;) {
        int32_t cp;
        int len;
        uint8_t fam;
        if (decode_mark(doc, i, blk->end, &cp, &len, &fam)) {
            mark n = read_mark(doc, blk, i, cp, len, fam);
            if (fam == FAM_DOUBLE && n.strong_close)
                return false;
            if (fam == FAM_SINGLE && n.strong_close && !(n.prev_cp >= 0 && ws_cp_is_alnum(n.prev_cp) &&
                                                         n.next_cp >= 0 && ws_cp_is_alnum(n.next_cp)))
                return true;
        }
        i += (uint32_t)len;
    }
    return false;
}

/*
 * Is opening mark @m, met while a double quotation is open, the reopening
 * of that quotation after a sentence: 'said: "It was hard. "He expected a
 * cross."'? Text that lost its paragraph breaks (wire feeds, corpora,
 * some CMS exports) keeps the convention of a quotation running over
 * paragraphs in one line: the reopening mark follows a sentence end.
 */
static bool reopens_after_sentence(const ws_doc *doc, const ws_block *blk, const mark *m)
{
    uint32_t at = m->start;
    size_t s;
    bool spaced = false;
    while (at > blk->start) {
        int32_t cp = ws_utf8_prev(doc->text, at, &s);
        if (!ws_cp_is_space(cp))
            break;
        spaced = true;
        at = (uint32_t)s;
    }
    if (!spaced || at <= blk->start)
        return false;
    int32_t cp = ws_utf8_prev(doc->text, at, &s);
    return cp == '.' || cp == '?' || cp == '!' || cp == 0x2026;
}

/*
 * The quotation at the bottom of the stack goes on: the text from its
 * fragment start to @frag_end is one of its fragments, and the next starts
 * at @next_start (after the reopening mark). Opens above it are dropped.
 */
static int carry_on(scanner *sc, uint32_t frag_end, uint32_t next_start)
{
    ws_doc *doc = sc->doc;
    int rc;
    if ((rc = drop_above(sc, 1)) < 0)
        return rc;
    open_quote *q = &sc->stack.v[0];
    if (!q->is_continued) {
        sc->carried.n = 0;
        sc->carried_open = q->open;
        q->is_continued = true;
    }
    ws_range frag = trim(doc, q->frag_start, frag_end);
    if (frag.start < frag.end) {
        if ((rc = WS_ARRAY_GROW(doc->mem, sc->carried)) < 0)
            return rc;
        sc->carried.v[sc->carried.n++] = frag;
    }
    q->frag_start = next_start;
    return WS_OK;
}

static int on_mark(scanner *sc, const ws_block *blk, mark *m)
{
    ws_doc *doc = sc->doc;
    if (m->fam == FAM_SINGLE) {
        if (is_apostrophe(doc, blk, m, sc->elisions) || ends_elided_n(doc, m))
            return WS_OK;
        long top = innermost(sc, FAM_SINGLE);
        if (top >= 0 && m->can_close && closes(sc->stack.v[top].open_cp, m->cp) &&
            (m->strong_close || !m->strong_open) && !is_possessive_before_later_close(doc, blk, m))
            return close_quote(sc, (size_t)top, m);
        if (m->can_open && (m->strong_open || m->cp == U_LSQUO))
            return push(sc, m);
        return WS_OK; /* a closing single with nothing open: an apostrophe */
    }
    long top = innermost(sc, FAM_DOUBLE);
    bool fits = top >= 0 && closes(sc->stack.v[top].open_cp, m->cp);
    if (fits && m->can_close && (m->strong_close || !m->strong_open))
        return close_quote(sc, (size_t)top, m);
    if (top == 0 && m->strong_open && reopens_after_sentence(doc, blk, m))
        return carry_on(sc, m->start, m->end);
    if (m->can_open)
        return push(sc, m);
    if (fits && m->can_close)
        return close_quote(sc, (size_t)top, m);
    /* A closing mark that closes nothing. After a digit it is an inch or
     * seconds sign (a 6" pipe), not a quotation mark. */
    if (m->prev_cp >= 0 && ws_cp_is_digit(m->prev_cp) && m->cp == '"')
        return WS_OK;
    return ws_doc_add_problem(doc, WS_PROBLEM_STRAY_CLOSE, m->start, m->end,
                              "closing quotation mark without an opening one");
}

/* The opening double mark a paragraph starts with, if any. */
static bool starts_with_double(const ws_doc *doc, const ws_block *blk, mark *out)
{
    if (blk->start >= blk->end)
        return false;
    int32_t cp;
    int len;
    uint8_t fam;
    if (!decode_mark(doc, blk->start, blk->end, &cp, &len, &fam) || fam != FAM_DOUBLE)
        return false;
    *out = read_mark(doc, blk, blk->start, cp, len, fam);
    return out->can_open;
}

static bool can_continue_into(const ws_block *from, const ws_block *to)
{
    return from->kind != WS_BLOCK_HEADING && to->kind != WS_BLOCK_HEADING;
}

/*
 * End of paragraph @b: a double quotation still open either continues into
 * the next paragraph (which must open with a double mark: the reopening) or
 * is unclosed.
 */
static int end_block(scanner *sc, uint32_t b, uint32_t *resume_at)
{
    ws_doc *doc = sc->doc;
    const ws_block *blk = &doc->blocks.v[b];
    int rc;
    *resume_at = 0;
    /* Open singles never continue: they were apostrophes. */
    size_t n = 0;
    for (size_t i = 0; i < sc->stack.n; i++) {
        if (sc->stack.v[i].fam == FAM_DOUBLE) {
            sc->stack.v[n] = sc->stack.v[i];
            sc->stack.v[n].top_double = (int32_t)n;
            sc->stack.v[n++].top_single = -1;
        }
    }
    sc->stack.n = n;
    if (n == 0)
        return WS_OK;
    mark reopen;
    /* The reopening mark is of the opening mark's style: a paragraph that
     * starts with a stray straight mark in a text quoted with curly marks
     * does not carry a quotation into the next paragraph's curly one. */
    bool continues = b + 1 < doc->blocks.n && sc->stack.v[0].fam == FAM_DOUBLE &&
                     can_continue_into(blk, &doc->blocks.v[b + 1]) &&
                     starts_with_double(doc, &doc->blocks.v[b + 1], &reopen) &&
                     (reopen.cp == '"') == (sc->stack.v[0].open_cp == '"');
    if (!continues)
        return drop_above(sc, 0);
    if ((rc = carry_on(sc, blk->end, reopen.end)) < 0)
        return rc;
    *resume_at = reopen.end;
    return WS_OK;
}

/* Quotation marks inserted for HTML <q> get the markup flag. */
static void flag_markup(ws_doc *doc, size_t first_quote)
{
    size_t j = 0;
    for (size_t i = first_quote; i < doc->quotes.n; i++) {
        ws_quote *q = &doc->quotes.v[i];
        while (j < doc->markup_quote_opens.n && doc->markup_quote_opens.v[j] < q->open.start)
            j++;
        if (j < doc->markup_quote_opens.n && doc->markup_quote_opens.v[j] == q->open.start)
            q->flags |= WS_QUOTE_MARKUP;
    }
}

static int cmp_quote(const void *a, const void *b)
{
    const ws_quote *x = a, *y = b;
    if (x->open.start != y->open.start)
        return x->open.start < y->open.start ? -1 : 1;
    /* Same start (block quotations around a quotation): the longer is outer. */
    if (x->close.end != y->close.end)
        return x->close.end > y->close.end ? -1 : 1;
    return 0;
}

/* Parents and depths from containment, over quotations sorted by start. */
static int link_tree(ws_doc *doc)
{
    WS_ARRAY(uint32_t) open;
    memset(&open, 0, sizeof open);
    int rc = WS_OK;
    for (size_t i = 0; i < doc->quotes.n; i++) {
        ws_quote *q = &doc->quotes.v[i];
        while (open.n && doc->quotes.v[open.v[open.n - 1]].close.end <= q->open.start)
            open.n--;
        while (open.n && doc->quotes.v[open.v[open.n - 1]].close.end < q->close.end)
            open.n--; /* overlapping, not nested: not a parent */
        q->parent = open.n ? (int32_t)open.v[open.n - 1] : -1;
        q->depth = q->parent >= 0 ? (uint16_t)(doc->quotes.v[q->parent].depth + 1) : 0;
        WS_TRY(WS_ARRAY_GROW(doc->mem, open));
        open.v[open.n++] = (uint32_t)i;
    }
out:
    ws_free(doc->mem, open.v);
    return rc;
}

/*
 * Block quotations (Markdown '>', HTML blockquote) are quotations without
 * marks, unless their text is one marked quotation already. The marked
 * quotations are sorted by start: one pass over them as the blocks go on, not
 * one per block quotation (quadratic in a long Markdown file).
 */
static int add_block_quotations(ws_doc *doc)
{
    int rc = WS_OK;
    size_t n_marked = doc->quotes.n, first = 0;
    for (size_t b = 0; b < doc->blocks.n;) {
        const ws_block *blk = &doc->blocks.v[b];
        if (blk->kind != WS_BLOCK_QUOTE) {
            b++;
            continue;
        }
        size_t e = b + 1;
        while (e < doc->blocks.n && doc->blocks.v[e].kind == WS_BLOCK_QUOTE &&
               doc->blocks.v[e].quote_group == blk->quote_group)
            e++;
        uint32_t start = blk->start, end = doc->blocks.v[e - 1].end;
        bool is_marked = false;
        while (first < n_marked && doc->quotes.v[first].open.start < start)
            first++;
        for (size_t i = first; i < n_marked && doc->quotes.v[i].open.start == start && !is_marked; i++)
            is_marked = doc->quotes.v[i].close.end == end;
        if (!is_marked) {
            ws_quote wq;
            memset(&wq, 0, sizeof wq);
            wq.open = (ws_range){start, start};
            wq.close = (ws_range){end, end};
            wq.frag_first = (uint32_t)doc->quote_frags.n;
            wq.parent = -1;
            wq.statement = -1;
            wq.block_first = (uint32_t)b;
            wq.block_last = (uint32_t)(e - 1);
            wq.flags = WS_QUOTE_BLOCK | (e - b > 1 ? WS_QUOTE_CONTINUED : 0);
            for (size_t k = b; k < e; k++) {
                ws_range r = {doc->blocks.v[k].start, doc->blocks.v[k].end};
                WS_TRY(WS_ARRAY_GROW(doc->mem, doc->quote_frags));
                doc->quote_frags.v[doc->quote_frags.n++] = r;
                wq.n_words += count_words(doc, r);
            }
            wq.n_frags = (uint32_t)(e - b);
            WS_TRY(WS_ARRAY_GROW(doc->mem, doc->quotes));
            doc->quotes.v[doc->quotes.n++] = wq;
        }
        b = e;
    }
out:
    return rc;
}

/* The bytes a quotation mark can start with: '"', '\'', '`', C2 (« »), E2 (U+20xx). */
static const bool may_start_mark[256] = {['"'] = true, ['\''] = true, ['`'] = true,
                                         [0xC2] = true, [0xE2] = true};

/* The top bit of each byte of @w that may start a mark: '"', '\'', '`' and
 * any non-ASCII byte (C2 and E2 among them), or 0 when none does. Below the
 * first such byte the bits are exact; above it a borrow may set more. */
static inline uint64_t mark_byte_bits(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), tops = ones * 0x80;
    uint64_t dq = w ^ ones * '"', sq = w ^ ones * '\'', bq = w ^ ones * '`';
    return (((dq - ones) & ~dq) | ((sq - ones) & ~sq) | ((bq - ones) & ~bq) | w) & tops;
}

/* The first offset from @i, before @end, whose byte may start a mark, or
 * @end: most of a text is skipped sixteen (with SSE2) or eight bytes a
 * step. */
static uint32_t next_mark_byte(const unsigned char *t, uint32_t i, uint32_t end)
{
#if defined(__SSE2__)
    /* A byte's top bit in the mask for '"', '\'', '`' and from 0x80 on. */
    const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''), bq = _mm_set1_epi8('`');
    while (end - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
        __m128i marks = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dq), _mm_cmpeq_epi8(v, sq)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, bq), v));
        unsigned bits = (unsigned)_mm_movemask_epi8(marks);
        if (bits)
            return i + (uint32_t)__builtin_ctz(bits);
        i += 16;
    }
#endif
    while (end - i >= 8) {
        uint64_t w;
        memcpy(&w, t + i, 8);
        uint64_t bits = mark_byte_bits(w);
        if (bits) {
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
            /* The lowest bit is the first byte in memory. */
            return i + ((uint32_t)__builtin_ctzll(bits) >> 3);
#else
            break;
#endif
        }
        i += 8;
    }
    while (i < end && !may_start_mark[t[i]])
        i++;
    return i;
}

int ws_scan_quotes(ws_doc *doc, const ws_lexicon *elisions)
{
    scanner sc;
    memset(&sc, 0, sizeof sc);
    sc.doc = doc;
    sc.elisions = elisions;
    int rc = WS_OK;
    uint32_t resume_at = 0;
    for (uint32_t b = 0; b < doc->blocks.n; b++) {
        const ws_block *blk = &doc->blocks.v[b];
        sc.block = b;
        uint32_t i = resume_at > blk->start ? resume_at : blk->start;
        const unsigned char *t = (const unsigned char *)doc->text;
        while (i < blk->end) {
            /* Every mark starts with one of these bytes: '"', '\'', '`', C2 (« »),
             * E2 (U+20xx). */
            if (!may_start_mark[t[i]]) {
                i = next_mark_byte(t, i + 1, blk->end);
                continue;
            }
            int32_t cp;
            int len;
            uint8_t fam;
            if (decode_mark(doc, i, blk->end, &cp, &len, &fam)) {
                mark m = read_mark(doc, blk, i, cp, len, fam);
                WS_TRY(on_mark(&sc, blk, &m));
            }
            i += (uint32_t)len;
        }
        WS_TRY(end_block(&sc, b, &resume_at));
    }
    if (doc->quotes.n)
        qsort(doc->quotes.v, doc->quotes.n, sizeof *doc->quotes.v, cmp_quote);
    WS_TRY(add_block_quotations(doc));
    if (doc->quotes.n)
        qsort(doc->quotes.v, doc->quotes.n, sizeof *doc->quotes.v, cmp_quote);
    flag_markup(doc, 0);
    WS_TRY(link_tree(doc));
out:
    ws_free(doc->mem, sc.stack.v);
    ws_free(doc->mem, sc.carried.v);
    ws_free(doc->mem, sc.word_starts.v);
    return rc;
}
