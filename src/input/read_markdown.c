/*
 * read_markdown.c - Markdown (CommonMark with GFM tables and strikethrough,
 * as news repositories write it) to plain text. A line-based block parser
 * finds paragraphs, headings, list items, block quotes and what to skip
 * (front matter, code, link definitions); an inline pass per paragraph marks
 * each byte as text or markup, and the text goes to the emitter with the
 * input offsets it came from.
 *
 * Every scan is linear or bounded, including on cmark's pathological inputs
 * (commonmark/cmark:test/pathological_tests.py): emphasis uses the
 * openers_bottom table, code spans remember the backtick runs seen, links
 * keep a floor below which '[' no longer opens, and HTML scans remember
 * where a terminator is known to be missing.
 */
#include <stdlib.h>
#include <string.h>

#include "input/html_entity.h"
#include "input/reader.h"
#include "text/utf8.h"

enum {
    TAB_STOP = 4,
    MAX_CONTAINERS = 64,       /* deeper nesting is read as the deepest level */
    MAX_LABEL_LEN = 999,       /* CommonMark: a link label has at most 999 characters */
    MAX_DEST_PAREN_DEPTH = 32, /* as cmark: bounds the scan of a link destination */
    MAX_CODE_TICKS = 1000,     /* longer backtick runs are text */
};

/* One line of a leaf's content, and where it sits in the leaf's joined text. */
typedef struct piece {
    uint32_t src_off;
    uint32_t len;
    uint32_t brk_off; /* the line break after it: what a "\n" between pieces stands for */
    uint32_t virt_off;
} piece;

typedef enum container_kind { CONTAINER_QUOTE, CONTAINER_ITEM } container_kind;

/* An open block quote or list item. Depths and the quote id accumulate inwards. */
typedef struct container {
    uint8_t kind;
    uint32_t content_indent; /* list item: columns its continuation lines are indented by */
    uint32_t quote_depth;
    uint32_t list_depth;
    uint32_t quote_id;       /* the outermost block quote around it; 0 outside any */
    bool is_blank_so_far;    /* list item opened by a marker with nothing after it */
} container;

typedef enum leaf_kind {
    LEAF_NONE,
    LEAF_PARAGRAPH,
    LEAF_TABLE,
    LEAF_FENCED_CODE,
    LEAF_INDENTED_CODE,
    LEAF_HTML,     /* its text and comments are read */
    LEAF_HTML_RAW, /* skipped: script, style, pre, textarea, <?...?>, <!X>, CDATA */
} leaf_kind;

/* What ends an HTML block (CommonMark 0.31, 4.6, start conditions 1 to 7). */
typedef enum html_end_kind {
    HTML_END_BLANK_LINE,
    HTML_END_RAW_TAG,
    HTML_END_COMMENT,
    HTML_END_PI,
    HTML_END_DECLARATION,
    HTML_END_CDATA,
} html_end_kind;

/* How the text of a leaf is labelled in the document. */
typedef struct block_style {
    uint8_t kind;
    uint8_t level;
    uint32_t quote_id;
} block_style;

typedef enum leaf_mode { MODE_MARKDOWN, MODE_TABLE_ROW, MODE_HTML } leaf_mode;

/* What the inline pass decided about each byte of the joined text. */
enum mark {
    MARK_TEXT = 0,
    MARK_DROP,
    MARK_ESCAPE, /* a backslash whose next byte is the text */
    MARK_ENTITY, /* the '&' of a character reference */
    MARK_EVENT,  /* the first byte of a comment, <br> or block tag */
};

typedef enum event_kind { EVENT_COMMENT, EVENT_LINE_BREAK, EVENT_BLOCK_BREAK } event_kind;

typedef struct inline_event {
    uint8_t kind;
    uint32_t start;
    uint32_t end;
} inline_event;

/* A run of '*', '_' or "~~" that may open or close emphasis. */
typedef struct delim {
    uint32_t start, end;
    uint32_t lo, hi;       /* still unmatched: [lo, hi); the rest was markup */
    int32_t prev, next;    /* the live list */
    char ch;
    bool can_open, can_close;
} delim;

typedef struct bracket {
    uint32_t pos;
    int32_t delim_bottom;  /* the last delimiter before it */
    bool is_image;
} bracket;

typedef struct label {
    char *text;
    uint32_t len;
} label;

enum terminator {
    TERM_COMMENT,
    TERM_PI,
    TERM_DECLARATION,
    TERM_CDATA,
    TERM_SCRIPT,
    TERM_STYLE,
    N_TERMINATORS,
};

typedef struct md_reader {
    ws_doc *doc;
    const char *src;
    uint32_t src_len;
    ws_emitter emitter;
    bool is_emitting; /* false in the first pass, which only collects link definitions */

    container containers[MAX_CONTAINERS];
    uint32_t n_containers;
    uint32_t n_quote_ids;

    leaf_kind leaf;
    block_style leaf_style;
    WS_ARRAY(piece) pieces;
    char fence_ch;
    uint32_t fence_len;
    uint8_t html_end;

    WS_ARRAY(label) labels; /* normalized, sorted after the first pass */
    ws_buf label_buf;

    /* The leaf being read inline: its lines joined by "\n", a mark per byte. */
    ws_buf vbuf;
    WS_ARRAY(uint8_t) marks;
    WS_ARRAY(inline_event) events;
    WS_ARRAY(delim) delims;
    WS_ARRAY(bracket) brackets;
    block_style emit_style;
    /* Backtick runs seen per length, valid for the parse whose number they carry. */
    uint32_t tick_run_end[MAX_CODE_TICKS + 1];
    uint32_t tick_run_parse[MAX_CODE_TICKS + 1];
    uint32_t n_parses;
} md_reader;

typedef struct inline_parser {
    md_reader *rd;
    const char *b;
    uint32_t from, to;
    uint8_t *marks;
    int32_t delim_last;
    size_t link_floor;     /* '[' below this index can no longer open a link */
    uint32_t parse_id;     /* tells this parse's tick_run_end entries from older ones */
    bool ticks_scanned;    /* a backtick scan reached the end */
    uint32_t no_terminator_from[N_TERMINATORS];
} inline_parser;

typedef struct line {
    uint32_t start;
    uint32_t end;  /* the line break */
    uint32_t next;
} line;

/* A position in a line and its column, with tabs expanded to stops of 4. */
typedef struct cursor {
    uint32_t pos;
    uint32_t col;
} cursor;

/* ------------------------------------------------------------------------ */
/* Characters                                                               */
/* ------------------------------------------------------------------------ */

static bool is_blank_char(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_space_or_newline(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

static bool is_ascii_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_ascii_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_ascii_alnum(char c)
{
    return is_ascii_alpha(c) || is_ascii_digit(c);
}

static bool is_ascii_punct(char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static bool is_space_cp(int32_t cp)
{
    return cp < 0 || ws_cp_is_space(cp);
}

static bool is_punct_cp(int32_t cp)
{
    return cp >= 0 && ws_cp_is_punct(cp);
}

static bool is_digit_cp(int32_t cp)
{
    return cp >= '0' && cp <= '9';
}

static bool starts_with(const char *s, uint32_t p, uint32_t end, const char *prefix)
{
    size_t n = strlen(prefix);
    return end - p >= n && memcmp(s + p, prefix, n) == 0;
}

static bool starts_with_nocase(const char *s, uint32_t p, uint32_t end, const char *prefix)
{
    size_t n = strlen(prefix);
    if (end - p < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(s[p + i]) != prefix[i])
            return false;
    return true;
}

/* The end of the first @needle in [q, to), or 0. */
static uint32_t find_needle(const char *s, uint32_t q, uint32_t to, const char *needle,
                            bool is_nocase)
{
    size_t n = strlen(needle);
    for (; q < to && to - q >= n; q++)
        if (is_nocase ? starts_with_nocase(s, q, to, needle) : starts_with(s, q, to, needle))
            return q + (uint32_t)n;
    return 0;
}

static bool is_blank_from(const char *s, uint32_t p, uint32_t end)
{
    while (p < end && is_blank_char(s[p]))
        p++;
    return p == end;
}

static bool has_non_space(const char *s, uint32_t p, uint32_t end)
{
    for (; p < end; p++)
        if (!is_space_or_newline(s[p]))
            return true;
    return false;
}

static uint32_t trim_end(const char *s, uint32_t start, uint32_t end)
{
    while (end > start && is_blank_char(s[end - 1]))
        end--;
    return end;
}

/* ------------------------------------------------------------------------ */
/* Lines and columns                                                        */
/* ------------------------------------------------------------------------ */

static line read_line(const char *s, uint32_t len, uint32_t at)
{
    line l = {at, at, at};
    uint32_t i = at;
    while (i < len && s[i] != '\n' && s[i] != '\r')
        i++;
    l.end = i;
    if (i < len && s[i] == '\r' && i + 1 < len && s[i + 1] == '\n')
        l.next = i + 2;
    else
        l.next = i < len ? i + 1 : i;
    return l;
}

static uint32_t break_len(const md_reader *rd, uint32_t brk_off)
{
    if (brk_off >= rd->src_len)
        return 0;
    const char *s = rd->src;
    bool is_crlf = s[brk_off] == '\r' && brk_off + 1 < rd->src_len && s[brk_off + 1] == '\n';
    return is_crlf ? 2 : 1;
}

static cursor skip_indent(const char *s, uint32_t end, cursor c)
{
    while (c.pos < end && is_blank_char(s[c.pos])) {
        c.col = s[c.pos] == '\t' ? c.col + TAB_STOP - c.col % TAB_STOP : c.col + 1;
        c.pos++;
    }
    return c;
}

/* Consume @n_cols columns of indentation; a tab that straddles the target goes whole. */
static cursor advance_columns(const char *s, uint32_t end, cursor c, uint32_t n_cols)
{
    uint32_t target = c.col + n_cols;
    while (c.col < target && c.pos < end && is_blank_char(s[c.pos])) {
        c.col = s[c.pos] == '\t' ? c.col + TAB_STOP - c.col % TAB_STOP : c.col + 1;
        c.pos++;
    }
    return c;
}

/* After the '>' at @marker and the one optional space that belongs to it. */
static cursor after_quote_marker(const char *s, uint32_t end, cursor marker)
{
    cursor c = {marker.pos + 1, marker.col + 1};
    if (c.pos < end && is_blank_char(s[c.pos]))
        c = advance_columns(s, end, c, 1);
    return c;
}

/* ------------------------------------------------------------------------ */
/* Link labels and reference definitions                                    */
/* ------------------------------------------------------------------------ */

static int normalize_label(md_reader *rd, const char *s, uint32_t len)
{
    /* CommonMark 4.7: labels match case-insensitively, with white space collapsed. */
    ws_buf *out = &rd->label_buf;
    int rc = ws_buf_reserve(out, len);
    ws_buf_truncate(out, 0);
    uint32_t i = 0;
    while (rc == WS_OK && i < len) {
        while (i < len && is_space_or_newline(s[i]))
            i++;
        uint32_t word = i;
        while (i < len && !is_space_or_newline(s[i]))
            i++;
        if (i == word)
            break;
        if (out->len)
            rc = ws_buf_putc(out, ' ');
        if (rc == WS_OK)
            rc = ws_utf8_lower(s + word, i - word, out);
    }
    return rc;
}

static int compare_labels(const void *a, const void *b)
{
    const label *x = a, *y = b;
    uint32_t n = x->len < y->len ? x->len : y->len;
    int c = n ? memcmp(x->text, y->text, n) : 0;
    if (c)
        return c;
    return (x->len > y->len) - (x->len < y->len);
}

static int add_label(md_reader *rd, const char *s, uint32_t len)
{
    int rc = normalize_label(rd, s, len);
    if (rc < 0)
        return rc;
    if ((rc = WS_ARRAY_GROW(rd->doc->mem, rd->labels)) < 0)
        return rc;
    char *text = ws_strndup(rd->doc->mem, rd->label_buf.data, rd->label_buf.len);
    if (!text)
        return WS_ENOMEM;
    rd->labels.v[rd->labels.n++] = (label){text, (uint32_t)rd->label_buf.len};
    return WS_OK;
}

static int find_label(md_reader *rd, const char *s, uint32_t len, bool *is_found)
{
    *is_found = false;
    int rc = normalize_label(rd, s, len);
    if (rc < 0)
        return rc;
    label key = {rd->label_buf.data, (uint32_t)rd->label_buf.len};
    *is_found = key.len && bsearch(&key, rd->labels.v, rd->labels.n, sizeof key, compare_labels);
    return WS_OK;
}

/* The end (after ']') of the link label opening at @p, or 0: no brackets inside, 999 at most. */
static uint32_t scan_link_label(const char *b, uint32_t p, uint32_t to)
{
    for (uint32_t q = p + 1; q < to && q - p - 1 <= MAX_LABEL_LEN; q++) {
        if (b[q] == '\\' && q + 1 < to)
            q++;
        else if (b[q] == '[')
            return 0;
        else if (b[q] == ']')
            return q + 1;
    }
    return 0;
}

/* Whether link text [start, end) can serve as its own label ([text] and [text][]). */
static bool is_label_text(const char *b, uint32_t start, uint32_t end)
{
    if (end - start > MAX_LABEL_LEN)
        return false;
    for (uint32_t q = start; q < end; q++) {
        if (b[q] == '\\' && q + 1 < end)
            q++;
        else if (b[q] == '[' || b[q] == ']')
            return false;
    }
    return has_non_space(b, start, end);
}

/* Spaces and tabs with at most one line break among them. */
static uint32_t skip_link_space(const char *b, uint32_t q, uint32_t to, bool *had_space)
{
    uint32_t start = q;
    while (q < to && is_blank_char(b[q]))
        q++;
    if (q < to && b[q] == '\n') {
        q++;
        while (q < to && is_blank_char(b[q]))
            q++;
    }
    if (had_space)
        *had_space = q > start;
    return q;
}

/* A link destination at @q: <...> or a run without spaces and with balanced parentheses. */
static bool scan_link_destination(const char *b, uint32_t q, uint32_t to, uint32_t *end)
{
    if (q < to && b[q] == '<') {
        for (q++; q < to; q++) {
            if (b[q] == '\\' && q + 1 < to && is_ascii_punct(b[q + 1]))
                q++;
            else if (b[q] == '>') {
                *end = q + 1;
                return true;
            } else if (b[q] == '<' || b[q] == '\n')
                return false;
        }
        return false;
    }
    uint32_t depth = 0;
    for (; q < to; q++) {
        unsigned char c = (unsigned char)b[q];
        if (c == '\\' && q + 1 < to && is_ascii_punct(b[q + 1])) {
            q++;
        } else if (c == '(') {
            if (++depth > MAX_DEST_PAREN_DEPTH)
                return false;
        } else if (c == ')') {
            if (depth == 0)
                break;
            depth--;
        } else if (c <= ' ' || c == 0x7F) {
            break;
        }
    }
    *end = q;
    return depth == 0;
}

/* The end of the link title opening at @q ("...", '...' or (...)), or 0. */
static uint32_t scan_link_title(const char *b, uint32_t q, uint32_t to)
{
    char open = b[q], close = open == '(' ? ')' : open;
    for (q++; q < to; q++) {
        if (b[q] == '\\' && q + 1 < to && is_ascii_punct(b[q + 1]))
            q++;
        else if (b[q] == close)
            return q + 1;
        else if (open == '(' && b[q] == '(')
            return 0;
    }
    return 0;
}

static bool is_title_start(char c)
{
    return c == '"' || c == '\'' || c == '(';
}

/* The end of "(destination "title")" opening at @p, or 0. */
static uint32_t scan_inline_link(const char *b, uint32_t p, uint32_t to)
{
    uint32_t q = skip_link_space(b, p + 1, to, NULL), dest_end;
    if (!scan_link_destination(b, q, to, &dest_end))
        return 0;
    bool had_space;
    q = skip_link_space(b, dest_end, to, &had_space);
    if (q < to && b[q] == ')')
        return q + 1;
    if (!had_space || q >= to || !is_title_start(b[q]))
        return 0;
    uint32_t title_end = scan_link_title(b, q, to);
    if (!title_end)
        return 0;
    q = skip_link_space(b, title_end, to, NULL);
    return q < to && b[q] == ')' ? q + 1 : 0;
}

/* After @q: only blanks to the end of the line? Then the start of the next line. */
static uint32_t end_of_line_after(const char *b, uint32_t q, uint32_t to)
{
    while (q < to && is_blank_char(b[q]))
        q++;
    if (q == to)
        return to;
    return b[q] == '\n' ? q + 1 : 0;
}

/* The end of the link reference definition [label]: dest "title" at @p, or 0. */
static uint32_t scan_definition(const char *b, uint32_t p, uint32_t to, uint32_t *label_end)
{
    uint32_t le = scan_link_label(b, p, to);
    if (!le || le >= to || b[le] != ':' || !has_non_space(b, p + 1, le - 1))
        return 0;
    *label_end = le;
    uint32_t q = skip_link_space(b, le + 1, to, NULL), dest_end;
    if (!scan_link_destination(b, q, to, &dest_end) || dest_end == q)
        return 0;
    uint32_t end_plain = end_of_line_after(b, dest_end, to);
    bool had_space;
    uint32_t t = skip_link_space(b, dest_end, to, &had_space);
    if (had_space && t < to && is_title_start(b[t])) {
        uint32_t title_end = scan_link_title(b, t, to);
        uint32_t end_titled = title_end ? end_of_line_after(b, title_end, to) : 0;
        if (end_titled)
            return end_titled;
    }
    return end_plain;
}

/* ------------------------------------------------------------------------ */
/* The joined text of a leaf                                                */
/* ------------------------------------------------------------------------ */

static int add_piece(md_reader *rd, const line *l, uint32_t start, uint32_t end)
{
    int rc = WS_ARRAY_GROW(rd->doc->mem, rd->pieces);
    if (rc < 0)
        return rc;
    rd->pieces.v[rd->pieces.n++] = (piece){start, end - start, l->end, 0};
    return WS_OK;
}

/*
 * Join the leaf's lines with "\n" so that inline constructs (code spans,
 * links, emphasis, comments) can run over line ends; the pieces map every
 * joined offset back to the input.
 */
static int join_pieces(md_reader *rd)
{
    int rc = ws_buf_reserve(&rd->vbuf, 0);
    ws_buf_truncate(&rd->vbuf, 0);
    for (size_t i = 0; rc == WS_OK && i < rd->pieces.n; i++) {
        piece *pc = &rd->pieces.v[i];
        if (i)
            rc = ws_buf_putc(&rd->vbuf, '\n');
        pc->virt_off = (uint32_t)rd->vbuf.len;
        if (rc == WS_OK)
            rc = ws_buf_put(&rd->vbuf, rd->src + pc->src_off, pc->len);
    }
    return rc;
}

/* The last piece starting at or before joined offset @v. */
static size_t piece_at(const md_reader *rd, uint32_t v)
{
    size_t lo = 0, hi = rd->pieces.n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (rd->pieces.v[mid].virt_off <= v)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static uint32_t virt_to_src(const md_reader *rd, uint32_t v)
{
    size_t i = piece_at(rd, v);
    const piece *pc = &rd->pieces.v[i];
    uint32_t d = v - pc->virt_off;
    if (d < pc->len || i + 1 == rd->pieces.n)
        return pc->src_off + (d < pc->len ? d : pc->len);
    return pc->brk_off;
}

/* The input offset an end at joined offset @v (exclusive) stands for. */
static uint32_t virt_end_to_src(const md_reader *rd, uint32_t v)
{
    if (v == 0)
        return rd->pieces.v[0].src_off;
    size_t i = piece_at(rd, v - 1);
    const piece *pc = &rd->pieces.v[i];
    uint32_t d = v - 1 - pc->virt_off;
    if (d < pc->len)
        return pc->src_off + d + 1;
    return pc->brk_off + break_len(rd, pc->brk_off);
}

/* Read the link reference definitions that open the joined paragraph. */
static int take_definitions(md_reader *rd, uint32_t *text_start)
{
    const char *b = rd->vbuf.data;
    uint32_t len = (uint32_t)rd->vbuf.len, p = 0, label_end = 0;
    int rc = WS_OK;
    while (rc == WS_OK && p < len && b[p] == '[') {
        uint32_t end = scan_definition(b, p, len, &label_end);
        if (!end)
            break;
        if (!rd->is_emitting)
            rc = add_label(rd, b + p + 1, label_end - p - 2);
        p = end;
    }
    *text_start = p;
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Inline: marking the joined text                                          */
/* ------------------------------------------------------------------------ */

static void mark_range(inline_parser *ip, uint32_t start, uint32_t end, uint8_t m)
{
    if (end > start)
        memset(ip->marks + start, m, end - start);
}

/* Events are found left to right, so the emitter meets them in order. */
static int add_event(inline_parser *ip, event_kind kind, uint32_t start, uint32_t end)
{
    md_reader *rd = ip->rd;
    int rc = WS_ARRAY_GROW(rd->doc->mem, rd->events);
    if (rc < 0)
        return rc;
    rd->events.v[rd->events.n++] = (inline_event){(uint8_t)kind, start, end};
    mark_range(ip, start, end, MARK_DROP);
    ip->marks[start] = MARK_EVENT;
    return WS_OK;
}

/* The end of @needle after @q, remembering failures: a later search would fail too. */
static uint32_t find_terminator(inline_parser *ip, enum terminator kind, uint32_t q,
                                const char *needle, bool is_nocase)
{
    if (q >= ip->no_terminator_from[kind])
        return 0;
    uint32_t end = find_needle(ip->b, q, ip->to, needle, is_nocase);
    if (!end)
        ip->no_terminator_from[kind] = q;
    return end;
}

static uint32_t scan_backslash(inline_parser *ip, uint32_t p)
{
    const char *b = ip->b;
    if (p + 1 < ip->to && is_ascii_punct(b[p + 1])) {
        ip->marks[p] = MARK_ESCAPE;
        ip->marks[p + 1] = MARK_DROP;
        return p + 2;
    }
    if (p + 1 < ip->to && b[p + 1] == '\n')
        ip->marks[p] = MARK_DROP; /* a hard break: the "\n" after it says it all */
    return p + 1;
}

/* The end of the last run of @n backticks seen in this parse, or 0. */
static uint32_t last_tick_run(const inline_parser *ip, uint32_t n)
{
    const md_reader *rd = ip->rd;
    return rd->tick_run_parse[n] == ip->parse_id ? rd->tick_run_end[n] : 0;
}

/* The end of the next run of exactly @n backticks after @at, or 0. */
static uint32_t find_closing_ticks(inline_parser *ip, uint32_t at, uint32_t n)
{
    md_reader *rd = ip->rd;
    if (n > MAX_CODE_TICKS)
        return 0;
    /* Once a scan went to the end, the last run of each length is known. */
    if (ip->ticks_scanned && last_tick_run(ip, n) <= at)
        return 0;
    const char *b = ip->b;
    uint32_t q = at;
    while (q < ip->to) {
        const char *tick = memchr(b + q, '`', ip->to - q);
        if (!tick)
            break;
        uint32_t start = (uint32_t)(tick - b);
        q = start;
        while (q < ip->to && b[q] == '`')
            q++;
        uint32_t len = q - start;
        if (len <= MAX_CODE_TICKS && last_tick_run(ip, len) < q) {
            rd->tick_run_end[len] = q;
            rd->tick_run_parse[len] = ip->parse_id;
        }
        if (len == n)
            return q;
    }
    ip->ticks_scanned = true;
    return 0;
}

/* A code span is skipped whole; an unmatched backtick run is text. */
static uint32_t scan_code_span(inline_parser *ip, uint32_t p)
{
    uint32_t q = p;
    while (q < ip->to && ip->b[q] == '`')
        q++;
    uint32_t close_end = find_closing_ticks(ip, q, q - p);
    if (!close_end)
        return q;
    mark_range(ip, p, close_end, MARK_DROP);
    return close_end;
}

static int32_t cp_before(const inline_parser *ip, uint32_t p)
{
    return p > ip->from ? ws_utf8_prev(ip->b, p, NULL) : -1;
}

static int32_t cp_at(const inline_parser *ip, uint32_t p)
{
    if (p >= ip->to)
        return -1;
    int32_t cp;
    ws_utf8_decode(ip->b + p, ip->to - p, &cp);
    return cp;
}

/* CommonMark 6.2: left- and right-flanking delimiter runs. */
static void flanking(int32_t before, int32_t after, bool *left, bool *right)
{
    bool before_space = is_space_cp(before), after_space = is_space_cp(after);
    bool before_punct = !before_space && is_punct_cp(before);
    bool after_punct = !after_space && is_punct_cp(after);
    *left = !after_space && (!after_punct || before_space || before_punct);
    *right = !before_space && (!before_punct || after_space || after_punct);
}

static int scan_delimiter_run(inline_parser *ip, uint32_t p, uint32_t *next)
{
    const char *b = ip->b;
    char ch = b[p];
    uint32_t q = p;
    while (q < ip->to && b[q] == ch)
        q++;
    *next = q;
    /* GFM strikethrough, but only "~~": a lone '~' in news copy means "about". */
    if (ch == '~' && q - p != 2)
        return WS_OK;
    int32_t before = cp_before(ip, p), after = cp_at(ip, q);
    /* 2*3*4 is arithmetic, not emphasis. */
    if (ch == '*' && is_digit_cp(before) && is_digit_cp(after))
        return WS_OK;
    bool left, right;
    flanking(before, after, &left, &right);
    bool can_open = left, can_close = right;
    if (ch == '_') {
        /* snake_case stays text: '_' inside a word neither opens nor closes. */
        can_open = left && (!right || is_punct_cp(before));
        can_close = right && (!left || is_punct_cp(after));
    }
    if (!can_open && !can_close)
        return WS_OK;
    md_reader *rd = ip->rd;
    int rc = WS_ARRAY_GROW(rd->doc->mem, rd->delims);
    if (rc < 0)
        return rc;
    int32_t i = (int32_t)rd->delims.n++;
    rd->delims.v[i] = (delim){p, q, p, q, ip->delim_last, -1, ch, can_open, can_close};
    if (ip->delim_last >= 0)
        rd->delims.v[ip->delim_last].next = i;
    ip->delim_last = i;
    return WS_OK;
}

static void unlink_delim(inline_parser *ip, int32_t i)
{
    delim *d = ip->rd->delims.v;
    if (d[i].prev >= 0)
        d[d[i].prev].next = d[i].next;
    if (d[i].next >= 0)
        d[d[i].next].prev = d[i].prev;
    else
        ip->delim_last = d[i].prev;
}

/* CommonMark's "rule of 3": no pairing of a run that can do both when lengths sum to 3k. */
static bool can_pair(const delim *opener, const delim *closer)
{
    if (opener->ch == '~')
        return true;
    uint32_t open_len = opener->end - opener->start, close_len = closer->end - closer->start;
    return !((opener->can_close || closer->can_open) && (open_len + close_len) % 3 == 0 &&
             !(open_len % 3 == 0 && close_len % 3 == 0));
}

static int delim_char_index(char ch)
{
    return ch == '*' ? 0 : ch == '_' ? 1 : 2;
}

/*
 * CommonMark's "process emphasis" over the delimiters above @bottom: each
 * matched pair turns its inner delimiter characters into markup. The
 * openers_bottom table keeps the search for openers linear.
 */
static void process_emphasis(inline_parser *ip, int32_t bottom)
{
    delim *d = ip->rd->delims.v;
    int32_t n = (int32_t)ip->rd->delims.n;
    int32_t openers_bottom[3][3][2];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            openers_bottom[i][j][0] = openers_bottom[i][j][1] = bottom;
    int32_t cur = bottom + 1 < n ? bottom + 1 : -1;
    while (cur >= 0) {
        delim *closer = &d[cur];
        if (!closer->can_close) {
            cur = closer->next;
            continue;
        }
        uint32_t len_mod3 = (closer->end - closer->start) % 3;
        int32_t *ob = &openers_bottom[delim_char_index(closer->ch)][len_mod3][closer->can_open];
        int32_t floor = *ob > bottom ? *ob : bottom;
        int32_t o = closer->prev;
        while (o > floor && !(d[o].ch == closer->ch && d[o].can_open && can_pair(&d[o], closer)))
            o = d[o].prev;
        if (o <= floor) {
            *ob = closer->prev;
            int32_t next = closer->next;
            if (!closer->can_open)
                unlink_delim(ip, cur);
            cur = next;
            continue;
        }
        delim *opener = &d[o];
        uint32_t k = 1;
        if (closer->ch == '~' || (opener->hi - opener->lo >= 2 && closer->hi - closer->lo >= 2))
            k = 2;
        mark_range(ip, opener->hi - k, opener->hi, MARK_DROP);
        opener->hi -= k;
        mark_range(ip, closer->lo, closer->lo + k, MARK_DROP);
        closer->lo += k;
        /* Delimiters between the pair can no longer match: they stay text. */
        opener->next = cur;
        closer->prev = o;
        if (opener->hi == opener->lo)
            unlink_delim(ip, o);
        if (closer->hi == closer->lo) {
            int32_t next = closer->next;
            unlink_delim(ip, cur);
            cur = next;
        }
    }
}

static int push_bracket(inline_parser *ip, uint32_t p, bool is_image)
{
    md_reader *rd = ip->rd;
    int rc = WS_ARRAY_GROW(rd->doc->mem, rd->brackets);
    if (rc < 0)
        return rc;
    rd->brackets.v[rd->brackets.n++] = (bracket){p, ip->delim_last, is_image};
    return WS_OK;
}

/* After link text ending at @p (']'): a [label], [] or the text itself naming a definition. */
static int find_reference(inline_parser *ip, uint32_t text_start, uint32_t p, uint32_t *end)
{
    const char *b = ip->b;
    bool is_found = false;
    int rc = WS_OK;
    *end = 0;
    if (ip->rd->labels.n == 0)
        return WS_OK;
    uint32_t label_end = p + 1 < ip->to && b[p + 1] == '[' ? scan_link_label(b, p + 1, ip->to) : 0;
    if (label_end && label_end > p + 3) {
        /* A full reference: its label alone decides. */
        if (has_non_space(b, p + 2, label_end - 1))
            rc = find_label(ip->rd, b + p + 2, label_end - 1 - (p + 2), &is_found);
        if (is_found)
            *end = label_end;
        return rc;
    }
    if (!is_label_text(b, text_start, p))
        return WS_OK;
    rc = find_label(ip->rd, b + text_start, p - text_start, &is_found);
    if (is_found)
        *end = label_end ? label_end : p + 1;
    return rc;
}

/*
 * CommonMark's "look for link or image": the innermost open bracket and what
 * follows the ']' decide. The destination is looked at, never parsed for
 * inlines, so it costs one bounded scan.
 */
static int close_bracket(inline_parser *ip, uint32_t p, uint32_t *next)
{
    md_reader *rd = ip->rd;
    int rc = WS_OK;
    *next = p + 1;
    if (rd->brackets.n == 0)
        return WS_OK;
    size_t index = --rd->brackets.n;
    bracket br = rd->brackets.v[index];
    bool is_active = br.is_image || index >= ip->link_floor;
    if (ip->link_floor > index)
        ip->link_floor = index;
    if (!is_active)
        return WS_OK;
    uint32_t text_start = br.pos + (br.is_image ? 2 : 1), end = 0;
    if (p + 1 < ip->to && ip->b[p + 1] == '(')
        end = scan_inline_link(ip->b, p + 1, ip->to);
    if (!end)
        WS_TRY(find_reference(ip, text_start, p, &end));
    if (!end)
        goto out;
    /* A link or image: only its text (or alt text) is text. */
    mark_range(ip, br.pos, text_start, MARK_DROP);
    mark_range(ip, p, end, MARK_DROP);
    process_emphasis(ip, br.delim_bottom);
    /* Emphasis cannot cross the link's edges: its delimiters are done. */
    rd->delims.n = (size_t)(br.delim_bottom + 1);
    ip->delim_last = br.delim_bottom;
    if (br.delim_bottom >= 0)
        rd->delims.v[br.delim_bottom].next = -1;
    if (!br.is_image)
        ip->link_floor = rd->brackets.n; /* links do not nest: older '[' are text now */
    *next = end;
out:
    return rc;
}

/* CommonMark 6.5: <scheme:...> or <user@example.com>; the end, or 0. */
static uint32_t scan_autolink(const char *b, uint32_t p, uint32_t to)
{
    uint32_t q = p + 1;
    if (q < to && is_ascii_alpha(b[q])) {
        uint32_t scheme = q;
        while (q < to && (is_ascii_alnum(b[q]) || b[q] == '+' || b[q] == '.' || b[q] == '-'))
            q++;
        if (q - scheme >= 2 && q - scheme <= 32 && q < to && b[q] == ':') {
            for (q++; q < to && b[q] != '>' && b[q] != '<' && (unsigned char)b[q] > ' '; q++)
                ;
            if (q < to && b[q] == '>')
                return q + 1;
        }
    }
    static const char local_punct[] = ".!#$%&'*+/=?^_`{|}~-";
    for (q = p + 1; q < to && (is_ascii_alnum(b[q]) || (b[q] && strchr(local_punct, b[q]))); q++)
        ;
    if (q == p + 1 || q >= to || b[q] != '@')
        return 0;
    for (q++;;) {
        uint32_t part = q;
        while (q < to && (is_ascii_alnum(b[q]) || b[q] == '-'))
            q++;
        if (q == part || q - part > 63 || b[part] == '-' || b[q - 1] == '-')
            return 0;
        if (q < to && b[q] == '.' && q + 1 < to && is_ascii_alnum(b[q + 1])) {
            q++;
            continue;
        }
        break;
    }
    return q < to && b[q] == '>' ? q + 1 : 0;
}

static uint32_t skip_tag_space(const char *b, uint32_t q, uint32_t to)
{
    while (q < to && is_space_or_newline(b[q]))
        q++;
    return q;
}

static bool is_attr_name_char(char c)
{
    return is_ascii_alnum(c) || c == '_' || c == '.' || c == ':' || c == '-';
}

static bool ends_unquoted_value(char c)
{
    return is_space_or_newline(c) || c == '"' || c == '\'' || c == '=' || c == '<' || c == '>' ||
           c == '`';
}

/* CommonMark 6.6: an open or closing tag at @p; its end, or 0. *name gets the tag name. */
static uint32_t scan_html_tag(const char *b, uint32_t p, uint32_t to, uint32_t *name_start,
                              uint32_t *name_end)
{
    uint32_t q = p + 1;
    bool is_close = q < to && b[q] == '/';
    if (is_close)
        q++;
    if (q >= to || !is_ascii_alpha(b[q]))
        return 0;
    *name_start = q;
    while (q < to && (is_ascii_alnum(b[q]) || b[q] == '-'))
        q++;
    *name_end = q;
    if (is_close) {
        q = skip_tag_space(b, q, to);
        return q < to && b[q] == '>' ? q + 1 : 0;
    }
    for (;;) {
        uint32_t after_space = skip_tag_space(b, q, to);
        if (after_space < to && b[after_space] == '>')
            return after_space + 1;
        if (after_space + 1 < to && b[after_space] == '/' && b[after_space + 1] == '>')
            return after_space + 2;
        if (after_space == q || after_space >= to)
            return 0; /* an attribute needs white space before it */
        q = after_space;
        if (!is_ascii_alpha(b[q]) && b[q] != '_' && b[q] != ':')
            return 0;
        while (q < to && is_attr_name_char(b[q]))
            q++;
        uint32_t v = skip_tag_space(b, q, to);
        if (v < to && b[v] == '=') {
            v = skip_tag_space(b, v + 1, to);
            if (v >= to)
                return 0;
            if (b[v] == '"' || b[v] == '\'') {
                const char *close = memchr(b + v + 1, b[v], to - v - 1);
                if (!close)
                    return 0;
                q = (uint32_t)(close - b) + 1;
            } else {
                uint32_t value = v;
                while (v < to && !ends_unquoted_value(b[v]))
                    v++;
                if (v == value)
                    return 0;
                q = v;
            }
        }
    }
}

static bool is_tag_name(const char *b, uint32_t start, uint32_t end, const char *name)
{
    return end - start == strlen(name) && starts_with_nocase(b, start, end, name);
}

/* HTML block-level elements (CommonMark 4.6, condition 6): they break paragraphs. */
static bool is_block_tag_name(const char *b, uint32_t start, uint32_t end)
{
    static const char *const names[] = {
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption",
        "center", "col", "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
        "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param",
        "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title",
        "tr", "track", "ul",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (is_tag_name(b, start, end, names[i]))
            return true;
    return false;
}

/* The end of "<!--...-->" at @p, or 0 when it is not closed. */
static uint32_t scan_comment_end(inline_parser *ip, uint32_t p)
{
    const char *b = ip->b;
    uint32_t q = p + 4;
    if (q < ip->to && b[q] == '>')
        return q + 1; /* <!--> */
    if (q + 1 < ip->to && b[q] == '-' && b[q + 1] == '>')
        return q + 2; /* <!---> */
    return find_terminator(ip, TERM_COMMENT, q, "-->", false);
}

/* Processing instructions, declarations and CDATA: markup, never text. */
static uint32_t scan_other_markup(inline_parser *ip, uint32_t p)
{
    const char *b = ip->b;
    if (starts_with(b, p, ip->to, "<?"))
        return find_terminator(ip, TERM_PI, p + 2, "?>", false);
    if (starts_with(b, p, ip->to, "<![CDATA["))
        return find_terminator(ip, TERM_CDATA, p + 9, "]]>", false);
    if (p + 2 < ip->to && b[p + 1] == '!' && is_ascii_alpha(b[p + 2]))
        return find_terminator(ip, TERM_DECLARATION, p + 2, ">", false);
    return 0;
}

static int scan_angle(inline_parser *ip, uint32_t p, uint32_t *next)
{
    const char *b = ip->b;
    uint32_t end, name_start, name_end;
    *next = p + 1;
    if ((end = scan_autolink(b, p, ip->to))) {
        /* The URL is the text. */
        ip->marks[p] = MARK_DROP;
        ip->marks[end - 1] = MARK_DROP;
        *next = end;
        return WS_OK;
    }
    if (starts_with(b, p, ip->to, "<!--")) {
        if (!(end = scan_comment_end(ip, p)))
            return WS_OK;
        *next = end;
        return add_event(ip, EVENT_COMMENT, p, end);
    }
    if ((end = scan_other_markup(ip, p))) {
        mark_range(ip, p, end, MARK_DROP);
        *next = end;
        return WS_OK;
    }
    if ((end = scan_html_tag(b, p, ip->to, &name_start, &name_end))) {
        *next = end;
        if (is_tag_name(b, name_start, name_end, "br"))
            return add_event(ip, EVENT_LINE_BREAK, p, end);
        mark_range(ip, p, end, MARK_DROP);
    }
    return WS_OK;
}

static uint32_t scan_entity(inline_parser *ip, uint32_t p, bool needs_semicolon)
{
    int32_t cp[2];
    size_t n = ws_html_entity_decode(ip->b + p, ip->to - p, cp);
    /* CommonMark only knows references ending in ';'; HTML also the legacy forms. */
    if (!n || (needs_semicolon && ip->b[p + n - 1] != ';'))
        return p + 1;
    ip->marks[p] = MARK_ENTITY;
    mark_range(ip, p + 1, p + (uint32_t)n, MARK_DROP);
    return p + (uint32_t)n;
}

static bool is_inline_special(char c)
{
    switch (c) {
    case '\\': case '`': case '*': case '_': case '~': case '[': case '!': case ']': case '<':
    case '&':
        return true;
    default:
        return false;
    }
}

static int parse_markdown_inline(inline_parser *ip)
{
    const char *b = ip->b;
    uint32_t p = ip->from;
    int rc = WS_OK;
    while (p < ip->to) {
        switch (b[p]) {
        case '\\': p = scan_backslash(ip, p); break;
        case '`': p = scan_code_span(ip, p); break;
        case '*': case '_': case '~': WS_TRY(scan_delimiter_run(ip, p, &p)); break;
        case '[': WS_TRY(push_bracket(ip, p, false)); p++; break;
        case '!':
            if (p + 1 < ip->to && b[p + 1] == '[') {
                WS_TRY(push_bracket(ip, p, true));
                p += 2;
            } else {
                p++;
            }
            break;
        case ']': WS_TRY(close_bracket(ip, p, &p)); break;
        case '<': WS_TRY(scan_angle(ip, p, &p)); break;
        case '&': p = scan_entity(ip, p, true); break;
        default:
            for (p++; p < ip->to && !is_inline_special(b[p]); p++)
                ;
        }
    }
    process_emphasis(ip, -1);
out:
    return rc;
}

/* In HTML blocks only tags, comments and references are markup (CommonMark 4.6). */
static int scan_angle_html(inline_parser *ip, uint32_t p, uint32_t *next)
{
    const char *b = ip->b;
    uint32_t end, name_start, name_end;
    *next = p + 1;
    if (starts_with(b, p, ip->to, "<!--")) {
        /* Unclosed, it hides the rest of the block, as in a browser. */
        end = scan_comment_end(ip, p);
        *next = end ? end : ip->to;
        return add_event(ip, EVENT_COMMENT, p, *next);
    }
    if ((end = scan_other_markup(ip, p))) {
        mark_range(ip, p, end, MARK_DROP);
        *next = end;
        return WS_OK;
    }
    if (!(end = scan_html_tag(b, p, ip->to, &name_start, &name_end)))
        return WS_OK;
    *next = end;
    bool is_close = b[p + 1] == '/';
    if (is_tag_name(b, name_start, name_end, "br"))
        return add_event(ip, EVENT_LINE_BREAK, p, end);
    if (is_block_tag_name(b, name_start, name_end))
        return add_event(ip, EVENT_BLOCK_BREAK, p, end);
    bool is_script = is_tag_name(b, name_start, name_end, "script");
    if (!is_close && (is_script || is_tag_name(b, name_start, name_end, "style"))) {
        /* Script and style content is never text. */
        uint32_t close = is_script ? find_terminator(ip, TERM_SCRIPT, end, "</script", true)
                                   : find_terminator(ip, TERM_STYLE, end, "</style", true);
        const char *gt = close ? memchr(b + close, '>', ip->to - close) : NULL;
        *next = gt ? (uint32_t)(gt - b) + 1 : ip->to;
    }
    mark_range(ip, p, *next, MARK_DROP);
    return WS_OK;
}

static int parse_html_inline(inline_parser *ip)
{
    const char *b = ip->b;
    uint32_t p = ip->from;
    int rc = WS_OK;
    while (p < ip->to) {
        if (b[p] == '<')
            WS_TRY(scan_angle_html(ip, p, &p));
        else if (b[p] == '&')
            p = scan_entity(ip, p, false);
        else
            p++;
    }
out:
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Inline: emitting the marked text                                         */
/* ------------------------------------------------------------------------ */

/* A "\n" inside a block, never two in a row: <br> and the line break after it are one. */
static int emit_line_break(ws_emitter *e, uint32_t src_off, uint32_t src_len)
{
    if (ws_emit_block_is_empty(e) || e->text.data[e->text.len - 1] == '\n')
        return WS_OK;
    return ws_emit_newline(e, src_off, src_len);
}

static int emit_event(md_reader *rd, const inline_event *ev)
{
    ws_emitter *e = &rd->emitter;
    uint32_t src_start = virt_to_src(rd, ev->start), src_end = virt_end_to_src(rd, ev->end);
    switch (ev->kind) {
    case EVENT_COMMENT: {
        const char *b = rd->vbuf.data;
        uint32_t body_start = ev->start + 4, body_end = ev->end;
        if (ev->end - ev->start >= 5 && memcmp(b + ev->end - 3, "-->", 3) == 0)
            body_end = ev->end - 3;
        if (body_end < body_start)
            body_end = body_start; /* <!--> and <!---> */
        return ws_emit_comment(e, src_start, src_end, b + body_start, body_end - body_start);
    }
    case EVENT_LINE_BREAK:
        return emit_line_break(e, src_start, src_end - src_start);
    default:
        return ws_emit_block_begin(e, rd->emit_style.kind, rd->emit_style.level,
                                   rd->emit_style.quote_id, src_start);
    }
}

/*
 * Send the text of joined range [from, to) to the emitter: text runs as
 * copies of the input, blanks as collapsible spaces (so that removed markup
 * never leaves a double space), the "\n" between lines as a line break.
 */
static int emit_marked(md_reader *rd, uint32_t from, uint32_t to, bool is_html)
{
    ws_emitter *e = &rd->emitter;
    const char *b = rd->vbuf.data;
    const uint8_t *m = rd->marks.v;
    size_t k = piece_at(rd, from), ev = 0;
    int rc = WS_OK;
    uint32_t p = from;
    while (p < to) {
        while (k + 1 < rd->pieces.n && rd->pieces.v[k + 1].virt_off <= p)
            k++;
        const piece *pc = &rd->pieces.v[k];
        uint32_t src = pc->src_off + (p - pc->virt_off);
        if (m[p] == MARK_DROP) {
            p++;
        } else if (m[p] == MARK_ESCAPE) {
            WS_TRY(ws_emit_subst(e, src, 2, b + p + 1, 1));
            p += 2;
        } else if (m[p] == MARK_ENTITY) {
            int32_t cp[2];
            uint32_t n = (uint32_t)ws_html_entity_decode(b + p, to - p, cp);
            WS_TRY(ws_emit_cp(e, src, n, cp[0]));
            if (cp[1])
                WS_TRY(ws_emit_cp(e, src, n, cp[1]));
            p += n;
        } else if (m[p] == MARK_EVENT) {
            WS_TRY(emit_event(rd, &rd->events.v[ev++]));
            p++;
        } else if (b[p] == '\n') {
            uint32_t brk_len = break_len(rd, pc->brk_off);
            WS_TRY(is_html ? ws_emit_space(e, pc->brk_off, brk_len)
                           : emit_line_break(e, pc->brk_off, brk_len));
            p++;
        } else if (is_blank_char(b[p])) {
            uint32_t q = p + 1;
            while (q < to && m[q] == MARK_TEXT && is_blank_char(b[q]))
                q++;
            WS_TRY(ws_emit_space(e, src, q - p));
            p = q;
        } else {
            /* A run of text; single spaces between words ride along. */
            uint32_t q = p + 1;
            while (q < to && m[q] == MARK_TEXT && b[q] != '\n' && b[q] != '\t' &&
                   (b[q] != ' ' || (q + 1 < to && m[q + 1] == MARK_TEXT &&
                                    !is_space_or_newline(b[q + 1]))))
                q++;
            WS_TRY(ws_emit_copy(e, src, q - p));
            p = q;
        }
    }
out:
    return rc;
}

static int emit_inline(md_reader *rd, uint32_t from, uint32_t to, bool is_html)
{
    inline_parser ip;
    memset(&ip, 0, sizeof ip);
    ip.rd = rd;
    ip.b = rd->vbuf.data;
    ip.from = from;
    ip.to = to;
    ip.marks = rd->marks.v;
    ip.delim_last = -1;
    ip.parse_id = ++rd->n_parses;
    for (int i = 0; i < N_TERMINATORS; i++)
        ip.no_terminator_from[i] = UINT32_MAX;
    rd->events.n = rd->delims.n = rd->brackets.n = 0;
    int rc = is_html ? parse_html_inline(&ip) : parse_markdown_inline(&ip);
    if (rc < 0)
        return rc;
    return emit_marked(rd, from, to, is_html);
}

/* GFM table cells: split at pipes that are not escaped; outer pipes are not cells. */
static uint32_t next_cell_end(const char *b, uint32_t p, uint32_t to)
{
    while (p < to && b[p] != '|')
        p += b[p] == '\\' && p + 1 < to ? 2 : 1;
    return p < to ? p : to;
}

static uint32_t count_cells(const char *b, uint32_t from, uint32_t to)
{
    uint32_t n = 0, p = from;
    if (p < to && b[p] == '|')
        p++;
    while (p < to) {
        p = next_cell_end(b, p, to) + 1;
        n++;
    }
    return n;
}

static int emit_table_row(md_reader *rd, uint32_t from, uint32_t to)
{
    const char *b = rd->vbuf.data;
    int rc = WS_OK;
    uint32_t p = from;
    if (p < to && b[p] == '|')
        p++;
    while (p < to) {
        uint32_t q = next_cell_end(b, p, to), cell_start = p, cell_end = trim_end(b, p, q);
        while (cell_start < cell_end && is_blank_char(b[cell_start]))
            cell_start++;
        WS_TRY(emit_inline(rd, cell_start, cell_end, false));
        if (q < to)
            WS_TRY(ws_emit_space(&rd->emitter, virt_to_src(rd, q), 1));
        p = q + 1;
    }
out:
    return rc;
}

/* Emit the joined leaf from @text_start as one block (HTML may break it into more). */
static int emit_joined(md_reader *rd, block_style style, leaf_mode mode, uint32_t text_start)
{
    uint32_t len = (uint32_t)rd->vbuf.len;
    int rc = WS_OK;
    /* The first pass only wanted the definitions. */
    if (!rd->is_emitting || text_start >= len)
        return WS_OK;
    WS_TRY(ws_array_reserve(rd->doc->mem, &rd->marks.v, &rd->marks.cap, (size_t)len + 1, 1));
    memset(rd->marks.v, MARK_TEXT, (size_t)len + 1);
    rd->emit_style = style;
    WS_TRY(ws_emit_block_begin(&rd->emitter, style.kind, style.level, style.quote_id,
                               virt_to_src(rd, text_start)));
    if (mode == MODE_TABLE_ROW)
        WS_TRY(emit_table_row(rd, text_start, len));
    else
        WS_TRY(emit_inline(rd, text_start, len, mode == MODE_HTML));
    WS_TRY(ws_emit_block_end(&rd->emitter));
out:
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Blocks                                                                   */
/* ------------------------------------------------------------------------ */

static uint8_t clamp_level(uint32_t n)
{
    return n > 255 ? 255 : (uint8_t)n;
}

/* Inside a block quote everything is quoted text; in a list, paragraphs are items. */
static block_style style_for(const md_reader *rd, ws_block_kind kind, uint8_t level)
{
    if (rd->n_containers) {
        const container *c = &rd->containers[rd->n_containers - 1];
        if (c->quote_depth)
            return (block_style){WS_BLOCK_QUOTE, clamp_level(c->quote_depth), c->quote_id};
        if (kind == WS_BLOCK_PARAGRAPH)
            return (block_style){WS_BLOCK_LIST_ITEM, clamp_level(c->list_depth), 0};
    }
    return (block_style){(uint8_t)kind, level, 0};
}

static int flush_paragraph(md_reader *rd, block_style style)
{
    uint32_t text_start = 0;
    int rc = WS_OK;
    WS_TRY(join_pieces(rd));
    WS_TRY(take_definitions(rd, &text_start));
    WS_TRY(emit_joined(rd, style, MODE_MARKDOWN, text_start));
out:
    return rc;
}

/* A leaf is emitted when it closes: only then are its lines (and definitions) known. */
static int close_leaf(md_reader *rd)
{
    int rc = WS_OK;
    if (rd->leaf == LEAF_PARAGRAPH) {
        WS_TRY(flush_paragraph(rd, rd->leaf_style));
    } else if (rd->leaf == LEAF_HTML && rd->is_emitting) {
        WS_TRY(join_pieces(rd));
        WS_TRY(emit_joined(rd, rd->leaf_style, MODE_HTML, 0));
    }
out:
    rd->leaf = LEAF_NONE;
    rd->pieces.n = 0;
    return rc;
}

/* Close the containers from @keep on; the open leaf is inside them. */
static int close_containers(md_reader *rd, uint32_t keep)
{
    if (rd->n_containers <= keep)
        return WS_OK;
    rd->n_containers = keep;
    return close_leaf(rd);
}

/* A new block starts: close what the line did not continue, then the open leaf. */
static int begin_block(md_reader *rd, uint32_t n_matched)
{
    int rc = close_containers(rd, n_matched);
    return rc < 0 ? rc : close_leaf(rd);
}

static void push_container(md_reader *rd, container_kind kind, uint32_t content_indent,
                           bool is_blank_so_far)
{
    container c = {(uint8_t)kind, content_indent, 0, 0, 0, is_blank_so_far};
    if (rd->n_containers) {
        const container *outer = &rd->containers[rd->n_containers - 1];
        c.quote_depth = outer->quote_depth;
        c.list_depth = outer->list_depth;
        c.quote_id = outer->quote_id;
    }
    if (kind == CONTAINER_QUOTE) {
        if (!c.quote_depth)
            c.quote_id = ++rd->n_quote_ids;
        c.quote_depth++;
    } else {
        c.list_depth++;
    }
    rd->containers[rd->n_containers++] = c;
}

static bool parse_atx_heading(const char *s, uint32_t p, uint32_t end, uint8_t *level,
                              uint32_t *text_start, uint32_t *text_end)
{
    uint32_t q = p;
    while (q < end && s[q] == '#' && q - p < 7)
        q++;
    if (q - p > 6 || (q < end && !is_blank_char(s[q])))
        return false;
    *level = (uint8_t)(q - p);
    while (q < end && is_blank_char(s[q]))
        q++;
    uint32_t e = trim_end(s, q, end), h = e;
    /* A closing run of '#' goes when white space precedes it. */
    while (h > q && s[h - 1] == '#')
        h--;
    if (h < e && (h == q || is_blank_char(s[h - 1])))
        e = trim_end(s, q, h);
    *text_start = q;
    *text_end = e;
    return true;
}

static bool parse_fence_open(const char *s, uint32_t p, uint32_t end, char *ch, uint32_t *len)
{
    char c = s[p];
    uint32_t q = p;
    if (c != '`' && c != '~')
        return false;
    while (q < end && s[q] == c)
        q++;
    if (q - p < 3 || (c == '`' && memchr(s + q, '`', end - q)))
        return false;
    *ch = c;
    *len = q - p;
    return true;
}

static bool is_fence_close(const char *s, uint32_t p, uint32_t end, char ch, uint32_t len)
{
    uint32_t q = p;
    while (q < end && s[q] == ch)
        q++;
    return q - p >= len && is_blank_from(s, q, end);
}

static int setext_level(const char *s, uint32_t p, uint32_t end)
{
    char c = s[p];
    uint32_t q = p;
    if (c != '=' && c != '-')
        return 0;
    while (q < end && s[q] == c)
        q++;
    if (!is_blank_from(s, q, end))
        return 0;
    return c == '=' ? 1 : 2;
}

/*
 * A thematic break (***, - - -, ___). @fail_at remembers where the last
 * scan of this line failed, so that "- - - ... x" opening list items one
 * inside another is not rescanned at every marker.
 */
static bool is_thematic_break(const char *s, uint32_t p, uint32_t end, uint32_t *fail_at,
                              char *fail_ch)
{
    char c = s[p];
    if (c != '*' && c != '-' && c != '_')
        return false;
    if (c == *fail_ch && p < *fail_at)
        return false;
    uint32_t n = 0, q = p;
    for (; q < end; q++) {
        if (s[q] == c)
            n++;
        else if (!is_blank_char(s[q]))
            break;
    }
    if (q == end && n >= 3)
        return true;
    *fail_at = q;
    *fail_ch = c;
    return false;
}

typedef struct list_marker {
    uint32_t width;
    bool is_ordered;
    uint32_t number;
} list_marker;

static bool parse_list_marker(const char *s, uint32_t p, uint32_t end, list_marker *m)
{
    uint32_t q = p;
    m->is_ordered = false;
    m->number = 0;
    if (s[q] == '-' || s[q] == '+' || s[q] == '*') {
        q++;
    } else {
        while (q < end && is_ascii_digit(s[q]) && q - p < 9)
            m->number = m->number * 10 + (uint32_t)(s[q++] - '0');
        if (q == p || q >= end || (s[q] != '.' && s[q] != ')'))
            return false;
        m->is_ordered = true;
        q++;
    }
    m->width = q - p;
    return q == end || is_blank_char(s[q]);
}

static bool is_delimiter_row(const char *s, uint32_t p, uint32_t end, uint32_t *n_cells)
{
    bool has_pipe = false;
    uint32_t n = 0;
    if (p < end && s[p] == '|') {
        p++;
        has_pipe = true;
    }
    while (p < end) {
        while (p < end && is_blank_char(s[p]))
            p++;
        if (p < end && s[p] == ':')
            p++;
        uint32_t dashes = p;
        while (p < end && s[p] == '-')
            p++;
        if (p == dashes)
            return false;
        if (p < end && s[p] == ':')
            p++;
        while (p < end && is_blank_char(s[p]))
            p++;
        n++;
        if (p < end) {
            if (s[p] != '|')
                return false;
            has_pipe = true;
            p++;
        }
    }
    *n_cells = n;
    return has_pipe && n > 0;
}

static bool is_raw_tag_name(const char *s, uint32_t start, uint32_t end)
{
    return is_tag_name(s, start, end, "script") || is_tag_name(s, start, end, "pre") ||
           is_tag_name(s, start, end, "style") || is_tag_name(s, start, end, "textarea");
}

/* CommonMark 4.6: does an HTML block start at @p ('<')? @may_be_tag_line: condition 7 applies. */
static bool find_html_block_start(const char *s, uint32_t p, uint32_t end, bool may_be_tag_line,
                                  uint8_t *html_end, bool *is_kept)
{
    uint32_t q = p + 1;
    *is_kept = false;
    uint32_t name_end = q;
    while (name_end < end && is_ascii_alnum(s[name_end]))
        name_end++;
    if (is_raw_tag_name(s, q, name_end) &&
        (name_end == end || is_blank_char(s[name_end]) || s[name_end] == '>')) {
        *html_end = HTML_END_RAW_TAG;
        return true;
    }
    if (starts_with(s, p, end, "<!--")) {
        *html_end = HTML_END_COMMENT;
        *is_kept = true;
        return true;
    }
    if (starts_with(s, p, end, "<?")) {
        *html_end = HTML_END_PI;
        return true;
    }
    if (starts_with(s, p, end, "<![CDATA[")) {
        *html_end = HTML_END_CDATA;
        return true;
    }
    if (p + 2 < end && s[p + 1] == '!' && is_ascii_alpha(s[p + 2])) {
        *html_end = HTML_END_DECLARATION;
        return true;
    }
    *html_end = HTML_END_BLANK_LINE;
    *is_kept = true;
    if (q < end && s[q] == '/')
        q++;
    name_end = q;
    while (name_end < end && (is_ascii_alnum(s[name_end]) || s[name_end] == '-'))
        name_end++;
    if (name_end > q && is_ascii_alpha(s[q]) && is_block_tag_name(s, q, name_end) &&
        (name_end == end || is_blank_char(s[name_end]) || s[name_end] == '>' ||
         starts_with(s, name_end, end, "/>")))
        return true;
    if (!may_be_tag_line)
        return false;
    uint32_t name_start, tag_end = scan_html_tag(s, p, end, &name_start, &name_end);
    return tag_end && !is_raw_tag_name(s, name_start, name_end) && is_blank_from(s, tag_end, end);
}

static bool line_ends_html(const char *s, uint32_t start, uint32_t end, uint8_t html_end)
{
    switch (html_end) {
    case HTML_END_RAW_TAG:
        return find_needle(s, start, end, "</script>", true) ||
               find_needle(s, start, end, "</pre>", true) ||
               find_needle(s, start, end, "</style>", true) ||
               find_needle(s, start, end, "</textarea>", true);
    case HTML_END_COMMENT: return find_needle(s, start, end, "-->", false) != 0;
    case HTML_END_PI: return find_needle(s, start, end, "?>", false) != 0;
    case HTML_END_DECLARATION: return memchr(s + start, '>', end - start) != NULL;
    case HTML_END_CDATA: return find_needle(s, start, end, "]]>", false) != 0;
    default: return false;
    }
}

/* A setext underline under the open paragraph: *is_heading says whether it became one. */
static int convert_to_setext(md_reader *rd, int level, bool *is_heading)
{
    uint32_t text_start = 0;
    int rc = WS_OK;
    *is_heading = false;
    WS_TRY(join_pieces(rd));
    WS_TRY(take_definitions(rd, &text_start));
    /* Definitions alone make no heading: the underline is then an ordinary line. */
    *is_heading = text_start < rd->vbuf.len;
    if (*is_heading)
        WS_TRY(emit_joined(rd, style_for(rd, WS_BLOCK_HEADING, (uint8_t)level), MODE_MARKDOWN,
                           text_start));
out:
    rd->leaf = LEAF_NONE;
    rd->pieces.n = 0;
    return rc;
}

/* GFM: a one-line paragraph followed by a delimiter row with as many cells is a table. */
static int try_table_start(md_reader *rd, uint32_t p, uint32_t end, bool *is_table)
{
    uint32_t n_cells, label_end;
    int rc = WS_OK;
    const piece *header = &rd->pieces.v[0];
    const char *s = rd->src;
    *is_table = false;
    if (rd->pieces.n != 1 || !is_delimiter_row(s, p, end, &n_cells) ||
        count_cells(s, header->src_off, header->src_off + header->len) != n_cells)
        return WS_OK;
    WS_TRY(join_pieces(rd));
    if (scan_definition(rd->vbuf.data, 0, (uint32_t)rd->vbuf.len, &label_end))
        goto out;
    *is_table = true;
    WS_TRY(emit_joined(rd, rd->leaf_style, MODE_TABLE_ROW, 0));
    rd->pieces.n = 0;
    rd->leaf = LEAF_TABLE;
out:
    return rc;
}

static int emit_single_line(md_reader *rd, const line *l, uint32_t start, uint32_t end,
                            block_style style, leaf_mode mode)
{
    int rc = WS_OK;
    rd->pieces.n = 0;
    WS_TRY(add_piece(rd, l, start, end));
    WS_TRY(join_pieces(rd));
    WS_TRY(emit_joined(rd, style, mode, 0));
out:
    rd->pieces.n = 0;
    return rc;
}

/* Lines of an open fenced code, indented code or HTML block: *is_taken when consumed. */
static int continue_verbatim_leaf(md_reader *rd, const line *l, cursor c, bool *is_taken)
{
    const char *s = rd->src;
    cursor nb = skip_indent(s, l->end, c);
    int rc = WS_OK;
    *is_taken = true;
    switch (rd->leaf) {
    case LEAF_FENCED_CODE:
        if (nb.col - c.col <= 3 && nb.pos < l->end &&
            is_fence_close(s, nb.pos, l->end, rd->fence_ch, rd->fence_len))
            rd->leaf = LEAF_NONE;
        break;
    case LEAF_INDENTED_CODE:
        if (nb.pos < l->end && nb.col - c.col < 4) {
            rd->leaf = LEAF_NONE;
            *is_taken = false;
        }
        break;
    case LEAF_HTML:
    case LEAF_HTML_RAW:
        if (rd->html_end == HTML_END_BLANK_LINE && nb.pos >= l->end)
            return close_leaf(rd);
        if (rd->leaf == LEAF_HTML && rd->is_emitting)
            WS_TRY(add_piece(rd, l, c.pos, l->end));
        if (line_ends_html(s, c.pos, l->end, rd->html_end))
            WS_TRY(close_leaf(rd));
        break;
    default:
        *is_taken = false;
    }
out:
    return rc;
}

/* Match the open containers: block quotes need their '>', list items their indentation. */
static uint32_t match_containers(md_reader *rd, const line *l, cursor *c)
{
    const char *s = rd->src;
    uint32_t matched = 0;
    for (; matched < rd->n_containers; matched++) {
        container *ct = &rd->containers[matched];
        cursor nb = skip_indent(s, l->end, *c);
        if (ct->kind == CONTAINER_QUOTE) {
            if (nb.col - c->col > 3 || nb.pos >= l->end || s[nb.pos] != '>')
                break;
            *c = after_quote_marker(s, l->end, nb);
        } else if (nb.pos >= l->end) {
            /* A blank line stays in the item, unless the item has been blank all along. */
            if (ct->is_blank_so_far)
                break;
            *c = nb;
        } else if (nb.col - c->col >= ct->content_indent) {
            *c = advance_columns(s, l->end, *c, ct->content_indent);
            ct->is_blank_so_far = false;
        } else {
            break;
        }
    }
    return matched;
}

/*
 * One line, in CommonMark's order: continue the open containers, let an
 * open code or HTML block take it, open new containers and leaves, and
 * otherwise continue the paragraph (lazily when containers did not match).
 */
static int process_line(md_reader *rd, const line *l)
{
    const char *s = rd->src;
    uint32_t end = l->end, tb_fail_at = 0;
    char tb_fail_ch = 0;
    int rc = WS_OK;
    cursor c = {l->start, 0};
    uint32_t matched = match_containers(rd, l, &c);
    bool all_matched = matched == rd->n_containers, has_new_container = false, is_taken = false;
    if (all_matched) {
        WS_TRY(continue_verbatim_leaf(rd, l, c, &is_taken));
        if (is_taken)
            goto out;
    }
    /* New blocks, in cmark's order: each new container lets the loop look again. */
    for (;;) {
        cursor nb = skip_indent(s, end, c);
        uint32_t indent = nb.col - c.col;
        if (nb.pos >= end)
            break;
        if (indent >= 4) {
            if (rd->leaf == LEAF_PARAGRAPH || rd->leaf == LEAF_TABLE)
                break; /* a continuation line, never code */
            WS_TRY(begin_block(rd, matched));
            rd->leaf = LEAF_INDENTED_CODE;
            goto out;
        }
        char ch = s[nb.pos];
        bool is_interrupting = rd->leaf == LEAF_PARAGRAPH && all_matched && !has_new_container;
        if (ch == '>') {
            WS_TRY(close_containers(rd, matched));
            c = after_quote_marker(s, end, nb);
            /* Past the nesting limit, further '>' are consumed but open nothing. */
            if (rd->n_containers < MAX_CONTAINERS) {
                WS_TRY(close_leaf(rd));
                push_container(rd, CONTAINER_QUOTE, 0, false);
                has_new_container = true;
            }
            matched = rd->n_containers;
            continue;
        }
        uint8_t level, html_end;
        uint32_t text_start, text_end;
        bool is_kept;
        if (ch == '#' && parse_atx_heading(s, nb.pos, end, &level, &text_start, &text_end)) {
            WS_TRY(begin_block(rd, matched));
            WS_TRY(emit_single_line(rd, l, text_start, text_end,
                                    style_for(rd, WS_BLOCK_HEADING, level), MODE_MARKDOWN));
            goto out;
        }
        if (parse_fence_open(s, nb.pos, end, &rd->fence_ch, &rd->fence_len)) {
            WS_TRY(begin_block(rd, matched));
            rd->leaf = LEAF_FENCED_CODE;
            goto out;
        }
        if (ch == '<' && find_html_block_start(s, nb.pos, end, rd->leaf != LEAF_PARAGRAPH,
                                               &html_end, &is_kept)) {
            WS_TRY(begin_block(rd, matched));
            rd->leaf = is_kept ? LEAF_HTML : LEAF_HTML_RAW;
            rd->html_end = html_end;
            rd->leaf_style = style_for(rd, WS_BLOCK_PARAGRAPH, 0);
            if (is_kept && rd->is_emitting)
                WS_TRY(add_piece(rd, l, nb.pos, end));
            if (line_ends_html(s, nb.pos, end, html_end))
                WS_TRY(close_leaf(rd));
            goto out;
        }
        int setext = is_interrupting ? setext_level(s, nb.pos, end) : 0;
        if (setext) {
            bool is_heading;
            WS_TRY(convert_to_setext(rd, setext, &is_heading));
            if (is_heading)
                goto out;
        }
        if (is_thematic_break(s, nb.pos, end, &tb_fail_at, &tb_fail_ch)) {
            WS_TRY(begin_block(rd, matched));
            goto out;
        }
        list_marker lm;
        if (rd->n_containers < MAX_CONTAINERS && parse_list_marker(s, nb.pos, end, &lm)) {
            cursor after = {nb.pos + lm.width, nb.col + lm.width};
            cursor sp = skip_indent(s, end, after);
            bool is_empty = sp.pos >= end;
            /* An item interrupts a paragraph only with content, and a numbered one from 1. */
            if (!is_interrupting || (!is_empty && (!lm.is_ordered || lm.number == 1))) {
                WS_TRY(begin_block(rd, matched));
                uint32_t content_col = sp.col;
                if (is_empty || sp.col - after.col > 4) {
                    /* Blank after the marker, or indented code inside the item. */
                    content_col = after.col + 1;
                    sp = is_empty ? sp : advance_columns(s, end, after, 1);
                }
                push_container(rd, CONTAINER_ITEM, content_col - c.col, is_empty);
                c = sp;
                matched = rd->n_containers;
                has_new_container = true;
                continue;
            }
        }
        break;
    }
    cursor nb = skip_indent(s, end, c);
    if (nb.pos >= end) {
        /* A blank line ends paragraphs and tables, and the containers it does not continue. */
        WS_TRY(close_containers(rd, matched));
        if (rd->leaf == LEAF_PARAGRAPH || rd->leaf == LEAF_TABLE)
            WS_TRY(close_leaf(rd));
        goto out;
    }
    uint32_t text_end = trim_end(s, nb.pos, end);
    /* Paragraph text; when containers did not match, a lazy continuation line. */
    if (rd->leaf == LEAF_PARAGRAPH) {
        bool is_table = false;
        if (all_matched)
            WS_TRY(try_table_start(rd, nb.pos, text_end, &is_table));
        if (!is_table)
            WS_TRY(add_piece(rd, l, nb.pos, text_end));
        goto out;
    }
    WS_TRY(close_containers(rd, matched));
    if (rd->leaf == LEAF_TABLE) {
        WS_TRY(emit_single_line(rd, l, nb.pos, text_end, rd->leaf_style, MODE_TABLE_ROW));
        goto out;
    }
    WS_TRY(close_leaf(rd));
    rd->leaf = LEAF_PARAGRAPH;
    rd->leaf_style = style_for(rd, WS_BLOCK_PARAGRAPH, 0);
    WS_TRY(add_piece(rd, l, nb.pos, text_end));
out:
    return rc;
}

static int parse_blocks(md_reader *rd, uint32_t at)
{
    int rc = WS_OK;
    rd->n_containers = 0;
    rd->n_quote_ids = 0;
    rd->leaf = LEAF_NONE;
    rd->pieces.n = 0;
    while (at < rd->src_len) {
        line l = read_line(rd->src, rd->src_len, at);
        WS_TRY(process_line(rd, &l));
        at = l.next;
    }
    WS_TRY(close_containers(rd, 0));
    WS_TRY(close_leaf(rd));
out:
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The document                                                             */
/* ------------------------------------------------------------------------ */

/*
 * The offset after YAML (---) or TOML (+++) front matter at @at, or @at
 * without one. Jekyll and Hugo only take it at the very start, closed.
 */
static uint32_t skip_front_matter(const char *s, uint32_t len, uint32_t at)
{
    line first = read_line(s, len, at);
    if (trim_end(s, first.start, first.end) - first.start != 3)
        return at;
    bool is_yaml = memcmp(s + at, "---", 3) == 0;
    if (!is_yaml && memcmp(s + at, "+++", 3) != 0)
        return at;
    for (uint32_t p = first.next; p < len;) {
        line l = read_line(s, len, p);
        bool is_three = trim_end(s, l.start, l.end) - l.start == 3;
        if (is_three && (memcmp(s + p, is_yaml ? "---" : "+++", 3) == 0 ||
                         (is_yaml && memcmp(s + p, "...", 3) == 0)))
            return l.next;
        p = l.next;
    }
    return at; /* never closed: not front matter */
}

/* Definitions all contain "]:"; without one the first pass has nothing to find. */
static bool may_define_links(const char *s, uint32_t len)
{
    for (const char *p = s; (p = memchr(p, ']', len - (uint32_t)(p - s))) != NULL; p++)
        if ((uint32_t)(p - s) + 1 < len && p[1] == ':')
            return true;
    return false;
}

/* Number the block quotes 1, 2, ... in order, skipping those that left no text. */
static void number_quote_groups(ws_doc *doc)
{
    uint32_t last_id = 0, n = 0;
    for (size_t i = 0; i < doc->blocks.n; i++) {
        ws_block *b = &doc->blocks.v[i];
        if (!b->quote_group)
            continue;
        if (b->quote_group != last_id) {
            last_id = b->quote_group;
            n++;
        }
        b->quote_group = n;
    }
}

/*
 * A comment block opens a block that stays empty; the emitter trims the
 * paragraph break it inserted for it at the end of the text, so a comment
 * after the last text must not point past the end.
 */
static void clamp_comment_offsets(ws_doc *doc)
{
    for (size_t i = 0; i < doc->comments.n; i++)
        if (doc->comments.v[i].text_off > doc->text_len)
            doc->comments.v[i].text_off = doc->text_len;
}

static void release_reader(md_reader *rd)
{
    const ws_allocator *mem = rd->doc->mem;
    ws_emitter_release(&rd->emitter);
    for (size_t i = 0; i < rd->labels.n; i++)
        ws_free(mem, rd->labels.v[i].text);
    ws_free(mem, rd->labels.v);
    ws_free(mem, rd->pieces.v);
    ws_free(mem, rd->marks.v);
    ws_free(mem, rd->events.v);
    ws_free(mem, rd->delims.v);
    ws_free(mem, rd->brackets.v);
    ws_buf_release(&rd->vbuf);
    ws_buf_release(&rd->label_buf);
    ws_free(mem, rd);
}

int ws_read_markdown(ws_doc *doc)
{
    md_reader *rd = ws_calloc(doc->mem, 1, sizeof *rd);
    if (!rd)
        return WS_ENOMEM;
    int rc = WS_OK;
    rd->doc = doc;
    rd->src = doc->src;
    rd->src_len = doc->src_len;
    ws_emitter_init(&rd->emitter, doc);
    ws_buf_init(&rd->vbuf, doc->mem);
    ws_buf_init(&rd->label_buf, doc->mem);
    uint32_t body = 0;
    if (rd->src_len >= 3 && memcmp(rd->src, "\xEF\xBB\xBF", 3) == 0)
        body = 3;
    body = skip_front_matter(rd->src, rd->src_len, body);
    /* Links may use definitions made further down: collect those first. */
    if (may_define_links(rd->src + body, rd->src_len - body)) {
        rd->is_emitting = false;
        WS_TRY(parse_blocks(rd, body));
        if (rd->labels.n)
            qsort(rd->labels.v, rd->labels.n, sizeof *rd->labels.v, compare_labels);
    }
    rd->is_emitting = true;
    WS_TRY(parse_blocks(rd, body));
    WS_TRY(ws_emitter_finish(&rd->emitter));
    number_quote_groups(doc);
    clamp_comment_offsets(doc);
out:
    release_reader(rd);
    return rc;
}
