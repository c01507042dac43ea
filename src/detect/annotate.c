/* annotate.c - one pass of lexicon lookups over the tokens. */
#include "detect/annotate.h"

#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "doc/tokenize.h"

/*
 * ws_match_lexicon(), with the hash of token @i's lower-case key when the
 * caller has it (@first_hash; NULL: none). The key grows a word at a time
 * and so does its hash; a one-word key is looked up where the document
 * keeps it, without a copy.
 */
static uint32_t match_lexicon(const ws_doc *doc, const ws_lexicon *lex, size_t i, bool exact, uint32_t *value,
                              const uint32_t *first_hash)
{
    if (lex->n_entries == 0)
        return 0;
    const ws_token *tok = doc->tokens.v;
    char key[512];
    const char *whole; /* the key so far: token @i's own, then key[] */
    size_t len;
    uint32_t h;
    if (exact) {
        len = ws_key_of(doc->text, tok[i].start, tok[i].end, false, key, sizeof key);
        whole = key;
        h = ws_lexicon_hash_word(key, len);
    } else {
        whole = ws_doc_key(doc, i, &len);
        if (len + 1 > sizeof key)
            len = 0;
        h = first_hash ? *first_hash : ws_lexicon_hash_padded(whole, len);
    }
    if (len == 0)
        return 0;
    uint32_t best = 0;
    for (size_t j = i;;) {
        const ws_lex_entry *e = ws_lexicon_find_hashed(lex, whole, len, h);
        if (!e)
            break;
        if (e->flags & WS_LEX_ENTRY) {
            best = (uint32_t)(j - i + 1);
            if (value)
                *value = e->value;
        }
        if (!(e->flags & WS_LEX_PREFIX))
            break;
        /* Within the sentence, and not across a quotation mark: one word more. */
        j++;
        if (j >= doc->tokens.n || j - i >= lex->max_words || tok[j].sentence != tok[i].sentence ||
            tok[j].kind == WS_TOK_QUOTE)
            break;
        /* (Most phrases end here: the next word follows in no key. The
         * document's key of it is asked before any copy.) */
        size_t n = 0;
        const char *next = NULL;
        uint32_t next_hash = 0;
        if (!exact) {
            next = ws_doc_key(doc, j, &n);
            next_hash = ws_lexicon_hash_padded(next, n);
            if (!ws_lexicon_may_follow(lex, next_hash))
                break;
        }
        if (whole != key) {
            memcpy(key, whole, len + 1);
            whole = key;
        }
        if (len + 1 >= sizeof key)
            break;
        key[len++] = ' ';
        if (exact) {
            n = ws_key_of(doc->text, tok[j].start, tok[j].end, false, key + len, sizeof key - len);
            next_hash = ws_lexicon_hash_word(key + len, n);
        } else {
            if (n + 1 > sizeof key - len)
                n = 0;
            else
                memcpy(key + len, next, n + 1);
        }
        if (n == 0)
            break;
        h = ws_lexicon_hash_join(h, next_hash);
        len += n;
    }
    return best;
}

uint32_t ws_match_lexicon(const ws_doc *doc, const ws_lexicon *lex, size_t i, bool exact,
                          uint32_t *value)
{
    return match_lexicon(doc, lex, i, exact, value, NULL);
}

static uint8_t clamp8(uint32_t n)
{
    return (uint8_t)(n > 255 ? 255 : n);
}

/* The longest entry of @lex at token @i when the word index says one may
 * start there, else the one-word entry @single (or none). */
static uint32_t match_at(const ws_doc *doc, const ws_lexicon *lex, size_t i, uint32_t key_hash, bool starts,
                         int32_t single, int32_t *value)
{
    uint32_t v;
    if (starts) {
        uint32_t len = match_lexicon(doc, lex, i, false, &v, &key_hash);
        if (len) {
            *value = (int32_t)v;
            return len;
        }
        return 0;
    }
    if (single >= 0) {
        *value = single;
        return 1;
    }
    return 0;
}

/* "he's", "it's", "there's": after a subject pronoun the tokenizer's
 * possessive 's (token @i, after another) is the verb "is" or "has" ("He's
 * claiming that ..."), an auxiliary for the readers of verb groups and
 * subjects. */
static bool is_contracted_verb(const ws_doc *doc, size_t i)
{
    static const char *const subjects[] = {"he", "she", "it", "that", "there", "who", "what", "here", "where"};
    size_t plen;
    if (doc->tokens.v[i - 1].end != doc->tokens.v[i].start)
        return false;
    const char *prev = ws_doc_key(doc, i - 1, &plen);
    for (size_t k = 0; k < sizeof subjects / sizeof *subjects; k++)
        if (plen == strlen(subjects[k]) && memcmp(prev, subjects[k], plen) == 0)
            return true;
    return false;
}

/* A capitalized word (not all in capitals) at the start of a sentence:
 * what is_capital_by_position() asks of the token alone. */
static bool may_be_capital_by_position(const ws_token *t)
{
    return t->kind == WS_TOK_WORD && (t->flags & WS_TOKF_SENT_START) && (t->flags & WS_TOKF_CAP) &&
           !(t->flags & WS_TOKF_ALLCAPS);
}

/* A word at the start of a sentence, capitalized by that position alone? */
static bool is_capital_by_position(const ws_doc *doc, const ws_tok_ann *a, size_t i)
{
    return may_be_capital_by_position(&doc->tokens.v[i]) && !a[i].first_name && a[i].honorific < 0 && !a[i].fw &&
           a[i].pronoun < 0;
}

/* Is token @i capitalized inside a sentence (not after an opening quotation
 * mark or a colon, which start a sentence of their own)? */
static bool is_capital_inside(const ws_doc *doc, size_t i)
{
    const ws_token *t = &doc->tokens.v[i];
    if (!(t->flags & WS_TOKF_CAP) || (t->flags & (WS_TOKF_SENT_START | WS_TOKF_BLOCK_START)) || i == 0)
        return false;
    const ws_token *p = &doc->tokens.v[i - 1];
    if (p->kind == WS_TOK_QUOTE)
        return false;
    return !(p->kind == WS_TOK_PUNCT && p->end - p->start == 1 && doc->text[p->start] == ':');
}

typedef struct capital_slot {
    uint32_t tok;   /* the first sentence-initial token of this key, + 1 (0: empty) */
    bool lower;     /* the key occurs in lower case */
    bool inside;    /* the key occurs capitalized inside a sentence */
} capital_slot;

/* The slot of @key (@len bytes, ws_lexicon_hash() @h), or the empty slot
 * where it goes. */
static capital_slot *capital_slot_for(capital_slot *slots, size_t mask, const ws_doc *doc, const char *key,
                                      size_t len, uint32_t h)
{
    for (size_t j = h & mask;; j = (j + 1) & mask) {
        if (!slots[j].tok)
            return &slots[j];
        size_t n;
        const char *other = ws_doc_key(doc, slots[j].tok - 1, &n);
        if (n == len && memcmp(other, key, len) == 0)
            return &slots[j];
    }
}

/*
 * "Polls showed ...", "Judge rejects ...", "Video shows ...": a sentence's
 * first word is capitalized whatever it is. When the article writes the same
 * word in lower case elsewhere and never with a capital inside a sentence,
 * it is a common noun, not a name (a surname such as "Young" is capitalized
 * wherever its full name stands).
 *
 * The annotation loop, which has every word's key and its hash at hand,
 * keeps the words whose key may be that of a first word (of a bit of the
 * hash); the end looks at those alone, instead of at every token again.
 */
typedef struct word_at {
    uint32_t tok;
    uint32_t hash;  /* ws_lexicon_hash() of its key */
} word_at;

typedef struct common_capitals {
    word_at *first;         /* sentence-initial capitalized words */
    size_t n_first;
    word_at *other;         /* the other words whose hash has a bit of @filter */
    size_t n_other;
    /* A bit for the hash of each first word's key, of 1024: most other
     * words miss them. */
    uint64_t filter[16];
} common_capitals;

static bool in_filter(const uint64_t *filter, uint32_t h)
{
    return (filter[(h >> 6) & 15] >> (h & 63)) & 1;
}

static void add_to_filter(uint64_t *filter, uint32_t h)
{
    filter[(h >> 6) & 15] |= 1ull << (h & 63);
}

static int common_capitals_begin(common_capitals *cc, const ws_doc *doc, const ws_allocator *mem)
{
    memset(cc, 0, sizeof *cc);
    cc->first = ws_alloc(mem, (doc->sentences.n ? doc->sentences.n : 1) * sizeof *cc->first);
    cc->other = ws_alloc(mem, (doc->tokens.n ? doc->tokens.n : 1) * sizeof *cc->other);
    if (!cc->first || !cc->other)
        return WS_ENOMEM;
    for (size_t s = 0; s < doc->sentences.n; s++) {
        uint32_t i = doc->sentences.v[s].tok_start;
        /* (The token alone: its annotation is not made yet.) */
        if (!may_be_capital_by_position(&doc->tokens.v[i]))
            continue;
        size_t len;
        const char *key = ws_doc_key(doc, i, &len);
        uint32_t h = ws_lexicon_hash_padded(key, len);
        add_to_filter(cc->filter, h);
        cc->first[cc->n_first++] = (word_at){i, h};
    }
    return WS_OK;
}

/* Token @i (@tok), whose key hashes to @h: kept when it is a word, not the
 * first of its sentence, whose key may be a first word's. (The filter is
 * asked first: most words miss it.) */
static inline void common_capitals_note(common_capitals *cc, const ws_token *tok, size_t i, uint32_t h)
{
    if (in_filter(cc->filter, h) && tok->kind == WS_TOK_WORD && !(tok->flags & WS_TOKF_SENT_START))
        cc->other[cc->n_other++] = (word_at){(uint32_t)i, h};
}

/* Mark the first words capitalized by position alone (@a is annotated). */
static int common_capitals_mark(common_capitals *cc, const ws_doc *doc, const ws_allocator *mem, ws_tok_ann *a)
{
    size_t n_first = 0;
    memset(cc->filter, 0, sizeof cc->filter);
    for (size_t f = 0; f < cc->n_first; f++) {
        if (!is_capital_by_position(doc, a, cc->first[f].tok))
            continue;
        add_to_filter(cc->filter, cc->first[f].hash);
        cc->first[n_first++] = cc->first[f];
    }
    if (!n_first)
        return WS_OK;
    size_t cap = 16;
    while (cap < n_first * 2)
        cap *= 2;
    capital_slot *slots = ws_calloc(mem, cap, sizeof *slots);
    if (!slots)
        return WS_ENOMEM;
    for (size_t f = 0; f < n_first; f++) {
        size_t len;
        const char *key = ws_doc_key(doc, cc->first[f].tok, &len);
        capital_slot *sl = capital_slot_for(slots, cap - 1, doc, key, len, cc->first[f].hash);
        if (!sl->tok)
            sl->tok = cc->first[f].tok + 1;
    }
    size_t n = doc->tokens.n;
    for (size_t k = 0; k < cc->n_other; k++) {
        if (!in_filter(cc->filter, cc->other[k].hash))
            continue;
        size_t i = cc->other[k].tok;
        const ws_token *t = &doc->tokens.v[i];
        /* "de" in "Bill de Blasio" is part of a name, as is "De Blasio". */
        bool lower = !(t->flags & WS_TOKF_CAP) &&
                     !(i + 1 < n && (doc->tokens.v[i + 1].flags & WS_TOKF_CAP) && doc->tokens.v[i + 1].kind == WS_TOK_WORD);
        bool inside = is_capital_inside(doc, i);
        if (!lower && !inside)
            continue;
        size_t len;
        const char *key = ws_doc_key(doc, i, &len);
        capital_slot *sl = capital_slot_for(slots, cap - 1, doc, key, len, cc->other[k].hash);
        sl->lower |= lower && sl->tok;
        sl->inside |= inside && sl->tok;
    }
    for (size_t f = 0; f < n_first; f++) {
        size_t len;
        const char *key = ws_doc_key(doc, cc->first[f].tok, &len);
        const capital_slot *sl = capital_slot_for(slots, cap - 1, doc, key, len, cc->first[f].hash);
        a[cc->first[f].tok].common_capital = sl->lower && !sl->inside;
    }
    ws_free(mem, slots);
    return WS_OK;
}

static void common_capitals_free(common_capitals *cc, const ws_allocator *mem)
{
    ws_free(mem, cc->other);
    ws_free(mem, cc->first);
}

/* The capitalized words of time that the article also writes after a first
 * name or a title: "Lena Day ... Day said", "Ms May ... May told". Such
 * surnames are few, and rarer still in one article; a handful is kept. */
enum { MAX_SURNAMES = 8 };

/* Is token @i (annotated, as are those before it) such a surname where it
 * stands? (Not a date: "Victoria May 3" is a place and a day.) */
static bool is_surname_of_time(const ws_doc *doc, const ws_tok_ann *a, size_t i)
{
    const ws_token *tok = doc->tokens.v;
    if (i == 0 || !(a[i].fw & WS_FW_TIME) || !(tok[i].flags & WS_TOKF_CAP) || (tok[i].flags & WS_TOKF_SENT_START) ||
        (i + 1 < doc->tokens.n && tok[i + 1].kind == WS_TOK_NUMBER))
        return false;
    /* ("Mr. Day": the title's period between.) */
    size_t t = i - 1;
    if (t >= 1 && tok[t].kind == WS_TOK_PUNCT && tok[t].end - tok[t].start == 1 && doc->text[tok[t].start] == '.' &&
        a[t - 1].honorific >= 0)
        t--;
    return (tok[t].flags & WS_TOKF_CAP) && (a[t].first_name || a[t].honorific >= 0);
}

/* Mark every capitalized occurrence of the @n_surnames tokens @surname. */
static void mark_known_surnames(const ws_doc *doc, ws_tok_ann *a, const uint32_t *surname, size_t n_surnames)
{
    const ws_token *tok = doc->tokens.v;
    for (size_t i = 0; n_surnames && i < doc->tokens.n; i++) {
        if (!(a[i].fw & WS_FW_TIME) || !(tok[i].flags & WS_TOKF_CAP) ||
            (i + 1 < doc->tokens.n && tok[i + 1].kind == WS_TOK_NUMBER))
            continue;
        size_t len = tok[i].end - tok[i].start;
        for (size_t k = 0; k < n_surnames && !a[i].known_surname; k++) {
            const ws_token *s = &tok[surname[k]];
            a[i].known_surname = s->end - s->start == len && memcmp(doc->text + s->start, doc->text + tok[i].start, len) == 0;
        }
        /* "May said": the surname, not the modal verb. */
        if (a[i].known_surname)
            a[i].fw &= ~(uint32_t)WS_FW_AUX;
    }
}

/* A short name not all in capitals before a capitalized word that is no
 * role is part of another name: "Met Office", "Fed Cup" ("Fed Chair Ana
 * Ruiz" keeps it). Token @i + 1 is annotated. */
static void drop_short_name_in_name(const ws_doc *doc, ws_tok_ann *a, size_t i)
{
    const ws_token *tok = &doc->tokens.v[i], *next = &doc->tokens.v[i + 1];
    if (a[i].inst >= 0 && a[i].inst_len <= 1 && !(tok->flags & WS_TOKF_ALLCAPS) && next->kind == WS_TOK_WORD &&
        (next->flags & WS_TOKF_CAP) && a[i + 1].role < 0 && a[i + 1].honorific < 0 && a[i + 1].inst < 0 &&
        !(next->flags & WS_TOKF_SENT_START))
        a[i].inst = -1;
}

/* Token @tok, in lower case, whose word @w starts no multi-word entry: its
 * one-word entries, into @t (unknown so far), as ws_annotate() would have
 * them. */
static inline void annotate_lower_word(ws_tok_ann *t, const ws_word_info *w, const ws_token *tok)
{
    t->fw = w->fw;
    if (w->cue >= 0) {
        t->cue = w->cue;
        t->cue_len = 1;
    }
    if (w->role >= 0) {
        t->role = w->role;
        t->role_len = 1;
    }
    if (!(tok->flags & WS_TOKF_ALLCAPS))
        t->pronoun = w->pronoun;
    t->is_head = w->is_head;
    t->is_group = w->is_group;
    t->anon_len = w->is_anon;
}

int ws_annotate(const ws_doc *doc, const ws_ruleset *rs, const ws_allocator *mem,
                ws_tok_ann **out, uint32_t *cues, size_t *n_cues, uint32_t *triggers, size_t *n_triggers)
{
    /* What a token has when no lexicon knows it; every token starts as a
     * copy, so the array needs no zeroing first. */
    static const ws_tok_ann unknown = {
        .cue = -1, .role = -1, .inst = -1, .country = -1, .demonym = -1, .pronoun = -1, .honorific = -1,
    };
    size_t n = doc->tokens.n;
    if (n_cues)
        *n_cues = 0;
    if (n_triggers)
        *n_triggers = 0;
    if (n > SIZE_MAX / sizeof(ws_tok_ann))
        return WS_ENOMEM;
    ws_tok_ann *a = ws_alloc(mem, (n ? n : 1) * sizeof *a);
    if (!a)
        return WS_ENOMEM;
    common_capitals cc;
    int rc = common_capitals_begin(&cc, doc, mem);
    if (rc < 0) {
        common_capitals_free(&cc, mem);
        ws_free(mem, a);
        return rc;
    }
    uint32_t surname[MAX_SURNAMES];
    size_t n_surnames = 0;
    /* The passes that look at a token and its neighbours run in the same
     * loop, once what they look at is annotated: one walk over the tokens
     * instead of three. */
    for (size_t i = 0; i < n; i++) {
        ws_tok_ann *t = &a[i];
        const ws_token *tok = &doc->tokens.v[i];
        *t = unknown;
        if (tok->kind == WS_TOK_QUOTE || tok->kind == WS_TOK_PUNCT)
            continue;
        bool is_cap = (tok->flags & WS_TOKF_CAP) != 0;
        size_t klen;
        const char *key = ws_doc_key(doc, i, &klen);
        uint32_t idx, v;
        bool maybe_country = false, maybe_short_name = false;
        /* One lookup for everything the lower-case lexicons say. */
        /* (The key's hash serves every lower-case lexicon asked below.) */
        uint32_t key_hash = ws_lexicon_hash_padded(key, klen);
        const ws_lex_entry *word = ws_lexicon_find_hashed(&rs->words, key, klen, key_hash);
        if (word && (word->flags & WS_LEX_ENTRY)) {
            idx = word->value;
            const ws_word_info *w = &rs->word_info.v[idx];
            if (!w->starts && !is_cap) {
                /* A word in lower case that starts no longer entry ("the",
                 * "said", "officials"): what its one-word entries say, as
                 * below, without the questions that cannot apply. */
                annotate_lower_word(t, w, tok);
                if (cues && t->cue >= 0)
                    cues[(*n_cues)++] = (uint32_t)i;
            } else {
                int32_t val;
                uint32_t len;
                if (triggers && (w->starts & WS_STARTS_TRIGGER))
                    triggers[(*n_triggers)++] = (uint32_t)i;
                maybe_country = (w->starts & WS_STARTS_COUNTRY) != 0;
                maybe_short_name = (w->starts & WS_STARTS_SHORT_NAME) != 0;
                t->fw = w->fw;
                /* "said in May that ...", "on May 3": the month, not the verb. */
                if (is_cap && (t->fw & WS_FW_TIME) && (t->fw & WS_FW_AUX) &&
                    ((i > 0 && (a[i - 1].fw & WS_FW_PREP)) ||
                     (i + 1 < doc->tokens.n && doc->tokens.v[i + 1].kind == WS_TOK_NUMBER)))
                    t->fw &= ~(uint32_t)WS_FW_AUX;
                if ((len = match_at(doc, &rs->cues, i, key_hash, w->starts & WS_STARTS_CUE, w->cue, &val))) {
                    t->cue = val;
                    t->cue_len = clamp8(len);
                    if (cues)
                        cues[(*n_cues)++] = (uint32_t)i;
                }
                if ((len = match_at(doc, &rs->roles, i, key_hash, w->starts & WS_STARTS_ROLE, w->role, &val))) {
                    t->role = val;
                    t->role_len = clamp8(len);
                }
                /* Institutions by name need a capital: "the state department" in
                 * lower case is rare, "the department" is a nominal mention. */
                if (is_cap && (len = match_at(doc, &rs->institutions, i, key_hash, w->starts & WS_STARTS_INST,
                                              w->inst, &val))) {
                    t->inst = val;
                    t->inst_len = clamp8(len);
                }
                if (is_cap)
                    t->demonym = w->demonym;
                /* "US", "IT" in capitals are a country and a trade, not "us", "it". */
                if (!(tok->flags & WS_TOKF_ALLCAPS))
                    t->pronoun = w->pronoun;
                if (is_cap) {
                    t->honorific = w->honorific;
                    t->first_name = w->first_name;
                }
                t->is_head = w->is_head;
                t->is_group = w->is_group;
                if (w->starts & WS_STARTS_ANON)
                    t->anon_len = clamp8(match_lexicon(doc, &rs->anonymous, i, false, NULL, &key_hash));
                else if (w->is_anon)
                    t->anon_len = 1;
            }
        }
        /* The lexicons that keep case: acronyms and short names of
         * institutions ("WHO", "the Fed", "BoE", "dpa"), and country names. */
        if (maybe_short_name && t->inst < 0 && (v = ws_match_lexicon(doc, &rs->acronyms, i, true, &idx))) {
            t->inst = (int32_t)idx;
            t->inst_len = clamp8(v);
        }
        if (is_cap && maybe_country && (v = ws_match_lexicon(doc, &rs->countries, i, true, &idx))) {
            t->country = (int32_t)idx;
            t->country_len = clamp8(v);
        }
        /* (The key asked here, before a call: most tokens are no "'s".) */
        if (klen == 2 && memcmp(key, "'s", 2) == 0 && i > 0 && is_contracted_verb(doc, i))
            t->fw = WS_FW_AUX;
        common_capitals_note(&cc, tok, i, key_hash);
        if (n_surnames < MAX_SURNAMES && is_surname_of_time(doc, a, i))
            surname[n_surnames++] = (uint32_t)i;
        /* (Only a word can make the one before part of a name.) */
        if (i > 0 && tok->kind == WS_TOK_WORD)
            drop_short_name_in_name(doc, a, i - 1);
    }
    mark_known_surnames(doc, a, surname, n_surnames);
    rc = common_capitals_mark(&cc, doc, mem, a);
    common_capitals_free(&cc, mem);
    if (rc < 0) {
        ws_free(mem, a);
        return rc;
    }
    *out = a;
    return WS_OK;
}
