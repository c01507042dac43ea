/*
 * report.h - the definition of ws_report: the document model plus what the
 * detection passes found, and the public views (ws_quotation, ws_statement,
 * ...) that ws_report_* accessors hand out.
 */
#ifndef WS_REPORT_H
#define WS_REPORT_H

#include <string.h>

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
    ws_range cue;                  /* the reporting word or phrase: checks look at it */
    ws_range cue_group;            /* with its auxiliaries, negation and adverbs ("has not
                                    * yet said"): what reports show as the cue */
    const char *cue_lemma;
    ws_cue_class cue_class;
    bool cue_is_noun;              /* "Trump's claim that": a noun, not a verb */
    bool cue_is_plural;            /* a noun cue in the plural ("claims") */
    bool has_source;
    ws_range source;
    int32_t speaker;
    int32_t quotation;
} ws_stmt;

/* A finding while the passes build it (text offsets). */
typedef struct ws_find {
    uint32_t rule;                 /* index in the ruleset */
    ws_level level;
    ws_range range;
    const char *message;           /* in the arena */
    const char *suggestion;        /* in the arena or the ruleset, or NULL */
    bool has_src;                  /* located by input offsets (a directive in a comment) */
    uint32_t src_start;
    uint32_t src_end;
} ws_find;

/* A mention of an entity while the passes build it (token ranges). */
typedef struct ws_ment {
    uint32_t tok_start;            /* the noun phrase [tok_start, tok_end) */
    uint32_t tok_end;
    uint32_t name_start;           /* its proper name, or name_start == name_end */
    uint32_t name_end;
    ws_mention_kind kind;
    ws_entity_type type;
    const char *role;              /* arena strings, or NULL */
    const char *institution;
    const char *country;
    const char *head;              /* lower-case head noun of a nominal ("ministry") */
    uint8_t gender;                /* 0 unknown, 1 male, 2 female, 3 not a person */
    bool is_plural;
    uint32_t n_count;              /* "the three Western nations": 3 */
    int32_t entity;
} ws_ment;

/* An entity while the passes build it. */
typedef struct ws_ent {
    ws_entity_type type;
    const char *name;
    /* The name as first written with its determiner ("the government",
     * "Some experts"), for a speaker known only by a description: readers
     * (and the GGT annotators) name it so; NULL when the name is a name. */
    const char *written_name;
    const char *role;
    const char *institution;
    const char *country;
    const char *head;              /* lower-case head noun ("ministry", "nations") */
    uint8_t gender;
    bool is_business;              /* named as one ("US firm Vonage"): "the company" */
    bool is_plural;
    uint32_t first_member;         /* members in report->members */
    uint32_t n_members;
    uint32_t first_tok;            /* its first mention token + 1 (0 before any) */
    uint32_t last_tok;             /* its latest mention: recency for pronouns */
    uint32_t last_subject_tok;     /* its latest mention as a speaker */
    unsigned n_direct;
    unsigned n_indirect;
} ws_ent;

/* The last word of a name or a role (after its last space): a person's
 * surname, a title's head ("Foreign Minister" -> "Minister"). */
static inline const char *ws_last_word(const char *s)
{
    const char *sp = strrchr(s, ' ');
    return sp ? sp + 1 : s;
}

struct ws_report {
    ws_allocator mem;              /* a copy: the report outlives nothing */
    ws_doc doc;
    const ws_ctx *ctx;             /* only during ws_analyze */
    ws_level *levels;              /* per rule, for this article's path */
    /* The tokens where a rule phrase may start (the word index's
     * WS_STARTS_TRIGGER), in order (attribution; NULL: not known). */
    uint32_t *trigger_toks;
    size_t n_trigger_toks;
    const char **rule_ids;         /* copies of the rule ids, for ws_report_rule_level */
    size_t n_rules;

    WS_ARRAY(ws_stmt) stmts;
    WS_ARRAY(ws_range) stmt_frags;
    WS_ARRAY(ws_find) finds;
    WS_ARRAY(ws_ment) ments;
    WS_ARRAY(ws_ent) ents;
    WS_ARRAY(int32_t) members;     /* entity indexes of groups' members */

    /* Public views, built at the end of the analysis in the arena. */
    ws_quotation *quotations;
    size_t n_quotations;
    ws_statement *statements;
    size_t n_statements;
    ws_entity *entities;
    size_t n_entities;
    ws_problem *problems;
    size_t n_problems;
    ws_finding *findings;
    size_t n_findings;
    ws_level max_level;

    /* Quote verification (verify/verify.c): built by its pass, in the arena. */
    ws_verification *verifications;
    size_t n_verifications;
};

/*
 * Add a finding of rule @rule over text [start, end). @fmt is the rule's
 * message: %s stands for the matched text, %r for @suggestion, %% for %.
 */
int ws_report_add_finding(ws_report *r, uint32_t rule, ws_level level, uint32_t start,
                          uint32_t end, const char *fmt, const char *suggestion);

/* Add a finding whose message is ready (no expansion). */
int ws_report_add_finding_text(ws_report *r, uint32_t rule, ws_level level, uint32_t start,
                               uint32_t end, const char *message, const char *suggestion);

/* Add a statement with content fragments @frags; returns its index or < 0. */
int ws_report_add_stmt(ws_report *r, const ws_stmt *st, const ws_range *frags, size_t n_frags);

/* Build the public views from the model (after every pass). */
int ws_report_finalize(ws_report *r);

#endif
