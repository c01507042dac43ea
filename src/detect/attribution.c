/*
 * attribution.c - statements: who said what. Each reporting cue of the
 * narration (said, told, according to, saying) is read with the clause it
 * governs: its source is the noun phrase before it ("the ministry said"),
 * after it ("said Nauert"), after "according to", or the subject of the
 * sentence for a participle (", saying ..."); its content is the other side
 * of the sentence: what follows ("said that ..."), or what precedes when
 * nothing follows ('"...," she said'). A quotation on both sides makes one
 * statement of two fragments; a colon lead-in takes the quotation after it.
 * Quotations that no cue governs continue the last speaker (the newspaper
 * convention) or stand unattributed; titles and scare quotes are not
 * statements.
 */
#include <stdlib.h>
#include <string.h>

#include "core/sort.h"
#include "detect/attr.h"
#include "detect/pass.h"
#include "text/utf8.h"

enum { MAX_FRAGS = 16 };

typedef struct draft {
    uint32_t cue_tok;        /* first token of the cue */
    uint32_t cue_end;        /* exclusive */
    uint32_t src_start;      /* source noun phrase; src_start == src_end: none yet */
    uint32_t src_end;
    uint32_t src_shown_end;  /* the source as shown runs on to here over its description (0: src_end) */
    uint32_t src_shown_start; /* ... and starts here, before its speaker ("a memo issued by"; 0: src_start) */
    int32_t src_from_stmt;   /* take the source of this draft (participles, "and said") */
    ws_range frags[MAX_FRAGS];
    uint32_t n_frags;
    int32_t quote;           /* the first quotation in the content, or -1 */
    bool is_deferred;        /* source comes from the next statement of the sentence */
    bool in_phrase;          /* a participle after "by", "aside from" in a phrase that opens the
                              * sentence or is set off by commas: its report ends at the comma */
    bool is_noun_cue;        /* the cue is a noun ("Trump's claim that") */
    uint32_t heard_start;    /* "He was told ...": the listener, who may */
    uint32_t heard_end;      /* speak next ("... and said"); start == end: none */
} draft;

typedef WS_ARRAY(draft) draft_list;

/* Is a cue's lemma @word? Asked of nearly every cue, from many places,
 * mostly of one that is not it: the first letters settle most questions
 * before the call to strcmp(). */
static inline bool lemma_is(const char *lemma, const char *word)
{
    return lemma[0] == word[0] && strcmp(lemma, word) == 0;
}

/* The top-level quotation a token belongs to (-1 outside). */
static int32_t top_quote(const ws_attr *a, uint32_t i)
{
    int32_t q = a->tok[i].quote;
    return q >= 0 ? a->top_quote[q] : -1;
}

/*
 * Each quotation's top-level quotation, once: walking up the parents for
 * every token would cost the nesting depth per token (quadratic in 10,000
 * nested quotations). Quotations are sorted by start, so a parent comes
 * before its children.
 */
static int find_top_quotes(ws_attr *a)
{
    const ws_doc *doc = a->doc;
    a->top_quote = ws_calloc(&a->r->mem, doc->quotes.n ? doc->quotes.n : 1, sizeof *a->top_quote);
    if (!a->top_quote)
        return WS_ENOMEM;
    for (size_t q = 0; q < doc->quotes.n; q++) {
        int32_t p = doc->quotes.v[q].parent;
        a->top_quote[q] = p < 0 ? (int32_t)q : a->top_quote[p];
    }
    return WS_OK;
}

static bool is_comma(const ws_attr *a, uint32_t i)
{
    return ws_tok_text_is(a, i, ",");
}

/* "that" opening a clause, not the pronoun of "that's" or "that was not
 * her view". */
static bool is_complementizer(const ws_attr *a, uint32_t i)
{
    return ws_tok_text_is(a, i, "that") &&
           !(i + 1 < a->doc->tokens.n &&
             (ws_tok_is_possessive(a, i + 1) || ws_tok_is(a, i + 1, WS_FW_AUX)));
}

static const ws_cue_info *verb_reading(const ws_attr *a, uint32_t i)
{
    for (int32_t c = a->ann[i].cue; c >= 0; c = a->rs->cue_info.v[c].next)
        if (a->rs->cue_info.v[c].pos == WS_CUE_VERB)
            return &a->rs->cue_info.v[c];
    return NULL;
}

static const ws_cue_info *phrase_reading(const ws_attr *a, uint32_t i)
{
    for (int32_t c = a->ann[i].cue; c >= 0; c = a->rs->cue_info.v[c].next)
        if (a->rs->cue_info.v[c].pos == WS_CUE_PHRASE)
            return &a->rs->cue_info.v[c];
    return NULL;
}

/* Verbs whose object is the listener, not the content: "told reporters". */
static bool takes_listener(const ws_cue_info *ci)
{
    static const char *const verbs[] = {"tell", "inform", "assure", "remind", "notify", "brief",
                                        "advise", "reassure"};
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (lemma_is(ci->lemma, verbs[i]))
            return true;
    return false;
}

/* Does a quotation open right after a comma at @k, before @limit ('shout,
 * "..."')? */
static bool comma_then_quotation(const ws_attr *a, uint32_t k, uint32_t limit)
{
    return k + 1 < limit && is_comma(a, k) && a->tok[k + 1].kind == WS_TOK_QUOTE && (a->tok[k + 1].flags & WS_TOKF_OPEN);
}

/* Is the verb that ends before @after a passive ("was told", "we're
 * told")? Its subject is the listener, and it has no object. */
static bool passive_before(const ws_attr *a, uint32_t after)
{
    static const char *const be[] = {"is", "was", "are", "were", "be", "been", "being", "'re", "’re"};
    if (after < 2)
        return false;
    uint32_t k = after - 1;
    while (k > 0 && ws_tok_is(a, k - 1, WS_FW_ADV | WS_FW_NEG) && !ws_tok_is(a, k - 1, WS_FW_AUX))
        k--;
    return k > 0 && (ws_tok_word_in(a, k - 1, be, sizeof be / sizeof *be) || ws_tok_ends_with(a, k - 1, "'re", 4) ||
                     ws_tok_ends_with(a, k - 1, "\xE2\x80\x99re", 6));
}

/* Can the word at @i, ending an object of "asked", be someone asked ("the
 * students", "Clinton pointedly")? Not a thing asked: "asked a question about
 * the ferry", "asked the way". */
static bool can_be_asked(const ws_attr *a, uint32_t i)
{
    static const char *const things[] = {"question", "questions", "way", "favor", "favour", "time", "price"};
    return !ws_tok_word_in(a, i, things, sizeof things / sizeof *things) && !ws_tok_has_noun_cue(a, i);
}

/* Does the question of "asked X whether ...", "asked X about Y" start at
 * @k, right after the listener X? Then *@content (unless NULL) is where
 * what was asked starts: the question word, or past "about". Not for
 * "asked the court for a delay" or "asked them to leave", whose listener
 * annotators mostly keep in the content. */
static bool asked_question_at(const ws_attr *a, uint32_t k, uint32_t stop, uint32_t *content)
{
    static const char *const questions[] = {"whether", "if", "what", "who", "which", "how", "why", "when", "where"};
    if (k + 1 < stop && ws_tok_word_in(a, k, questions, sizeof questions / sizeof *questions)) {
        if (content)
            *content = k;
        return true;
    }
    if (k + 1 < stop && ws_tok_text_is(a, k, "about")) {
        if (content)
            *content = k + 1;
        return true;
    }
    return false;
}

/* After "expressed" at @after, where the feeling it names and the word
 * that joins what the feeling is about end: "expressed concern that",
 * "expressed his support for", "an interest in". @after when no such
 * feeling follows ("expressed it plainly"). */
static uint32_t expressed_feeling_end(const ws_attr *a, const ws_cue_info *ci, uint32_t after, uint32_t stop)
{
    static const char *const joins[] = {"that", "about", "over", "at", "for", "with", "in"};
    if (!lemma_is(ci->lemma, "express") || after >= stop)
        return after;
    uint32_t feeling = ws_np_right(a, after, stop);
    /* ("support", "doubts": a noun that is a verb of the lists too.) */
    if (feeling <= after && a->tok[after].kind == WS_TOK_WORD && !a->ann[after].fw)
        feeling = after + 1;
    if (feeling <= after || a->ann[feeling - 1].pronoun >= 0)
        return after;
    /* (The phrase reader takes "support for the plan" whole: the first
     * joining word after the feeling ends it.) */
    for (uint32_t j = after + 1; j <= feeling && j + 1 < stop; j++)
        if (ws_tok_word_in(a, j, joins, sizeof joins / sizeof *joins))
            return j + 1;
    return after;
}

/* Does "asked" at the cue ask someone at @after for something: "asked the
 * crowd for help", "asked voters to stay", "asked him whether ..."? */
static bool asks_someone(const ws_attr *a, const ws_cue_info *ci, uint32_t after, uint32_t stop)
{
    if (!lemma_is(ci->lemma, "ask") || after >= stop)
        return false;
    uint32_t obj = ws_np_right(a, after, stop);
    if (obj <= after || obj >= stop)
        return false;
    return ws_tok_text_is(a, obj, "to") || ws_tok_text_is(a, obj, "for") || asked_question_at(a, obj, stop, NULL);
}

/* Where the listener of "told X" that starts at @after ends ("told
 * reporters", "told her"); @after itself for other verbs and passives. */
static uint32_t listener_end(const ws_attr *a, const ws_cue_info *ci, uint32_t after, uint32_t stop)
{
    static const char *const objects[] = {"him", "her", "them", "us", "me", "you"};
    bool asks = lemma_is(ci->lemma, "ask");
    if ((!takes_listener(ci) && !asks) || after >= stop || (ci->is_past && passive_before(a, after)))
        return after;
    uint32_t obj = ws_np_right(a, after, stop);
    if (obj <= after && ws_tok_word_in(a, after, objects, sizeof objects / sizeof *objects))
        obj = after + 1;
    if (!asks)
        return obj;
    uint32_t question;
    return obj > after && can_be_asked(a, obj - 1) && asked_question_at(a, obj, stop, &question) ? question : after;
}

/* The end of a dateline that opens a sentence at @k ("WASHINGTON ―",
 * "DOVER, Del. (Kestrel) —"): the token after its dash, or @k when none. */
static uint32_t after_dateline(const ws_attr *a, uint32_t k, uint32_t to)
{
    if (k >= to || !(a->tok[k].flags & WS_TOKF_SENT_START) || !(a->tok[k].flags & WS_TOKF_ALLCAPS))
        return k;
    for (uint32_t j = k + 1; j < to && j < k + 12; j++) {
        if (ws_tok_is_dash(a, j))
            return j + 1;
        const ws_token *t = &a->tok[j];
        bool part = (t->flags & WS_TOKF_CAP) || is_comma(a, j) || ws_tok_text_is(a, j, ".") ||
                    ws_tok_text_is(a, j, "(") || ws_tok_text_is(a, j, ")");
        if (!part)
            return k;
    }
    return k;
}

/* Where a connective of the writer's that opens a sentence at @k ends:
 * "In fact", "Still", "Even so", "At the same time"; @k when there is none. */
static uint32_t leading_connective(const ws_attr *a, uint32_t k, uint32_t to)
{
    static const char *const one_word[] = {"still", "however", "meanwhile", "nevertheless", "nonetheless",
                                           "indeed", "instead", "moreover", "furthermore", "besides",
                                           "similarly", "likewise", "consequently", "thus"};
    static const char *const two_words[][2] = {{"in", "fact"},     {"in", "contrast"}, {"even", "so"},
                                               {"of", "course"},   {"in", "addition"}, {"in", "particular"},
                                               {"as", "well"},     {"after", "all"},   {"in", "turn"}};
    if (k >= to || !(a->tok[k].flags & WS_TOKF_SENT_START))
        return k;
    if (ws_tok_word_in(a, k, one_word, sizeof one_word / sizeof *one_word))
        return k + 1;
    for (size_t i = 0; i < sizeof two_words / sizeof *two_words; i++)
        if (k + 1 < to && ws_tok_word_in(a, k, &two_words[i][0], 1) && ws_tok_word_in(a, k + 1, &two_words[i][1], 1))
            return k + 2;
    if (k + 3 < to && ws_tok_word_is(a, k, "at") && ws_tok_word_is(a, k + 1, "the") &&
        ws_tok_word_is(a, k + 2, "same") && ws_tok_word_is(a, k + 3, "time"))
        return k + 4;
    return k;
}

/*
 * Content from tokens [from, to): a dateline, leading "that", a joining
 * "and" or "but", the writer's opening connective, commas and colons and
 * trailing punctuation dropped. A range that is exactly one quotation, or
 * quotations joined by "and", gives their fragments (a direct quote);
 * otherwise one fragment over the range.
 */
static void set_content(ws_attr *a, draft *d, uint32_t from, uint32_t to)
{
    from = after_dateline(a, from, to);
    /* (A capital "But" or "And" opens the speaker's own sentence and is
     * kept, as both corpora mark it: "But the cuts will hurt, he added.") */
    while (from < to &&
           (is_end_punct(a, from) || is_complementizer(a, from) ||
            (ws_tok_is(a, from, WS_FW_CONJ) && !(a->tok[from].flags & WS_TOKF_CAP)) || ws_tok_is_dash(a, from)))
        from++;
    /* "In fact, sales fell, Hale said": the writer's connective before a
     * comma opens the sentence, not what was said (inside a quotation it
     * is the speaker's own). */
    uint32_t connective_end = leading_connective(a, from, to);
    if (connective_end > from && a->tok[from].quote_depth == 0 && connective_end + 1 < to &&
        is_comma(a, connective_end))
        from = connective_end + 1;
    /* Not the signs that close what they follow: "rose 2%." */
    while (to > from && a->tok[to - 1].kind == WS_TOK_PUNCT && !ws_tok_text_is(a, to - 1, ")") &&
           !ws_tok_text_is(a, to - 1, "]") && !ws_tok_text_is(a, to - 1, "%") &&
           !ws_tok_text_is(a, to - 1, "\xC2\xB0"))
        to--;
    if (from >= to)
        return;
    const ws_token *first = &a->tok[from], *last = &a->tok[to - 1];
    /* '"Sack the board!" and "Go home!"': quotations joined by "and",
     * "or" or commas are each a fragment. */
    if (first->kind == WS_TOK_QUOTE && (first->flags & WS_TOKF_OPEN) && last->kind == WS_TOK_QUOTE &&
        (last->flags & WS_TOKF_CLOSE) && first->quote != last->quote) {
        /* Taken as they come; put back if something else stands between. */
        uint32_t n_frags = d->n_frags;
        int32_t quote = d->quote;
        uint32_t k = from;
        while (k < to && a->tok[k].kind == WS_TOK_QUOTE && (a->tok[k].flags & WS_TOKF_OPEN) && a->tok[k].quote >= 0) {
            const ws_quote *q = &a->doc->quotes.v[a->tok[k].quote];
            uint32_t close = ws_doc_token_at(a->doc, q->close.start);
            if (close >= to || close <= k || q->parent >= 0)
                break;
            for (uint32_t f = 0; f < q->n_frags && d->n_frags < MAX_FRAGS; f++)
                d->frags[d->n_frags++] = a->doc->quote_frags.v[q->frag_first + f];
            if (d->quote < 0)
                d->quote = a->tok[k].quote;
            k = close + 1;
            while (k < to && (is_comma(a, k) || ws_tok_word_is(a, k, "and") || ws_tok_word_is(a, k, "or")))
                k++;
        }
        if (k == to)
            return;
        d->n_frags = n_frags;
        d->quote = quote;
    }
    if (first->kind == WS_TOK_QUOTE && (first->flags & WS_TOKF_OPEN) && last->kind == WS_TOK_QUOTE &&
        (last->flags & WS_TOKF_CLOSE) && first->quote == last->quote) {
        const ws_quote *q = &a->doc->quotes.v[first->quote];
        for (uint32_t f = 0; f < q->n_frags && d->n_frags < MAX_FRAGS; f++)
            d->frags[d->n_frags++] = a->doc->quote_frags.v[q->frag_first + f];
        if (d->quote < 0)
            d->quote = first->quote;
        return;
    }
    /* The quotation's closing mark may stand after the final period. */
    if (last->kind == WS_TOK_QUOTE && (last->flags & WS_TOKF_CLOSE) && to - 1 > from)
        last = &a->tok[to - 1];
    d->frags[d->n_frags++] = (ws_range){first->start, last->end};
    for (uint32_t t = from; t < to && d->quote < 0; t++)
        if (a->tok[t].kind == WS_TOK_QUOTE || a->tok[t].quote >= 0)
            d->quote = top_quote(a, t);
}

static bool opens_speech(const ws_attr *a, uint32_t k, bool after_listener);
static bool is_subject_pronoun(const ws_attr *a, uint32_t k);
static uint32_t share_subject_start(const ws_attr *a, uint32_t k, uint32_t s0);

/* A verb of speech in a finite form at @i: "said", "says" (not "say",
 * "saying"). */
static bool is_finite_cue(const ws_attr *a, uint32_t i)
{
    if (!ws_tok_is_cue_verb(a, i))
        return false;
    const ws_cue_info *ci = verb_reading(a, i);
    return ci->is_past || ci->is_s;
}

/* Does a share of the people polled open a clause of its own at @n, its
 * verb of speech after it ("..., and one in four said", "...; 37% say")? */
static bool share_speaks_at(const ws_attr *a, uint32_t n, uint32_t stop)
{
    for (uint32_t v = n + 1; v < stop && v <= n + 8; v++)
        if (ws_tok_is_cue_verb(a, v) && share_subject_start(a, v, n) == n)
            return true;
    return false;
}

/* The opening mark of the quotation that closes at @close, not before
 * @s0, or UINT32_MAX. */
static uint32_t quotation_open_of(const ws_attr *a, uint32_t close, uint32_t s0)
{
    if (a->tok[close].kind != WS_TOK_QUOTE || !(a->tok[close].flags & WS_TOKF_CLOSE))
        return UINT32_MAX;
    for (uint32_t o = close; o > s0;) {
        o--;
        if (a->tok[o].kind == WS_TOK_QUOTE && (a->tok[o].flags & WS_TOKF_OPEN) &&
            a->tok[o].quote == a->tok[close].quote)
            return o;
    }
    return UINT32_MAX;
}

/*
 * 'He denied it: "She signed," he told the Times.', 'praised his faith -
 * "faith that ...," he said - and': the quotation that ends (before its
 * commas) at @to and follows the colon of a clause or a dash is all that
 * the speaker after it said. Its opening mark, or UINT32_MAX. "His final
 * assessment: "..."" is a label, and the label goes with the quotation.
 */
static uint32_t quotation_after_clause(const ws_attr *a, uint32_t to, uint32_t s0)
{
    uint32_t close = to;
    while (close > s0 && is_comma(a, close - 1))
        close--;
    uint32_t open = close > s0 ? quotation_open_of(a, close - 1, s0) : UINT32_MAX;
    if (open == UINT32_MAX || open <= s0 + 1)
        return UINT32_MAX;
    if (ws_tok_is_dash(a, open - 1)) {
        /* Not the dash that closes an aside: '"I don't think the wisdom"
         * -- that he is a liberal -- "is going to last," he says'. */
        unsigned n_dashes = 0;
        for (uint32_t t = s0; t + 1 < open; t++)
            n_dashes += ws_tok_is_dash(a, t);
        return n_dashes % 2 == 0 ? open : UINT32_MAX;
    }
    bool clause_colon = ws_tok_text_is(a, open - 1, ":") && a->tok[open - 2].kind == WS_TOK_WORD &&
                        !(a->tok[open - 2].flags & WS_TOKF_CAP) && !ws_tok_is(a, open - 2, WS_FW_PRON) &&
                        open - s0 >= 3;
    if (clause_colon)
        return open;
    /* '"We won," Hale said, but "we lost," Ruiz said.': after another
     * speaker's clause and "but" or "and", only the quotation. */
    static const char *const joins[] = {"but", "and", "while", "yet", "whereas"};
    if (open > s0 + 2 && ws_tok_word_in(a, open - 1, joins, sizeof joins / sizeof *joins) && is_comma(a, open - 2))
        for (uint32_t t = s0; t + 2 < open; t++)
            if (is_finite_cue(a, t))
                return open;
    return UINT32_MAX;
}

/* Is the quotation that opens at @open followed, before @stop, by its
 * own speaker and verb ('"...," he told', '"...," said Hale')? */
static bool quotation_has_own_cue(const ws_attr *a, uint32_t open, uint32_t stop)
{
    uint32_t e = open + 1;
    while (e < stop && !(a->tok[e].kind == WS_TOK_QUOTE && (a->tok[e].flags & WS_TOKF_CLOSE) &&
                         a->tok[e].quote == a->tok[open].quote))
        e++;
    uint32_t n = e + 1;
    if (n < stop && is_comma(a, n))
        n++;
    if (n >= stop)
        return false;
    if (is_finite_cue(a, n))
        return true; /* '"...," said Hale' */
    uint32_t np = ws_np_right(a, n, stop);
    uint32_t v = ws_skip_adverbials_right(a, np, stop);
    return np > n && v < stop && is_finite_cue(a, v);
}

/* What a verb of speech may have said that reports nothing. */
static const char *const said_nothing[] = {"nothing", "little", "anything", "otherwise"};

/* Does a clause with a subject of its own open the content at @from, before
 * @stop: a noun phrase, then an auxiliary or a verb ("the investigators
 * went undercover", "that prices have risen")? */
static bool clause_with_subject(const ws_attr *a, uint32_t from, uint32_t stop)
{
    if (from < stop && ws_tok_text_is(a, from, "that"))
        from++;
    uint32_t np = ws_np_right(a, from, stop);
    if (np <= from || np >= stop)
        return false;
    /* "said he was alarmed and wanted to see ...": a pronoun is most often
     * the speaker again, and the verb after "and" the speaker's. */
    if (np == from + 1 && a->ann[from].pronoun >= 0)
        return false;
    uint32_t v = ws_skip_adverbials_right(a, np, stop);
    return v < stop && (ws_tok_is(a, v, WS_FW_AUX | WS_FW_VERB) ||
                        (!(a->tok[v].flags & WS_TOKF_CAP) && ws_tok_ends_with(a, v, "ed", 4)));
}

static bool is_plain_lower(const ws_attr *a, uint32_t t);

/* Does what the cue at @v reports open right after it: "that" or a clause
 * with its subject ("suggesting that ...", "said he would ...")? */
static bool clause_after(const ws_attr *a, uint32_t v, uint32_t stop)
{
    return v + 1 < stop && (is_complementizer(a, v + 1) || opens_speech(a, v + 1, false));
}

/*
 * Where a second participle of speech joined by "and" or "but" starts, in
 * the content [from, end) of a report by a participle (@after_ing) or one
 * that holds a participle before it: "saying she is able but suggesting
 * that it is not enough", "sought to look tough, painting others as weak
 * and suggesting that ..." end at the conjunction; "said residents were
 * angry and demanding that ..." is one clause. Returns @end when there is
 * none.
 */
static uint32_t second_participle(const ws_attr *a, uint32_t from, uint32_t end, bool after_ing)
{
    bool ing = after_ing;
    for (uint32_t t = from; t + 1 < end; t++) {
        if (a->tok[t].quote_depth > 0)
            continue;
        /* (Once a participle is met, the content holds one.) */
        if (!ing && t > from && !ws_tok_is(a, t - 1, WS_FW_AUX) &&
            ((is_plain_lower(a, t) && ws_tok_ends_with(a, t, "ing", 5)) ||
             (ws_tok_is_cue_verb(a, t) && verb_reading(a, t)->is_ing)))
            ing = true;
        if (!ing || !(ws_tok_text_is(a, t, "and") || ws_tok_text_is(a, t, "but")))
            continue;
        uint32_t n = t + 1, v = ws_skip_adverbials_right(a, n, end);
        bool aux = false; /* "and are hoping ...": the clause's own verb */
        for (uint32_t j = n; j < v && !aux; j++)
            aux = ws_tok_is(a, j, WS_FW_AUX);
        if (!aux && v + 1 < end && ws_tok_is_cue_verb(a, v) && verb_reading(a, v)->is_ing &&
            a->tok[v + 1].kind != WS_TOK_QUOTE && clause_after(a, v, end))
            return t;
    }
    return end;
}

/* Where the content after a cue at [c, ce) ends: the sentence end, or the
 * comma before the next cue of the sentence, or before "according to". */
static uint32_t content_end(const ws_attr *a, uint32_t from, uint32_t stop)
{
    for (uint32_t t = from; t + 1 < stop; t++) {
        if (a->tok[t].quote_depth > 0)
            continue;
        uint32_t n = t + 1;
        /* 'Hale said the ferry would run, but "it will not," Ruiz said':
         * a quotation after "but" or "and" with a speaker of its own. */
        if ((ws_tok_text_is(a, t, "and") || ws_tok_text_is(a, t, "but")) && t > from && is_comma(a, t - 1) &&
            a->tok[n].kind == WS_TOK_QUOTE && (a->tok[n].flags & WS_TOKF_OPEN) && quotation_has_own_cue(a, n, stop))
            return t - 1;
        /* "denied the allegations and said that ...": a second cue. */
        if (ws_tok_text_is(a, t, "and") || ws_tok_text_is(a, t, "but")) {
            uint32_t v = ws_skip_adverbials_right(a, n, stop);
            /* "said the investigators went undercover and discovered ...": a
             * verb of finding goes on the reported clause's own subject. */
            if (v < stop && ws_tok_text_is(a, t, "and") && !ws_tok_is(a, n, WS_FW_SUB) && ws_tok_is_cue_verb(a, v) &&
                (verb_reading(a, v)->needs_clause || lemma_is(verb_reading(a, v)->lemma, "discover")) &&
                !(v + 1 < stop && ws_tok_text_is(a, v + 1, "that")) && clause_with_subject(a, from, t))
                continue;
            /* "... and repeatedly says, "..."": an -s form only before what
             * it reports ("challenges and demands around ..." are nouns). */
            if (v < stop && ws_tok_is_cue_verb(a, v) &&
                (verb_reading(a, v)->is_past ||
                 (verb_reading(a, v)->is_s && !ws_tok_has_noun_cue(a, v) && v + 1 < stop &&
                  ((a->tok[v + 1].flags & WS_TOKF_CAP) || a->ann[v + 1].pronoun >= 0 ||
                   ws_tok_is(a, v + 1, WS_FW_DET))) ||
                 (verb_reading(a, v)->is_s && v + 1 < stop &&
                  (is_comma(a, v + 1) || ws_tok_text_is(a, v + 1, ":") || is_complementizer(a, v + 1) ||
                   a->tok[v + 1].kind == WS_TOK_QUOTE))))
                return t;
            if (share_speaks_at(a, n, stop))
                return t;
            /* "..., and when pressed on why, the mother of three replied,
             * "..."": after a subordinate clause, a subject and a verb of
             * speech of their own. */
            if (is_comma(a, t - 1) && ws_tok_is(a, n, WS_FW_SUB) && !ws_tok_text_is(a, n, "that")) {
                uint32_t k = n + 1;
                while (k < stop && !(is_comma(a, k) && a->tok[k].quote_depth == 0) && !is_end_punct(a, k))
                    k++;
                /* (The subject may run on: "the mother of three".) */
                for (uint32_t w = k + 2; k + 1 < stop && is_comma(a, k) && w < stop && w < k + 10; w++) {
                    if ((a->tok[w].kind != WS_TOK_WORD && a->tok[w].kind != WS_TOK_NUMBER) ||
                        ws_tok_is(a, w, WS_FW_AUX | WS_FW_VERB | WS_FW_SUB))
                        break;
                    if (is_finite_cue(a, w))
                        return t;
                }
            }
            /* ", but he said that ...": a clause with a speaker of its own
             * (a pronoun, a name after "but", or any subject after the
             * comma; "the minister and the mayor agreed" is one subject). */
            uint32_t np = ws_np_right(a, n, stop);
            bool is_pronoun = np == n + 1 && a->ann[n].pronoun >= 0;
            /* "... and Trump says ...", "but Chapman says": a name opens a
             * clause of its own. */
            bool but_name = ws_tok_is_name_word(a, np - 1) && (a->tok[np - 1].flags & WS_TOKF_CAP) &&
                            (ws_tok_text_is(a, t, "but") || np - n <= 3);
            if (np > n && (is_pronoun || but_name || (t > from && is_comma(a, t - 1)))) {
                v = ws_skip_adverbials_right(a, np, stop);
                const ws_cue_info *ci = v < stop && ws_tok_is_cue_verb(a, v) ? verb_reading(a, v) : NULL;
                /* Only when the second cue has content of its own after it
                 * (a verb of belief: a clause, "and Wilkinson predicted that"),
                 * and not inside names joined by "and" ("that Reagan and
                 * Trump have shown they ..."). */
                if (ci && (ci->is_past || ci->is_s) &&
                    (!ci->needs_clause || ws_tok_text_is(a, v + 1, "that") || is_subject_pronoun(a, v + 1)) &&
                    v + 2 < stop && !is_end_punct(a, v + 1) &&
                    !(ws_tok_text_is(a, t, "and") && t > from && ws_tok_is_name_word(a, t - 1) && !is_pronoun))
                    return t;
            }
            continue;
        }
        /* 'He denied it: "She signed," he told the Times.', 'praised his
         * faith - "faith that ...," he said - and': a quotation after a
         * colon or a dash with a verb of speech of its own. */
        if (t > from && a->tok[t].kind == WS_TOK_QUOTE && (a->tok[t].flags & WS_TOKF_OPEN) &&
            (ws_tok_text_is(a, t - 1, ":") || ws_tok_is_dash(a, t - 1)) && quotation_has_own_cue(a, t, stop))
            return t - 1;
        /* '"... decision," noting that ...': the comma inside the
         * quotation marks. */
        /* (Or '"a major lawsuit," according to ...', '"... the problems,"
         * alluding to a trade war': any participle of the writer's.) */
        if (a->tok[t].kind == WS_TOK_QUOTE && (a->tok[t].flags & WS_TOKF_CLOSE) && t > from &&
            is_comma(a, t - 1) &&
            ((ws_tok_is_cue_verb(a, n) && verb_reading(a, n)->is_ing) || phrase_reading(a, n) ||
             (a->tok[n].kind == WS_TOK_WORD && !(a->tok[n].flags & WS_TOKF_CAP) && !a->ann[n].fw &&
              ws_tok_ends_with(a, n, "ing", 5))))
            return t + 1;
        /* '... thought the school was "mocking us," he said.': after a
         * quotation that closes on a comma, another speaker and verb. */
        if (a->tok[t].kind == WS_TOK_QUOTE && (a->tok[t].flags & WS_TOKF_CLOSE) && t > from && is_comma(a, t - 1)) {
            uint32_t np2 = ws_np_right(a, n, stop);
            if (np2 > n && np2 < stop && is_finite_cue(a, np2))
                return t + 1;
        }
        /* "would cost $4 million; the Kestrel group puts it at ...": a
         * semicolon outside quotation marks ends what was reported. */
        if (ws_tok_text_is(a, t, ";") && t > from)
            return t;
        /* "(her campaign later disclosed ...": an aside of the writer's. */
        if (ws_tok_text_is(a, t, "(") && t > from && t + 1 < stop && a->tok[t + 1].kind == WS_TOK_WORD &&
            !(a->tok[t + 1].flags & WS_TOKF_CAP) && ws_tok_is(a, t + 1, WS_FW_DET | WS_FW_PRON))
            return t;
        bool colon = ws_tok_text_is(a, t, ":");
        if (!is_comma(a, t) && !colon)
            continue;
        const ws_cue_info *ci = ws_tok_is_cue_verb(a, n) ? verb_reading(a, n) : NULL;
        if (!colon && ((ci && ci->is_ing) || phrase_reading(a, n)))
            return t;
        /* ", with Hale saying he was encouraged": a speaker and a
         * participle of their own. */
        if (!colon && ws_tok_word_is(a, n, "with") && n + 1 < stop) {
            uint32_t v = ws_skip_adverbials_right(a, ws_np_right(a, n + 1, stop), stop);
            if (v > n + 1 && v < stop && ws_tok_is_cue_verb(a, v) && verb_reading(a, v)->is_ing &&
                clause_after(a, v, stop))
                return t;
        }
        /* The comma that closes a parenthetical cue ("At one point, she
         * said, she was considering ...") opens the content, not a clause. */
        if (t == from)
            continue;
        /* "Barkley, who said he votes Democratic, said one candidate ...":
         * the main clause's verb after a relative clause. */
        if (!colon && ci && (ci->is_past || ci->is_s) && !ci->needs_quote && !ci->needs_clause &&
            !ws_tok_has_noun_cue(a, n) &&
            n + 1 < stop && !is_end_punct(a, n + 1))
            return t;
        /* ", to which 21 percent said ...", ", in which he said he ...": a
         * relative clause after a preposition, with a speaker and a cue of
         * its own before what it reports. */
        if (!colon && ws_tok_is(a, n, WS_FW_PREP) && n + 2 < stop &&
            (ws_tok_word_is(a, n + 1, "which") || ws_tok_word_is(a, n + 1, "whom"))) {
            uint32_t np2 = ws_np_right(a, n + 2, stop);
            uint32_t v2 = ws_skip_adverbials_right(a, np2, stop);
            if (np2 > n + 2 && v2 < stop && is_finite_cue(a, v2) && clause_after(a, v2, stop))
                return t;
        }
        /* ", although they say ...", ", who says he is honored": a clause
         * of its own, with its own verb of speech. */
        if (ws_tok_is(a, n, WS_FW_SUB) && !ws_tok_text_is(a, n, "that") && n + 1 < stop) {
            bool relative = ws_tok_text_is(a, n, "who") || ws_tok_text_is(a, n, "which");
            uint32_t np2 = relative ? n + 1 : ws_np_right(a, n + 1, stop);
            uint32_t v2 = np2;
            /* Adverbs and auxiliaries, not a passive ("which have been
             * confirmed by ..."). */
            bool passive = false;
            while (v2 < stop && ws_tok_is(a, v2, WS_FW_ADV | WS_FW_AUX | WS_FW_NEG) &&
                   !ws_tok_is(a, v2, WS_FW_DET | WS_FW_CONJ | WS_FW_SUB | WS_FW_PRON)) {
                passive = passive || ws_tok_text_is(a, v2, "been") || ws_tok_text_is(a, v2, "being") ||
                          ws_tok_text_is(a, v2, "is") || ws_tok_text_is(a, v2, "was") ||
                          ws_tok_text_is(a, v2, "are") || ws_tok_text_is(a, v2, "were");
                v2++;
            }
            const ws_cue_info *c2 = v2 < stop && ws_tok_is_cue_verb(a, v2) ? verb_reading(a, v2) : NULL;
            /* Only before what that clause reports: "although they say they
             * support", not "after the president rejected their bill". */
            if ((relative || np2 > n + 1) && c2 && !passive && !c2->needs_clause && !c2->needs_quote &&
                !c2->is_ing && v2 + 1 < stop && opens_speech(a, v2 + 1, false))
                return t;
        }
        /* ", the ministry said ...": another clause with its own speaker;
         * not the comma that closes an opening "if" or "when" clause ("said
         * that if he chooses to stand, he would try to ..."). */
        if (share_speaks_at(a, n, stop))
            return t;
        uint32_t np = ws_np_right(a, n, stop);
        uint32_t v = ws_skip_adverbials_right(a, np, stop);
        bool opening_clause = false;
        for (uint32_t j = from; j < t && j < from + 2 && !opening_clause; j++)
            opening_clause = ws_tok_is(a, j, WS_FW_SUB) && !ws_tok_text_is(a, j, "that");
        for (uint32_t j = from; opening_clause && j < t; j++)
            opening_clause = !is_comma(a, j);
        if (np > n && v < stop && ws_tok_is_cue_verb(a, v) && !(opening_clause && verb_reading(a, v) &&
                                                                verb_reading(a, v)->needs_clause))
            return t;
    }
    return stop;
}

/*
 * The subject [s, e) of a sentence whose second verb is @verb ("Smith runs
 * a farm and says ...", "CITIC built a plant and said ..."), without the
 * first verb that a noun phrase reader may have taken for its last noun:
 * a lower-case word after a name, or one in the tense of @verb.
 */
static uint32_t without_first_verb(const ws_attr *a, uint32_t s, uint32_t e, const ws_cue_info *verb)
{
    if (e < s + 2 || (a->tok[e - 1].flags & WS_TOKF_CAP) || a->ann[e - 1].fw)
        return e;
    bool after_name = (a->tok[e - 2].flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, e - 2);
    bool same_tense = (verb->is_s && ws_tok_ends_with(a, e - 1, "s", 3)) ||
                      (verb->is_past && ws_tok_ends_with(a, e - 1, "ed", 4));
    return after_name || same_tense ? e - 1 : e;
}

/* Is the cue at @c inside a clause that opens the sentence at @s0 and ends
 * at a comma: "When Ruiz announced her run, ...", "At the moment Ruiz
 * announced it, ..."? */
static bool in_opening_clause(const ws_attr *a, uint32_t s0, uint32_t c)
{
    /* ("As Ruiz reported, the vote ...": what follows is what she reported.) */
    if (c <= s0 + 1 || !ws_tok_is(a, s0, WS_FW_SUB | WS_FW_PREP) || ws_tok_word_is(a, s0, "that") ||
        ws_tok_word_is(a, s0, "according") || ws_tok_word_is(a, s0, "as"))
        return false;
    for (uint32_t j = s0; j < c; j++)
        if (is_comma(a, j) || a->tok[j].kind == WS_TOK_QUOTE || ws_tok_is_dash(a, j))
            return false;
    return true;
}

/* Where the content [from, cend) of a cue inside an opening clause ends:
 * at the comma before the main clause's subject and verb ("When Ruiz
 * announced her run last spring, Hale was ..."). */
static uint32_t opening_clause_end(const ws_attr *a, uint32_t s0, uint32_t c, uint32_t from, uint32_t cend)
{
    if (!in_opening_clause(a, s0, c))
        return cend;
    for (uint32_t t = from; t + 2 < cend; t++) {
        if (!is_comma(a, t) || a->tok[t].quote_depth > 0)
            continue;
        uint32_t np = ws_np_right(a, t + 1, cend);
        if (np <= t + 1 || np >= cend)
            continue;
        uint32_t v = ws_skip_adverbials_right(a, np, cend);
        if (v < cend && a->tok[v].kind == WS_TOK_WORD && !(a->tok[v].flags & WS_TOKF_CAP) &&
            (v > np || !ws_tok_is(a, v, WS_FW_PREP | WS_FW_CONJ | WS_FW_SUB | WS_FW_DET)))
            return t;
    }
    return cend;
}

/* The end of the noun phrase [k, e) without a lower-case word right after
 * a name that no noun of a speaker is (a role, a body's head, a plural):
 * "Ruiz won" of "Ruiz won the debate by arguing" is the subject and its
 * verb. */
static uint32_t without_verb_after_name(const ws_attr *a, uint32_t k, uint32_t e)
{
    if (e >= k + 2 && is_plain_lower(a, e - 1) && (a->tok[e - 2].flags & WS_TOKF_CAP) &&
        ws_tok_is_name_word(a, e - 2) && !a->ann[e - 2].fw && a->ann[e - 1].role < 0 && !a->ann[e - 1].is_head &&
        !a->ann[e - 1].is_group && !a->ann[e - 1].anon_len && !ws_tok_is_plural_head(a, e - 1))
        return e - 1;
    return e;
}

/* Verbs in the past without "-ed" that tell a clause from a phrase: "The
 * Reds won 3-1 and Ruiz said", "showed sales fell". */
static const char *const irregular_past[] = {
    "won", "beat", "lost", "took", "made", "gave", "came", "went", "got", "held", "led", "left",
    "met", "ran", "saw", "sent", "put", "paid", "kept", "hit", "fell", "rose", "grew", "brought",
    "bought", "sold", "built", "spent", "began", "drew", "struck", "threw", "scored"};
#define N_IRREGULAR_PAST (sizeof irregular_past / sizeof *irregular_past)

/* The first noun phrase of the sentence: the subject a participle shares. */
static bool main_subject(const ws_attr *a, uint32_t s0, uint32_t before, uint32_t *start,
                         uint32_t *end)
{
    uint32_t k = s0;
    /* Skip a leading subordinate clause or adverbial up to its comma
     * ("According to X, he ..." too). */
    if (ws_tok_is(a, k, WS_FW_SUB | WS_FW_CONJ | WS_FW_PREP) || ws_tok_word_is(a, k, "according")) {
        uint32_t c = k;
        while (c < before && !is_comma(a, c))
            c++;
        if (c < before && (ws_tok_is(a, k, WS_FW_SUB | WS_FW_PREP) || ws_tok_word_is(a, k, "according")))
            k = c + 1;
        else if (ws_tok_is(a, k, WS_FW_CONJ))
            k++;
    }
    /* "However, Edu tried ...", "Meanwhile, the ministry ...". */
    if (k + 1 < before && ws_tok_is(a, k, WS_FW_ADV) && is_comma(a, k + 1))
        k += 2;
    /* "Walking to the next house, Ruiz talked ...": a participle phrase
     * opening the sentence says what the subject after it was doing (not
     * "According to ...", a cue of its own). */
    if (k == s0 && k + 2 < before && a->tok[k].kind == WS_TOK_WORD && ws_tok_ends_with(a, k, "ing", 5) &&
        !a->ann[k].fw && a->ann[k].role < 0 && !phrase_reading(a, k)) {
        uint32_t c = k + 1;
        /* (Over a relative clause set off by commas, "Speaking in Dover,
         * which votes next, Hale said", and a place's state or country,
         * "Speaking in Salem, Oregon, Hale said".) */
        for (int parts = 0; parts < 3; parts++) {
            while (c < before && c < k + 40 && !is_comma(a, c) && !is_end_punct(a, c))
                c++;
            uint32_t n = c + 1, name_end = n;
            while (name_end < before && name_end < n + 3 && ws_tok_is_name_word(a, name_end))
                name_end++;
            bool relative = n < before && (ws_tok_text_is(a, n, "which") || ws_tok_text_is(a, n, "where") ||
                                           ws_tok_text_is(a, n, "who"));
            bool place = n < before && c > k && ws_tok_is_name_word(a, c - 1) && name_end > n && name_end + 1 < before &&
                         is_comma(a, name_end);
            if (!(c + 1 < before && is_comma(a, c) && (relative || place)))
                break;
            c = place ? name_end : c + 1;
        }
        if (c + 1 < before && is_comma(a, c))
            k = c + 1;
    }
    while (k < before && a->tok[k].kind == WS_TOK_PUNCT)
        k++;
    uint32_t e = without_verb_after_name(a, k, ws_np_right(a, k, before));
    /* "Hale met Ruiz and said ...": a verb in the past after a name ends
     * the subject, whatever follows it. */
    /* (Only when the name heads the phrase: in "The company Tom Hale built
     * sold its plant" a noun before it does.) */
    for (uint32_t j = k + 1; j < e; j++) {
        if (a->tok[j - 1].kind == WS_TOK_WORD && !(a->tok[j - 1].flags & WS_TOKF_CAP) && a->ann[j - 1].role < 0 &&
            !ws_tok_is(a, j - 1, WS_FW_DET))
            break;
        if (is_plain_lower(a, j) && (a->tok[j - 1].flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, j - 1) &&
            (ws_tok_word_in(a, j, irregular_past, N_IRREGULAR_PAST) || ws_tok_ends_with(a, j, "ed", 4))) {
            e = j;
            break;
        }
    }
    if (e <= k)
        return false;
    *start = k;
    *end = e;
    return true;
}

static bool subject_opens_sentence(const ws_attr *a, uint32_t s0, uint32_t start);
static bool names_speaker(const ws_attr *a, uint32_t h);

/*
 * Where a chain of descriptions that ends at the comma @p starts: "Lena
 * Ortiz, the co-founder of X, a firm based in Truro, N.S., says",
 * "Ivo Brandt, 63, of Dover, Del., who watched, said". Each part
 * between commas is a phrase without a verb; the chain must reach the
 * start of the sentence (a circumstance there, "In Paris,", is left out)
 * and its first part must name a speaker. UINT32_MAX when there is none.
 */
static uint32_t apposition_chain_start(const ws_attr *a, uint32_t p, uint32_t s0)
{
    uint32_t end = p, later = UINT32_MAX;
    for (int parts = 0; parts < 6; parts++) {
        uint32_t q = end;
        while (q > s0 && !is_comma(a, q - 1) && end - q < 16)
            q--;
        if (q == end || (q > s0 && !is_comma(a, q - 1)))
            return UINT32_MAX;
        for (uint32_t j = q; j < end; j++)
            if (a->tok[j].kind == WS_TOK_QUOTE || a->tok[j].quote_depth > 0 ||
                ws_tok_is(a, j, WS_FW_AUX | WS_FW_VERB | WS_FW_NEG | WS_FW_SUB))
                return UINT32_MAX;
        if (q == s0 || subject_opens_sentence(a, s0, q)) {
            if (later == UINT32_MAX && !ws_tok_is(a, q, WS_FW_PREP))
                return UINT32_MAX; /* one part: no chain */
            uint32_t first = q, first_end = end;
            if (ws_tok_is(a, q, WS_FW_PREP) && !ws_tok_text_is(a, q, "of")) {
                if (later == UINT32_MAX)
                    return UINT32_MAX;
                first = later;
                first_end = first;
                while (first_end < p && !is_comma(a, first_end))
                    first_end++;
            }
            while (first + 1 < first_end && ws_tok_is(a, first, WS_FW_CONJ | WS_FW_ADV))
                first++; /* "But", "Even" */
            return names_speaker(a, first_end - 1) ? first : UINT32_MAX;
        }
        later = q;
        end = q - 1;
    }
    return UINT32_MAX;
}

/* Plural nouns for people that the role lexicon does not hold. */
static const char *const people_words[] = {"supporters", "opponents", "critics", "voters", "residents",
                                           "members", "leaders", "developers", "lawmakers", "activists",
                                           "observers", "experts", "analysts", "advocates", "people",
                                           "allies", "protesters", "demonstrators", "delegates", "fans"};
#define N_PEOPLE_WORDS (sizeof people_words / sizeof *people_words)

/* A noun for one person that a relative clause may follow ("A voter who
 * backed Ruiz said", "A woman who was hurt says"). */
static bool is_person_noun(const ws_attr *a, uint32_t i)
{
    static const char *const persons[] = {"man", "woman", "person", "boy", "girl", "child", "mother", "father",
                                          "son", "daughter", "wife", "husband", "voter", "resident", "supporter",
                                          "critic", "member", "student", "worker", "fan", "neighbour", "neighbor",
                                          "friend", "customer", "patient", "parent", "victim", "survivor",
                                          "owner", "passenger", "driver", "player", "farmer", "nurse"};
    return ws_tok_word_in(a, i, persons, sizeof persons / sizeof *persons);
}

/* "when asked whether ...": the words before a passive question. */
static const char *const asked_when[] = {"when", "if", "after", "before", "once", "being"};

/* Verbs of a writing that someone only came to read: "a copy of the letter
 * seen by the Courier" was not written by the Courier. */
static const char *const readers_of_works[] = {"seen", "reviewed", "obtained", "read", "viewed",
                                               "examined", "acquired", "received"};
#define N_READERS_OF_WORKS (sizeof readers_of_works / sizeof *readers_of_works)


static const char *const this_or_that[] = {"this", "that"};

static const char *const counted_subjects[] = {"some", "many", "most", "few", "several", "both", "all"};
#define N_COUNTED_SUBJECTS (sizeof counted_subjects / sizeof *counted_subjects)

bool ws_tok_is_plural_head(const ws_attr *a, uint32_t i)
{
    const ws_token *t = &a->tok[i];
    size_t n = t->end - t->start;
    const char *w = a->doc->text + t->start;
    if (t->kind != WS_TOK_WORD)
        return false;
    if (n > 2 && w[n - 1] == 's' && w[n - 2] != 's')
        return true;
    /* "those involved", "those affected": the people a participle names. */
    if (i > 0 && ws_tok_word_is(a, i - 1, "those"))
        return true;
    /* Plurals without an -s: "police say", "people claim". */
    static const char *const plurals[] = {"people", "police", "children", "men", "women", "staff",
                                          "personnel", "percent", "data", "media", "criteria"};
    return ws_tok_word_in(a, i, plurals, sizeof plurals / sizeof *plurals) ||
           ws_tok_word_in(a, i, people_words, N_PEOPLE_WORDS) ||
           ws_tok_word_in(a, i, counted_subjects, N_COUNTED_SUBJECTS) || a->ann[i].anon_len || a->ann[i].is_group;
}

/* A number in figures or words, "seventy-two" too. */
static bool is_number_word(const ws_attr *a, uint32_t i)
{
    static const char *const tens[] = {"twenty-", "thirty-", "forty-", "fifty-", "sixty-", "seventy-",
                                       "eighty-", "ninety-"};
    if (a->tok[i].kind == WS_TOK_NUMBER || ws_tok_is(a, i, WS_FW_NUM))
        return true;
    const char *key = ws_doc_key(a->doc, i, NULL);
    /* (Asked of most words before a cue: the first letter first.) */
    for (size_t k = 0; k < sizeof tens / sizeof *tens; k++)
        if (key[0] == tens[k][0] && !strncmp(key, tens[k], strlen(tens[k])))
            return true;
    return false;
}

/* A verb whose infinitive is the act itself: "continues to insist",
 * "began to say", "tried to explain". */
static bool verb_before_to(const ws_attr *a, uint32_t i)
{
    static const char *const verbs[] = {"continue", "continues", "continued", "continuing", "began", "begin",
                                        "begins", "started", "starts", "tried", "tries", "appeared", "appears",
                                        "seemed", "seems"};
    return ws_tok_word_in(a, i, verbs, sizeof verbs / sizeof *verbs);
}

/*
 * Where a share of the people polled that ends before @k starts, or
 * UINT32_MAX: "42%", "55 percent", "Six in 10", "nearly nine out of 10",
 * "two-thirds", "a majority", "about two-thirds, 67 percent," (a share and
 * its figure between commas). Polls report what such shares say.
 */
static uint32_t share_subject_start(const ws_attr *a, uint32_t k, uint32_t s0)
{
    static const char *const shares[] = {"half", "third", "quarter", "majority", "plurality", "minority",
                                         "two-thirds", "three-quarters", "three-fourths", "majorities"};
    static const char *const approx[] = {"nearly", "about", "almost", "roughly", "around", "only", "just",
                                         "over", "under", "some", "fully", "barely", "another", "mere"};
    if (k <= s0)
        return UINT32_MAX;
    uint32_t j = k - 1, start = UINT32_MAX;
    /* The figure set off by commas after the share it gives. */
    bool apposed = k >= s0 + 4 && is_comma(a, j);
    if (apposed)
        j--;
    if (ws_tok_text_is(a, j, "%") || ws_tok_text_is(a, j, "percent") ||
        (ws_tok_text_is(a, j, "cent") && j > s0 && ws_tok_text_is(a, j - 1, "per"))) {
        j -= ws_tok_text_is(a, j, "cent") ? 2 : 1;
        if (j + 1 > s0 && is_number_word(a, j))
            start = j;
    } else if (is_number_word(a, j) && j >= s0 + 2 &&
               (ws_tok_text_is(a, j - 1, "in") ||
                (ws_tok_text_is(a, j - 1, "of") && j >= s0 + 3 && ws_tok_text_is(a, j - 2, "out")))) {
        uint32_t n = ws_tok_text_is(a, j - 1, "in") ? j - 2 : j - 3;
        if (is_number_word(a, n))
            start = n;
    } else if (ws_tok_word_in(a, j, shares, sizeof shares / sizeof *shares)) {
        start = j;
        static const char *const dets[] = {"a", "one", "the"};
        static const char *const bare[] = {"half", "two-thirds", "three-quarters", "three-fourths", "majorities"};
        if (j > s0 && ws_tok_word_in(a, j - 1, dets, sizeof dets / sizeof *dets))
            start = j - 1;
        else if (!ws_tok_word_in(a, j, bare, sizeof bare / sizeof *bare))
            return UINT32_MAX; /* "minority support": "a third", "the majority" */
    }
    if (start == UINT32_MAX)
        return UINT32_MAX;
    if (start > s0 && ws_tok_word_in(a, start - 1, approx, sizeof approx / sizeof *approx))
        start--;
    if (start > s0 && ws_tok_text_eq(a, start, "mere", 4) && ws_tok_word_is(a, start - 1, "a"))
        start--; /* "a mere 9 percent" */
    else if (start >= s0 + 2 && ws_tok_text_is(a, start - 1, "than") &&
             (ws_tok_text_is(a, start - 2, "more") || ws_tok_text_is(a, start - 2, "less") ||
              ws_tok_text_is(a, start - 2, "fewer")))
        start -= 2;
    /* The share opens its clause: "at 85 percent support" is an object
     * ("with three in 10 saying" is the subject of its participle). */
    if (start > s0 && !is_comma(a, start - 1) && !ws_tok_text_is(a, start - 1, ":") &&
        !ws_tok_is(a, start - 1, WS_FW_CONJ | WS_FW_SUB) &&
        !(ws_tok_word_is(a, start - 1, "with") && k < a->doc->tokens.n && ws_tok_ends_with(a, k, "ing", 5)))
        return UINT32_MAX;
    if (apposed) {
        /* "about two-thirds, 67 percent," needs the share before its figure. */
        if (start <= s0 || !is_comma(a, start - 1))
            return UINT32_MAX;
        return share_subject_start(a, start - 1, s0);
    }
    return start;
}

/* Is the noun phrase at @np the object of "to", "for", "at", "from" or
 * "close to" after a plural head ("Aides to Clinton", "sources close to
 * the campaign", "officials at the agency")? The head is set in @head. */
static bool subject_pp_head(const ws_attr *a, uint32_t np, uint32_t s0, uint32_t *head)
{
    static const char *const preps[] = {"to", "for", "at", "from", "in", "across", "around", "with"};
    if (np < s0 + 2 || !ws_tok_word_in(a, np - 1, preps, sizeof preps / sizeof *preps))
        return false;
    uint32_t h = np - 2;
    /* "observers in Riverton and around the country": two places joined. */
    if (h > s0 + 2 && ws_tok_text_is(a, h, "and")) {
        uint32_t np2 = ws_np_left(a, h, s0);
        if (np2 < h && np2 >= s0 + 2 && ws_tok_word_in(a, np2 - 1, preps, sizeof preps / sizeof *preps))
            h = np2 - 2;
    }
    if (h > s0 && ws_tok_text_is(a, h, "close"))
        h--;
    if (ws_tok_is(a, h, WS_FW_PREP | WS_FW_DET | WS_FW_AUX | WS_FW_VERB) || !ws_tok_is_plural_head(a, h) ||
        a->tok[h].kind != WS_TOK_WORD)
        return false;
    /* After "in", "with", "across", "around" only people: "supporters in
     * Congress say", not "hearing arguments in a constitutional challenge". */
    static const char *const where[] = {"in", "across", "around", "with"};
    /* ("Democrats in Iowa say": a capitalized plural names people too.) */
    static const char *const people_endings[] = {"ans", "ats", "ists", "ives", "als"};
    bool people_name = (a->tok[h].flags & WS_TOKF_CAP) && !(a->tok[h].flags & WS_TOKF_ALLCAPS) &&
                       ws_tok_ends_with(a, h, "s", 4);
    /* (At a sentence's start the capital says nothing: "Hearings in ...";
     * "Democrats", "Republicans", "Conservatives" still name people.) */
    if (people_name && (a->tok[h].flags & WS_TOKF_SENT_START)) {
        bool ending = false;
        for (size_t i = 0; i < sizeof people_endings / sizeof *people_endings && !ending; i++)
            ending = ws_tok_ends_with_n(a, h, people_endings[i], strlen(people_endings[i]),
                                        strlen(people_endings[i]) + 2);
        people_name = ending;
    }
    if (ws_tok_word_in(a, np - 1, where, sizeof where / sizeof *where) && a->ann[h].role < 0 &&
        !a->ann[h].anon_len && !a->ann[h].is_group && !a->ann[h].is_head &&
        !ws_tok_word_in(a, h, people_words, N_PEOPLE_WORDS) && !people_name)
        return false;
    *head = h;
    return true;
}

/*
 * Where the subject ends when an aside set off by commas ends at @k:
 * "Murphy, though, said", "Clinton, however, said", "Economists, like
 * their counterparts, say". @k itself when there is none.
 */
static uint32_t skip_aside_left(const ws_attr *a, uint32_t k, uint32_t s0)
{
    /* "Democrats - and some Republicans - say": a coordinate aside between
     * dashes adds to the subject before it. */
    if (k >= s0 + 4 && ws_tok_is_dash(a, k - 1)) {
        for (uint32_t p = k - 2; p > s0 && k - p < 10; p--) {
            if (a->tok[p].kind == WS_TOK_QUOTE || is_end_punct(a, p))
                break;
            if (ws_tok_is_dash(a, p)) {
                if (ws_tok_word_is(a, p + 1, "and") || ws_tok_word_is(a, p + 1, "or"))
                    return p;
                break;
            }
        }
        return k;
    }
    if (k < s0 + 4 || !is_comma(a, k - 1))
        return k;
    if (is_comma(a, k - 3) && a->tok[k - 2].kind == WS_TOK_WORD &&
        (ws_tok_text_is(a, k - 2, "though") ||
         ((ws_tok_is(a, k - 2, WS_FW_ADV | WS_FW_TIME) || ws_tok_is_ly_adverb(a, k - 2)) &&
          !ws_tok_is(a, k - 2, WS_FW_CONJ | WS_FW_SUB | WS_FW_DET))))
        return k - 3;
    /* ", for instance,", ", in fact,": a two-word adverbial. */
    static const char *const two_word[][2] = {{"for", "instance"}, {"for", "example"}, {"in", "fact"},
                                              {"of", "course"}, {"in", "turn"}, {"at", "least"},
                                              {"for", "now"}, {"in", "particular"}};
    if (k >= s0 + 5 && is_comma(a, k - 4))
        for (size_t i = 0; i < sizeof two_word / sizeof *two_word; i++)
            if (ws_tok_word_in(a, k - 3, &two_word[i][0], 1) && ws_tok_word_in(a, k - 2, &two_word[i][1], 1))
                return k - 4;
    /* ", like their Republican counterparts,": a comparison. */
    for (uint32_t p = k - 2; p > s0 + 1 && k - p < 10; p--) {
        if (is_comma(a, p) || a->tok[p].kind == WS_TOK_QUOTE)
            break;
        if ((ws_tok_text_is(a, p, "like") || ws_tok_text_is(a, p, "unlike")) && is_comma(a, p - 1) &&
            ws_np_right(a, p + 1, k - 1) == k - 1)
            return p - 1;
    }
    return k;
}

/*
 * Does the phrase that ends before the verb, starting at @s, close a
 * relative clause on the sentence's subject ("The judges who ruled that
 * Texas could not implement its laws said", "An official with the agency
 * who was present in court told")? The subject before its clause speaks:
 * its span in *start and *end.
 */
static bool relative_subject(const ws_attr *a, uint32_t s, uint32_t s0, uint32_t *start, uint32_t *end)
{
    for (uint32_t w = s; w > s0 + 1 && s - w < 25;) {
        w--;
        if (is_end_punct(a, w) || a->tok[w].kind == WS_TOK_QUOTE || ws_tok_is_dash(a, w))
            return false;
        if (!ws_tok_text_is(a, w, "who"))
            continue;
        /* ("A voter who backed Ruiz said": a noun for one person too.) */
        uint32_t h = w - 1, h0 = ws_np_left(a, w, s0);
        if (h0 >= w || !(names_speaker(a, h) || ws_tok_is_plural_head(a, h) || is_person_noun(a, h)))
            return false;
        /* "An official with the agency": back over the phrase's prepositions. */
        while (h0 > s0 + 1 && ws_tok_is(a, h0 - 1, WS_FW_PREP) && !ws_tok_text_is(a, h0 - 1, "that")) {
            uint32_t h1 = ws_np_left(a, h0 - 1, s0);
            if (h1 >= h0 - 1)
                break;
            h0 = h1;
        }
        if (!subject_opens_sentence(a, s0, h0))
            return false;
        *start = h0;
        *end = w;
        return true;
    }
    return false;
}

/* Is the word at @i an adjective before a noun ("recent", "national")? */
static bool adjective_before(const ws_attr *a, uint32_t i)
{
    static const char *const adjectives[] = {"recent", "national", "new", "internal", "public", "private",
                                             "early", "latest", "further", "independent", "local", "state"};
    return ws_tok_word_in(a, i, adjectives, sizeof adjectives / sizeof *adjectives);
}

/*
 * Where the subject that ends with the noun phrase at @s starts, when the
 * whole opens the sentence: across prepositions ("A document on the Trump
 * campaign's website states", "Her submission to the court says", "The
 * Commission on Presidential Debates says") and, before a verb that a
 * plural takes, across "and" ("Companies and individuals say", "The
 * nominee and his aides said"). @s itself otherwise.
 */
static uint32_t subject_phrase_start(const ws_attr *a, uint32_t s, uint32_t s0, const ws_cue_info *verb)
{
    static const char *const preps[] = {"on", "to", "in", "for", "at", "about", "of", "with"};
    uint32_t best = s;
    if (!verb || verb->is_ing)
        return s; /* a participle's subject is not the phrase before it */
    bool crossed_and = false;
    for (uint32_t k = s, steps = 0; k > s0 + 1 && steps < 4; steps++) {
        bool prep = ws_tok_word_in(a, k - 1, preps, sizeof preps / sizeof *preps);
        bool joined = ws_tok_text_is(a, k - 1, "and") && !verb->is_s;
        crossed_and = crossed_and || joined;
        if (!prep && !joined)
            break;
        uint32_t k2 = ws_np_left(a, k - 1, s0);
        if (k2 >= k - 1)
            break;
        /* "The Reds won 3-1 and Ruiz said": a phrase joined by "and" holds
         * no verb in the past after a name ("the Kestrel board and Ruiz
         * said", "Current and former officials say" are subjects). */
        bool clause = false;
        for (uint32_t j = k2; crossed_and && !clause && j + 1 < k - 1; j++) {
            uint32_t n = j + 1;
            clause = (a->tok[j].flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, j) &&
                     a->tok[n].kind == WS_TOK_WORD && !(a->tok[n].flags & WS_TOKF_CAP) &&
                     (ws_tok_word_in(a, n, irregular_past, N_IRREGULAR_PAST) ||
                      (!a->ann[n].fw && ws_tok_ends_with(a, n, "ed", 4) && !ws_tok_is(a, n + 1, WS_FW_PREP)));
        }
        if (clause)
            break;
        for (uint32_t j = k2; j < k - 1; j++)
            if (ws_tok_is(a, j, WS_FW_AUX | WS_FW_VERB | WS_FW_NEG | WS_FW_SUB) || a->tok[j].kind == WS_TOK_QUOTE)
                return best;
        k = k2;
        if (subject_opens_sentence(a, s0, k))
            best = k;
    }
    return best;
}

static bool subject_before(const ws_attr *a, uint32_t k, uint32_t c, uint32_t s0, uint32_t *start,
                           uint32_t *end, bool *after_and);

/* Does a relative clause set off after a subject end right before the cue
 * at @c ('Hale, who calls Ruiz a "liar," described ...', 'On Monday, Hale,
 * who ...')? The last comma outside quotation marks before @c opens it; its
 * position goes to @comma. Then a cue after the quotation is the subject's
 * verb, not inverted. */
static bool relative_clause_before(const ws_attr *a, uint32_t s0, uint32_t c, uint32_t *comma)
{
    for (uint32_t j = c; j-- > s0 + 1;)
        if (is_comma(a, j) && a->tok[j].quote_depth == 0) {
            *comma = j;
            return ws_tok_word_is(a, j + 1, "who") || ws_tok_word_is(a, j + 1, "which");
        }
    return false;
}

/*
 * The subject of the cue at @c: the noun phrase before it, across adverbs
 * and auxiliaries, with an apposition ("Maria Lopez, a spokeswoman for the
 * ministry, said"). Returns false when there is none.
 */
static bool subject_left(const ws_attr *a, uint32_t c, uint32_t s0, uint32_t *start, uint32_t *end,
                         bool *after_and)
{
    uint32_t k = ws_skip_adverbials_left(a, c, s0);
    /* 'Hale, who has called Ruiz "a big cheat," said ...': the phrase before
     * the relative clause that the quotation closes. */
    uint32_t comma;
    if (k > s0 && a->tok[k - 1].kind == WS_TOK_QUOTE && (a->tok[k - 1].flags & WS_TOKF_CLOSE) &&
        relative_clause_before(a, s0, c, &comma)) {
        uint32_t np = ws_np_left(a, comma, s0);
        if (np < comma) {
            *start = np;
            *end = comma;
            *after_and = false;
            return true;
        }
    }
    /* "Hale, who has in recent years described ...", "who at the time said":
     * a phrase of time or place between the auxiliary or the relative
     * pronoun and the verb is no subject (one that ends in a name holds
     * the subject: "which in 2019 Tolvo said"). */
    /* (The phrase is read only where one may stand.) */
    const ws_cue_info *ci = ws_tok_is_cue_verb(a, c) ? verb_reading(a, c) : NULL;
    uint32_t pp = ci && !ci->is_ing && k >= s0 + 3 ? ws_np_left(a, k, s0) : k;
    if (pp < k && pp >= s0 + 2 && ws_tok_is(a, pp - 1, WS_FW_PREP) &&
        !ws_tok_text_is(a, pp - 1, "of") && !(a->tok[k - 1].flags & WS_TOKF_CAP) &&
        !is_subject_pronoun(a, pp) &&
        ((ws_tok_is(a, pp - 2, WS_FW_AUX) && !(a->tok[pp - 2].flags & WS_TOKF_CAP)) ||
         ws_tok_word_is(a, pp - 2, "who") || ws_tok_word_is(a, pp - 2, "which")))
        k = ws_skip_adverbials_left(a, pp - 1, s0);
    /* "The nominee continues to insist": the subject of the first verb. */
    if (k >= s0 + 3 && ws_tok_text_is(a, k - 1, "to") && verb_before_to(a, k - 2))
        k = ws_skip_adverbials_left(a, k - 2, s0);
    uint32_t before_aside = skip_aside_left(a, k, s0);
    /* "Tom Barlow, the chairman of the county party, for example, said":
     * the comma before the aside may close a description of the subject. */
    if (before_aside < k && subject_before(a, before_aside + 1, c, s0, start, end, after_and))
        return true;
    return subject_before(a, before_aside, c, s0, start, end, after_and);
}

/* Are tokens [from, to) a name of at most three words, initials with their
 * periods not counted ("Tom Hale", "Tom H. Hale")? */
static bool is_short_name(const ws_attr *a, uint32_t from, uint32_t to)
{
    uint32_t words = 0;
    for (uint32_t j = from; j < to; j++) {
        if (ws_tok_text_is(a, j, ".") && j > from && a->tok[j - 1].end - a->tok[j - 1].start == 1)
            continue; /* the period of an initial */
        if (!ws_tok_is_name_word(a, j) || ++words > 3)
            return false;
    }
    return words > 0;
}

/* Is the cue at @c a verb that gives a name ("called", "dubbed",
 * "described as"): 'what he called "the worst week"'? Not 'what Hale told
 * "Riverton Today"', a listener, nor 'wrote "in his blog"'. */
static bool names_by_quote(const ws_attr *a, uint32_t c)
{
    static const char *const naming[] = {"call", "dub", "term", "describe", "label", "brand", "nickname", "name"};
    const ws_cue_info *ci = ws_tok_is_cue_verb(a, c) ? verb_reading(a, c) : NULL;
    for (size_t i = 0; ci && i < sizeof naming / sizeof *naming; i++)
        if (lemma_is(ci->lemma, naming[i]))
            return true;
    return false;
}

/* Does the quotation opened at token @open start with a word in lower
 * case, going on the writer's sentence ('"stinks."', '"was fair"')? */
static bool opens_in_lower_case(const ws_attr *a, uint32_t open)
{
    return open + 1 < a->doc->tokens.n && a->tok[open + 1].kind == WS_TOK_WORD &&
           !(a->tok[open + 1].flags & WS_TOKF_CAP);
}

/* Is the cue at @c the verb of "what NOUN-PHRASE" with a quotation right
 * after it ('in what he called "the worst week"', 'what Hale said "was
 * fair"'), one that names or says? The cheap tests first: this is asked of
 * every cue inside another statement's content. */
static bool quotation_after_what(const ws_attr *a, uint32_t c, uint32_t s0, uint32_t stop)
{
    if (!(c + 1 < stop && a->tok[c + 1].kind == WS_TOK_QUOTE && (a->tok[c + 1].flags & WS_TOKF_OPEN)))
        return false;
    bool found = false;
    for (uint32_t w = c >= s0 + 4 ? c - 4 : s0; w + 1 < c && !found; w++)
        found = ws_tok_word_is(a, w, "what") && ws_np_right(a, w + 1, c) == c;
    return found && (names_by_quote(a, c) || (ws_tok_is_cue_verb(a, c) && lemma_is(verb_reading(a, c)->lemma, "say")));
}

/* Does a relative clause set off by a comma (", who", ", which") open
 * before token @p, with no other mark that ends a clause between? */
static bool relative_opens_before(const ws_attr *a, uint32_t p, uint32_t s0)
{
    for (uint32_t j = p; j > s0 + 1 && p - j < 30; j--) {
        if (a->tok[j].quote_depth > 0 || a->tok[j].kind == WS_TOK_QUOTE)
            continue;
        /* (A period inside the sentence is an abbreviation's: "9 lbs.") */
        if (is_end_punct(a, j) && !is_comma(a, j) && !ws_tok_text_is(a, j, "."))
            return false;
        if (is_comma(a, j - 1) && (ws_tok_word_is(a, j, "who") || ws_tok_word_is(a, j, "which")))
            return true;
    }
    return false;
}

/* subject_left() from @k, where the subject ends (before adverbs and asides). */
static bool subject_before(const ws_attr *a, uint32_t k, uint32_t c, uint32_t s0, uint32_t *start,
                           uint32_t *end, bool *after_and)
{
    *after_and = false;
    if (k > s0 && (ws_tok_text_is(a, k - 1, "and") || ws_tok_text_is(a, k - 1, "but"))) {
        *after_and = true;
        return false;
    }
    /* "Six in 10 say", "about two-thirds, 67 percent, say" ("in 10" reads
     * as an adverbial: the share is looked for before it too). */
    for (uint32_t before = k;; before = c) {
        uint32_t share = share_subject_start(a, before, s0);
        if (share != UINT32_MAX) {
            *start = share;
            *end = is_comma(a, before - 1) ? before - 1 : before;
            return true;
        }
        if (before == c)
            break;
    }
    bool dashes = k > s0 && ws_tok_is_dash(a, k - 1);
    /* ('Tom Hale, co-author of "Rivers of Gold," said': the comma that
     * closes the description stands inside a title's quotation marks.) */
    bool title_close = k > s0 + 2 && a->tok[k - 1].kind == WS_TOK_QUOTE && (a->tok[k - 1].flags & WS_TOKF_CLOSE) &&
                       is_comma(a, k - 2) && a->tok[k - 1].quote >= 0 &&
                       (a->doc->quotes.v[a->tok[k - 1].quote].flags & (WS_QUOTE_TITLE | WS_QUOTE_SHORT));
    if (k > s0 && (is_comma(a, k - 1) || dashes || title_close)) {
        /* "Lena Ortiz, chief executive of the company, said", "Hale,
         * who still has the phone, said", "a citizen, whose name was
         * redacted, wrote", "Illarionov - then an adviser - told": the
         * phrase before the comma or dash that opens the description
         * speaks. Relative clauses may hold commas of their own, so the
         * opening mark is searched leftwards. */
        for (uint32_t p = k - 1; p > s0 && k - 1 - p < 40;) {
            p--;
            /* (A title in quotation marks may stand in the description:
             * "Tom Hale, co-author of "Rivers of Gold," said".) */
            int32_t qi = a->tok[p].kind == WS_TOK_QUOTE || a->tok[p].quote_depth > 0 ? top_quote(a, p) : -1;
            if (qi >= 0 && (a->doc->quotes.v[qi].flags & (WS_QUOTE_TITLE | WS_QUOTE_SHORT)))
                continue;
            if (a->tok[p].kind == WS_TOK_QUOTE || a->tok[p].quote_depth > 0) {
                /* ('Tom Hale, who shed 9 pounds "and a belt" in May,
                 * says': a quotation inside a relative clause.) */
                if (!dashes && relative_opens_before(a, p, s0))
                    continue;
                break;
            }
            if (!(dashes ? ws_tok_is_dash(a, p) : is_comma(a, p)) || p + 1 >= k - 1)
                continue;
            uint32_t m0 = p + 1;
            const ws_tok_ann *ma = &a->ann[m0];
            bool relative = ws_tok_text_is(a, m0, "who") || ws_tok_text_is(a, m0, "whose") ||
                            ws_tok_text_is(a, m0, "which");
            /* An aside says where or what the source was doing, and the
             * source ends before it: "Clinton, at a later press gaggle,
             * said". "X, of the church, said" describes X and stays. */
            bool of_phrase = ws_tok_text_is(a, m0, "of");
            bool aside = (ma->fw & WS_FW_PREP) && !of_phrase;
            /* "President Obama, dedicating the museum on Saturday, said":
             * a participle phrase says what the source was doing. */
            /* ("Clinton, also campaigning in Wisconsin, said": adverbs first.) */
            uint32_t m1 = m0;
            while (m1 + 2 < k - 1 && ws_tok_is(a, m1, WS_FW_ADV) && !ws_tok_is(a, m1, WS_FW_CONJ | WS_FW_SUB))
                m1++;
            const ws_token *mt = &a->tok[m1];
            if (mt->kind == WS_TOK_WORD && !(mt->flags & WS_TOKF_CAP) && !a->ann[m1].fw &&
                ws_tok_ends_with(a, m1, "ing", 5) && m1 + 1 < k - 1)
                aside = true;
            /* "The company, led by Tom Hale, said", "Kestrel, founded in
             * 1990, said": a participle in the past and its preposition
             * describe the source. */
            static const char *const participles[] = {"led", "run", "owned", "held", "known", "built", "set", "made"};
            if (mt->kind == WS_TOK_WORD && !(mt->flags & WS_TOKF_CAP) && !a->ann[m1].fw && m1 + 2 < k - 1 &&
                (ws_tok_is(a, m1 + 1, WS_FW_PREP) || ws_tok_word_is(a, m1 + 1, "up")) && /* ("set up by") */
                (ws_tok_ends_with(a, m1, "ed", 4) || ws_tok_word_in(a, m1, participles, sizeof participles / sizeof *participles)))
                aside = true;
            mt = &a->tok[m0];
            /* "Ana Ruiz, senior associate at the institute, said", "Ruiz
             * -- co-editor of a book -- said": after a full name, or any name
             * between dashes, a phrase in lower case describes the person. */
            bool after_name = p >= s0 + 1 && ws_tok_is_name_word(a, p - 1) &&
                              (dashes || (p >= s0 + 2 && ws_tok_is_name_word(a, p - 2))) &&
                              mt->kind == WS_TOK_WORD && !(mt->flags & WS_TOKF_CAP) && !ma->fw;
            /* ", 57,": an age. */
            bool age = a->tok[m0].kind == WS_TOK_NUMBER && m0 + 1 == k - 1;
            /* "Hale, himself up for election, said". */
            static const char *const reflexives[] = {"himself", "herself", "themselves", "itself"};
            if (ws_tok_word_in(a, m0, reflexives, sizeof reflexives / sizeof *reflexives))
                aside = true;
            /* ("Tom Hale, one of the few co-authors still in office,") */
            /* (Not after another description: "Tom Hale, the mayor of
             * Dover, one of the towns in the suit," has its name earlier.) */
            bool one_of = ws_tok_word_is(a, m0, "one") && m0 + 1 < k && ws_tok_word_is(a, m0 + 1, "of");
            if (one_of) {
                uint32_t np = ws_np_left(a, p, s0);
                one_of = np < p && (np == s0 || !is_comma(a, np - 1));
            }
            bool appositive = (ma->fw & WS_FW_DET) || ma->role >= 0 || ws_tok_is_name_word(a, m0) ||
                              ma->demonym >= 0 || ma->country >= 0 || age || one_of ||
                              ws_tok_word_in(a, m0, people_words, N_PEOPLE_WORDS);
            /* "commercial director at Rightmove": adjectives before a role. */
            for (uint32_t j = m0 + 1; !appositive && j < k - 1 && j <= m0 + 2 && !is_comma(a, j); j++)
                appositive = a->ann[j].role >= 0;
            /* An appositive is a noun phrase, up to a relative clause of
             * its own ("a minister who is a critic"): "Somehow, the family
             * will find a way, adds X" has a clause between its commas. */
            for (uint32_t j = m0; appositive && !relative && j < k - 1; j++) {
                if (is_comma(a, j) || ws_tok_is(a, j, WS_FW_SUB))
                    break;
                appositive = !ws_tok_is(a, j, WS_FW_AUX | WS_FW_VERB | WS_FW_NEG);
            }
            appositive = appositive || aside || of_phrase || after_name;
            /* "One correspondent - all are anonymous - wrote": a clause
             * between dashes is the writer's aside; the source ends before it. */
            if (dashes && !appositive && !relative)
                aside = appositive = true;
            if (!relative && !appositive)
                continue;
            /* "Nora Pell, 21, a junior, said": the name before the age;
             * "Ruiz, meanwhile, who ...": before an adverb set off too. */
            uint32_t named = p;
            if (p >= s0 + 3 && (a->tok[p - 1].kind == WS_TOK_NUMBER ||
                                (ws_tok_is(a, p - 1, WS_FW_ADV) && !ws_tok_is(a, p - 1, WS_FW_CONJ | WS_FW_SUB)) ||
                                ws_tok_is_ly_adverb(a, p - 1)) &&
                is_comma(a, p - 2))
                named = p - 2;
            /* "Rosa T. Mendel (D-Ore.), chair of ...": the name before
             * the parenthesis. */
            if (named > s0 + 2 && ws_tok_text_is(a, named - 1, ")")) {
                uint32_t o = named - 1;
                while (o > s0 && named - o < 12 && !ws_tok_text_is(a, o, "("))
                    o--;
                if (ws_tok_text_is(a, o, "(") && o > s0)
                    named = o;
            }
            uint32_t s1 = ws_np_left(a, named, s0);
            if (s1 >= named)
                continue;
            /* "An analyst cited in the study, which ...": the phrase runs
             * back over a participle and its preposition to its head. */
            while (s1 >= s0 + 3 && ws_tok_is(a, s1 - 1, WS_FW_PREP) && a->tok[s1 - 2].kind == WS_TOK_WORD &&
                   !(a->tok[s1 - 2].flags & WS_TOKF_CAP) && !ws_tok_is(a, s1 - 2, WS_FW_AUX | WS_FW_VERB) &&
                   ws_tok_ends_with(a, s1 - 2, "ed", 4)) {
                uint32_t s2 = ws_np_left(a, s1 - 2, s0);
                if (s2 >= s1 - 2 || !names_speaker(a, s1 - 3))
                    break;
                s1 = s2;
            }
            /* "The organisers of the first open of 2005, which begins in
             * May, said": a relative clause after a phrase with "of" is
             * about the phrase's head, which speaks. */
            for (int steps = 0; relative && steps < 3 && s1 > s0 + 1 && ws_tok_text_is(a, s1 - 1, "of"); steps++) {
                uint32_t s2 = ws_np_left(a, s1 - 1, s0);
                if (s2 >= s1 - 1)
                    break;
                s1 = s2;
            }
            /* "Farmers, including Tom Hale, said": those the description
             * names some of are people; the phrase runs back over the
             * participles and prepositions that place them ("Farmers
             * interviewed at rallies in Dover, including ..."). */
            /* (Not a thing: "New rules, including a ban on trucks in
             * Riverton," name no one; "including a man named ..." does.) */
            bool a_thing = m0 + 2 < k - 1 && (ws_tok_word_is(a, m0 + 1, "a") || ws_tok_word_is(a, m0 + 1, "an")) &&
                           !is_person_noun(a, m0 + 2) && a->ann[m0 + 2].role < 0;
            bool including = ws_tok_word_is(a, m0, "including") && m0 + 1 < k - 1 && ws_tok_is_name_word(a, k - 2) &&
                             !a_thing;
            for (int steps = 0; including && steps < 4 && s1 > s0 + 1 && ws_tok_is(a, s1 - 1, WS_FW_PREP) &&
                                !ws_tok_text_is(a, s1 - 1, "that");
                 steps++) {
                uint32_t j = s1 - 1;
                if (j >= s0 + 2 && is_plain_lower(a, j - 1) && ws_tok_ends_with(a, j - 1, "ed", 4))
                    j--; /* "interviewed at" */
                uint32_t s2 = ws_np_left(a, j, s0);
                if (s2 >= j)
                    break;
                s1 = s2;
            }
            uint32_t h = named - 1;
            const ws_tok_ann *ha = &a->ann[h];
            bool head_names = ws_tok_is_name_word(a, h) || ha->pronoun >= 0 || ha->role >= 0 ||
                              ha->is_head || ha->anon_len || relative || including ||
                              ws_tok_word_in(a, h, people_words, N_PEOPLE_WORDS);
            /* "His father, Joseph, says": a kinship or any noun named by
             * the apposition, when the phrase is determined ("his", "the",
             * "Hale's"). */
            bool determined = ws_tok_is(a, s1, WS_FW_DET);
            for (uint32_t j = s1; !determined && j < p; j++)
                determined = ws_tok_is_possessive(a, j);
            if (!head_names && determined) {
                head_names = is_short_name(a, m0, k - 1);
            }
            /* "The report, published on Monday, said", "The woman, 34,
             * said": a writing or a person with its determiner. */
            if (!head_names && determined && (aside || age) && (ws_tok_has_noun_cue(a, h) || is_person_noun(a, h)))
                head_names = true;
            if (!head_names)
                continue;
            /* "A second delegate on the Ruiz list, Tom Hale, said", "One
             * of the authors, Ana Ruiz, said": the phrase runs back over
             * its prepositions to its head. */
            bool app_is_name = is_short_name(a, m0, k - 1);
            /* "of that 2013 report": "that" is its determiner here. */
            if (app_is_name && s1 > s0 + 2 && ws_tok_text_is(a, s1 - 1, "that") && ws_tok_is(a, s1 - 2, WS_FW_PREP))
                s1--;
            while (app_is_name && s1 > s0 + 1 && ws_tok_is(a, s1 - 1, WS_FW_PREP) && !ws_tok_text_is(a, s1 - 1, "that")) {
                uint32_t s2 = ws_np_left(a, s1 - 1, s0);
                /* "One of", "some of": a number or quantifier heads it. */
                if (s2 >= s1 - 1 && ws_tok_text_is(a, s1 - 1, "of") &&
                    (ws_tok_is(a, s1 - 2, WS_FW_NUM) || ws_tok_word_in(a, s1 - 2, counted_subjects, N_COUNTED_SUBJECTS)))
                    s2 = s1 - 2;
                if (s2 >= s1 - 1)
                    break;
                s1 = s2;
            }
            /* The whole description must be a phrase too: "Kent,
             * the county's largest district, was also badly hurt, said"
             * has a clause before the cue. */
            bool phrase = true;
            for (uint32_t j = p + 1; phrase && !relative && j + 1 < k; j++)
                phrase = !ws_tok_is(a, j, WS_FW_AUX | WS_FW_VERB | WS_FW_NEG);
            if (!dashes && is_comma(a, p) && phrase) {
                uint32_t chain = apposition_chain_start(a, p, s0);
                if (chain < s1)
                    s1 = chain;
            }
            *start = s1;
            *end = aside ? p : title_close ? k : k - 1; /* without the closing comma or dash */
            return true;
        }
        /* "Ana Ruiz, said the bridge ...": a stray comma after a full
         * name that is all the sentence has before the cue. */
        bool stray = !dashes && k - 1 >= s0 + 2 && k - 1 - s0 <= 4 &&
                     (a->ann[s0].first_name || a->ann[s0].honorific >= 0 || a->ann[s0].role >= 0);
        for (uint32_t j = s0; stray && j < k - 1; j++)
            stray = ws_tok_is_name_word(a, j);
        if (stray) {
            *start = s0;
            *end = k - 1;
            return true;
        }
        return false;
    }
    /* "a letter that says he is well", "a report that found ...": a
     * writing before "that" is the subject of the relative clause. */
    /* ("a letter from his doctor that says": over a phrase after it.) */
    if (k >= s0 + 3 && ws_tok_text_is(a, k - 1, "that") && is_finite_cue(a, c)) {
        uint32_t w = k - 2;
        while (w > s0 && w + 8 > k && !ws_tok_has_noun_cue(a, w) && a->tok[w].kind == WS_TOK_WORD &&
               !ws_tok_is(a, w, WS_FW_AUX | WS_FW_VERB | WS_FW_SUB | WS_FW_CONJ))
            w--;
        bool through = w == k - 2 || ws_tok_word_is(a, w + 1, "from") || ws_tok_word_is(a, w + 1, "by");
        uint32_t np = ws_np_left(a, w + 1, s0);
        for (uint32_t j = np; j < w; j++) /* "the wake of polls that showed": the writing only */
            if (ws_tok_word_is(a, j, "of"))
                np = j + 1;
        if (ws_tok_has_noun_cue(a, w) && !(a->tok[w].flags & WS_TOKF_CAP) && through && np <= w) {
            *start = np;
            *end = k - 1;
            return true;
        }
    }
    /* "voters who said they had misgivings": the relative pronoun is the
     * source, and stands for the phrase before it. */
    if (k > s0 && (ws_tok_text_is(a, k - 1, "who") || ws_tok_text_is(a, k - 1, "which"))) {
        *start = k - 1;
        *end = k;
        return true;
    }
    /* "family members, many of whom say": the quantifier and its relative. */
    if (k >= s0 + 3 && ws_tok_text_is(a, k - 1, "whom") && ws_tok_text_is(a, k - 2, "of") &&
        (ws_tok_word_in(a, k - 3, counted_subjects, N_COUNTED_SUBJECTS) || ws_tok_is(a, k - 3, WS_FW_NUM))) {
        *start = k - 3;
        *end = k;
        return true;
    }
    /* "Some suggested that", "Many say": a quantifier that stands for
     * the people it counts, alone at the start of its clause. */
    if (k > s0 && (k - 1 == s0 || is_comma(a, k - 2) || ws_tok_is(a, k - 2, WS_FW_CONJ)) &&
        ws_tok_word_in(a, k - 1, counted_subjects, N_COUNTED_SUBJECTS)) {
        *start = k - 1;
        *end = k;
        return true;
    }
    uint32_t s = ws_np_left(a, k, s0);
    /* ("Workers who complained said": the clause's verb is a cue word, no
     * noun phrase ends before the verb.) */
    if (s >= k)
        return k > s0 + 2 && a->tok[k - 1].kind == WS_TOK_WORD && !(a->tok[k - 1].flags & WS_TOKF_CAP) &&
               ws_tok_word_is(a, k - 2, "who") &&
               relative_subject(a, k - 1, s0, start, end);
    /* "the vote was rigged has been rejected": a participle after its
     * auxiliary is a verb, no subject. */
    /* (A participle's own subject is found past it: "A lawsuit was filed
     * in 2012 challenging ...".) */
    /* ("Officials who were named said": the clause's own subject before
     * "who".) */
    if (s + 1 == k && s > s0 && is_plain_lower(a, s) && ws_tok_ends_with(a, s, "ed", 4) &&
        ws_tok_is(a, s - 1, WS_FW_AUX) && !(verb_reading(a, c) && verb_reading(a, c)->is_ing))
        return relative_subject(a, s, s0, start, end);
    /* "The most recent poll": "most" of a superlative keeps its article. */
    if (s > s0 && (ws_tok_text_is(a, s, "most") || ws_tok_text_is(a, s, "least")) &&
        ws_tok_word_is(a, s - 1, "the"))
        s--;
    if (relative_subject(a, s, s0, start, end))
        return true;
    /* "Aides to Clinton say": the head before the phrase speaks. */
    uint32_t pp_head;
    if (subject_pp_head(a, s, s0, &pp_head)) {
        uint32_t s2 = ws_np_left(a, pp_head + 1, s0);
        if (s2 <= pp_head)
            s = s2;
    }
    s = subject_phrase_start(a, s, s0, verb_reading(a, c));
    /* "In a Bloomberg interview Trump said", "... that Mayor Bill de
     * Blasio said", "BRUSSELS - European leaders said": a name after a
     * common noun that is no title of it starts the subject. */
    for (uint32_t j = s; j + 1 < k; j++)
        if (ws_tok_is_dash(a, j))
            s = j + 1;
    if (ws_tok_is_name_word(a, k - 1) && a->ann[k - 1].demonym < 0) {
        uint32_t n0 = k - 1;
        while (n0 > s && (ws_tok_is_name_word(a, n0 - 1) || ws_tok_is(a, n0 - 1, WS_FW_PARTICLE)))
            n0--;
        if (n0 > s) {
            const ws_token *pt = &a->tok[n0 - 1];
            bool possessive = ws_tok_is_possessive(a, n0 - 1);
            /* Only after a determined phrase ("the third time AROS"):
             * "former transport critic Tom Marlow" is a title. */
            const ws_token *nt = &a->tok[k - 1];
            bool plural = n0 + 1 == k && a->doc->text[nt->end - 1] == 's'; /* "prominent Republicans" */
            bool common = pt->kind == WS_TOK_WORD && !(pt->flags & WS_TOKF_CAP) && a->ann[n0 - 1].role < 0 &&
                          !possessive && a->ann[n0 - 1].fw == 0 && ws_tok_is(a, s, WS_FW_DET) &&
                          a->ann[s].pronoun < 0 && !plural; /* "his wife Michelle" */
            if (common || ws_tok_text_is(a, n0 - 1, "that"))
                s = n0;
        }
    }
    if (s >= k)
        return false;
    /* "the ongoing challenges": an -ing word does not head a subject,
     * unless a determiner or an adjective makes it a noun ("familiar with
     * the planning", "Recent polling shows"). */
    if (!(a->tok[k - 1].flags & WS_TOKF_CAP) && ws_tok_ends_with(a, k - 1, "ing", 5) &&
        !(k >= s + 2 && ws_tok_is(a, k - 2, WS_FW_DET)) && !(k >= s + 2 && adjective_before(a, k - 2)))
        return false;
    *start = s;
    *end = k;
    return true;
}

/* "he", "she", "they", "it", "we", "I", "you": a clause starts here. */
static bool is_subject_pronoun(const ws_attr *a, uint32_t k)
{
    /* Not "it" and "you": objects too ("and reported it to the owner"). */
    static const char *const subjects[] = {"he",      "she",     "they",    "we",     "i",      "he'd",
                                           "he'll",   "she'd",   "she'll",  "they're", "they've", "they'd",
                                           "they'll", "we're",   "we've",   "we'd",   "we'll",  "i'm",
                                           "i've",    "i'd",     "i'll"};
    return ws_tok_word_in(a, k, subjects, sizeof subjects / sizeof *subjects);
}

/* Can the word at @h head a speaker's phrase: a name, a pronoun, a role,
 * an institution, an anonymous source or a group? */
static bool names_speaker(const ws_attr *a, uint32_t h)
{
    const ws_tok_ann *ha = &a->ann[h];
    return ws_tok_is_name_word(a, h) || ha->pronoun >= 0 || ha->role >= 0 || ha->is_head || ha->anon_len ||
           ha->is_group || ws_tok_word_in(a, h, people_words, N_PEOPLE_WORDS);
}

/* Does the subject found before a cue, starting at @start, open the
 * sentence ("The institute, a think tank, called ...")? Then the comma
 * before the cue closes an apposition and the cue is not inverted. */
static bool subject_opens_sentence(const ws_attr *a, uint32_t s0, uint32_t start)
{
    if (start == s0)
        return true;
    /* "But Ana Ruiz, ...", "Even China, ...", "WASHINGTON -- President
     * Obama, ...": opening words and a dateline come before the subject. */
    uint32_t k = s0;
    for (uint32_t t = s0; t < start && t - s0 < 8; t++) {
        if (ws_tok_is_dash(a, t)) {
            k = t + 1;
            continue;
        }
        if (!(a->tok[t].flags & WS_TOKF_ALLCAPS) && !is_comma(a, t))
            break;
    }
    k = ws_skip_adverbials_right(a, k, start);
    while (k < start && ws_tok_is(a, k, WS_FW_CONJ | WS_FW_ADV))
        k++;
    /* "In a chat with the Dover Post, Ed Corbin, 76, recalls": a
     * circumstance before the subject. */
    if (k < start && ws_tok_is(a, k, WS_FW_PREP) && !ws_tok_text_is(a, k, "of")) {
        uint32_t t = k;
        while (t < start && !is_comma(a, t) && !ws_tok_is(a, t, WS_FW_AUX | WS_FW_VERB) &&
               a->tok[t].kind != WS_TOK_QUOTE)
            t++;
        if (t + 1 == start && is_comma(a, t))
            k = start;
    }
    if (k == start)
        return true;
    /* '"...," Andrei Ivanov, an adviser, told reporters': the subject
     * right after a quotation that opens the sentence. */
    uint32_t p = start;
    while (p > s0 && is_comma(a, p - 1))
        p--;
    return p > s0 + 1 && a->tok[s0].kind == WS_TOK_QUOTE && a->tok[p - 1].kind == WS_TOK_QUOTE &&
           (a->tok[p - 1].flags & WS_TOKF_CLOSE) && a->tok[p - 1].quote == a->tok[s0].quote;
}

/*
 * '"...," said Tom Hale, who served as trade envoy ...', '... said
 * Ruiz, a family doctor.': the description after an inverted source that
 * runs to the end of the sentence (or to the comma before the next part of
 * a split quotation) belongs to the source as written. Its end, or 0.
 */
static uint32_t description_end(const ws_attr *a, uint32_t src_e, uint32_t stop)
{
    static const char *const openers[] = {"who", "whose", "whom", "a", "an", "the", "one", "another"};
    if (src_e + 2 >= stop || !is_comma(a, src_e) ||
        !(ws_tok_word_in(a, src_e + 1, openers, sizeof openers / sizeof *openers) || a->ann[src_e + 1].role >= 0))
        return 0;
    uint32_t e = src_e;
    bool clause_after = false;
    while (e < stop && a->tok[e].kind != WS_TOK_QUOTE) {
        /* "Later, said Ana Ruiz, the mayor, the bridge will open": a
         * subject and its verb after a comma end the description. */
        if (is_comma(a, e) && e + 2 < stop) {
            uint32_t np = ws_np_right(a, e + 1, stop);
            /* (Or a verb in the past that is no participle: "Last year, said
             * Hale, the toll rose by half"; "the mayor appointed in May"
             * describes.) */
            static const char *const past_only[] = {"took", "gave", "went", "ran", "saw", "fell", "rose",
                                                    "grew", "began", "drew", "threw", "came"};
            /* ("rose" may be read as the phrase's last noun.) */
            if (np > e + 3 && ws_tok_word_in(a, np - 1, past_only, sizeof past_only / sizeof *past_only))
                np--;
            clause_after = np > e + 1 && np < stop && !ws_tok_is(a, np, WS_FW_DET) &&
                           (ws_tok_is(a, np, WS_FW_AUX) ||
                            ws_tok_word_in(a, np, past_only, sizeof past_only / sizeof *past_only) ||
                            (is_plain_lower(a, np) && ws_tok_ends_with(a, np, "ed", 4) && np + 1 < stop &&
                             !ws_tok_is(a, np + 1, WS_FW_PREP)));
            if (clause_after)
                break;
        }
        e++;
    }
    /* A split quotation goes on after the comma that ends the description. */
    if (e < stop && !clause_after) {
        if (!is_comma(a, e - 1))
            return 0;
        e--;
    }
    while (e > src_e + 1 && a->tok[e - 1].kind == WS_TOK_PUNCT && !ws_tok_text_is(a, e - 1, ")"))
        e--;
    return e > src_e + 1 ? e : 0;
}

/* The noun phrase after an inverted cue ("said Nauert", "said the minister",
 * "said steel worker Piet Moreau"). */
static bool subject_right(const ws_attr *a, uint32_t from, uint32_t stop, uint32_t *start,
                          uint32_t *end)
{
    if (from < stop && ws_tok_text_is(a, from, "that"))
        return false; /* "concluded that the Centre ...": a clause, no source */
    uint32_t e = ws_np_right(a, from, stop);
    if (e <= from)
        return false;
    /* "..., says she warned about surprises": a subject pronoun with words
     * after it opens the content ("said he." ends the sentence). */
    if (e == from + 1 && is_subject_pronoun(a, from) && e < stop && !is_end_punct(a, e) &&
        a->tok[e].kind != WS_TOK_QUOTE)
        return false;
    /* "said the world indoor champion.", "said Spanish Federation press
     * officer Ann Lee.": with no verb to come, words up to the end of the
     * clause still belong to the phrase (the noun phrase reader takes a
     * lower-case word after a known noun, or one that may be a cue,
     * "champion", for a verb). */
    uint32_t rest = e;
    while (rest < stop && rest - from < 10 && a->tok[rest].kind == WS_TOK_WORD &&
           (a->ann[rest].fw == 0 || ws_tok_is_name_word(a, rest)) &&
           (!(a->tok[rest].flags & WS_TOKF_CAP) || ws_tok_is_name_word(a, rest)))
        rest++;
    if (rest > e && (rest >= stop || is_end_punct(a, rest)))
        e = rest;
    /* Lower-case words joined by "and" before a title and name: take the
     * clause up to its end when a name closes it. */
    if (e < stop && ws_tok_text_is(a, e, "and")) {
        uint32_t k = e;
        while (k < stop && k - from < 12 && !is_end_punct(a, k) && a->tok[k].kind != WS_TOK_QUOTE &&
               !ws_tok_is(a, k, WS_FW_SUB | WS_FW_AUX | WS_FW_VERB))
            k++;
        if (k > e && ws_tok_is_name_word(a, k - 1) && (k >= stop || is_end_punct(a, k)))
            e = k;
    }
    /* "says a source involved in the group's creation.": a participle
     * and its phrases, to the end of the clause. */
    if (e + 2 < stop && a->tok[e].kind == WS_TOK_WORD && !(a->tok[e].flags & WS_TOKF_CAP) && !a->ann[e].fw &&
        ws_tok_ends_with(a, e, "ed", 4) && ws_tok_is(a, e + 1, WS_FW_PREP) && !ws_tok_text_is(a, e + 1, "that")) {
        uint32_t k = e + 1;
        while (k + 1 < stop && ws_tok_is(a, k, WS_FW_PREP) && !ws_tok_text_is(a, k, "that")) {
            uint32_t pe = ws_np_right(a, k + 1, stop);
            if (pe <= k + 1)
                break;
            k = pe;
        }
        if (k >= stop || is_end_punct(a, k))
            e = k;
    }
    /* ", a spokeswoman for the ministry", ", House editor for the Cook
     * Political Report", ", a fellow at the council who ran the agency":
     * an apposition, a determined phrase or one with a role, up to the
     * end of the clause. */
    if (e + 1 < stop && is_comma(a, e)) {
        uint32_t m0 = e + 1;
        bool appositive = (a->ann[m0].fw & WS_FW_DET) != 0;
        for (uint32_t j = m0; !appositive && j < stop && j <= m0 + 2 && a->tok[j].kind == WS_TOK_WORD; j++)
            appositive = a->ann[j].role >= 0;
        uint32_t e2 = ws_np_right(a, m0, stop);
        if (e2 > m0 && e2 < stop && (ws_tok_text_is(a, e2, "who") || ws_tok_text_is(a, e2, "which")))
            while (e2 < stop && !is_end_punct(a, e2) && a->tok[e2].kind != WS_TOK_QUOTE)
                e2++;
        if (appositive && e2 > m0 && (e2 >= stop || is_end_punct(a, e2) || a->tok[e2].kind == WS_TOK_QUOTE))
            e = e2;
    }
    *start = from;
    *end = e;
    return true;
}

/* "..., declared bankruptcy.": one lower-case singular noun with no
 * determiner is the object of the verb, no speaker ("said officials",
 * "said aides" are plural; roles and unnamed sources are known). */
static bool is_bare_singular_noun(const ws_attr *a, uint32_t s, uint32_t e)
{
    if (e != s + 1 || a->tok[s].kind != WS_TOK_WORD || (a->tok[s].flags & WS_TOKF_CAP) || a->ann[s].fw ||
        a->ann[s].pronoun >= 0)
        return false;
    const ws_tok_ann *x = &a->ann[s];
    return x->role < 0 && !x->anon_len && !x->is_group && !x->is_head && !ws_tok_ends_with(a, s, "s", 3);
}

/* After the source of an inverted cue, only circumstances may follow:
 * '"...," said Nauert.', '... said the minister in Paris', '... said
 * Sener earlier this month'. */
static bool ends_inverted_clause(const ws_attr *a, uint32_t k, uint32_t stop)
{
    /* Adverbs may follow ('said Nauert later'); an auxiliary may not: "...,
     * said he was only leaning" has its subject before a verb of its own. */
    while (k < stop && a->tok[k].kind == WS_TOK_WORD && ws_tok_is(a, k, WS_FW_ADV) &&
           !ws_tok_is(a, k, WS_FW_AUX | WS_FW_DET | WS_FW_CONJ | WS_FW_SUB | WS_FW_PRON))
        k++;
    while (k < stop && ws_tok_is(a, k, WS_FW_TIME | WS_FW_DET) && !ws_tok_is(a, k, WS_FW_AUX))
        k++;
    /* '... said Ann Lee who lives in Leeds': a relative clause describes the
     * source; '... says Kestner while visiting the kitchen': a clause of
     * the writer's follows. */
    static const char *const clause_words[] = {"who", "whose", "while", "as", "when", "after", "before"};
    bool relative = k < stop && ws_tok_word_in(a, k, clause_words, sizeof clause_words / sizeof *clause_words);
    /* '..., says a source involved in the talks.': a participle that
     * describes the source, then its phrase. */
    if (k + 1 < stop && a->tok[k].kind == WS_TOK_WORD && !(a->tok[k].flags & WS_TOKF_CAP) && !a->ann[k].fw &&
        ws_tok_ends_with(a, k, "ed", 4) && ws_tok_is(a, k + 1, WS_FW_PREP) && !ws_tok_text_is(a, k + 1, "that"))
        k++;
    /* '... said the minister in Paris on Monday.': phrases to the end of
     * the clause; not "said landlords in cities like Leeds will ...". */
    for (int n = 0; n < 4 && k + 1 < stop && ws_tok_is(a, k, WS_FW_PREP) && !ws_tok_text_is(a, k, "that"); n++) {
        uint32_t e = ws_np_right(a, k + 1, stop);
        if (e <= k + 1)
            return true; /* "in 2016", "at 10 a.m.": a circumstance of its own kind */
        k = e;
        while (k < stop && (a->tok[k].kind == WS_TOK_NUMBER || ws_tok_is(a, k, WS_FW_TIME)))
            k++;
    }
    /* ('..., said the plans "stink".': a quotation right after the noun,
     * with no comma, is what the plans were said to do.) */
    return k >= stop || is_end_punct(a, k) || (a->tok[k].kind == WS_TOK_QUOTE && !(a->tok[k].flags & WS_TOKF_OPEN)) ||
           relative ||
           (ws_tok_is(a, k, WS_FW_PREP) && !ws_tok_text_is(a, k, "that"));
}

/* Is the cue at @c the verb of a clause with "who" ("critics who say")? */
static bool follows_who(const ws_attr *a, uint32_t c)
{
    return c > a->doc->sentences.v[a->tok[c].sentence].tok_start && ws_tok_word_is(a, c - 1, "who");
}

/* The last statement of the sentence so far that is not a relative
 * clause's ("a fund for farmers who want to expand, saying ...": the
 * participle's speaker is the one who announced it), or -1. */
static int32_t last_main_draft(const ws_attr *a, const draft_list *drafts, size_t first)
{
    for (size_t i = drafts->n; i > first; i--) {
        uint32_t c = drafts->v[i - 1].cue_tok;
        if (!follows_who(a, c))
            return (int32_t)(i - 1);
    }
    return -1;
}

static bool opens_clause(const ws_attr *a, uint32_t k);
static bool subject_and_verb(const ws_attr *a, uint32_t k, uint32_t stop);
static bool quotation_follows(const ws_attr *a, uint32_t k, uint32_t end);

/* "The board added a premium for the line": "add" with a thing for its
 * object puts it in, and says nothing; "added the caveat that ...", "added
 * he was sure", '"...," she added' report. */
static bool added_thing(const ws_attr *a, const ws_cue_info *verb, uint32_t from, uint32_t end)
{
    if (!lemma_is(verb->lemma, "add") || from >= end || ws_tok_text_is(a, from, "that") ||
        is_subject_pronoun(a, from) || a->tok[from].kind == WS_TOK_QUOTE || ws_tok_text_is(a, from, ":") ||
        is_comma(a, from))
        return false;
    /* (A clause without "that": "added the targets were met", "added
     * two routes, the Dover line and another, were late", 'added Tolvo "was
     * not easy"'.) */
    if (opens_clause(a, from) || subject_and_verb(a, from, end) || quotation_follows(a, from, end))
        return false;
    /* A thing is a noun phrase that only phrases with a preposition follow,
     * or nothing: "a premium for the line", "the conversion." Not "prices
     * rise every winter", "the plan works.", "the rules apply to all": the
     * phrase reader takes a verb after a noun for part of the phrase, and
     * a word after a plural or a verb in -s after a noun is one. */
    uint32_t np = ws_np_right(a, from, end);
    if (np <= from || (np < end && !(is_end_punct(a, np) && !is_comma(a, np)) &&
                       !(ws_tok_is(a, np, WS_FW_PREP) && !ws_tok_text_is(a, np, "that") && !ws_tok_text_is(a, np, "as"))))
        return false;
    for (uint32_t j = from; j < np; j++) {
        if (ws_tok_has_noun_cue(a, j) || a->tok[j].kind == WS_TOK_QUOTE)
            return false;
        bool lower = a->tok[j].kind == WS_TOK_WORD && !(a->tok[j].flags & WS_TOKF_CAP) && !a->ann[j].fw;
        bool plural = lower && ws_tok_ends_with(a, j, "s", 2) && !ws_tok_ends_with(a, j, "ss", 3);
        bool lower_before = j > from && a->tok[j - 1].kind == WS_TOK_WORD && !(a->tok[j - 1].flags & WS_TOKF_CAP) &&
                            !a->ann[j - 1].fw;
        if ((plural && j + 1 < np && is_plain_lower(a, j + 1)) || (plural && lower_before && j + 1 == np))
            return false;
    }
    /* ("added its bid to buy the bank, was being considered": the verb of
     * a clause after the phrase; not in a clause of the writer's, "given it
     * has not been built".) */
    for (uint32_t j = np; j < end; j++) {
        if (ws_tok_is(a, j, WS_FW_SUB) || ws_tok_word_is(a, j, "given") || ws_tok_word_is(a, j, "as"))
            break;
        if (ws_tok_is(a, j, WS_FW_AUX) && !ws_tok_ends_with(a, j, "ing", 5))
            return false;
    }
    return true;
}

/* Verbs whose content may be an infinitive: beliefs and intentions ("wants
 * to", "expects to"), promises, refusals and requests ("vowed to fight",
 * "urged them to leave"). Others take "to" for a listener ("said to
 * reporters", "responded to criticism"). */
static bool takes_infinitive(const ws_cue_info *ci)
{
    static const char *const verbs[] = {"promise", "vow", "pledge", "threaten", "agree", "refuse",
                                        "decline", "offer", "urge", "ask", "call", "warn", "tell",
                                        "order", "encourage", "demand", "propose", "claim", "swear",
                                        "advise", "remind", "instruct", "caution"};
    if (ci->needs_clause)
        return true;
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
        if (lemma_is(ci->lemma, verbs[i]))
            return true;
    return false;
}

/* Does "to" at @k open an infinitive ("wants to triple", "vowed to fight")
 * rather than name a listener ("said to reporters")? The word after it is
 * then a verb: lower case, not a determiner, a pronoun or a plural. */
static bool is_infinitive(const ws_attr *a, uint32_t k, uint32_t stop)
{
    if (!ws_tok_text_is(a, k, "to") || k + 1 >= stop)
        return false;
    /* 'told them to "go and vote"': the verb inside the quotation, after
     * a listener ('threaten to "diminish ..."' is no speech). */
    if (a->tok[k + 1].kind == WS_TOK_QUOTE && (a->tok[k + 1].flags & WS_TOKF_OPEN) && k + 2 < stop && k > 0 &&
        a->ann[k - 1].cue < 0)
        k++;
    const ws_token *v = &a->tok[k + 1];
    if (v->kind != WS_TOK_WORD || (v->flags & WS_TOKF_CAP) || ws_tok_is(a, k + 1, WS_FW_DET | WS_FW_NUM) ||
        a->ann[k + 1].pronoun >= 0)
        return false;
    /* A plural noun ends in -s; "assess", "discuss", "focus" are verbs. */
    const char *w = a->doc->text + v->start;
    size_t n = v->end - v->start;
    return w[n - 1] != 's' || (n > 2 && (w[n - 2] == 's' || w[n - 2] == 'u'));
}

/* A lower-case word in -ing that is no base form ("taking", "doing"; not
 * "bring", "sing"). */
static bool is_gerund(const ws_attr *a, uint32_t i)
{
    static const char *const short_ones[] = {"doing", "being", "going", "using", "dying", "lying"};
    const ws_token *t = &a->tok[i];
    return t->kind == WS_TOK_WORD && !(t->flags & WS_TOKF_CAP) && !a->ann[i].fw &&
           (ws_tok_ends_with(a, i, "ing", 6) || ws_tok_word_in(a, i, short_ones, sizeof short_ones / sizeof *short_ones)) &&
           !ws_tok_text_is(a, i, "during") && !ws_tok_text_is(a, i, "nothing");
}

/* "agreed to three years' monitoring": after "agree", "to" and a noun
 * phrase are what was agreed, no circumstance and no missing content. */
static bool agreed_to_phrase(const ws_attr *a, const ws_cue_info *verb, uint32_t k, uint32_t stop)
{
    return k + 1 < stop && lemma_is(verb->lemma, "agree") && ws_tok_text_is(a, k, "to") && ws_np_right(a, k + 1, stop) > k + 1;
}

/*
 * After a cue, what is not the content: adverbs, "in a statement", "on
 * Twitter", "in his New Year's speech", "to reporters", "on Jan. 29",
 * "late Thursday". Returns where the content may begin.
 */
static bool introductory_phrase(const ws_attr *a, uint32_t k, uint32_t end);

static uint32_t skip_circumstances(const ws_attr *a, const ws_cue_info *verb, uint32_t k, uint32_t stop)
{
    for (int round = 0; round < 4 && k < stop; round++) {
        uint32_t before = k;
        /* Adverbs, not auxiliaries ("report being uninterested"), and
         * only before "that", a time, a phrase or a quotation: "said
         * often, paramedics ...", "said further details ..." open what
         * was said. */
        uint32_t adv = k;
        while (adv < stop && ws_tok_is(a, adv, WS_FW_ADV | WS_FW_NEG) &&
               !ws_tok_is(a, adv, WS_FW_AUX | WS_FW_DET | WS_FW_CONJ | WS_FW_SUB | WS_FW_PRON))
            adv++;
        /* (Adverbs of the saying itself go anywhere: "said then, ...",
         * "emphasizing instead the need for ...".) */
        static const char *const of_saying[] = {"then", "later", "again", "earlier", "recently", "previously",
                                                "also", "instead", "repeatedly", "publicly", "privately"};
        bool saying = true;
        for (uint32_t j = k; j < adv && saying; j++)
            saying = ws_tok_word_in(a, j, of_saying, sizeof of_saying / sizeof *of_saying);
        if (adv > k && (saying || adv >= stop || ws_tok_text_is(a, adv, "that") ||
                        ws_tok_is(a, adv, WS_FW_TIME | WS_FW_PREP) || a->tok[adv].kind == WS_TOK_QUOTE ||
                        (is_end_punct(a, adv) && !is_comma(a, adv))))
            k = adv;
        /* Time words: "Thursday", "late Thursday", "last week", "this month"
         * ("this" and "last" are determiners too: only before a time word). */
        while (k < stop && ws_tok_is(a, k, WS_FW_TIME) &&
               !(k + 1 < stop && ws_tok_is_possessive(a, k + 1)) &&
               (!ws_tok_is(a, k, WS_FW_DET | WS_FW_AUX) ||
                (ws_tok_is(a, k, WS_FW_DET) && k + 1 < stop && ws_tok_is(a, k + 1, WS_FW_TIME) &&
                 !ws_tok_is(a, k + 1, WS_FW_DET | WS_FW_AUX))))
            k++;
        bool of_time = k + 1 < stop && ws_tok_text_is(a, k, "of") &&
                       (ws_tok_is(a, k + 1, WS_FW_DET | WS_FW_TIME));
        if (agreed_to_phrase(a, verb, k, stop))
            return k;
        /* "admitted to taking the money": a gerund after "to" is what
         * was admitted, no circumstance ("to bring" is an infinitive; "said
         * to cheering crowds that ..." has its clause after). */
        if (k + 1 < stop && ws_tok_text_is(a, k, "to") && is_gerund(a, k + 1)) {
            bool clause_after = false;
            for (uint32_t j = k + 2; j < stop && j < k + 8 && !clause_after; j++)
                clause_after = is_complementizer(a, j);
            if (!clause_after)
                return k + 1;
        }
        /* "said despite all that, the mayor ...", "says unlike Tolvo, ...":
         * a concession or a contrast is never how the saying was done; it
         * opens what was said. */
        static const char *const contrasting[] = {"despite", "unlike", "notwithstanding", "contrary"};
        if (k < stop && ws_tok_word_in(a, k, contrasting, sizeof contrasting / sizeof *contrasting)) {
            /* (Only before a comma and a clause: not "said despite her
             * doubts that she would vote".) */
            if (introductory_phrase(a, k, stop))
                return k;
        }
        if (k + 1 < stop && ws_tok_is(a, k, WS_FW_PREP) && !ws_tok_text_is(a, k, "that") &&
            !(takes_infinitive(verb) && is_infinitive(a, k, stop)) &&
            (!ws_tok_text_is(a, k, "of") || of_time) && !ws_tok_text_is(a, k, "about") &&
            a->tok[k + 1].kind != WS_TOK_QUOTE) {
            uint32_t pe = ws_np_right(a, k + 1, stop);
            /* "via email", "by phone", "in a blog post": a noun that is
             * also a cue word ends the phrase, before the clause ("by
             * email the golfer was sore"). */
            if (pe < stop && a->tok[pe].kind == WS_TOK_WORD && !(a->tok[pe].flags & WS_TOKF_CAP) &&
                !a->ann[pe].fw && a->ann[pe].cue >= 0 && !(verb_reading(a, pe) && verb_reading(a, pe)->is_ing) &&
                (pe + 1 >= stop || is_end_punct(a, pe + 1) || is_complementizer(a, pe + 1) ||
                 (pe == k + 1 && (ws_tok_is(a, pe + 1, WS_FW_DET) || is_subject_pronoun(a, pe + 1)))))
                pe++;
            /* "on Jan. 29": a date is a noun phrase of numbers. */
            while (pe < stop && (a->tok[pe].kind == WS_TOK_NUMBER || ws_tok_text_is(a, pe, ".")) &&
                   pe > k + 1)
                pe++;
            if (pe > k + 1)
                k = pe;
        }
        if (k == before)
            break;
    }
    return k;
}

/* The opening mark of a quotation that ends [from, to) after a comma or
 * colon, or @to when there is none. */
static uint32_t trailing_quote(const ws_attr *a, uint32_t from, uint32_t to)
{
    uint32_t e = to;
    while (e > from && a->tok[e - 1].kind == WS_TOK_PUNCT && !is_comma(a, e - 1))
        e--;
    if (e <= from || a->tok[e - 1].kind != WS_TOK_QUOTE || !(a->tok[e - 1].flags & WS_TOKF_CLOSE))
        return to;
    const ws_quote *q = &a->doc->quotes.v[a->tok[e - 1].quote];
    uint32_t open = ws_doc_token_at(a->doc, q->open.start);
    if (open <= from + 1 || open >= e)
        return to;
    if (!is_comma(a, open - 1) && !ws_tok_text_is(a, open - 1, ":"))
        return to;
    /* 'said Ms. Ruiz will likely try again, "hoping that ..."': a clause
     * with its subject and verb before the quotation is said too. */
    if (opens_speech(a, from, false) && !ws_tok_text_is(a, from, "that") && a->tok[from].kind != WS_TOK_QUOTE)
        return to;
    /* 'said Ruiz was right when she said that under the old council,
     * "the roads ..."': the quotation ends a clause that "that" opened. */
    if (is_comma(a, open - 1))
        for (uint32_t j = from + 1; j < open; j++)
            if (ws_tok_text_is(a, j, "that") && is_complementizer(a, j))
                return to;
    return open;
}

/* Does a quotation open at @k, after a comma or colon ('recalled, "Out of
 * nowhere, ..."')? */
static bool quotation_follows(const ws_attr *a, uint32_t k, uint32_t end)
{
    uint32_t q = k;
    while (q < end && (is_comma(a, q) || ws_tok_text_is(a, q, ":")))
        q++;
    return q > k && q < end && a->tok[q].kind == WS_TOK_QUOTE && (a->tok[q].flags & WS_TOKF_OPEN);
}

/* "knows how to win", "learned what to do": a question word before an
 * infinitive is a skill or a plan, not a belief. */
static bool wh_infinitive(const ws_attr *a, uint32_t k)
{
    static const char *const questions[] = {"how", "what", "where", "when", "whether", "which", "who"};
    return k + 1 < a->doc->tokens.n && ws_tok_word_in(a, k, questions, sizeof questions / sizeof *questions) &&
           ws_tok_text_is(a, k + 1, "to");
}

/* Does a phrase at @k open the clause after it: "says despite being an
 * alumna, she plans to ...", "said after the vote, the party would ..."?
 * A comma ends the phrase and a subject follows it. */
static bool introductory_phrase(const ws_attr *a, uint32_t k, uint32_t end)
{
    for (uint32_t j = k + 1; j + 1 < end && j - k < 12; j++) {
        if (is_end_punct(a, j) && !is_comma(a, j))
            return false;
        /* ("despite all that, ...": "that" before the comma is no
         * conjunction.) */
        if (a->tok[j].kind == WS_TOK_QUOTE ||
            (ws_tok_is(a, j, WS_FW_SUB) && !(ws_tok_text_is(a, j, "that") && is_comma(a, j + 1))) ||
            (ws_tok_is(a, j, WS_FW_AUX) && !ws_tok_ends_with(a, j, "ing", 5)))
            return false; /* "despite being an alumna," goes on */
        if (!is_comma(a, j))
            continue;
        if (is_subject_pronoun(a, j + 1))
            return true;
        /* A noun phrase then its verb: "after the vote, the party would". */
        uint32_t e = ws_np_right(a, j + 1, end);
        return e > j + 1 && e < end && (ws_tok_is(a, e, WS_FW_AUX | WS_FW_VERB) || ws_tok_is_cue_verb(a, e));
    }
    return false;
}

/* Does a clause of speech start at @k: "that", a subject pronoun or a
 * quotation ("and said he would", 'and boomed: "..."'), or after a
 * listener a question word too ("and told them why"; not "and knows how
 * to win")? */
static bool opens_speech(const ws_attr *a, uint32_t k, bool after_listener)
{
    static const char *const questions[] = {"why", "how", "what", "whether", "when", "where"};
    if (k + 1 < a->doc->tokens.n && (ws_tok_text_is(a, k, ":") || is_comma(a, k)) &&
        a->tok[k + 1].kind == WS_TOK_QUOTE && (a->tok[k + 1].flags & WS_TOKF_OPEN))
        return true;
    if (ws_tok_text_is(a, k, "that") || is_subject_pronoun(a, k) ||
        (a->tok[k].kind == WS_TOK_QUOTE && (a->tok[k].flags & WS_TOKF_OPEN)) ||
        (after_listener && ws_tok_word_in(a, k, questions, sizeof questions / sizeof *questions)))
        return true;
    /* "and said there was no call", "but said the plan works": a subject
     * and its auxiliary or verb. */
    static const char *const expletives[] = {"there", "it"};
    uint32_t e = ws_tok_word_in(a, k, expletives, 2) ? k + 1 : ws_np_right(a, k, a->doc->tokens.n);
    if (!(e > k && e < a->doc->tokens.n && a->tok[e].sentence == a->tok[k].sentence))
        return false;
    if (ws_tok_is(a, e, WS_FW_AUX) && !ws_tok_is_possessive(a, e))
        return true;
    /* "and said the war changed them": a determined subject and a verb in
     * the past. */
    /* ("and said Dover offered more": a name and its verb.) */
    bool named = (a->tok[k].flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, k);
    return (ws_tok_is(a, k, WS_FW_DET) || named) && a->tok[e].kind == WS_TOK_WORD &&
           !(a->tok[e].flags & WS_TOKF_CAP) && !a->ann[e].fw && ws_tok_ends_with(a, e, "ed", 4) &&
           e + 1 < a->doc->tokens.n && a->tok[e + 1].sentence == a->tok[e].sentence && !is_end_punct(a, e + 1);
}

/* Does what follows the cue show that the content is on its left? A comma
 * (", he said, but ..."), a subordinator ("said while sitting"), or an
 * "-ing" word ("said, looking drained"). */
static bool content_is_left(const ws_attr *a, uint32_t from, uint32_t k)
{
    /* "said that once the council meets, ...": "that" opens it. */
    if (from < k && ws_tok_text_is(a, from, "that"))
        return false;
    /* 'Trump said, “When ...”': the quotation after the comma is the content. */
    if (k < a->doc->tokens.n && a->tok[k].kind == WS_TOK_QUOTE && (a->tok[k].flags & WS_TOKF_OPEN))
        return false;
    if (from < k && (is_comma(a, from) || ws_tok_text_is(a, from, ";")))
        return true; /* ", he said, but ...", "Foster writes; such ..." */
    if (ws_tok_is_dash(a, k) || is_comma(a, k))
        return true;
    if (ws_tok_is(a, k, WS_FW_SUB) && !ws_tok_text_is(a, k, "that") && !ws_tok_text_is(a, k, "if") &&
        !ws_tok_text_is(a, k, "whether") && !ws_tok_text_is(a, k, "what") && !ws_tok_text_is(a, k, "who"))
        return true;
    const ws_token *t = &a->tok[k];
    if (!(t->kind == WS_TOK_WORD && !(t->flags & WS_TOKF_CAP) && ws_tok_ends_with(a, k, "ing", 5)))
        return false;
    /* "she says going through that time has made her ...": a gerund
     * right after the cue, the subject of a verb to come. */
    if (from == k)
        for (uint32_t j = k + 1; j < a->doc->tokens.n && j < k + 10 && !is_end_punct(a, j); j++) {
            if ((ws_tok_is(a, j, WS_FW_SUB) && !ws_tok_text_is(a, j, "that")) || a->tok[j].kind == WS_TOK_QUOTE)
                break;
            if (ws_tok_is(a, j, WS_FW_AUX))
                return false;
        }
    /* "mentioned disparaging remarks", "cited growing concerns": an
     * adjective before its noun is the object, not the writer's aside. */
    return !(k + 1 < a->doc->tokens.n && a->tok[k + 1].kind == WS_TOK_WORD && !ws_tok_is(a, k + 1, ~0u) &&
             !(a->tok[k + 1].flags & WS_TOKF_CAP) && a->doc->text[a->tok[k + 1].end - 1] == 's');
}

/* Is [from, to) only a time or a circumstance ("A few weeks earlier",
 * "Last year", "In 2016", "Above all"), words that say when or
 * how, not what was said? */
static bool only_circumstance(const ws_attr *a, uint32_t from, uint32_t to)
{
    for (uint32_t t = from; t < to; t++) {
        const ws_token *tk = &a->tok[t];
        if (tk->kind == WS_TOK_PUNCT || tk->kind == WS_TOK_NUMBER)
            continue;
        /* "But, he said, ...": a conjunction opening the sentence. */
        if (t == from && ws_tok_is(a, t, WS_FW_CONJ) && (tk->flags & WS_TOKF_SENT_START))
            continue;
        /* "Not least,", "Above all,", "First,". */
        static const char *const sequence[] = {"least", "all", "first", "second", "third", "finally"};
        if (tk->kind != WS_TOK_WORD ||
            !(ws_tok_is(a, t, WS_FW_DET | WS_FW_NUM | WS_FW_TIME | WS_FW_ADV | WS_FW_PREP | WS_FW_NEG) ||
              ws_tok_is_ly_adverb(a, t) || ws_tok_word_in(a, t, sequence, sizeof sequence / sizeof *sequence)))
            return false;
    }
    return to > from;
}

/* Is [from, to) the writer's connective alone ("Of course,", "In fact,")? */
static bool only_connective(const ws_attr *a, uint32_t from, uint32_t to)
{
    uint32_t connective_end = leading_connective(a, from, to);
    return connective_end > from && a->tok[from].quote_depth == 0 &&
           (connective_end == to || (connective_end + 1 == to && is_comma(a, connective_end)));
}

/* Where content on the left of the cue at @c ends: before the source when
 * it precedes the cue, else before the cue, and before the punctuation
 * that separates them. The source itself is never content: a sentence
 * that opens with it has no content on the left (the result is @s0). */
static uint32_t left_content_end(const ws_attr *a, const draft *d, uint32_t c, uint32_t s0)
{
    uint32_t to = d->src_start < d->src_end && d->src_start < c ? d->src_start : c;
    /* "The ferry is a relic, as Ruiz said.": "as" belongs to the cue's
     * clause, not to what was said (unlike the second "as" of "as soon
     * as", which has no comma before it). */
    if (to > s0 + 1 && to == d->src_start && ws_tok_word_is(a, to - 1, "as") &&
        (is_comma(a, to - 2) || ws_tok_is_dash(a, to - 2) ||
         (a->tok[to - 2].kind == WS_TOK_QUOTE && (a->tok[to - 2].flags & WS_TOKF_CLOSE))))
        to--;
    while (to > s0 && (is_end_punct(a, to - 1) || ws_tok_is_dash(a, to - 1)))
        to--;
    return to;
}

/*
 * Is the cue at @c, with its source before it, set off by commas in the
 * middle of its content: "Prices, the minister said, will fall"? The
 * comma after the cue is at @comma, the next word at @k. What follows
 * the second comma continues the content unless it starts a clause of
 * the writer's: "but", "and", "though", "adding", a quotation (a split
 * quotation is read on its own).
 */
static bool is_parenthetical(const ws_attr *a, const draft *d, uint32_t c, uint32_t comma, uint32_t k)
{
    /* "As Clinton told the Daily News, tax relief is ...": "as" opens the
     * parenthetical at the start of the sentence. */
    /* (Or after a comma inside it: "whether, as the Conservatives claim,
     * he plans to ...".) */
    bool opening_as = d->src_start > 0 && ws_tok_word_is(a, d->src_start - 1, "as") &&
                      ((a->tok[d->src_start - 1].flags & WS_TOKF_SENT_START) ||
                       (d->src_start > 1 && is_comma(a, d->src_start - 2)));
    if (!(d->src_start < d->src_end && d->src_end <= c && d->src_start > 0 &&
          (is_comma(a, d->src_start - 1) || opening_as) && is_comma(a, comma) && comma + 1 == k))
        return false;
    if (a->tok[k].kind != WS_TOK_WORD || a->tok[k].quote_depth > 0)
        return false;
    if (ws_tok_is(a, k, WS_FW_CONJ) || (ws_tok_is(a, k, WS_FW_SUB) && !ws_tok_text_is(a, k, "that")))
        return false;
    if (!ws_tok_ends_with(a, k, "ing", 5))
        return true;
    /* ", adding ...", ", citing ...": the writer's participle. But a
     * gerund that is the subject of what follows continues the content:
     * "..., he said, replacing Clinton would be harder." */
    if (ws_tok_is_cue_verb(a, k))
        return false;
    for (uint32_t j = k + 1; j < a->doc->tokens.n && j < k + 10 && !is_end_punct(a, j); j++) {
        if (ws_tok_is(a, j, WS_FW_SUB))
            return false; /* "speaking at an event that was organised by": its own clause */
        if (ws_tok_is(a, j, WS_FW_AUX))
            return true;
    }
    return false;
}

/* Is what stands before the speaker a quotation that opens the sentence
 * ('"...," Hale, chief economist at X, said in an interview this
 * summer')? Then it is the content, and what follows the cue is not. */
static bool quotation_before(const ws_attr *a, const draft *d, uint32_t c, uint32_t s0)
{
    uint32_t to = left_content_end(a, d, c, s0);
    if (to <= s0 || a->tok[to - 1].kind != WS_TOK_QUOTE || !(a->tok[to - 1].flags & WS_TOKF_CLOSE))
        return false;
    const ws_quote *q = &a->doc->quotes.v[a->tok[to - 1].quote];
    uint32_t k = s0;
    while (k < to && a->tok[k].kind == WS_TOK_PUNCT)
        k++;
    return ws_doc_token_at(a->doc, q->open.start) == k;
}

/* Does a clause start at @k: "that", "to", "whether", a question word, a
 * subject pronoun? */
static bool opens_clause(const ws_attr *a, uint32_t k)
{
    static const char *const openers[] = {"that", "to", "whether", "if", "how", "why", "what",
                                          "when", "where", "who", "whom", "which"};
    if (k >= a->doc->tokens.n)
        return false;
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
        if (ws_tok_text_eq(a, k, openers[i], strlen(openers[i])))
            return true;
    if (a->ann[k].pronoun >= 0) {
        static const char *const objects[] = {"him", "her", "them", "us", "me", "his", "its", "their"};
        for (size_t i = 0; i < sizeof objects / sizeof *objects; i++)
            if (ws_tok_text_eq(a, k, objects[i], strlen(objects[i])))
                return false;
        return true;
    }
    return false;
}

/* Is @e, after a subject [k, e), its verb: an auxiliary, a verb of speech
 * or thought, a participle or a verb in the past? (@with_det: the subject
 * has a determiner.) */
static bool verb_after_subject(const ws_attr *a, uint32_t k, uint32_t e, uint32_t stop, bool with_det)
{
    if (e <= k || e >= stop || a->tok[e].kind != WS_TOK_WORD || (a->tok[e].flags & WS_TOKF_CAP))
        return false;
    /* (Or before a verb of speech or thought of its own: "believe the
     * plan shows ...", "suggests the government understands ...".) */
    if (with_det)
        return ws_tok_is(a, e, WS_FW_AUX) ||
               (!a->ann[e].fw &&
                (ws_tok_ends_with(a, e, "ed", 4) || ws_tok_word_in(a, e, irregular_past, N_IRREGULAR_PAST)) &&
                (e + 1 >= stop || a->tok[e + 1].kind == WS_TOK_WORD || is_end_punct(a, e + 1))) ||
               (is_finite_cue(a, e) && e + 1 < stop && !is_end_punct(a, e + 1));
    return ws_tok_is(a, e, WS_FW_AUX | WS_FW_VERB) ||
           (!a->ann[e].fw && (ws_tok_ends_with(a, e, "ing", 5) || ws_tok_ends_with(a, e, "ed", 4)));
}

/* Does a clause with a named subject start at @k: a name and a verb after
 * it ("shows Clinton leading by two points", "shows Cruz has fallen")? */
static bool subject_and_verb(const ws_attr *a, uint32_t k, uint32_t stop)
{
    if (k >= stop)
        return false;
    uint32_t np_end = ws_np_right(a, k, stop);
    /* The noun phrase reader takes "the economy grew" whole: a verb in the
     * past without "-ed" ends the subject. */
    for (uint32_t j = k + 1; j < np_end; j++)
        if (!(a->tok[j].flags & WS_TOKF_CAP) && ws_tok_word_in(a, j, irregular_past, N_IRREGULAR_PAST) &&
            !ws_tok_is(a, j - 1, WS_FW_DET)) {
            np_end = j;
            break;
        }
    /* ("found the site was biased": a phrase with its determiner, before
     * an auxiliary or a verb in the past; "showed sales fell", "found
     * prices rose": a plural noun alone as well.) */
    bool with_det = (ws_tok_is(a, k, WS_FW_DET) && !ws_tok_is(a, k, WS_FW_SUB) && a->ann[k].pronoun < 0) ||
                    (a->tok[k].kind == WS_TOK_WORD && !(a->tok[k].flags & WS_TOKF_CAP) && !a->ann[k].fw &&
                     np_end > k && ws_tok_is_plural_head(a, np_end - 1));
    if (!with_det && (!(a->tok[k].flags & WS_TOKF_CAP) || !ws_tok_is_name_word(a, k)))
        return false;
    if (verb_after_subject(a, k, np_end, stop, with_det))
        return true;
    /* A name ends at its last capitalized word: the noun phrase reader
     * takes "Ruiz leading" for one phrase. */
    uint32_t e = k;
    while (!with_det && e < stop && (a->tok[e].flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, e))
        e++;
    return !with_det && verb_after_subject(a, k, e, stop, false);
}

/* After a verb of evidence (@ci: show, reveal, indicate, suggest), does a
 * noun phrase with a participle open at @k: "The poll shows the race
 * breaking along familiar lines", "showed an officer aiming a gun"? */
static bool evidence_participle(const ws_attr *a, const ws_cue_info *ci, uint32_t k, uint32_t stop)
{
    static const char *const evidence[] = {"show", "reveal", "indicate", "suggest"};
    bool is_evidence = false;
    for (size_t i = 0; i < sizeof evidence / sizeof *evidence && !is_evidence; i++)
        is_evidence = lemma_is(ci->lemma, evidence[i]);
    if (!is_evidence || k >= stop || !ws_tok_is(a, k, WS_FW_DET | WS_FW_NUM) || a->ann[k].pronoun >= 0)
        return false;
    /* (The participle may have been read as a modifier of the phrase.) */
    uint32_t e = ws_np_right(a, k, stop);
    for (uint32_t t = k + 2; t <= e && t < stop; t++)
        if (a->tok[t].kind == WS_TOK_WORD && !(a->tok[t].flags & WS_TOKF_CAP) && !a->ann[t].fw &&
            ws_tok_ends_with(a, t, "ing", 5) && !ws_tok_is_cue_verb(a, t) && !ws_tok_is(a, t - 1, WS_FW_DET))
            return t + 1 < stop && a->tok[t + 1].kind == WS_TOK_WORD;
    return false;
}

/* Does a name before @end close names joined by "and", a plural subject
 * ("Mr. Grassley and Mr. Leahy say")? Only names stand between. */
static bool names_ended_plural(const ws_attr *a, uint32_t end, uint32_t s0)
{
    if (!ws_tok_is_name_word(a, end - 1))
        return false;
    for (uint32_t t = end - 1; t > s0 && end - t < 8;) {
        t--;
        if (ws_tok_text_is(a, t, "and")) /* ("Critics and Kestrel itself claim") */
            return t > s0 && (ws_tok_is_name_word(a, t - 1) || ws_tok_is_plural_head(a, t - 1));
        if (!ws_tok_text_is(a, t, ".") && !ws_tok_is_name_word(a, t))
            return false;
    }
    return false;
}

/*
 * Can the words before the "-s" form at @c be its singular subject? A name,
 * a pronoun, a role or a source word, or a phrase with a determiner ("the
 * company states") can; a bare lower-case word ("battleground states",
 * "leaked emails") is an adjective or noun of a plural noun phrase.
 */
static bool bare_singular_subject_ok(const ws_attr *a, uint32_t c, uint32_t s0)
{
    uint32_t p = ws_skip_adverbials_left(a, c, s0);
    if (p == s0 || p < c)
        return true;
    uint32_t h = p - 1;
    const ws_token *t = &a->tok[h];
    const ws_tok_ann *ha = &a->ann[h];
    if (t->kind != WS_TOK_WORD || (t->flags & WS_TOKF_CAP) || ha->pronoun >= 0 || ha->role >= 0 ||
        ha->is_head || ha->anon_len || ha->is_group || ws_tok_is(a, h, WS_FW_SUB | WS_FW_AUX | WS_FW_CONJ))
        return true;
    /* "A woman who was hurt says": the end of a relative clause about
     * the subject before it. */
    for (uint32_t w = h; w > s0 && h - w < 6; w--) {
        if (is_end_punct(a, w - 1) || a->tok[w - 1].kind == WS_TOK_QUOTE)
            break;
        if (ws_tok_word_is(a, w - 1, "who") && w - 1 > s0 && (names_speaker(a, w - 2) || is_person_noun(a, w - 2)))
            return true;
    }
    /* "hacked emails", "leaked documents": a participle before the noun. */
    if (ws_tok_ends_with(a, h, "ed", 4))
        return false;
    uint32_t start = ws_np_left(a, p, s0);
    /* "several battleground states": a plural quantifier. */
    static const char *const plural_dets[] = {"several", "many", "few", "both", "these", "those",
                                              "various", "numerous"};
    if (start < p && ws_tok_word_in(a, start, plural_dets, sizeof plural_dets / sizeof *plural_dets) &&
        (!(a->tok[start].flags & WS_TOKF_CAP) || (a->tok[start].flags & WS_TOKF_SENT_START)))
        return false;
    return start < p && (ws_tok_is(a, start, WS_FW_DET | WS_FW_NUM) || ws_tok_is_name_word(a, start));
}

/*
 * Does a quotation close just before the cue at @c, with at most its
 * subject between ('"...," he continued', '"...," Smith went on')?
 */
static bool quotation_just_before(const ws_attr *a, uint32_t c, uint32_t s0)
{
    enum { MAX_SUBJECT = 6 };
    for (uint32_t k = c; k > s0 && c - k <= MAX_SUBJECT + 1; k--) {
        const ws_token *t = &a->tok[k - 1];
        if (t->kind == WS_TOK_QUOTE)
            return (t->flags & WS_TOKF_CLOSE) != 0;
        if (is_end_punct(a, k - 1) && !is_comma(a, k - 1))
            return false;
        /* '"...," Ruiz said, going on to ...': the quotation is said. */
        if (k < c && ws_tok_is_cue_verb(a, k - 1))
            return false;
    }
    return false;
}

/* "The statement continued: "..."": a colon and a quotation right after the cue at @c. */
static bool quotation_after_colon(const ws_attr *a, uint32_t c)
{
    return c + 2 < a->doc->tokens.n && ws_tok_text_is(a, c + 1, ":") && a->tok[c + 2].kind == WS_TOK_QUOTE &&
           (a->tok[c + 2].flags & WS_TOKF_OPEN);
}

static bool ends_with_colon(const ws_attr *a, uint32_t stop, uint32_t *colon);

/* Does the sentence of the cue at @c end, a few words after it, with the
 * colon of a lead-in ("Jo Ng read a statement:")? */
static bool ends_lead_in(const ws_attr *a, uint32_t c)
{
    const ws_sentence *se = &a->doc->sentences.v[a->tok[c].sentence];
    uint32_t colon;
    return ends_with_colon(a, se->tok_end, &colon) && colon > c && colon - c <= 5;
}

/* Is the cue at @c used as a verb here (not "the claims", "to say")? */
/* A lower-case word of no list: no function word, no cue word. */
static bool is_plain_lower(const ws_attr *a, uint32_t t)
{
    return a->tok[t].kind == WS_TOK_WORD && !(a->tok[t].flags & WS_TOKF_CAP) && !a->ann[t].fw && a->ann[t].cue < 0;
}

/* Does the form of "call" at @c (@ci) call someone or something something
 * ("called the plan a disaster", "called Ruiz dishonest")? Not a name given
 * ("a campaign called Code Critical.", "a group called Riverton Watch",
 * "The program, called KX-5,"), a meeting called ("called an urgent
 * session"), a result declared ("the race was called Friday"), nor a call
 * made ("called into a radio show", "called Ruiz on Friday"). */
static bool calls_something(const ws_attr *a, const ws_cue_info *ci, uint32_t c)
{
    static const char *const events[] = {"meeting", "meetings", "election", "elections", "vote", "strike",
                                          "halt", "conference", "session", "summit", "referendum",
                                          "hearing", "hearings", "recess", "timeout", "truce", "ceasefire"};
    static const char *const away[] = {"into", "in", "back", "up", "at", "from"};
    uint32_t n = a->doc->tokens.n, k = c + 1;
    if (k >= n)
        return true;
    if (ws_tok_word_in(a, k, away, sizeof away / sizeof *away))
        return false;
    uint32_t stop = a->doc->sentences.v[a->tok[c].sentence].tok_end;
    /* A name, or a title that may open on "The", that ends the sentence
     * ("Hale called Ruiz a liar" goes on). */
    uint32_t title_end = ws_np_right(a, k, stop);
    bool named = title_end > k && (title_end >= stop || (is_end_punct(a, title_end) && !is_comma(a, title_end)));
    for (uint32_t j = k; named && j < title_end; j++)
        named = ((a->tok[j].flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, j)) || ws_tok_text_is(a, j, ".") ||
                (j == k && title_end > k + 1 && ws_tok_text_is(a, j, "The"));
    if (ci->is_past && named)
        return false;
    if (ci->is_past && passive_before(a, k) && (ws_tok_is(a, k, WS_FW_TIME) || is_end_punct(a, k)))
        return false;
    uint32_t obj = ws_np_right(a, k, n);
    /* Nothing after the object but a full stop, a comma, a preposition or
     * a clause: no second object says what it was called. */
    bool one_object =
        obj >= n || a->tok[obj].kind == WS_TOK_PUNCT || ws_tok_is(a, obj, WS_FW_PREP | WS_FW_AUX | WS_FW_SUB);
    if (obj > k && one_object && !ws_tok_is_possessive(a, k) && a->ann[k].pronoun < 0 &&
        ws_tok_word_in(a, obj - 1, events, sizeof events / sizeof *events))
        return false;
    /* After a noun or a comma, "called" and a name that the sentence goes
     * on after is a participle that names ("a group called Riverton Watch
     * belongs"; not "Hale, speaking on the radio, called Ruiz a liar");
     * after its subject, a name alone was rung up ("called Ruiz on
     * Friday"; not "called Ruiz, his rival, a liar"). */
    bool naming = c > 0 && (is_comma(a, c - 1) ||
                            (is_plain_lower(a, c - 1) && a->ann[c - 1].role < 0 && a->ann[c - 1].pronoun < 0));
    bool name_alone = obj > k && (a->tok[k].flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, obj - 1) &&
                      a->ann[k].pronoun < 0 && !(obj < n && a->tok[obj].kind == WS_TOK_QUOTE);
    bool verb_after = obj < n && is_plain_lower(a, obj) &&
                      (ws_tok_ends_with(a, obj, "s", 3) || ws_tok_ends_with(a, obj, "ed", 4));
    if (name_alone && naming && (one_object || verb_after))
        return false;
    /* 'links called "trackers" that point users to others': a term in
     * quotation marks that a relative clause goes on from names the noun
     * before (not 'a bill critics called "a disaster"'). */
    if (naming && a->tok[k].kind == WS_TOK_QUOTE && (a->tok[k].flags & WS_TOKF_OPEN) && a->tok[k].quote >= 0) {
        uint32_t close = ws_doc_token_at(a->doc, a->doc->quotes.v[a->tok[k].quote].close.start);
        static const char *const relatives[] = {"that", "which", "who"};
        if (close > k && close + 1 < n && ws_tok_word_in(a, close + 1, relatives, sizeof relatives / sizeof *relatives))
            return false;
    }
    if (name_alone && one_object && !(obj < n && is_comma(a, obj))) {
        /* (But a call made to say something is speech: "called Ruiz on
         * Friday to confirm he would run".) */
        for (uint32_t t = obj; t + 1 < n && t < obj + 8 && !is_end_punct(a, t); t++)
            if (ws_tok_text_is(a, t, "to") && ws_tok_is_cue_verb(a, t + 1))
                return true;
        return false;
    }
    return true;
}

static bool is_verb_use(const ws_attr *a, uint32_t c, uint32_t s0)
{
    if (!ws_tok_is_cue_verb(a, c))
        return false;
    const ws_cue_info *ci = verb_reading(a, c);
    if (ws_tok_noun_before_cue(a, c))
        return false; /* "Recent reports revealed that ..." */
    if (ws_tok_inside_role(a, c))
        return false; /* "the secretary of state said" */
    if (ci->is_base && !ci->is_past && ws_tok_noun_before_agreeing_cue(a, c))
        return false; /* "The police report said ..." */
    if (ws_tok_noun_after_modifier(a, c))
        return false; /* "the new report, Tom Hale, said" */
    /* "officials who declined to be named said", "who asked not to be
     * identified": the formula of an anonymous source, not a request or a
     * refusal worth reporting. */
    if (lemma_is(ci->lemma, "decline") || lemma_is(ci->lemma, "ask") || lemma_is(ci->lemma, "refuse")) {
        uint32_t t = c + 1 < a->doc->tokens.n && ws_tok_word_is(a, c + 1, "not") ? c + 2 : c + 1;
        /* (Not an appointment: "asked to be named to the board",
         * "declined to be named as chair"; "named as he was not allowed
         * to speak" is the formula.) */
        uint32_t e = t + 3;
        bool same = e < a->doc->tokens.n && a->tok[e].sentence == a->tok[c].sentence;
        bool appointment = same && (ws_tok_word_is(a, e, "to") ||
                                    (ws_tok_word_is(a, e, "as") && e + 1 < a->doc->tokens.n &&
                                     !is_subject_pronoun(a, e + 1) && !ws_tok_is(a, e + 1, WS_FW_AUX | WS_FW_SUB)));
        if (t + 2 < a->doc->tokens.n && ws_tok_word_is(a, t, "to") && ws_tok_word_is(a, t + 1, "be") &&
            (ws_tok_word_is(a, t + 2, "named") || ws_tok_word_is(a, t + 2, "identified")) && !appointment)
            return false;
    }
    /* "declared bankruptcy": a filing, not a statement. */
    if (lemma_is(ci->lemma, "declare") && c + 1 < a->doc->tokens.n &&
        (ws_tok_word_is(a, c + 1, "bankruptcy") || ws_tok_word_is(a, c + 1, "insolvency")))
        return false;
    /* "until the standards are agreed, ...": terms settled, not a report
     * ("it was agreed that ..." is one). */
    if (lemma_is(ci->lemma, "agree") && ci->is_past && passive_before(a, c + 1)) {
        /* ("it was agreed on Monday that", "it was agreed, however, that".) */
        /* (Not a relative "that" after a noun, "in talks that lasted",
         * nor past "and": "agreed on Monday, and it means that".) */
        bool clause = false;
        for (uint32_t j = c + 1; j < a->doc->tokens.n && j < c + 9 && !clause; j++) {
            if (a->tok[j].sentence != a->tok[c].sentence || (is_end_punct(a, j) && !is_comma(a, j)) ||
                ws_tok_word_is(a, j, "and"))
                break;
            if (j == c + 1 && ws_tok_text_is(a, j, "to")) {
                clause = true;
                break;
            }
            if (!ws_tok_text_is(a, j, "that"))
                continue;
            uint32_t p = j - 1;
            clause = p == c || is_comma(a, p) || ws_tok_is(a, p, WS_FW_TIME | WS_FW_ADV) ||
                     a->tok[p].kind == WS_TOK_NUMBER || (a->tok[p].flags & WS_TOKF_CAP);
            break;
        }
        if (!clause)
            return false;
    }
    /* "(Additional reporting by Ana Ruiz; Editing by Tom Hale)": a credit
     * line names who worked on the article. */
    if (ci->is_ing && c + 1 < a->doc->tokens.n && ws_tok_word_is(a, c + 1, "by") &&
        (c == s0 || ws_tok_word_is(a, c - 1, "additional") || ws_tok_word_is(a, c - 1, "further") ||
         ws_tok_text_is(a, c - 1, "(") || ws_tok_text_is(a, c - 1, ";")))
        return false;
    /* "the council received expert reports it had asked for": an -s
     * form after a verb in the past and one modifier is a noun. */
    if (ci->is_s && ws_tok_has_noun_cue(a, c) && c >= s0 + 2 && is_plain_lower(a, c - 1) &&
        !ws_tok_ends_with(a, c - 1, "ed", 4) && is_plain_lower(a, c - 2) && ws_tok_ends_with(a, c - 2, "ed", 4))
        return false;
    /* "expensive compared to many PCs", "compared with last year": a
     * preposition, not a comparison someone made. */
    if (lemma_is(ci->lemma, "compare") && !ci->is_s && c + 1 < a->doc->tokens.n &&
        (ws_tok_text_is(a, c + 1, "to") || ws_tok_text_is(a, c + 1, "with")))
        return false;
    if (ci->needs_quote && !quotation_just_before(a, c, s0) && !quotation_after_colon(a, c) && !ends_lead_in(a, c))
        return false; /* "continued to rise": only '"...," he continued' reports */
    /* "All told, the group raised $4 million", "All said and done, ...":
     * idioms; "..., all suggests that": all of it, no people. */
    if (c > s0 && ws_tok_word_is(a, c - 1, "all") &&
        (ws_tok_word_is(a, c, "told") || ci->is_s ||
         (c + 1 < a->doc->tokens.n && ws_tok_word_is(a, c + 1, "and"))))
        return false;
    /* "his best known roles", "a little known fact": a participle after
     * an adverb of degree describes a noun (in lower case, or opening the
     * sentence: "Tom Little said" is a surname). */
    static const char *const degrees[] = {"best", "well", "little", "lesser", "better", "least"};
    if (ci->is_past && !ci->is_s && c > s0 && ws_tok_word_in(a, c - 1, degrees, sizeof degrees / sizeof *degrees) &&
        (!(a->tok[c - 1].flags & WS_TOKF_CAP) || c - 1 == s0))
        return false;
    /* "best supporting actress", "a supporting role": an adjective. */
    if (ci->is_ing && ((c > 0 && ws_tok_word_is(a, c - 1, "best")) ||
                       (c + 1 < a->doc->tokens.n && a->ann[c + 1].role >= 0 && is_plain_lower(a, c + 1)) ||
                       (c + 1 < a->doc->tokens.n && ws_tok_word_is(a, c + 1, "role"))))
        return false;
    /* "11% of Republican claims", "of Democratic remarks": after "of" and
     * a capitalized adjective of a party or people, a noun. */
    if (ci->is_s && c >= s0 + 2 && ws_tok_word_is(a, c - 2, "of") && (a->tok[c - 1].flags & WS_TOKF_CAP) &&
        (ws_tok_ends_with(a, c - 1, "ic", 4) || ws_tok_ends_with(a, c - 1, "an", 4) ||
         ws_tok_ends_with(a, c - 1, "ish", 5) || ws_tok_ends_with(a, c - 1, "ese", 5)))
        return false;
    /* "below analyst forecasts", "amid growth fears", "beating analyst
     * estimates": an -s form after a bare noun in the singular, which a
     * preposition of comparison or opposition or a participle that opens
     * its phrase takes, is a compound noun's plural; a singular subject
     * has its determiner ("the analyst forecasts"). Other prepositions
     * make the subject longer: "a body of work suggests", "data from
     * industry shows". A participle is an adjective when a clause follows
     * ("growing evidence suggests that ..."). */
    static const char *const comparing_preps[] = {"below", "above", "beyond", "than", "despite", "against",
                                                  "under", "over", "amid", "amidst"};
    if (ci->is_s && c >= s0 + 2 && is_plain_lower(a, c - 1) && a->ann[c - 1].pronoun < 0 &&
        !ws_tok_ends_with(a, c - 1, "s", 2) && !ws_tok_is(a, c - 1, WS_FW_DET | WS_FW_PREP | WS_FW_AUX)) {
        bool participle_opens = a->tok[c - 2].kind == WS_TOK_WORD && !a->ann[c - 2].fw && a->ann[c - 2].cue < 0 &&
                                ws_tok_ends_with(a, c - 2, "ing", 5) &&
                                (c == s0 + 2 ? (a->tok[c - 2].flags & WS_TOKF_SENT_START) != 0
                                             : !(a->tok[c - 2].flags & WS_TOKF_CAP) && is_comma(a, c - 3));
        if (ws_tok_word_in(a, c - 2, comparing_preps, sizeof comparing_preps / sizeof *comparing_preps) ||
            (participle_opens && !clause_after(a, c, a->doc->sentences.v[a->tok[c].sentence].tok_end)))
            return false;
    }
    /* "high hopes to return", "has high hopes for", "amid renewed calls":
     * an -s form after an adjective of degree or time that no determiner
     * makes a noun ("the public says") is a noun's plural. */
    static const char *const degree_adjectives[] = {"high", "low", "great", "big", "strong", "growing", "new", "fresh",
                                                    "renewed", "widespread", "mounting", "public", "early", "false",
                                                    "wild", "repeated", "initial", "similar", "conflicting", "recent",
                                                    "rising", "increasing", "lingering", "mixed"};
    if (ci->is_s && c > s0 && !(a->tok[c - 1].flags & WS_TOKF_CAP) &&
        ws_tok_word_in(a, c - 1, degree_adjectives, sizeof degree_adjectives / sizeof *degree_adjectives) &&
        !(c >= s0 + 2 && ws_tok_is(a, c - 2, WS_FW_DET)))
        return false;
    /* "Greene was denied gold", "He was refused bail": a passive with an
     * object is a refusal, not a denial ("was denied by the mayor" and
     * "it was denied that ..." report). */
    if ((lemma_is(ci->lemma, "deny") || lemma_is(ci->lemma, "refuse")) && ci->is_past && c > s0 &&
        c + 1 < a->doc->tokens.n && a->tok[c + 1].kind == WS_TOK_WORD && !ws_tok_is(a, c + 1, WS_FW_PREP) &&
        !is_complementizer(a, c + 1) && a->ann[c + 1].pronoun < 0) {
        /* (Over adverbs in -ly too: "will be automatically denied".) */
        uint32_t v = c;
        while (v > s0 + 1 && ws_tok_is_ly_adverb(a, v - 1))
            v--;
        if (passive_before(a, v + 1))
            return false;
    }
    /* "Kestrel finds itself in a bind", "found himself alone": where the
     * subject is, not what it found. */
    static const char *const reflexives[] = {"itself", "himself", "herself", "themselves", "myself", "ourselves",
                                             "yourself"};
    if (lemma_is(ci->lemma, "find") && c + 1 < a->doc->tokens.n &&
        ws_tok_word_in(a, c + 1, reflexives, sizeof reflexives / sizeof *reflexives))
        return false;
    /* "after calling off classes": a phrasal verb of its own (asked before
     * the auxiliary of "did not call off" can make it a verb of speech). */
    if (lemma_is(ci->lemma, "call") && c + 1 < a->doc->tokens.n && ws_tok_word_is(a, c + 1, "off"))
        return false;
    /* "have launched plans to ...": an -s form right after a verb in the
     * past is its object, a noun. */
    if (ci->is_s && c > s0 && is_plain_lower(a, c - 1) && ws_tok_ends_with(a, c - 1, "ed", 4) &&
        c + 1 < a->doc->tokens.n &&
        (ws_tok_word_is(a, c + 1, "to") || ws_tok_word_is(a, c + 1, "for") || ws_tok_word_is(a, c + 1, "of")))
        return false;
    /* "the most populous state", "a famous report", "the largest claims":
     * after an adjective that a determiner or "most" opens, a noun. */
    /* ("enjoyed tremendous support": after a verb too.) */
    /* (Not the nouns in -al or -est that speak: "The hospital says", "the
     * inquest heard".) */
    static const char *const openers[] = {"the", "a", "an", "most", "more", "its", "their", "his", "her",
                                          "any", "some", "no"};
    static const char *const nouns_in_al[] = {"hospital", "tribunal", "journal", "rival", "official", "principal",
                                              "individual", "professional", "capital", "editorial",
                                              "festival", "terminal", "council", "animal", "portal"};
    static const char *const nouns_in_est[] = {"interest", "protest", "contest", "request", "inquest", "arrest",
                                               "unrest", "conquest", "harvest", "forest", "guest", "test"};
    if ((ci->is_base || ci->is_s) && c >= s0 + 2 && is_plain_lower(a, c - 1) && a->ann[c - 1].role < 0 &&
        (ws_tok_ends_with(a, c - 1, "ous", 5) || ws_tok_ends_with(a, c - 1, "ful", 5) ||
         (ws_tok_ends_with(a, c - 1, "est", 6) &&
          !ws_tok_word_in(a, c - 1, nouns_in_est, sizeof nouns_in_est / sizeof *nouns_in_est)) ||
         (ws_tok_ends_with(a, c - 1, "al", 5) &&
          !ws_tok_word_in(a, c - 1, nouns_in_al, sizeof nouns_in_al / sizeof *nouns_in_al))) &&
        (ws_tok_word_in(a, c - 2, openers, sizeof openers / sizeof *openers) ||
         (is_plain_lower(a, c - 2) && ws_tok_ends_with(a, c - 2, "ed", 4))))
        return false;
    if (ci->is_base && !ci->is_past) {
        if (ws_tok_modifies_speaker(a, c))
            return false;
        /* "The Kestrel report looked at ...", "the Tolvo report, due in
         * May,": a noun after a name after "the" when a comma or a verb in
         * the past that reports nothing follows ("The Democrats report
         * that ...", ", as the Greens claim, ..." are verbs). */
        if (c >= s0 + 2 && ws_tok_has_noun_cue(a, c) && ws_tok_is_name_word(a, c - 1) && ws_tok_word_is(a, c - 2, "the") &&
            !(c >= s0 + 3 && ws_tok_word_is(a, c - 3, "as")) &&
            c + 1 < a->doc->tokens.n && a->tok[c + 1].sentence == a->tok[c].sentence &&
            (is_comma(a, c + 1) || (a->tok[c + 1].kind == WS_TOK_WORD && !(a->tok[c + 1].flags & WS_TOKF_CAP) &&
                                    ws_tok_ends_with(a, c + 1, "ed", 4) && !ws_tok_is_cue_verb(a, c + 1))))
            return false;
        /* "attack", "view", "report" are nouns too: as verbs they follow
         * a plural subject, a pronoun or an auxiliary ("officials say",
         * "they claim", "did not say"). */
        uint32_t p = ws_skip_adverbials_left(a, c, s0);
        if (p < c && ws_tok_is(a, p, WS_FW_AUX))
            return true;
        if (p >= s0 + 2 && ws_tok_text_is(a, p - 1, "to") && verb_before_to(a, p - 2))
            return true; /* "Trump continued to say" */
        p = skip_aside_left(a, p, s0);
        if (p == s0)
            return false;
        /* "They are wary and generally agree that ...": a second verb of
         * the subject, before its clause. */
        if (ws_tok_is(a, p - 1, WS_FW_CONJ) && c + 1 < a->doc->tokens.n && ws_tok_text_is(a, c + 1, "that"))
            return true;
        bool share = share_subject_start(a, p, s0) != UINT32_MAX || share_subject_start(a, c, s0) != UINT32_MAX;
        /* "sits at 85 percent support": a share that is no subject. */
        if (!share && (ws_tok_text_is(a, p - 1, "percent") || ws_tok_text_is(a, p - 1, "%") ||
                       ws_tok_text_is(a, p - 1, "cent")))
            return false;
        uint32_t rel_s, rel_e;
        /* "Voters who backed Obama say": the head before the relative clause. */
        /* "critics who say", "18% who say": the relative pronoun stands
         * for the plural before it. */
        uint32_t antecedent = p >= s0 + 3 && is_comma(a, p - 2) ? p - 3 : p - 2;
        bool who_plural = p >= s0 + 2 && ws_tok_word_is(a, p - 1, "who") &&
                          (ws_tok_is_plural_head(a, antecedent) || ws_tok_text_is(a, antecedent, "percent") ||
                           ws_tok_text_is(a, antecedent, "%"));
        /* ("Critics of the plan who say": the head before "of".) */
        if (!who_plural && p >= s0 + 2 && ws_tok_word_is(a, p - 1, "who"))
            for (uint32_t j = ws_np_left(a, antecedent + 1, s0); j < antecedent; j++)
                if (ws_tok_text_is(a, j, "of")) {
                    who_plural = j > s0 && ws_tok_is_plural_head(a, j - 1);
                    break;
                }
        bool plural = share || who_plural || ws_tok_is_plural_head(a, p - 1) ||
                      (relative_subject(a, ws_np_left(a, p, s0), s0, &rel_s, &rel_e) &&
                       ws_tok_is_plural_head(a, rel_e - 1));
        /* "Members of Congress say", "Aides to Clinton say": the head
         * before the phrase that follows it. */
        uint32_t np = ws_np_left(a, p, s0);
        for (uint32_t j = np + 1; !plural && j + 1 < p; j++)
            if (ws_tok_text_is(a, j, "of")) {
                plural = ws_tok_is_plural_head(a, j - 1);
                break;
            }
        uint32_t h;
        bool pp_plural = !plural && subject_pp_head(a, np, s0, &h);
        /* "many of whom say" */
        if (!plural && p >= s0 + 3 && ws_tok_text_is(a, p - 1, "whom") && ws_tok_text_is(a, p - 2, "of") &&
            ws_tok_word_in(a, p - 3, counted_subjects, N_COUNTED_SUBJECTS))
            pp_plural = true;
        plural = plural || pp_plural;
        /* "Sources close to the campaign say": an anonymous source the
         * lexicon knows, whole. */
        if (!plural && np < p && (a->ann[np].anon_len > 1 || ws_tok_word_is(a, np, "those") ||
                                  ws_tok_word_is(a, np, "people")))
            plural = true;
        if (!(a->ann[p - 1].pronoun >= 0 || plural || ws_tok_is(a, p - 1, WS_FW_AUX) ||
              names_ended_plural(a, p, s0)))
            return false;
        /* "help them find housing": an object pronoun is no subject
         * ("Those close to him say" has its subject before). */
        static const char *const objects[] = {"them", "him", "her", "us", "me"};
        if (ws_tok_word_in(a, p - 1, objects, sizeof objects / sizeof *objects) && !pp_plural && np + 1 >= p)
            return false;
    }
    if ((ci->is_s || (ci->is_past && !ci->is_base)) && c > s0 &&
        (a->tok[c - 1].kind == WS_TOK_NUMBER || ws_tok_is(a, c - 1, WS_FW_NUM)) &&
        (ci->is_s || (c + 1 < a->doc->tokens.n && a->tok[c + 1].kind == WS_TOK_WORD &&
                      !(a->tok[c + 1].flags & WS_TOKF_CAP) && !a->ann[c + 1].fw && a->ann[c + 1].pronoun < 0)))
        return false; /* "in 30 states", "22 emails", "271 pledged delegates": a counted noun */
    static const char *const possessive_dets[] = {"his", "her", "their", "its", "our", "my", "your"};
    /* "his public remarks", "Trump's incendiary remarks": a form that is
     * a noun too, after a word that a possessive opens, is that noun. */
    if (ci->is_s && ws_tok_has_noun_cue(a, c) && c >= s0 + 2 && a->tok[c - 1].kind == WS_TOK_WORD &&
        !(a->tok[c - 1].flags & WS_TOKF_CAP) && !a->ann[c - 1].fw && a->ann[c - 1].role < 0 &&
        !a->ann[c - 1].is_head && !a->ann[c - 1].anon_len && !a->ann[c - 1].is_group &&
        (ws_tok_is_possessive(a, c - 2) || !ws_tok_is(a, c - 2, WS_FW_DET) ||
         ws_tok_word_in(a, c - 2, possessive_dets, sizeof possessive_dets / sizeof *possessive_dets)))
        return false; /* also "faced tough questions": no determiner before the noun */
    /* "their summer plans to", "his travel plans": after a possessive and
     * a word that names no one, "plans" is the noun ("his team plans to",
     * "their experience shows" are verbs). */
    static const char *const bodies[] = {"team", "campaign", "party", "family", "government", "administration",
                                         "company", "firm", "office", "department", "committee", "group", "board",
                                         "council", "union", "club", "staff"};
    if (ci->is_s && lemma_is(ci->lemma, "plan") && c >= s0 + 2 && is_plain_lower(a, c - 1) &&
        !ws_tok_word_in(a, c - 1, bodies, sizeof bodies / sizeof *bodies) &&
        a->ann[c - 1].role < 0 && !a->ann[c - 1].is_head && !a->ann[c - 1].anon_len && !a->ann[c - 1].is_group &&
        !ws_tok_word_in(a, c - 1, people_words, N_PEOPLE_WORDS) && !is_person_noun(a, c - 1) &&
        ws_tok_word_in(a, c - 2, possessive_dets, sizeof possessive_dets / sizeof *possessive_dets))
        return false;
    /* "the first grand slam": after a determiner, an ordinal and a word
     * in the singular, a base form is a noun ("The first officials say"
     * and "The first study says" are verbs). */
    static const char *const ordinals[] = {"first", "last", "next"};
    if (ci->is_base && !ci->is_s && c >= s0 + 3 && a->tok[c - 1].kind == WS_TOK_WORD && !a->ann[c - 1].fw &&
        !ws_tok_is_plural_head(a, c - 1) &&
        ws_tok_word_in(a, c - 2, ordinals, sizeof ordinals / sizeof *ordinals) && ws_tok_is(a, c - 3, WS_FW_DET))
        return false;
    /* "Speaking on his long-term plans,", "launched new plans": after a
     * possessive, a determiner or a verb in the past and a word that
     * describes, an -s form is a noun ("his son says" has a noun between). */
    static const char *const describing[] = {"new", "old", "own", "latest", "recent", "future", "current",
                                             "previous", "earlier", "initial", "original", "first", "last",
                                             "next", "main", "major", "many", "various", "repeated"};
    static const char *const adverbs_too[] = {"first", "last", "next", "earlier", "later", "recent", "latest"};
    if (ci->is_s && c >= s0 + 2 && a->tok[c - 1].kind == WS_TOK_WORD && !(a->tok[c - 1].flags & WS_TOKF_CAP) &&
        (ws_tok_word_in(a, c - 2, possessive_dets, sizeof possessive_dets / sizeof *possessive_dets) ||
         (ws_tok_is(a, c - 2, WS_FW_DET) && a->ann[c - 2].pronoun < 0) ||
         /* (After a verb, "first" and "earlier" may be its adverbs: "the
          * driver who finished first says".) */
         (a->tok[c - 2].kind == WS_TOK_WORD && !(a->tok[c - 2].flags & WS_TOKF_CAP) &&
          ws_tok_ends_with(a, c - 2, "ed", 4) && !ws_tok_is(a, c - 1, WS_FW_ADV | WS_FW_TIME) &&
          !ws_tok_word_in(a, c - 1, adverbs_too, sizeof adverbs_too / sizeof *adverbs_too))) &&
        (ws_tok_word_in(a, c - 1, describing, sizeof describing / sizeof *describing) ||
         ws_tok_ends_with(a, c - 1, "-term", 6) || ws_tok_ends_with(a, c - 1, "-range", 7) ||
         ws_tok_ends_with(a, c - 1, "-standing", 10) || ws_tok_ends_with(a, c - 1, "-running", 9) ||
         ws_tok_ends_with(a, c - 1, "ous", 5) || ws_tok_ends_with(a, c - 1, "ful", 5)))
        return false;
    /* "tenants advocate Dan Hurst told": a word after a noun and before
     * a name that has a verb of speech of its own is a title, not a verb
     * ("Merrill says Machado promised" has its subject before it). */
    if (!ci->is_past && c > s0 && c + 2 < a->doc->tokens.n && (a->tok[c + 1].flags & WS_TOKF_CAP) &&
        ws_tok_is_name_word(a, c + 1) && !(a->tok[c].flags & WS_TOKF_CAP) && a->tok[c - 1].kind == WS_TOK_WORD &&
        !(a->tok[c - 1].flags & WS_TOKF_CAP) && a->ann[c - 1].pronoun < 0 &&
        !ws_tok_is(a, c - 1, WS_FW_AUX | WS_FW_ADV | WS_FW_NEG | WS_FW_CONJ | WS_FW_SUB | WS_FW_PRON)) {
        uint32_t e = c + 1;
        while (e < a->doc->tokens.n && e - c <= 4 && ws_tok_is_name_word(a, e))
            e++;
        if (e < a->doc->tokens.n && e > c + 1 && is_finite_cue(a, e))
            return false;
    }
    /* "An expert cited in the report", "a study quoted by officials": a
     * participle after its noun. */
    if (ci->is_past && !lemma_is(ci->lemma, "say") && c >= s0 + 2 && c + 1 < a->doc->tokens.n &&
        (ws_tok_text_is(a, c + 1, "in") || ws_tok_text_is(a, c + 1, "by")) && a->tok[c - 1].kind == WS_TOK_WORD &&
        !(a->tok[c - 1].flags & WS_TOKF_CAP) && a->ann[c - 1].pronoun < 0 &&
        !ws_tok_is(a, c - 1, WS_FW_AUX | WS_FW_ADV | WS_FW_NEG | WS_FW_PREP | WS_FW_CONJ | WS_FW_SUB) &&
        ws_tok_is(a, c - 2, WS_FW_DET) && !quotation_just_before(a, c, s0)) {
        /* ... when the sentence's own verb comes later, after a comma. */
        const ws_sentence *se = &a->doc->sentences.v[a->tok[c].sentence];
        for (uint32_t v = c + 2; v < se->tok_end && v < c + 30; v++)
            if (is_comma(a, v - 1) && is_finite_cue(a, v))
                return false;
    }
    /* "the proposed plans", "he's heralded plans", "the company's magazine
     * brands,", "did not unveil plans": an -s form after a participle with a
     * determiner or an auxiliary, after
     * a possessive's noun, or after a verb with its auxiliary is a noun. */
    if (ci->is_s && c >= s0 + 2 && a->tok[c - 1].kind == WS_TOK_WORD && !(a->tok[c - 1].flags & WS_TOKF_CAP) &&
        !a->ann[c - 1].fw && a->ann[c - 1].pronoun < 0 && a->ann[c - 1].role < 0 &&
        !a->ann[c - 1].anon_len && !a->ann[c - 1].is_group) {
        static const char *const before_verb[] = {"not", "n't", "to", "will", "would", "can", "could", "should",
                                                  "may", "might", "must", "did", "does", "do"};
        /* ("Clinton's team says she ..." is a subject and its verb: after
         * a possessive's noun, only an -s form that nothing follows.) */
        bool ends = c + 1 >= a->doc->tokens.n || is_end_punct(a, c + 1) || ws_tok_is(a, c + 1, WS_FW_PREP);
        if ((ws_tok_ends_with(a, c - 1, "ed", 4) && ws_tok_is(a, c - 2, WS_FW_DET | WS_FW_AUX)) ||
            (ws_tok_is_possessive(a, c - 2) && ends && !quotation_just_before(a, c, s0)) ||
            ws_tok_word_in(a, c - 2, before_verb, sizeof before_verb / sizeof *before_verb))
            return false;
    }
    /* "Democratic states", "member states": a form that the lexicons know
     * as a group noun is a verb only after "he" or "she", before "that"
     * ("A document on the website states that"), or beside a quotation. */
    if (ci->is_s && a->ann[c].is_group && !quotation_just_before(a, c, s0) &&
        !(c + 1 < a->doc->tokens.n && ws_tok_text_is(a, c + 1, "that")) &&
        !(c > s0 && (ws_tok_text_is(a, c - 1, "he") || ws_tok_text_is(a, c - 1, "she") ||
                     ws_tok_text_is(a, c - 1, "He") || ws_tok_text_is(a, c - 1, "She"))))
        return false;

    bool at_end = c + 1 >= a->doc->tokens.n || is_end_punct(a, c + 1);
    if (ci->is_s && (!ci->needs_clause || at_end) && !bare_singular_subject_ok(a, c, s0))
        return false; /* "battleground states", "leaked emails", "paid data plans.": a plural noun */
    if (ci->is_s && c > s0 && c + 1 < a->doc->tokens.n && !names_speaker(a, c - 1) &&
        ws_tok_is_cue_verb(a, c + 1) && !verb_reading(a, c + 1)->is_ing && !verb_reading(a, c + 1)->is_s)
        return false; /* "rights advocates said": the plural noun of the subject ("Trump says
                       * report clears him" has its subject before the verb) */
    /* "the absence of clear answers has": the noun before its verb ("what
     * Trump says is a lie" has a subject before the cue). */
    if (ci->is_s && !ci->is_base && c > s0 && c + 1 < a->doc->tokens.n && ws_tok_is(a, c + 1, WS_FW_AUX) &&
        a->tok[c - 1].kind == WS_TOK_WORD && !(a->tok[c - 1].flags & WS_TOKF_CAP) && !a->ann[c - 1].fw &&
        a->ann[c - 1].pronoun < 0 && a->ann[c - 1].role < 0 && !a->ann[c - 1].anon_len && !a->ann[c - 1].is_group)
        return false;
    /* "a high-tide warning in place", "a significant finding for": a noun
     * ("a statement announcing the pick" is a participle). */
    if (ci->is_ing && c >= s0 + 2 && (ws_tok_text_is(a, c - 2, "a") || ws_tok_text_is(a, c - 2, "an")) &&
        a->tok[c - 1].kind == WS_TOK_WORD && !(a->tok[c - 1].flags & WS_TOKF_CAP) && a->ann[c - 1].cue < 0 &&
        (c + 1 >= a->doc->tokens.n || is_end_punct(a, c + 1) || ws_tok_is(a, c + 1, WS_FW_PREP)))
        return false;
    if (ci->needs_clause && ci->is_past && !ci->is_base) {
        /* "was seen waiting", "is widely expected to", "contests known as":
         * a passive or a participle after its noun reports no one's belief. */
        static const char *const be[] = {"is", "was", "are", "were", "be", "been", "being"};
        for (uint32_t p = ws_skip_adverbials_left(a, c, s0); p < c; p++)
            for (size_t i = 0; i < sizeof be / sizeof *be; i++)
                if (ws_tok_text_eq(a, p, be[i], strlen(be[i])))
                    return false;
        if (c + 1 < a->doc->tokens.n && (ws_tok_text_is(a, c + 1, "as") || ws_tok_text_is(a, c + 1, "by")))
            return false;
    }
    /* "could result in the charges being dismissed.": a passive in -ing
     * describes the noun before it; it reports nothing ("was being
     * challenged on" does). */
    if (ci->is_past && c > s0 + 1 && ws_tok_word_is(a, c - 1, "being") && !ws_tok_is(a, c - 2, WS_FW_AUX) &&
        (c + 1 >= a->doc->tokens.n || is_end_punct(a, c + 1) ||
         (ws_tok_is(a, c + 1, WS_FW_PREP) && !ws_tok_text_is(a, c + 1, "that") && !ws_tok_text_is(a, c + 1, "as"))))
        return false;
    /* "was called for tripping", "the race was called for Cruz": a call
     * for something in the passive is a referee's or a network's, no
     * demand of the subject's. */
    if (ci->is_past && lemma_is(ci->lemma, "call for") && passive_before(a, c + 1))
        return false;
    if (lemma_is(ci->lemma, "call") && !calls_something(a, ci, c))
        return false;
    /* "has been commended for saving lives", "was criticised for the
     * delay": the subject of such a passive is praised or blamed; it says
     * nothing. */
    if (ci->is_past && !takes_listener(ci) && passive_before(a, c + 1) && c + 1 < a->doc->tokens.n &&
        ws_tok_word_is(a, c + 1, "for"))
        return false;
    bool before_number = c + 2 < a->doc->tokens.n && ws_tok_text_is(a, c + 1, "about") &&
                         a->tok[c + 2].kind == WS_TOK_NUMBER;
    /* '"...," Mr Hale says of his friend': beside a quotation, a verb. */
    /* After a name or a subject pronoun it is the verb: "Trump says of
     * Clinton, ...", "she warns of a recession". */
    /* Only a singular subject takes an -s verb: not "police reports of";
     * and a word that is a plural noun too ("Media reports of") only
     * after "he" or "she". */
    bool after_speaker = c > s0 && (ws_tok_text_is(a, c - 1, "he") || ws_tok_text_is(a, c - 1, "she") ||
                                    ws_tok_text_is(a, c - 1, "He") || ws_tok_text_is(a, c - 1, "She") ||
                                    (!ws_tok_has_noun_cue(a, c) && names_speaker(a, c - 1) && a->ann[c - 1].pronoun < 0 &&
                                     !a->ann[c - 1].is_group && !a->ann[c - 1].anon_len &&
                                     !ws_tok_is(a, c - 1, WS_FW_TIME) && !ws_tok_ends_with(a, c - 1, "s", 1)));
    if (ci->is_s && c + 1 < a->doc->tokens.n && !before_number && !after_speaker &&
        !quotation_just_before(a, c, s0) &&
        (ws_tok_text_is(a, c + 1, "of") || ws_tok_text_is(a, c + 1, "from") ||
         ws_tok_text_is(a, c + 1, "about") || ws_tok_text_is(a, c + 1, "against") ||
         ws_tok_text_is(a, c + 1, "over") ||
         (ws_tok_text_is(a, c + 1, "to") && !ci->needs_clause)))
        return false; /* "reports of", "protests against", "thanks to": nouns ("wants to" is not,
                       * nor "says about 500") */
    if (c > s0) {
        uint32_t p = c - 1;
        bool counted = (p == s0 || is_comma(a, p - 1) || ws_tok_is(a, p - 1, WS_FW_CONJ)) &&
                       ws_tok_word_in(a, p, counted_subjects, N_COUNTED_SUBJECTS);
        if (ws_tok_is(a, p, WS_FW_DET) && !ws_tok_is(a, p, WS_FW_SUB) && !counted)
            return false; /* "the report", not "Some said" */
        if (ws_tok_is_possessive(a, p))
            return false;
        if (ws_tok_text_is(a, p, "to") && !verb_reading(a, c)->is_past && !(p > s0 && verb_before_to(a, p - 1)))
            return false; /* "to say", not "continues to insist" */
        /* "was said", "is reported": a passive has no source here. */
        if (ws_tok_is(a, p, WS_FW_AUX) && p > s0 && ws_tok_text_is(a, p - 1, "it"))
            return false;
    }
    return true;
}

/* A sentence that ends with a colon: its quotation follows. */
static bool ends_with_colon(const ws_attr *a, uint32_t stop, uint32_t *colon)
{
    uint32_t t = stop;
    while (t > 0 && a->tok[t - 1].kind == WS_TOK_QUOTE && (a->tok[t - 1].flags & WS_TOKF_OPEN))
        t--;
    if (t > 0 && ws_tok_text_is(a, t - 1, ":")) {
        *colon = t - 1;
        return true;
    }
    return false;
}

/* The whole quotation starting at token @i (an opening mark), as content. */
static bool take_quote_at(ws_attr *a, draft *d, uint32_t i)
{
    if (i >= a->doc->tokens.n || a->tok[i].kind != WS_TOK_QUOTE || !(a->tok[i].flags & WS_TOKF_OPEN))
        return false;
    const ws_quote *q = &a->doc->quotes.v[a->tok[i].quote];
    if (q->parent >= 0 || q->statement >= 0)
        return false;
    for (uint32_t f = 0; f < q->n_frags && d->n_frags < MAX_FRAGS; f++)
        d->frags[d->n_frags++] = a->doc->quote_frags.v[q->frag_first + f];
    if (d->quote < 0)
        d->quote = a->tok[i].quote;
    return true;
}

/*
 * The opening mark of a quotation that is the whole of the sentence before
 * sentence @s, in the same paragraph; UINT32_MAX when there is none.
 */
static uint32_t quotation_sentence_before(const ws_attr *a, uint32_t s)
{
    if (s == 0)
        return UINT32_MAX;
    const ws_sentence *prev = &a->doc->sentences.v[s - 1];
    if (prev->block != a->doc->sentences.v[s].block)
        return UINT32_MAX;
    uint32_t i = prev->tok_start, j = prev->tok_end;
    while (i < j && a->tok[i].kind == WS_TOK_PUNCT)
        i++;
    while (j > i && a->tok[j - 1].kind == WS_TOK_PUNCT)
        j--;
    if (j - i < 2 || a->tok[i].kind != WS_TOK_QUOTE || !(a->tok[i].flags & WS_TOKF_OPEN) ||
        a->tok[j - 1].kind != WS_TOK_QUOTE || !(a->tok[j - 1].flags & WS_TOKF_CLOSE) ||
        a->tok[i].quote != a->tok[j - 1].quote)
        return UINT32_MAX;
    return i;
}

/*
 * The first word of the verb group that ends with the cue at @c: the
 * auxiliaries, negation and adverbs right before it ("has said", "did not
 * deny", "also noted"). They change what the cue reports, so reports show
 * them with it; the checks look at the reporting word alone.
 */
static uint32_t verb_group_start(const ws_attr *a, uint32_t c)
{
    uint32_t k = c;
    while (k > 0) {
        uint32_t t = k - 1;
        /* "continued to say", "has begun to insist". */
        if (t > 0 && ws_tok_text_is(a, t, "to") && verb_before_to(a, t - 1) &&
            a->tok[t - 1].sentence == a->tok[c].sentence) {
            k = t - 1;
            continue;
        }
        if (a->tok[t].kind != WS_TOK_WORD || a->tok[t].sentence != a->tok[c].sentence ||
            !(ws_tok_is(a, t, WS_FW_AUX | WS_FW_ADV | WS_FW_NEG) || ws_tok_is_ly_adverb(a, t)) ||
            ws_tok_is(a, t, WS_FW_DET | WS_FW_CONJ | WS_FW_SUB | WS_FW_PRON) || ws_tok_is_name_word(a, t))
            break;
        k = t;
    }
    return k;
}

/*
 * A reporting phrase that opens with a verb ("went on to say", "made it
 * clear", "issued a statement", "took to Twitter", "was quoted as
 * saying"): its reading as that
 * verb, in the tense of its first word, in @out. Prepositional phrases
 * ("according to", "in a statement") and passives ("is said to") are not.
 */
static bool phrase_as_verb(const ws_attr *a, uint32_t c, const ws_cue_info *phrase, ws_cue_info *out)
{
    static const char *const past[] = {"went", "made", "issued", "released", "took", "quoted", "put"};
    static const char *const s_forms[] = {"goes", "makes", "issues", "releases", "takes", "puts"};
    static const char *const base[] = {"go", "make", "issue", "release", "take"};
    static const char *const ing[] = {"going", "making", "issuing", "releasing", "taking"};
    *out = *phrase;
    out->pos = WS_CUE_VERB;
    out->is_past = ws_tok_word_in(a, c, past, sizeof past / sizeof *past);
    out->is_s = ws_tok_word_in(a, c, s_forms, sizeof s_forms / sizeof *s_forms);
    out->is_base = ws_tok_word_in(a, c, base, sizeof base / sizeof *base);
    out->is_ing = ws_tok_word_in(a, c, ing, sizeof ing / sizeof *ing);
    out->needs_clause = out->needs_quote = false;
    return out->is_past || out->is_s || out->is_base || out->is_ing;
}

/* Does the verb-like phrase at @c follow its subject ("Pence went on to
 * say"), not a determiner or a preposition ("the issues a statement")? */
static bool phrase_verb_use(const ws_attr *a, uint32_t c, uint32_t s0)
{
    if (c == s0)
        return false;
    return !ws_tok_is(a, c - 1, WS_FW_DET | WS_FW_PREP) || ws_tok_is(a, c - 1, WS_FW_PRON | WS_FW_SUB);
}

/* Is the lemma of cue @ci one of @list? */
static bool lemma_in(const ws_cue_info *ci, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (lemma_is(ci->lemma, list[i]))
            return true;
    return false;
}

/* Does a writing open at @k and a participle of speech follow it: "a video
 * on Friday saying ...", "a letter to the council asking ..."? The
 * participle's index, or UINT32_MAX. */
static uint32_t writing_then_participle(const ws_attr *a, uint32_t k, uint32_t stop)
{
    /* Writings that are sent or made public, not speech in general
     * ("endured criticism for telling", "framed their remarks"). */
    static const char *const writings[] = {"statement", "statements", "letter", "letters", "tweet", "tweets",
                                           "post", "posts", "email", "emails", "e-mail", "memo", "release",
                                           "op-ed", "video", "videos", "ad", "ads", "advert", "message",
                                           "messages", "report", "text", "notice", "petition", "editorial",
                                           "column", "note", "filing", "brief"};
    static const char *const not_between[] = {"by", "for", "without", "with", "of", "about", "into"};
    uint32_t np_end = ws_np_right(a, k, stop);
    if (np_end <= k && k < stop && ws_tok_word_in(a, k, writings, sizeof writings / sizeof *writings))
        np_end = k + 1; /* "tweets", a noun that is a verb of the lists too */
    if (np_end <= k || !ws_tok_word_in(a, np_end - 1, writings, sizeof writings / sizeof *writings))
        return UINT32_MAX;
    /* (Over a day, a time, or a phrase that says to whom or where.) */
    uint32_t p = np_end;
    while (p < stop && p < np_end + 6 && !is_comma(a, p) && !is_end_punct(a, p) &&
           a->tok[p].kind == WS_TOK_WORD && !ws_tok_is_cue_verb(a, p) && !ws_tok_is(a, p, WS_FW_AUX | WS_FW_SUB))
        p++;
    if (p >= stop || !ws_tok_is_cue_verb(a, p) || !verb_reading(a, p)->is_ing)
        return UINT32_MAX;
    for (uint32_t t = np_end; t < p; t++)
        if (ws_tok_word_in(a, t, not_between, sizeof not_between / sizeof *not_between) ||
            !(ws_tok_is(a, t, WS_FW_PREP | WS_FW_DET | WS_FW_TIME) || ws_tok_is_name_word(a, t) ||
              is_plain_lower(a, t)))
            return UINT32_MAX;
    return p;
}

/* Before the participle of speech at @c, a writing someone sent or made
 * public: "Hale sent out a tweet saying", "unleashed a flurry of posts
 * early Friday saying". The sender's span in *@src_start, *@src_end, and
 * the verb that sent it in *@verb_at. */
static bool sent_writing_before(const ws_attr *a, uint32_t c, uint32_t s0, uint32_t stop, uint32_t *src_start,
                                uint32_t *src_end, uint32_t *verb_at)
{
    for (uint32_t k = c; k > s0 + 1 && k + 12 > c; k--) {
        uint32_t w = k - 1;
        /* (From the phrase's first word: "a new radio ad calling".) */
        if (writing_then_participle(a, w, stop) != c || ws_np_left(a, w + 1, s0) < w)
            continue;
        uint32_t v = w - 1;
        /* ("a flurry of posts", "a stack of letters": the measure before.) */
        while (v > s0 + 1 && ws_tok_word_is(a, v, "of") && ws_np_left(a, v, s0) < v)
            v = ws_np_left(a, v, s0) - 1;
        if (v > s0 && (ws_tok_is(a, v, WS_FW_PARTICLE) || ws_tok_word_is(a, v, "out")))
            v--;
        /* (The phrase may start further left: "a flurry of posts".) */
        if (!is_plain_lower(a, v) || ws_tok_is_possessive(a, v))
            continue;
        bool after_and;
        if (!subject_left(a, v, s0, src_start, src_end, &after_and))
            return false;
        *verb_at = v;
        return true;
    }
    return false;
}

/* Is the cue @ci the phrase "put it" ("puts it" is listed apart)? */
static bool is_put_it(const ws_cue_info *ci)
{
    return lemma_is(ci->lemma, "put it") || lemma_is(ci->lemma, "puts it");
}

/* Does "put it" at @c report words: "as Hale put it," "as a memo put it
 * in May," or "Hale put it bluntly:"; not "put it on the table". After
 * another statement of the sentence (@after_statement), "..., saying the
 * deal would "fail," as Ruiz put it" only names whose words the quotation
 * borrows, inside what the first speaker said. */
static bool put_it_reports(const ws_attr *a, uint32_t c, uint32_t s0, uint32_t stop, bool after_statement)
{
    uint32_t k = c + 2;
    while (k < stop && k < c + 5 && (ws_tok_is(a, k, WS_FW_ADV) || ws_tok_is_ly_adverb(a, k)))
        k++;
    /* ("put it this way:") */
    if (k + 1 < stop && ws_tok_word_in(a, k, this_or_that, 2) && ws_tok_word_is(a, k + 1, "way"))
        k += 2;
    if (k < stop && ws_tok_text_is(a, k, ":"))
        return true;
    /* "as" and the subject of "put", which ends right at it (over adverbs
     * and a description between commas): not "As Hale watched, Ruiz put
     * it in the garage". */
    uint32_t as = UINT32_MAX;
    for (uint32_t w = c; w > s0 && w + 30 > c && as == UINT32_MAX; w--) {
        if (!ws_tok_word_is(a, w - 1, "as") || w >= c)
            continue;
        uint32_t e = ws_np_right(a, w, c);
        if (e <= w)
            continue;
        uint32_t v = ws_skip_adverbials_right(a, e, c);
        uint32_t b = ws_skip_adverbials_left(a, c, s0); /* "..., recently put it" */
        bool closed = b > w + 1 && (is_comma(a, b - 1) || (a->tok[b - 1].kind == WS_TOK_QUOTE && is_comma(a, b - 2)));
        if (v == c || (is_comma(a, e) && closed))
            as = w - 1;
    }
    if (as == UINT32_MAX || c + 2 >= stop ||
        !(a->tok[c + 2].kind == WS_TOK_PUNCT || ws_tok_is(a, c + 2, WS_FW_PREP | WS_FW_ADV)))
        return false;
    return !after_statement || ws_skip_adverbials_right(a, s0, as) == as;
}


/* Does the content of draft @d hold byte offset @at? */
static bool content_holds(const draft *d, uint32_t at)
{
    for (uint32_t f = 0; f < d->n_frags; f++)
        if (d->frags[f].start <= at && at < d->frags[f].end)
            return true;
    return false;
}

/*
 * Is the cue of draft @i inside what another draft of the sentence
 * reports? "The mayor should make clear why the bridge is late, says
 * council leader Ana Ruiz": her statement holds the other; a report of a
 * report is hers, and neither the evaluation corpora nor an editor count
 * the inner one apart.
 */
static bool is_inside_other_report(const ws_attr *a, const draft_list *drafts, size_t first, size_t i)
{
    const draft *d = &drafts->v[i];
    if (d->cue_end <= d->cue_tok)
        return false;
    /* A quotation with a cue of its own inside another's content ("said
     * she heard students shout, "..."") stands on its own. */
    if (d->quote >= 0 && d->n_frags && a->tok[d->cue_tok].start < d->frags[0].start &&
        comma_then_quotation(a, d->cue_end, a->doc->tokens.n))
        return false;
    /* "..., which he said were accompanied by favors": a relative clause
     * that says whose claim it is stands on its own. */
    if (d->src_start < d->src_end && d->src_start > 0 && d->src_end <= d->cue_tok &&
        (ws_tok_word_is(a, d->src_start - 1, "which") || ws_tok_word_is(a, d->src_start - 1, "who")))
        return false;
    /* 'he wept in what he called "the worst week"': so does a
     * statement after "what" with a quotation of its own. */
    if (d->src_start < d->src_end && d->src_start > 0 && ws_tok_word_is(a, d->src_start - 1, "what") &&
        d->quote >= 0)
        return false;
    /* "a weapon for critics who say the toll is ...": so does one whose
     * verb follows "who". */
    if (follows_who(a, d->cue_tok) && d->n_frags &&
        a->tok[d->cue_tok].start < d->frags[0].start)
        return false;
    for (size_t j = first; j < drafts->n; j++) {
        const draft *o = &drafts->v[j];
        /* (Two that hold each other's cues are both kept.) */
        if (j != i && o->cue_end > o->cue_tok && content_holds(o, a->tok[d->cue_tok].start) &&
            !content_holds(d, a->tok[o->cue_tok].start))
            return true;
    }
    return false;
}

/* Does the content at text offset @from open with "it" as the subject of a
 * verb of speech or intention ("it plans to ...", "it would not comment",
 * "that it has also agreed")? Not "it was vital", "it would take a year",
 * "it was reported that", "it is believed": "it" there is no one; nor
 * "it shows", "it suggests": a thing's evidence. */
static bool it_acts_first(const ws_attr *a, uint32_t from)
{
    static const char *const be_forms[] = {"is", "was", "are", "were", "be", "been", "being", "'s"};
    static const char *const evidence[] = {"show", "suggest", "reveal", "indicate", "prove", "mean", "find",
                                           "demonstrate", "confirm", "make clear"};
    uint32_t t = ws_doc_token_at(a->doc, from);
    uint32_t n = (uint32_t)a->doc->tokens.n;
    if (t < n && ws_tok_text_is(a, t, "that"))
        t++;
    if (t + 1 >= n || !ws_tok_word_is(a, t, "it"))
        return false;
    uint32_t v = t + 1;
    bool be = false;
    while (v < n && (ws_tok_is(a, v, WS_FW_AUX | WS_FW_NEG) || ws_tok_is_ly_adverb(a, v) ||
                     ws_tok_word_is(a, v, "also") || ws_tok_word_is(a, v, "still"))) {
        be = be || ws_tok_word_in(a, v, be_forms, sizeof be_forms / sizeof *be_forms);
        v++;
    }
    if (v >= n || a->tok[v].sentence != a->tok[t].sentence || !ws_tok_is_cue_verb(a, v))
        return false;
    const ws_cue_info *ci = verb_reading(a, v);
    return ci && !(be && ci->is_past) && !lemma_in(ci, evidence, sizeof evidence / sizeof *evidence);
}

/* Does [from, to) open a subordinate clause and hold its subject ("as
 * Tolvo", "while the mayor"), so that a verb at @to is that clause's? */
static bool subordinate_subject_before(const ws_attr *a, uint32_t from, uint32_t to)
{
    static const char *const subordinators[] = {"as", "while", "when", "after", "because", "since", "before",
                                                "until", "though", "although", "if"};
    for (uint32_t j = from; j + 1 < to; j++)
        if (ws_tok_word_in(a, j, subordinators, sizeof subordinators / sizeof *subordinators))
            return ws_np_right(a, j + 1, to) == to;
    return false;
}

static int emit(ws_attr *a, draft_list *drafts, size_t first)
{
    ws_report *r = a->r;
    for (size_t i = first; i < drafts->n; i++) {
        draft *d = &drafts->v[i];
        if (d->n_frags == 0 || is_inside_other_report(a, drafts, first, i))
            continue;
        /* Participles and coordinated verbs share a neighbour's source. */
        if (d->src_start == d->src_end && d->src_from_stmt >= 0) {
            const draft *o = &drafts->v[d->src_from_stmt];
            d->src_start = o->src_start;
            d->src_end = o->src_end;
            d->src_shown_end = o->src_shown_end;
            d->src_shown_start = o->src_shown_start;
        }
        ws_stmt st;
        memset(&st, 0, sizeof st);
        st.speaker = -1;
        st.quotation = d->quote;
        const ws_cue_info *ci = NULL;
        for (int32_t c = a->ann[d->cue_tok].cue; c >= 0 && d->cue_end > d->cue_tok;
             c = a->rs->cue_info.v[c].next) {
            ci = &a->rs->cue_info.v[c];
            if ((ci->pos == WS_CUE_NOUN) == d->is_noun_cue)
                break;
        }
        if (d->cue_end > d->cue_tok) {
            st.has_cue = true;
            st.cue = (ws_range){a->tok[d->cue_tok].start, a->tok[d->cue_end - 1].end};
            st.cue_group = st.cue;
            if (ci && ci->pos != WS_CUE_NOUN)
                st.cue_group.start = a->tok[verb_group_start(a, d->cue_tok)].start;
            st.cue_lemma = ci ? ci->lemma : NULL;
            st.cue_class = ci ? ci->cls : WS_CUE_NEUTRAL;
            st.cue_is_noun = ci && ci->pos == WS_CUE_NOUN;
            st.cue_is_plural = st.cue_is_noun && !ci->is_base;
        }
        int32_t speaker = -1;
        if (d->src_end > d->src_start) {
            st.has_source = true;
            uint32_t shown = d->src_shown_end > d->src_end ? d->src_shown_end : d->src_end;
            uint32_t shown_from = d->src_shown_start && d->src_shown_start < d->src_start ? d->src_shown_start
                                                                                          : d->src_start;
            st.source = (ws_range){a->tok[shown_from].start, a->tok[shown - 1].end};
            int32_t m = ws_mention_for(a, d->src_start, d->src_end, true);
            if (m < -1)
                return WS_ENOMEM;
            if (m >= 0)
                speaker = r->ments.v[m].entity;
        }
        st.speaker = speaker;
        /* The kind: the content is quotations only, holds one, or none. */
        uint32_t frag_tok[MAX_FRAGS]; /* each fragment's first token, looked up once */
        for (uint32_t f = 0; f < d->n_frags; f++)
            frag_tok[f] = ws_doc_token_at(a->doc, d->frags[f].start);
        bool all_quoted = true;
        for (uint32_t f = 0; f < d->n_frags && all_quoted; f++) {
            uint32_t t = frag_tok[f];
            int32_t q = t < a->doc->tokens.n ? top_quote(a, t) : -1;
            all_quoted = q >= 0 && a->doc->quotes.v[q].open.end <= d->frags[f].start &&
                         a->doc->quotes.v[q].close.start >= d->frags[f].end;
        }
        st.kind = all_quoted ? WS_STATEMENT_DIRECT
                  : d->quote >= 0 ? WS_STATEMENT_PARTIAL : WS_STATEMENT_INDIRECT;
        /* 'in what he called "the worst week"': a name given, quoted. */
        if (all_quoted && d->src_start < d->src_end && d->src_start > 0 && ws_tok_word_is(a, d->src_start - 1, "what") &&
            d->cue_end > d->cue_tok && d->quote >= 0 &&
            ws_doc_token_at(a->doc, a->doc->quotes.v[d->quote].open.start) == d->cue_end) {
            /* (Or a clause that goes on the writer's: 'what Hale said "was
             * fair"'.) */
            if (names_by_quote(a, d->cue_end - 1) || opens_in_lower_case(a, d->cue_end))
                st.kind = WS_STATEMENT_PARTIAL;
        }
        /* A word or two in quotation marks is a fragment, unless the
         * speaker's punctuation inside the marks ends it as an utterance
         * ('"No," he said.', 'Hale said: "Never."'). */
        if (all_quoted && d->n_frags == 1 && d->quote >= 0 &&
            (a->doc->quotes.v[d->quote].flags & WS_QUOTE_SHORT)) {
            const ws_quote *q = &a->doc->quotes.v[d->quote];
            char last = q->close.start > q->open.end ? a->doc->text[q->close.start - 1] : 0;
            /* (Only a quotation that stands on its own: opening the
             * sentence, or after a colon or a comma. In 'Hale warned, and
             * "nobody listened," Ruiz said.' and 'what fans dubbed
             * "fog-rock."' the writer's sentence holds it.) */
            /* (After a mark, the speaker's own sentence opens with a
             * capital: 'The toll, Hale said, "stinks."' goes on the
             * writer's; '"no deal," she said' opens its own.) */
            uint32_t open_tok = ws_doc_token_at(a->doc, q->open.start);
            bool alone = open_tok < a->doc->tokens.n &&
                         (a->doc->sentences.v[a->tok[open_tok].sentence].tok_start == open_tok ||
                          (open_tok > 0 && !opens_in_lower_case(a, open_tok) &&
                           (ws_tok_text_is(a, open_tok - 1, ":") || (is_comma(a, open_tok - 1) && last != ','))));
            if (!alone || !(last == '.' || last == '!' || last == '?' || last == ','))
                st.kind = WS_STATEMENT_PARTIAL;
        }
        int idx = ws_report_add_stmt(r, &st, d->frags, d->n_frags);
        if (idx < 0)
            return idx;
        /* Every top-level quotation inside the content belongs to it. */
        for (uint32_t f = 0; f < d->n_frags; f++) {
            for (uint32_t t = frag_tok[f]; t < a->doc->tokens.n && a->tok[t].start < d->frags[f].end; t++) {
                int32_t q = top_quote(a, t);
                if (q >= 0 && a->doc->quotes.v[q].statement < 0)
                    a->doc->quotes.v[q].statement = idx;
            }
            if (d->quote >= 0 && a->doc->quotes.v[d->quote].statement < 0)
                a->doc->quotes.v[d->quote].statement = idx;
        }
        if (ws_entity_count(a, speaker, st.kind, d->src_start) < 0)
            return WS_ENOMEM;
        if (speaker >= 0 && st.kind == WS_STATEMENT_INDIRECT && d->n_frags && it_acts_first(a, d->frags[0].start) &&
            ws_entity_calls_itself_it(a, speaker) < 0)
            return WS_ENOMEM;
    }
    return WS_OK;
}

/*
 * A noun cue with its speaker as possessor and its content as a clause:
 * "Trump's claim that ...", "the ministry's statement that ...".
 */
static int noun_cue_statement(ws_attr *a, uint32_t c, uint32_t s0, uint32_t stop,
                              draft_list *drafts, uint32_t *covered_to)
{
    uint32_t after = c + (a->ann[c].cue_len ? a->ann[c].cue_len : 1u);
    if (c < s0 + 2 || after >= stop || !ws_tok_text_is(a, after, "that"))
        return WS_OK;
    if (!ws_tok_is_possessive(a, c - 1))
        return WS_OK;
    uint32_t src_s = ws_np_left(a, c - 1, s0);
    if (src_s >= c - 1)
        return WS_OK;
    draft d;
    memset(&d, 0, sizeof d);
    d.cue_tok = c;
    d.cue_end = after;
    d.is_noun_cue = true;
    d.src_start = src_s;
    d.src_end = c - 1;
    d.src_from_stmt = -1;
    d.quote = -1;
    uint32_t cend = content_end(a, after, stop);
    /* "Hale's claim that the vote was rigged has been rejected": when
     * the claim is the sentence's subject, its clause ends where a second
     * verb group follows the clause's own. */
    if (ws_skip_adverbials_right(a, s0, src_s) == src_s || only_circumstance(a, s0, src_s)) {
        bool clause_verb = false;
        for (uint32_t j = after + 2; j < cend; j++) {
            if (a->tok[j].quote_depth > 0 || ws_tok_is(a, j, WS_FW_CONJ | WS_FW_SUB) || is_comma(a, j))
                break;
            bool aux = ws_tok_is(a, j, WS_FW_AUX) && a->ann[j].pronoun < 0 && !ws_tok_is(a, j - 1, WS_FW_AUX);
            if (aux && clause_verb) {
                cend = j;
                break;
            }
            clause_verb = clause_verb || aux || (is_plain_lower(a, j) && ws_tok_ends_with(a, j, "ed", 4));
        }
    }
    set_content(a, &d, after, cend);
    if (!d.n_frags)
        return WS_OK;
    if (WS_ARRAY_GROW(&a->r->mem, *drafts) < 0)
        return WS_ENOMEM;
    drafts->v[drafts->n++] = d;
    *covered_to = cend;
    return WS_OK;
}

/* Does [from, to) use the first or second person, as speech does and news
 * summaries do not? */
static bool speaks_in_person(const ws_attr *a, uint32_t from, uint32_t to)
{
    static const char *const persons[] = {"I", "me", "my", "we", "We", "us", "our", "Our",
                                          "you", "You", "your", "Your", "I'm", "I\xE2\x80\x99m"};
    for (uint32_t t = from; t < to; t++)
        for (size_t i = 0; i < sizeof persons / sizeof *persons; i++)
            if (ws_tok_text_eq(a, t, persons[i], strlen(persons[i])))
                return true;
    return false;
}

/* Does the capitals label [s0, k) (its colon at @k) open another paragraph
 * near this one? A transcript gives each turn its speaker's label
 * ("PENCE:", "WALLACE:"); a section label ("ENERGY:") stands once. The
 * search looks a few paragraphs each way, so a long transcript costs a
 * constant per turn. */
static bool label_repeats(const ws_attr *a, uint32_t s0, uint32_t k)
{
    const ws_doc *doc = a->doc;
    int32_t b = ws_doc_block_at(doc, a->tok[s0].start);
    size_t len = k - s0;
    for (int32_t o = b - 6; o <= b + 6; o++) {
        if (o < 0 || o == b || (size_t)o >= doc->blocks.n)
            continue;
        uint32_t t = ws_doc_token_at(doc, doc->blocks.v[o].start);
        if (t < doc->tokens.n && a->tok[t].kind == WS_TOK_QUOTE && (a->tok[t].flags & WS_TOKF_OPEN))
            t++; /* '"WALLACE: ...' */
        if (t + len >= doc->tokens.n || !ws_tok_text_is(a, t + len, ":"))
            continue;
        size_t i = 0;
        while (i < len && a->tok[t + i].end - a->tok[t + i].start == a->tok[s0 + i].end - a->tok[s0 + i].start &&
               !memcmp(doc->text + a->tok[t + i].start, doc->text + a->tok[s0 + i].start,
                       a->tok[s0 + i].end - a->tok[s0 + i].start))
            i++;
        if (i == len)
            return true;
    }
    return false;
}

/*
 * A speaker label opening a paragraph: "PENCE: Well, look ..." in a
 * transcript, "Sam Wexler: Voters worried" in a headline. The label is the
 * source, the colon the cue, the rest of the paragraph the content.
 */
static int label_statement(ws_attr *a, uint32_t s, draft_list *drafts)
{
    const ws_doc *doc = a->doc;
    const ws_sentence *sent = &doc->sentences.v[s];
    uint32_t s0 = sent->tok_start;
    if (!(a->tok[s0].flags & WS_TOKF_BLOCK_START) || a->tok[s0].quote_depth > 0 || ws_tok_said_first(a, s0))
        return WS_OK;
    /* '"WALLACE: ...': a transcript whose paragraphs each open with a
     * quotation mark that nothing closes. */
    if (a->tok[s0].kind == WS_TOK_QUOTE && (a->tok[s0].flags & WS_TOKF_OPEN) && s0 + 2 < sent->tok_end &&
        (a->tok[s0 + 1].flags & WS_TOKF_ALLCAPS) && a->tok[s0].quote >= 0 &&
        (a->doc->quotes.v[a->tok[s0].quote].flags & WS_QUOTE_CONTINUED))
        s0++;
    uint32_t k = s0;
    bool all_caps = true;
    /* A headline's label may be longer and say to whom or where: "Clinton
     * to Planned Parenthood:", "Former AG Mukasey at RNC:". */
    bool first_block = ws_doc_block_at(doc, a->tok[s0].start) == 0;
    uint32_t prep = UINT32_MAX;
    static const char *const preps[] = {"to", "at", "on", "in"};
    while (k < sent->tok_end && k - s0 < (first_block ? 7u : 4u) &&
           (ws_tok_is_name_word(a, k) || (a->tok[k].flags & WS_TOKF_ALLCAPS) || ws_tok_text_is(a, k, ".") ||
            (k == s0 && first_block && a->ann[k].common_capital && !a->ann[k].fw) || /* "Poll:" */
            (first_block && prep == UINT32_MAX && k > s0 && k + 1 < sent->tok_end &&
             ws_tok_word_in(a, k, preps, sizeof preps / sizeof *preps) && ws_tok_is_name_word(a, k + 1)))) {
        if (prep == UINT32_MAX && k > s0 && ws_tok_word_in(a, k, preps, sizeof preps / sizeof *preps) &&
            !(a->tok[k].flags & WS_TOKF_ALLCAPS))
            prep = k;
        all_caps = all_caps && ((a->tok[k].flags & WS_TOKF_ALLCAPS) || ws_tok_text_is(a, k, "."));
        k++;
    }
    if (k == s0 || k >= sent->tok_end || !ws_tok_text_is(a, k, ":") || k + 1 >= sent->tok_end)
        return WS_OK;
    /* A person's name (a first name the lexicon knows), or a label in
     * capitals; "Update:" is neither. A headline may name its speaker by
     * any name: "Pence: Flowers Won't Be at Debate", "Poll: Voters ...".
     * A label that opens the paragraphs nearby is a transcript's:
     * "Matthews: Well, ..." then "Lopez: ...". */
    bool is_headline = first_block && k - s0 <= 7;
    if (!all_caps && !is_headline && (k - s0 < 2 || !a->ann[s0].first_name) && !label_repeats(a, s0, k))
        return WS_OK;
    if (all_caps && k - s0 == 1 && a->tok[s0].end - a->tok[s0].start < 2)
        return WS_OK;
    if (all_caps && !speaks_in_person(a, k + 1, sent->tok_end) && !label_repeats(a, s0, k))
        return WS_OK; /* "ENERGY:", "READ MORE:": a section, not a speaker */
    /* "VIDEO:", "WATCH:", "UPDATE:": what the page shows, whoever speaks in it. */
    static const char *const media_labels[] = {"video", "watch", "photo", "photos", "update", "audio",
                                               "listen", "related", "correction"};
    if (k - s0 == 1 && ws_tok_word_in(a, s0, media_labels, sizeof media_labels / sizeof *media_labels))
        return WS_OK;
    /* "Profile: Tom Hale", "Obituary: Ana Maria Ruiz", "Subs: Ruiz, Hale,
     * Ortiz.": a person's name (from a first name or a title on) or a list
     * of names after the label is a heading or a roster, no speech. A
     * headline in capitals is not ("Hale: Ferry Unsafe", "Hale: Happy
     * Christmas, Ana."). */
    uint32_t names = 0, commas = 0, t = k + 1;
    for (; t < sent->tok_end; t++) {
        if (ws_tok_is_name_word(a, t) && (a->tok[t].flags & WS_TOKF_CAP))
            names++;
        else if (ws_tok_text_is(a, t, ","))
            commas++;
        else if (!ws_tok_text_is(a, t, ".") && !ws_tok_text_is(a, t, "and"))
            break;
    }
    bool person_named = k + 1 < sent->tok_end && (a->ann[k + 1].first_name || a->ann[k + 1].honorific >= 0);
    if (t == sent->tok_end && names >= 2 && (commas >= 2 || (person_named && names <= 4)))
        return WS_OK;
    draft d;
    memset(&d, 0, sizeof d);
    d.cue_tok = k;
    d.cue_end = k + 1;
    d.src_start = s0;
    d.src_end = prep < k ? prep : k;
    d.src_from_stmt = -1;
    d.quote = -1;
    int32_t b = ws_doc_block_at(doc, a->tok[s0].start);
    uint32_t end_tok = sent->tok_end;
    while (end_tok < doc->tokens.n && ws_doc_block_at(doc, a->tok[end_tok].start) == b)
        end_tok++;
    set_content(a, &d, k + 1, end_tok);
    if (!d.n_frags)
        return WS_OK;
    if (WS_ARRAY_GROW(&a->r->mem, *drafts) < 0)
        return WS_ENOMEM;
    drafts->v[drafts->n++] = d;
    return 1;
}

/* A statement whose cue is the colon at @colon, whose source is [src_s,
 * src_e) and whose content is the quotation opening at @quote_tok; 1 when
 * it is added, 0 when there is no such quotation. */
static int colon_quote_draft(ws_attr *a, draft_list *drafts, uint32_t colon, uint32_t src_s, uint32_t src_e,
                             uint32_t quote_tok)
{
    draft d;
    memset(&d, 0, sizeof d);
    d.cue_tok = colon;
    d.cue_end = colon + 1;
    d.src_start = src_s;
    d.src_end = src_e;
    d.src_from_stmt = -1;
    d.quote = -1;
    if (!take_quote_at(a, &d, quote_tok))
        return WS_OK;
    if (WS_ARRAY_GROW(&a->r->mem, *drafts) < 0)
        return WS_ENOMEM;
    drafts->v[drafts->n++] = d;
    return 1;
}

/* Does an opening quotation mark stand among tokens [@from, @stop)? Asked
 * of the sentences in order (a->next_open_quote goes on with them). Only
 * each quotation's first mark is looked at: the mark that reopens a
 * quotation over paragraphs starts its paragraph, so it follows no colon
 * in its sentence, which is what the caller looks for. */
static bool opens_quotation_in(ws_attr *a, uint32_t from, uint32_t stop)
{
    if (from >= stop)
        return false;
    const ws_quote *quotes = a->doc->quotes.v;
    size_t n = a->doc->quotes.n, q = a->next_open_quote;
    uint32_t lo = a->tok[from].start, hi = a->tok[stop - 1].start;
    while (q < n && quotes[q].open.start < lo)
        q++;
    a->next_open_quote = q;
    /* (A quotation by markup has no mark.) */
    for (; q < n && quotes[q].open.start <= hi; q++)
        if (quotes[q].open.end > quotes[q].open.start)
            return true;
    return false;
}

/*
 * A name before a colon and a quotation, with no verb of speech before
 * it: "The surge does not surprise pollster Ned Ashby: “Historically,
 * ...”", "- More from Jones: “...”", "Here's Clinton in 1992: “...”". The
 * name speaks, the colon is the cue, the quotation is the content.
 */
static int colon_quote_statement(ws_attr *a, uint32_t s, draft_list *drafts)
{
    const ws_sentence *sent = &a->doc->sentences.v[s];
    uint32_t s0 = sent->tok_start, stop = sent->tok_end;
    /* 'Said Hale: "..."', 'Added the mayor, "..."', 'Said Tom Hale, the
     * mayor: "..."': the verb put first is the cue and the phrase after it,
     * a name or a role (with its description), the source; the colon or
     * comma opens the quotation (not 'Added costs: "..."', nor before a
     * quotation with a cue of its own). */
    if (ws_tok_said_first(a, s0)) {
        uint32_t src_end = ws_np_right(a, s0 + 1, stop), sep = src_end;
        bool named = src_end > s0 + 1 && (ws_tok_is_name_word(a, src_end - 1) || a->ann[src_end - 1].role >= 0 ||
                                          a->ann[src_end - 1].anon_len);
        if (named && sep + 1 < stop && is_comma(a, sep) && a->tok[sep + 1].kind == WS_TOK_WORD) {
            uint32_t described = ws_np_right(a, sep + 1, stop);
            if (described > sep + 1 && described + 1 < stop &&
                (ws_tok_text_is(a, described, ":") || is_comma(a, described)))
                sep = described;
        }
        if (named && sep + 1 < stop && (ws_tok_text_is(a, sep, ":") || is_comma(a, sep)) &&
            a->tok[sep + 1].kind == WS_TOK_QUOTE && (a->tok[sep + 1].flags & WS_TOKF_OPEN) &&
            !quotation_has_own_cue(a, sep + 1, stop)) {
            int rc = colon_quote_draft(a, drafts, sep, s0 + 1, sep, sep + 1);
            if (rc > 0) {
                drafts->v[drafts->n - 1].cue_tok = s0;
                drafts->v[drafts->n - 1].cue_end = s0 + 1;
            }
            return rc;
        }
    }
    /* (The opening quotation mark first: it is the rarer. Most sentences
     * have none, which the quotations tell without a walk.) */
    if (!opens_quotation_in(a, s0 + 1, stop))
        return WS_OK;
    uint32_t col = s0;
    while (col + 1 < stop && !(a->tok[col + 1].kind == WS_TOK_QUOTE && (a->tok[col + 1].flags & WS_TOKF_OPEN) &&
                                ws_tok_text_is(a, col, ":") && a->tok[col].quote_depth == 0))
        col++;
    if (col + 1 >= stop || col < s0 + 1)
        return WS_OK;
    for (uint32_t t = s0; t < col; t++)
        if (a->ann[t].cue >= 0 || a->tok[t].kind == WS_TOK_QUOTE)
            return WS_OK; /* a cue of its own, or quotations before: other rules */
    /* The name: a noun phrase ending in a name word right before the colon,
     * after the last dash or comma ("- More from Jones"). */
    uint32_t from = s0;
    for (uint32_t t = s0; t < col; t++)
        if (ws_tok_is_dash(a, t) || is_comma(a, t))
            from = t + 1;
    uint32_t end = col;
    /* "Here's Clinton in December 1992:": a time after the name. */
    while (end > from + 1 && (a->tok[end - 1].kind == WS_TOK_NUMBER || ws_tok_is(a, end - 1, WS_FW_TIME)))
        end--;
    if (end > from + 1 && ws_tok_is(a, end - 1, WS_FW_PREP) && end < col)
        end--;
    if (!ws_tok_is_name_word(a, end - 1) || a->ann[end - 1].demonym >= 0)
        return WS_OK;
    uint32_t src = ws_np_left(a, end, from);
    if (src >= end)
        return WS_OK;
    /* "doesn't surprise Republican pollster Ned Ashby": not the verb. */
    while (src + 1 < end && a->tok[src].kind == WS_TOK_WORD && !(a->tok[src].flags & WS_TOKF_CAP) &&
           !ws_tok_is(a, src, WS_FW_DET) && a->ann[src].role < 0)
        src++;
    /* "The sign on the door in Paris:": a place, not a speaker. */
    if (src > from && ws_tok_is(a, src - 1, WS_FW_PREP) && !ws_tok_text_is(a, src - 1, "from") &&
        !ws_tok_text_is(a, src - 1, "by"))
        return WS_OK;
    return colon_quote_draft(a, drafts, col, src, end, col + 1);
}

/*
 * A lead-in that names a speaker and ends with a colon, without a verb:
 * "From Chairwoman Ana Ruiz:" or "Statement from the ministry:", then the
 * quotation in the next paragraph.
 */
static int lead_in_statement(ws_attr *a, uint32_t s, draft_list *drafts)
{
    const ws_sentence *sent = &a->doc->sentences.v[s];
    uint32_t s0 = sent->tok_start, stop = sent->tok_end;
    uint32_t colon;
    if (stop - s0 < 2 || !ends_with_colon(a, stop, &colon) || a->tok[s0].quote_depth > 0)
        return WS_OK;
    uint32_t k = s0;
    if (ws_tok_text_is(a, k, "From") || ws_tok_text_is(a, k, "from"))
        k++;
    else if (k + 1 < colon && a->ann[k].cue >= 0 && (ws_tok_text_is(a, k + 1, "from") ||
                                                    ws_tok_text_is(a, k + 1, "by")))
        k += 2; /* "Statement from", "Remarks by" */
    else
        return WS_OK;
    uint32_t e = ws_np_right(a, k, colon);
    if (e != colon || e <= k)
        return WS_OK;
    uint32_t q = stop;
    while (q < a->doc->tokens.n && a->tok[q].kind == WS_TOK_PUNCT)
        q++;
    return colon_quote_draft(a, drafts, colon, k, e, q);
}

/*
 * A paragraph that links to another story: "READ MORE: Minister says ...",
 * "WATCH | Police explain ...". Its words are a headline of that story,
 * not a statement of this one.
 */
static bool is_link_line(const ws_attr *a, uint32_t s)
{
    static const char *const labels[][2] = {{"READ", "MORE"}, {"ALSO", "READ"}, {"SEE", "ALSO"},
                                            {"WATCH", "BELOW"}, {"WATCH", "LIVE"}, {"WATCH", NULL},
                                            {"RELATED", NULL}, {"LISTEN", NULL}, {"MORE", NULL}};
    const ws_sentence *sent = &a->doc->sentences.v[s];
    uint32_t s0 = sent->tok_start, stop = sent->tok_end;
    if (!(a->tok[s0].flags & WS_TOKF_BLOCK_START))
        return false;
    for (size_t i = 0; i < sizeof labels / sizeof *labels; i++) {
        uint32_t k = s0;
        size_t w = 0;
        while (w < 2 && labels[i][w] && k < stop && ws_tok_text_eq(a, k, labels[i][w], strlen(labels[i][w])))
            w++, k++;
        bool whole = w == 2 || !labels[i][w];
        if (whole && k < stop && (ws_tok_text_is(a, k, ":") || ws_tok_text_is(a, k, "|")))
            return true;
    }
    return false;
}

/* The source of a draft as its construction settles it: "According to X,
 * Y said" gives Y; a passive names its agent or no one. */
static void settle_source(const ws_attr *a, draft *d, const ws_cue_info *verb, uint32_t stop)
{
    /* "According to the Herald, Professor Burrows said ...": the
     * professor speaks; the phrase before the comma is a source of
     * its own. */
    for (uint32_t at = d->src_start; at + 2 < d->src_end; at++)
        if (ws_tok_word_is(a, at, "according") && ws_tok_word_is(a, at + 1, "to")) {
            uint32_t k = at + 2;
            while (k < d->src_end && !is_comma(a, k))
                k++;
            if (k + 1 < d->src_end)
                d->src_start = k + 1;
            break;
        }
    /* "No injuries or deaths were reported in the attacks": a passive
     * with no agent reports its subject; no one is named as saying it. */
    if (verb && verb->is_past && !takes_listener(verb) && passive_before(a, d->cue_end) &&
        d->src_start < d->src_end && d->src_end <= d->cue_tok && d->n_frags == 1 &&
        d->frags[0].end <= a->tok[d->src_start].start && !(d->cue_end < stop && ws_tok_text_is(a, d->cue_end, "by"))) {
        /* (Not "... the arrest, which was described as ...": a
         * relative pronoun stands for a phrase before it.) */
        if (!ws_tok_is(a, d->src_start, WS_FW_PRON | WS_FW_SUB) && a->ann[d->src_start].pronoun < 0) {
            d->frags[0].end = a->tok[d->src_end - 1].end;
            d->src_start = d->src_end = 0;
            d->src_from_stmt = -1;
        }
    }
    /* "It was reported by the Times that ...": the agent after "by"
     * speaks, not the "it" that holds the subject's place. */
    if (verb && verb->is_past && passive_before(a, d->cue_end) && d->cue_end + 1 < stop &&
        ws_tok_text_is(a, d->cue_end, "by") &&
        (d->src_start == d->src_end || (d->src_end == d->src_start + 1 && ws_tok_word_is(a, d->src_start, "it")))) {
        uint32_t agent_end = ws_np_right(a, d->cue_end + 1, stop);
        if (agent_end > d->cue_end + 1 && a->tok[d->cue_end].start < d->frags[0].start) {
            d->src_start = d->cue_end + 1;
            d->src_end = agent_end;
            d->src_from_stmt = -1;
        }
    }
    /* "He was told the deal is off", "we're told", "he was advised
     * to ...": the subject heard it; who said it is not named. */
    if (verb && takes_listener(verb) && verb->is_past && passive_before(a, d->cue_end)) {
        d->heard_start = d->src_start;
        d->heard_end = d->src_end;
        d->src_start = d->src_end = 0;
        d->src_from_stmt = -1;
    }
}

/*
 * "Ruiz added:" closing its paragraph, then a paragraph without quotation
 * marks: what was added is that paragraph (a quotation set as its own
 * paragraph, the way transcripts and letters are quoted). Not a heading or
 * a list, and not a paragraph that opens with a quotation mark (that one
 * was taken as a quotation already).
 */
static void take_paragraph_after(ws_attr *a, draft *d, uint32_t s)
{
    const ws_doc *doc = a->doc;
    if (s + 1 >= doc->sentences.n)
        return;
    const ws_sentence *here = &doc->sentences.v[s], *next = &doc->sentences.v[s + 1];
    if (next->block == here->block || next->block >= doc->blocks.n ||
        doc->blocks.v[next->block].kind != doc->blocks.v[here->block].kind ||
        doc->blocks.v[next->block].kind == WS_BLOCK_HEADING || next->tok_start >= next->tok_end ||
        a->tok[next->tok_start].kind != WS_TOK_WORD || (a->tok[next->tok_start].flags & WS_TOKF_ALLCAPS))
        return; /* ("GOING BROKE FOR KESTREL": a heading set as a paragraph.) */
    uint32_t last = s + 1;
    while (last + 1 < doc->sentences.n && doc->sentences.v[last + 1].block == next->block)
        last++;
    /* ("The plan is weak, Hale said.": a paragraph with a speaker of its
     * own after a comma is not what the lead-in's speaker added.) */
    for (uint32_t t = next->tok_start + 2; t < doc->sentences.v[last].tok_end; t++) {
        if (a->tok[t].quote_depth > 0 || !is_finite_cue(a, t))
            continue;
        uint32_t np = ws_np_left(a, t, next->tok_start);
        if (np < t && np > next->tok_start && is_comma(a, np - 1))
            return;
    }
    set_content(a, d, next->tok_start, doc->sentences.v[last].tok_end);
}

/* Where the phrase that the comma before the subject at @ms closes ends:
 * before the comma, or after the quotation mark that closes on it ('After
 * saying it was "late," Hale ...'). */
static uint32_t phrase_end_before(const ws_attr *a, uint32_t ms)
{
    if (a->tok[ms - 1].kind == WS_TOK_QUOTE && is_comma(a, ms - 2))
        return a->tok[ms - 1].end;
    return a->tok[ms - 2].end;
}

/*
 * The subject [*start, *end) after the comma that closes a phrase opening
 * the sentence with the participle at @cue ("After saying he was nervous,
 * the man asked ...", "Apart from saying ..., Hale gave ..."). False when
 * there is none.
 */
static bool subject_after_phrase(const ws_attr *a, uint32_t s0, uint32_t cue, uint32_t stop, uint32_t *start,
                                 uint32_t *end)
{
    for (uint32_t j = s0; j < cue; j++)
        if ((is_comma(a, j) || a->tok[j].kind == WS_TOK_QUOTE) && a->tok[j].quote_depth == 0)
            return false; /* '"...," he said, before clarifying that he, Hale, ...' */
    /* (The comma may close a quotation: 'After saying her foot was "so
     * swollen," Hale left'.) */
    uint32_t k = cue + 1;
    while (k < stop && !(is_comma(a, k) && a->tok[k].quote_depth == 0)) {
        if (is_comma(a, k) && k + 1 < stop && a->tok[k + 1].kind == WS_TOK_QUOTE &&
            (a->tok[k + 1].flags & WS_TOKF_CLOSE) && a->tok[k + 1].quote_depth <= 1) {
            k++;
            break;
        }
        k++;
    }
    if (k + 1 >= stop)
        return false;
    uint32_t e = without_verb_after_name(a, k + 1, ws_np_right(a, k + 1, stop));
    if (e <= k + 1 && is_subject_pronoun(a, k + 1))
        e = k + 2;
    if (e <= k + 1)
        return false;
    *start = k + 1;
    *end = e;
    return true;
}

/* Statements of sentence @s. */
static int attribute_sentence(ws_attr *a, uint32_t s, draft_list *drafts, int32_t *skip_to)
{
    const ws_sentence *sent = &a->doc->sentences.v[s];
    uint32_t s0 = sent->tok_start, stop = sent->tok_end;
    /* "(The French are fans of the show, Hale said.)": a sentence in
     * brackets is read as the sentence inside them. */
    /* (The bracket that closes the first, nested ones counted; a full
     * stop may follow it: "(..., Hale said).") */
    if (stop > s0 + 2 && ws_tok_text_is(a, s0, "(")) {
        uint32_t close = s0 + 1;
        for (int depth = 1; close < stop; close++) {
            depth += ws_tok_text_is(a, close, "(") - ws_tok_text_is(a, close, ")");
            if (depth == 0)
                break;
        }
        if (close + 1 == stop || (close + 2 == stop && is_end_punct(a, stop - 1))) {
            s0++;
            stop = close;
        }
    }
    size_t first = drafts->n;
    uint32_t covered_to = s0; /* tokens before this are another statement's content */
    int led_in = lead_in_statement(a, s, drafts);
    if (led_in < 0)
        return led_in;
    if (led_in > 0) {
        int rc = emit(a, drafts, first);
        drafts->n = first;
        return rc;
    }
    int labelled = label_statement(a, s, drafts);
    if (labelled == 0)
        labelled = colon_quote_statement(a, s, drafts) > 0 ? 2 : 0;
    if (labelled < 0)
        return labelled;
    if (labelled == 2) {
        int rc = emit(a, drafts, first);
        drafts->n = first;
        return rc;
    }
    if (labelled > 0) {
        /* The label's content runs to the paragraph's end. */
        int rc = emit(a, drafts, first);
        drafts->n = first;
        *skip_to = ws_doc_block_at(a->doc, a->tok[s0].start);
        return rc;
    }
    /* Only a token with a cue can start a statement here: those are taken
     * from the pass's list instead of asking every token of the sentence. */
    while (a->next_cue_tok < a->n_cue_toks && a->cue_toks[a->next_cue_tok] < s0)
        a->next_cue_tok++;
    for (size_t cue_k = a->next_cue_tok; cue_k < a->n_cue_toks && a->cue_toks[cue_k] < stop; cue_k++) {
        uint32_t c = a->cue_toks[cue_k];
        const ws_token *t = &a->tok[c];
        /* (A relative clause that names whose claim it is, ", which he
         * said were ...", is read even inside another's content.) */
        bool relative_claim = false;
        bool covered_cue = a->ann[c].cue >= 0 && c < covered_to;
        for (uint32_t w = c >= s0 + 6 ? c - 6 : s0; covered_cue && w + 1 < c && !relative_claim; w++)
            relative_claim = w > s0 && is_comma(a, w - 1) &&
                             (ws_tok_word_is(a, w, "which") || ws_tok_word_is(a, w, "who")) &&
                             ws_np_right(a, w + 1, c) == c;
        /* ("handed a weapon to critics who say the toll is ...": the
         * relative clause of the object reports on its own.) */
        if (covered_cue && follows_who(a, c))
            relative_claim = true;
        /* ('said he wept in what he called "the worst week"', 'agreed
         * with what Hale said "was fair"': a quotation after "what".) */
        if (covered_cue && !relative_claim)
            relative_claim = quotation_after_what(a, c, s0, stop);
        /* (So is a cue with a quotation of its own: "heard students
         * shout, "Sack the board!"".) */
        bool own_quote = covered_cue && comma_then_quotation(a, c + 1, stop);
        if (t->quote_depth > 0 || a->ann[c].cue < 0 || (c < covered_to && !relative_claim && !own_quote))
            continue;
        const ws_cue_info *verb = verb_reading(a, c);
        const ws_cue_info *phrase = phrase_reading(a, c);
        ws_cue_info phrase_verb;
        if (!verb && phrase && phrase_as_verb(a, c, phrase, &phrase_verb)) {
            /* "Pence went on to say he ...", "the ministry issued a
             * statement saying": the phrase is the verb of its subject. */
            verb = &phrase_verb;
            phrase = NULL;
            if (!phrase_verb_use(a, c, s0) || (is_put_it(verb) && !put_it_reports(a, c, s0, stop, drafts->n > first)))
                continue;
        }
        if (!verb && !phrase) {
            if (noun_cue_statement(a, c, s0, stop, drafts, &covered_to) < 0)
                return WS_ENOMEM;
            continue;
        }
        if (verb && verb != &phrase_verb && !is_verb_use(a, c, s0)) {
            /* "Trump's claim that ...": the noun of a verb-and-noun form. */
            if (ws_tok_has_noun_cue(a, c) && noun_cue_statement(a, c, s0, stop, drafts, &covered_to) < 0)
                return WS_ENOMEM;
            continue;
        }
        draft d;
        memset(&d, 0, sizeof d);
        bool passive_question = false;
        d.cue_tok = c;
        d.cue_end = c + (a->ann[c].cue_len ? a->ann[c].cue_len : 1u);
        d.src_from_stmt = -1;
        d.quote = -1;
        uint32_t after = d.cue_end;

        if (phrase && !verb) {
            /* "According to X, CLAUSE." or "CLAUSE, according to X." */
            uint32_t np_end = ws_np_right(a, after, stop);
            /* "According to some on Twitter": a quantifier and its phrase. */
            if (np_end <= after && after + 1 < stop && ws_tok_word_in(a, after, counted_subjects, N_COUNTED_SUBJECTS)) {
                np_end = after + 1;
                if (np_end + 1 < stop && ws_tok_is(a, np_end, WS_FW_PREP) && !ws_tok_text_is(a, np_end, "that") &&
                    ws_np_right(a, np_end + 1, stop) > np_end + 1)
                    np_end = ws_np_right(a, np_end + 1, stop);
            }
            if (np_end <= after)
                continue;
            /* "according to plan", "according to their preference": by a
             * measure, not a source. */
            static const char *const measures[] = {"plan", "plans", "schedule", "preference", "preferences",
                                                   "taste", "tastes", "need", "needs", "tradition", "custom",
                                                   "size", "age", "ability", "rank", "merit"};
            static const char *const possessives[] = {"his", "her", "its", "their", "our", "my", "your"};
            if (ws_tok_word_in(a, np_end - 1, measures, sizeof measures / sizeof *measures) &&
                (np_end == after + 1 || ws_tok_word_in(a, after, possessives, sizeof possessives / sizeof *possessives)) &&
                !(np_end < stop && (ws_tok_text_is(a, np_end, "by") || ws_tok_ends_with(a, np_end, "ed", 4))))
                continue;
            d.src_start = after;
            d.src_end = np_end;
            /* "a statement issued by X", "a count by X", "an email from X":
             * X speaks, and the whole phrase is the source. "a copy of the
             * letter seen by X": X only read it; the writing speaks. */
            for (uint32_t k = after; k < np_end + 2 && k + 1 < stop; k++) {
                if (ws_tok_text_is(a, k, "by") || (k > after && ws_tok_text_is(a, k, "from"))) {
                    uint32_t e2 = ws_np_right(a, k + 1, stop);
                    if (e2 > k + 1) {
                        bool reader = k > after && ws_tok_text_is(a, k, "by") &&
                                      ws_tok_word_in(a, k - 1, readers_of_works, N_READERS_OF_WORKS);
                        if (reader) {
                            d.src_shown_end = e2;
                            d.src_end = k - 1;
                        } else {
                            /* (After "in an email", "sent by X" only says who.) */
                            if (ws_tok_word_is(a, c, "according"))
                                d.src_shown_start = after;
                            d.src_start = k + 1;
                            d.src_end = e2;
                        }
                        np_end = e2;
                    }
                    break;
                }
            }
            bool at_start = ws_skip_adverbials_right(a, s0, c) == c ||
                            (c > s0 && ws_tok_is(a, c - 1, WS_FW_CONJ));
            covered_to = stop;
            if (at_start) {
                uint32_t from = np_end;
                while (from < stop && !is_comma(a, from) && from - np_end < 4)
                    from++;
                /* "According to exit polls conducted for the Courier by
                 * Kestrel Research, ...": a longer description of the
                 * source runs on to its comma, and is the source's. */
                bool described = np_end < stop && a->tok[np_end].kind == WS_TOK_WORD &&
                                 (ws_tok_is(a, np_end, WS_FW_PREP) || ws_tok_text_is(a, np_end, "and") ||
                                  is_plain_lower(a, np_end));
                if (from < stop && !is_comma(a, from) && ws_tok_word_is(a, c, "according") && described &&
                    !ws_tok_text_is(a, np_end, "that")) {
                    uint32_t comma = from;
                    while (comma < stop && comma - np_end < 24 && !is_comma(a, comma) && !is_end_punct(a, comma) &&
                           a->tok[comma].kind != WS_TOK_QUOTE && !is_finite_cue(a, comma) &&
                           !ws_tok_is(a, comma, WS_FW_AUX))
                        comma++;
                    if (comma < stop && is_comma(a, comma) && comma + 1 < stop) {
                        from = comma;
                        if (d.src_end == np_end)
                            d.src_end = comma;
                    }
                }
                /* ("According to Kestrel there were four ferries": no comma,
                 * and the clause starts right after the source.) */
                if (from < stop && !is_comma(a, from))
                    from = np_end;
                /* "In a statement Friday, Trump said: ...": the clause has
                 * a speaker and a cue of its own, which tell it better. */
                uint32_t subj_end = from + 1 < stop ? ws_np_right(a, from + 1, stop) : stop;
                uint32_t v = ws_skip_adverbials_right(a, subj_end, stop);
                if (subj_end > from + 1 && v < stop && ws_tok_is_cue_verb(a, v) && !verb_reading(a, v)->is_ing &&
                    !ws_tok_text_is(a, c, "according") && !ws_tok_text_is(a, c, "According")) {
                    covered_to = c + 1;
                    continue;
                }
                uint32_t cend = content_end(a, from + 1, stop);
                set_content(a, &d, from, cend);
                /* "According to X, A but Chapman says B": B is another statement. */
                covered_to = cend;
            } else {
                uint32_t to = c;
                while (to > s0 && is_comma(a, to - 1))
                    to--;
                /* "He crossed the border after, according to him, Televisa
                 * censured ...": the words before break off; what was said
                 * follows the phrase. */
                uint32_t r = np_end;
                while (r < stop && r - np_end < 3 && !is_comma(a, r) && !is_end_punct(a, r))
                    r++;
                if (to > s0 && ws_tok_is(a, to - 1, WS_FW_SUB | WS_FW_PREP | WS_FW_CONJ) && r + 1 < stop &&
                    is_comma(a, r)) {
                    set_content(a, &d, r + 1, content_end(a, r + 1, stop));
                    covered_to = stop;
                    goto done;
                }
                set_content(a, &d, s0, to);
                /* "The result, according to a survey, is 352": the clause
                 * goes on after the phrase. */
                uint32_t k = np_end;
                while (k < stop && !is_comma(a, k) && !is_end_punct(a, k) && k - np_end < 6)
                    k++;
                /* (After a circumstance, a clause with a name for subject:
                 * "Later on Saturday, according to the Courier, Hale
                 * spoke to ...".) */
                if (d.n_frags && to < c && k + 1 < stop && is_comma(a, k) && a->tok[k + 1].kind == WS_TOK_WORD &&
                    !ws_tok_is(a, k + 1, WS_FW_CONJ | WS_FW_SUB) &&
                    (!(a->tok[k + 1].flags & WS_TOKF_CAP) || only_circumstance(a, s0, to)))
                    set_content(a, &d, k + 1, content_end(a, k + 1, stop));
            }
        } else {
            bool is_participle = verb->is_ing;
            uint32_t left_end = ws_skip_adverbials_left(a, c, s0);
            bool after_comma = left_end > s0 && (is_comma(a, left_end - 1) || ws_tok_is_dash(a, left_end - 1));
            bool after_quote = left_end > s0 && a->tok[left_end - 1].kind == WS_TOK_QUOTE &&
                               (a->tok[left_end - 1].flags & WS_TOKF_CLOSE);
            if (after_comma && left_end - 1 > s0 && a->tok[left_end - 2].kind == WS_TOK_QUOTE)
                after_quote = true;
            uint32_t src_s, src_e;
            bool after_and = false;
            uint32_t left_s, left_e;
            bool has_left = subject_left(a, c, s0, &left_s, &left_e, &after_and);
            /* After "and", the verb shares the previous statement's speaker,
             * unless that statement is in a clause opening the sentence and
             * the main clause has a subject of its own. */
            uint32_t main_s = 0, main_e = 0;
            bool shares_main_subject =
                after_and && drafts->n > first && in_opening_clause(a, s0, drafts->v[drafts->n - 1].cue_tok) &&
                main_subject(a, s0, c, &main_s, &main_e) && main_s > drafts->v[drafts->n - 1].cue_tok;
            uint32_t content_from = after;
            /* "by saying", "aside from saying", "besides saying": a
             * participle after a preposition that adds what was said (not
             * "instead of saying", "without saying"). */
            uint32_t prep_at = left_end > s0 ? left_end - 1 : s0;
            bool by_means = is_participle && left_end > s0 &&
                            (ws_tok_word_is(a, prep_at, "by") || ws_tok_word_is(a, prep_at, "besides") ||
                             (ws_tok_word_is(a, prep_at, "from") && prep_at > s0 &&
                              (ws_tok_word_is(a, prep_at - 1, "aside") || ws_tok_word_is(a, prep_at - 1, "apart"))));
            if (by_means && ws_tok_word_is(a, prep_at, "from"))
                prep_at--;
            /* "he was quoted as saying": the subject of "quoted" speaks. */
            if (is_participle && left_end >= s0 + 2 && ws_tok_text_is(a, left_end - 1, "as") &&
                ws_tok_text_is(a, left_end - 2, "quoted")) {
                if (!subject_left(a, left_end - 2, s0, &src_s, &src_e, &after_and))
                    continue;
                d.src_start = src_s;
                d.src_end = src_e;
            } else if (is_participle &&
                       (after_comma || left_end == s0 || ws_tok_is(a, left_end - 1, WS_FW_SUB) ||
                        (left_end > s0 + 1 && after_quote && is_comma(a, left_end - 2) &&
                         drafts->n > first) ||
                        (by_means && after < stop &&
                         (lemma_is(verb->lemma, "say") || opens_clause(a, after) ||
                          (opens_speech(a, after, false) && !ws_tok_is(a, after, WS_FW_DET)) ||
                          (ws_tok_is(a, after, WS_FW_DET) && ws_np_right(a, after, stop) < stop &&
                           ws_tok_is(a, ws_np_right(a, after, stop), WS_FW_AUX)))))) {
                /* ("began by saying ...": the same, for speech, not "by
                 * supporting the NDP".) */
                /* ", saying ...": the sentence's subject speaks; "By saying
                 * ..., Hale ...": the subject after the phrase. */
                d.in_phrase = by_means && (prep_at == s0 || is_comma(a, prep_at - 1));
                int32_t main_draft = last_main_draft(a, drafts, first);
                if (left_end == s0 || ws_tok_is(a, left_end - 1, WS_FW_SUB) || (by_means && prep_at == s0)) {
                    d.is_deferred = true;
                } else if (main_draft >= 0 && !(phrase_reading(a, drafts->v[main_draft].cue_tok) &&
                                                 !verb_reading(a, drafts->v[main_draft].cue_tok))) {
                    d.src_from_stmt = main_draft;
                } else if (main_subject(a, s0, c, &src_s, &src_e)) {
                    /* (Also after "According to X, he ..., describing":
                     * the phrase's source did not do the describing.) */
                    d.src_start = src_s;
                    d.src_end = src_e;
                }
            } else if (!(c > s0 && ws_tok_is(a, c - 1, WS_FW_AUX)) &&
                       ((after_quote && !relative_clause_before(a, s0, c, &src_s)) ||
                        (after_comma && !(has_left && subject_opens_sentence(a, s0, left_s)))) &&
                       subject_right(a, after, stop, &src_s, &src_e) &&
                       ends_inverted_clause(a, src_e, stop) && !is_bare_singular_noun(a, src_s, src_e)) {
                /* '"...," said Nauert.' : the source follows the cue. */
                d.src_start = src_s;
                d.src_end = src_e;
                d.src_shown_end = description_end(a, src_e, stop);
                content_from = src_e;
                uint32_t to = left_end;
                while (to > s0 && is_end_punct(a, to - 1))
                    to--;
                /* "Above all, argues the study, rents are ...": before the
                 * cue only a circumstance; what was said follows the
                 * source. */
                /* (Also past the source's description: "Not least, said Tom
                 * Hale, a consultant at Kestrel, because ...".) */
                uint32_t past = d.src_shown_end > src_e ? d.src_shown_end : src_e;
                if (after_comma && to > s0 && only_circumstance(a, s0, to) &&
                    past + 1 < stop && is_comma(a, past) && a->tok[past + 1].kind == WS_TOK_WORD &&
                    !ws_tok_is(a, past + 1, WS_FW_CONJ)) {
                    uint32_t cend = content_end(a, past + 1, stop);
                    set_content(a, &d, past + 1, cend);
                    covered_to = cend;
                    goto done;
                }
                /* "Later, Day said the rules hurt" with "Day" read as a
                 * time: a circumstance alone is never what was said, and
                 * the noun after the cue is no source. */
                /* ('But, said Hale, "We will win."': the quotation after
                 * the source is.) */
                if (to > s0 && (only_circumstance(a, s0, to) || only_connective(a, s0, to))) {
                    uint32_t q = past;
                    while (q < stop && a->tok[q].kind == WS_TOK_PUNCT)
                        q++;
                    if (q >= stop || a->tok[q].kind != WS_TOK_QUOTE || !(a->tok[q].flags & WS_TOKF_OPEN) ||
                        !take_quote_at(a, &d, q))
                        continue;
                    covered_to = stop;
                    goto done;
                }
                set_content(a, &d, s0, to);
                /* A quotation after the source too: one statement, two fragments. */
                uint32_t k = content_from;
                while (k < stop && a->tok[k].kind == WS_TOK_PUNCT)
                    k++;
                if (k < stop && a->tok[k].kind == WS_TOK_QUOTE && d.n_frags)
                    take_quote_at(a, &d, k);
                covered_to = stop;
                goto done;
            } else if (is_participle && has_left && is_bare_singular_noun(a, left_s, left_e) &&
                       main_subject(a, s0, left_s, &src_s, &src_e) &&
                       (src_e = without_first_verb(a, src_s, src_e, verb)) > src_s && src_e < left_s) {
                /* "Davies returned home saying ...": a bare noun before the
                 * participle is the verb's object; the subject speaks. */
                d.src_start = src_s;
                d.src_end = src_e;
            } else if (is_participle && sent_writing_before(a, c, s0, stop, &src_s, &src_e, &d.cue_tok)) {
                /* "Hale sent out a tweet saying ...": the sender speaks, and
                 * the sending is part of the cue. */
                d.src_start = src_s;
                d.src_end = src_e;
            } else if (has_left) {
                d.src_start = left_s;
                d.src_end = left_e;
            } else if (after_and && drafts->n > first && drafts->v[drafts->n - 1].heard_end &&
                       a->tok[c].start >= drafts->v[drafts->n - 1].frags[drafts->v[drafts->n - 1].n_frags - 1].end &&
                       !(c >= 2 && ws_tok_ends_with(a, c - 2, "ed", 3))) {
                /* "He was advised to ... and said ...": the listener speaks
                 * (not in "was told the man was arrested and charged"). */
                d.src_start = drafts->v[drafts->n - 1].heard_start;
                d.src_end = drafts->v[drafts->n - 1].heard_end;
            } else if (after_and && drafts->n > first && !shares_main_subject) {
                d.src_from_stmt = (int32_t)drafts->n - 1;
            } else if (after_and && drafts->n > first) {
                /* "When Ruiz announced her run, Hale held a meeting and told
                 * aides ...": the main clause's subject, not the opening
                 * clause's speaker. */
                d.src_start = main_s;
                d.src_end = main_e;
            } else if (after_and && listener_end(a, verb, after, stop) < stop &&
                       main_subject(a, s0, c, &src_s, &src_e) && (src_e = without_first_verb(a, src_s, src_e, verb)) &&
                       (names_speaker(a, src_e - 1) || ws_tok_is_name_word_cap(a, src_e - 1)) &&
                       (opens_speech(a, listener_end(a, verb, after, stop),
                                     listener_end(a, verb, after, stop) > after) ||
                        asks_someone(a, verb, after, stop))) {
                /* "Cruz urged Republicans to vote and said he ...": the
                 * first verb reports nothing, the subject is shared. Only
                 * before a clause of speech, not "and knows how to win". */
                d.src_start = src_s;
                d.src_end = src_e;
            } else if ((lemma_is(verb->lemma, "ask") || lemma_is(verb->lemma, "ask about")) && verb->is_past &&
                       ((left_end > s0 &&
                         ws_tok_word_in(a, left_end - 1, asked_when, sizeof asked_when / sizeof *asked_when)) ||
                        (c == s0 && !has_left))) {
                /* ("Asked about the charges, Rubio said ...": the same.) */
                /* "when asked whether he would run", "when asked by a
                 * reporter about the merger": the question; its asker, where
                 * named, after "by". */
                passive_question = true;
            } else {
                continue; /* no speaker in sight: not an attribution */
            }
            /* What was said: after the cue (and the listener of "told X"). */
            content_from = listener_end(a, verb, after, stop);
            /* "Hale put it plainly: ...", "put it this way: ...": the manner
             * is no part of what was said. */
            if (is_put_it(verb)) {
                while (content_from < stop &&
                       (ws_tok_is(a, content_from, WS_FW_ADV) || ws_tok_is_ly_adverb(a, content_from)))
                    content_from++;
                if (content_from + 1 < stop && ws_tok_word_in(a, content_from, this_or_that, 2) &&
                    ws_tok_word_is(a, content_from + 1, "way"))
                    content_from += 2;
            }
            /* "posted a video on Friday saying ...": the writing and the
             * participle that reports it join the cue, as "issued a
             * statement saying" does. */
            static const char *const publishers[] = {"write", "post", "publish", "release", "tweet",
                                                     "issue", "circulate", "file", "air", "share"};
            if (!verb->is_ing && lemma_in(verb, publishers, sizeof publishers / sizeof *publishers)) {
                uint32_t part = writing_then_participle(a, content_from, stop);
                uint32_t part_end = part != UINT32_MAX ? part + (a->ann[part].cue_len ? a->ann[part].cue_len : 1u) : 0;
                if (part != UINT32_MAX && part_end < stop) {
                    d.cue_end = part_end;
                    content_from = part_end;
                }
            }
            /* "expressed concern that ...", "expressed support for ...":
             * the feeling joins the cue, what it is about is the content. */
            uint32_t feeling_end = expressed_feeling_end(a, verb, content_from, stop);
            if (feeling_end > content_from) {
                d.cue_end = ws_tok_text_is(a, feeling_end - 1, "that") ? feeling_end - 1 : feeling_end;
                content_from = feeling_end;
            }
            /* "issued a statement saying ...": the participle introduces it,
             * and belongs to the cue, as does a day between ("issued a
             * statement Tuesday saying"). */
            if (verb == &phrase_verb && content_from + 1 < stop && ws_tok_is(a, content_from, WS_FW_TIME) &&
                ws_tok_is_cue_verb(a, content_from + 1) && verb_reading(a, content_from + 1)->is_ing)
                content_from++;
            if (verb == &phrase_verb && content_from < stop && ws_tok_is_cue_verb(a, content_from) &&
                verb_reading(a, content_from)->is_ing) {
                content_from++;
                d.cue_end = content_from;
            }
            if (passive_question) {
                if (after + 1 < stop && ws_tok_text_is(a, after, "by")) {
                    uint32_t e = ws_np_right(a, after + 1, stop);
                    if (e <= after + 1)
                        continue;
                    d.src_start = after + 1;
                    d.src_end = e;
                    content_from = e;
                }
                /* "asked about" as one cue: what follows is what was asked. */
                bool about = !lemma_is(verb->lemma, "ask");
                /* "about" is what was asked, not a circumstance to skip. */
                if (!(content_from < stop && ws_tok_text_is(a, content_from, "about")))
                    content_from = skip_circumstances(a, verb, content_from, stop);
                uint32_t e = content_from;
                if (e < stop && ws_tok_text_is(a, e, "about"))
                    e++;
                else if (!about &&
                         (!opens_clause(a, e) || ws_tok_text_is(a, e, "to") || ws_tok_text_is(a, e, "that")))
                    continue;
                /* The question ends at the first comma or dash: "When
                 * asked why, Sembler responded ...". (A period there ends
                 * "Mr.".) */
                while (e < stop && !is_comma(a, e) && !ws_tok_is_dash(a, e) &&
                       !(is_end_punct(a, e) && !ws_tok_text_is(a, e, ".")))
                    e++;
                set_content(a, &d, content_from, e);
                covered_to = e;
                goto done;
            }
            /* "The index added 0.3 per cent", "Carolina added three more
             * goals": a quantity, not words. */
            /* "adding to her lead", "deficits would add up to": no words. */
            if (lemma_is(verb->lemma, "add") && content_from < stop &&
                (a->tok[content_from].kind == WS_TOK_NUMBER || ws_tok_text_is(a, content_from, "$") ||
                 ws_tok_is(a, content_from, WS_FW_NUM) || ws_tok_text_is(a, content_from, "to") ||
                 ws_tok_text_is(a, content_from, "up")))
                continue;
            /* "responded by blocking his access": an act, not words. */
            if (content_from + 1 < stop && ws_tok_text_is(a, content_from, "by") &&
                ws_tok_ends_with(a, content_from + 1, "ing", 5) && !ws_tok_is_cue_verb(a, content_from + 1))
                continue;
            /* "she said nothing", "he would say little": nothing reported,
             * and no content on the left either. */
            if (content_from + 1 < stop && is_end_punct(a, content_from + 1) &&
                ws_tok_word_in(a, content_from, said_nothing, sizeof said_nothing / sizeof *said_nothing))
                continue;
            uint32_t before_circumstances = content_from;
            content_from = skip_circumstances(a, verb, content_from, stop);
            /* "The report was published as Tolvo said prices fell": what
             * was skipped is the subject of the next cue, which reports on
             * its own (with a quotation before, '"We won," Hale said after
             * Ruiz conceded.', that quotation is what was said). */
            if (content_from > before_circumstances && content_from < stop && is_finite_cue(a, content_from) &&
                subordinate_subject_before(a, before_circumstances, content_from) &&
                left_content_end(a, &d, c, s0) == s0)
                continue;
            /* "what officials say is the mayor's birthday", "What he would say is
             * that fines ...": after "what" and its subject, the copula
             * belongs to the sentence, not to what was said. */
            static const char *const copulas[] = {"is", "was", "are", "were"};
            if (content_from + 1 < stop && d.src_start < d.src_end && d.src_start > s0 &&
                ws_tok_word_is(a, d.src_start - 1, "what") &&
                ws_tok_word_in(a, content_from, copulas, sizeof copulas / sizeof *copulas) &&
                !ws_tok_ends_with(a, content_from + 1, "ing", 5)) {
                content_from++;
                if (ws_tok_text_is(a, content_from, "that") && content_from + 1 < stop)
                    content_from++;
            }
            /* "challenges in Syria and ...": after a skipped phrase the
             * content cannot start with a conjunction. */
            /* ('"We won," Ruiz said as Tom and Ana left.': with the
             * quotation before, what follows is no content anyway.) */
            if (content_from > before_circumstances && content_from < stop &&
                ws_tok_is(a, content_from, WS_FW_CONJ)) {
                if (!quotation_before(a, &d, c, s0))
                    continue;
                content_from = before_circumstances;
            }
            /* "cautioned, as did the council itself, that ...": an aside
             * with "as" between commas, then what was said. */
            if (content_from + 2 < stop && is_comma(a, content_from) && ws_tok_word_is(a, content_from + 1, "as"))
                for (uint32_t j = content_from + 2; j + 1 < stop && j < content_from + 14; j++) {
                    if ((is_end_punct(a, j) && !is_comma(a, j)) || a->tok[j].kind == WS_TOK_QUOTE)
                        break;
                    if (is_comma(a, j) && ws_tok_text_is(a, j + 1, "that")) {
                        content_from = j + 1;
                        break;
                    }
                }
            /* "told a town hall in Salem, Oregon on Monday that ...":
             * what the circumstances left, up to "that" after a comma or a
             * time word. */
            for (uint32_t j = content_from, comma = 0; j < stop && j - content_from < 8; j++) {
                if ((is_end_punct(a, j) && !is_comma(a, j)) || a->tok[j].kind == WS_TOK_QUOTE ||
                    ws_tok_is(a, j, WS_FW_AUX | WS_FW_VERB) || (j > content_from && ws_tok_is_cue_verb(a, j)))
                    break;
                /* The comma right after the cue only right before "that"
                 * ("so bad, Mr. Obama noted, that ..."): "he said, the
                 * machine changed that perception" is a parenthetical's. */
                comma |= is_comma(a, j) && (j > content_from || (j + 1 < stop && ws_tok_text_is(a, j + 1, "that")));
                if (j > content_from && ws_tok_text_is(a, j, "that") &&
                    (comma || ws_tok_is(a, j - 1, WS_FW_TIME))) {
                    content_from = j;
                    break;
                }
            }
            /* 'what he called "the worst week"': the quotation is
             * the name given, and all that was said. */
            if (d.src_end > d.src_start && d.src_start > s0 && ws_tok_word_is(a, d.src_start - 1, "what") &&
                names_by_quote(a, c) && content_from < stop && a->tok[content_from].kind == WS_TOK_QUOTE &&
                (a->tok[content_from].flags & WS_TOKF_OPEN) && take_quote_at(a, &d, content_from))
                goto done;
            uint32_t cend = content_end(a, content_from, stop);
            cend = second_participle(a, content_from, cend, verb->is_ing);
            /* "Hale, aside from saying he was tired, gave no reasons". */
            for (uint32_t j = content_from + 1; d.in_phrase && j < cend; j++)
                if (is_comma(a, j) && a->tok[j].quote_depth == 0) {
                    cend = j;
                    break;
                }
            cend = opening_clause_end(a, s0, c, content_from, cend);
            /* "costs are lower than Kestrel says they are could make ...":
             * after "than", what was said is the elliptic clause alone. */
            if (d.src_end > d.src_start && d.src_start > s0 && ws_tok_word_is(a, d.src_start - 1, "than") &&
                content_from + 1 < cend && is_subject_pronoun(a, content_from) &&
                ws_tok_is(a, content_from + 1, WS_FW_AUX)) {
                /* ("they would not have": a modal's chain; then only a mark
                 * or another verb, "they are could make" - "than half said
                 * they had doubts" is a whole clause.) */
                static const char *const chain[] = {"not", "n't", "have", "be", "been"};
                uint32_t e = content_from + 2;
                while (e < cend && ws_tok_word_in(a, e, chain, sizeof chain / sizeof *chain))
                    e++;
                if (e >= cend || is_end_punct(a, e) || ws_tok_is(a, e, WS_FW_AUX))
                    cend = e;
            }
            /* "Okafor, who insists he is calm, said: ...": a relative clause
             * set off by commas ends at its closing comma, before the main
             * clause's verb or auxiliary ("Ruiz, who has denied the
             * charges, will appear ..."). */
            bool in_relative = (d.src_end == d.src_start + 1 && d.src_start > s0 && is_comma(a, d.src_start - 1) &&
                                (ws_tok_text_is(a, d.src_start, "who") || ws_tok_text_is(a, d.src_start, "which"))) ||
                               (d.src_end + 1 < c && is_comma(a, d.src_end) &&
                                (ws_tok_text_is(a, d.src_end + 1, "who") || ws_tok_text_is(a, d.src_end + 1, "which")));
            /* "Officials who saw the report said the talks failed": a
             * clause with "who" inside the subject ends before the
             * sentence's own verb of saying. */
            if (follows_who(a, d.cue_tok) && d.cue_tok > s0 + 1 && !is_comma(a, d.cue_tok - 2))
                for (uint32_t j = content_from; j < cend; j++) {
                    const ws_cue_info *main_verb = ws_tok_is_cue_verb(a, j) ? verb_reading(a, j) : NULL;
                    bool base = main_verb && main_verb->is_base && !main_verb->is_past && !main_verb->is_ing;
                    if ((base || is_finite_cue(a, j)) && a->tok[j].quote_depth == 0 &&
                        relative_subject(a, j - 1, s0, &src_s, &src_e)) {
                        cend = j;
                        break;
                    }
                }
            for (uint32_t j = content_from; in_relative && j < cend; j++) {
                /* (The comma may close a quotation: 'Humphrey, who calls
                 * Ruiz a "liar," said ...'.) */
                bool closes =
                    j + 1 < cend && a->tok[j + 1].kind == WS_TOK_QUOTE && (a->tok[j + 1].flags & WS_TOKF_CLOSE);
                uint32_t next = closes ? j + 2 : j + 1;
                /* ("The critics, who say he should quit, met on Monday":
                 * a verb in the past, not a participle of its own phrase,
                 * "revised in May".) */
                /* (Nor a list of verbs, "cut, delayed and cancelled
                 * routes", nor a participle set off by commas, "the
                 * bridge, built in 1920, is unsafe".) */
                bool past = next < cend && is_plain_lower(a, next) &&
                            (ws_tok_word_in(a, next, irregular_past, N_IRREGULAR_PAST) ||
                             ws_tok_ends_with(a, next, "ed", 4));
                if (past && next + 1 < cend && (ws_tok_word_is(a, next + 1, "and") || ws_tok_word_is(a, next + 1, "or")))
                    past = false; /* a list of verbs */
                for (uint32_t f = next + 1; past && f + 1 < cend && f < next + 7; f++) {
                    if (is_end_punct(a, f) && !is_comma(a, f))
                        break;
                    /* A participle set off: a verb of the clause follows
                     * its closing comma ("the bridge, built in 1920, is"). */
                    if (is_comma(a, f)) {
                        past = !(ws_tok_is(a, f + 1, WS_FW_AUX) || is_finite_cue(a, f + 1));
                        break;
                    }
                }
                if (is_comma(a, j) && (a->tok[j].quote_depth == 0 || closes) && next < cend &&
                    (is_finite_cue(a, next) || past || (ws_tok_is(a, next, WS_FW_AUX) && a->ann[next].pronoun < 0))) {
                    cend = closes ? next : j;
                    break;
                }
            }
            uint32_t k = content_from;
            while (k < cend && (is_end_punct(a, k) || is_complementizer(a, k)))
                k++;
            /* "people who fear losing ...", "the voters who agreed.": what
             * stands before "who" is its antecedent, never what was said. */
            bool after_who = follows_who(a, d.cue_tok);
            uint32_t colon;
            /* Where content on the left of the cue would end. */
            const uint32_t left_to = left_content_end(a, &d, c, s0);
            if (k >= cend && ends_with_colon(a, stop, &colon)) {
                /* "Nauert said:" then the quotation in the next sentence. */
                uint32_t q = stop;
                while (q < a->doc->tokens.n && a->tok[q].kind == WS_TOK_PUNCT)
                    q++;
                if (!take_quote_at(a, &d, q))
                    take_paragraph_after(a, &d, s);
            } else if (k >= cend) {
                /* Nothing after the cue: the content is before the source
                 * ('"A," she said.', 'CLAUSE, the ministry said.'); a source
                 * that opens the sentence leaves none ("Story continues
                 * below"). */
                /* "... - but they could not agree.": a clause joined by a
                 * conjunction reports nothing that comes before it. */
                if (d.src_end > d.src_start && d.src_start > s0 && ws_tok_is(a, d.src_start - 1, WS_FW_CONJ) &&
                    !is_comma(a, d.src_start - 1))
                    continue;
                /* "... backed off in the face of loud street protests.",
                 * "appeared on TV chat shows.": a word in -s that ends the sentence
                 * after a phrase that a preposition of place or time takes,
                 * after a verb or an adverb, is that phrase's plural noun
                 * ("the pitch on Kestrel says.", "one of the agencies
                 * says." speak). */
                static const char *const placing_preps[] = {"in", "on", "over", "under", "amid", "into", "through",
                                                            "during", "across", "around", "despite", "against",
                                                            "below", "above", "beyond", "behind", "among"};
                static const char *const particles[] = {"down", "up", "out", "off", "back", "away"};
                uint32_t pb = d.src_start >= s0 + 2 ? d.src_start - 2 : UINT32_MAX;
                if (pb != UINT32_MAX && d.src_end > d.src_start &&
                    ws_tok_word_in(a, d.src_start - 1, placing_preps, sizeof placing_preps / sizeof *placing_preps) &&
                    verb->is_s && c + 1 < a->doc->tokens.n && is_end_punct(a, c + 1) && !is_comma(a, c + 1) &&
                    (ws_tok_is(a, pb, WS_FW_ADV | WS_FW_AUX | WS_FW_VERB | WS_FW_NUM) || ws_tok_is_ly_adverb(a, pb) ||
                     ws_tok_word_in(a, pb, particles, sizeof particles / sizeof *particles) ||
                     (is_plain_lower(a, pb) && ws_tok_ends_with(a, pb, "ed", 4)) || a->tok[pb].kind == WS_TOK_NUMBER))
                    continue;
                /* "a role in which she advises the president.", "the pride
                 * that many feel for Obama.": a relative or subordinate
                 * clause reports nothing of the words before it. */
                static const char *const subordinators[] = {"which", "who", "whom", "that", "because", "while",
                                                            "when", "if", "although", "where"};
                if (d.src_end > d.src_start && d.src_start > s0 &&
                    (ws_tok_word_in(a, d.src_start - 1, subordinators, sizeof subordinators / sizeof *subordinators) ||
                     (d.src_end == d.src_start + 1 &&
                      ws_tok_word_in(a, d.src_start, subordinators, sizeof subordinators / sizeof *subordinators))))
                    continue;
                /* "That's what the campaign hopes", "on what the ministry
                 * told the media": "what" is all that was said, not the
                 * writer's words before it. */
                /* ('"We will win," is what Hale told reporters': the
                 * quotation right before is.) */
                bool quoted_before = false;
                for (uint32_t j = d.src_start; j > s0 + 1 && j + 4 > d.src_start && !quoted_before; j--)
                    quoted_before = a->tok[j - 2].kind == WS_TOK_QUOTE && (a->tok[j - 2].flags & WS_TOKF_CLOSE);
                if (d.src_end > d.src_start && d.src_start > s0 && ws_tok_word_is(a, d.src_start - 1, "what") &&
                    a->tok[d.src_start - 1].quote_depth == 0 && !quoted_before) {
                    set_content(a, &d, d.src_start - 1, d.src_start);
                    goto done;
                }
                uint32_t q = left_to == s0 ? quotation_sentence_before(a, s) : UINT32_MAX;
                /* '"We will not survive the year." Continental said in
                 * its filing.': the quotation is the sentence before. */
                uint32_t open = quotation_after_clause(a, left_to, s0);
                if (open != UINT32_MAX)
                    q = open;
                if (q == UINT32_MAX || !take_quote_at(a, &d, q)) {
                    if (only_circumstance(a, s0, left_to) || after_who)
                        continue; /* "Last year, Scott said." */
                    set_content(a, &d, s0, left_to);
                }
            } else if (k < cend && after_who && content_is_left(a, content_from, k)) {
                /* "too high for people who complain, Hale said": nothing
                 * follows the clause's verb, and the words before "who"
                 * are the other cue's. */
                continue;
            } else if (k < cend && left_to > s0 && content_is_left(a, content_from, k)) {
                /* '..., he said, but ...', '"...," she said while sitting':
                 * what follows is not what was said. With nothing before the
                 * speaker ("Carey said while many ...") it is, after all.
                 * A parenthetical cue splits one content in two: "The
                 * museum, she said, would open in May." The writer's
                 * connective before a parenthetical cue is a circumstance
                 * too ("Of course, Hale said, the ferry is late"; alone,
                 * "Of course, Hale said." answers a question). */
                if (only_circumstance(a, s0, left_to) || only_connective(a, s0, left_to)) {
                    /* "After all, she argued, Obama got ...": what follows the
                     * parenthetical cue is what was said. */
                    if (!is_parenthetical(a, &d, c, content_from, k))
                        continue; /* "A few days before, Hale was speaking ... when" */
                    set_content(a, &d, k, cend);
                    covered_to = cend < stop ? cend : stop;
                    goto done;
                }
                uint32_t open = quotation_after_clause(a, left_to, s0);
                if (open == UINT32_MAX || !take_quote_at(a, &d, open))
                    set_content(a, &d, s0, left_to);
                /* '"A," Hale said, but "B."': a quotation after "but" or
                 * "and" with no cue of its own goes on with the first. */
                uint32_t q = k;
                while (q < cend && is_comma(a, q))
                    q++;
                if (d.n_frags && d.quote >= 0 && q + 1 < cend &&
                    (ws_tok_word_is(a, q, "but") || ws_tok_word_is(a, q, "and")) &&
                    a->tok[q + 1].kind == WS_TOK_QUOTE && (a->tok[q + 1].flags & WS_TOKF_OPEN) &&
                    !quotation_has_own_cue(a, q + 1, stop) && take_quote_at(a, &d, q + 1)) {
                    covered_to = cend < stop ? cend : stop;
                    goto done;
                }
                /* "The fees are high, Hale said, because the state pays
                 * less": the reason goes on with what was said (both corpora
                 * mostly mark it so; not "but", "while" or "including"). */
                uint32_t qend = q < cend ? content_end(a, q, stop) : q;
                bool own_cue = false;
                for (uint32_t j = q + 1; j < qend && !own_cue; j++)
                    own_cue = is_finite_cue(a, j);
                if (d.n_frags && q + 1 < cend && q > c && is_comma(a, q - 1) && is_finite_cue(a, c) && !own_cue &&
                    ws_tok_word_is(a, q, "because")) {
                    set_content(a, &d, q, qend);
                    covered_to = qend < stop ? qend : stop;
                    goto done;
                }
                if (d.n_frags && is_parenthetical(a, &d, c, content_from, k)) {
                    set_content(a, &d, k, cend);
                    covered_to = cend < stop ? cend : stop;
                }
            } else {
                /* "joked when asked the question, “It was ...”":
                 * a quotation closing the sentence after a comma or colon
                 * is the content. */
                /* Not after "that": 'said that once X, "..."' is one clause. */
                uint32_t qstart = ws_tok_text_is(a, content_from, "that") ? cend
                                                                          : trailing_quote(a, content_from, cend);
                /* A preposition right after the cue ("spoke with") leaves
                 * no content; not after "that", nor before a number
                 * ("says about 550 students attend"). */
                bool bad_right = (k == content_from && ws_tok_is(a, k, WS_FW_PREP) &&
                                  !ws_tok_text_is(a, k, "that") &&
                                  !(k + 1 < cend && (a->tok[k + 1].kind == WS_TOK_NUMBER ||
                                                     ws_tok_is(a, k + 1, WS_FW_NUM) ||
                                                     ws_tok_text_is(a, k + 1, "half"))) &&
                                  !(takes_infinitive(verb) && is_infinitive(a, k, cend)) &&
                                  !agreed_to_phrase(a, verb, k, cend) &&
                                  !introductory_phrase(a, k, cend)) ||
                                 added_thing(a, verb, content_from, cend) ||
                                 (verb->needs_clause &&
                                  ((!opens_clause(a, content_from) && !subject_and_verb(a, content_from, cend) &&
                                    !evidence_participle(a, verb, content_from, cend)) ||
                                   wh_infinitive(a, content_from)) &&
                                  !quotation_follows(a, content_from, cend)) ||
                                 (quotation_before(a, &d, c, s0) &&
                                  (!opens_clause(a, content_from) ||
                                   (content_from > before_circumstances &&
                                    !ws_tok_is(a, content_from - 1, WS_FW_TIME))));
                /* 'X wrote: "A.' with the quotation running on into the
                 * next paragraph ("A. / "B."): the quotation is the content. */
                uint32_t open = k;
                while (open < cend && (is_comma(a, open) || ws_tok_text_is(a, open, ":")))
                    open++;
                const ws_quote *runs_on = open < cend && a->tok[open].kind == WS_TOK_QUOTE &&
                                                  (a->tok[open].flags & WS_TOKF_OPEN)
                                              ? &a->doc->quotes.v[a->tok[open].quote]
                                              : NULL;
                if (runs_on && runs_on->n_frags > 1 && runs_on->close.start >= a->tok[stop - 1].end &&
                    take_quote_at(a, &d, open)) {
                    /* the whole quotation is taken */
                } else if (qstart < cend) {
                    set_content(a, &d, qstart, cend);
                } else if (bad_right) {
                    /* "spoke with", "plans a summit": no content after the
                     * cue; '"...," she recalled of that day' has it before. */
                    if (left_to == s0 || a->tok[left_to - 1].kind != WS_TOK_QUOTE)
                        continue;
                    set_content(a, &d, s0, left_to);
                } else {
                    set_content(a, &d, content_from, cend);
                }
                covered_to = cend < stop ? cend : stop;
            }
            /* Split quotation: '"A," she said, "B."', also with a clause
             * between: '"A," Tester said, referring to X, "B."' */
            if (d.n_frags && d.frags[0].end <= a->tok[c].start) {
                uint32_t q = listener_end(a, verb, after, stop); /* '"A," she told Hewitt, "B."' */
                /* '"A," she said on Wednesday, "B."': a time or place first. */
                uint32_t circ = skip_circumstances(a, verb, q, stop);
                /* (A place's state: "in Dover, Del., "B."".) */
                if (circ > q && circ + 2 < stop && is_comma(a, circ) && ws_tok_is_name_word(a, circ + 1)) {
                    uint32_t st = circ + 2;
                    while (st < stop && st < circ + 4 && ws_tok_text_is(a, st, "."))
                        st++;
                    if (st < stop && is_comma(a, st))
                        circ = st;
                }
                if (circ > q && circ + 1 < stop && is_comma(a, circ) && a->tok[circ + 1].kind == WS_TOK_QUOTE &&
                    (a->tok[circ + 1].flags & WS_TOKF_OPEN))
                    q = circ + 1;
                while (q < stop && (a->tok[q].kind == WS_TOK_PUNCT))
                    q++;
                /* Not across a participle of speech: '"A," Trump said, adding
                 * later, "B."' has two statements. Commas of a place may
                 * stand in the clause: 'during a rally in Kenansville, N.C.,'. */
                if (q < stop && a->tok[q].kind != WS_TOK_QUOTE && after < stop && is_comma(a, after) &&
                    !(ws_tok_is_cue_verb(a, q) && verb_reading(a, q)->is_ing)) {
                    uint32_t e = q;
                    while (e < stop && e - q < 16 && a->tok[e].kind != WS_TOK_QUOTE &&
                           !(is_comma(a, e) && e + 1 < stop && a->tok[e + 1].kind == WS_TOK_QUOTE))
                        e++;
                    if (e + 1 < stop && is_comma(a, e) && a->tok[e + 1].kind == WS_TOK_QUOTE)
                        q = e + 1;
                }
                if (q < stop && a->tok[q].kind == WS_TOK_QUOTE && take_quote_at(a, &d, q)) {
                    const ws_quote *qq = &a->doc->quotes.v[a->tok[q].quote];
                    covered_to = ws_doc_token_at(a->doc, qq->close.end);
                }
            } else if (d.n_frags && d.quote >= 0 && d.frags[0].start > a->tok[c].start) {
                /* The quotation after the cue may continue one before the
                 * speaker: '"A," Tester said, "B."' */
                uint32_t left = d.src_start < d.src_end && d.src_start < c ? d.src_start : c;
                while (left > s0 && a->tok[left - 1].kind == WS_TOK_PUNCT)
                    left--;
                if (left > s0 && a->tok[left - 1].kind == WS_TOK_QUOTE &&
                    (a->tok[left - 1].flags & WS_TOKF_CLOSE)) {
                    draft two = d;
                    two.n_frags = 0;
                    two.quote = -1;
                    const ws_quote *lq = &a->doc->quotes.v[a->tok[left - 1].quote];
                    uint32_t open = ws_doc_token_at(a->doc, lq->open.start);
                    if (lq->parent < 0 && lq->statement < 0 && take_quote_at(a, &two, open)) {
                        for (uint32_t f = 0; f < d.n_frags && two.n_frags < MAX_FRAGS; f++)
                            two.frags[two.n_frags++] = d.frags[f];
                        d = two;
                    }
                }
            }
        }
    done:
        if (d.n_frags == 0)
            continue;
        /* The words of the cue are read once: "saying" of "was quoted as
         * saying" is no second cue. */
        if (covered_to < d.cue_end)
            covered_to = d.cue_end;
        settle_source(a, &d, verb, stop);
        if (WS_ARRAY_GROW(&a->r->mem, *drafts) < 0)
            return WS_ENOMEM;
        drafts->v[drafts->n++] = d;
    }
    /* Deferred participles ("While stressing that ..., the ministry said")
     * take the source of the next statement of the sentence. */
    for (size_t i = first; i < drafts->n; i++) {
        draft *d = &drafts->v[i];
        if (!d->is_deferred)
            continue;
        for (size_t j = i + 1; j < drafts->n; j++)
            if (drafts->v[j].src_end > drafts->v[j].src_start) {
                d->src_from_stmt = (int32_t)j;
                break;
            }
        /* '"...," Ruiz told the House before slamming ...': the speaker
         * of the statement before, in a participle after it. */
        for (size_t j = i; d->src_from_stmt < 0 && !d->in_phrase && j-- > first;)
            if (drafts->v[j].src_end > drafts->v[j].src_start && drafts->v[j].cue_tok < d->cue_tok) {
                d->src_from_stmt = (int32_t)j;
                break;
            }
        /* "Protesters marched while chanting, ...": the sentence's subject. */
        uint32_t ms, me;
        /* (Not "Apart" of "Apart from saying ..., Hale ...".) */
        if (d->src_from_stmt < 0 && !d->in_phrase && main_subject(a, s0, d->cue_tok, &ms, &me) &&
            me < d->cue_tok && names_speaker(a, me - 1)) {
            d->src_start = ms;
            d->src_end = me;
        } else if (d->src_from_stmt < 0 && subject_after_phrase(a, s0, d->cue_tok, stop, &ms, &me) &&
                   names_speaker(a, me - 1) &&
                   d->frags[d->n_frags - 1].start < phrase_end_before(a, ms) &&
                   opens_speech(a, ws_doc_token_at(a->doc, d->frags[0].start), false)) {
            /* "After saying he was nervous, the man asked ...": the
             * subject after the opening phrase, where what was said ends. */
            d->src_start = ms;
            d->src_end = me;
            ws_range *last = &d->frags[d->n_frags - 1];
            if (last->end > a->tok[ms].start)
                last->end = phrase_end_before(a, ms);
        } else if (d->src_from_stmt < 0) {
            d->n_frags = 0;
        }
    }
    int rc = emit(a, drafts, first);
    drafts->n = first;
    return rc;
}

/*
 * A quotation that is a paragraph of its own, short and with nothing else
 * in it, is a subheading ("'Just listen to us'"), not a statement; so is a
 * "READ MORE:" or "WATCH:" line.
 */
static bool is_subheading(const ws_attr *a, const ws_quote *q)
{
    const ws_doc *doc = a->doc;
    int32_t b = ws_doc_block_at(doc, q->open.start);
    if (b < 0)
        return false;
    const ws_block *blk = &doc->blocks.v[b];
    uint32_t t = ws_doc_token_at(doc, blk->start);
    if (t < doc->tokens.n && (doc->tokens.v[t].flags & WS_TOKF_ALLCAPS)) {
        uint32_t k = t;
        while (k < doc->tokens.n && (doc->tokens.v[k].flags & WS_TOKF_ALLCAPS))
            k++;
        if (k < doc->tokens.n && ws_tok_text_is(a, k, ":"))
            return true;
    }
    if (blk->kind == WS_BLOCK_HEADING)
        return true;
    bool alone = q->open.start == blk->start &&
                 (q->close.end == blk->end ||
                  (q->close.end + 1 == blk->end && doc->text[q->close.end] == '.'));
    if (!alone || q->n_words > 12 || q->n_frags != 1)
        return false;
    /* A spoken sentence ends inside its marks; a subheading does not, or
     * stands in single marks. */
    char last = q->close.start > q->open.end ? doc->text[q->close.start - 1] : 0;
    return (q->flags & WS_QUOTE_SINGLE) || !(last == '.' || last == '!' || last == '?' || last == ',');
}

/* Are most words of block @b inside quotation marks? */
static bool is_mostly_quoted(const ws_doc *doc, uint32_t b)
{
    if (b >= doc->blocks.n)
        return false;
    uint32_t t = ws_doc_token_at(doc, doc->blocks.v[b].start);
    uint32_t words = 0, quoted = 0;
    for (; t < doc->tokens.n && doc->tokens.v[t].start < doc->blocks.v[b].end; t++) {
        if (doc->tokens.v[t].kind != WS_TOK_WORD)
            continue;
        words++;
        quoted += doc->tokens.v[t].quote_depth > 0;
    }
    return quoted * 2 > words;
}

/*
 * Quotations no cue governs. A quotation that makes a sentence of its own
 * (or most of one) continues the latest speaker; a short one inside the
 * writer's sentence is a term or a scare quote; a title is a title.
 */
static int attribute_floating(ws_attr *a)
{
    ws_doc *doc = a->doc;
    ws_report *r = a->r;
    int32_t last_speaker = -1;
    uint32_t last_block = 0;
    size_t next_stmt = 0;
    /* Statements of cues, in document order; the floating ones this loop
     * appends update the latest speaker themselves. */
    const size_t n_cue_stmts = r->stmts.n;
    uint32_t counted_sentence = UINT32_MAX, outside = 0;
    for (size_t qi = 0; qi < doc->quotes.n; qi++) {
        ws_quote *q = &doc->quotes.v[qi];
        /* The latest speaker among the statements before this quotation. */
        while (next_stmt < n_cue_stmts && r->stmt_frags.v[r->stmts.v[next_stmt].frag_first].start <
                                             q->open.start) {
            if (r->stmts.v[next_stmt].speaker >= 0) {
                last_speaker = r->stmts.v[next_stmt].speaker;
                last_block = (uint32_t)ws_doc_block_at(doc, r->stmt_frags.v[r->stmts.v[next_stmt].frag_first].start);
            }
            next_stmt++;
        }
        if (q->parent >= 0 || q->statement >= 0 || q->n_frags == 0 || (q->flags & WS_QUOTE_TITLE))
            continue;
        uint32_t first_tok = ws_doc_token_at(doc, q->open.start);
        if (first_tok >= doc->tokens.n)
            continue;
        /* Does the quotation make up its sentence (floating) or sit inside
         * one? Count the writer's words of the sentence, once per sentence. */
        uint32_t s = doc->tokens.v[first_tok].sentence;
        if (s != counted_sentence) {
            const ws_sentence *sent = &doc->sentences.v[s];
            outside = 0;
            for (uint32_t t = sent->tok_start; t < sent->tok_end; t++)
                outside += doc->tokens.v[t].quote_depth == 0 && doc->tokens.v[t].kind == WS_TOK_WORD;
            counted_sentence = s;
        }
        bool is_sentence = outside <= 2 && !(q->flags & WS_QUOTE_SHORT);
        /* 'Then, after a pause: "A few beers."': a quotation after a
         * colon that ends the writer's words, in the paragraph of a
         * speaker, stands as the sentence ("The sign on the door: "..."",
         * with no one speaking, stays a quotation). */
        if (!is_sentence && !(q->flags & WS_QUOTE_SHORT) && first_tok > 0 && ws_tok_text_is(a, first_tok - 1, ":") &&
            last_speaker >= 0 && ws_doc_block_at(doc, q->open.start) == (int32_t)last_block) {
            const ws_sentence *sent = &doc->sentences.v[s];
            uint32_t close_tok = ws_doc_token_at(doc, q->close.start);
            uint32_t rest = close_tok + 1;
            while (rest < sent->tok_end && doc->tokens.v[rest].kind == WS_TOK_PUNCT)
                rest++;
            is_sentence = close_tok < doc->tokens.n && rest >= sent->tok_end;
        }
        /* Quoted words woven into the writer's sentence with no cue are
         * not a statement of anyone's: the quotation stays a quotation
         * (and the unattributed check looks at it). */
        if (!is_sentence && !(q->flags & WS_QUOTE_BLOCK))
            continue;
        if (is_subheading(a, q))
            continue;
        ws_stmt st;
        memset(&st, 0, sizeof st);
        st.speaker = -1;
        st.quotation = (int32_t)qi;
        st.kind = is_sentence || (q->flags & WS_QUOTE_BLOCK) ? WS_STATEMENT_DIRECT : WS_STATEMENT_PARTIAL;
        int32_t block = ws_doc_block_at(doc, q->open.start);
        /* The convention holds for the paragraphs right after a speaker,
         * over a paragraph of more quotation but not over narration. */
        if (last_speaker >= 0 && block >= 0 && (uint32_t)block <= last_block + 2 &&
            ((uint32_t)block <= last_block + 1 || is_mostly_quoted(doc, last_block + 1)))
            st.speaker = last_speaker;
        /* A dash after the quotation names its speaker: '"..." — Jane Doe'. */
        uint32_t after = ws_doc_token_at(doc, q->close.end);
        if (after < doc->tokens.n && ws_tok_is_dash(a, after)) {
            uint32_t e = ws_np_right(a, after + 1, doc->tokens.n);
            if (e > after + 1 && (e >= doc->tokens.n || doc->tokens.v[e].sentence != doc->tokens.v[after].sentence ||
                                  is_end_punct(a, e))) {
                st.has_cue = true;
                st.cue = (ws_range){doc->tokens.v[after].start, doc->tokens.v[after].end};
                st.cue_group = st.cue;
                st.has_source = true;
                st.source = (ws_range){doc->tokens.v[after + 1].start, doc->tokens.v[e - 1].end};
                int32_t m = ws_mention_for(a, after + 1, e, true);
                if (m < -1)
                    return WS_ENOMEM;
                st.speaker = m >= 0 ? r->ments.v[m].entity : -1;
            }
        }
        int idx = ws_report_add_stmt(r, &st, doc->quote_frags.v + q->frag_first, q->n_frags);
        if (idx < 0)
            return idx;
        q->statement = idx;
        if (ws_entity_count(a, st.speaker, st.kind, first_tok) < 0)
            return WS_ENOMEM;
        if (st.speaker >= 0) {
            last_speaker = st.speaker;
            last_block = block >= 0 ? (uint32_t)block : last_block;
        }
    }
    return WS_OK;
}

typedef struct stmt_order {
    uint32_t start;
    uint32_t index;
} stmt_order;

static int cmp_order(const void *x, const void *y, void *ud)
{
    (void)ud;
    const stmt_order *a = x, *b = y;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Statements in document order (floating ones were added last); the
 * quotations' statement indexes follow. */
static int sort_statements(ws_report *r)
{
    size_t n = r->stmts.n;
    /* Mostly they are in order already (a sentence's statements are made
     * in order, and the sort is stable): then nothing moves. */
    size_t in_order = 1; /* statements [0, in_order) are in order */
    while (in_order < n && r->stmt_frags.v[r->stmts.v[in_order - 1].frag_first].start <=
                               r->stmt_frags.v[r->stmts.v[in_order].frag_first].start)
        in_order++;
    if (in_order >= n)
        return WS_OK;
    stmt_order *order = ws_calloc(&r->mem, n, sizeof *order);
    int32_t *new_index = ws_calloc(&r->mem, n, sizeof *new_index);
    ws_stmt *sorted = ws_calloc(&r->mem, n, sizeof *sorted);
    int rc = WS_OK;
    if (!order || !new_index || !sorted) {
        rc = WS_ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = (stmt_order){r->stmt_frags.v[r->stmts.v[i].frag_first].start, (uint32_t)i};
    WS_TRY(ws_sort(order, n, sizeof *order, cmp_order, NULL, &r->mem));
    for (size_t i = 0; i < n; i++) {
        sorted[i] = r->stmts.v[order[i].index];
        new_index[order[i].index] = (int32_t)i;
    }
    memcpy(r->stmts.v, sorted, n * sizeof *sorted);
    for (size_t q = 0; q < r->doc.quotes.n; q++)
        if (r->doc.quotes.v[q].statement >= 0)
            r->doc.quotes.v[q].statement = new_index[r->doc.quotes.v[q].statement];
out:
    ws_free(&r->mem, order);
    ws_free(&r->mem, new_index);
    ws_free(&r->mem, sorted);
    return rc;
}

int ws_pass_statements(ws_report *r)
{
    ws_attr a;
    memset(&a, 0, sizeof a);
    a.r = r;
    a.doc = &r->doc;
    a.rs = &r->ctx->rules;
    a.tok = r->doc.tokens.v;
    ws_np_answer np_left_last = {0, 0, 0};
    a.np_left_last = &np_left_last;
    draft_list drafts;
    memset(&drafts, 0, sizeof drafts);
    r->trigger_toks = ws_alloc(&r->mem, (r->doc.tokens.n ? r->doc.tokens.n : 1) * sizeof *r->trigger_toks);
    if (!r->trigger_toks)
        return WS_ENOMEM;
    a.cue_toks = ws_alloc(&r->mem, (r->doc.tokens.n ? r->doc.tokens.n : 1) * sizeof *a.cue_toks);
    if (!a.cue_toks)
        return WS_ENOMEM;
    int rc = ws_annotate(a.doc, a.rs, &r->mem, &a.ann, a.cue_toks, &a.n_cue_toks, r->trigger_toks,
                         &r->n_trigger_toks);
    if (rc < 0)
        goto out;
    /* (Every byte 0xff: every element -1.) */
    a.ment_at = ws_alloc(&r->mem, (r->doc.tokens.n ? r->doc.tokens.n : 1) * sizeof *a.ment_at);
    if (!a.ment_at) {
        rc = WS_ENOMEM;
        goto out;
    }
    memset(a.ment_at, 0xff, r->doc.tokens.n * sizeof *a.ment_at);
    a.memo = ws_calloc(&r->mem, r->doc.tokens.n ? r->doc.tokens.n : 1, 1);
    if (!a.memo) {
        rc = WS_ENOMEM;
        goto out;
    }
    WS_TRY(find_top_quotes(&a));
    WS_TRY(ws_mentions_begin(&a));
    int32_t labelled_block = -1; /* a speaker label claimed this paragraph */
    for (uint32_t s = 0; s < r->doc.sentences.n; s++) {
        a.sent = s;
        WS_TRY(ws_mentions_in_sentence(&a, s));
        if ((int32_t)r->doc.sentences.v[s].block == labelled_block)
            continue;
        if (is_link_line(&a, s)) {
            labelled_block = (int32_t)r->doc.sentences.v[s].block;
            continue;
        }
        WS_TRY(attribute_sentence(&a, s, &drafts, &labelled_block));
    }
    /* Floating quotations look back at the statements before them: those
     * must be in document order (a cue's statements come in cue order). */
    WS_TRY(sort_statements(r));
    WS_TRY(attribute_floating(&a));
    WS_TRY(sort_statements(r));
out:
    ws_mentions_end(&a);
    ws_free(&r->mem, drafts.v);
    ws_free(&r->mem, a.ann);
    ws_free(&r->mem, a.ment_at);
    ws_free(&r->mem, a.memo);
    ws_free(&r->mem, a.cue_toks);
    ws_free(&r->mem, a.top_quote);
    return rc;
}
