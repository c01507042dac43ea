/*
 * report.c - the report's public views: quotations, statements, entities and
 * problems located in the input (offsets, lines, columns), and the accessors.
 */
#include "detect/report.h"

#include <stdlib.h>
#include <string.h>

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

static int cmp_problem(const void *a, const void *b)
{
    const ws_doc_problem *x = a, *y = b;
    if (x->range.start != y->range.start)
        return x->range.start < y->range.start ? -1 : 1;
    return (int)x->kind - (int)y->kind;
}

static ws_span *spans_of(ws_report *r, const ws_range *ranges, size_t n)
{
    ws_span *v = ws_arena_calloc(&r->doc.arena, n ? n : 1, sizeof *v);
    if (v)
        for (size_t i = 0; i < n; i++)
            v[i] = ws_doc_span(&r->doc, ranges[i].start, ranges[i].end);
    return v;
}

static int build_quotations(ws_report *r)
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
        p->span = ws_doc_span(doc, q->open.start, q->close.end);
        p->n_fragments = q->n_frags;
        p->fragments = spans_of(r, doc->quote_frags.v + q->frag_first, q->n_frags);
        if (!p->fragments)
            return WS_ENOMEM;
        p->parent = q->parent;
        p->depth = q->depth;
        p->flags = q->flags & 0xFF;
        p->n_words = q->n_words;
        p->statement = q->statement;
    }
    return WS_OK;
}

static int build_statements(ws_report *r)
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
        p->content = spans_of(r, r->stmt_frags.v + s->frag_first, s->n_frags);
        if (!p->content)
            return WS_ENOMEM;
        if (s->has_cue) {
            ws_span *c = spans_of(r, &s->cue, 1);
            if (!c)
                return WS_ENOMEM;
            p->cue = c;
            p->cue_lemma = s->cue_lemma;
            p->cue_class = s->cue_class;
        }
        if (s->has_source) {
            ws_span *c = spans_of(r, &s->source, 1);
            if (!c)
                return WS_ENOMEM;
            p->source = c;
        }
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
        r->problems[i].span = ws_doc_span(doc, p->range.start, p->range.end);
        r->problems[i].message = p->message;
    }
    return WS_OK;
}

int ws_report_finalize(ws_report *r)
{
    int rc;
    if ((rc = build_quotations(r)) < 0 || (rc = build_statements(r)) < 0 ||
        (rc = build_problems(r)) < 0)
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
    ws_doc_release(&r->doc);
    mem.free(mem.ud, r);
}

const char *ws_report_path(const ws_report *r)
{
    return r->doc.path;
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
