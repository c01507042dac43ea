/*
 * utf8.c - UTF-8 validation, NFC and character classes over utf8proc, with
 * ASCII fast paths because news text is mostly ASCII.
 */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/alloc.h"

int ws_utf8_validate(const char *s, size_t len, size_t *bad_off)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* Skip ASCII sixteen, then eight bytes at a time: most of an
         * article. */
        while (i + 16 <= len) {
            uint64_t w1, w2;
            memcpy(&w1, u + i, 8);
            memcpy(&w2, u + i + 8, 8);
            if ((w1 | w2) & UINT64_C(0x8080808080808080))
                break;
            i += 16;
        }
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (w & UINT64_C(0x8080808080808080))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        size_t avail = len - i < 4 ? len - i : 4;
        utf8proc_ssize_t n = utf8proc_iterate(u + i, (utf8proc_ssize_t)avail, &cp);
        if (n <= 0) {
            if (bad_off)
                *bad_off = i;
            return WS_EUTF8;
        }
        i += (size_t)n;
    }
    return WS_OK;
}

/* Bytes looked at for binary content: the 8000 of git's buffer_is_binary(). */
enum { BINARY_PROBE_LEN = 8000 };

bool ws_has_early_nul(const char *s, size_t len)
{
    /* An empty input may come as a null pointer, which memchr must not get. */
    return len && memchr(s, '\0', len < BINARY_PROBE_LEN ? len : BINARY_PROBE_LEN) != NULL;
}

bool ws_looks_binary(const char *s, size_t len)
{
    if (ws_has_early_nul(s, len))
        return true;
    size_t n = len < BINARY_PROBE_LEN ? len : BINARY_PROBE_LEN;
    size_t n_ctrl = 0;
    for (size_t i = 0; i < n;) {
        /* Sixteen, then eight bytes at a time while none is below 0x20:
         * in text only line ends and tabs are, a few per hundred bytes. The
         * test is exact: the lowest byte below 0x20 sets its top bit, and
         * without a borrow from below no byte of 0x20 or more can. */
        if (i + 16 <= n) {
#if defined(__SSE2__)
            /* 0x20 less a byte, saturated, is 0 from 0x20 on. */
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i from_space = _mm_cmpeq_epi8(_mm_subs_epu8(_mm_set1_epi8(0x20), v), _mm_setzero_si128());
            bool has_control = _mm_movemask_epi8(from_space) != 0xFFFF;
#else
            uint64_t w1, w2;
            memcpy(&w1, s + i, 8);
            memcpy(&w2, s + i + 8, 8);
            const uint64_t spaces = UINT64_C(0x2020202020202020);
            bool has_control = (((w1 - spaces) & ~w1) | ((w2 - spaces) & ~w2)) & UINT64_C(0x8080808080808080);
#endif
            if (!has_control) {
                i += 16;
                continue;
            }
        }
        if (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (!((w - UINT64_C(0x2020202020202020)) & ~w & UINT64_C(0x8080808080808080))) {
                i += 8;
                continue;
            }
        }
        size_t stop = i + 8 < n ? i + 8 : n;
        for (; i < stop; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
                n_ctrl++;
        }
    }
    /* A handful of bytes proves nothing either way. */
    return n >= 32 && n_ctrl * 10 > n;
}

int ws_utf8_repair(const char *s, size_t len, ws_buf *out)
{
    size_t at = 0, bad;
    int rc = WS_OK;
    while (rc >= 0 && ws_utf8_validate(s + at, len - at, &bad) < 0) {
        if ((rc = ws_buf_put(out, s + at, bad)) >= 0)
            rc = ws_buf_puts(out, "\xEF\xBF\xBD");
        at += bad + 1;
    }
    if (rc >= 0)
        rc = ws_buf_put(out, s + at, len - at);
    return rc;
}

int32_t ws_utf8_prev(const char *s, size_t off, size_t *start)
{
    if (off == 0)
        return -1;
    size_t i = off - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80 && off - i < 4)
        i--;
    int32_t cp;
    ws_utf8_decode(s + i, off - i, &cp);
    if (start)
        *start = i;
    return cp;
}

int32_t ws_utf8_at(const char *s, size_t len, size_t off)
{
    if (off >= len)
        return -1;
    int32_t cp;
    ws_utf8_decode(s + off, len - off, &cp);
    return cp;
}

size_t ws_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

bool ws_cp_needs_nfc(int32_t cp)
{
    /* Below U+0300 nothing decomposes and nothing combines backwards. */
    if (cp < 0x300)
        return false;
    if (cp >= 0x1100 && cp <= 0x11FF)
        return true;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    if (p->combining_class != 0)
        return true;
    /* A canonical decomposition (decomp_type 0 with a sequence) may change. */
    return p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0;
}

int ws_utf8_nfc(const char *s, size_t len, ws_buf *out)
{
    utf8proc_uint8_t *nfc = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &nfc,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? WS_ENOMEM : WS_EUTF8;
    int rc = ws_buf_put(out, (const char *)nfc, (size_t)n);
    /* utf8proc_map allocates with malloc; 2.8 has no utf8proc_free. */
    free(nfc);
    return rc;
}

static int category(int32_t cp)
{
    return utf8proc_category(cp);
}

bool ws_cp_is_letter_beyond_ascii(int32_t cp)
{
    int c = category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

bool ws_cp_is_upper_beyond_ascii(int32_t cp)
{
    int c = category(cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

bool ws_cp_is_lower_beyond_ascii(int32_t cp)
{
    return category(cp) == UTF8PROC_CATEGORY_LL;
}

bool ws_cp_is_digit_beyond_ascii(int32_t cp)
{
    return category(cp) == UTF8PROC_CATEGORY_ND;
}

bool ws_cp_is_alnum_beyond_ascii(int32_t cp)
{
    int c = category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_NO;
}

bool ws_cp_is_space_beyond_ascii(int32_t cp)
{
    if (cp == 0x85 || cp == 0x2028 || cp == 0x2029)
        return true;
    return category(cp) == UTF8PROC_CATEGORY_ZS;
}

bool ws_cp_is_dash_beyond_ascii(int32_t cp)
{
    return category(cp) == UTF8PROC_CATEGORY_PD;
}

bool ws_cp_is_punct(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= '!' && cp <= '/') || (cp >= ':' && cp <= '@') || (cp >= '[' && cp <= '`') ||
               (cp >= '{' && cp <= '~');
    int c = category(cp);
    return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_SO;
}

int32_t ws_cp_lower(int32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
    return utf8proc_tolower(cp);
}

int ws_utf8_lower(const char *s, size_t len, ws_buf *out)
{
    int rc = ws_buf_reserve(out, len);
    if (rc < 0)
        return rc;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            rc = ws_buf_putc(out, (char)((c >= 'A' && c <= 'Z') ? c + 32 : c));
            i++;
        } else {
            int32_t cp;
            i += (size_t)ws_utf8_decode(s + i, len - i, &cp);
            rc = ws_buf_put_cp(out, ws_cp_lower(cp));
        }
        if (rc < 0)
            return rc;
    }
    return WS_OK;
}
