/*
 * ruleset_load.c - reading rule packs. A pack is a directory, one YAML file
 * per rule (libyaml's document API keeps every node's line and column, so
 * each error names its place), long word lists in .txt files beside them.
 * This file reads the keys every check rule shares and the check types;
 * lexicon_load.c reads the lexicon types.
 */
#include "ruleset/ruleset.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/diag.h"
#include "doc/tokenize.h"
#include "ruleset/ruleset_load.h"

void ws_ruleset_init(ws_ruleset *rs, const ws_allocator *mem)
{
    memset(rs, 0, sizeof *rs);
    rs->mem = mem;
    ws_arena_init(&rs->arena, mem);
    ws_lexicon *lexicons[] = {&rs->triggers_ci,  &rs->triggers_cs,      &rs->abbrev_name,
                              &rs->abbrev_other, &rs->sentence_starters, &rs->elisions,
                              &rs->cues,         &rs->roles,            &rs->institutions, &rs->acronyms,
                              &rs->institution_heads, &rs->business_nouns, &rs->other_offices, &rs->demonyms, &rs->countries,
                              &rs->anonymous,    &rs->pronouns,         &rs->group_nouns,      &rs->group_names,
                              &rs->vocabulary,   &rs->function_words,   &rs->honorifics,
                              &rs->first_names,  &rs->words};
    for (size_t i = 0; i < sizeof lexicons / sizeof *lexicons; i++)
        ws_lexicon_init(lexicons[i], mem);
}

void ws_ruleset_release(ws_ruleset *rs)
{
    ws_lexicon *lexicons[] = {&rs->triggers_ci,  &rs->triggers_cs,      &rs->abbrev_name,
                              &rs->abbrev_other, &rs->sentence_starters, &rs->elisions,
                              &rs->cues,         &rs->roles,            &rs->institutions, &rs->acronyms,
                              &rs->institution_heads, &rs->business_nouns, &rs->other_offices, &rs->demonyms, &rs->countries,
                              &rs->anonymous,    &rs->pronouns,         &rs->group_nouns,      &rs->group_names,
                              &rs->vocabulary,   &rs->function_words,   &rs->honorifics,
                              &rs->first_names,  &rs->words};
    for (size_t i = 0; i < sizeof lexicons / sizeof *lexicons; i++)
        ws_lexicon_release(lexicons[i]);
    ws_free(rs->mem, rs->word_info.v);
    ws_free(rs->mem, rs->cue_slot.v);
    for (size_t i = 0; i < rs->patterns.n; i++)
        ws_rx_free(&rs->patterns.v[i].rx);
    ws_free(rs->mem, rs->patterns.v);
    ws_free(rs->mem, rs->rules.v);
    ws_free(rs->mem, rs->triggers.v);
    ws_free(rs->mem, rs->cue_info.v);
    ws_free(rs->mem, rs->role_info.v);
    ws_free(rs->mem, rs->institution_info.v);
    ws_free(rs->mem, rs->pronoun_info.v);
    ws_free(rs->mem, rs->strings.v);
    if (rs->rx_env.gctx)
        ws_rx_env_release(&rs->rx_env);
    ws_arena_release(&rs->arena);
}

const char *ws_scope_name(ws_scope scope)
{
    switch (scope) {
    case WS_SCOPE_ANY: return "any";
    case WS_SCOPE_NARRATION: return "narration";
    case WS_SCOPE_QUOTE: return "quote";
    case WS_SCOPE_ATTRIBUTION: return "attribution";
    case WS_SCOPE_CUE: return "cue";
    }
    return "unknown";
}

const char *ws_ruleset_intern(ws_ruleset *rs, const char *s, size_t len)
{
    return ws_arena_strndup(&rs->arena, s, len);
}

const ws_rule *ws_ruleset_find(const ws_ruleset *rs, const char *id)
{
    /* Later rules of the same id replace earlier ones: search backwards. */
    for (size_t i = rs->rules.n; i-- > 0;)
        if (strcmp(rs->rules.v[i].id, id) == 0)
            return &rs->rules.v[i];
    return NULL;
}

/* ------------------------------------------------------------------------ */
/* Phrases and patterns of check rules                                      */
/* ------------------------------------------------------------------------ */

typedef struct phrase_ctx {
    ws_ruleset *rs;
    uint32_t rule;
    uint8_t role;
    uint32_t item;
    bool with_level;   /* entries may carry "| level" */
    ws_buf key;
} phrase_ctx;

int ws_ruleset_add_trigger(ws_ruleset *rs, ws_rule_file *rf, const ws_entry *e, const char *phrase,
                           size_t len, bool ignorecase, uint32_t rule, uint8_t role, uint32_t item,
                           ws_level level)
{
    ws_buf key;
    ws_buf_init(&key, rs->mem);
    int n = ws_phrase_key(phrase, len, ignorecase, &key);
    int rc = WS_OK;
    if (n <= 0) {
        rc = n < 0 ? ws_entry_error(rf, e, "phrase too long") : ws_entry_error(rf, e, "empty phrase");
        goto out;
    }
    ws_lexicon *lex = ignorecase ? &rs->triggers_ci : &rs->triggers_cs;
    WS_TRY(WS_ARRAY_GROW(rs->mem, rs->triggers));
    uint32_t idx = (uint32_t)rs->triggers.n;
    uint32_t prev;
    ws_trigger t = {rule, role, level, item, UINT32_MAX};
    /* A phrase may lead to several rules: chain them, newest first. */
    if (ws_lexicon_get(lex, key.data, key.len, &prev))
        t.next = prev;
    rs->triggers.v[rs->triggers.n++] = t;
    WS_TRY(ws_lexicon_add(lex, key.data, key.len, idx));
out:
    ws_buf_release(&key);
    return rc;
}

static int add_phrase_entry(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    phrase_ctx *pc = ud;
    ws_ruleset *rs = pc->rs;
    ws_level level = 0;
    if (e->n_fields > 1) {
        char buf[32];
        int v = pc->with_level ? ws_level_from_name(ws_entry_field(e, 1, buf, sizeof buf)) : -1;
        if (!pc->with_level)
            return ws_entry_error(rf, e, "this list takes one phrase per entry, not fields");
        if (v <= 0)
            return ws_entry_error(rf, e, "unknown level '%s' (suggestion, warning or error)", buf);
        level = (ws_level)v;
    }
    const ws_rule *rule = &rs->rules.v[pc->rule];
    return ws_ruleset_add_trigger(rs, rf, e, e->field[0], e->len[0], rule->ignorecase, pc->rule,
                                  pc->role, pc->item, level);
}

int ws_ruleset_add_phrases(ws_ruleset *rs, ws_rule_file *rf, const yaml_node_t *node, uint32_t rule,
                           uint8_t role, uint32_t item, bool with_level)
{
    phrase_ctx pc = {rs, rule, role, item, with_level, {0}};
    return ws_rule_file_each_entry(rf, node, add_phrase_entry, &pc);
}

int ws_ruleset_add_pattern(ws_ruleset *rs, ws_rule_file *rf, const yaml_node_t *node, uint32_t rule,
                           uint8_t role, uint32_t item)
{
    const char *pattern = ws_yaml_scalar(rf, node);
    if (!pattern || !*pattern)
        return ws_rule_file_error(rf, node, "expected a regular expression");
    int rc = WS_ARRAY_GROW(rs->mem, rs->patterns);
    if (rc < 0)
        return ws_diag_set(rf->diag, rc, rf->path, 0, 0, 0, "out of memory");
    ws_rule_pattern *p = &rs->patterns.v[rs->patterns.n];
    memset(p, 0, sizeof *p);
    char err[256];
    size_t err_off = 0;
    rc = ws_rx_compile(&rs->rx_env, &p->rx, pattern, strlen(pattern), rs->rules.v[rule].ignorecase,
                       err, sizeof err, &err_off);
    if (rc < 0) {
        /* Point at the character PCRE2 complains about, when the pattern is
         * a plain scalar on one line (quoted scalars start one column later). */
        uint32_t col = (uint32_t)node->start_mark.column + 1 + (uint32_t)err_off;
        if (node->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
            node->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
            col++;
        return ws_diag_set(rf->diag, WS_ERULE, rf->path, node->start_mark.index,
                           (uint32_t)node->start_mark.line + 1, col,
                           "%s: bad regular expression at offset %zu: %s", rf->id, err_off, err);
    }
    p->rule = rule;
    p->role = role;
    p->item = item;
    p->line = (uint32_t)node->start_mark.line + 1;
    p->col = (uint32_t)node->start_mark.column + 1;
    rs->patterns.n++;
    return WS_OK;
}

/* A list of patterns or one pattern. */
static int add_patterns(ws_ruleset *rs, ws_rule_file *rf, const yaml_node_t *node, uint32_t rule,
                        uint8_t role, uint32_t item)
{
    int rc = WS_OK;
    if (node->type == YAML_SEQUENCE_NODE) {
        for (size_t i = 0; i < ws_yaml_len(node) && rc >= 0; i++)
            rc = ws_ruleset_add_pattern(rs, rf, ws_yaml_item(rf, node, i), rule, role, item);
        return rc;
    }
    return ws_ruleset_add_pattern(rs, rf, node, rule, role, item);
}

/*
 * A matcher: a list of phrases (or a .txt file), or a mapping with "tokens"
 * and/or "raw" (regular expressions).
 */
static int add_matcher(ws_ruleset *rs, ws_rule_file *rf, const yaml_node_t *node, uint32_t rule,
                       uint8_t role, bool with_level)
{
    if (node->type != YAML_MAPPING_NODE)
        return ws_ruleset_add_phrases(rs, rf, node, rule, role, 0, with_level);
    static const char *const keys[] = {"tokens", "raw", NULL};
    int rc = ws_rule_file_check_keys(rf, node, keys);
    const yaml_node_t *n;
    if (rc >= 0 && (n = ws_yaml_get(rf, node, "tokens")))
        rc = ws_ruleset_add_phrases(rs, rf, n, rule, role, 0, with_level);
    if (rc >= 0 && (n = ws_yaml_get(rf, node, "raw")))
        rc = add_patterns(rs, rf, n, rule, role, 0);
    if (rc >= 0 && !ws_yaml_get(rf, node, "tokens") && !ws_yaml_get(rf, node, "raw"))
        rc = ws_rule_file_error(rf, node, "a matcher needs 'tokens' or 'raw'");
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Keys every check rule has                                                */
/* ------------------------------------------------------------------------ */

static int read_bool(ws_rule_file *rf, const yaml_node_t *n, bool *out)
{
    const char *s = ws_yaml_scalar(rf, n);
    if (s && (!strcmp(s, "true") || !strcmp(s, "yes"))) {
        *out = true;
        return WS_OK;
    }
    if (s && (!strcmp(s, "false") || !strcmp(s, "no"))) {
        *out = false;
        return WS_OK;
    }
    return ws_rule_file_error(rf, n, "expected true or false");
}

static const char *intern_scalar(ws_ruleset *rs, ws_rule_file *rf, const yaml_node_t *n, int *rc)
{
    const char *s = ws_yaml_scalar(rf, n);
    if (!s) {
        *rc = ws_rule_file_error(rf, n, "expected a string");
        return NULL;
    }
    const char *copy = ws_ruleset_intern(rs, s, strlen(s));
    if (!copy)
        *rc = ws_diag_set(rf->diag, WS_ENOMEM, rf->path, 0, 0, 0, "out of memory");
    return copy;
}

static int read_examples(ws_ruleset *rs, ws_rule_file *rf, const yaml_node_t *n, ws_rule *rule)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return ws_rule_file_error(rf, n, "'examples' must be a list of 'flag:' and 'ok:' texts");
    size_t count = ws_yaml_len(n);
    rule->examples = ws_arena_calloc(&rs->arena, count ? count : 1, sizeof *rule->examples);
    if (!rule->examples)
        return WS_ENOMEM;
    for (size_t i = 0; i < count; i++) {
        const yaml_node_t *item = ws_yaml_item(rf, n, i);
        const yaml_node_t *k = NULL, *v = NULL;
        if (item->type != YAML_MAPPING_NODE || ws_yaml_len(item) != 1)
            return ws_rule_file_error(rf, item, "an example is 'flag: TEXT' or 'ok: TEXT'");
        ws_yaml_pair(rf, item, 0, &k, &v);
        const char *kind = ws_yaml_scalar(rf, k);
        bool should_flag;
        if (kind && !strcmp(kind, "flag"))
            should_flag = true;
        else if (kind && !strcmp(kind, "ok"))
            should_flag = false;
        else
            return ws_rule_file_error(rf, k, "an example is 'flag: TEXT' or 'ok: TEXT'");
        int rc = WS_OK;
        const char *text = intern_scalar(rs, rf, v, &rc);
        if (!text)
            return rc;
        rule->examples[rule->n_examples++] =
            (ws_rule_example){should_flag, text, (uint32_t)v->start_mark.line + 1};
    }
    return WS_OK;
}

/* The keys of all check rules; each type adds its own. */
static const char *const common_keys[] = {"type", "message", "level", "scope", "link",
                                          "description", "ignorecase", "examples"};

static bool is_common_key(const char *k)
{
    for (size_t i = 0; i < sizeof common_keys / sizeof *common_keys; i++)
        if (!strcmp(common_keys[i], k))
            return true;
    return false;
}

/* Unknown keys: neither common nor in @own (NULL-terminated). */
static int check_rule_keys(ws_rule_file *rf, const char *const *own)
{
    const yaml_node_t *map = rf->root;
    for (size_t i = 0; i < ws_yaml_len(map); i++) {
        const yaml_node_t *k = NULL, *v = NULL;
        ws_yaml_pair(rf, map, i, &k, &v);
        const char *s = ws_yaml_scalar(rf, k);
        if (!s)
            return ws_rule_file_error(rf, k, "keys must be strings");
        bool known = is_common_key(s);
        for (size_t j = 0; own[j] && !known; j++)
            known = !strcmp(own[j], s);
        if (!known)
            return ws_rule_file_error(rf, k, "unknown key '%s' for a rule of type '%s'", s,
                                      ws_yaml_scalar(rf, ws_yaml_get(rf, map, "type")));
    }
    return WS_OK;
}

static int read_common(ws_ruleset *rs, ws_rule_file *rf, ws_rule *rule, ws_scope default_scope,
                       bool needs_message)
{
    int rc = WS_OK;
    const yaml_node_t *n;
    rule->scope = default_scope;
    rule->level = rule->default_level = WS_LEVEL_WARNING;
    rule->ignorecase = true;
    if ((n = ws_yaml_get(rf, rf->root, "message"))) {
        if (!(rule->message = intern_scalar(rs, rf, n, &rc)))
            return rc;
    } else if (needs_message) {
        return ws_rule_file_error(rf, rf->root, "missing 'message'");
    }
    if ((n = ws_yaml_get(rf, rf->root, "level"))) {
        int v = ws_level_from_name(ws_yaml_scalar(rf, n));
        if (v <= 0)
            return ws_rule_file_error(rf, n, "'level' must be suggestion, warning or error");
        rule->level = rule->default_level = (ws_level)v;
        rule->has_level_key = true;
    }
    if ((n = ws_yaml_get(rf, rf->root, "scope"))) {
        const char *s = ws_yaml_scalar(rf, n);
        static const ws_scope scopes[] = {WS_SCOPE_ANY, WS_SCOPE_NARRATION, WS_SCOPE_QUOTE,
                                          WS_SCOPE_ATTRIBUTION, WS_SCOPE_CUE};
        bool found = false;
        for (size_t i = 0; i < sizeof scopes / sizeof *scopes && s && !found; i++)
            if (!strcmp(s, ws_scope_name(scopes[i]))) {
                rule->scope = scopes[i];
                found = true;
            }
        if (!found)
            return ws_rule_file_error(rf, n, "'scope' must be narration, quote, attribution, cue or any");
    }
    if ((n = ws_yaml_get(rf, rf->root, "link")) && !(rule->link = intern_scalar(rs, rf, n, &rc)))
        return rc;
    if ((n = ws_yaml_get(rf, rf->root, "description")) &&
        !(rule->description = intern_scalar(rs, rf, n, &rc)))
        return rc;
    if ((n = ws_yaml_get(rf, rf->root, "ignorecase")) &&
        (rc = read_bool(rf, n, &rule->ignorecase)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, rf->root, "examples")) && (rc = read_examples(rs, rf, n, rule)) < 0)
        return rc;
    return WS_OK;
}

/* ------------------------------------------------------------------------ */
/* Check types                                                              */
/* ------------------------------------------------------------------------ */

static int require(ws_rule_file *rf, const char *key, const yaml_node_t **out)
{
    *out = ws_yaml_get(rf, rf->root, key);
    if (!*out)
        return ws_rule_file_error(rf, rf->root, "missing '%s'", key);
    return WS_OK;
}

static int load_existence(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"tokens", "raw", "exceptions", NULL};
    int rc;
    const yaml_node_t *n;
    if ((rc = check_rule_keys(rf, own)) < 0)
        return rc;
    const yaml_node_t *tokens = ws_yaml_get(rf, rf->root, "tokens");
    const yaml_node_t *raw = ws_yaml_get(rf, rf->root, "raw");
    if (!tokens && !raw)
        return ws_rule_file_error(rf, rf->root, "an existence rule needs 'tokens' or 'raw'");
    if (tokens && (rc = ws_ruleset_add_phrases(rs, rf, tokens, idx, WS_ROLE_MATCH, 0, true)) < 0)
        return rc;
    if (raw && (rc = add_patterns(rs, rf, raw, idx, WS_ROLE_MATCH, 0)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, rf->root, "exceptions")))
        return add_matcher(rs, rf, n, idx, WS_ROLE_EXCEPTION, false);
    return WS_OK;
}

static int load_substitution(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"swap", "raw", "exceptions", NULL};
    int rc;
    const yaml_node_t *swap, *n;
    if ((rc = check_rule_keys(rf, own)) < 0 || (rc = require(rf, "swap", &swap)) < 0)
        return rc;
    bool is_raw = false;
    if ((n = ws_yaml_get(rf, rf->root, "raw")) && (rc = read_bool(rf, n, &is_raw)) < 0)
        return rc;
    if (swap->type != YAML_MAPPING_NODE || ws_yaml_len(swap) == 0)
        return ws_rule_file_error(rf, swap, "'swap' must map each phrase to its replacement");
    ws_rule *rule = &rs->rules.v[idx];
    size_t count = ws_yaml_len(swap);
    rule->swap = ws_arena_calloc(&rs->arena, count, sizeof *rule->swap);
    if (!rule->swap)
        return WS_ENOMEM;
    for (size_t i = 0; i < count; i++) {
        const yaml_node_t *k = NULL, *v = NULL;
        ws_yaml_pair(rf, swap, i, &k, &v);
        if (!(rule->swap[i] = intern_scalar(rs, rf, v, &rc)))
            return rc;
        rule = &rs->rules.v[idx];
        rule->n_items = (uint32_t)i + 1;
        if (is_raw)
            rc = ws_ruleset_add_pattern(rs, rf, k, idx, WS_ROLE_MATCH, (uint32_t)i);
        else
            rc = ws_ruleset_add_phrases(rs, rf, k, idx, WS_ROLE_MATCH, (uint32_t)i, false);
        if (rc < 0)
            return rc;
    }
    if ((n = ws_yaml_get(rf, rf->root, "exceptions")))
        return add_matcher(rs, rf, n, idx, WS_ROLE_EXCEPTION, false);
    return WS_OK;
}

static int load_conditional(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"first", "second", "window", "exceptions", NULL};
    int rc;
    const yaml_node_t *first, *second, *n;
    if ((rc = check_rule_keys(rf, own)) < 0 || (rc = require(rf, "first", &first)) < 0 ||
        (rc = require(rf, "second", &second)) < 0)
        return rc;
    if ((rc = add_matcher(rs, rf, first, idx, WS_ROLE_MATCH, false)) < 0 ||
        (rc = add_matcher(rs, rf, second, idx, WS_ROLE_SECOND, false)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, rf->root, "window"))) {
        const char *s = ws_yaml_scalar(rf, n);
        char *end = NULL;
        long v = s ? strtol(s, &end, 10) : -1;
        if (!s || *end || v < 0 || v > 100)
            return ws_rule_file_error(rf, n, "'window' must be a number of sentences from 0 to 100");
        rs->rules.v[idx].window = (uint32_t)v;
    }
    if ((n = ws_yaml_get(rf, rf->root, "exceptions")))
        return add_matcher(rs, rf, n, idx, WS_ROLE_EXCEPTION, false);
    return WS_OK;
}

static int load_consistency(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"either", NULL};
    int rc;
    const yaml_node_t *either;
    if ((rc = check_rule_keys(rf, own)) < 0 || (rc = require(rf, "either", &either)) < 0)
        return rc;
    if (either->type != YAML_SEQUENCE_NODE || ws_yaml_len(either) == 0)
        return ws_rule_file_error(rf, either, "'either' must be a list of sets of forms");
    /* Item = the set index * 256 + the form index: one number per form. */
    for (size_t s = 0; s < ws_yaml_len(either); s++) {
        const yaml_node_t *set = ws_yaml_item(rf, either, s);
        if (set->type != YAML_SEQUENCE_NODE || ws_yaml_len(set) < 2 || ws_yaml_len(set) > 255)
            return ws_rule_file_error(rf, set, "each set lists two or more forms, such as [OK, okay]");
        for (size_t f = 0; f < ws_yaml_len(set); f++) {
            const yaml_node_t *form = ws_yaml_item(rf, set, f);
            if ((rc = ws_ruleset_add_phrases(rs, rf, form, idx, WS_ROLE_MATCH,
                                             (uint32_t)(s * 256 + f), false)) < 0)
                return rc;
        }
        rs->rules.v[idx].n_items = (uint32_t)s + 1;
    }
    return WS_OK;
}

/* Editorial checks: keys of their own are string parameters. */
static int load_check(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx, const char *const *own)
{
    int rc;
    if ((rc = check_rule_keys(rf, own)) < 0)
        return rc;
    ws_rule *rule = &rs->rules.v[idx];
    size_t n_own = 0;
    while (own[n_own])
        n_own++;
    rule->params = ws_arena_calloc(&rs->arena, n_own ? n_own : 1, sizeof *rule->params);
    if (!rule->params)
        return WS_ENOMEM;
    rule->n_params = (uint32_t)n_own;
    for (size_t i = 0; i < n_own; i++) {
        const yaml_node_t *n = ws_yaml_get(rf, rf->root, own[i]);
        if (!n)
            continue;
        if (n->type == YAML_SEQUENCE_NODE) {
            /* A list parameter is kept as its items joined by commas. */
            ws_buf b;
            ws_buf_init(&b, rs->mem);
            for (size_t k = 0; k < ws_yaml_len(n) && rc >= 0; k++) {
                const char *s = ws_yaml_scalar(rf, ws_yaml_item(rf, n, k));
                if (!s)
                    rc = ws_rule_file_error(rf, ws_yaml_item(rf, n, k), "expected a string");
                else if ((rc = ws_buf_puts(&b, k ? "," : "")) >= 0)
                    rc = ws_buf_puts(&b, s);
            }
            rule->params[i] = rc >= 0 ? ws_ruleset_intern(rs, b.data ? b.data : "", b.len) : NULL;
            ws_buf_release(&b);
            if (rc < 0)
                return rc;
        } else if (!(rule->params[i] = intern_scalar(rs, rf, n, &rc))) {
            return rc;
        }
    }
    return WS_OK;
}

static int load_unattributed(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"min_words", NULL};
    return load_check(rs, rf, idx, own);
}

static int load_unbalanced(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {NULL};
    return load_check(rs, rf, idx, own);
}

static int load_loaded_cue(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"classes",  "replacement", "unless_followed_by",
                                      "denials", "accusations", "noun_replacement", NULL};
    int rc = load_check(rs, rf, idx, own);
    if (rc < 0)
        return rc; /* the parameters may not exist (an unknown key) */
    const ws_rule *rule = &rs->rules.v[idx];
    if (!rule->params[0])
        return ws_rule_file_error(rf, rf->root, "a loaded-cue rule needs 'classes'");
    /* Every class named must exist: a typo would silently check nothing. */
    const char *cls = rule->params[0];
    while (rc >= 0 && cls && *cls) {
        size_t n = strcspn(cls, ",");
        bool known = false;
        for (int c = WS_CUE_NEUTRAL; c <= WS_CUE_GUILT && !known; c++)
            known = strlen(ws_cue_class_name((ws_cue_class)c)) == n &&
                    !strncmp(ws_cue_class_name((ws_cue_class)c), cls, n);
        if (!known)
            rc = ws_rule_file_error(rf, ws_yaml_get(rf, rf->root, "classes"),
                                    "unknown cue class '%.*s' (neutral, endorsing, distancing, guilt)",
                                    (int)n, cls);
        cls += n + (cls[n] == ',');
    }
    return rc;
}

static int load_allegation(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"by", "tokens", "exceptions", NULL};
    int rc = load_check(rs, rf, idx, own);
    const yaml_node_t *tokens, *n;
    if (rc < 0 || (rc = require(rf, "tokens", &tokens)) < 0)
        return rc;
    if (!rs->rules.v[idx].params[0])
        return ws_rule_file_error(rf, rf->root, "an allegation rule needs 'by' (the cues of an alleger)");
    if ((rc = ws_ruleset_add_phrases(rs, rf, tokens, idx, WS_ROLE_MATCH, 0, false)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, rf->root, "exceptions")))
        return add_matcher(rs, rf, n, idx, WS_ROLE_EXCEPTION, false);
    return WS_OK;
}

static int load_naming(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"check", NULL};
    int rc = load_check(rs, rf, idx, own);
    /* On an unknown key load_check fails before it allocates the parameters. */
    const char *check = rc >= 0 ? rs->rules.v[idx].params[0] : NULL;
    if (rc >= 0 && (!check || (strcmp(check, "surname-first") && strcmp(check, "titles") &&
                               strcmp(check, "spelling") && strcmp(check, "role"))))
        rc = ws_rule_file_error(rf, ws_yaml_get(rf, rf->root, "check") ? ws_yaml_get(rf, rf->root, "check") : rf->root,
                                "'check' must be surname-first, titles, spelling or role");
    return rc;
}

static int load_directive(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {NULL};
    return load_check(rs, rf, idx, own);
}

/* 'plural' and 'singular': the words for one anonymous source and several. */
static int load_plural_source(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"plural", "singular", NULL};
    int rc = load_check(rs, rf, idx, own);
    if (rc >= 0 && (!rs->rules.v[idx].params[0] || !rs->rules.v[idx].params[1]))
        rc = ws_rule_file_error(rf, rf->root, "a plural-source rule needs 'plural' and 'singular'");
    return rc;
}

/* Quote verification: 'source' is the text the rule's examples are checked against. */
static int load_quote_check(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx)
{
    static const char *const own[] = {"source", NULL};
    int rc = load_check(rs, rf, idx, own);
    if (rc >= 0 && !rs->rules.v[idx].params[0])
        rc = ws_rule_file_error(rf, rf->root, "a quote verification rule needs 'source': the text "
                                              "its examples are checked against");
    return rc;
}

typedef struct check_type {
    const char *name;
    ws_rule_kind kind;
    ws_scope default_scope;
    int (*load)(ws_ruleset *rs, ws_rule_file *rf, uint32_t idx);
} check_type;

static const check_type check_types[] = {
    {"existence", WS_RULE_EXISTENCE, WS_SCOPE_ANY, load_existence},
    {"substitution", WS_RULE_SUBSTITUTION, WS_SCOPE_ANY, load_substitution},
    {"conditional", WS_RULE_CONDITIONAL, WS_SCOPE_ANY, load_conditional},
    {"consistency", WS_RULE_CONSISTENCY, WS_SCOPE_ANY, load_consistency},
    {"unattributed", WS_RULE_UNATTRIBUTED, WS_SCOPE_QUOTE, load_unattributed},
    {"unbalanced", WS_RULE_UNBALANCED, WS_SCOPE_ANY, load_unbalanced},
    {"loaded-cue", WS_RULE_LOADED_CUE, WS_SCOPE_ATTRIBUTION, load_loaded_cue},
    {"allegation", WS_RULE_ALLEGATION, WS_SCOPE_NARRATION, load_allegation},
    {"naming", WS_RULE_NAMING, WS_SCOPE_ANY, load_naming},
    {"directive", WS_RULE_DIRECTIVE, WS_SCOPE_ANY, load_directive},
    {"plural-source", WS_RULE_PLURAL_SOURCE, WS_SCOPE_ATTRIBUTION, load_plural_source},
    {"quote-missing", WS_RULE_QUOTE_MISSING, WS_SCOPE_QUOTE, load_quote_check},
    {"quote-near", WS_RULE_QUOTE_NEAR, WS_SCOPE_QUOTE, load_quote_check},
    {"quote-speaker", WS_RULE_QUOTE_SPEAKER, WS_SCOPE_QUOTE, load_quote_check},
};

/* ------------------------------------------------------------------------ */
/* Files and packs                                                          */
/* ------------------------------------------------------------------------ */

/* Add a rule record for @rf; a rule of the same id loaded before is replaced. */
static int new_rule(ws_ruleset *rs, ws_rule_file *rf, ws_rule_kind kind, const char *type,
                    uint32_t *idx)
{
    int rc = WS_ARRAY_GROW(rs->mem, rs->rules);
    if (rc < 0)
        return rc;
    ws_rule *r = &rs->rules.v[rs->rules.n];
    memset(r, 0, sizeof *r);
    r->id = ws_ruleset_intern(rs, rf->id, strlen(rf->id));
    r->pack = ws_ruleset_intern(rs, rf->pack, strlen(rf->pack));
    r->path = ws_ruleset_intern(rs, rf->path, strlen(rf->path));
    r->type = ws_ruleset_intern(rs, type, strlen(type));
    if (!r->id || !r->pack || !r->path || !r->type)
        return WS_ENOMEM;
    r->kind = kind;
    for (size_t i = 0; i < rs->rules.n; i++)
        if (!strcmp(rs->rules.v[i].id, r->id))
            rs->rules.v[i].level = WS_LEVEL_OFF; /* replaced */
    *idx = (uint32_t)rs->rules.n++;
    return WS_OK;
}

static int load_rule_file(ws_ruleset *rs, const char *pack, const char *path, ws_diag *diag)
{
    ws_rule_file rf;
    int rc = ws_rule_file_open(&rf, rs->mem, pack, path, diag);
    if (rc < 0)
        return rc;
    const yaml_node_t *type_node = ws_yaml_get(&rf, rf.root, "type");
    const char *type = type_node ? ws_yaml_scalar(&rf, type_node) : NULL;
    if (!type_node) {
        rc = ws_rule_file_error(&rf, rf.root, "missing 'type'");
        goto out;
    }
    if (!type) {
        rc = ws_rule_file_error(&rf, type_node, "'type' must be a string");
        goto out;
    }
    if ((rc = ws_rule_file_check_duplicates(&rf, rf.root)) < 0)
        goto out;
    for (size_t i = 0; i < sizeof check_types / sizeof *check_types; i++) {
        const check_type *ct = &check_types[i];
        if (strcmp(ct->name, type) != 0)
            continue;
        uint32_t idx;
        if ((rc = new_rule(rs, &rf, ct->kind, type, &idx)) < 0) {
            rc = ws_diag_set(diag, rc, path, 0, 0, 0, "out of memory");
            goto out;
        }
        rc = read_common(rs, &rf, &rs->rules.v[idx], ct->default_scope, true);
        if (rc >= 0)
            rc = ct->load(rs, &rf, idx);
        if (rc >= 0 && rs->rules.v[idx].n_examples == 0)
            rc = ws_rule_file_error(&rf, rf.root, "a rule needs 'examples' (at least one flag: and one ok:)");
        goto out;
    }
    uint32_t idx;
    if (ws_lexicon_type_exists(type)) {
        if ((rc = new_rule(rs, &rf, WS_RULE_LEXICON, type, &idx)) < 0) {
            rc = ws_diag_set(diag, rc, path, 0, 0, 0, "out of memory");
            goto out;
        }
        rs->rules.v[idx].level = rs->rules.v[idx].default_level = WS_LEVEL_OFF;
        const yaml_node_t *d = ws_yaml_get(&rf, rf.root, "description");
        if (d && !(rs->rules.v[idx].description = intern_scalar(rs, &rf, d, &rc)))
            goto out;
        rc = ws_lexicon_type_load(rs, &rf, type);
        goto out;
    }
    rc = ws_rule_file_error(&rf, type_node, "unknown rule type '%s'", type);
out:
    ws_rule_file_close(&rf);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of @dir, sorted, so that load order never depends on the file system. */
static int list_dir(const ws_allocator *mem, const char *dir, char ***names, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return WS_EIO;
    WS_ARRAY(char *) v;
    memset(&v, 0, sizeof v);
    int rc = WS_OK;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        char *copy = ws_strdup(mem, ent->d_name);
        if (!copy || (rc = WS_ARRAY_GROW(mem, v)) < 0) {
            ws_free(mem, copy);
            rc = WS_ENOMEM;
            break;
        }
        v.v[v.n++] = copy;
    }
    closedir(d);
    if (rc < 0) {
        for (size_t i = 0; i < v.n; i++)
            ws_free(mem, v.v[i]);
        ws_free(mem, v.v);
        return rc;
    }
    if (v.n)
        qsort(v.v, v.n, sizeof *v.v, cmp_str);
    *names = v.v;
    *n = v.n;
    return WS_OK;
}

static void free_names(const ws_allocator *mem, char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ws_free(mem, names[i]);
    ws_free(mem, names);
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool pack_wanted(const ws_ruleset *rs, const char *pack)
{
    if (!rs->pack_filter)
        return true;
    for (size_t i = 0; i < rs->n_pack_filter; i++)
        if (!strcmp(rs->pack_filter[i], pack))
            return true;
    return false;
}

static int ensure_rx_env(ws_ruleset *rs, ws_diag *diag)
{
    if (rs->rx_env.gctx)
        return WS_OK;
    int rc = ws_rx_env_init(&rs->rx_env, rs->mem);
    return rc < 0 ? ws_diag_set(diag, rc, "", 0, 0, 0, "out of memory") : WS_OK;
}

int ws_ruleset_load_pack(ws_ruleset *rs, const char *pack, const char *pack_dir, ws_diag *diag)
{
    char **names = NULL;
    size_t n = 0;
    int rc = ensure_rx_env(rs, diag);
    if (rc < 0)
        return rc;
    if ((rc = list_dir(rs->mem, pack_dir, &names, &n)) < 0)
        return ws_diag_set(diag, rc, pack_dir, 0, 0, 0, "cannot read the rule pack: %s",
                           strerror(errno));
    for (size_t i = 0; i < n && rc >= 0; i++) {
        if (!has_suffix(names[i], ".yml") && !has_suffix(names[i], ".yaml"))
            continue;
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", pack_dir, names[i]) >= sizeof path) {
            rc = ws_diag_set(diag, WS_ERULE, pack_dir, 0, 0, 0, "path too long");
            break;
        }
        rc = load_rule_file(rs, pack, path, diag);
    }
    free_names(rs->mem, names, n);
    return rc;
}

int ws_ruleset_load_dir(ws_ruleset *rs, const char *dir, ws_diag *diag)
{
    char **names = NULL;
    size_t n = 0;
    int rc = list_dir(rs->mem, dir, &names, &n);
    if (rc < 0)
        return ws_diag_set(diag, rc, dir, 0, 0, 0, "cannot read the rules directory: %s",
                           strerror(errno));
    for (size_t i = 0; i < n && rc >= 0; i++) {
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= sizeof path) {
            rc = ws_diag_set(diag, WS_ERULE, dir, 0, 0, 0, "path too long");
            break;
        }
        if (is_dir(path) && pack_wanted(rs, names[i]))
            rc = ws_ruleset_load_pack(rs, names[i], path, diag);
    }
    free_names(rs->mem, names, n);
    return rc;
}
