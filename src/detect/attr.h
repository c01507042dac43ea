/*
 * attr.h - the working state of attribution, shared by its three parts:
 * noun phrases (np.c), mentions and entities (mentions.c), statements
 * (attribution.c). Without a part-of-speech tagger, what the lexicons say
 * about each token (annotate.c) stands in for grammar.
 */
#ifndef WS_ATTR_H
#define WS_ATTR_H

#include <assert.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "detect/annotate.h"
#include "detect/report.h"

struct ws_ent_index;

typedef struct ws_np_answer {
    uint32_t end, limit, start;
} ws_np_answer;

typedef struct ws_attr {
    ws_report *r;
    ws_doc *doc;
    const ws_ruleset *rs;
    const ws_token *tok;
    ws_tok_ann *ann;
    int32_t *ment_at;       /* per token: the mention whose noun phrase holds it, or -1 */
    int32_t *top_quote;     /* per quotation: the top-level quotation around it (itself at top) */
    uint32_t sent;          /* the sentence being read */
    struct ws_ent_index *index; /* entities by name and role (mentions.c) */
    /* Per token (or NULL): answers of ws_tok_is_name_word() and of the
     * mention finder's name-part test, bits of enum ws_tok_memo. They
     * depend only on the tokens and their annotations, which stay as they
     * are for the whole pass, and are asked of the same tokens again and
     * again (every name run is walked from several places). */
    uint8_t *memo;
    /* The last question put to ws_np_left() and its answer (NULL: none
     * kept; end 0: none yet). The readers of a subject put the same one
     * again right after another, and the answer depends only on the tokens
     * and their annotations. */
    struct ws_np_answer *np_left_last;
    /* The tokens that have a cue, in order, and the first of them not
     * before the sentence being attributed: the sentences are read in
     * order, and a sentence's tokens without a cue start no statement. */
    uint32_t *cue_toks;
    size_t n_cue_toks;
    size_t next_cue_tok;
    /* The first quotation whose opening mark is not before the sentence
     * read for a colon and a quotation (colon_quote_statement(): the
     * sentences are read in order, as the quotations are sorted). */
    size_t next_open_quote;
} ws_attr;

enum ws_tok_memo {
    WS_MEMO_NAME_WORD_KNOWN = 1 << 0,
    WS_MEMO_NAME_WORD = 1 << 1,
    WS_MEMO_NAME_PART_KNOWN = 1 << 2,
    WS_MEMO_NAME_PART = 1 << 3,
};

/* Token classes ------------------------------------------------------------ */

static inline bool ws_tok_is(const ws_attr *a, uint32_t i, uint32_t fw)
{
    return (a->ann[i].fw & fw) != 0;
}

/* The token's text equals @s (@n bytes) exactly. */
static inline bool ws_tok_text_eq(const ws_attr *a, uint32_t i, const char *s, size_t n)
{
    const ws_token *t = &a->tok[i];
    return t->end - t->start == n && memcmp(a->doc->text + t->start, s, n) == 0;
}

/* The same for a string literal, its length known at compile time. */
#define ws_tok_text_is(a, i, lit) ws_tok_text_eq((a), (i), "" lit, sizeof(lit) - 1)

/* The possessive "'s" (or "’s" typed as such), a token of its own; not
 * the verb of "he's" (annotate.c marks that one an auxiliary). */
static inline bool ws_tok_is_possessive(const ws_attr *a, uint32_t i)
{
    if ((ws_tok_text_is(a, i, "'s") || ws_tok_text_is(a, i, "\xE2\x80\x99s")) && !ws_tok_is(a, i, WS_FW_AUX))
        return true;
    /* "Thomas' sister": the apostrophe alone after a word in -s. */
    const ws_token *t = &a->tok[i];
    return i > 0 && (ws_tok_text_is(a, i, "'") || ws_tok_text_is(a, i, "\xE2\x80\x99")) && t->kind == WS_TOK_PUNCT &&
           a->tok[i - 1].end == t->start && a->tok[i - 1].kind == WS_TOK_WORD &&
           a->doc->text[t->start - 1] == 's' && i + 1 < a->doc->tokens.n && a->tok[i + 1].kind == WS_TOK_WORD &&
           (a->tok[i + 1].flags & WS_TOKF_SPACE_BEFORE);
}

/* Is the token at least @min_len bytes long and does it end with the
 * @sn bytes of @suffix? */
static inline bool ws_tok_ends_with_n(const ws_attr *a, uint32_t i, const char *suffix, size_t sn, size_t min_len)
{
    const ws_token *t = &a->tok[i];
    size_t n = t->end - t->start;
    return n >= min_len && n >= sn && memcmp(a->doc->text + t->end - sn, suffix, sn) == 0;
}

/* The same for a string literal: its length is known where it is written,
 * so that the compare is a few instructions instead of calls to strlen()
 * and memcmp() (some 16,000 a few hundred articles). */
#define ws_tok_ends_with(a, i, lit, min_len) ws_tok_ends_with_n((a), (i), "" lit, sizeof(lit) - 1, (min_len))

/* Is the word at @i one of the @n lower-case @words, whatever its case?
 * Inline: it is asked of nearly every token, from some seventy places,
 * each with a short list of literals, so that the compiler can unroll the
 * loop and take each word's first letter and length as constants. */
static inline bool ws_tok_word_in(const ws_attr *a, uint32_t i, const char *const *words, size_t n)
{
    const ws_token *t = &a->tok[i];
    size_t len = t->end - t->start;
    if (len == 0)
        return false;
    /* The first letter rules out most words before their length is
     * counted. */
    const char *text = a->doc->text + t->start;
    int first = (unsigned char)text[0] | 0x20;
    for (size_t k = 0; k < n; k++)
        if (((unsigned char)words[k][0] | 0x20) == first && len == strlen(words[k]) &&
            !strncasecmp(text, words[k], len))
            return true;
    return false;
}

static inline char ws_ascii_fold(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* Is the word at @i @word (@n bytes), whatever its case? The length is
 * known where the word is a literal, and rules out most tokens in one
 * comparison (ws_tok_word_in() with one word was a call, where the
 * compiler keeps it out of line). */
static inline bool ws_tok_word_eq(const ws_attr *a, uint32_t i, const char *word, size_t n)
{
    const ws_token *t = &a->tok[i];
    if (t->end - t->start != n || n == 0)
        return false;
    const char *text = a->doc->text + t->start;
    for (size_t k = 0; k < n; k++)
        if (ws_ascii_fold(text[k]) != ws_ascii_fold(word[k]))
            return false;
    return true;
}

/* The same for one literal lower-case word. */
#define ws_tok_word_is(a, i, word) ws_tok_word_eq((a), (i), "" word, sizeof(word) - 1)

/* Is token @i ".", "!", "?", ";", ":", ",", an ellipsis or "..."? (By its
 * length first: asked of every token of many walks, most of them words.) */
static inline bool is_end_punct(const ws_attr *a, uint32_t i)
{
    const ws_token *t = &a->tok[i];
    const char *s = a->doc->text + t->start;
    switch (t->end - t->start) {
    case 1:
        return s[0] == '.' || s[0] == '!' || s[0] == '?' || s[0] == ';' || s[0] == ':' || s[0] == ',';
    case 3:
        return memcmp(s, "\xE2\x80\xA6", 3) == 0 || memcmp(s, "...", 3) == 0;
    default:
        return false;
    }
}

/* A dash between phrases: an em or en dash, "--", or a hyphen with spaces
 * around it, as copy typed without dashes has it ("Smith - an adviser -"). */
static inline bool ws_tok_is_dash(const ws_attr *a, uint32_t i)
{
    /* (By its length first: most tokens asked are words.) */
    const ws_token *t = &a->tok[i];
    const char *s = a->doc->text + t->start;
    switch (t->end - t->start) {
    case 1:
        return s[0] == '-' && (t->flags & WS_TOKF_SPACE_BEFORE) && i + 1 < a->doc->tokens.n &&
               (a->tok[i + 1].flags & WS_TOKF_SPACE_BEFORE);
    case 2:
        return s[0] == '-' && s[1] == '-';
    case 3:
        return memcmp(s, "\xE2\x80", 2) == 0 && (s[2] == '\x94' || s[2] == '\x95' || s[2] == '\x93');
    default:
        return false;
    }
}

/* ws_tok_is_name_word() for a capitalized word. */
bool ws_tok_is_name_word_cap(const ws_attr *a, uint32_t i);

/* @ask's answer for token @i, asked once (see ws_attr.memo): bit @known of
 * the token's memo says it was asked, bit @yes holds the answer. */
static inline bool ws_tok_memo(const ws_attr *a, uint32_t i, uint8_t known, uint8_t yes,
                               bool (*ask)(const ws_attr *, uint32_t))
{
    if (!a->memo)
        return ask(a, i);
    uint8_t m = a->memo[i];
    if (m & known) {
        /* (Debug builds check that the answer could not have changed.) */
        assert(((m & yes) != 0) == ask(a, i));
        return (m & yes) != 0;
    }
    bool answer = ask(a, i);
    a->memo[i] |= (uint8_t)(known | (answer ? yes : 0));
    return answer;
}

/* A capitalized word that is not a function word (names, institutions).
 * Inline for the test that rules out most tokens: finding mentions asks
 * it of nearly every token, several times. */
static inline bool ws_tok_is_name_word(const ws_attr *a, uint32_t i)
{
    const ws_token *t = &a->tok[i];
    if (t->kind != WS_TOK_WORD || !(t->flags & WS_TOKF_CAP))
        return false;
    return ws_tok_memo(a, i, WS_MEMO_NAME_WORD_KNOWN, WS_MEMO_NAME_WORD, ws_tok_is_name_word_cap);
}

/* Is the cue word @i in the base form a modifier of the noun after it,
 * which a verb of speech follows ("protest groups say", "Some protest
 * leaders said")? */
bool ws_tok_modifies_speaker(const ws_attr *a, uint32_t i);

/* Is the -s form @i right before another verb of speech its subject noun
 * ("Recent reports revealed that ...", "Media reports say ...")? */
bool ws_tok_noun_before_cue(const ws_attr *a, uint32_t i);

/* Is the word @i inside a role of more than one word ("state" in
 * "secretary of state")? */
bool ws_tok_inside_role(const ws_attr *a, uint32_t i);

/* Has the cue word @i a noun reading ("report", "statement")? */
bool ws_tok_has_noun_cue(const ws_attr *a, uint32_t i);

/* Can the word at @i head a plural subject: "officials", "police", "people",
 * "9 percent", "some", an anonymous source or a group noun? */
bool ws_tok_is_plural_head(const ws_attr *a, uint32_t i);

/* Is the cue at @i, after a determiner and a modifier, followed by a verb
 * of saying in the past or one in the present that agrees with @i as a noun
 * ("the annual report says", "their latest reports say")? Then @i is the
 * noun: "The police report said". */
bool ws_tok_noun_before_agreeing_cue(const ws_attr *a, uint32_t i);

/* "the new report,", "the 2019 report on", "Kestrel's annual review.": the
 * base form of a verb after a determiner and one modifier in the singular
 * or a number, ending its phrase, is a noun; as a verb it would need a
 * subject in the plural ("the analysts report that ..."). */
bool ws_tok_noun_after_modifier(const ws_attr *a, uint32_t i);

/* ws_tok_is_cue_verb() for a token that has a cue. */
bool ws_tok_cue_reads_as_verb(const ws_attr *a, uint32_t i);

/* A reporting verb form (not a noun or phrase cue). Inline: asked of most
 * tokens the rules walk over, which mostly have no cue at all. */
static inline bool ws_tok_is_cue_verb(const ws_attr *a, uint32_t i)
{
    return a->ann[i].cue >= 0 && ws_tok_cue_reads_as_verb(a, i);
}

/* Tokens [i, j) are all in one sentence and none is a quotation mark. */
bool ws_tok_same_clause(const ws_attr *a, uint32_t i, uint32_t j);

/* Noun phrases (np.c) ------------------------------------------------------ */

/*
 * The start of the noun phrase that ends just before token @end, not before
 * @limit; returns @end when there is none. The last token must be able to
 * head a noun phrase (a name, a noun, a pronoun).
 */
uint32_t ws_np_left(const ws_attr *a, uint32_t end, uint32_t limit);

/* The end (exclusive) of the noun phrase starting at @start, not past @limit. */
uint32_t ws_np_right(const ws_attr *a, uint32_t start, uint32_t limit);

/* Skip, leftwards from @end, what may stand between a subject and its verb:
 * auxiliaries, adverbs, negation, "on Thursday", "last week". */
uint32_t ws_skip_adverbials_left(const ws_attr *a, uint32_t end, uint32_t limit);

/* A lower-case word in -ly outside the word lists: an adverb ("Smith
 * powerfully argued"), unless it is one of the few nouns in -ly. */
bool ws_tok_is_ly_adverb(const ws_attr *a, uint32_t i);

/* A word that ends a name and takes a period: "Tom Hale Jr.", "Kestrel
 * Inc.", "Tolvo Bros." (the period is the name's, not the sentence's). */
bool ws_tok_is_dotted_suffix(const ws_attr *a, uint32_t i);

/* The legal form that ends a company's name: "Inc", "Corp", "Co", "Ltd",
 * "Bros" (a dotted suffix, as "Jr" is a person's). */
bool ws_tok_is_company_form(const ws_attr *a, uint32_t i);

/* Does the sentence at @s0 open with a verb of speech put before its
 * speaker ('Said Hale: "..."')? The verb is no part of the name after it. */
bool ws_tok_said_first(const ws_attr *a, uint32_t s0);

/* The length of a phrase at @i, before @limit, that places an unnamed
 * source: "close to", "familiar with", "in attendance"; 0 when none. */
uint32_t ws_tok_placing_phrase(const ws_attr *a, uint32_t i, uint32_t limit);

/* Is @i a word for people the writer does not name: an anonymous source
 * from the rules ("officials", "a source"), "someone", "people"? */
bool ws_tok_is_unnamed_source(const ws_attr *a, uint32_t i);

/* The same rightwards from @start. */
uint32_t ws_skip_adverbials_right(const ws_attr *a, uint32_t start, uint32_t limit);

/* Mentions and entities (mentions.c) --------------------------------------- */

/* Set up what resolving mentions keeps per document (the entity index),
 * and free it; ws_mentions_end may be called after a failed begin. */
int ws_mentions_begin(ws_attr *a);
void ws_mentions_end(ws_attr *a);

/* Find and resolve the named mentions of sentence @s (titles, institutions,
 * groups, known names): the entities of the article, speakers or not. */
int ws_mentions_in_sentence(ws_attr *a, uint32_t s);

/* What ws_mention_for returns when memory runs out: WS_ENOMEM is -1, which
 * would read as "no mention". Callers turn it back into WS_ENOMEM. */
enum { WS_MENTION_ENOMEM = -2 };

/*
 * The mention for noun phrase [start, end): an existing one covering it, or
 * a new one classified and resolved to an entity (pronouns to the nearest
 * compatible entity). Returns its index, or -1 when the phrase cannot name a
 * speaker (it, there), or WS_MENTION_ENOMEM.
 */
int32_t ws_mention_for(ws_attr *a, uint32_t start, uint32_t end, bool is_speaker);

/* Count a statement for its speaker's direct/indirect tallies; WS_OK or WS_ENOMEM. */
int ws_entity_count(ws_attr *a, int32_t entity, ws_statement_kind kind, uint32_t at_tok);

/* The speaker @entity says "it" of itself ("Kestrel said it plans to ..."):
 * a one-word name that no gender, first name or role made a person is an
 * institution from now on. WS_OK or WS_ENOMEM. */
int ws_entity_calls_itself_it(ws_attr *a, int32_t entity);

/* Build the public entity views of the report. */
int ws_entities_finalize(ws_report *r);

#endif
