/*
 * annotate.h - what the lexicons say about each token, looked up once per
 * document: function-word classes, cues, roles, institutions, places,
 * pronouns, honorifics. Multi-word entries are matched longest first and
 * recorded on their first token with their length in tokens.
 */
#ifndef WS_ANNOTATE_H
#define WS_ANNOTATE_H

#include <stdbool.h>
#include <stdint.h>

#include "doc/doc.h"
#include "ruleset/ruleset.h"

typedef struct ws_tok_ann {
    uint32_t fw;            /* WS_FW_* bits */
    int32_t cue;            /* cue_info index of a cue starting here, or -1 */
    int32_t role;           /* role_info index, or -1 */
    int32_t inst;           /* institution_info index (by name or acronym), or -1 */
    int32_t country;        /* ruleset strings index of a country name here, or -1 */
    int32_t demonym;        /* strings index of the demonym's country, or -1 */
    int32_t pronoun;        /* pronoun_info index, or -1 */
    uint8_t cue_len;        /* tokens of each multi-word match */
    uint8_t role_len;
    uint8_t inst_len;
    uint8_t country_len;
    uint8_t anon_len;       /* anonymous-source phrase */
    int8_t honorific;       /* -1 none; else gender 0 any, 1 male, 2 female */
    int8_t first_name;      /* 0 none; gender 1 male, 2 female */
    bool is_head;           /* institution head noun (ministry, police) */
    bool is_group;          /* group noun (nations, powers) */
    bool common_capital;    /* capitalized only by its sentence start: the
                               article writes it in lower case elsewhere
                               and never with a capital inside a sentence */
    bool known_surname;     /* a word of time capitalized ("Day", "May") that
                               the article writes elsewhere after a first
                               name or a title ("Lena Day", "Ms May") */
} ws_tok_ann;

/*
 * Annotate every token of @doc into a new array (freed with ws_free(mem)).
 * @cues (room for every token, may be NULL) receives the tokens a cue starts
 * at, in order, and *n_cues their number; @triggers (likewise) the tokens
 * the word index says a rule phrase may start at (WS_STARTS_TRIGGER), for
 * the rules pass to look there alone, and *n_triggers their number.
 */
int ws_annotate(const ws_doc *doc, const ws_ruleset *rs, const ws_allocator *mem,
                ws_tok_ann **out, uint32_t *cues, size_t *n_cues, uint32_t *triggers, size_t *n_triggers);

/*
 * The longest entry of @lex starting at token @i (keys lower-case unless
 * @exact), within its sentence: returns its length in tokens (0: none) and
 * its value in *value.
 */
uint32_t ws_match_lexicon(const ws_doc *doc, const ws_lexicon *lex, size_t i, bool exact,
                          uint32_t *value);

#endif
