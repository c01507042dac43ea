/*
 * word_index.c - the per-word index over all lower-case lexicons, so that
 * the attribution pass looks each token up once instead of once per
 * lexicon (measured: lexicon lookups were 30% of the analysis time).
 */
#include <stddef.h>
#include <string.h>

#include "ruleset/ruleset.h"

static int info_for(ws_ruleset *rs, const char *key, size_t len, ws_word_info **out)
{
    uint32_t idx;
    if (ws_lexicon_get(&rs->words, key, len, &idx)) {
        *out = &rs->word_info.v[idx];
        return WS_OK;
    }
    int rc = WS_ARRAY_GROW(rs->mem, rs->word_info);
    if (rc < 0)
        return rc;
    idx = (uint32_t)rs->word_info.n;
    ws_word_info *w = &rs->word_info.v[rs->word_info.n++];
    memset(w, 0, sizeof *w);
    w->cue = w->role = w->inst = w->demonym = w->pronoun = -1;
    w->honorific = -1;
    if ((rc = ws_lexicon_add(&rs->words, key, len, idx)) < 0)
        return rc;
    *out = w;
    return WS_OK;
}

typedef enum field {
    F_FW, F_CUE, F_ROLE, F_INST, F_DEMONYM, F_PRONOUN, F_HONORIFIC, F_FIRST_NAME, F_HEAD, F_GROUP,
    F_ANON, F_TRIGGER, F_COUNTRY, F_SHORT_NAME,
} field;

static void set_field(ws_word_info *w, field f, uint32_t value)
{
    switch (f) {
    case F_FW: w->fw = value; break;
    case F_CUE: w->cue = (int32_t)value; break;
    case F_ROLE: w->role = (int32_t)value; break;
    case F_INST: w->inst = (int32_t)value; break;
    case F_DEMONYM: w->demonym = (int32_t)value; break;
    case F_PRONOUN: w->pronoun = (int32_t)value; break;
    case F_HONORIFIC: w->honorific = (int8_t)value; break;
    case F_FIRST_NAME: w->first_name = (int8_t)value; break;
    case F_HEAD: w->is_head = true; break;
    case F_GROUP: w->is_group = true; break;
    case F_ANON: w->is_anon = true; break;
    case F_TRIGGER: break;
    case F_COUNTRY: w->starts |= WS_STARTS_COUNTRY; break;
    case F_SHORT_NAME: w->starts |= WS_STARTS_SHORT_NAME; break;
    }
}

static uint8_t starts_bit(field f)
{
    switch (f) {
    case F_CUE: return WS_STARTS_CUE;
    case F_ROLE: return WS_STARTS_ROLE;
    case F_INST: return WS_STARTS_INST;
    case F_ANON: return WS_STARTS_ANON;
    case F_TRIGGER: return WS_STARTS_TRIGGER;
    case F_COUNTRY: return WS_STARTS_COUNTRY;
    case F_SHORT_NAME: return WS_STARTS_SHORT_NAME;
    default: return 0;
    }
}

/* Fold lexicon @lex into the index as field @f. Keys of lexicons that keep
 * case (country names, institutions' short names) are folded lower-cased:
 * the bit says "look there". */
static int fold(ws_ruleset *rs, const ws_lexicon *lex, field f)
{
    char lower[256];
    for (size_t i = 0; i < lex->cap; i++) {
        const ws_lex_entry *e = &lex->slots[i];
        if (!e->key)
            continue;
        const char *space = memchr(e->key, ' ', e->len);
        size_t first = space ? (size_t)(space - e->key) : e->len;
        const char *key = e->key;
        if (f == F_COUNTRY || f == F_SHORT_NAME) {
            if (first >= sizeof lower)
                continue;
            for (size_t k = 0; k < first; k++)
                lower[k] = (char)(e->key[k] >= 'A' && e->key[k] <= 'Z' ? e->key[k] + 32 : e->key[k]);
            key = lower;
        }
        ws_word_info *w;
        int rc = info_for(rs, key, first, &w);
        if (rc < 0)
            return rc;
        if (space || (e->flags & WS_LEX_PREFIX))
            w->starts |= starts_bit(f);
        if (!space && (e->flags & WS_LEX_ENTRY)) {
            set_field(w, f, e->value);
            /* A one-word trigger needs the rules pass to look too. */
            if (f == F_TRIGGER)
                w->starts |= WS_STARTS_TRIGGER;
        }
    }
    return WS_OK;
}

/* The regular plural of a one-word role: "prosecutors", "secretaries",
 * "spokesmen". Returns its length, 0 when it does not fit. */
static size_t plural_of(const char *word, size_t n, char *out, size_t cap)
{
    if (n < 3 || n + 3 > cap)
        return 0;
    memcpy(out, word, n);
    if (n >= 3 && !memcmp(word + n - 3, "man", 3)) {
        out[n - 2] = 'e';
        return n;
    }
    char last = word[n - 1], before = word[n - 2];
    bool vowel = strchr("aeiou", before) != NULL;
    if (last == 'y' && !vowel) {
        memcpy(out + n - 1, "ies", 3);
        return n + 2;
    }
    if (last == 's' || last == 'x' || (last == 'h' && (before == 'c' || before == 's'))) {
        memcpy(out + n, "es", 2);
        return n + 2;
    }
    out[n] = 's';
    return n + 1;
}

static bool is_unclaimed(const ws_word_info *w)
{
    return !w->fw && w->cue < 0 && w->role < 0 && w->inst < 0 && w->demonym < 0 && w->pronoun < 0 &&
           w->honorific < 0 && !w->first_name && !w->is_head && !w->is_group && !w->is_anon;
}

/* Plurals of one-word roles are group nouns ("Prosecutors said"): without
 * them a capitalized plural at the start of a sentence reads as a name.
 * Words another lexicon has already are left alone ("officials"). */
static int index_role_plurals(ws_ruleset *rs)
{
    char plural[128];
    for (size_t i = 0; i < rs->roles.cap; i++) {
        const ws_lex_entry *e = &rs->roles.slots[i];
        if (!e->key || !(e->flags & WS_LEX_ENTRY) || memchr(e->key, ' ', e->len))
            continue;
        size_t n = plural_of(e->key, e->len, plural, sizeof plural);
        if (!n)
            continue;
        uint32_t idx;
        if (ws_lexicon_get(&rs->words, plural, n, &idx) && !is_unclaimed(&rs->word_info.v[idx]))
            continue;
        ws_word_info *w;
        int rc = info_for(rs, plural, n, &w);
        if (rc < 0)
            return rc;
        w->is_group = true;
    }
    return WS_OK;
}

/* Each cue reading's form: the first slot (in slot order) of the cue
 * lexicon whose chain of readings holds it. */
static int index_cue_forms(ws_ruleset *rs)
{
    rs->cue_slot.n = 0;
    int rc = ws_array_reserve(rs->mem, &rs->cue_slot.v, &rs->cue_slot.cap, rs->cue_info.n ? rs->cue_info.n : 1,
                              sizeof *rs->cue_slot.v);
    if (rc < 0)
        return rc;
    for (size_t i = 0; i < rs->cue_info.n; i++)
        rs->cue_slot.v[i] = UINT32_MAX;
    rs->cue_slot.n = rs->cue_info.n;
    for (size_t k = 0; k < rs->cues.cap; k++) {
        const ws_lex_entry *e = &rs->cues.slots[k];
        if (!e->key || !(e->flags & WS_LEX_ENTRY))
            continue;
        for (int32_t v = (int32_t)e->value; v >= 0 && (size_t)v < rs->cue_info.n; v = rs->cue_info.v[v].next)
            if (rs->cue_slot.v[v] == UINT32_MAX)
                rs->cue_slot.v[v] = (uint32_t)k;
    }
    return WS_OK;
}

/* The rules' ids in one block of the ruleset's arena, for the reports. */
static int index_rule_ids(ws_ruleset *rs)
{
    size_t n = rs->rules.n, bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += strlen(rs->rules.v[i].id) + 1;
    if (bytes > UINT32_MAX)
        return WS_ELIMIT;
    uint32_t *starts = ws_arena_alloc(&rs->arena, (n ? n : 1) * sizeof *starts);
    char *text = ws_arena_alloc(&rs->arena, bytes ? bytes : 1);
    if (!starts || !text)
        return WS_ENOMEM;
    for (size_t i = 0, at = 0; i < n; i++) {
        size_t size = strlen(rs->rules.v[i].id) + 1;
        memcpy(text + at, rs->rules.v[i].id, size);
        starts[i] = (uint32_t)at;
        at += size;
    }
    rs->rule_id_text = text;
    rs->rule_id_bytes = bytes;
    rs->rule_id_starts = starts;
    return WS_OK;
}

int ws_ruleset_index(ws_ruleset *rs)
{
    int rc_ids = index_rule_ids(rs);
    if (rc_ids < 0)
        return rc_ids;
    int rc_forms = index_cue_forms(rs);
    if (rc_forms < 0)
        return rc_forms;
    ws_lexicon_release(&rs->words);
    ws_lexicon_init(&rs->words, rs->mem);
    rs->word_info.n = 0;
    static const struct {
        size_t offset;
        field f;
    } lexicons[] = {
        {offsetof(ws_ruleset, function_words), F_FW},
        {offsetof(ws_ruleset, cues), F_CUE},
        {offsetof(ws_ruleset, roles), F_ROLE},
        {offsetof(ws_ruleset, institutions), F_INST},
        {offsetof(ws_ruleset, demonyms), F_DEMONYM},
        {offsetof(ws_ruleset, pronouns), F_PRONOUN},
        {offsetof(ws_ruleset, honorifics), F_HONORIFIC},
        {offsetof(ws_ruleset, first_names), F_FIRST_NAME},
        {offsetof(ws_ruleset, institution_heads), F_HEAD},
        {offsetof(ws_ruleset, group_nouns), F_GROUP},
        {offsetof(ws_ruleset, anonymous), F_ANON},
        {offsetof(ws_ruleset, triggers_ci), F_TRIGGER},
        {offsetof(ws_ruleset, countries), F_COUNTRY},
        {offsetof(ws_ruleset, acronyms), F_SHORT_NAME},
    };
    /* Each one-word key of a lexicon folded as it is (not lower-cased) is
     * a word of the index, apart from the others of that lexicon: the
     * index has at least as many words as the lexicon with most of them,
     * and is made that large at once rather than grown up to it. */
    size_t n_words = 0;
    for (size_t i = 0; i < sizeof lexicons / sizeof *lexicons; i++) {
        const ws_lexicon *lex = (const ws_lexicon *)((const char *)rs + lexicons[i].offset);
        if (lexicons[i].f != F_COUNTRY && lexicons[i].f != F_SHORT_NAME && lex->n_one_word > n_words)
            n_words = lex->n_one_word;
    }
    int rc_reserve = ws_lexicon_reserve(&rs->words, n_words);
    if (rc_reserve < 0)
        return rc_reserve;
    for (size_t i = 0; i < sizeof lexicons / sizeof *lexicons; i++) {
        const ws_lexicon *lex = (const ws_lexicon *)((const char *)rs + lexicons[i].offset);
        int rc = fold(rs, lex, lexicons[i].f);
        if (rc < 0)
            return rc;
    }
    return index_role_plurals(rs);
}
