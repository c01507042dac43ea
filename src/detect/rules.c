/*
 * rules.c - the pass that runs the generic rules of the packs (existence,
 * substitution, conditional, consistency) over the document.
 *
 * Matching is done once for all rules: every token phrase of every rule sits
 * in one hash lexicon, looked up token by token (extending while a longer
 * phrase may follow), and every pattern runs over each block. The hits are
 * then sorted by rule and each rule decides what is a finding: in scope, not
 * an exception, not an accepted term of the vocabulary.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "detect/pass.h"
#include "detect/scope.h"
#include "doc/tokenize.h"
#include "ruleset/ruleset.h"

typedef struct hit {
    uint32_t rule;
    uint8_t role;
    ws_level level;
    uint32_t item;
    uint32_t start;
    uint32_t end;
    uint32_t tok;            /* first token of the hit */
} hit;

typedef WS_ARRAY(hit) hit_list;

/* The exception hits of the rule being applied (see is_excepted). */
typedef struct exceptions {
    uint32_t *start;
    uint32_t *max_end;
    size_t n;
} exceptions;


typedef struct engine {
    ws_report *r;
    const ws_ruleset *rs;
    hit_list hits;
    ws_scope_map scope;
    uint32_t pattern_rule;   /* for pattern callbacks */
    const ws_rule_pattern *pattern;
    exceptions ex;           /* of the rule being applied */
} engine;

static int add_hit(engine *en, const ws_trigger *t, uint32_t start, uint32_t end, uint32_t tok)
{
    if (en->r->levels[t->rule] == WS_LEVEL_OFF)
        return WS_OK;
    int rc = WS_ARRAY_GROW(&en->r->mem, en->hits);
    if (rc < 0)
        return rc;
    en->hits.v[en->hits.n++] = (hit){t->rule, t->role, t->level, t->item, start, end, tok};
    return WS_OK;
}

/* The hits of the rules of the entry @e of a lexicon, at tokens [i, j]. */
static int add_entry_hits(engine *en, const ws_lex_entry *e, size_t i, size_t j)
{
    const ws_token *tok = en->r->doc.tokens.v;
    for (uint32_t t = e->value; t != UINT32_MAX; t = en->rs->triggers.v[t].next) {
        int rc = add_hit(en, &en->rs->triggers.v[t], tok[i].start, tok[j].end, (uint32_t)i);
        if (rc < 0)
            return rc;
    }
    return WS_OK;
}

/* Every phrase of the case-insensitive lexicon @lex starting at token @i
 * (longest first is not needed: each rule sees all of its phrases that
 * match). The key grows a word at a time and so does its hash; a one-word
 * key is looked up where the document keeps it, without a copy. */
static int match_folded_phrases_at(engine *en, const ws_lexicon *lex, size_t i, ws_buf *key)
{
    const ws_doc *doc = &en->r->doc;
    const ws_token *tok = doc->tokens.v;
    size_t len;
    const char *whole = ws_doc_key(doc, i, &len); /* the key so far: token @i's own, then @key's */
    uint32_t h = ws_lexicon_hash_padded(whole, len);
    for (size_t j = i;;) {
        const ws_lex_entry *e = ws_lexicon_find_hashed(lex, whole, len, h);
        if (!e)
            return WS_OK;
        int rc;
        if ((e->flags & WS_LEX_ENTRY) && (rc = add_entry_hits(en, e, i, j)) < 0)
            return rc;
        if (!(e->flags & WS_LEX_PREFIX))
            return WS_OK;
        j++;
        if (j >= doc->tokens.n || j - i >= lex->max_words || tok[j].sentence != tok[i].sentence ||
            tok[j].kind == WS_TOK_QUOTE)
            return WS_OK;
        /* (Most phrases end here: no phrase goes on with the word.) */
        size_t n;
        const char *next = ws_doc_key(doc, j, &n);
        uint32_t next_hash = ws_lexicon_hash_padded(next, n);
        if (!ws_lexicon_may_follow(lex, next_hash))
            return WS_OK;
        if (whole != key->data) {
            key->len = 0;
            if ((rc = ws_buf_put(key, whole, len)) < 0)
                return rc;
        }
        if ((rc = ws_buf_putc(key, ' ')) < 0 || (rc = ws_buf_put(key, next, n)) < 0)
            return rc;
        h = ws_lexicon_hash_join(h, next_hash);
        whole = key->data;
        len = key->len;
    }
}

/* Every phrase of the case-sensitive lexicon @lex starting at token @i. */
static int match_phrases_at(engine *en, const ws_lexicon *lex, size_t i, ws_buf *key)
{
    const ws_doc *doc = &en->r->doc;
    const ws_token *tok = doc->tokens.v;
    size_t n = doc->tokens.n;
    key->len = 0;
    int rc;
    for (size_t j = i; j < n && j - i < lex->max_words; j++) {
        if (j > i) {
            if (tok[j].sentence != tok[i].sentence || tok[j].kind == WS_TOK_QUOTE)
                break;
            if ((rc = ws_buf_putc(key, ' ')) < 0)
                return rc;
        }
        char tmp[256];
        size_t len = ws_key_of(doc->text, tok[j].start, tok[j].end, false, tmp, sizeof tmp);
        if (!len)
            break;
        if ((rc = ws_buf_put(key, tmp, len)) < 0)
            return rc;
        const ws_lex_entry *e = ws_lexicon_find(lex, key->data, key->len);
        if (!e)
            break;
        if ((e->flags & WS_LEX_ENTRY) && (rc = add_entry_hits(en, e, i, j)) < 0)
            return rc;
        if (!(e->flags & WS_LEX_PREFIX))
            break;
    }
    return WS_OK;
}

static int collect_token_hits(engine *en)
{
    const ws_doc *doc = &en->r->doc;
    const ws_ruleset *rs = en->rs;
    ws_buf key;
    ws_buf_init(&key, &en->r->mem);
    int rc = WS_OK;
    bool has_ci = rs->triggers_ci.n_entries > 0, has_cs = rs->triggers_cs.n_entries > 0;
    /* The word index knows where a case-insensitive phrase may start (the
     * annotation listed those tokens, words all): the others are skipped,
     * and without case-sensitive phrases not even visited. */
    const uint32_t *starts = en->r->trigger_toks;
    size_t n_starts = en->r->n_trigger_toks, next = 0;
    if (starts && !has_cs) {
        for (size_t k = 0; has_ci && k < n_starts && rc >= 0; k++)
            rc = match_folded_phrases_at(en, &rs->triggers_ci, starts[k], &key);
    } else {
        for (size_t i = 0; i < doc->tokens.n && rc >= 0; i++) {
            bool listed = next < n_starts && starts[next] == i;
            next += listed;
            if (doc->tokens.v[i].kind == WS_TOK_QUOTE)
                continue;
            if (has_ci && (!starts || listed))
                rc = match_folded_phrases_at(en, &rs->triggers_ci, i, &key);
            if (rc >= 0 && has_cs)
                rc = match_phrases_at(en, &rs->triggers_cs, i, &key);
        }
    }
    ws_buf_release(&key);
    return rc;
}

static int on_pattern_match(void *ud, size_t start, size_t end)
{
    engine *en = ud;
    const ws_rule_pattern *p = en->pattern;
    ws_trigger t = {p->rule, p->role, 0, p->item, UINT32_MAX};
    return add_hit(en, &t, (uint32_t)start, (uint32_t)end,
                   ws_doc_token_at(&en->r->doc, (uint32_t)start));
}

static int collect_pattern_hits(engine *en, ws_rx_matcher *m)
{
    ws_report *r = en->r;
    const ws_doc *doc = &r->doc;
    const ws_ruleset *rs = en->rs;
    for (size_t p = 0; p < rs->patterns.n; p++) {
        const ws_rule_pattern *pat = &rs->patterns.v[p];
        const ws_rule *rule = &rs->rules.v[pat->rule];
        if (r->levels[pat->rule] == WS_LEVEL_OFF)
            continue;
        en->pattern = pat;
        for (size_t b = 0; b < doc->blocks.n; b++) {
            const ws_block *blk = &doc->blocks.v[b];
            int rc = ws_rx_each(&rs->rx_env, m, &pat->rx, doc->text, blk->start, blk->end,
                                on_pattern_match, en);
            if (rc == WS_ELIMIT) {
                /* A runaway pattern: say which, skip it for this article. */
                rc = ws_doc_add_problem(&r->doc, WS_PROBLEM_RULE_LIMIT, blk->start, blk->start,
                                        "rule %s (%s:%u) stopped at the regular expression "
                                        "match limit and was skipped for this article",
                                        rule->id, rule->path, pat->line);
                if (rc < 0)
                    return rc;
                break;
            }
            if (rc < 0)
                return rc;
        }
    }
    return WS_OK;
}

static int cmp_hit(const void *a, const void *b)
{
    const hit *x = a, *y = b;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1; /* longer first */
    if (x->role != y->role)
        return x->role < y->role ? -1 : 1;
    return x->item < y->item ? -1 : x->item > y->item;
}

/*
 * The exception hits of the rule being applied, by start, with the furthest
 * end reached so far: a match is covered by an exception exactly when some
 * exception starting at or before it reaches its end.
 */
static bool is_excepted(const exceptions *ex, const hit *h)
{
    size_t lo = 0, hi = ex->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ex->start[mid] <= h->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && ex->max_end[lo - 1] >= h->end;
}

static int collect_exceptions(engine *en, const hit *run, size_t n, exceptions *ex)
{
    size_t count = 0;
    for (size_t k = 0; k < n; k++)
        count += run[k].role == WS_ROLE_EXCEPTION;
    ex->n = 0;
    if (!count)
        return WS_OK;
    ex->start = ws_calloc(&en->r->mem, count, sizeof *ex->start);
    ex->max_end = ws_calloc(&en->r->mem, count, sizeof *ex->max_end);
    if (!ex->start || !ex->max_end)
        return WS_ENOMEM;
    uint32_t max_end = 0;
    for (size_t k = 0; k < n; k++) {
        if (run[k].role != WS_ROLE_EXCEPTION)
            continue;
        if (run[k].end > max_end)
            max_end = run[k].end;
        ex->start[ex->n] = run[k].start;
        ex->max_end[ex->n] = max_end;
        ex->n++;
    }
    return WS_OK;
}

/* Accepted terms from the configuration are never flagged. */
static bool is_accepted(const engine *en, const hit *h)
{
    const ws_lexicon *voc = &en->rs->vocabulary;
    if (voc->n_entries == 0)
        return false;
    char key[256];
    size_t len = ws_key_of(en->r->doc.text, h->start, h->end, true, key, sizeof key);
    return len && ws_lexicon_contains(voc, key, len);
}

static bool wanted(const engine *en, const ws_rule *rule, const hit *h)
{
    return h->role == WS_ROLE_MATCH && ws_scope_has(&en->scope, rule->scope, h->tok) &&
           !is_excepted(&en->ex, h) && !is_accepted(en, h);
}

/* Overlapping matches of one rule (a phrase inside a longer one) flag once. */
static bool overlaps_previous(const hit *h, const hit *prev)
{
    return prev && h->start < prev->end;
}

static int apply_existence(engine *en, uint32_t ri, const hit *run, size_t n)
{
    const ws_rule *rule = &en->rs->rules.v[ri];
    const hit *prev = NULL;
    for (size_t k = 0; k < n; k++) {
        const hit *h = &run[k];
        if (!wanted(en, rule, h) || overlaps_previous(h, prev))
            continue;
        prev = h;
        const char *suggestion = rule->kind == WS_RULE_SUBSTITUTION ? rule->swap[h->item] : NULL;
        if (suggestion) {
            /* Already the preferred form (case aside): nothing to say. */
            size_t len = h->end - h->start;
            if (strlen(suggestion) == len && !strncasecmp(en->r->doc.text + h->start, suggestion, len))
                continue;
        }
        /* A per-entry severity counts unless the rule was switched off or
         * its level overridden by the configuration. */
        ws_level level = en->r->levels[ri];
        if (h->level && level == rule->default_level)
            level = h->level;
        int rc = ws_report_add_finding(en->r, ri, level, h->start,
                                       h->end, rule->message, suggestion);
        if (rc < 0)
            return rc;
    }
    return WS_OK;
}

/* Is one of the sorted sentence numbers @seconds within @window of @s? */
static bool has_second_near(const ws_doc *doc, const uint32_t *seconds, size_t n, uint32_t s,
                            uint32_t window)
{
    (void)doc;
    uint32_t lo_s = s > window ? s - window : 0;
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (seconds[mid] < lo_s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && seconds[lo] <= s + window;
}

static int apply_conditional(engine *en, uint32_t ri, const hit *run, size_t n)
{
    const ws_rule *rule = &en->rs->rules.v[ri];
    const ws_doc *doc = &en->r->doc;
    const hit *prev = NULL;
    /* Sentences of the "second" matches; hits are sorted by position, so
     * these come out sorted too. */
    uint32_t *seconds = ws_calloc(&en->r->mem, n, sizeof *seconds);
    if (!seconds)
        return WS_ENOMEM;
    size_t n_seconds = 0;
    for (size_t k = 0; k < n; k++)
        if (run[k].role == WS_ROLE_SECOND)
            seconds[n_seconds++] = doc->tokens.v[run[k].tok].sentence;
    int rc = WS_OK;
    for (size_t k = 0; k < n; k++) {
        const hit *h = &run[k];
        if (!wanted(en, rule, h) || overlaps_previous(h, prev))
            continue;
        prev = h;
        if (has_second_near(doc, seconds, n_seconds, doc->tokens.v[h->tok].sentence, rule->window))
            continue;
        if ((rc = ws_report_add_finding(en->r, ri, en->r->levels[ri], h->start, h->end,
                                        rule->message, NULL)) < 0)
            break;
    }
    ws_free(&en->r->mem, seconds);
    return rc;
}

/* Per set of forms, the first one the article uses is its choice; later
 * uses of other forms of the set are flagged with that choice. */
static int apply_consistency(engine *en, uint32_t ri, const hit *run, size_t n)
{
    const ws_rule *rule = &en->rs->rules.v[ri];
    const ws_doc *doc = &en->r->doc;
    for (uint32_t set = 0; set < rule->n_items; set++) {
        const hit *first = NULL;
        for (size_t k = 0; k < n; k++) {
            const hit *h = &run[k];
            if (h->item / 256 != set || !wanted(en, rule, h))
                continue;
            if (!first) {
                first = h;
                continue;
            }
            if (h->item == first->item)
                continue;
            const char *choice = ws_arena_strndup(&en->r->doc.arena, doc->text + first->start,
                                                  first->end - first->start);
            if (!choice)
                return WS_ENOMEM;
            int rc = ws_report_add_finding(en->r, ri, en->r->levels[ri], h->start, h->end,
                                           rule->message, choice);
            if (rc < 0)
                return rc;
        }
    }
    return WS_OK;
}

/* Is one of the comma-separated @lemmas the cue of a statement of the article? */
static bool has_cue_lemma(const ws_report *r, const char *lemmas)
{
    for (size_t i = 0; i < r->stmts.n; i++) {
        const char *l = r->stmts.v[i].cue_lemma;
        if (!l)
            continue;
        size_t n = strlen(l);
        for (const char *p = lemmas; p && *p;) {
            size_t k = strcspn(p, ",");
            if (k == n && !strncmp(p, l, n))
                return true;
            p += k + (p[k] == ',');
        }
    }
    return false;
}

/*
 * "the alleged attack" is fine when the article says who alleges it (a
 * statement with an alleging cue); otherwise nobody is named as making
 * the allegation.
 */
static int apply_allegation(engine *en, uint32_t ri, const hit *run, size_t n)
{
    const ws_rule *rule = &en->rs->rules.v[ri];
    if (has_cue_lemma(en->r, rule->params[0]))
        return WS_OK;
    return apply_existence(en, ri, run, n);
}

int ws_pass_rules(ws_report *r)
{
    engine en;
    memset(&en, 0, sizeof en);
    en.r = r;
    en.rs = &r->ctx->rules;
    ws_rx_matcher m = {NULL};
    int rc = WS_OK;
    if (en.rs->rules.n == 0)
        return WS_OK;
    WS_TRY(ws_scope_map_build(&en.scope, r));
    WS_TRY(collect_token_hits(&en));
    if (en.rs->patterns.n) {
        WS_TRY(ws_rx_matcher_init(&m, &en.rs->rx_env));
        WS_TRY(collect_pattern_hits(&en, &m));
    }
    if (en.hits.n)
        qsort(en.hits.v, en.hits.n, sizeof *en.hits.v, cmp_hit);
    for (size_t k = 0; k < en.hits.n;) {
        size_t end = k;
        while (end < en.hits.n && en.hits.v[end].rule == en.hits.v[k].rule)
            end++;
        uint32_t ri = en.hits.v[k].rule;
        ws_free(&r->mem, en.ex.start);
        ws_free(&r->mem, en.ex.max_end);
        memset(&en.ex, 0, sizeof en.ex);
        WS_TRY(collect_exceptions(&en, en.hits.v + k, end - k, &en.ex));
        switch (en.rs->rules.v[ri].kind) {
        case WS_RULE_EXISTENCE:
        case WS_RULE_SUBSTITUTION:
            WS_TRY(apply_existence(&en, ri, en.hits.v + k, end - k));
            break;
        case WS_RULE_CONDITIONAL:
            WS_TRY(apply_conditional(&en, ri, en.hits.v + k, end - k));
            break;
        case WS_RULE_CONSISTENCY:
            WS_TRY(apply_consistency(&en, ri, en.hits.v + k, end - k));
            break;
        case WS_RULE_ALLEGATION:
            WS_TRY(apply_allegation(&en, ri, en.hits.v + k, end - k));
            break;
        default:
            /* Editorial checks read their hits in checks.c. */
            break;
        }
        k = end;
    }
out:
    ws_free(&r->mem, en.ex.start);
    ws_free(&r->mem, en.ex.max_end);
    ws_rx_matcher_release(&m);
    ws_scope_map_release(&en.scope, r);
    ws_free(&r->mem, en.hits.v);
    return rc;
}
