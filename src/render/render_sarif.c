/*
 * render_sarif.c - SARIF 2.1.0 (OASIS, sarif-v2.1.0-errata01-os), the shape
 * GitHub code scanning accepts: one run whose driver lists the rules of the
 * context with stable ids, one result per finding with a repository-relative
 * location, partialFingerprints from the finding's fingerprint, the source
 * passage of a quotation that differs from it or names another speaker as
 * a related location, and the input failures as tool execution
 * notifications of the invocation.
 */
#include <stdlib.h>
#include <string.h>

#include "core/alloc.h"
#include "render/escape.h"
#include "render/json_writer.h"
#include "render/render.h"
#include "ws_config.h"

/* GitHub code scanning keeps descriptions to 1024 characters. */
enum { SHORT_DESCRIPTION_CP = 120, FULL_DESCRIPTION_CP = 1000 };

/* A notification kept until the invocation is written at the end. */
typedef struct notification {
    char *path;
    char *message;
    uint32_t line, col;
} notification;

typedef struct sarif_state {
    ws_json j;
    ws_buf tmp;
    ws_rule_info *rules;      /* reportable rules, sorted by id: ruleIndex */
    size_t n_rules;
    WS_ARRAY(notification) notes;
} sarif_state;

static sarif_state *S(ws_renderer *r)
{
    return r->state;
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const ws_rule_info *)a)->id, ((const ws_rule_info *)b)->id);
}

/* SARIF §3.27.10: "error", "warning", "note" (or "none"). */
static const char *sarif_level(ws_level level)
{
    switch (level) {
    case WS_LEVEL_ERROR: return "error";
    case WS_LEVEL_WARNING: return "warning";
    case WS_LEVEL_SUGGESTION: return "note";
    default: return "none";
    }
}

/* Append @text with runs of white space (YAML folds leave newlines) as one space. */
static int flatten(sarif_state *s, const char *text, size_t max_cp)
{
    size_t n_cp = 0;
    int rc = WS_OK;
    bool space = false;
    for (const char *p = text; *p && rc >= 0; p++) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            space = s->tmp.len > 0;
            continue;
        }
        if (((unsigned char)*p & 0xC0) != 0x80 && max_cp && ++n_cp > max_cp)
            return ws_buf_puts(&s->tmp, "...");
        if (space)
            rc = ws_buf_putc(&s->tmp, ' ');
        space = false;
        if (rc >= 0)
            rc = ws_buf_putc(&s->tmp, *p);
    }
    return rc;
}

static int put_flat(sarif_state *s, const char *text, size_t max_cp)
{
    s->tmp.len = 0;
    int rc = flatten(s, text, max_cp);
    if (rc < 0)
        return s->j.r->status = rc;
    return ws_json_strn(&s->j, s->tmp.data ? s->tmp.data : "", s->tmp.len);
}

/* The first sentence of a description, for shortDescription. */
static int put_first_sentence(sarif_state *s, const char *text)
{
    const char *end = text;
    while (*end && !((end[0] == '.' || end[0] == ':') && (end[1] == ' ' || end[1] == '\n' || !end[1])))
        end++;
    size_t len = (size_t)(end - text) + (*end == '.' ? 1 : 0);
    char *first = ws_strndup(&s->j.r->mem, text, len);
    if (!first)
        return s->j.r->status = WS_ENOMEM;
    int rc = put_flat(s, first, SHORT_DESCRIPTION_CP);
    ws_free(&s->j.r->mem, first);
    return rc;
}

static int put_message_object(ws_json *j, const char *key, sarif_state *s, const char *text,
                              bool first_sentence)
{
    ws_json_key_str(j, key);
    ws_json_begin_object(j, true);
    ws_json_key(j, "text");
    first_sentence ? put_first_sentence(s, text) : put_flat(s, text, FULL_DESCRIPTION_CP);
    return ws_json_end_object(j);
}

static int put_rule(ws_renderer *r, const ws_rule_info *ri)
{
    sarif_state *s = S(r);
    ws_json *j = &s->j;
    /* A rule without a description is described by its message template. */
    const char *about = ri->description ? ri->description : ri->message ? ri->message : ri->id;
    const char *dot = strchr(ri->id, '.');
    ws_json_begin_object(j, false);
    ws_json_kv_str(j, "id", ri->id);
    ws_json_kv_str(j, "name", dot ? dot + 1 : ri->id);
    put_message_object(j, "shortDescription", s, about, true);
    put_message_object(j, "fullDescription", s, about, false);
    /* help (§3.49.15): the description and where to read more. */
    ws_json_key(j, "help");
    ws_json_begin_object(j, true);
    ws_json_key(j, "text");
    s->tmp.len = 0;
    int rc = flatten(s, about, FULL_DESCRIPTION_CP);
    if (rc >= 0 && ri->link && (rc = ws_buf_puts(&s->tmp, " More: ")) >= 0)
        rc = ws_buf_puts(&s->tmp, ri->link);
    if (rc < 0)
        return r->status = rc;
    ws_json_strn(j, s->tmp.data ? s->tmp.data : "", s->tmp.len);
    ws_json_end_object(j);
    if (ri->link)
        ws_json_kv_str(j, "helpUri", ri->link);
    ws_json_key(j, "defaultConfiguration");
    ws_json_begin_object(j, true);
    if (ri->level == WS_LEVEL_OFF) {
        ws_json_key(j, "enabled");
        ws_json_bool(j, false);
    }
    ws_json_kv_str(j, "level",
                   sarif_level(ri->level != WS_LEVEL_OFF ? ri->level : ri->default_level));
    ws_json_end_object(j);
    ws_json_key(j, "properties");
    ws_json_begin_object(j, true);
    ws_json_key(j, "tags");
    ws_json_begin_array(j, true);
    ws_json_str(j, ri->pack);
    ws_json_str(j, ri->type);
    ws_json_end_array(j);
    ws_json_end_object(j);
    return ws_json_end_object(j);
}

static int sarif_begin(ws_renderer *r)
{
    sarif_state *s = S(r);
    ws_json *j = &s->j;
    ws_json_init(j, r);
    ws_buf_init(&s->tmp, &r->mem);
    size_t n = ws_ctx_n_rules(r->ctx);
    if (n && !(s->rules = ws_calloc(&r->mem, n, sizeof *s->rules)))
        return WS_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        ws_rule_info ri;
        if (ws_ctx_rule(r->ctx, i, &ri) < 0 || ri.is_lexicon || ri.is_replaced)
            continue;
        s->rules[s->n_rules++] = ri;
    }
    if (s->n_rules) /* qsort(NULL, 0) is undefined */
        qsort(s->rules, s->n_rules, sizeof *s->rules, by_id);

    ws_json_begin_object(j, false);
    ws_json_kv_str(j, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    ws_json_kv_str(j, "version", "2.1.0");
    ws_json_key(j, "runs");
    ws_json_begin_array(j, false);
    ws_json_begin_object(j, false);
    ws_json_key(j, "tool");
    ws_json_begin_object(j, false);
    ws_json_key(j, "driver");
    ws_json_begin_object(j, false);
    ws_json_kv_str(j, "name", "whosaid");
    ws_json_kv_str(j, "version", ws_version());
    ws_json_kv_str(j, "semanticVersion", ws_version());
#ifdef WS_HOMEPAGE
    ws_json_kv_str(j, "informationUri", WS_HOMEPAGE);
#endif
    ws_json_key(j, "rules");
    ws_json_begin_array(j, false);
    for (size_t i = 0; i < s->n_rules; i++)
        put_rule(r, &s->rules[i]);
    ws_json_end_array(j);
    ws_json_end_object(j);
    ws_json_end_object(j);
    /* SARIF §3.14.17: columns count Unicode code points, as ws_span's do. */
    ws_json_kv_str(j, "columnKind", "unicodeCodePoints");
    ws_json_key(j, "results");
    return ws_json_begin_array(j, false);
}

/*
 * artifactLocation (§3.4): a relative reference against %SRCROOT% (the
 * checkout, which code scanning resolves), or a file URI for a path
 * outside the base directory.
 */
static int put_artifact(ws_renderer *r, const char *path)
{
    sarif_state *s = S(r);
    ws_json *j = &s->j;
    const char *rel = ws_render_rel_path(r, path);
    s->tmp.len = 0;
    int rc = rel[0] == '/' ? ws_buf_puts(&s->tmp, "file://") : WS_OK;
    if (rc >= 0)
        rc = ws_escape_uri_path(&s->tmp, rel, strlen(rel));
    if (rc < 0)
        return r->status = rc;
    ws_json_key(j, "artifactLocation");
    ws_json_begin_object(j, true);
    ws_json_key(j, "uri");
    ws_json_strn(j, s->tmp.data, s->tmp.len);
    if (rel[0] != '/')
        ws_json_kv_str(j, "uriBaseId", "%SRCROOT%");
    return ws_json_end_object(j);
}

static int put_region(ws_json *j, const ws_report *rep, const ws_span *sp)
{
    ws_json_key(j, "region");
    ws_json_begin_object(j, true);
    ws_json_kv_int(j, "startLine", sp->line);
    ws_json_kv_int(j, "startColumn", sp->col);
    ws_json_kv_int(j, "endLine", sp->end_line);
    ws_json_kv_int(j, "endColumn", sp->end_col); /* §3.30.8: exclusive */
    if (rep && sp->end > sp->start) {
        const char *src = ws_report_source(rep, NULL);
        ws_json_key(j, "snippet");
        ws_json_begin_object(j, true);
        ws_json_key(j, "text");
        ws_json_strn(j, src + sp->start, sp->end - sp->start);
        ws_json_end_object(j);
    }
    return ws_json_end_object(j);
}

static long rule_index(const sarif_state *s, const char *id)
{
    size_t lo = 0, hi = s->n_rules;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s->rules[mid].id, id);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

static int add_note(ws_renderer *r, const char *path, const char *message, uint32_t line,
                    uint32_t col)
{
    sarif_state *s = S(r);
    if (WS_ARRAY_GROW(&r->mem, s->notes) < 0)
        return r->status = WS_ENOMEM;
    notification *n = &s->notes.v[s->notes.n];
    n->path = ws_strdup(&r->mem, path ? path : "");
    n->message = ws_strdup(&r->mem, message ? message : "");
    n->line = line;
    n->col = col;
    if (!n->path || !n->message) {
        ws_free(&r->mem, n->path);
        ws_free(&r->mem, n->message);
        return r->status = WS_ENOMEM;
    }
    s->notes.n++;
    return WS_OK;
}

/* Whether findings of rule @ri point at a quotation's source passage. */
static bool is_about_passage(const sarif_state *s, long ri)
{
    return ri >= 0 && (strcmp(s->rules[ri].type, "quote-near") == 0 ||
                       strcmp(s->rules[ri].type, "quote-speaker") == 0);
}

/*
 * relatedLocations (§3.27.22): "a location relevant to understanding the
 * result", here where the quotation is found in the source, with the
 * passage in its message (§3.28.5). No snippet: the region is in the
 * source file, whose bytes the report does not keep.
 */
static int put_passage(ws_renderer *r, const ws_verification *v)
{
    sarif_state *s = S(r);
    ws_json *j = &s->j;
    ws_json_key(j, "relatedLocations");
    ws_json_begin_array(j, false);
    ws_json_begin_object(j, false);
    ws_json_kv_int(j, "id", 0);
    ws_json_key(j, "physicalLocation");
    ws_json_begin_object(j, false);
    put_artifact(r, v->source_path);
    put_region(j, NULL, &v->source_span);
    ws_json_end_object(j);
    s->tmp.len = 0;
    int rc = ws_buf_printf(&s->tmp, "The source passage: \"%s\"", v->passage ? v->passage : "");
    if (rc >= 0 && v->source_speaker)
        rc = ws_buf_printf(&s->tmp, " (speaker in the source: %s)", v->source_speaker);
    if (rc < 0)
        return r->status = rc;
    ws_json_key(j, "message");
    ws_json_begin_object(j, true);
    ws_json_key(j, "text");
    ws_json_strn(j, s->tmp.data, s->tmp.len);
    ws_json_end_object(j);
    ws_json_end_object(j);
    return ws_json_end_array(j);
}

static int sarif_report(ws_renderer *r, const ws_report *rep)
{
    sarif_state *s = S(r);
    ws_json *j = &s->j;
    const char *path = ws_report_path(rep);
    /* Verifications and findings both run in text order: one pass over each. */
    size_t n_ver = ws_report_n_verifications(rep), vi = 0;
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        if (f->level < r->opts.min_level)
            continue;
        const ws_verification *v = NULL;
        long ri = rule_index(s, f->rule);
        for (; vi < n_ver; vi++) {
            v = ws_report_verification(rep, vi);
            const ws_quotation *q = ws_report_quotation(rep, v->quotation);
            if (q && q->span.text_start >= f->span.text_start) {
                if (q->span.text_start != f->span.text_start)
                    v = NULL;
                break;
            }
            v = NULL;
        }
        ws_json_begin_object(j, false);
        ws_json_kv_str(j, "ruleId", f->rule);
        /* A rule only another configuration's context has: ruleId alone (§3.27.5). */
        if (ri >= 0)
            ws_json_kv_int(j, "ruleIndex", ri);
        ws_json_kv_str(j, "level", sarif_level(f->level));
        ws_json_key(j, "message");
        ws_json_begin_object(j, true);
        ws_json_kv_str(j, "text", f->message);
        ws_json_end_object(j);
        ws_json_key(j, "locations");
        ws_json_begin_array(j, false);
        ws_json_begin_object(j, false);
        ws_json_key(j, "physicalLocation");
        ws_json_begin_object(j, false);
        put_artifact(r, path);
        put_region(j, rep, &f->span);
        ws_json_end_object(j);
        ws_json_end_object(j);
        ws_json_end_array(j);
        if (v && v->source_path && is_about_passage(s, ri))
            put_passage(r, v);
        ws_json_key(j, "partialFingerprints");
        ws_json_begin_object(j, true);
        ws_json_kv_str(j, "whosaid/v1", f->fingerprint);
        ws_json_end_object(j);
        if (f->suggestion) {
            ws_json_key(j, "properties");
            ws_json_begin_object(j, true);
            ws_json_kv_str(j, "suggestion", f->suggestion);
            ws_json_end_object(j);
        }
        ws_json_end_object(j);
    }
    /* A rule stopped at its match limit: the run is incomplete for this file. */
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        if (p->kind == WS_PROBLEM_RULE_LIMIT)
            add_note(r, path, p->message, p->span.line, p->span.col);
    }
    return r->status;
}

static int sarif_failure(ws_renderer *r, const char *id, const char *path, const ws_diag *d)
{
    (void)id; /* only the json formats name the caller's id */
    return add_note(r, path, d->message[0] ? d->message : ws_strerror(d->code), d->line, d->col);
}

static int sarif_end(ws_renderer *r)
{
    sarif_state *s = S(r);
    ws_json *j = &s->j;
    ws_json_end_array(j);
    ws_json_key(j, "invocations");
    ws_json_begin_array(j, false);
    ws_json_begin_object(j, false);
    ws_json_key(j, "executionSuccessful");
    ws_json_bool(j, s->notes.n == 0);
    ws_json_key(j, "toolExecutionNotifications");
    ws_json_begin_array(j, false);
    for (size_t i = 0; i < s->notes.n; i++) {
        const notification *n = &s->notes.v[i];
        ws_json_begin_object(j, false);
        ws_json_kv_str(j, "level", "error");
        ws_json_key(j, "message");
        ws_json_begin_object(j, true);
        ws_json_kv_str(j, "text", n->message);
        ws_json_end_object(j);
        ws_json_key(j, "locations");
        ws_json_begin_array(j, false);
        ws_json_begin_object(j, false);
        ws_json_key(j, "physicalLocation");
        ws_json_begin_object(j, false);
        put_artifact(r, n->path);
        if (n->line) {
            ws_span sp = {0};
            sp.line = sp.end_line = n->line;
            sp.col = sp.end_col = n->col ? n->col : 1;
            put_region(j, NULL, &sp);
        }
        ws_json_end_object(j);
        ws_json_end_object(j);
        ws_json_end_array(j);
        ws_json_end_object(j);
    }
    ws_json_end_array(j);
    ws_json_end_object(j);
    ws_json_end_array(j);
    ws_json_end_object(j); /* the run */
    ws_json_end_array(j);
    ws_json_end_object(j);
    return ws_json_end_document(j);
}

static void sarif_release(ws_renderer *r)
{
    sarif_state *s = S(r);
    if (!s)
        return;
    ws_buf_release(&s->tmp);
    ws_free(&r->mem, s->rules);
    for (size_t i = 0; i < s->notes.n; i++) {
        ws_free(&r->mem, s->notes.v[i].path);
        ws_free(&r->mem, s->notes.v[i].message);
    }
    ws_free(&r->mem, s->notes.v);
}

const ws_render_ops ws_render_sarif_ops = {
    .name = "sarif",
    .state_size = sizeof(sarif_state),
    .begin = sarif_begin,
    .report = sarif_report,
    .failure = sarif_failure,
    .end = sarif_end,
    .release = sarif_release,
};
