/*
 * directives.c - suppression directives written in the article, in HTML
 * comments (Markdown, HTML, and plain text on a line of their own):
 *
 *   <!-- whosaid off -->                 nothing is reported until "on"
 *   <!-- whosaid on -->
 *   <!-- whosaid disable News.Hedges --> these rules until "enable"
 *   <!-- whosaid enable News.Hedges -->
 *   <!-- whosaid disable-next-line -->   the next line with text
 *   <!-- whosaid disable-line X Y -->    the line the comment is on
 *
 * Without rule ids a directive applies to every rule. A directive naming a
 * rule no pack has is itself a finding (type "directive").
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "detect/pass.h"
#include "ruleset/ruleset.h"
#include "text/utf8.h"

enum verb { V_OFF, V_ON, V_DISABLE, V_ENABLE, V_NEXT_LINE, V_LINE };

typedef struct directive {
    enum verb verb;
    uint32_t text_off;
    uint32_t line;          /* input line of the comment's end (V_LINE: its start) */
    uint32_t target_line;   /* V_NEXT_LINE: the line it covers */
    const char *ids;        /* space-separated rule ids in the arena, or "" for all */
} directive;

static bool is_blank_line(const ws_doc *doc, uint32_t line)
{
    const ws_offmap *m = &doc->map;
    uint32_t s = m->line_starts.v[line - 1];
    uint32_t e = line < m->line_starts.n ? m->line_starts.v[line] : m->src_len;
    for (uint32_t i = s; i < e; i++)
        if (doc->src[i] != ' ' && doc->src[i] != '\t' && doc->src[i] != '\r' && doc->src[i] != '\n')
            return false;
    return true;
}

/* Does @ids (space-separated, "" for all) cover rule @id? */
static bool covers(const char *ids, const char *id)
{
    if (!*ids)
        return true;
    size_t n = strlen(id);
    for (const char *p = ids; *p;) {
        while (*p == ' ')
            p++;
        size_t k = strcspn(p, " ");
        if (k == n && !strncmp(p, id, n))
            return true;
        p += k;
    }
    return false;
}

/* Parse one comment body; returns false when it is not a directive. */
static bool parse(ws_report *r, const ws_comment *c, directive *d)
{
    const char *b = c->body;
    while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')
        b++;
    if (strncmp(b, "whosaid", 7) != 0 || (b[7] != ' ' && b[7] != '\t'))
        return false;
    b += 7;
    while (*b == ' ' || *b == '\t')
        b++;
    static const struct {
        const char *word;
        enum verb verb;
    } verbs[] = {{"disable-next-line", V_NEXT_LINE}, {"disable-line", V_LINE}, {"disable", V_DISABLE},
                 {"enable", V_ENABLE}, {"off", V_OFF}, {"on", V_ON}};
    size_t wn = strcspn(b, " \t\r\n");
    bool found = false;
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs && !found; i++) {
        if (strlen(verbs[i].word) == wn && !strncmp(b, verbs[i].word, wn)) {
            d->verb = verbs[i].verb;
            found = true;
        }
    }
    if (!found)
        return false;
    b += wn;
    /* The ids, normalized to single spaces (commas allowed too). */
    char *ids = ws_arena_alloc(&r->doc.arena, strlen(b) + 1);
    if (!ids)
        return false;
    size_t n = 0;
    for (; *b; b++) {
        bool sep = *b == ' ' || *b == '\t' || *b == ',' || *b == '\n' || *b == '\r';
        if (sep) {
            if (n && ids[n - 1] != ' ')
                ids[n++] = ' ';
        } else {
            ids[n++] = *b;
        }
    }
    while (n && ids[n - 1] == ' ')
        n--;
    ids[n] = '\0';
    d->ids = ids;
    d->text_off = c->text_off;
    uint32_t col;
    ws_offmap_position(&r->doc.map, c->src_start, &d->line, &col);
    uint32_t end_line;
    ws_offmap_position(&r->doc.map, c->src_end > c->src_start ? c->src_end - 1 : c->src_end,
                       &end_line, &col);
    d->target_line = end_line + 1;
    uint32_t n_lines = ws_offmap_n_lines(&r->doc.map);
    while (d->target_line <= n_lines && is_blank_line(&r->doc, d->target_line))
        d->target_line++;
    return true;
}

/* Directive ids that name no loaded rule: a finding at the comment. */
static int check_ids(ws_report *r, const ws_comment *c, const directive *d, int32_t rule)
{
    const ws_ruleset *rs = &r->ctx->rules;
    for (const char *p = d->ids; *p;) {
        size_t k = strcspn(p, " ");
        char id[256];
        if (k < sizeof id) {
            memcpy(id, p, k);
            id[k] = '\0';
            if (!ws_ruleset_find(rs, id) && rule >= 0 && r->levels[rule] != WS_LEVEL_OFF) {
                char msg[384];
                snprintf(msg, sizeof msg, "the directive names rule '%s', which no loaded pack has", id);
                ws_buf text;
                ws_buf_init(&text, &r->mem);
                const char *fmt = rs->rules.v[rule].message;
                int rc = WS_OK;
                for (const char *m = fmt ? fmt : "%s"; *m && rc >= 0; m++) {
                    if (m[0] == '%' && m[1] == 's') {
                        rc = ws_buf_puts(&text, msg);
                        m++;
                    } else {
                        rc = ws_buf_putc(&text, *m);
                    }
                }
                if (rc >= 0)
                    rc = ws_report_add_finding_text(r, (uint32_t)rule, r->levels[rule], d->text_off,
                                                    d->text_off, text.data ? text.data : msg, NULL);
                ws_buf_release(&text);
                if (rc < 0)
                    return rc;
                ws_find *f = &r->finds.v[r->finds.n - 1];
                f->has_src = true;
                f->src_start = c->src_start;
                f->src_end = c->src_end;
            }
        }
        p += k;
        while (*p == ' ')
            p++;
    }
    return WS_OK;
}

/* Is finding @f silenced by the directives? */
static bool is_suppressed(const ws_report *r, const ws_find *f, const directive *dirs, size_t n,
                          uint32_t line)
{
    const char *id = r->ctx->rules.rules.v[f->rule].id;
    bool off = false;
    /* Regions: the last off/on or disable/enable before the finding wins. */
    for (size_t i = 0; i < n; i++) {
        const directive *d = &dirs[i];
        if (d->verb == V_LINE && d->line == line && covers(d->ids, id))
            return true;
        if (d->verb == V_NEXT_LINE && d->target_line == line && covers(d->ids, id))
            return true;
        if (d->text_off > f->range.start)
            continue;
        if ((d->verb == V_OFF || d->verb == V_DISABLE) && covers(d->ids, id))
            off = true;
        else if ((d->verb == V_ON || d->verb == V_ENABLE) && covers(d->ids, id))
            off = false;
    }
    return off;
}

int ws_pass_directives(ws_report *r)
{
    ws_doc *doc = &r->doc;
    if (doc->comments.n == 0)
        return WS_OK;
    directive *dirs = ws_calloc(&r->mem, doc->comments.n, sizeof *dirs);
    if (!dirs)
        return WS_ENOMEM;
    int32_t directive_rule = -1;
    const ws_ruleset *rs = &r->ctx->rules;
    for (size_t i = rs->rules.n; i-- > 0;)
        if (rs->rules.v[i].kind == WS_RULE_DIRECTIVE) {
            directive_rule = (int32_t)i;
            break;
        }
    size_t n = 0;
    int rc = WS_OK;
    for (size_t i = 0; i < doc->comments.n && rc >= 0; i++) {
        if (!parse(r, &doc->comments.v[i], &dirs[n]))
            continue;
        rc = check_ids(r, &doc->comments.v[i], &dirs[n], directive_rule);
        n++;
    }
    /* Drop what the directives silence (never the directive findings). */
    size_t kept = 0;
    for (size_t i = 0; i < r->finds.n && rc >= 0; i++) {
        ws_find *f = &r->finds.v[i];
        uint32_t line = 0, col;
        ws_offmap_position(&doc->map, ws_offmap_to_src(&doc->map, f->range.start, false), &line, &col);
        if (!f->has_src && is_suppressed(r, f, dirs, n, line))
            continue;
        r->finds.v[kept++] = *f;
    }
    if (rc >= 0)
        r->finds.n = kept;
    ws_free(&r->mem, dirs);
    return rc;
}
