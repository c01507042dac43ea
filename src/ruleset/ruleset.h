/*
 * ruleset.h - the compiled form of the rule packs: the lexicons the passes
 * read (cues, roles, institutions, ...) and the check rules that produce
 * findings. Built once by ruleset_load.c, read-only afterwards, shared by
 * every analysis (and thread).
 */
#ifndef WS_RULESET_H
#define WS_RULESET_H

#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "ruleset/lexicon.h"
#include "ruleset/rx.h"
#include "whosaid.h"

/* Where a check looks. */
typedef enum ws_scope {
    WS_SCOPE_ANY = 0,
    WS_SCOPE_NARRATION,    /* outside quotation marks: the writer's own voice */
    WS_SCOPE_QUOTE,        /* inside quotation marks */
    WS_SCOPE_ATTRIBUTION,  /* the reporting clause: cue and source of a statement */
    WS_SCOPE_CUE,          /* only the cue: "said", "according to" */
} ws_scope;

const char *ws_scope_name(ws_scope scope);

/* What a rule does; the lexicon kinds feed the passes and find nothing. */
typedef enum ws_rule_kind {
    WS_RULE_EXISTENCE = 0,
    WS_RULE_SUBSTITUTION,
    WS_RULE_CONDITIONAL,
    WS_RULE_CONSISTENCY,
    /* Editorial checks over what attribution found (detect/checks.c). */
    WS_RULE_UNATTRIBUTED,
    WS_RULE_UNBALANCED,
    WS_RULE_LOADED_CUE,
    WS_RULE_ALLEGATION,
    WS_RULE_NAMING,
    WS_RULE_DIRECTIVE,
    WS_RULE_PLURAL_SOURCE,
    /* Quote verification against sources (verify/verify_pass.c). */
    WS_RULE_QUOTE_MISSING,
    WS_RULE_QUOTE_NEAR,
    WS_RULE_QUOTE_SPEAKER,
    /* Lexicons. */
    WS_RULE_LEXICON,
} ws_rule_kind;

/* A rule's example: a text it must flag, or one it must leave alone. */
typedef struct ws_rule_example {
    bool should_flag;
    const char *text;
    uint32_t line;          /* in the rule file */
} ws_rule_example;

/* A pattern of a rule, compiled; @role says which part of the rule it is. */
typedef struct ws_rule_pattern {
    ws_rx rx;
    uint32_t rule;
    uint8_t role;           /* WS_ROLE_* */
    uint32_t item;          /* substitution: the swap entry; consistency: the form */
    uint32_t line;
    uint32_t col;
} ws_rule_pattern;

enum ws_role {
    WS_ROLE_MATCH = 0,      /* existence, conditional "first", swap key, consistency form */
    WS_ROLE_SECOND,         /* conditional "second" */
    WS_ROLE_EXCEPTION,
};

/* Where a token phrase leads: a rule and a part of it (one of a chain). */
typedef struct ws_trigger {
    uint32_t rule;
    uint8_t role;
    ws_level level;         /* per-entry level (hedge severities); 0 = the rule's */
    uint32_t item;
    uint32_t next;          /* next trigger of the same phrase, or UINT32_MAX */
} ws_trigger;

typedef struct ws_rule {
    const char *id;         /* Pack.Rule */
    const char *pack;
    const char *path;
    ws_rule_kind kind;
    const char *type;       /* the type name as written */
    const char *message;
    const char *description;
    const char *link;
    ws_level level;         /* after configuration overrides */
    ws_level default_level; /* as the rule file says */
    ws_scope scope;
    bool ignorecase;
    bool has_level_key;
    uint32_t window;        /* conditional: sentences around the first match */
    const char **swap;      /* substitution: replacement per item */
    uint32_t n_items;
    const char **params;    /* check-specific string parameters (classes, ...) */
    uint32_t n_params;
    ws_rule_example *examples;
    uint32_t n_examples;
} ws_rule;

/* A reporting cue: a verb, noun or phrase that introduces speech. */
typedef enum ws_cue_pos {
    WS_CUE_VERB = 0,
    WS_CUE_NOUN,
    WS_CUE_PHRASE,
} ws_cue_pos;

typedef struct ws_cue_info {
    const char *lemma;
    ws_cue_class cls;
    ws_cue_pos pos;
    bool is_past;           /* verb forms: said, claimed (a past tense or participle) */
    bool is_ing;            /* verb forms: saying */
    bool is_base;           /* the lemma itself */
    bool is_s;              /* third person singular: "says", "claims" (also a plural noun) */
    bool needs_clause;      /* a belief or evidence verb: a cue only before a clause */
    bool needs_quote;       /* "continued", "went on": a cue only beside a quotation */
    int32_t next;           /* another reading of the same form ("claims": verb, noun), or -1 */
} ws_cue_info;

/* Classes of function words (a word may have several: "that" is det and sub). */
enum ws_fw_class {
    WS_FW_DET = 1 << 0,     /* the, a, this, his, their, some */
    WS_FW_PREP = 1 << 1,    /* of, in, on, for, with */
    WS_FW_CONJ = 1 << 2,    /* and, or, but */
    WS_FW_SUB = 1 << 3,     /* that, which, who, because, while, if */
    WS_FW_AUX = 1 << 4,     /* is, was, has, had, will, would, can */
    WS_FW_ADV = 1 << 5,     /* also, repeatedly, later: may stand between subject and verb */
    WS_FW_TIME = 1 << 6,    /* Monday, January, today, yesterday, week */
    WS_FW_NUM = 1 << 7,     /* one, two, three, dozens */
    WS_FW_NEG = 1 << 8,     /* not, never */
    WS_FW_PRON = 1 << 9,    /* it, this (as pronouns), there, what: not speakers */
    WS_FW_VERB = 1 << 10,   /* frequent non-reporting verbs: is, went, made, took */
    WS_FW_PARTICLE = 1 << 11, /* name particles: bin, de, van, von (Ludwig van Beethoven) */
};

int ws_fw_class_from_name(const char *name);

/* Roles and titles ("secretary of state"), with the institution they imply. */
typedef struct ws_role_info {
    const char *name;       /* as written in the list */
    const char *institution;/* may be NULL */
} ws_role_info;

typedef struct ws_institution_info {
    const char *name;       /* canonical */
    const char *short_names; /* acronyms and names used alone, comma-separated as written; may be NULL */
    const char *country;    /* may be NULL */
} ws_institution_info;

typedef struct ws_pronoun_info {
    const char *gender;     /* "male", "female", "any", "thing" */
    bool is_plural;
} ws_pronoun_info;

/*
 * Everything the lower-case lexicons say about one word, gathered after
 * loading so that annotating a token costs one hash lookup. Multi-word
 * entries are marked on their first word (WS_STARTS_*): only then is the
 * lexicon itself consulted for the longer match.
 */
enum ws_starts {
    WS_STARTS_CUE = 1 << 0,
    WS_STARTS_ROLE = 1 << 1,
    WS_STARTS_INST = 1 << 2,
    WS_STARTS_ANON = 1 << 3,
    WS_STARTS_TRIGGER = 1 << 4,   /* a check rule's phrase (triggers_ci) */
    WS_STARTS_COUNTRY = 1 << 5,   /* a country name or alias, in some case */
    WS_STARTS_SHORT_NAME = 1 << 6, /* an institution's acronym or short name, in some case */
};

typedef struct ws_word_info {
    uint32_t fw;
    int32_t cue;        /* cue_info of the one-word entry, or -1 */
    int32_t role;
    int32_t inst;
    int32_t demonym;
    int32_t pronoun;
    int8_t honorific;   /* -1 none */
    int8_t first_name;  /* 0 none */
    bool is_head;
    bool is_group;
    bool is_anon;       /* a one-word anonymous source */
    uint8_t starts;     /* WS_STARTS_* */
} ws_word_info;

typedef struct ws_ruleset {
    const ws_allocator *mem;
    ws_arena arena;
    ws_rx_env rx_env;

    WS_ARRAY(ws_rule) rules;
    WS_ARRAY(ws_rule_pattern) patterns;
    /* Token phrases of all check rules: key -> first trigger index. */
    ws_lexicon triggers_ci;       /* keys lower-case */
    ws_lexicon triggers_cs;       /* keys as written */
    WS_ARRAY(ws_trigger) triggers;

    /* Sentence splitting (keys lower-case, with the final period). */
    ws_lexicon abbrev_name;
    ws_lexicon abbrev_other;
    ws_lexicon sentence_starters;
    ws_lexicon elisions;

    /* Attribution lexicons; values index the info arrays. */
    ws_lexicon cues;              /* lower-case forms -> cue_info */
    WS_ARRAY(ws_cue_info) cue_info;
    ws_lexicon roles;             /* lower-case -> role_info */
    WS_ARRAY(ws_role_info) role_info;
    ws_lexicon institutions;      /* lower-case names -> institution_info */
    ws_lexicon acronyms;          /* acronyms and short names as written -> institution_info */
    WS_ARRAY(ws_institution_info) institution_info;
    ws_lexicon institution_heads; /* ministry, department, police ... (lower-case) */
    ws_lexicon business_nouns;    /* company, firm, giant: nouns for a business (lower-case) */
    ws_lexicon other_offices;     /* shadow, deputy: before a role, another office (lower-case) */
    ws_lexicon demonyms;          /* Syrian -> country (value: index in strings) */
    ws_lexicon countries;         /* country names (exact) */
    ws_lexicon anonymous;         /* officials, a source ... (lower-case) */
    ws_lexicon pronouns;          /* he, she, they ... -> pronoun_info */
    WS_ARRAY(ws_pronoun_info) pronoun_info;
    ws_lexicon group_nouns;       /* nations, powers, countries (lower-case) */
    ws_lexicon group_names;       /* republicans, democrats: a party's members (lower-case) */
    ws_lexicon function_words;    /* the, of, has, also, Thursday ... -> WS_FW_* classes (bits) */
    ws_lexicon honorifics;        /* mr, mrs, ms, dr ... -> gender (1 male, 2 female, 0 any) */
    ws_lexicon first_names;       /* lower-case first names -> gender (1 male, 2 female) */
    WS_ARRAY(const char *) strings; /* values of demonyms and others */

    /* Accepted names and terms from the configuration (lower-case keys). */
    ws_lexicon vocabulary;

    /* One lookup per word: lower-case key -> word_info (ws_ruleset_index). */
    ws_lexicon words;
    WS_ARRAY(ws_word_info) word_info;
    /* Per cue_info: the slot of the cue lexicon whose readings hold it, or
     * UINT32_MAX (ws_ruleset_index): the form a reading is written as. */
    WS_ARRAY(uint32_t) cue_slot;
    /* The rules' ids one after another, each with its NUL, and where each
     * starts (ws_ruleset_index): a report copies them in one piece. */
    const char *rule_id_text;
    size_t rule_id_bytes;
    const uint32_t *rule_id_starts;

    /* Packs to load (from the configuration); NULL loads every pack. */
    const char *const *pack_filter;
    size_t n_pack_filter;
} ws_ruleset;

void ws_ruleset_init(ws_ruleset *rs, const ws_allocator *mem);
void ws_ruleset_release(ws_ruleset *rs);

/*
 * Load every pack (sub-directory) of @dir into @rs. On error returns a
 * negative status with @diag naming the file, line and column; @rs may then
 * hold part of the packs and must be released.
 */
int ws_ruleset_load_dir(ws_ruleset *rs, const char *dir, ws_diag *diag);

/* Load one pack directory named @pack. */
int ws_ruleset_load_pack(ws_ruleset *rs, const char *pack, const char *pack_dir, ws_diag *diag);

/* Build the per-word index after the last pack is loaded. */
int ws_ruleset_index(ws_ruleset *rs);

/* The rule with id @id, or NULL. */
const ws_rule *ws_ruleset_find(const ws_ruleset *rs, const char *id);

/* Record a string in the ruleset's arena; NULL when out of memory. */
const char *ws_ruleset_intern(ws_ruleset *rs, const char *s, size_t len);

#endif
