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
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
enum { C_ALNUM = 1, C_UPPER = 2, C_LETTER = 4, C_LOWER = 8, C_JOIN = 16, C_BAIL = 32, C_CLOSING_PUNCT = 64 };
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
    ['-'] = C_JOIN, ['&'] = C_JOIN, [','] = C_JOIN | C_CLOSING_PUNCT, ['.'] = C_JOIN | C_CLOSING_PUNCT,
    [';'] = C_CLOSING_PUNCT, [':'] = C_CLOSING_PUNCT, [')'] = C_CLOSING_PUNCT, ['!'] = C_CLOSING_PUNCT,
    ['?'] = C_CLOSING_PUNCT, ['\''] = C_BAIL,
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
 * 0 when all eight are. */
static inline uint64_t non_alnum_bits(uint64_t w)
{
    return ~ws_ascii_alnum_bits(w) & UINT64_C(0x8080808080808080);
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

/* The length of the apostrophe (' or U+2019) at @j before @limit, or 0. */
static inline uint32_t apostrophe_len(const unsigned char *u, uint32_t j, uint32_t limit)
{
    if (u[j] == '\'')
        return 1;
    return limit - j >= 3 && u[j] == 0xE2 && u[j + 1] == 0x80 && u[j + 2] == 0x99 ? 3 : 0;
}

/* Whether the byte at @k (before @limit, or the limit itself) ends a word:
 * the limit or an ASCII byte that is no letter or digit. A non-ASCII byte
 * is left undecided (false): only its code point's class could tell. */
static inline bool ends_word_at(const unsigned char *u, uint32_t k, uint32_t limit)
{
    return k >= limit || (u[k] < 0x80 && !(ascii_class[u[k]] & C_ALNUM));
}

/* The length of the possessive 's (or ’s) at @j before @limit, which is a
 * token of its own after a word (Lavrov's -> Lavrov + 's), or 0 when there
 * is none or only the general rules can tell. */
static inline uint32_t possessive_len(const unsigned char *u, uint32_t j, uint32_t limit)
{
    uint32_t n = apostrophe_len(u, j, limit);
    if (!n || j + n >= limit || (u[j + n] != 's' && u[j + n] != 'S') || !ends_word_at(u, j + n + 1, limit))
        return 0;
    return n + 1;
}

/*
 * Whether the run of ASCII letters and digits [@i, @j) is a token by itself,
 * as word_end() and dotted_end() would find it: not when a joining mark
 * before another letter or digit, or an apostrophe inside a word, follows
 * (inner marks, decimals, "O'Neill"), nor a one-letter word before a period
 * ("U.S.", "J."). An apostrophe that begins a possessive 's or precedes no
 * letter or digit ends the word, and so does a non-ASCII character that is
 * no letter, digit, mark, non-breaking hyphen or apostrophe (a dash, a
 * closing quotation mark).
 */
static inline bool ascii_run_is_token(const unsigned char *u, uint32_t i, uint32_t j, uint32_t limit)
{
    if (j >= limit || !(ascii_class[u[j]] & (C_JOIN | C_BAIL)))
        return true;
    unsigned char b = u[j];
    if (ascii_class[b] & C_BAIL) {
        uint32_t n = apostrophe_len(u, j, limit);
        if (n)
            return possessive_len(u, j, limit) || ends_word_at(u, j + n, limit);
        if (b == '\'')
            return false;
        int32_t cp;
        ws_utf8_decode((const char *)u + j, limit - j, &cp);
        return !(ws_cp_is_alnum(cp) || (cp >= 0x300 && cp < 0x370) || cp == 0x2011);
    }
    if (j + 1 < limit && ascii_alnum(u[j + 1]))
        return false;
    return !(b == '.' && j - i == 1); /* "U.S.", "J. Smith": the general rules decide */
}

/* Kind and flags of the token [@i, @j), a run of ASCII letters and digits. */
static inline void set_ascii_word(const unsigned char *u, uint32_t i, uint32_t j, ws_token *tok)
{
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
    if (!ascii_run_is_token(u, i, j, limit))
        return false;
    tok->start = i;
    set_ascii_word(u, i, j, tok);
    return true;
}

/* How many bytes from a word's start scan_short_ascii_word() reads: a word
 * that starts later, near the end of the text, takes the bytewise path. */
#if defined(__SSE2__)
enum { SHORT_WORD_READ = 16 };
#else
enum { SHORT_WORD_READ = 8 };
#endif

/*
 * scan_ascii_word() for a word of at most fifteen bytes, with its key: the
 * bytes from @i (SHORT_WORD_READ of them must be readable; with SWAR the
 * next eight too when @i + 16 <= @text_len) find the end and, folded, are
 * the key, stored whole at @key (sixteen bytes writable; those past the
 * word are overwritten by the NUL and the next key). Returns the key's
 * length, or 0 when the word is longer or needs the general rules.
 */
static inline uint32_t scan_short_ascii_word(const unsigned char *u, uint32_t i, uint32_t limit, uint32_t text_len,
                                             ws_token *tok, char *key)
{
#if defined(__SSE2__)
    /* Sixteen bytes classed at once. */
    (void)text_len;
    const __m128i small_bit = _mm_set1_epi8(0x20);
    __m128i bytes = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
    __m128i folded = _mm_or_si128(bytes, small_bit);
    __m128i is_letter = ws_ascii_letters16(bytes), is_digit = ws_ascii_digits16(bytes);
    unsigned alnum = (unsigned)_mm_movemask_epi8(_mm_or_si128(is_letter, is_digit));
    if (alnum == 0xFFFF)
        return 0;
    uint32_t len = (uint32_t)__builtin_ctz(~alnum);
    uint32_t j = i + len;
    if (j > limit || !ascii_run_is_token(u, i, j, limit))
        return 0;
    /* The word's letters, and those with the small-letter bit: a word of
     * no small letter and two capitals or more is all capitals. */
    unsigned in_word = (1u << len) - 1;
    unsigned letters = (unsigned)_mm_movemask_epi8(is_letter) & in_word;
    unsigned small = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(bytes, small_bit), small_bit)) & letters;
    unsigned capitals = letters & ~small;
    tok->end = j;
    tok->kind = letters & 1 ? WS_TOK_WORD : WS_TOK_NUMBER;
    uint16_t flags = capitals & 1 ? WS_TOKF_CAP : 0;
    if (!small && (capitals & (capitals - 1)))
        flags |= WS_TOKF_ALLCAPS;
    tok->flags = flags;
    /* Letters and digits all have the small-letter bit after folding. */
    _mm_storeu_si128((__m128i *)(void *)key, folded);
    return len;
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    /* Letters and digits all have the small-letter bit after folding. */
    const uint64_t fold = UINT64_C(0x2020202020202020);
    uint64_t w;
    memcpy(&w, u + i, 8);
    uint64_t stops = non_alnum_bits(w);
    uint32_t len;
    if (stops) {
        len = (uint32_t)__builtin_ctzll(stops) >> 3; /* the lowest bit is the first byte */
    } else {
        uint64_t w2;
        if (text_len - i < 16)
            return 0;
        memcpy(&w2, u + i + 8, 8);
        stops = non_alnum_bits(w2);
        if (!stops)
            return 0;
        len = 8 + ((uint32_t)__builtin_ctzll(stops) >> 3);
        w2 |= fold;
        memcpy(key + 8, &w2, 8);
    }
    uint32_t j = i + len;
    if (j > limit || !ascii_run_is_token(u, i, j, limit))
        return 0;
    set_ascii_word(u, i, j, tok);
    w |= fold;
    memcpy(key, &w, 8);
    return len;
#else
    (void)u, (void)i, (void)limit, (void)text_len, (void)tok, (void)key;
    return 0;
#endif
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

/* The key of token @t (not a short ASCII word, which the scanner keys
 * itself) at @out, which has @room bytes, eight at least; returns its
 * length. A token longer than 1 KiB (a 100 MB "word") gets an empty key:
 * no list has such an entry. */
static size_t token_key(const ws_doc *doc, const ws_token *t, char *out, size_t room)
{
    size_t tn = t->end - t->start;
    const unsigned char *src = (const unsigned char *)doc->text + t->start;
    bool is_word = t->kind == WS_TOK_WORD || t->kind == WS_TOK_NUMBER;
    if (tn <= 8 && t->start + 8 <= doc->text_len && short_ascii_key(src, tn, is_word, out))
        return tn;
    if (tn > 8 && tn <= 16 && ascii_key_of_two_words(src, tn, is_word, out))
        return tn;
    if (tn >= 1024)
        return 0;
    size_t k = 0;
    while (k < tn && src[k] < 0x80) {
        unsigned char c = src[k];
        out[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
        k++;
    }
    return k == tn ? tn : ws_key_of(doc->text, t->start, t->end, true, out, room);
}

/*
 * The quotations open at a token: a sweep with the stack of quotations
 * whose span covers the current offset, made as the tokens are.
 */
typedef struct quote_sweep {
    const ws_quote *quotes;  /* sorted by start */
    size_t n_quotes;
    size_t qi;               /* the first quotation not yet opened */
    WS_ARRAY(int32_t) open;
    /* Where the next quotation opens and where the innermost open one
     * closes: the stack changes only at these offsets, and most tokens lie
     * before both. */
    uint32_t next_open;
    uint32_t top_close;
    /* The innermost quotation open and the depth of a token in it. */
    int32_t quote;
    uint8_t depth;
} quote_sweep;

/* Move the sweep to offset @at (not before the last): open the quotations
 * starting by then, close those ending by then. */
static int sweep_to(const ws_allocator *mem, quote_sweep *sw, uint32_t at)
{
    const ws_quote *quotes = sw->quotes;
    int rc;
    while (sw->qi < sw->n_quotes && quotes[sw->qi].open.start <= at) {
        const ws_quote *q = &quotes[sw->qi];
        while (sw->open.n && quotes[sw->open.v[sw->open.n - 1]].close.end <= q->open.start)
            sw->open.n--;
        if (q->close.end > at) {
            if ((rc = WS_ARRAY_GROW(mem, sw->open)) < 0)
                return rc;
            sw->open.v[sw->open.n++] = (int32_t)sw->qi;
        }
        sw->qi++;
    }
    while (sw->open.n && quotes[sw->open.v[sw->open.n - 1]].close.end <= at)
        sw->open.n--;
    sw->next_open = sw->qi < sw->n_quotes ? quotes[sw->qi].open.start : UINT32_MAX;
    sw->top_close = sw->open.n ? quotes[sw->open.v[sw->open.n - 1]].close.end : UINT32_MAX;
    sw->quote = sw->open.n ? sw->open.v[sw->open.n - 1] : -1;
    unsigned depth = sw->open.n ? quotes[sw->quote].depth + 1u : 0;
    sw->depth = (uint8_t)(depth > 255 ? 255 : depth);
    return WS_OK;
}

/* The tokenizer's state over the blocks of a document. */
typedef struct tokenizer {
    ws_doc *doc;
    const mark_pos *marks;   /* sorted by start */
    size_t n_marks;
    size_t mi;               /* the first mark not yet passed */
    uint32_t next_mark;      /* its start, or UINT32_MAX */
    /* The first offset at which a mark stands or the quotations open
     * change: before it, tokens are words or punctuation of the quotation
     * the sweep last found. */
    uint32_t next_event;
    uint32_t key_at;         /* where the next key goes in doc->keys */
    size_t keys_len;         /* the size of doc->keys */
    quote_sweep sweep;
} tokenizer;

/* Bring the marks and the sweep to offset @at. */
static int advance_events(tokenizer *tz, uint32_t at)
{
    while (tz->mi < tz->n_marks && tz->marks[tz->mi].start < at)
        tz->mi++;
    tz->next_mark = tz->mi < tz->n_marks ? tz->marks[tz->mi].start : UINT32_MAX;
    quote_sweep *sw = &tz->sweep;
    if (at >= sw->next_open || at >= sw->top_close) {
        int rc = sweep_to(tz->doc->mem, sw, at);
        if (rc < 0)
            return rc;
    }
    uint32_t next = sw->next_open < sw->top_close ? sw->next_open : sw->top_close;
    tz->next_event = tz->next_mark < next ? tz->next_mark : next;
    return WS_OK;
}

/* Room for one more token and its key offset (key_off has one entry more
 * than the tokens: the end of the last key). */
static int grow_tokens(ws_doc *doc)
{
    size_t old_cap = doc->tokens.cap;
    int rc = WS_ARRAY_GROW(doc->mem, doc->tokens);
    if (rc < 0)
        return rc;
    uint32_t *off = ws_realloc(doc->mem, doc->key_off, (old_cap + 1) * sizeof *off,
                               (doc->tokens.cap + 1) * sizeof *off);
    if (!off)
        return WS_ENOMEM;
    doc->key_off = off;
    /* Room for every token to be a stop: the short words' loop notes
     * stops without a check. */
    return ws_array_reserve(doc->mem, &doc->stops.v, &doc->stops.cap, doc->tokens.cap, sizeof *doc->stops.v);
}

/*
 * Short ASCII words from *@at on, each followed by one space and the next
 * (most of news text), perhaps with a comma, full stop or the like right
 * after it, with their keys: the tokens and keys are appended while they
 * start before @stop (SHORT_WORD_READ bytes before the end of the text at
 * most, and before the next event) and end by @end, the block's end. *@before holds
 * the white-space flags of the first; on return, the flags of the text
 * after the last. Returns the number of tokens made. (About four tokens of
 * five take this loop, which holds its state in locals: every key is
 * stored through a char pointer, which may alias anything, and would make
 * the compiler reload the document's fields after each store.)
 */
static size_t scan_short_words(tokenizer *tz, uint32_t *at, uint32_t stop, uint32_t end, uint16_t *before)
{
    ws_doc *doc = tz->doc;
    const unsigned char *u = (const unsigned char *)doc->text;
    ws_token *tok = doc->tokens.v + doc->tokens.n;
    ws_token *const tok_cap = doc->tokens.v + doc->tokens.cap;
    uint32_t *key_off = doc->key_off + doc->tokens.n;
    char *const keys = doc->keys;
    char *key = keys + tz->key_at;
    const int32_t quote = tz->sweep.quote;
    const uint8_t depth = tz->sweep.depth;
    const uint32_t text_len = doc->text_len;
    uint32_t i = *at;
    uint16_t flags_before = *before;
    while (i < stop && tok < tok_cap && (ascii_class[u[i]] & C_ALNUM)) {
        *tok = (ws_token){.start = i, .quote = quote, .quote_depth = depth};
        uint32_t len = scan_short_ascii_word(u, i, end, text_len, tok, key);
        if (!len)
            break;
        tok->flags |= flags_before;
        key[len] = '\0';
        *key_off++ = (uint32_t)(key - keys);
        key += len + 1;
        tok++;
        i += len;
        flags_before = 0;
        unsigned char c = u[i];
        if (c != ' ') {
            /* A possessive 's right after the word: a word of its own,
             * keyed "'s" whichever apostrophe and case it has. */
            uint32_t n_possessive;
            if ((ascii_class[c] & C_BAIL) && i < stop && tok < tok_cap && (n_possessive = possessive_len(u, i, end))) {
                *tok = (ws_token){.start = i, .end = i + n_possessive, .kind = WS_TOK_WORD, .quote = quote,
                                  .quote_depth = depth};
                memcpy(key, "'s", 3);
                *key_off++ = (uint32_t)(key - keys);
                key += 3;
                tok++;
                i += n_possessive;
                c = u[i];
            }
            /* A comma or a full stop right after the word (not a run of
             * them, "...", which the general path takes): its own key. */
            if ((ascii_class[c] & C_CLOSING_PUNCT) && i < stop && tok < tok_cap && u[i + 1] != c) {
                *tok = (ws_token){.start = i, .end = i + 1, .kind = WS_TOK_PUNCT, .quote = quote, .quote_depth = depth};
                if (c == '.' || c == '!' || c == '?')
                    doc->stops.v[doc->stops.n++] = (uint32_t)(tok - doc->tokens.v);
                key[0] = (char)c;
                key[1] = '\0';
                *key_off++ = (uint32_t)(key - keys);
                key += 2;
                tok++;
                i++;
            }
        }
        if (i >= end || u[i] != ' ')
            break;
        flags_before = WS_TOKF_SPACE_BEFORE;
        i++;
    }
    size_t n_made = (size_t)(tok - (doc->tokens.v + doc->tokens.n));
    doc->tokens.n += n_made;
    tz->key_at = (uint32_t)(key - keys);
    *at = i;
    *before = flags_before;
    return n_made;
}

/*
 * The token at tok->start that is no short ASCII word, scanned into @tok
 * (its start, quotation and depth set) with its key at @key, its length in
 * *@key_len: a quotation mark when @mark is the mark there, else a longer
 * or non-ASCII word, a number or punctuation. Noted as a stop when it may
 * end a sentence.
 */
static void scan_other_token(tokenizer *tz, ws_token *tok, uint32_t end, const mark_pos *mark, char *key,
                             size_t *key_len)
{
    ws_doc *doc = tz->doc;
    const char *t = doc->text;
    uint32_t i = tok->start;
    unsigned char c = (unsigned char)t[i];
    if (mark) {
        /* A mark stands at the level outside its quotation. */
        const ws_quote *q = &tz->sweep.quotes[mark->quote];
        tok->kind = WS_TOK_QUOTE;
        tok->end = mark->end;
        tok->flags = mark->is_open ? WS_TOKF_OPEN : WS_TOKF_CLOSE;
        tok->quote = mark->quote;
        tok->quote_depth = (uint8_t)(q->depth > 254 ? 255 : q->depth);
    } else if (ascii_class[c] & C_ALNUM) {
        if (!scan_ascii_word(t, i, end, tok))
            scan_general_token(t, i, end, tok);
    } else if (c < 0x80 && c != '\'') {
        /* Commas and full stops: about one token in ten. */
        scan_ascii_punct(t, i, end, tok);
    } else {
        scan_general_token(t, i, end, tok);
    }
    /* (The stops have room for every token: grow_tokens().) */
    if ((tok->kind == WS_TOK_PUNCT && (c == '.' || c == '!' || c == '?')) || (tok->flags & WS_TOKF_ABBREV))
        doc->stops.v[doc->stops.n++] = (uint32_t)doc->tokens.n;
    *key_len = token_key(doc, tok, key, (size_t)(doc->keys + tz->keys_len - key));
}

/* Tokens of one block, each with its key and its quotation. */
static int tokenize_block(tokenizer *tz, const ws_block *blk)
{
    ws_doc *doc = tz->doc;
    const char *t = doc->text;
    const unsigned char *u = (const unsigned char *)t;
    uint32_t i = blk->start, end = blk->end;
    /* A word starting before this offset has SHORT_WORD_READ bytes to load. */
    uint32_t wide_end = doc->text_len >= SHORT_WORD_READ ? doc->text_len - (SHORT_WORD_READ - 1) : 0;
    uint32_t fast_end = end < wide_end ? end : wide_end;
    uint16_t pending = WS_TOKF_BLOCK_START;
    int rc;
    while (i < end) {
        unsigned char c = u[i];
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
        if (i >= tz->next_event && (rc = advance_events(tz, i)) < 0)
            return rc;
        if ((ascii_class[c] & C_ALNUM) && i < tz->next_event && i < fast_end) {
            uint32_t stop = tz->next_event < fast_end ? tz->next_event : fast_end;
            if (scan_short_words(tz, &i, stop, end, &pending))
                continue;
        }
        /* Any other token, made in place at the end of the array, its key
         * at the end of the keys. */
        if (doc->tokens.n == doc->tokens.cap && (rc = grow_tokens(doc)) < 0)
            return rc;
        ws_token *tok = &doc->tokens.v[doc->tokens.n];
        *tok = (ws_token){.start = i, .quote = tz->sweep.quote, .quote_depth = tz->sweep.depth};
        char *key = doc->keys + tz->key_at;
        size_t key_len;
        const mark_pos *mark = i == tz->next_mark ? &tz->marks[tz->mi] : NULL;
        scan_other_token(tz, tok, end, mark, key, &key_len);
        tok->flags |= pending;
        pending = 0;
        key[key_len] = '\0';
        doc->key_off[doc->tokens.n++] = tz->key_at;
        tz->key_at += (uint32_t)key_len + 1;
        i = tok->end;
    }
    return WS_OK;
}

int ws_tokenize(ws_doc *doc)
{
    mark_list marks;
    memset(&marks, 0, sizeof marks);
    tokenizer tz;
    memset(&tz, 0, sizeof tz);
    int rc;
    WS_TRY(collect_marks(doc, &marks));
    doc->stops.n = 0;
    doc->tokens.n = 0;
    /* Every token's lower-case key, in one arena buffer, made as the token
     * is. Its size bounds them all: lower case grows a character by at most
     * half its bytes (U+023A is 2 bytes, its lower case 3), so a key and its
     * NUL take at most twice the token's bytes (a one-byte token's key is
     * the byte), and tokens do not overlap. The 16 bytes more cover the
     * eight or sixteen bytes a short key is stored as. Below 2 GiB of text
     * every key starts below 4 GiB, at a 32-bit offset. */
    if (doc->text_len >= WS_MAX_ARTICLE_BYTES)
        WS_TRY(WS_ELIMIT);
    size_t keys_len = 2 * (size_t)doc->text_len + 16;
    WS_TRY((doc->keys = ws_arena_alloc(&doc->arena, keys_len)) ? WS_OK : WS_ENOMEM);
    /* About one token per five bytes of news text: reserve once. */
    WS_TRY(ws_array_reserve(doc->mem, &doc->tokens.v, &doc->tokens.cap, doc->text_len / 5 + 16,
                            sizeof *doc->tokens.v));
    WS_TRY(ws_array_reserve(doc->mem, &doc->stops.v, &doc->stops.cap, doc->tokens.cap, sizeof *doc->stops.v));
    ws_free(doc->mem, doc->key_off);
    WS_TRY((doc->key_off = ws_alloc(doc->mem, (doc->tokens.cap + 1) * sizeof *doc->key_off)) ? WS_OK : WS_ENOMEM);
    tz.doc = doc;
    tz.marks = marks.v;
    tz.n_marks = marks.n;
    tz.keys_len = keys_len;
    tz.sweep.quotes = doc->quotes.v;
    tz.sweep.n_quotes = doc->quotes.n;
    tz.sweep.next_open = doc->quotes.n ? doc->quotes.v[0].open.start : UINT32_MAX;
    tz.sweep.top_close = UINT32_MAX;
    tz.sweep.quote = -1;
    tz.next_mark = tz.n_marks ? tz.marks[0].start : UINT32_MAX;
    tz.next_event = tz.next_mark < tz.sweep.next_open ? tz.next_mark : tz.sweep.next_open;
    for (size_t b = 0; b < doc->blocks.n; b++)
        WS_TRY(tokenize_block(&tz, &doc->blocks.v[b]));
    doc->key_off[doc->tokens.n] = tz.key_at;
out:
    ws_free(doc->mem, marks.v);
    ws_free(doc->mem, tz.sweep.open.v);
    return rc;
}

size_t ws_key_of(const char *text, uint32_t start, uint32_t end, bool fold, char *out, size_t cap)
{
    size_t n = 0;
    uint32_t i = start;
    /* Eight ASCII bytes at a time while they fit with the NUL after them
     * (each would pass the bytewise test of room below). */
    while (end - i >= 8 && n + 9 <= cap) {
        uint64_t w;
        memcpy(&w, text + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        if (fold)
            w = lower_ascii_word(w);
        memcpy(out + n, &w, 8);
        n += 8;
        i += 8;
    }
    while (i < end) {
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
