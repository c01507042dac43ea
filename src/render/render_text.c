/*
 * render_text.c - the readable listing for an editor's terminal: each
 * finding in compiler style (path:line:col: level: message [Rule]) with its
 * source line and a caret under the match, then a summary per file: the
 * statements by kind with one line each, the quotations checked against the
 * sources (when there are sources) with where each was found and, for near
 * matches, a word diff, the speakers and how often each is quoted, the
 * findings by level.
 */
#include <string.h>
#include <utf8proc.h>

#include "render/escape.h"
#include "render/render.h"

enum {
    EXCERPT_CP = 60,    /* statement excerpts in the listing */
    DIFF_CONTEXT = 3,   /* words of an unchanged run kept beside a difference */
    LINE_MAX_CP = 100,  /* source lines longer than this are shown as a window */
    CONTEXT_CP = 30,    /* code points kept either side of the match in a window */
};

#define BOLD "\033[1m"
#define RESET "\033[0m"
#define RED "\033[31m"
#define GREEN "\033[32m"

static const char *level_color(ws_level level)
{
    switch (level) {
    case WS_LEVEL_ERROR: return "\033[1;31m";
    case WS_LEVEL_WARNING: return "\033[1;33m";
    default: return "\033[1;36m";
    }
}

static int escape_line(ws_buf *out, const char *s, size_t len)
{
    return ws_escape_terminal(out, s, len, 1);
}

static int put_clean(ws_renderer *r, const char *s)
{
    return ws_render_escaped(r, escape_line, s, strlen(s));
}

static int put_color(ws_renderer *r, const char *code)
{
    return r->opts.color ? ws_render_puts(r, code) : WS_OK;
}

/* The first EXCERPT_CP code points of a span's text, with an ellipsis when cut. */

/* The content of a statement or a quotation in one excerpt: its fragments
 * (a split quotation has two) joined by " ... ", the first EXCERPT_CP code
 * points in all, with an ellipsis when cut. Line breaks inside it would
 * break the one-line format: they are escaped. */
static int put_fragments(ws_renderer *r, const ws_report *rep, const ws_span *frags, size_t n)
{
    const char *text = ws_report_text(rep, NULL);
    uint32_t budget = EXCERPT_CP;
    for (size_t f = 0; f < n && r->status >= 0; f++) {
        const ws_span *s = &frags[f];
        if (f)
            ws_render_puts(r, " ... ");
        uint32_t i = s->text_start, n_cp = 0;
        while (i < s->text_end && n_cp < budget) {
            i++;
            while (i < s->text_end && ((unsigned char)text[i] & 0xC0) == 0x80)
                i++;
            n_cp++;
        }
        ws_render_escaped(r, escape_line, text + s->text_start, i - s->text_start);
        budget -= n_cp;
        if (i < s->text_end || (budget == 0 && f + 1 < n))
            return ws_render_puts(r, "...");
    }
    return r->status;
}

/* Is byte @c the continuation of a multi-byte character (10xxxxxx)? */
static bool is_cont(char c)
{
    return ((unsigned char)c & 0xC0) == 0x80;
}

/* The byte @n code points after @i, not past @len; *n_walked says how many there were. */
static uint32_t cp_forward(const char *s, uint32_t len, uint32_t i, uint32_t n, uint32_t *n_walked)
{
    uint32_t k = 0;
    for (; k < n && i < len; k++)
        i = ws_render_cp_next(s, len, i);
    if (n_walked)
        *n_walked = k;
    return i;
}

/* The byte @n code points before @i, not before 0. */
static uint32_t cp_back(const char *s, uint32_t i, uint32_t n)
{
    for (uint32_t k = 0; k < n && i > 0; k++)
        i = ws_render_cp_prev(s, i);
    return i;
}

/* @i moved on to a character boundary, not past @len. */
static uint32_t cp_align(const char *s, uint32_t len, uint32_t i)
{
    if (i > len)
        i = len;
    while (i < len && is_cont(s[i]))
        i++;
    return i;
}

/*
 * Columns a code point takes in the listing. The controls that
 * ws_escape_terminal() shows as '?' take that one column, where utf8proc
 * counts none; a tab counts one, for it is kept as a tab below.
 */
static int term_width(utf8proc_int32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
        return 1;
    return utf8proc_charwidth(cp);
}

/*
 * Blanks as wide as bytes [from, to) of @s on a terminal: tabs stay tabs (so
 * they expand the same way above and below), wide characters take two
 * columns and combining marks none.
 */
static int put_blank(ws_renderer *r, const char *s, uint32_t from, uint32_t to, char fill)
{
    uint32_t i = from;
    while (i < to) {
        utf8proc_int32_t cp = -1;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, to - i, &cp);
        if (n <= 0)
            n = 1, cp = '?';
        int width = term_width(cp);
        if (cp == '\t' && fill == ' ')
            ws_render_put(r, "\t", 1);
        else
            for (int k = 0; k < width; k++)
                ws_render_put(r, &fill, 1);
        i += (uint32_t)n;
    }
    return r->status;
}

/*
 * The source line of a span with a caret and tildes under the matched columns.
 *
 * Everything is found from the span's own byte offsets and columns, walking
 * at most the visible window around the match: counting from the start of
 * the line for each finding would make a long line (a plain-text paragraph
 * is one) with many findings quadratic. The line's length in code points is
 * counted only as far as it changes the output: past LINE_MAX_CP and past
 * the window's right edge, more makes no difference.
 */
static int put_snippet(ws_renderer *r, const ws_report *rep, const ws_span *sp, ws_level level)
{
    uint32_t start, end;
    if (sp->line == 0 || ws_report_line(rep, sp->line, &start, &end) < 0)
        return WS_OK;
    const char *s = ws_report_source(rep, NULL) + start;
    uint32_t len = end - start;
    /* The match in code points [u0, u1) of the line and in bytes [p0, p1) of
     * @s; past the end of the line only a caret. n_cp is the line's length
     * in code points once is_n_known, before that a lower bound. */
    uint32_t n_cp = 0, u0, p0, u1, p1;
    bool is_n_known = false;
    uint32_t col0 = sp->col ? sp->col - 1 : 0;
    if (sp->start >= end) {
        /* On the line break: what lies between is CR and LF, a byte each. */
        u0 = col0 >= sp->start - end ? col0 - (sp->start - end) : 0;
        p0 = len;
        n_cp = u0;
        is_n_known = true;
    } else {
        u0 = col0;
        p0 = cp_align(s, len, sp->start > start ? sp->start - start : 0);
        if (p0 == len) {
            n_cp = u0;
            is_n_known = true;
        }
    }
    if (sp->end_line != sp->line) {
        if (!is_n_known) {
            uint32_t k;
            cp_forward(s, len, p0, UINT32_MAX, &k);
            n_cp = u0 + k;
            is_n_known = true;
        }
        u1 = n_cp;
        p1 = len;
    } else if (!sp->end_col) {
        u1 = u0;
        p1 = p0;
    } else if (sp->end >= end) {
        uint32_t col1 = sp->end_col - 1, past = sp->end - end;
        u1 = col1 >= past ? col1 - past : 0;
        p1 = len;
        n_cp = u1;
        is_n_known = true;
    } else {
        u1 = sp->end_col - 1;
        p1 = cp_align(s, len, sp->end - start);
    }
    if (u1 <= u0) {
        u1 = u0 + 1;
        p1 = ws_render_cp_next(s, len, p0);
    }
    if (!is_n_known) {
        /* Enough to tell a long line and a window cut on the right. */
        uint32_t k, want = LINE_MAX_CP + CONTEXT_CP + 11;
        cp_forward(s, len, p1, want, &k);
        n_cp = u1 + k;
        is_n_known = k < want;
    }
    /* A long line shows a window around the match: code points [w0, w1), bytes [b0, b1). */
    uint32_t w0 = 0, w1 = n_cp;
    if (n_cp > LINE_MAX_CP) {
        w0 = u0 > CONTEXT_CP + 10 ? u0 - CONTEXT_CP : 0;
        w1 = u1 + CONTEXT_CP + 10 < n_cp ? u1 + CONTEXT_CP : n_cp;
    }
    uint32_t b0 = w0 ? cp_back(s, p0, u0 - w0) : 0;
    uint32_t b1 = w1 < n_cp ? cp_forward(s, len, p1, w1 - u1, NULL) : len;
    ws_render_printf(r, "%6u | %s", sp->line, w0 ? "..." : "");
    ws_render_escaped(r, escape_line, s + b0, b1 - b0);
    ws_render_puts(r, w1 < n_cp ? "...\n" : "\n");
    ws_render_puts(r, "       | ");
    ws_render_puts(r, w0 ? "   " : "");
    put_blank(r, s, b0, p0, ' ');
    put_color(r, level_color(level));
    ws_render_put(r, "^", 1);
    if (p0 < len) {
        /* The first code point may be wide: its extra columns are tildes too. */
        utf8proc_int32_t cp = -1;
        utf8proc_iterate((const utf8proc_uint8_t *)s + p0, len - p0, &cp);
        if (term_width(cp) == 2)
            ws_render_put(r, "~", 1);
        uint32_t first_end = ws_render_cp_next(s, len, p0);
        put_blank(r, s, first_end, p1 > first_end ? p1 : first_end, '~');
    }
    put_color(r, RESET);
    return ws_render_puts(r, "\n");
}

static int put_location(ws_renderer *r, const char *path, const ws_span *sp, ws_level level)
{
    put_color(r, BOLD);
    put_clean(r, path);
    if (sp->line) /* a rule that stopped at its limit may have no place */
        ws_render_printf(r, ":%u:%u", sp->line, sp->col);
    ws_render_puts(r, ":");
    put_color(r, RESET);
    ws_render_puts(r, " ");
    put_color(r, level_color(level));
    ws_render_printf(r, "%s:", ws_level_name(level));
    put_color(r, RESET);
    return ws_render_puts(r, " ");
}

/* "Name (role, institution)" */
static int put_entity(ws_renderer *r, const ws_entity *e)
{
    put_clean(r, e->name);
    if (e->role || e->institution) {
        ws_render_puts(r, " (");
        put_clean(r, e->role ? e->role : "");
        ws_render_puts(r, e->role && e->institution ? ", " : "");
        put_clean(r, e->institution ? e->institution : "");
        ws_render_puts(r, ")");
    }
    return r->status;
}

/* Byte length of the first @n words of @s (words separated by single spaces). */
static size_t first_words(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    for (size_t k = 0; i < len; i++)
        if (s[i] == ' ' && ++k == n)
            break;
    return i;
}

/* Byte offset where the last @n words of @s begin. */
static size_t last_words(const char *s, size_t len, size_t n)
{
    size_t i = len;
    for (size_t k = 0; i > 0; i--)
        if (s[i - 1] == ' ' && ++k == n)
            break;
    return i;
}

static size_t n_words(const char *s, size_t len)
{
    size_t n = len > 0;
    for (size_t i = 0; i < len; i++)
        n += s[i] == ' ';
    return n;
}

/* An unchanged run of the diff, cut to the words beside the differences. */
static int put_equal(ws_renderer *r, const char *s, bool is_first, bool is_last)
{
    size_t len = strlen(s), n = n_words(s, len);
    size_t keep_head = is_first ? 0 : DIFF_CONTEXT, keep_tail = is_last ? 0 : DIFF_CONTEXT;
    /* Cutting fewer than DIFF_CONTEXT words would not make the line shorter. */
    if (n <= keep_head + keep_tail + DIFF_CONTEXT || (is_first && is_last))
        return ws_render_escaped(r, escape_line, s, len);
    if (keep_head) {
        ws_render_escaped(r, escape_line, s, first_words(s, len, keep_head));
        ws_render_puts(r, " ");
    }
    ws_render_puts(r, "...");
    if (keep_tail) {
        size_t from = last_words(s, len, keep_tail);
        ws_render_puts(r, " ");
        ws_render_escaped(r, escape_line, s + from, len - from);
    }
    return r->status;
}

static int put_marked(ws_renderer *r, const char *open, const char *s, const char *close,
                      const char *color)
{
    put_color(r, color);
    ws_render_puts(r, open);
    put_clean(r, s);
    ws_render_puts(r, close);
    return put_color(r, RESET);
}

/*
 * The quotation as a word diff against the source, as wdiff writes it:
 * [-source words-] left out or replaced, {+quoted words+} added or put in
 * their place. Edits the quotation marks itself (an ellipsis, words in
 * square brackets) are shown as written.
 */
static int put_diff(ws_renderer *r, const ws_verification *v)
{
    for (size_t k = 0; k < v->n_ops && r->status >= 0; k++) {
        const ws_diff_op *op = &v->ops[k];
        const char *q = op->quote_text ? op->quote_text : "";
        const char *s = op->source_text ? op->source_text : "";
        if (k)
            ws_render_puts(r, " ");
        if (op->kind == WS_DIFF_EQUAL)
            put_equal(r, q, k == 0, k + 1 == v->n_ops);
        else if (op->mark == WS_MARK_ELLIPSIS && !*q)
            ws_render_puts(r, "...");
        else if (op->mark != WS_MARK_NONE)
            put_clean(r, *q ? q : "...");
        else if (op->kind == WS_DIFF_ADDED)
            put_marked(r, "{+", q, "+}", GREEN);
        else if (op->kind == WS_DIFF_DROPPED)
            put_marked(r, "[-", s, "-]", RED);
        else {
            put_marked(r, "[-", s, "-]", RED);
            put_marked(r, "{+", q, "+}", GREEN);
        }
    }
    return r->status;
}

/* One line per quotation checked: where it is, what the sources say. */
static int put_verifications(ws_renderer *r, const ws_report *rep, const char *path,
                             const ws_render_counts *c)
{
    put_clean(r, path);
    ws_render_printf(r, ": %zu %s checked against the sources", c->n_checked,
                     ws_render_plural(c->n_checked, "quotation", "quotations"));
    if (c->n_checked)
        ws_render_printf(r, " (%zu verbatim, %zu near, %zu missing)",
                         c->n_by_status[WS_VERIFY_VERBATIM], c->n_by_status[WS_VERIFY_NEAR],
                         c->n_by_status[WS_VERIFY_MISSING]);
    ws_render_puts(r, "\n");
    for (size_t i = 0; i < c->n_checked; i++) {
        const ws_verification *v = ws_report_verification(rep, i);
        const ws_quotation *q = ws_report_quotation(rep, v->quotation);
        if (!q)
            continue;
        ws_render_printf(r, "  %u:%u %s", q->span.line, q->span.col,
                         ws_verify_status_name(v->status));
        if (v->status == WS_VERIFY_NEAR)
            ws_render_printf(r, " %u%%", v->similarity);
        ws_render_puts(r, " \"");
        if (v->status == WS_VERIFY_NEAR)
            put_diff(r, v);
        else if (q->n_fragments)
            put_fragments(r, rep, q->fragments, q->n_fragments);
        ws_render_puts(r, "\"");
        if (v->source_path) {
            ws_render_puts(r, " at ");
            put_clean(r, v->source_path);
            ws_render_printf(r, ":%u:%u", v->source_span.line, v->source_span.col);
        }
        if (v->source_speaker) {
            ws_render_puts(r, ", speaker in the source: ");
            put_clean(r, v->source_speaker);
        }
        if (v->is_wrong_speaker) {
            ws_render_puts(r, " (the article names ");
            put_clean(r, v->speaker ? v->speaker : "someone else");
            ws_render_puts(r, ")");
        }
        ws_render_puts(r, "\n");
    }
    return r->status;
}

static int put_summary(ws_renderer *r, const ws_report *rep, const char *path)
{
    ws_render_counts c;
    ws_render_count(r, rep, &c);
    size_t n = c.n_statements;
    put_clean(r, path);
    ws_render_printf(r, ": %zu %s", n, ws_render_plural(n, "statement", "statements"));
    if (n)
        ws_render_printf(r, " (%zu direct, %zu partial, %zu indirect)",
                         c.n_by_kind[WS_STATEMENT_DIRECT], c.n_by_kind[WS_STATEMENT_PARTIAL],
                         c.n_by_kind[WS_STATEMENT_INDIRECT]);
    ws_render_puts(r, "\n");
    for (size_t i = 0; i < n; i++) {
        const ws_statement *st = ws_report_statement(rep, i);
        const ws_span *first = &st->content[0];
        ws_render_printf(r, "  %u:%u %s \"", first->line, first->col,
                         ws_statement_kind_name(st->kind));
        put_fragments(r, rep, st->content, st->n_content);
        ws_render_puts(r, "\"");
        const ws_entity *e = st->speaker >= 0 ? ws_report_entity(rep, (size_t)st->speaker) : NULL;
        if (e) {
            ws_render_puts(r, " <- ");
            put_entity(r, e);
        }
        if (st->cue) {
            ws_render_puts(r, " via \"");
            put_fragments(r, rep, st->cue, 1);
            ws_render_puts(r, "\"");
        }
        ws_render_puts(r, "\n");
    }
    if (ws_render_has_sources(r, rep))
        put_verifications(r, rep, path, &c);
    if (c.n_speakers) {
        put_clean(r, path);
        ws_render_printf(r, ": %zu %s\n", c.n_speakers,
                         ws_render_plural(c.n_speakers, "speaker", "speakers"));
        for (size_t i = 0; i < ws_report_n_entities(rep); i++) {
            const ws_entity *e = ws_report_entity(rep, i);
            if (e->n_direct + e->n_indirect == 0)
                continue;
            ws_render_puts(r, "  ");
            put_entity(r, e);
            ws_render_printf(r, ": %u direct, %u indirect\n", e->n_direct, e->n_indirect);
        }
    }
    put_clean(r, path);
    ws_render_printf(r, ": %zu %s", c.n_findings,
                     ws_render_plural(c.n_findings, "finding", "findings"));
    if (c.n_findings)
        ws_render_printf(r, " (%zu %s, %zu %s, %zu %s)", c.n_by_level[WS_LEVEL_ERROR],
                         ws_render_plural(c.n_by_level[WS_LEVEL_ERROR], "error", "errors"),
                         c.n_by_level[WS_LEVEL_WARNING],
                         ws_render_plural(c.n_by_level[WS_LEVEL_WARNING], "warning", "warnings"),
                         c.n_by_level[WS_LEVEL_SUGGESTION],
                         ws_render_plural(c.n_by_level[WS_LEVEL_SUGGESTION], "suggestion",
                                          "suggestions"));
    return ws_render_puts(r, "\n");
}

static int text_report(ws_renderer *r, const ws_report *rep)
{
    const char *path = ws_report_path(rep);
    /* The scanner's other problems reach the reader as News.Unbalanced findings. */
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        if (p->kind != WS_PROBLEM_RULE_LIMIT)
            continue;
        put_location(r, path, &p->span, WS_LEVEL_ERROR);
        put_clean(r, p->message);
        ws_render_printf(r, " [%s]\n", ws_problem_kind_name(p->kind));
    }
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        if (f->level < r->opts.min_level)
            continue;
        put_location(r, path, &f->span, f->level);
        put_clean(r, f->message);
        ws_render_puts(r, " [");
        put_clean(r, f->rule);
        ws_render_puts(r, "]\n");
        put_snippet(r, rep, &f->span, f->level);
        if (f->suggestion) {
            ws_render_puts(r, "       = replace with: ");
            put_clean(r, f->suggestion);
            ws_render_puts(r, "\n");
        }
    }
    return put_summary(r, rep, path);
}

static int text_failure(ws_renderer *r, const char *id, const char *path, const ws_diag *d)
{
    (void)id; /* only the json formats name the caller's id */
    (void)r;
    (void)path;
    (void)d;
    /* The CLI prints input errors on stderr; the listing stays clean. */
    return WS_OK;
}

const ws_render_ops ws_render_text_ops = {
    .name = "text",
    .report = text_report,
    .failure = text_failure,
};
