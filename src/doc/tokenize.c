/*
 * tokenize.c - words, numbers, punctuation and quotation marks of each block,
 * with the quotation each token stands in. Attribution and the lexicons work
 * on these tokens, never on raw bytes.
 *
 * A word keeps inner apostrophes and hyphens (don't, O'Neill, al-Assad) and
 * the periods of a dotted abbreviation (U.S., a.m.); a possessive 's is a
 * token of its own so that "Lavrov's" still names Lavrov.
 */
#include "doc/tokenize.h"

#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

enum { U_RSQUO = 0x2019 };

typedef struct mark_pos {
    uint32_t start;
    uint32_t end;
    int32_t quote;
    bool is_open;
} mark_pos;

typedef WS_ARRAY(mark_pos) mark_list;

static int cmp_mark(const void *a, const void *b)
{
    const mark_pos *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static bool is_apos(int32_t cp)
{
    return cp == '\'' || cp == U_RSQUO;
}

/* ASCII character classes by table: one load per byte in the hot loop.
 * C_JOIN marks the bytes that may join two runs of letters or digits into
 * one word ("well-known", "3.5", "AT&T"); C_BAIL the bytes after a run that
 * only the general rules can judge (an apostrophe, any non-ASCII byte). */
enum { C_ALNUM = 1, C_UPPER = 2, C_LETTER = 4, C_LOWER = 8, C_JOIN = 16, C_BAIL = 32 };
#define ROW_UPPER(c) [c] = C_ALNUM | C_UPPER | C_LETTER
#define ROW_LOWER(c) [c] = C_ALNUM | C_LETTER | C_LOWER
#define BAIL_2(c) [c] = C_BAIL, [c + 1] = C_BAIL
#define BAIL_4(c) BAIL_2(c), BAIL_2(c + 2)
#define BAIL_8(c) BAIL_4(c), BAIL_4(c + 4)
#define BAIL_16(c) BAIL_8(c), BAIL_8(c + 8)
#define BAIL_64(c) BAIL_16(c), BAIL_16(c + 16), BAIL_16(c + 32), BAIL_16(c + 48)
static const uint8_t ascii_class[256] = {
    ['0'] = C_ALNUM, ['1'] = C_ALNUM, ['2'] = C_ALNUM, ['3'] = C_ALNUM, ['4'] = C_ALNUM,
    ['5'] = C_ALNUM, ['6'] = C_ALNUM, ['7'] = C_ALNUM, ['8'] = C_ALNUM, ['9'] = C_ALNUM,
    ROW_UPPER('A'), ROW_UPPER('B'), ROW_UPPER('C'), ROW_UPPER('D'), ROW_UPPER('E'), ROW_UPPER('F'),
    ROW_UPPER('G'), ROW_UPPER('H'), ROW_UPPER('I'), ROW_UPPER('J'), ROW_UPPER('K'), ROW_UPPER('L'),
    ROW_UPPER('M'), ROW_UPPER('N'), ROW_UPPER('O'), ROW_UPPER('P'), ROW_UPPER('Q'), ROW_UPPER('R'),
    ROW_UPPER('S'), ROW_UPPER('T'), ROW_UPPER('U'), ROW_UPPER('V'), ROW_UPPER('W'), ROW_UPPER('X'),
    ROW_UPPER('Y'), ROW_UPPER('Z'),
    ROW_LOWER('a'), ROW_LOWER('b'), ROW_LOWER('c'), ROW_LOWER('d'), ROW_LOWER('e'), ROW_LOWER('f'),
    ROW_LOWER('g'), ROW_LOWER('h'), ROW_LOWER('i'), ROW_LOWER('j'), ROW_LOWER('k'), ROW_LOWER('l'),
    ROW_LOWER('m'), ROW_LOWER('n'), ROW_LOWER('o'), ROW_LOWER('p'), ROW_LOWER('q'), ROW_LOWER('r'),
    ROW_LOWER('s'), ROW_LOWER('t'), ROW_LOWER('u'), ROW_LOWER('v'), ROW_LOWER('w'), ROW_LOWER('x'),
    ROW_LOWER('y'), ROW_LOWER('z'),
    ['-'] = C_JOIN, ['&'] = C_JOIN, [','] = C_JOIN, ['.'] = C_JOIN, ['\''] = C_BAIL,
    BAIL_64(0x80), BAIL_64(0xC0),
};
#undef ROW_UPPER
#undef ROW_LOWER
#undef BAIL_2
#undef BAIL_4
#undef BAIL_8
#undef BAIL_16
#undef BAIL_64

/* Collect every mark that opens, reopens or closes a quotation. */
static int collect_marks(const ws_doc *doc, mark_list *marks)
{
    int rc;
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const ws_quote *q = &doc->quotes.v[i];
        if (q->open.end > q->open.start) {
            if ((rc = ws_array_reserve(doc->mem, &marks->v, &marks->cap, marks->n + 1,
                                       sizeof *marks->v)) < 0)
                return rc;
            marks->v[marks->n++] = (mark_pos){q->open.start, q->open.end, (int32_t)i, true};
        }
        if (q->close.end > q->close.start) {
            if ((rc = ws_array_reserve(doc->mem, &marks->v, &marks->cap, marks->n + 1,
                                       sizeof *marks->v)) < 0)
                return rc;
            marks->v[marks->n++] = (mark_pos){q->close.start, q->close.end, (int32_t)i, false};
        }
        /* The reopening mark of each later paragraph of a continued quotation. */
        for (uint32_t f = 1; f < q->n_frags && q->open.end > q->open.start; f++) {
            uint32_t at = doc->quote_frags.v[q->frag_first + f].start;
            size_t s;
            int32_t cp;
            while ((cp = ws_utf8_prev(doc->text, at, &s)) >= 0 && ws_cp_is_space(cp) && cp != '\n')
                at = (uint32_t)s;
            cp = ws_utf8_prev(doc->text, at, &s);
            if (cp < 0 || ws_cp_is_alnum(cp) || ws_cp_is_space(cp))
                continue;
            if ((rc = ws_array_reserve(doc->mem, &marks->v, &marks->cap, marks->n + 1,
                                       sizeof *marks->v)) < 0)
                return rc;
            marks->v[marks->n++] = (mark_pos){(uint32_t)s, at, (int32_t)i, true};
        }
    }
    if (marks->n)
        qsort(marks->v, marks->n, sizeof *marks->v, cmp_mark);
    return WS_OK;
}

/* End of a dotted abbreviation such as U.S. or a.m. starting at @at, or 0. */
static uint32_t dotted_end(const char *t, uint32_t at, uint32_t limit)
{
    uint32_t i = at, n_dots = 0;
    for (;;) {
        int32_t cp = ws_utf8_at(t, limit, i);
        if (cp < 0 || !ws_cp_is_letter(cp))
            break;
        uint32_t after = i + (uint32_t)ws_utf8_seqlen((unsigned char)t[i]);
        if (after >= limit || t[after] != '.')
            break;
        i = after + 1;
        n_dots++;
    }
    return n_dots >= 2 ? i : 0;
}

/* "Gawker.com", "www.flag.govt.nz": at the period @dot inside a word, the
 * end of a web address whose last label is a common top-level domain, or 0. */
static uint32_t web_address_end(const char *t, uint32_t dot, uint32_t limit)
{
    static const char *const domains[] = {"com", "org", "net", "gov", "edu", "io", "co", "uk", "ca", "nz",
                                          "au", "us", "info", "tv", "int", "mil", "eu"};
    uint32_t e = dot, label = dot + 1;
    while (e < limit && ((t[e] >= 'a' && t[e] <= 'z') || (t[e] >= '0' && t[e] <= '9') || t[e] == '-' ||
                         (t[e] == '.' && e + 1 < limit && t[e + 1] >= 'a' && t[e + 1] <= 'z'))) {
        if (t[e] == '.')
            label = e + 1;
        e++;
    }
    unsigned char after = e < limit ? (unsigned char)t[e] : ' ';
    if (after >= 0x80 || (after >= 'A' && after <= 'Z') || (after >= '0' && after <= '9'))
        return 0;
    for (size_t i = 0; i < sizeof domains / sizeof *domains; i++)
        if (e - label == strlen(domains[i]) && memcmp(t + label, domains[i], e - label) == 0)
            return e;
    return 0;
}

static uint32_t word_end(const char *t, uint32_t at, uint32_t limit, bool *is_number)
{
    uint32_t i = at;
    int32_t cp = ws_utf8_at(t, limit, i);
    *is_number = ws_cp_is_digit(cp);
    while (i < limit) {
        /* ASCII letters and digits without decoding: "well-known", "don't". */
        if (ascii_class[(unsigned char)t[i]] & C_ALNUM) {
            i++;
            continue;
        }
        cp = ws_utf8_at(t, limit, i);
        uint32_t len = (uint32_t)ws_utf8_seqlen((unsigned char)t[i]);
        if (ws_cp_is_alnum(cp) || (cp >= 0x300 && cp < 0x370)) {
            i += len;
            continue;
        }
        int32_t next = ws_utf8_at(t, limit, i + len);
        bool next_alnum = next >= 0 && ws_cp_is_alnum(next);
        if (!next_alnum)
            break;
        if (is_apos(cp)) {
            /* A possessive 's ends the word: Lavrov's -> Lavrov + 's. */
            int32_t after = ws_utf8_at(t, limit, i + len + 1);
            if ((next == 's' || next == 'S') && (after < 0 || !ws_cp_is_alnum(after)))
                break;
            i += len;
            continue;
        }
        if (cp == '-' || cp == 0x2011 /* non-breaking hyphen */ || cp == '&') {
            i += len;
            continue;
        }
        if (*is_number && (cp == '.' || cp == ',') && ws_cp_is_digit(next)) {
            i += len;
            continue;
        }
        uint32_t web = cp == '.' && next >= 'a' && next <= 'z' ? web_address_end(t, i, limit) : 0;
        if (web)
            return web;
        break;
    }
    return i;
}

/* "al-Shabaab", "el-Sisi": an Arabic article before a capitalized name
 * makes the word a name, capitalized for the readers of names. */
static bool article_name(const char *t, uint32_t start, uint32_t end)
{
    return end - start > 4 && (t[start] == 'a' || t[start] == 'e') && t[start + 1] == 'l' && t[start + 2] == '-' &&
           t[start + 3] >= 'A' && t[start + 3] <= 'Z';
}

static uint16_t case_flags(const char *t, uint32_t start, uint32_t end)
{
    int32_t first = ws_utf8_at(t, end, start);
    uint16_t flags = ws_cp_is_upper(first) || article_name(t, start, end) ? WS_TOKF_CAP : 0;
    uint32_t n_letters = 0;
    bool all_upper = true;
    for (uint32_t i = start; i < end;) {
        uint8_t cls = ascii_class[(unsigned char)t[i]];
        if (!(cls & C_BAIL)) {
            /* ASCII: its class from the table. */
            i++;
            if (cls & C_LETTER) {
                n_letters++;
                if (!(cls & C_UPPER))
                    all_upper = false;
            }
            continue;
        }
        int32_t cp;
        i += (uint32_t)ws_utf8_decode(t + i, end - i, &cp);
        if (ws_cp_is_letter(cp)) {
            n_letters++;
            if (!ws_cp_is_upper(cp))
                all_upper = false;
        }
    }
    if (n_letters >= 2 && all_upper)
        flags |= WS_TOKF_ALLCAPS;
    return flags;
}

static bool ascii_alnum(unsigned char c)
{
    return ascii_class[c] & C_ALNUM;
}

/* The top bit of each byte of @w that is not an ASCII letter or digit, or
 * 0 when all eight are. Exact for every byte: the sums are on the low seven
 * bits, so no byte borrows from or carries into the next. */
static inline uint64_t non_alnum_bits(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), tops = ones * 0x80;
    uint64_t low7 = w & ones * 0x7F;
    uint64_t small = low7 | ones * 0x20; /* capitals as small letters */
    uint64_t is_letter = (small + ones * (0x80 - 'a')) & ~(small + ones * (0x7F - 'z'));
    uint64_t is_digit = (low7 + ones * (0x80 - '0')) & ~(low7 + ones * (0x7F - '9'));
    return ~((is_letter | is_digit) & ~w) & tops;
}

/* The end of the run of ASCII letters and digits from @j, before @limit:
 * eight bytes a step, so that the end of a word costs no mispredicted
 * branch, the last few bytes one at a time. */
static inline uint32_t alnum_run_end(const unsigned char *u, uint32_t j, uint32_t limit)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    while (limit - j >= 8) {
        uint64_t w;
        memcpy(&w, u + j, 8);
        uint64_t bits = non_alnum_bits(w);
        if (bits)
            return j + ((uint32_t)__builtin_ctzll(bits) >> 3); /* the lowest bit is the first byte */
        j += 8;
    }
#endif
    while (j < limit && (ascii_class[u[j]] & C_ALNUM))
        j++;
    return j;
}

/*
 * A plain ASCII word or number (most tokens of news text) starting with the
 * letter or digit at @i: scanned bytewise. Returns false when anything needs
 * the general rules (non-ASCII, inner apostrophes and hyphens, dotted
 * abbreviations, decimals).
 */
static inline bool scan_ascii_word(const char *t, uint32_t i, uint32_t limit, ws_token *tok)
{
    const unsigned char *u = (const unsigned char *)t;
    uint32_t j = alnum_run_end(u, i + 1, limit);
    if (j < limit && (ascii_class[u[j]] & (C_JOIN | C_BAIL))) {
        unsigned char b = u[j];
        if (ascii_class[b] & C_BAIL)
            return false; /* "’s", "O’Neill", "Lavrov's": the general rules decide */
        if (j + 1 < limit && ascii_alnum(u[j + 1]))
            return false;
        if (b == '.' && j - i == 1)
            return false; /* "U.S.", "J. Smith": the general rules decide */
    }
    tok->start = i;
    tok->end = j;
    uint8_t first = ascii_class[u[i]];
    tok->kind = first & C_LETTER ? WS_TOK_WORD : WS_TOK_NUMBER;
    /* (An Arabic article needs a hyphen, which no ASCII run holds.) */
    uint16_t flags = first & C_UPPER ? WS_TOKF_CAP : 0;
    /* Every byte of the run is a letter or a digit, so the word is all
     * capitals when it has no small letter and two capitals: a word that
     * has a small letter is mostly found so at its first or second byte. */
    if (!(first & C_LOWER)) {
        uint32_t n_upper = 0;
        uint32_t k = i;
        for (; k < j; k++) {
            uint8_t cls = ascii_class[u[k]];
            if (cls & C_LOWER)
                break;
            n_upper += (cls & C_UPPER) != 0;
        }
        if (k == j && n_upper >= 2)
            flags |= WS_TOKF_ALLCAPS;
    }
    tok->flags = flags;
    return true;
}

/*
 * The token (not a quotation mark) at @i, up to @limit, that is not a plain
 * ASCII word: a word or number with non-ASCII letters or inner marks, a
 * possessive 's or punctuation.
 */
static void scan_general_token(const char *t, uint32_t i, uint32_t limit, ws_token *tok)
{
    int32_t cp;
    uint32_t len = (uint32_t)ws_utf8_decode(t + i, limit - i, &cp);
    tok->start = i;
    if (ws_cp_is_alnum(cp)) {
        uint32_t d = dotted_end(t, i, limit);
        bool is_number = false;
        tok->end = d ? d : word_end(t, i, limit, &is_number);
        tok->kind = is_number ? WS_TOK_NUMBER : WS_TOK_WORD;
        tok->flags = case_flags(t, tok->start, tok->end);
        if (d)
            tok->flags |= WS_TOKF_ABBREV;
    } else if (is_apos(cp) && i + len < limit && (t[i + len] == 's' || t[i + len] == 'S') &&
               (i + len + 1 >= limit || !ws_cp_is_alnum(ws_utf8_at(t, limit, i + len + 1))) &&
               i > 0 && ws_cp_is_alnum(ws_utf8_prev(t, i, NULL))) {
        tok->kind = WS_TOK_WORD; /* the possessive 's */
        tok->end = i + len + 1;
    } else {
        tok->kind = WS_TOK_PUNCT;
        tok->end = i + len;
        /* Runs of the same punctuation (..., --, !!) are one token. */
        while (tok->end < limit && (cp == '.' || cp == '-' || cp == '!' || cp == '?') &&
               t[tok->end] == (char)cp)
            tok->end++;
    }
}

/*
 * The ASCII punctuation mark or control character at @i (not an
 * apostrophe, which may begin a possessive 's): the token
 * scan_general_token() makes of it, without decoding. A run of the same
 * '.', '-', '!' or '?' is one token.
 */
static inline void scan_ascii_punct(const char *t, uint32_t i, uint32_t limit, ws_token *tok)
{
    char c = t[i];
    uint32_t end = i + 1;
    if (c == '.' || c == '-' || c == '!' || c == '?')
        while (end < limit && t[end] == c)
            end++;
    tok->start = i;
    tok->end = end;
    tok->kind = WS_TOK_PUNCT;
}

/*
 * The token (not a quotation mark) at @i, up to @limit: a word, number,
 * possessive 's or punctuation. Shared by documents and rule phrases, so that
 * a phrase in a list splits exactly as the same words in an article.
 */
static inline void scan_token(const char *t, uint32_t i, uint32_t limit, ws_token *tok)
{
    if (ascii_alnum((unsigned char)t[i]) && scan_ascii_word(t, i, limit, tok))
        return;
    scan_general_token(t, i, limit, tok);
}

/* Tokens of one block; @mi walks the sorted quotation marks. */
static int tokenize_block(ws_doc *doc, const ws_block *blk, const mark_pos *marks, size_t n_marks,
                          size_t *mi)
{
    const char *t = doc->text;
    uint32_t i = blk->start, end = blk->end;
    uint16_t pending = WS_TOKF_BLOCK_START;
    /* The start of the next mark at or after the current token, so that
     * most tokens cost one comparison for the marks. */
    uint32_t next_mark = 0;
    int rc;
    while (i < end) {
        unsigned char c = (unsigned char)t[i];
        if (c == ' ') {
            pending |= WS_TOKF_SPACE_BEFORE;
            i++;
            continue;
        }
        /* Only controls and non-ASCII characters may be other white space. */
        if (c <= ' ' || c >= 0x80) {
            int32_t cp;
            uint32_t len = (uint32_t)ws_utf8_decode(t + i, end - i, &cp);
            if (ws_cp_is_space(cp)) {
                pending |= WS_TOKF_SPACE_BEFORE;
                if (cp == '\n')
                    pending |= WS_TOKF_NEWLINE_BEFORE;
                i += len;
                continue;
            }
        }
        /* The token is made in place, at the end of the array. */
        if ((rc = WS_ARRAY_GROW(doc->mem, doc->tokens)) < 0)
            return rc;
        ws_token *tok = &doc->tokens.v[doc->tokens.n];
        *tok = (ws_token){.start = i, .quote = -1};
        if (next_mark <= i) {
            while (*mi < n_marks && marks[*mi].start < i)
                (*mi)++;
            next_mark = *mi < n_marks ? marks[*mi].start : UINT32_MAX;
        }
        if (next_mark == i) {
            tok->kind = WS_TOK_QUOTE;
            tok->end = marks[*mi].end;
            tok->flags = marks[*mi].is_open ? WS_TOKF_OPEN : WS_TOKF_CLOSE;
            tok->quote = marks[*mi].quote;
        } else if (ascii_class[c] & C_ALNUM) {
            if (!scan_ascii_word(t, i, end, tok))
                scan_general_token(t, i, end, tok);
        } else if (c < 0x80 && c != '\'') {
            /* Commas and full stops: about one token in ten. */
            scan_ascii_punct(t, i, end, tok);
        } else {
            scan_general_token(t, i, end, tok);
        }
        tok->flags |= pending;
        pending = 0;
        if ((tok->kind == WS_TOK_PUNCT && (c == '.' || c == '!' || c == '?')) || (tok->flags & WS_TOKF_ABBREV)) {
            if ((rc = WS_ARRAY_GROW(doc->mem, doc->stops)) < 0)
                return rc;
            doc->stops.v[doc->stops.n++] = (uint32_t)doc->tokens.n;
        }
        doc->tokens.n++;
        i = tok->end;
    }
    return WS_OK;
}

/*
 * The quotation each token stands in: a sweep over tokens with the stack of
 * quotations whose span covers the current position.
 */
static int assign_quotes(ws_doc *doc)
{
    WS_ARRAY(int32_t) open;
    memset(&open, 0, sizeof open);
    int rc = WS_OK;
    const ws_quote *quotes = doc->quotes.v;
    size_t n_quotes = doc->quotes.n, qi = 0;
    /* Where the next quotation opens and where the innermost open one
     * closes: the stack changes only at these offsets, and most tokens lie
     * before both. */
    uint32_t next_open = n_quotes ? quotes[0].open.start : UINT32_MAX;
    uint32_t top_close = UINT32_MAX;
    for (size_t k = 0; k < doc->tokens.n; k++) {
        ws_token *tok = &doc->tokens.v[k];
        if (tok->start >= next_open || tok->start >= top_close) {
            while (qi < n_quotes && quotes[qi].open.start <= tok->start) {
                const ws_quote *q = &quotes[qi];
                while (open.n && quotes[open.v[open.n - 1]].close.end <= q->open.start)
                    open.n--;
                if (q->close.end > tok->start) {
                    WS_TRY(WS_ARRAY_GROW(doc->mem, open));
                    open.v[open.n++] = (int32_t)qi;
                }
                qi++;
            }
            while (open.n && quotes[open.v[open.n - 1]].close.end <= tok->start)
                open.n--;
            next_open = qi < n_quotes ? quotes[qi].open.start : UINT32_MAX;
            top_close = open.n ? quotes[open.v[open.n - 1]].close.end : UINT32_MAX;
        }
        if (tok->kind == WS_TOK_QUOTE) {
            /* A mark stands at the level outside its quotation. */
            tok->quote_depth = (uint8_t)(quotes[tok->quote].depth > 254 ? 255 : quotes[tok->quote].depth);
            continue;
        }
        if (open.n) {
            int32_t qidx = open.v[open.n - 1];
            tok->quote = qidx;
            unsigned depth = quotes[qidx].depth + 1u;
            tok->quote_depth = (uint8_t)(depth > 255 ? 255 : depth);
        }
    }
out:
    ws_free(doc->mem, open.v);
    return rc;
}

/* @w with its ASCII capitals in small letters; other bytes as they are. */
static uint64_t lower_ascii_word(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101);
    uint64_t low7 = w & ones * 0x7F;
    /* The top bit of each byte: at least 'A', then past 'Z' (no carries:
     * each sum stays below 0x100). */
    uint64_t from_a = low7 + ones * (0x80 - 'A');
    uint64_t past_z = low7 + ones * (0x7F - 'Z');
    uint64_t is_capital = from_a & ~past_z & ~w & ones * 0x80;
    return w | is_capital >> 2;
}

/*
 * @w with its ASCII capitals in small letters, when every byte of it that
 * matters is a letter or one of the digits and marks an ASCII word or
 * number may hold ("-&'.,", all from 0x20 to 0x3F): those already have the
 * bit that makes a capital small, so setting it in every byte folds the
 * word. Other bytes (a punctuation mark such as '@' or '[') need
 * lower_ascii_word().
 */
static uint64_t lower_ascii_word_chars(uint64_t w)
{
    return w | UINT64_C(0x2020202020202020);
}

/* @w folded: by lower_ascii_word_chars() when @is_word (a word's or a
 * number's bytes), else by lower_ascii_word(). */
static uint64_t lower_ascii(uint64_t w, bool is_word)
{
    return is_word ? lower_ascii_word_chars(w) : lower_ascii_word(w);
}

/* The key of a token of at most eight bytes when they are all ASCII: one
 * word loaded, folded and stored whole (the bytes past the token are
 * overwritten by the NUL and the next key). @src and @out must have eight
 * bytes readable and writable; @is_word says the token is a word or a
 * number. Returns false for non-ASCII. */
static bool short_ascii_key(const unsigned char *src, size_t len, bool is_word, char *out)
{
    /* 0xFF on the token's bytes, 0 on the rest, in memory order, so that
     * the test does not depend on the byte order of the word. */
    static const unsigned char prefix_bytes[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    uint64_t w, in_token;
    memcpy(&w, src, 8);
    memcpy(&in_token, prefix_bytes + 8 - len, 8);
    if (w & in_token & UINT64_C(0x8080808080808080))
        return false;
    w = lower_ascii(w, is_word);
    memcpy(out, &w, 8);
    return true;
}

/* The key of a token of 9 to 16 bytes when they are all ASCII: its first
 * and its last eight bytes folded a word at a time (they overlap, and fold
 * alike where they do), reading and writing only the token's own bytes.
 * Returns false for non-ASCII. */
static bool ascii_key_of_two_words(const unsigned char *src, size_t len, bool is_word, char *out)
{
    uint64_t first, last;
    memcpy(&first, src, 8);
    memcpy(&last, src + len - 8, 8);
    if ((first | last) & UINT64_C(0x8080808080808080))
        return false;
    first = lower_ascii(first, is_word);
    last = lower_ascii(last, is_word);
    memcpy(out, &first, 8);
    memcpy(out + len - 8, &last, 8);
    return true;
}

/* Every token's lower-case key, in one arena buffer, in one pass: lower
 * case grows a character by at most half its bytes (U+023A is 2 bytes, its
 * lower case 3), so text size * 3/2 plus a NUL per token always fits. */
static int build_keys(ws_doc *doc)
{
    size_t n = doc->tokens.n;
    doc->key_off = ws_arena_calloc(&doc->arena, n + 1, sizeof *doc->key_off);
    if (!doc->key_off)
        return WS_ENOMEM;
    size_t total = (size_t)doc->text_len + doc->text_len / 2 + n + 16;
    if (total >= UINT32_MAX)
        return WS_ELIMIT;
    doc->keys = ws_arena_alloc(&doc->arena, total);
    if (!doc->keys)
        return WS_ENOMEM;
    uint32_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const ws_token *t = &doc->tokens.v[i];
        doc->key_off[i] = at;
        char *out = doc->keys + at;
        size_t len = 0;
        size_t tn = t->end - t->start;
        bool is_word = t->kind == WS_TOK_WORD || t->kind == WS_TOK_NUMBER;
        /* Most tokens are short ASCII words: a word at a time, no loop. A
         * token longer than 1 KiB (a 100 MB "word") gets an empty key: no
         * list has such an entry. */
        if (tn <= 8 && t->start + 8 <= doc->text_len && at + 8 <= total &&
            short_ascii_key((const unsigned char *)doc->text + t->start, tn, is_word, out)) {
            len = tn;
        } else if (tn > 8 && tn <= 16 &&
                   ascii_key_of_two_words((const unsigned char *)doc->text + t->start, tn, is_word, out)) {
            len = tn;
        } else if (tn < 1024) {
            const unsigned char *src = (const unsigned char *)doc->text + t->start;
            size_t k = 0;
            while (k < tn && src[k] < 0x80) {
                unsigned char c = src[k];
                out[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
                k++;
            }
            len = k == tn ? tn : ws_key_of(doc->text, t->start, t->end, true, out, total - at);
        }
        out[len] = '\0';
        at += (uint32_t)len + 1;
    }
    doc->key_off[n] = at;
    return WS_OK;
}

int ws_tokenize(ws_doc *doc)
{
    mark_list marks;
    memset(&marks, 0, sizeof marks);
    int rc;
    WS_TRY(collect_marks(doc, &marks));
    size_t mi = 0;
    doc->stops.n = 0;
    /* About one token per five bytes of news text: reserve once. */
    WS_TRY(ws_array_reserve(doc->mem, &doc->tokens.v, &doc->tokens.cap, doc->text_len / 5 + 16,
                            sizeof *doc->tokens.v));
    for (size_t b = 0; b < doc->blocks.n; b++)
        WS_TRY(tokenize_block(doc, &doc->blocks.v[b], marks.v, marks.n, &mi));
    WS_TRY(assign_quotes(doc));
    WS_TRY(build_keys(doc));
out:
    ws_free(doc->mem, marks.v);
    return rc;
}

size_t ws_key_of(const char *text, uint32_t start, uint32_t end, bool fold, char *out, size_t cap)
{
    size_t n = 0;
    for (uint32_t i = start; i < end;) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x80) {
            if (n + 2 > cap)
                return 0;
            out[n++] = (char)((fold && c >= 'A' && c <= 'Z') ? c + 32 : c);
            i++;
            continue;
        }
        int32_t cp;
        i += (uint32_t)ws_utf8_decode(text + i, end - i, &cp);
        if (fold)
            cp = ws_cp_lower(cp);
        /* Typographic apostrophes fold to ASCII so lists need one spelling. */
        if (cp == U_RSQUO)
            cp = '\'';
        char u[4];
        size_t len = ws_utf8_encode(cp, u);
        if (n + len + 1 > cap)
            return 0;
        memcpy(out + n, u, len);
        n += len;
    }
    out[n] = '\0';
    return n;
}

size_t ws_token_lower(const ws_doc *doc, const ws_token *tok, char *out, size_t cap)
{
    return ws_key_of(doc->text, tok->start, tok->end, true, out, cap);
}

int ws_phrase_key(const char *s, size_t len, bool fold, ws_buf *out)
{
    int n_tokens = 0;
    uint32_t i = 0;
    out->len = 0;
    while (i < len) {
        int32_t cp;
        uint32_t clen = (uint32_t)ws_utf8_decode(s + i, len - i, &cp);
        if (ws_cp_is_space(cp)) {
            i += clen;
            continue;
        }
        ws_token tok;
        memset(&tok, 0, sizeof tok);
        scan_token(s, i, (uint32_t)len, &tok);
        char key[256];
        size_t n = ws_key_of(s, tok.start, tok.end, fold, key, sizeof key);
        if (n == 0)
            return WS_ELIMIT;
        int rc;
        if ((n_tokens && (rc = ws_buf_putc(out, ' ')) < 0) || (rc = ws_buf_put(out, key, n)) < 0)
            return rc;
        n_tokens++;
        i = tok.end;
    }
    if (out->data)
        out->data[out->len] = '\0';
    return n_tokens;
}
