/* words.c - word boundaries and keys for quote verification (see words.h). */
#include "verify/words.h"

#include "text/utf8.h"

/* The code point at @off and its length in *n; ASCII without a call. */
static inline int32_t cp_at(const char *s, uint32_t len, uint32_t off, int *n)
{
    unsigned char c = (unsigned char)s[off];
    if (c < 0x80) {
        *n = 1;
        return c;
    }
    int32_t cp;
    *n = ws_utf8_decode(s + off, len - off, &cp);
    return cp;
}

static inline bool is_word_cp(int32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
    return ws_cp_is_alnum(cp);
}

static inline bool is_digit_cp(int32_t cp)
{
    return cp < 0x80 ? cp >= '0' && cp <= '9' : ws_cp_is_digit(cp);
}

/* U+2019 and U+02BC are what typographers put for ' inside words. */
static inline bool is_apostrophe(int32_t cp)
{
    return cp == '\'' || cp == 0x2019 || cp == 0x02BC;
}

bool ws_vword_starts(const char *s, uint32_t len, uint32_t off)
{
    int n;
    return off < len && is_word_cp(cp_at(s, len, off, &n));
}

bool ws_vword_next(const char *s, uint32_t len, uint32_t *pos, uint32_t *start, uint32_t *end)
{
    uint32_t i = *pos;
    int n = 1;
    int32_t cp = 0;
    while (i < len) {
        cp = cp_at(s, len, i, &n);
        if (is_word_cp(cp))
            break;
        i += (uint32_t)n;
    }
    if (i >= len) {
        *pos = len;
        return false;
    }
    *start = i;
    int32_t last = cp;
    i += (uint32_t)n;
    while (i < len) {
        cp = cp_at(s, len, i, &n);
        if (is_word_cp(cp)) {
            last = cp;
            i += (uint32_t)n;
            continue;
        }
        /* A joiner belongs to the word only with word characters on both sides. */
        bool is_joiner = is_apostrophe(cp) || cp == '.' || (cp == ',' && is_digit_cp(last));
        if (is_joiner && i + (uint32_t)n < len) {
            int m;
            int32_t next = cp_at(s, len, i + (uint32_t)n, &m);
            if (is_word_cp(next) && (cp != ',' || is_digit_cp(next))) {
                last = next;
                i += (uint32_t)(n + m);
                continue;
            }
        }
        break;
    }
    *end = i;
    *pos = i;
    return true;
}

int ws_vword_key(const char *s, uint32_t start, uint32_t end, bool lower, ws_buf *out)
{
    /* Lower case may lengthen a code point (U+023A is 2 bytes, U+2C65 3): 4 per byte is safe. */
    int rc = ws_buf_reserve(out, (size_t)(end - start) * 4);
    if (rc < 0)
        return rc;
    for (uint32_t i = start; i < end && rc >= 0;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            out->data[out->len++] = (char)(lower && c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        int n;
        int32_t cp = cp_at(s, end, i, &n);
        if (is_apostrophe(cp))
            rc = ws_buf_putc(out, '\'');
        else
            rc = ws_buf_put_cp(out, lower ? ws_cp_lower(cp) : cp);
        i += (uint32_t)n;
    }
    if (rc >= 0)
        out->data[out->len] = '\0';
    return rc;
}

/* Compare two words code point by code point; @first_free: the first letter's case does not count. */
static bool compare(const char *a, uint32_t ai, uint32_t a_end, const char *b, uint32_t bi,
                    uint32_t b_end, bool first_free)
{
    bool first = true;
    while (ai < a_end && bi < b_end) {
        int na, nb;
        int32_t ca = cp_at(a, a_end, ai, &na), cb = cp_at(b, b_end, bi, &nb);
        if (is_apostrophe(ca))
            ca = '\'';
        if (is_apostrophe(cb))
            cb = '\'';
        if (first && first_free) {
            ca = ws_cp_lower(ca);
            cb = ws_cp_lower(cb);
        }
        if (ca != cb)
            return false;
        first = false;
        ai += (uint32_t)na;
        bi += (uint32_t)nb;
    }
    return ai == a_end && bi == b_end;
}

bool ws_vword_same_but_first_case(const char *a, uint32_t a_start, uint32_t a_end, const char *b,
                                  uint32_t b_start, uint32_t b_end)
{
    return compare(a, a_start, a_end, b, b_start, b_end, true);
}

bool ws_vword_same(const char *a, uint32_t a_start, uint32_t a_end, const char *b, uint32_t b_start,
                   uint32_t b_end)
{
    return compare(a, a_start, a_end, b, b_start, b_end, false);
}
