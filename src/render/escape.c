/*
 * escape.c - output escaping. Each escaper copies runs of safe bytes at once
 * and only stops at the bytes its table marks.
 */
#include "render/escape.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* The length of the valid UTF-8 sequence at @u (@n bytes left), 0 if none. */
static size_t utf8_seq(const unsigned char *u, size_t n)
{
    size_t k = u[0] < 0xC2 ? 0 : u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : u[0] < 0xF5 ? 4 : 0;
    if (k == 0 || k > n)
        return 0;
    for (size_t i = 1; i < k; i++)
        if ((u[i] & 0xC0) != 0x80)
            return 0;
    if ((u[0] == 0xE0 && u[1] < 0xA0) || (u[0] == 0xED && u[1] >= 0xA0) ||
        (u[0] == 0xF0 && u[1] < 0x90) || (u[0] == 0xF4 && u[1] >= 0x90))
        return 0; /* overlong, surrogate, above U+10FFFF */
    return k;
}

/* Bytes that ws_escape_json() must look at: controls, '"', '\\', DEL, non-ASCII. */
static inline bool is_json_special(unsigned char c)
{
    return c < 0x20 || c == '"' || c == '\\' || c >= 0x7F;
}

/* The first byte from @i on that ws_escape_json() must look at, or @len:
 * sixteen bytes at a time where SSE2 is, the byte found from the lowest
 * bit of their mask; then eight bytes at a time, and byte by byte within
 * the word that has one. */
static size_t plain_json_run(const unsigned char *u, size_t i, size_t len)
{
#if defined(__SSE2__)
    for (; i + 16 <= len; i += 16) {
        unsigned mask = (unsigned)ws_json_special_mask16(_mm_loadu_si128((const __m128i *)(const void *)(u + i)));
        if (mask)
            return i + (size_t)__builtin_ctz(mask);
    }
#endif
    for (;;) {
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, u + i, 8);
            if (ws_json_special_in8(w))
                break;
            i += 8;
        }
        size_t stop = i + 8 < len ? i + 8 : len;
        while (i < stop && !is_json_special(u[i]))
            i++;
        if (i < stop || i == len)
            return i;
    }
}

/*
 * Article text is valid UTF-8, but strings from elsewhere (a path given on
 * the command line) may not be: a byte that starts no valid sequence
 * becomes U+FFFD, so that the document stays JSON.
 */
int ws_escape_json(ws_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    int rc;
    const unsigned char *u = (const unsigned char *)s;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        /* Most of an article is plain ASCII: skip it a word at a time. */
        i = plain_json_run(u, i, len);
        if (i == len)
            break;
        unsigned char c = u[i];
        /* The replacement and its length, known here: no strlen() after. */
        const char *rep = NULL;
        size_t rep_len = 2;
        char control[6];
        size_t skip = 0;
        if (c == '"')
            rep = "\\\"";
        else if (c == '\\')
            rep = "\\\\";
        else if (c == '\n')
            rep = "\\n";
        else if (c == '\t')
            rep = "\\t";
        else if (c == '\r')
            rep = "\\r";
        else if (c < 0x20 || c == 0x7F) {
            memcpy(control, "\\u00", 4);
            control[4] = hex[c >> 4];
            control[5] = hex[c & 15];
            rep = control;
            rep_len = 6;
        } else if (c == 0xE2 && i + 2 < len && u[i + 1] == 0x80 &&
                   (u[i + 2] == 0xA8 || u[i + 2] == 0xA9)) {
            /* U+2028 and U+2029 are valid JSON but end lines in JavaScript. */
            rep = u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            rep_len = 6;
            skip = 2;
        } else {
            size_t k = utf8_seq(u + i, len - i);
            if (k) {
                i += k - 1;
                continue;
            }
            rep = "\xEF\xBF\xBD";
            rep_len = 3;
        }
        if ((rc = ws_buf_put(out, s + run, i - run)) < 0 || (rc = ws_buf_put(out, rep, rep_len)) < 0)
            return rc;
        i += skip;
        run = i + 1;
    }
    return ws_buf_put(out, s + run, len - run);
}

int ws_escape_html(ws_buf *out, const char *s, size_t len)
{
    int rc;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep;
        unsigned char c = (unsigned char)s[i];
        switch (c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            /* HTML's "control-character-in-input-stream": NUL and the rest. */
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
                rep = "&#xFFFD;";
            else
                continue;
        }
        if ((rc = ws_buf_put(out, s + run, i - run)) < 0 || (rc = ws_buf_puts(out, rep)) < 0)
            return rc;
        run = i + 1;
    }
    return ws_buf_put(out, s + run, len - run);
}

static int escape_github(ws_buf *out, const char *s, size_t len, bool is_property)
{
    int rc;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep;
        switch (s[i]) {
        case '%': rep = "%25"; break;
        case '\r': rep = "%0D"; break;
        case '\n': rep = "%0A"; break;
        case ':': rep = is_property ? "%3A" : NULL; break;
        case ',': rep = is_property ? "%2C" : NULL; break;
        default: rep = NULL;
        }
        if (!rep)
            continue;
        if ((rc = ws_buf_put(out, s + run, i - run)) < 0 || (rc = ws_buf_puts(out, rep)) < 0)
            return rc;
        run = i + 1;
    }
    return ws_buf_put(out, s + run, len - run);
}

int ws_escape_github_data(ws_buf *out, const char *s, size_t len)
{
    return escape_github(out, s, len, false);
}

int ws_escape_github_property(ws_buf *out, const char *s, size_t len)
{
    return escape_github(out, s, len, true);
}

int ws_escape_terminal(ws_buf *out, const char *s, size_t len, int one_line)
{
    int rc;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t n = 1;
        const char *rep;
        if (c == '\n')
            rep = one_line ? " " : NULL;
        else if ((c < 0x20 && c != '\t') || c == 0x7F)
            rep = "?";
        else if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
                 (unsigned char)s[i + 1] <= 0x9F)
            rep = "?", n = 2; /* C1 controls: U+009B is a one-byte CSI on some terminals */
        else
            rep = NULL;
        if (!rep)
            continue;
        if ((rc = ws_buf_put(out, s + run, i - run)) < 0 || (rc = ws_buf_puts(out, rep)) < 0)
            return rc;
        i += n - 1;
        run = i + 1;
    }
    return ws_buf_put(out, s + run, len - run);
}

int ws_escape_uri_path(ws_buf *out, const char *s, size_t len)
{
    static const char hex[] = "0123456789ABCDEF";
    int rc;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
            continue;
        char rep[3] = {'%', hex[c >> 4], hex[c & 15]};
        if ((rc = ws_buf_put(out, s + run, i - run)) < 0 || (rc = ws_buf_put(out, rep, 3)) < 0)
            return rc;
        run = i + 1;
    }
    return ws_buf_put(out, s + run, len - run);
}

int ws_escape_markdown_cell(ws_buf *out, const char *s, size_t len)
{
    int rc;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep;
        char two[3] = {'\\', (char)c, 0};
        switch (c) {
        /* GitHub renders HTML in Markdown: entities, not backslashes, for these. */
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '|': case '\\': case '`': case '*': case '_': case '[': case ']':
        case '(': case ')': case '#': case '!': case '~': case '$':
            rep = two;
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                rep = " ";
            else
                continue;
        }
        if ((rc = ws_buf_put(out, s + run, i - run)) < 0 || (rc = ws_buf_puts(out, rep)) < 0)
            return rc;
        run = i + 1;
    }
    return ws_buf_put(out, s + run, len - run);
}

int ws_base64(ws_buf *out, const unsigned char *s, size_t len)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    int rc = WS_OK;
    for (size_t i = 0; i < len && rc >= 0; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16;
        if (i + 1 < len)
            v |= (uint32_t)s[i + 1] << 8;
        if (i + 2 < len)
            v |= s[i + 2];
        char quad[4] = {digits[(v >> 18) & 63], digits[(v >> 12) & 63],
                        i + 1 < len ? digits[(v >> 6) & 63] : '=',
                        i + 2 < len ? digits[v & 63] : '='};
        rc = ws_buf_put(out, quad, 4);
    }
    return rc;
}
