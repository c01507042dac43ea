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

typedef WS_ARRAY(line) line_list;

/* Emit lines @v[0] to @v[n - 1], one blank-line-separated block. */
static int emit_block(ws_emitter *e, const line *v, size_t n)
{
    int rc;
    uint32_t n_long = 0;
    for (size_t k = 0; k < n; k++)
        n_long += v[k].end - v[k].start > UNWRAPPED_LINE_LEN;
    bool line_per_paragraph = n > 1 && n_long * 2 >= n;
    for (size_t k = 0; k < n; k++) {
        const line *l = &v[k];
        if (k == 0 || line_per_paragraph) {
            if ((rc = ws_emit_block_begin(e, WS_BLOCK_PARAGRAPH, 0, 0, l->start)) < 0)
                return rc;
        } else {
            /* The previous line's break, kept as "\n" inside the paragraph. */
            if ((rc = ws_emit_newline(e, v[k - 1].brk, v[k - 1].next - v[k - 1].brk)) < 0)
                return rc;
        }
        if ((rc = ws_emit_copy(e, l->start, l->end - l->start)) < 0)
            return rc;
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
    /* Every line is found once (each needed four scans of two memchr()
     * calls when blocks, their lines and their breaks were found apart). */
    line_list lines;
    memset(&lines, 0, sizeof lines);
    if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        at = 3;
    while (at < len) {
        WS_TRY(WS_ARRAY_GROW(doc->mem, lines));
        lines.v[lines.n] = scan_line(s, len, at);
        at = lines.v[lines.n++].next;
    }
    for (size_t k = 0; k < lines.n;) {
        /* Skip blank lines, then take the block up to the next one. */
        const line *l = &lines.v[k];
        if (l->start == l->end) {
            k++;
            continue;
        }
        if (is_directive_line(s, *l)) {
            WS_TRY(ws_emit_comment(&e, l->start, l->end, s + l->start + 4, l->end - l->start - 7));
            k++;
            continue;
        }
        size_t stop = k;
        while (stop < lines.n && lines.v[stop].start != lines.v[stop].end && !is_directive_line(s, lines.v[stop]))
            stop++;
        WS_TRY(emit_block(&e, lines.v + k, stop - k));
        k = stop;
    }
    WS_TRY(ws_emitter_finish(&e));
out:
    ws_free(doc->mem, lines.v);
    ws_emitter_release(&e);
    return rc;
}
