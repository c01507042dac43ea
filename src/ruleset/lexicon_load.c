/*
 * lexicon_load.c - the lexicon rule types: word lists the passes read
 * (sentence splitting, the quotation scanner, attribution) rather than
 * checks that report findings. Each entry is a phrase, split into tokens as
 * in an article, with '|'-separated fields documented in whosaid-rules(5).
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/diag.h"
#include "doc/tokenize.h"
#include "ruleset/ruleset_load.h"
#include "text/utf8.h"

typedef struct lex_ctx {
    ws_ruleset *rs;
    ws_lexicon *lex;
    bool is_raw;       /* keys are the lower-cased entry, not split into tokens */
    uint32_t value;
    ws_buf key;
} lex_ctx;

/* The key of the entry's field @i in @lc->key; errors name the entry. */
static int entry_key(lex_ctx *lc, ws_rule_file *rf, const ws_entry *e, int i, bool fold)
{
    int n = ws_phrase_key(e->field[i], e->len[i], fold, &lc->key);
    if (n < 0)
        return ws_entry_error(rf, e, "phrase too long");
    if (n == 0)
        return ws_entry_error(rf, e, "empty phrase");
    return WS_OK;
}

static int add_key(lex_ctx *lc, ws_lexicon *lex, uint32_t value)
{
    int rc = ws_lexicon_add(lex, lc->key.data, lc->key.len, value);
    return rc < 0 ? ws_diag_set(NULL, rc, "", 0, 0, 0, "out of memory") : rc;
}

/*
 * At the first entry of a list, room in @lex for the keys of all its
 * entries, about @per_entry each: the table is made at about the size it
 * ends at, once, rather than grown to it from 64 slots with its keys moved
 * at each step. A hint: when the room cannot be made, the table grows as
 * it would have.
 */
static void reserve_for_list(ws_lexicon *lex, const ws_entry *e, size_t per_entry)
{
    if (e->index == 0 && e->n_listed <= (SIZE_MAX / 4 - lex->n_used) / per_entry)
        (void)ws_lexicon_reserve(lex, lex->n_used + e->n_listed * per_entry);
}

/* Plain lists: every entry a key; abbreviations keep their period. */
static int add_plain(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    reserve_for_list(lc->lex, e, 1);
    if (e->n_fields > 1)
        return ws_entry_error(rf, e, "this list takes one entry per line, without '|' fields");
    int rc;
    if (lc->is_raw) {
        /* Abbreviations are looked up as one word plus its period ("mr."). */
        lc->key.len = 0;
        if ((rc = ws_utf8_lower(e->field[0], e->len[0], &lc->key)) < 0)
            return rc;
    } else if ((rc = entry_key(lc, rf, e, 0, true)) < 0) {
        return rc;
    }
    return add_key(lc, lc->lex, lc->value);
}

static int load_list_as(ws_ruleset *rs, ws_rule_file *rf, const char *key, ws_lexicon *lex,
                        bool required, bool is_raw)
{
    const yaml_node_t *n = ws_yaml_get(rf, rf->root, key);
    if (!n)
        return required ? ws_rule_file_error(rf, rf->root, "missing '%s'", key) : WS_OK;
    lex_ctx lc = {rs, lex, is_raw, 0, {0}};
    ws_buf_init(&lc.key, rs->mem);
    int rc = ws_rule_file_each_entry(rf, n, add_plain, &lc);
    ws_buf_release(&lc.key);
    return rc;
}

static int load_list(ws_ruleset *rs, ws_rule_file *rf, const char *key, ws_lexicon *lex,
                     bool required)
{
    return load_list_as(rs, rf, key, lex, required, false);
}

static int keys_of(ws_rule_file *rf, const char *const *keys)
{
    return ws_rule_file_check_keys(rf, rf->root, keys);
}

static int load_abbreviations(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "before_names", "list", "starters",
                                       NULL};
    int rc = keys_of(rf, keys);
    if (rc >= 0)
        rc = load_list_as(rs, rf, "before_names", &rs->abbrev_name, false, true);
    if (rc >= 0)
        rc = load_list_as(rs, rf, "list", &rs->abbrev_other, false, true);
    if (rc >= 0)
        rc = load_list(rs, rf, "starters", &rs->sentence_starters, false);
    return rc;
}

static int load_elisions(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "list", NULL};
    int rc = keys_of(rf, keys);
    return rc < 0 ? rc : load_list(rs, rf, "list", &rs->elisions, true);
}

/* Cues -------------------------------------------------------------------- */

static int parse_class(ws_rule_file *rf, const ws_entry *e, int field, ws_cue_class *out)
{
    char buf[32];
    ws_entry_field(e, field, buf, sizeof buf);
    for (int c = WS_CUE_NEUTRAL; c <= WS_CUE_GUILT; c++) {
        if (!strcmp(buf, ws_cue_class_name((ws_cue_class)c))) {
            *out = (ws_cue_class)c;
            return WS_OK;
        }
    }
    return ws_entry_error(rf, e, "unknown cue class '%s' (neutral, endorsing, distancing, guilt)",
                          buf);
}

typedef struct cue_ctx {
    lex_ctx lc;
    ws_cue_pos pos;
    bool needs_clause;
    bool needs_quote;
} cue_ctx;

static int add_cue_form(cue_ctx *cc, ws_rule_file *rf, const ws_entry *e, const char *form,
                        size_t len, ws_cue_info info)
{
    ws_ruleset *rs = cc->lc.rs;
    int n = ws_phrase_key(form, len, true, &cc->lc.key);
    if (n <= 0)
        return ws_entry_error(rf, e, "empty or too long form");
    int rc = WS_ARRAY_GROW(rs->mem, rs->cue_info);
    if (rc < 0)
        return rc;
    /* A form of several words classes ("claims" verb and noun) keeps all its
     * readings, chained from the latest. */
    uint32_t prev;
    info.next = ws_lexicon_get(&rs->cues, cc->lc.key.data, cc->lc.key.len, &prev) ? (int32_t)prev : -1;
    uint32_t idx = (uint32_t)rs->cue_info.n;
    rs->cue_info.v[rs->cue_info.n++] = info;
    return add_key(&cc->lc, &rs->cues, idx);
}

/*
 * verbs:   lemma | class | 3rd person | past | past participle | -ing form
 * nouns:   noun | class | plural
 * phrases: phrase | class
 */
static int add_cue(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    cue_ctx *cc = ud;
    ws_ruleset *rs = cc->lc.rs;
    int want = cc->pos == WS_CUE_VERB ? 6 : cc->pos == WS_CUE_NOUN ? 3 : 2;
    /* A key for each form: the lemma and the other fields but the class. */
    reserve_for_list(&rs->cues, e, (size_t)want - 1);
    if (e->n_fields != want)
        return ws_entry_error(rf, e, "expected %d fields separated by '|' (see whosaid-rules(5))",
                              want);
    ws_cue_info info;
    memset(&info, 0, sizeof info);
    info.pos = cc->pos;
    info.needs_clause = cc->needs_clause;
    info.needs_quote = cc->needs_quote;
    int rc = parse_class(rf, e, 1, &info.cls);
    if (rc < 0)
        return rc;
    if (!(info.lemma = ws_ruleset_intern(rs, e->field[0], e->len[0])))
        return WS_ENOMEM;
    ws_cue_info base = info;
    base.is_base = true;
    if ((rc = add_cue_form(cc, rf, e, e->field[0], e->len[0], base)) < 0)
        return rc;
    for (int f = 2; f < e->n_fields; f++) {
        ws_cue_info form = info;
        if (cc->pos == WS_CUE_VERB) {
            form.is_s = f == 2;
            form.is_past = f == 3 || f == 4;
            form.is_ing = f == 5;
        }
        if ((rc = add_cue_form(cc, rf, e, e->field[f], e->len[f], form)) < 0)
            return rc;
    }
    return WS_OK;
}

static int load_cue_list(ws_ruleset *rs, ws_rule_file *rf, const char *key, ws_cue_pos pos,
                         bool needs_clause, bool needs_quote)
{
    const yaml_node_t *n = ws_yaml_get(rf, rf->root, key);
    if (!n)
        return WS_OK;
    cue_ctx cc = {{rs, &rs->cues, false, 0, {0}}, pos, needs_clause, needs_quote};
    ws_buf_init(&cc.lc.key, rs->mem);
    int rc = ws_rule_file_each_entry(rf, n, add_cue, &cc);
    ws_buf_release(&cc.lc.key);
    return rc;
}

static int load_cues(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "verbs", "beliefs", "beside-quotes",
                                       "nouns", "phrases", NULL};
    int rc = keys_of(rf, keys);
    if (rc >= 0)
        rc = load_cue_list(rs, rf, "verbs", WS_CUE_VERB, false, false);
    if (rc >= 0)
        rc = load_cue_list(rs, rf, "beliefs", WS_CUE_VERB, true, false);
    if (rc >= 0)
        rc = load_cue_list(rs, rf, "beside-quotes", WS_CUE_VERB, false, true);
    if (rc >= 0)
        rc = load_cue_list(rs, rf, "nouns", WS_CUE_NOUN, false, false);
    if (rc >= 0)
        rc = load_cue_list(rs, rf, "phrases", WS_CUE_PHRASE, false, false);
    return rc;
}

/* Roles: role | institution it implies (optional) ------------------------ */

static const char *intern_field(ws_ruleset *rs, const ws_entry *e, int i)
{
    if (i >= e->n_fields || e->len[i] == 0)
        return NULL;
    return ws_ruleset_intern(rs, e->field[i], e->len[i]);
}

static int add_role(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    ws_ruleset *rs = lc->rs;
    reserve_for_list(&rs->roles, e, 1);
    if (e->n_fields > 2)
        return ws_entry_error(rf, e, "expected: role | institution");
    int rc = entry_key(lc, rf, e, 0, true);
    if (rc < 0 || (rc = WS_ARRAY_GROW(rs->mem, rs->role_info)) < 0)
        return rc;
    ws_role_info info = {intern_field(rs, e, 0), intern_field(rs, e, 1)};
    uint32_t idx = (uint32_t)rs->role_info.n;
    rs->role_info.v[rs->role_info.n++] = info;
    return add_key(lc, &rs->roles, idx);
}

static int load_roles(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "list", "other-offices", NULL};
    int rc = keys_of(rf, keys);
    const yaml_node_t *n = ws_yaml_get(rf, rf->root, "list");
    if (rc < 0)
        return rc;
    if (!n)
        return ws_rule_file_error(rf, rf->root, "missing 'list'");
    lex_ctx lc = {rs, &rs->roles, false, 0, {0}};
    ws_buf_init(&lc.key, rs->mem);
    rc = ws_rule_file_each_entry(rf, n, add_role, &lc);
    ws_buf_release(&lc.key);
    if (rc >= 0)
        rc = load_list(rs, rf, "other-offices", &rs->other_offices, false);
    return rc;
}

/* Aliases in field @f of @e, comma-separated and as written ("U.S., US";
 * "OPEC, Opec"), each a key of @lex for @idx. */
static int add_aliases(lex_ctx *lc, ws_rule_file *rf, const ws_entry *e, size_t f, ws_lexicon *lex, uint32_t idx)
{
    const char *s = e->field[f];
    size_t len = e->len[f], start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != ',')
            continue;
        size_t a = start, b = i;
        while (a < b && s[a] == ' ')
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        if (b > a) {
            if (ws_phrase_key(s + a, b - a, false, &lc->key) <= 0)
                return ws_entry_error(rf, e, "bad alias");
            int rc = add_key(lc, lex, idx);
            if (rc < 0)
                return rc;
        }
        start = i + 1;
    }
    return WS_OK;
}

/* Institutions: name | short names | country ------------------------------ */

static int add_institution(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    ws_ruleset *rs = lc->rs;
    /* Names of several words bring their first words as keys too. */
    reserve_for_list(&rs->institutions, e, 2);
    if (e->n_fields > 3)
        return ws_entry_error(rf, e, "expected: name | short names | country");
    int rc = entry_key(lc, rf, e, 0, true);
    if (rc < 0 || (rc = WS_ARRAY_GROW(rs->mem, rs->institution_info)) < 0)
        return rc;
    ws_institution_info info = {intern_field(rs, e, 0), intern_field(rs, e, 1),
                                intern_field(rs, e, 2)};
    uint32_t idx = (uint32_t)rs->institution_info.n;
    rs->institution_info.v[rs->institution_info.n++] = info;
    if ((rc = add_key(lc, &rs->institutions, idx)) < 0)
        return rc;
    /* Acronyms and other short names keep their case: WHO is not who,
     * the Fed is not fed. */
    if (!info.short_names)
        return WS_OK;
    return add_aliases(lc, rf, e, 1, &rs->acronyms, idx);
}

static int load_institutions(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "names", "heads", "businesses", NULL};
    int rc = keys_of(rf, keys);
    const yaml_node_t *n = ws_yaml_get(rf, rf->root, "names");
    if (rc >= 0 && n) {
        lex_ctx lc = {rs, &rs->institutions, false, 0, {0}};
        ws_buf_init(&lc.key, rs->mem);
        rc = ws_rule_file_each_entry(rf, n, add_institution, &lc);
        ws_buf_release(&lc.key);
    }
    if (rc >= 0)
        rc = load_list(rs, rf, "heads", &rs->institution_heads, false);
    if (rc >= 0)
        rc = load_list(rs, rf, "businesses", &rs->business_nouns, false);
    return rc;
}

/* Demonyms and countries: "Syrian | Syria"; "United States | US, U.S." ---- */

static int intern_string(ws_ruleset *rs, const char *s, size_t len, uint32_t *idx)
{
    int rc = WS_ARRAY_GROW(rs->mem, rs->strings);
    if (rc < 0)
        return rc;
    const char *copy = ws_ruleset_intern(rs, s, len);
    if (!copy)
        return WS_ENOMEM;
    *idx = (uint32_t)rs->strings.n;
    rs->strings.v[rs->strings.n++] = copy;
    return WS_OK;
}

static int add_demonym(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    reserve_for_list(&lc->rs->demonyms, e, 1);
    if (e->n_fields != 2)
        return ws_entry_error(rf, e, "expected: demonym | country");
    uint32_t idx;
    int rc = intern_string(lc->rs, e->field[1], e->len[1], &idx);
    if (rc < 0 || (rc = entry_key(lc, rf, e, 0, true)) < 0)
        return rc;
    return add_key(lc, &lc->rs->demonyms, idx);
}

static int add_country(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    /* A country and its aliases. */
    reserve_for_list(&lc->rs->countries, e, 2);
    if (e->n_fields > 2)
        return ws_entry_error(rf, e, "expected: country | alias, alias");
    uint32_t idx;
    int rc = intern_string(lc->rs, e->field[0], e->len[0], &idx);
    if (rc < 0 || (rc = entry_key(lc, rf, e, 0, false)) < 0 ||
        (rc = add_key(lc, &lc->rs->countries, idx)) < 0)
        return rc;
    if (e->n_fields < 2)
        return WS_OK;
    /* Aliases as written (U.S. and US, not "us"). */
    return add_aliases(lc, rf, e, 1, &lc->rs->countries, idx);
}

static int load_demonyms(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "demonyms", "countries", NULL};
    int rc = keys_of(rf, keys);
    lex_ctx lc = {rs, NULL, false, 0, {0}};
    ws_buf_init(&lc.key, rs->mem);
    const yaml_node_t *n;
    if (rc >= 0 && (n = ws_yaml_get(rf, rf->root, "demonyms")))
        rc = ws_rule_file_each_entry(rf, n, add_demonym, &lc);
    if (rc >= 0 && (n = ws_yaml_get(rf, rf->root, "countries")))
        rc = ws_rule_file_each_entry(rf, n, add_country, &lc);
    ws_buf_release(&lc.key);
    return rc;
}

/* Pronouns: pronoun | gender | number ------------------------------------ */

static int add_pronoun(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    ws_ruleset *rs = lc->rs;
    char gender[16], number[16];
    reserve_for_list(&rs->pronouns, e, 1);
    if (e->n_fields != 3)
        return ws_entry_error(rf, e, "expected: pronoun | gender | number");
    ws_entry_field(e, 1, gender, sizeof gender);
    ws_entry_field(e, 2, number, sizeof number);
    static const char *const genders[] = {"male", "female", "any", "thing"};
    const char *g = NULL;
    for (size_t i = 0; i < 4; i++)
        if (!strcmp(gender, genders[i]))
            g = genders[i];
    if (!g)
        return ws_entry_error(rf, e, "gender must be male, female, any or thing");
    if (strcmp(number, "singular") && strcmp(number, "plural"))
        return ws_entry_error(rf, e, "number must be singular or plural");
    int rc = entry_key(lc, rf, e, 0, true);
    if (rc < 0 || (rc = WS_ARRAY_GROW(rs->mem, rs->pronoun_info)) < 0)
        return rc;
    uint32_t idx = (uint32_t)rs->pronoun_info.n;
    rs->pronoun_info.v[rs->pronoun_info.n++] = (ws_pronoun_info){g, !strcmp(number, "plural")};
    return add_key(lc, &rs->pronouns, idx);
}

static int load_pronouns(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "list", NULL};
    int rc = keys_of(rf, keys);
    const yaml_node_t *n = ws_yaml_get(rf, rf->root, "list");
    if (rc < 0)
        return rc;
    if (!n)
        return ws_rule_file_error(rf, rf->root, "missing 'list'");
    lex_ctx lc = {rs, &rs->pronouns, false, 0, {0}};
    ws_buf_init(&lc.key, rs->mem);
    rc = ws_rule_file_each_entry(rf, n, add_pronoun, &lc);
    ws_buf_release(&lc.key);
    return rc;
}

static int load_anonymous(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "list", NULL};
    int rc = keys_of(rf, keys);
    return rc < 0 ? rc : load_list(rs, rf, "list", &rs->anonymous, true);
}

static int load_group_nouns(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "list", "names", NULL};
    int rc = keys_of(rf, keys);
    if (rc >= 0)
        rc = load_list(rs, rf, "list", &rs->group_nouns, true);
    if (rc >= 0)
        rc = load_list(rs, rf, "names", &rs->group_names, false);
    return rc;
}

/* Function words: word | class, class, ... ------------------------------ */

int ws_fw_class_from_name(const char *name)
{
    static const struct {
        const char *name;
        int bit;
    } classes[] = {{"det", WS_FW_DET},   {"prep", WS_FW_PREP}, {"conj", WS_FW_CONJ},
                   {"sub", WS_FW_SUB},   {"aux", WS_FW_AUX},   {"adv", WS_FW_ADV},
                   {"time", WS_FW_TIME}, {"num", WS_FW_NUM},   {"neg", WS_FW_NEG},
                   {"pron", WS_FW_PRON}, {"verb", WS_FW_VERB},   {"particle", WS_FW_PARTICLE}};
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
        if (!strcmp(classes[i].name, name))
            return classes[i].bit;
    return WS_EINVAL;
}

static int add_function_word(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    reserve_for_list(&lc->rs->function_words, e, 1);
    if (e->n_fields != 2)
        return ws_entry_error(rf, e, "expected: word | class, class");
    uint32_t bits = 0;
    const char *s = e->field[1];
    size_t len = e->len[1], start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != ',')
            continue;
        char name[16];
        size_t a = start, b = i;
        while (a < b && s[a] == ' ')
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        snprintf(name, sizeof name, "%.*s", (int)(b - a), s + a);
        int bit = ws_fw_class_from_name(name);
        if (bit < 0)
            return ws_entry_error(rf, e, "unknown class '%s' (det, prep, conj, sub, aux, adv, time, "
                                         "num, neg, pron, verb, particle)", name);
        bits |= (uint32_t)bit;
        start = i + 1;
    }
    int rc = entry_key(lc, rf, e, 0, true);
    if (rc < 0)
        return rc;
    /* A word listed twice gets the union of its classes. */
    uint32_t old = 0;
    ws_lexicon_get(&lc->rs->function_words, lc->key.data, lc->key.len, &old);
    return add_key(lc, &lc->rs->function_words, old | bits);
}

static int add_honorific(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    char gender[16];
    reserve_for_list(&lc->rs->honorifics, e, 1);
    if (e->n_fields != 2)
        return ws_entry_error(rf, e, "expected: honorific | male, female or any");
    ws_entry_field(e, 1, gender, sizeof gender);
    uint32_t g = !strcmp(gender, "male") ? 1 : !strcmp(gender, "female") ? 2 : !strcmp(gender, "any") ? 0 : 9;
    if (g == 9)
        return ws_entry_error(rf, e, "gender must be male, female or any");
    /* Keys without the period: "Mr." and "Mr" are one token apart. */
    lc->key.len = 0;
    size_t n = e->len[0];
    if (n && e->field[0][n - 1] == '.')
        n--;
    int rc = ws_utf8_lower(e->field[0], n, &lc->key);
    return rc < 0 ? rc : add_key(lc, &lc->rs->honorifics, g);
}

static int add_first_name(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    lex_ctx *lc = ud;
    char gender[16];
    reserve_for_list(&lc->rs->first_names, e, 1);
    if (e->n_fields != 2)
        return ws_entry_error(rf, e, "expected: name | male or female");
    ws_entry_field(e, 1, gender, sizeof gender);
    uint32_t g = !strcmp(gender, "male") ? 1 : !strcmp(gender, "female") ? 2 : 0;
    if (!g)
        return ws_entry_error(rf, e, "gender must be male or female");
    int rc = entry_key(lc, rf, e, 0, true);
    return rc < 0 ? rc : add_key(lc, &lc->rs->first_names, g);
}

static int load_function_words(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "list", "honorifics", "first_names",
                                       NULL};
    int rc = keys_of(rf, keys);
    const yaml_node_t *n = ws_yaml_get(rf, rf->root, "list");
    if (rc < 0)
        return rc;
    if (!n)
        return ws_rule_file_error(rf, rf->root, "missing 'list'");
    lex_ctx lc = {rs, &rs->function_words, false, 0, {0}};
    ws_buf_init(&lc.key, rs->mem);
    rc = ws_rule_file_each_entry(rf, n, add_function_word, &lc);
    if (rc >= 0 && (n = ws_yaml_get(rf, rf->root, "honorifics")))
        rc = ws_rule_file_each_entry(rf, n, add_honorific, &lc);
    if (rc >= 0 && (n = ws_yaml_get(rf, rf->root, "first_names")))
        rc = ws_rule_file_each_entry(rf, n, add_first_name, &lc);
    ws_buf_release(&lc.key);
    return rc;
}

typedef struct lexicon_type {
    const char *name;
    int (*load)(ws_ruleset *rs, ws_rule_file *rf);
} lexicon_type;

static const lexicon_type lexicon_types[] = {
    {"abbreviations", load_abbreviations},
    {"elisions", load_elisions},
    {"cues", load_cues},
    {"roles", load_roles},
    {"institutions", load_institutions},
    {"demonyms", load_demonyms},
    {"pronouns", load_pronouns},
    {"anonymous", load_anonymous},
    {"group-nouns", load_group_nouns},
    {"function-words", load_function_words},
};

bool ws_lexicon_type_exists(const char *type)
{
    for (size_t i = 0; i < sizeof lexicon_types / sizeof *lexicon_types; i++)
        if (!strcmp(lexicon_types[i].name, type))
            return true;
    return false;
}

int ws_lexicon_type_load(ws_ruleset *rs, ws_rule_file *rf, const char *type)
{
    for (size_t i = 0; i < sizeof lexicon_types / sizeof *lexicon_types; i++)
        if (!strcmp(lexicon_types[i].name, type))
            return lexicon_types[i].load(rs, rf);
    return ws_rule_file_error(rf, rf->root, "unknown lexicon type '%s'", type);
}
