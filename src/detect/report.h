/*
 * report.h - the definition of ws_report: the document model plus what the
 * detection passes found, and the public views (ws_quotation, ws_statement,
 * ...) that ws_report_* accessors hand out.
 */
#ifndef WS_REPORT_H
#define WS_REPORT_H

#include "core/alloc.h"
#include "doc/doc.h"
#include "ruleset/context.h"
#include "whosaid.h"

/* A statement while the passes build it (text offsets). */
typedef struct ws_stmt {
    ws_statement_kind kind;
    uint32_t frag_first;           /* fragments in report->stmt_frags */
    uint32_t n_frags;
    bool has_cue;
    ws_range cue;
    const char *cue_lemma;
    ws_cue_class cue_class;
    bool has_source;
    ws_range source;
    int32_t speaker;
    int32_t quotation;
} ws_stmt;

struct ws_report {
    ws_allocator mem;              /* a copy: the report outlives nothing */
    ws_doc doc;
    const ws_ctx *ctx;             /* only during ws_analyze */

    WS_ARRAY(ws_stmt) stmts;
    WS_ARRAY(ws_range) stmt_frags;

    /* Public views, built at the end of the analysis in the arena. */
    ws_quotation *quotations;
    size_t n_quotations;
    ws_statement *statements;
    size_t n_statements;
    ws_entity *entities;
    size_t n_entities;
    ws_problem *problems;
    size_t n_problems;
};

/* Add a statement with content fragments @frags; returns its index or < 0. */
int ws_report_add_stmt(ws_report *r, const ws_stmt *st, const ws_range *frags, size_t n_frags);

/* Build the public views from the model (after every pass). */
int ws_report_finalize(ws_report *r);

#endif
