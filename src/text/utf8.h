/*
 * utf8.h - the one place that decides what bytes are text: validation of the
 * input (once), NFC normalization, decoding and character classes. Everything
 * after the readers may assume valid NFC UTF-8.
 */
#ifndef WS_UTF8_H
#define WS_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/buf.h"

/*
 * Check that @len bytes at @s are valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF). On failure returns WS_EUTF8 and the
 * offset of the first byte of the bad sequence in *bad_off.
 */
int ws_utf8_validate(const char *s, size_t len, size_t *bad_off);

/* Whether a NUL byte is among the first 8000 of @s: binary, as git and diff decide. */
bool ws_has_early_nul(const char *s, size_t len);

/*
 * Whether @s is binary for an article: an early NUL byte, or mostly control
 * characters among the first 8000 bytes. Sources are refused for the NUL
 * byte only (ws_has_early_nul).
 */
bool ws_looks_binary(const char *s, size_t len);

/*
 * Append @len bytes at @s to @out (NUL-terminated) with every byte that
 * starts no valid sequence replaced by U+FFFD: for names from outside the
 * article (paths) that reports must show as text.
 */
int ws_utf8_repair(const char *s, size_t len, ws_buf *out);

/* Length of the sequence a valid lead byte starts (1 for continuation bytes). */
static inline int ws_utf8_seqlen(unsigned char c)
{
    if (c < 0xC0)
        return 1;
    if (c < 0xE0)
        return 2;
    if (c < 0xF0)
        return 3;
    return 4;
}

/*
 * Decode the code point at @s (valid UTF-8, @len > 0 bytes available) into
 * *cp and return its length in bytes.
 */
static inline int ws_utf8_decode(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    int n = ws_utf8_seqlen(u[0]);
    if ((size_t)n > len || (n > 1 && (u[0] & 0xC0) == 0x80)) {
        *cp = 0xFFFD;
        return 1;
    }
    switch (n) {
    case 1: *cp = u[0]; break;
    case 2: *cp = ((int32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F); break;
    case 3: *cp = ((int32_t)(u[0] & 0x0F) << 12) | ((int32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F); break;
    default:
        *cp = ((int32_t)(u[0] & 0x07) << 18) | ((int32_t)(u[1] & 0x3F) << 12) |
              ((int32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    return n;
}

/* Encode valid code point @cp into @out; returns the length (1 to 4). */
static inline size_t ws_utf8_encode(int32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/*
 * Decode the code point that ends at @off (exclusive) in valid UTF-8 @s;
 * *start receives its first byte. Returns -1 at the start of the text.
 */
int32_t ws_utf8_prev(const char *s, size_t off, size_t *start);

/* The code point at @off, or -1 at or past @len. */
int32_t ws_utf8_at(const char *s, size_t len, size_t off);

/* Number of code points in @len bytes of valid UTF-8. */
size_t ws_utf8_count(const char *s, size_t len);

/*
 * Whether a code point may change under NFC, alone or with its neighbours.
 * False for all of ASCII and most text, which lets callers skip the
 * normalizer. True for combining marks, characters with a canonical
 * decomposition, and Hangul jamo.
 */
bool ws_cp_needs_nfc(int32_t cp);

/* Append the NFC form of @len bytes of valid UTF-8 at @s to @out. */
int ws_utf8_nfc(const char *s, size_t len, ws_buf *out);

/*
 * Character classes (Unicode general categories). ASCII, nearly every
 * character of news text, is answered inline, without a call; the rest by
 * the *_beyond_ascii() functions, for code points from U+0080 on.
 */
bool ws_cp_is_letter_beyond_ascii(int32_t cp);
bool ws_cp_is_upper_beyond_ascii(int32_t cp);
bool ws_cp_is_lower_beyond_ascii(int32_t cp);
bool ws_cp_is_digit_beyond_ascii(int32_t cp);
bool ws_cp_is_alnum_beyond_ascii(int32_t cp);
bool ws_cp_is_space_beyond_ascii(int32_t cp);
bool ws_cp_is_dash_beyond_ascii(int32_t cp);

static inline bool ws_cp_is_letter(int32_t cp)
{
    if (cp < 0x80)
        return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
    return ws_cp_is_letter_beyond_ascii(cp);
}

/* Lu or Lt */
static inline bool ws_cp_is_upper(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    return ws_cp_is_upper_beyond_ascii(cp);
}

static inline bool ws_cp_is_lower(int32_t cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return ws_cp_is_lower_beyond_ascii(cp);
}

/* Nd */
static inline bool ws_cp_is_digit(int32_t cp)
{
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    return ws_cp_is_digit_beyond_ascii(cp);
}

/* Letter, mark or number: word characters. */
static inline bool ws_cp_is_alnum(int32_t cp)
{
    if (cp < 0x80)
        return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
    return ws_cp_is_alnum_beyond_ascii(cp);
}

/* Zs, tab, line breaks. */
static inline bool ws_cp_is_space(int32_t cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    return ws_cp_is_space_beyond_ascii(cp);
}

/* Pd */
static inline bool ws_cp_is_dash(int32_t cp)
{
    if (cp < 0x80)
        return cp == '-';
    return ws_cp_is_dash_beyond_ascii(cp);
}

/* The top bit of each byte of @w (eight bytes of text) that is an ASCII
 * letter or digit. Exact for every byte: the sums are on the low seven
 * bits, so no byte borrows from or carries into the next. */
static inline uint64_t ws_ascii_alnum_bits(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), tops = ones * 0x80;
    uint64_t low7 = w & ones * 0x7F;
    uint64_t small = low7 | ones * 0x20; /* capitals as small letters */
    uint64_t is_letter = (small + ones * (0x80 - 'a')) & ~(small + ones * (0x7F - 'z'));
    uint64_t is_digit = (low7 + ones * (0x80 - '0')) & ~(low7 + ones * (0x7F - '9'));
    return (is_letter | is_digit) & ~w & tops;
}

#if defined(__SSE2__)
/* The bytes of @v that are ASCII letters, 0xFF each: those whose folded
 * form less 'a' is at most 25, as an unsigned byte (which the saturating
 * subtraction tests). */
static inline __m128i ws_ascii_letters16(__m128i v)
{
    __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
    return _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(folded, _mm_set1_epi8('a')), _mm_set1_epi8(25)),
                          _mm_setzero_si128());
}

/* The bytes of @v that are ASCII digits, 0xFF each. */
static inline __m128i ws_ascii_digits16(__m128i v)
{
    return _mm_cmpeq_epi8(_mm_subs_epu8(_mm_sub_epi8(v, _mm_set1_epi8('0')), _mm_set1_epi8(9)),
                          _mm_setzero_si128());
}
#endif

/* The top bit of each byte of @w that is @c, and of no other. Exact: the
 * test is on the low seven bits, the top one apart, so no byte borrows
 * from the next. */
static inline uint64_t ws_bytes_equal_bits(uint64_t w, unsigned char c)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), tops = ones * 0x80;
    uint64_t x = w ^ ones * c;
    return ~(((x & ones * 0x7F) + ones * 0x7F) | x) & tops;
}

bool ws_cp_is_punct(int32_t cp);   /* P* or S* */
int32_t ws_cp_lower(int32_t cp);

/* Append @len bytes at @s to @out in lower case (simple case mapping). */
int ws_utf8_lower(const char *s, size_t len, ws_buf *out);

#endif
