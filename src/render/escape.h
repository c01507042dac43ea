/*
 * escape.h - escaping for every output context, in one place so that it can
 * be tested on hostile strings once.
 */
#ifndef WS_ESCAPE_H
#define WS_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/buf.h"

#if defined(__SSE2__)
/*
 * One bit (of the low sixteen) for each byte of @v that a JSON string
 * cannot hold as it is: a control, '"', '\\', DEL or a byte that is not
 * ASCII. One added, the controls, DEL and the bytes that are not ASCII
 * are the signed bytes below '!'; '"' and '\\' are compared.
 */
static inline int ws_json_special_mask16(__m128i v)
{
    __m128i low = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(1)), _mm_set1_epi8('!'));
    __m128i quote = _mm_cmpeq_epi8(v, _mm_set1_epi8('"'));
    __m128i backslash = _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'));
    return _mm_movemask_epi8(_mm_or_si128(low, _mm_or_si128(quote, backslash)));
}
#endif

/* Any byte of @w (eight bytes of a string) that a JSON string cannot hold
 * as it is: a control, '"', '\\', DEL or a byte that is not ASCII. Exact:
 * the lowest such byte always sets its top bit, and "any" is all it asks. */
static inline bool ws_json_special_in8(uint64_t w)
{
    const uint64_t ones = UINT64_C(0x0101010101010101), tops = ones * 0x80;
    uint64_t quote = w ^ ones * '"', backslash = w ^ ones * '\\', del = w ^ ones * 0x7F;
    uint64_t below_space = (w - ones * 0x20) & ~w;
    return (below_space | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | ((del - ones) & ~del) | w) &
           tops;
}

/* JSON string contents (no surrounding quotes): ", \, controls as \u00XX, U+2028/9;
 * a byte that starts no valid UTF-8 sequence becomes U+FFFD. */
int ws_escape_json(ws_buf *out, const char *s, size_t len);

/*
 * HTML text and attribute values (quoted with " or '): & < > " ' escaped;
 * control characters other than tab, LF and CR, which HTML forbids, become
 * U+FFFD.
 */
int ws_escape_html(ws_buf *out, const char *s, size_t len);

/* GitHub workflow command data (the message): % CR LF. */
int ws_escape_github_data(ws_buf *out, const char *s, size_t len);

/* GitHub workflow command property values: % CR LF : , as well. */
int ws_escape_github_property(ws_buf *out, const char *s, size_t len);

/*
 * Text for a terminal: C0 controls other than tab, DEL and the C1 controls
 * (U+0080..U+009F) become '?', so that an article cannot send escape
 * sequences to the reader's terminal. LF becomes a space when @one_line.
 */
int ws_escape_terminal(ws_buf *out, const char *s, size_t len, int one_line);

/*
 * A path as a relative URI reference (RFC 3986 path segments): every byte
 * but the unreserved characters and '/' percent-encoded.
 */
int ws_escape_uri_path(ws_buf *out, const char *s, size_t len);

/*
 * A GitHub-flavoured Markdown table cell: characters Markdown or HTML would
 * interpret are backslash-escaped or written as entities, the pipe included;
 * line breaks and other controls become spaces.
 */
int ws_escape_markdown_cell(ws_buf *out, const char *s, size_t len);

/* Standard base64 (RFC 4648, with padding) of @len bytes. */
int ws_base64(ws_buf *out, const unsigned char *s, size_t len);

#endif
