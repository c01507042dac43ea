/*
 * read_text.c - plain text: paragraphs are separated by blank lines; inside a
 * paragraph line breaks are kept. Text whose lines are whole paragraphs (no
 * blank lines, long lines: common in CMS exports and wire copy) gets one
 * paragraph per line, so that quotations never pair across paragraphs.
 *
 * Plain text has no markup, with one exception: a line that holds nothing
 * but a whosaid directive comment ("<!-- whosaid off -->") is kept as a
 * comment and read like a blank line, so that the same directives work in
 * every format. Other "<!--" text stays text.
 */
#include <string.h>

#include "reader.h"

/* A line longer than this is not hard-wrapped prose: it is a paragraph. */
enum { UNWRAPPED_LINE_LEN = 100 };

typedef struct line {
    uint32_t start;      /* first byte after leading white space */
    uint32_t end;        /* after the last non-white byte */
    uint32_t brk;        /* start of the line break */
    uint32_t next;       /* start of the next line */
} line;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

static line scan_line(const char *s, uint32_t len, uint32_t at)
{
    line l;
    /* memchr finds the line feed fast; a carriage return before it (CRLF
     * or a lone CR) ends the line earlier. */
    const char *nl = memchr(s + at, '\n', len - at);
    uint32_t i = nl ? (uint32_t)(nl - s) : len;
    const char *cr = memchr(s + at, '\r', i - at);
    if (cr)
        i = (uint32_t)(cr - s);
    l.brk = i;
    if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
        l.next = i + 2;
    else
        l.next = i < len ? i + 1 : i;
    l.start = at;
    while (l.start < i && is_blank(s[l.start]))
        l.start++;
    l.end = i;
    while (l.end > l.start && is_blank(s[l.end - 1]))
        l.end--;
    return l;
}

/* Is @l a line of its own holding "<!-- whosaid ... -->"? */
static bool is_directive_line(const char *s, line l)
{
    uint32_t n = l.end - l.start;
    const char *p = s + l.start;
    if (n < 4 + 7 + 3 || memcmp(p, "<!--", 4) != 0 || memcmp(p + n - 3, "-->", 3) != 0)
        return false;
    uint32_t i = 4;
    while (i < n - 3 && is_blank(p[i]))
        i++;
    return n - 3 - i >= 7 && memcmp(p + i, "whosaid", 7) == 0 &&
           (i + 7 == n - 3 || is_blank(p[i + 7]));
}

/* Emit lines [first, last) of one blank-line-separated block. */
static int emit_block(ws_emitter *e, const char *s, uint32_t len, uint32_t first, uint32_t stop)
{
    int rc;
    uint32_t n_lines = 0, n_long = 0;
    for (uint32_t at = first; at < stop;) {
        line l = scan_line(s, len, at);
        n_lines++;
        n_long += l.end - l.start > UNWRAPPED_LINE_LEN;
        at = l.next;
    }
    bool line_per_paragraph = n_lines > 1 && n_long * 2 >= n_lines;
    bool first_line = true;
    line prev = {0, 0, 0, 0};
    for (uint32_t at = first; at < stop;) {
        line l = scan_line(s, len, at);
        if (first_line || line_per_paragraph) {
            if ((rc = ws_emit_block_begin(e, WS_BLOCK_PARAGRAPH, 0, 0, l.start)) < 0)
                return rc;
        } else {
            /* The previous line's break, kept as "\n" inside the paragraph. */
            if ((rc = ws_emit_newline(e, prev.brk, prev.next - prev.brk)) < 0)
                return rc;
        }
        first_line = false;
        prev = l;
        if ((rc = ws_emit_copy(e, l.start, l.end - l.start)) < 0)
            return rc;
        at = l.next;
    }
    return WS_OK;
}

int ws_read_text(ws_doc *doc)
{
    ws_emitter e;
    ws_emitter_init(&e, doc);
    const char *s = doc->src;
    uint32_t len = doc->src_len;
    uint32_t at = 0;
    int rc = WS_OK;
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        at = 3;
    while (at < len) {
        /* Skip blank lines, then take the block up to the next one. */
        line l = scan_line(s, len, at);
        if (l.start == l.end) {
            at = l.next;
            continue;
        }
        if (is_directive_line(s, l)) {
            WS_TRY(ws_emit_comment(&e, l.start, l.end, s + l.start + 4, l.end - l.start - 7));
            at = l.next;
            continue;
        }
        uint32_t first = at, stop = at;
        while (stop < len) {
            l = scan_line(s, len, stop);
            if (l.start == l.end || is_directive_line(s, l))
                break;
            stop = l.next;
        }
        WS_TRY(emit_block(&e, s, len, first, stop));
        at = stop;
    }
    WS_TRY(ws_emitter_finish(&e));
out:
    ws_emitter_release(&e);
    return rc;
}
