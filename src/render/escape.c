/*
 * escape.c - output escaping. Each escaper copies runs of safe bytes at once
 * and only stops at the bytes its table marks.
 */
#include "render/escape.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int ws_escape_json(ws_buf *out, const char *s, size_t len)
{
    int rc;
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        char tmp[8];
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
            snprintf(tmp, sizeof tmp, "\\u%04x", c);
            rep = tmp;
        } else if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
                   ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9)) {
            /* U+2028 and U+2029 are valid JSON but end lines in JavaScript. */
            rep = (unsigned char)s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029";
            if ((rc = ws_buf_put(out, s + run, i - run)) < 0 || (rc = ws_buf_puts(out, rep)) < 0)
                return rc;
            i += 2;
            run = i + 1;
            continue;
        }
        if (!rep)
            continue;
        if ((rc = ws_buf_put(out, s + run, i - run)) < 0 || (rc = ws_buf_puts(out, rep)) < 0)
            return rc;
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
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
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
