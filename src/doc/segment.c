/*
 * segment.c - sentences from tokens. A sentence ends at . ! or ? (with any
 * closing marks and brackets after it) when the next token starts a new
 * sentence: preceded by white space, not a lower-case word, outside any
 * quotation. Abbreviations that a name follows (Mr., Gov.) and initials never
 * end a sentence; other abbreviations (U.S., Inc.) end one only when a word
 * that typically starts sentences follows ("in the U.S. The ...").
 */
#include "doc/segment.h"

#include <string.h>
#include <strings.h>

#include "doc/tokenize.h"
#include "text/utf8.h"

static bool tok_is(const ws_doc *doc, const ws_token *t, const char *s)
{
    size_t n = strlen(s);
    return t->end - t->start == n && memcmp(doc->text + t->start, s, n) == 0;
}

static bool is_terminal_punct(const ws_doc *doc, const ws_token *t)
{
    if (t->kind != WS_TOK_PUNCT)
        return false;
    char c = doc->text[t->start];
    if (c == '!' || c == '?')
        return true;
    return tok_is(doc, t, ".");
}

static bool is_closer(const ws_doc *doc, const ws_token *t)
{
    if (t->kind == WS_TOK_QUOTE)
        return (t->flags & WS_TOKF_CLOSE) != 0;
    return t->kind == WS_TOK_PUNCT && (tok_is(doc, t, ")") || tok_is(doc, t, "]"));
}

/* Can token @t begin a sentence? */
static bool can_start(const ws_doc *doc, const ws_token *t)
{
    if (!(t->flags & (WS_TOKF_SPACE_BEFORE | WS_TOKF_NEWLINE_BEFORE)))
        return false;
    if (t->quote_depth > 0)
        return false; /* inside a quotation (a mark token has its outer level) */
    if (t->kind == WS_TOK_WORD) {
        int32_t first = ws_utf8_at(doc->text, t->end, t->start);
        return !ws_cp_is_lower(first);
    }
    return true;
}

/* Longest key looked up (abbreviations and sentence starters are short). */
enum { MAX_LEX_KEY = 62 };

static bool lex_has_token(const ws_doc *doc, const ws_lexicon *lex, const ws_token *t,
                          bool with_period)
{
    /* The document's own lower-case key: no copy unless a period is added. */
    size_t n;
    const char *k = ws_doc_key(doc, (size_t)(t - doc->tokens.v), &n);
    if (n == 0 || n > MAX_LEX_KEY)
        return false;
    if (!with_period)
        return ws_lexicon_contains(lex, k, n);
    char key[MAX_LEX_KEY + 2];
    memcpy(key, k, n);
    key[n++] = '.';
    key[n] = '\0';
    return ws_lexicon_contains(lex, key, n);
}

/* An opening quotation mark whose first word is in lower case goes on
 * the sentence before it: 'lost 9 lbs. "and a belt" in May'. */
static bool quotation_goes_on(const ws_doc *doc, const ws_token *next)
{
    const ws_token *inside = next + 1;
    return next->kind == WS_TOK_QUOTE && (next->flags & WS_TOKF_OPEN) && inside < doc->tokens.v + doc->tokens.n &&
           inside->kind == WS_TOK_WORD && !(inside->flags & WS_TOKF_CAP) && !(inside->flags & WS_TOKF_SPACE_BEFORE);
}

/* After an abbreviation: does @next look like the first word of a sentence? */
static bool starts_sentence_after_abbrev(const ws_doc *doc, const ws_ruleset *rules,
                                         const ws_token *next)
{
    /* An opening quotation mark does, unless it goes on the sentence. */
    if (next->kind == WS_TOK_QUOTE && (next->flags & WS_TOKF_OPEN))
        return !quotation_goes_on(doc, next);
    if (next->kind != WS_TOK_WORD || !rules)
        return false;
    return lex_has_token(doc, &rules->sentence_starters, next, false);
}

/* Is a sentence boundary between tokens [k] (terminal) and [j] (next)? */
static bool is_boundary(const ws_doc *doc, const ws_ruleset *rules, size_t k, size_t j)
{
    const ws_token *tok = doc->tokens.v;
    const ws_token *next = &tok[j];
    if (!can_start(doc, next))
        return false;
    if (tok[j - 1].quote_depth > 0 && !is_closer(doc, &tok[j - 1]))
        return false;
    const ws_token *term = &tok[k];
    if (term->kind == WS_TOK_WORD && (term->flags & WS_TOKF_ABBREV)) {
        /* A dotted abbreviation (U.S.) at the end of a sentence. */
        return starts_sentence_after_abbrev(doc, rules, next);
    }
    /* ('shed 9 lbs. "and a belt"': after a unit that follows its number;
     * '"iPhone sales fell," Hale said' opens a sentence of its own.) */
    if (tok_is(doc, term, ".") && k >= 2 && quotation_goes_on(doc, next) && tok[k - 1].kind == WS_TOK_WORD &&
        !(tok[k - 1].flags & WS_TOKF_CAP) && tok[k - 1].end - tok[k - 1].start <= 4 && tok[k - 2].kind == WS_TOK_NUMBER)
        return false;
    if (!tok_is(doc, term, ".") || k == 0)
        return true;
    const ws_token *word = &tok[k - 1];
    if (word->kind != WS_TOK_WORD || (term->flags & WS_TOKF_SPACE_BEFORE))
        return true;
    int32_t first = ws_utf8_at(doc->text, word->end, word->start);
    /* An initial: J. Smith. */
    if (word->end - word->start == (uint32_t)ws_utf8_seqlen((unsigned char)doc->text[word->start]) &&
        ws_cp_is_upper(first))
        return starts_sentence_after_abbrev(doc, rules, next);
    if (!rules)
        return true;
    if (lex_has_token(doc, &rules->abbrev_name, word, true)) {
        /* "the SEC. The ...": an acronym in capitals is no title ("Sec."),
         * so the word after it decides, as after "Inc."; "MR. SMITH" stays
         * one sentence. */
        if (word->flags & WS_TOKF_ALLCAPS)
            return starts_sentence_after_abbrev(doc, rules, next);
        return false;
    }
    if (lex_has_token(doc, &rules->abbrev_other, word, true)) {
        /* "No." and "nos." abbreviate only before their number: "said
         * no. Kestrel said yes" ends a sentence. */
        size_t n = word->end - word->start;
        const char *w = doc->text + word->start;
        if ((n == 2 && !strncasecmp(w, "no", 2)) || (n == 3 && !strncasecmp(w, "nos", 3)))
            return next->kind != WS_TOK_NUMBER;
        return starts_sentence_after_abbrev(doc, rules, next);
    }
    return true;
}

static int add_sentence(ws_doc *doc, uint32_t block, size_t first, size_t stop)
{
    if (stop <= first)
        return WS_OK;
    int rc = WS_ARRAY_GROW(doc->mem, doc->sentences);
    if (rc < 0)
        return rc;
    uint32_t idx = (uint32_t)doc->sentences.n;
    doc->sentences.v[doc->sentences.n++] =
        (ws_sentence){doc->tokens.v[first].start, doc->tokens.v[stop - 1].end, (uint32_t)first,
                      (uint32_t)stop, block};
    doc->tokens.v[first].flags |= WS_TOKF_SENT_START;
    for (size_t i = first; i < stop; i++)
        doc->tokens.v[i].sentence = idx;
    return WS_OK;
}

int ws_segment(ws_doc *doc, const ws_ruleset *rules)
{
    int rc;
    size_t k = 0, next_stop = 0;
    const ws_token *tok = doc->tokens.v;
    const uint32_t *stops = doc->stops.v;
    for (uint32_t b = 0; b < doc->blocks.n; b++) {
        const ws_block *blk = &doc->blocks.v[b];
        /* The block's tokens end at the first token from its end on:
         * found by a search, not by reading every token. (The tokens
         * before k are those of earlier blocks, which end before this
         * one: the guard only keeps a block out of order empty.) */
        size_t first = k, stop = ws_doc_token_at(doc, blk->end);
        if (stop < first)
            stop = first;
        size_t sent = first;
        /* Only the tokens the tokenizer noted may end a sentence: the
         * others are passed over without being read. */
        while (next_stop < doc->stops.n && stops[next_stop] < first)
            next_stop++;
        for (; next_stop < doc->stops.n && stops[next_stop] < stop; next_stop++) {
            size_t i = stops[next_stop];
            if (i < sent)
                continue;
            bool terminal = is_terminal_punct(doc, &tok[i]) ||
                            (tok[i].kind == WS_TOK_WORD && (tok[i].flags & WS_TOKF_ABBREV));
            if (!terminal)
                continue;
            size_t j = i + 1;
            while (j < stop && is_closer(doc, &tok[j]))
                j++;
            if (j >= stop)
                break;
            if (is_boundary(doc, rules, i, j)) {
                if ((rc = add_sentence(doc, b, sent, j)) < 0)
                    return rc;
                sent = j;
            }
        }
        if ((rc = add_sentence(doc, b, sent, stop)) < 0)
            return rc;
        k = stop;
    }
    return WS_OK;
}
