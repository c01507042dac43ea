/*
 * report.c - the report's public views: quotations, statements, entities and
 * problems located in the input (offsets, lines, columns), and the accessors.
 */
#include "detect/report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/sort.h"
#include "detect/attr.h"
#include "text/utf8.h"

int ws_report_add_stmt(ws_report *r, const ws_stmt *st, const ws_range *frags, size_t n_frags)
{
    int rc;
    if ((rc = ws_array_reserve(&r->mem, &r->stmt_frags.v, &r->stmt_frags.cap,
                               r->stmt_frags.n + n_frags, sizeof *r->stmt_frags.v)) < 0 ||
        (rc = WS_ARRAY_GROW(&r->mem, r->stmts)) < 0)
        return rc;
    ws_stmt s = *st;
    s.frag_first = (uint32_t)r->stmt_frags.n;
    s.n_frags = (uint32_t)n_frags;
    memcpy(r->stmt_frags.v + r->stmt_frags.n, frags, n_frags * sizeof *frags);
    r->stmt_frags.n += n_frags;
    r->stmts.v[r->stmts.n++] = s;
    return (int)(r->stmts.n - 1);
}

int ws_report_add_finding(ws_report *r, uint32_t rule, ws_level level, uint32_t start,
                          uint32_t end, const char *fmt, const char *suggestion)
{
    ws_doc *doc = &r->doc;
    ws_buf msg;
    ws_buf_init(&msg, &r->mem);
    int rc = WS_OK;
    /* Expand %s and %r by hand: a rule's message is data, never a format.
     * The text between them is copied a run at a time; any other '%'
     * stays as it is. */
    for (const char *p = fmt ? fmt : ""; *p && rc >= 0;) {
        const char *mark = strchr(p, '%');
        size_t run = mark ? (size_t)(mark - p) : strlen(p);
        if ((rc = ws_buf_put(&msg, p, run)) < 0 || !mark)
            break;
        p = mark + 1;
        if (*p == 's') {
            rc = ws_buf_put(&msg, doc->text + start, end - start);
            p++;
        } else if (*p == 'r') {
            rc = ws_buf_puts(&msg, suggestion ? suggestion : "");
            p++;
        } else {
            rc = ws_buf_putc(&msg, '%');
            p += *p == '%';
        }
    }
    if (rc >= 0)
        rc = ws_report_add_finding_text(r, rule, level, start, end, msg.data ? msg.data : "",
                                        suggestion);
    ws_buf_release(&msg);
    return rc;
}

int ws_report_add_finding_text(ws_report *r, uint32_t rule, ws_level level, uint32_t start,
                               uint32_t end, const char *message, const char *suggestion)
{
    /* Both are copied: callers build them in scratch buffers. */
    const char *copy = ws_arena_strdup(&r->doc.arena, message);
    const char *suggestion_copy = suggestion ? ws_arena_strdup(&r->doc.arena, suggestion) : NULL;
    int rc;
    if (!copy || (suggestion && !suggestion_copy))
        return WS_ENOMEM;
    if ((rc = WS_ARRAY_GROW(&r->mem, r->finds)) < 0)
        return rc;
    r->finds.v[r->finds.n++] = (ws_find){rule, level, {start, end}, copy, suggestion_copy, false, 0, 0};
    return WS_OK;
}

static int cmp_problem(const void *a, const void *b)
{
    const ws_doc_problem *x = a, *y = b;
    if (x->range.start != y->range.start)
        return x->range.start < y->range.start ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

/* @n ranges as spans, placed at *@next in the block the caller reserved
 * for them; *@next moves on past them. */
static ws_span *spans_of(ws_report *r, ws_span **next, const ws_range *ranges, size_t n)
{
    ws_span *v = *next;
    for (size_t i = 0; i < n; i++)
        v[i] = ws_doc_span(&r->doc, ranges[i].start, ranges[i].end);
    *next = v + n;
    return v;
}

/*
 * The spans the quotations and statements point to (fragments, contents,
 * cues, sources) in one block of the arena rather than one allocation each
 * (about thirty an article). One span more than needed, so that a view
 * with no spans still has a place to point to.
 */
static ws_span *reserve_view_spans(ws_report *r)
{
    size_t n = 1;
    for (size_t i = 0; i < r->doc.quotes.n; i++)
        n += r->doc.quotes.v[i].n_frags;
    for (size_t i = 0; i < r->stmts.n; i++)
        n += r->stmts.v[i].n_frags + r->stmts.v[i].has_cue + r->stmts.v[i].has_source;
    return ws_arena_calloc(&r->doc.arena, n, sizeof(ws_span));
}

static int build_quotations(ws_report *r, ws_span **spans)
{
    ws_doc *doc = &r->doc;
    r->n_quotations = doc->quotes.n;
    r->quotations = ws_arena_calloc(&doc->arena, doc->quotes.n ? doc->quotes.n : 1,
                                    sizeof *r->quotations);
    if (!r->quotations)
        return WS_ENOMEM;
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const ws_quote *q = &doc->quotes.v[i];
        ws_quotation *p = &r->quotations[i];
        p->span = ws_doc_span(&r->doc, q->open.start, q->close.end);
        p->n_fragments = q->n_frags;
        p->fragments = spans_of(r, spans, doc->quote_frags.v + q->frag_first, q->n_frags);
        p->parent = q->parent;
        p->depth = q->depth;
        p->flags = q->flags & 0xFF;
        p->n_words = q->n_words;
        p->statement = q->statement;
    }
    return WS_OK;
}

static int build_statements(ws_report *r, ws_span **spans)
{
    ws_doc *doc = &r->doc;
    r->n_statements = r->stmts.n;
    r->statements = ws_arena_calloc(&doc->arena, r->stmts.n ? r->stmts.n : 1,
                                    sizeof *r->statements);
    if (!r->statements)
        return WS_ENOMEM;
    for (size_t i = 0; i < r->stmts.n; i++) {
        const ws_stmt *s = &r->stmts.v[i];
        ws_statement *p = &r->statements[i];
        p->kind = s->kind;
        p->n_content = s->n_frags;
        p->content = spans_of(r, spans, r->stmt_frags.v + s->frag_first, s->n_frags);
        if (s->has_cue) {
            p->cue = spans_of(r, spans, &s->cue_group, 1);
            p->cue_lemma = s->cue_lemma;
            p->cue_class = s->cue_class;
        }
        if (s->has_source)
            p->source = spans_of(r, spans, &s->source, 1);
        p->speaker = s->speaker;
        p->quotation = s->quotation;
    }
    return WS_OK;
}

static int build_problems(ws_report *r)
{
    ws_doc *doc = &r->doc;
    if (doc->problems.n)
        qsort(doc->problems.v, doc->problems.n, sizeof *doc->problems.v, cmp_problem);
    r->n_problems = doc->problems.n;
    r->problems = ws_arena_calloc(&doc->arena, doc->problems.n ? doc->problems.n : 1,
                                  sizeof *r->problems);
    if (!r->problems)
        return WS_ENOMEM;
    for (size_t i = 0; i < doc->problems.n; i++) {
        const ws_doc_problem *p = &doc->problems.v[i];
        r->problems[i].kind = p->kind;
        r->problems[i].span = ws_doc_span(&r->doc, p->range.start, p->range.end);
        r->problems[i].message = p->message;
    }
    return WS_OK;
}

/* Findings in output order: by position, then rule id. */
static int cmp_find(const void *a, const void *b, void *ud)
{
    const ws_ruleset *rs = ud;
    const ws_find *x = a, *y = b;
    if (x->range.start != y->range.start)
        return x->range.start < y->range.start ? -1 : 1;
    int c = strcmp(rs->rules.v[x->rule].id, rs->rules.v[y->rule].id);
    if (c)
        return c;
    if (x->range.end != y->range.end)
        return x->range.end < y->range.end ? -1 : 1;
    return strcmp(x->message, y->message);
}

static uint64_t fnv64(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(1099511628211);
    }
    return h;
}

/*
 * A fingerprint from the rule, the matched words and the words around them
 * in their sentence, up to FINGERPRINT_CONTEXT bytes each side (white space
 * and case folded): line numbers do not enter, so it survives edits
 * elsewhere in the article, and its cost does not grow with the sentence.
 */
enum { FINGERPRINT_CONTEXT = 48 };

static uint64_t fingerprint_of(const ws_doc *doc, const char *rule, ws_range range)
{
    uint64_t h = UINT64_C(14695981039346656037);
    h = fnv64(h, rule, strlen(rule) + 1);
    uint32_t ctx_start = range.start, ctx_end = range.end;
    uint32_t tok = ws_doc_token_at(doc, range.start);
    if (tok < doc->tokens.n && doc->sentences.n) {
        const ws_sentence *s = &doc->sentences.v[doc->tokens.v[tok].sentence];
        if (s->start <= range.start && s->end >= range.end) {
            ctx_start = range.start - s->start > FINGERPRINT_CONTEXT
                            ? range.start - FINGERPRINT_CONTEXT : s->start;
            ctx_end = s->end - range.end > FINGERPRINT_CONTEXT ? range.end + FINGERPRINT_CONTEXT
                                                                : s->end;
        }
    }
    const ws_range parts[2] = {range, {ctx_start, ctx_end}};
    for (int p = 0; p < 2; p++) {
        bool in_space = false;
        for (uint32_t i = parts[p].start; i < parts[p].end; i++) {
            unsigned char c = (unsigned char)doc->text[i];
            bool is_space = c == ' ' || c == '\n' || c == '\t';
            if (is_space) {
                in_space = true;
                continue;
            }
            if (in_space)
                h = fnv64(h, " ", 1);
            in_space = false;
            char lc = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
            h = fnv64(h, &lc, 1);
        }
        h = fnv64(h, "", 1);
    }
    return h;
}

typedef struct print_slot {
    uint64_t print;
    size_t index;
} print_slot;

static int cmp_print(const void *a, const void *b)
{
    const print_slot *x = a, *y = b;
    if (x->print != y->print)
        return x->print < y->print ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* What snprintf("%016" PRIx64 ":%u") writes, into @out (28 bytes), without
 * its cost (a tenth of a report's finalizing): the hash in sixteen
 * lower-case hexadecimal digits, a colon and @ordinal in decimal. */
static size_t format_fingerprint(char *out, uint64_t print, unsigned ordinal)
{
    static const char hex[] = "0123456789abcdef";
    for (int k = 15; k >= 0; k--, print >>= 4)
        out[k] = hex[print & 15];
    out[16] = ':';
    char digits[10];
    size_t n_digits = 0, len = 17;
    do {
        digits[n_digits++] = (char)('0' + ordinal % 10);
        ordinal /= 10;
    } while (ordinal);
    while (n_digits)
        out[len++] = digits[--n_digits];
    out[len] = '\0';
    return len;
}

/* Fingerprints: the hash, then ":N" for the Nth finding with the same hash. */
static int set_fingerprints(ws_report *r, const uint64_t *prints, size_t n)
{
    print_slot *slots = ws_calloc(&r->mem, n ? n : 1, sizeof *slots);
    if (!slots)
        return WS_ENOMEM;
    for (size_t i = 0; i < n; i++)
        slots[i] = (print_slot){prints[i], i};
    qsort(slots, n, sizeof *slots, cmp_print);
    int rc = WS_OK;
    unsigned ordinal = 0;
    for (size_t k = 0; k < n && rc >= 0; k++) {
        ordinal = k && slots[k].print == slots[k - 1].print ? ordinal + 1 : 0;
        char fp[28];
        size_t len = format_fingerprint(fp, slots[k].print, ordinal);
        if (!(r->findings[slots[k].index].fingerprint = ws_arena_strndup(&r->doc.arena, fp, len)))
            rc = WS_ENOMEM;
    }
    ws_free(&r->mem, slots);
    return rc;
}

static int build_findings(ws_report *r)
{
    ws_doc *doc = &r->doc;
    const ws_ruleset *rs = &r->ctx->rules;
    size_t n = r->finds.n;
    int rc = ws_sort(r->finds.v, n, sizeof *r->finds.v, cmp_find, (void *)rs, &r->mem);
    if (rc < 0)
        return rc;
    r->n_findings = n;
    r->findings = ws_arena_calloc(&doc->arena, n ? n : 1, sizeof *r->findings);
    uint64_t *prints = ws_calloc(&r->mem, n ? n : 1, sizeof *prints);
    if (!r->findings || !prints) {
        rc = WS_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++) {
        const ws_find *f = &r->finds.v[i];
        const ws_rule *rule = &rs->rules.v[f->rule];
        ws_finding *p = &r->findings[i];
        p->rule = ws_arena_strdup(&doc->arena, rule->id);
        p->level = f->level;
        p->message = f->message;
        p->span = ws_doc_span(&r->doc, f->range.start, f->range.end);
        if (f->has_src) {
            /* A finding about the input itself (a comment): its own place. */
            p->span.start = f->src_start;
            p->span.end = f->src_end;
            ws_offmap_position(&doc->map, f->src_start, &p->span.line, &p->span.col);
            ws_offmap_position(&doc->map, f->src_end, &p->span.end_line, &p->span.end_col);
        }
        p->suggestion = f->suggestion;
        p->link = rule->link ? ws_arena_strdup(&doc->arena, rule->link) : NULL;
        prints[i] = fingerprint_of(doc, rule->id, f->range);
        if (!p->rule || (f->suggestion && !p->suggestion) ||
            (rule->link && !p->link)) {
            rc = WS_ENOMEM;
            goto out;
        }
        if (f->level > r->max_level)
            r->max_level = f->level;
    }
    rc = set_fingerprints(r, prints, n);
out:
    ws_free(&r->mem, prints);
    return rc;
}

/* The rule ids, copied: the report must not depend on the context. All
 * of them in one block of the arena, as every report copies them all: the
 * block the ruleset keeps them in (ws_ruleset_index()), in one copy. */
static int keep_rule_ids(ws_report *r)
{
    const ws_ruleset *rs = &r->ctx->rules;
    size_t n = rs->rules.n;
    r->n_rules = n;
    r->rule_ids = ws_arena_calloc(&r->doc.arena, n ? n : 1, sizeof *r->rule_ids);
    char *ids = ws_arena_alloc(&r->doc.arena, rs->rule_id_bytes ? rs->rule_id_bytes : 1);
    if (!r->rule_ids || !ids)
        return WS_ENOMEM;
    if (rs->rule_id_bytes)
        memcpy(ids, rs->rule_id_text, rs->rule_id_bytes);
    for (size_t i = 0; i < n; i++)
        r->rule_ids[i] = ids + rs->rule_id_starts[i];
    return WS_OK;
}

int ws_report_finalize(ws_report *r)
{
    int rc;
    if ((rc = keep_rule_ids(r)) < 0)
        return rc;
    ws_span *spans = reserve_view_spans(r);
    if (!spans)
        return WS_ENOMEM;
    if ((rc = build_quotations(r, &spans)) < 0 || (rc = build_statements(r, &spans)) < 0 ||
        (rc = ws_entities_finalize(r)) < 0 || (rc = build_problems(r)) < 0 ||
        (rc = build_findings(r)) < 0)
        return rc;
    return WS_OK;
}

void ws_report_free(ws_report *r)
{
    if (!r)
        return;
    ws_allocator mem = r->mem;
    ws_free(&r->mem, r->stmts.v);
    ws_free(&r->mem, r->stmt_frags.v);
    ws_free(&r->mem, r->finds.v);
    ws_free(&r->mem, r->ments.v);
    ws_free(&r->mem, r->ents.v);
    ws_free(&r->mem, r->members.v);
    ws_free(&r->mem, r->levels);
    ws_free(&r->mem, r->trigger_toks);
    ws_doc_release(&r->doc);
    mem.free(mem.ud, r);
}

const char *ws_report_path(const ws_report *r)
{
    return r->doc.path;
}

const char *ws_report_id(const ws_report *r)
{
    return r->doc.id;
}

ws_input_format ws_report_format(const ws_report *r)
{
    return r->doc.format;
}

const char *ws_report_text(const ws_report *r, size_t *len)
{
    if (len)
        *len = r->doc.text_len;
    return r->doc.text;
}

const char *ws_report_source(const ws_report *r, size_t *len)
{
    if (len)
        *len = r->doc.src_len;
    return r->doc.src;
}

uint32_t ws_report_n_lines(const ws_report *r)
{
    return ws_offmap_n_lines(&r->doc.map);
}

int ws_report_line(const ws_report *r, uint32_t line, uint32_t *start, uint32_t *end)
{
    const ws_offmap *m = &r->doc.map;
    if (line == 0 || line > m->line_starts.n)
        return WS_EINVAL;
    uint32_t s = m->line_starts.v[line - 1];
    uint32_t e = line < m->line_starts.n ? m->line_starts.v[line] : m->src_len;
    while (e > s && (m->src[e - 1] == '\n' || m->src[e - 1] == '\r'))
        e--;
    *start = s;
    *end = e;
    return WS_OK;
}

size_t ws_report_n_quotations(const ws_report *r)
{
    return r->n_quotations;
}

const ws_quotation *ws_report_quotation(const ws_report *r, size_t i)
{
    return i < r->n_quotations ? &r->quotations[i] : NULL;
}

size_t ws_report_n_statements(const ws_report *r)
{
    return r->n_statements;
}

const ws_statement *ws_report_statement(const ws_report *r, size_t i)
{
    return i < r->n_statements ? &r->statements[i] : NULL;
}

size_t ws_report_n_entities(const ws_report *r)
{
    return r->n_entities;
}

const ws_entity *ws_report_entity(const ws_report *r, size_t i)
{
    return i < r->n_entities ? &r->entities[i] : NULL;
}

size_t ws_report_n_problems(const ws_report *r)
{
    return r->n_problems;
}

const ws_problem *ws_report_problem(const ws_report *r, size_t i)
{
    return i < r->n_problems ? &r->problems[i] : NULL;
}

size_t ws_report_n_findings(const ws_report *r)
{
    return r->n_findings;
}

const ws_finding *ws_report_finding(const ws_report *r, size_t i)
{
    return i < r->n_findings ? &r->findings[i] : NULL;
}

ws_level ws_report_max_level(const ws_report *r)
{
    return r->max_level;
}

size_t ws_report_keep_findings(ws_report *r, int (*keep)(void *ud, const ws_finding *f), void *ud)
{
    size_t n = 0;
    r->max_level = WS_LEVEL_OFF;
    for (size_t i = 0; i < r->n_findings; i++) {
        if (!keep(ud, &r->findings[i]))
            continue;
        r->findings[n++] = r->findings[i];
        if (r->findings[i].level > r->max_level)
            r->max_level = r->findings[i].level;
    }
    r->n_findings = n;
    return n;
}

ws_level ws_report_rule_level(const ws_report *r, const char *id)
{
    for (size_t i = r->n_rules; i-- > 0;)
        if (!strcmp(r->rule_ids[i], id))
            return r->levels[i];
    return WS_LEVEL_OFF;
}
