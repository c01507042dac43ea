/*
 * np.c - noun phrase boundaries from token classes. A speaker's noun phrase
 * is made of determiners, numbers, modifiers, names and nouns, with "of" and
 * a few prepositions inside ("a spokeswoman for the ministry") and
 * coordinated names ("the United States, France and Britain"); it stops at
 * verbs, subordinators, other prepositions and punctuation.
 */
#include <string.h>
#include <strings.h>

#include "detect/attr.h"
#include "text/utf8.h"

static bool title_case_verb(const ws_attr *a, uint32_t i);

/* "On Thursday Kestrel said": a day or month after the preposition that
 * dates something is neither part of the name after it nor of a noun
 * phrase. */
static bool is_time_after_dating_word(const ws_attr *a, uint32_t i)
{
    static const char *const dating[] = {"on", "in", "since", "until", "last", "next", "this", "early", "late"};
    /* (Not in a paper's title: "The Mail on Sunday survey", "the
     * Observer on Sunday's editor".) */
    return i > 0 && ws_tok_word_in(a, i - 1, dating, sizeof dating / sizeof *dating) &&
           !(i >= 2 && ws_tok_text_is(a, i - 1, "on") && (a->tok[i - 2].flags & WS_TOKF_CAP) &&
             !(a->tok[i - 2].flags & WS_TOKF_SENT_START)) &&
           !(i + 1 < a->doc->tokens.n && ws_tok_is_possessive(a, i + 1));
}

/* (Most tokens are no word of time: asked before any call.) */
static inline bool is_dating_time(const ws_attr *a, uint32_t i)
{
    return (a->ann[i].fw & WS_FW_TIME) && is_time_after_dating_word(a, i);
}

bool ws_tok_is_name_word_cap(const ws_attr *a, uint32_t i)
{
    const ws_token *t = &a->tok[i];
    /* "Lindsey Graham Says": a headline's verb ends the name. */
    if (a->ann[i].cue >= 0 && !(t->flags & WS_TOKF_SENT_START) && title_case_verb(a, i))
        return false;
    /* "Officials said", "Critics say": a common noun capitalized by the
     * sentence start is not a name. */
    const ws_tok_ann *an = &a->ann[i];
    if ((t->flags & WS_TOKF_SENT_START) && !(t->flags & WS_TOKF_ALLCAPS) &&
        (an->anon_len || an->is_group || (an->is_head && an->inst < 0) || an->common_capital))
        return false;
    /* "Theresa May": a capitalized "May" after a first name is a surname. */
    if (!(t->flags & WS_TOKF_SENT_START) && i > 0 && a->ann[i - 1].first_name &&
        (a->tok[i - 1].flags & WS_TOKF_CAP) && !(an->fw & ~(uint32_t)(WS_FW_AUX | WS_FW_TIME)))
        return true;
    /* "Eventually the militants ...", "Finally, ...": an adverb that opens
     * the sentence (a first name in -ly, "Beverly", is known as one). */
    if ((t->flags & WS_TOKF_SENT_START) && !(t->flags & WS_TOKF_ALLCAPS) && !an->first_name &&
        t->end - t->start >= 7 && ws_tok_ends_with(a, i, "ly", 7) &&
        !(i + 1 < a->doc->tokens.n && (a->tok[i + 1].flags & WS_TOKF_CAP)))
        return false;
    if (is_dating_time(a, i))
        return false;
    /* "Lena Day ... Day said": the article's surname, not a time. */
    if (an->known_surname)
        return true;
    /* "The mayor Friday said", "a letter from his lawyer Monday", "Tom Hale
     * Friday said": a day of the week is a time, not a name. Names hold one
     * after "on" ("The Mail on Sunday"), before a capital ("The Sunday
     * Times") or a possessive ("Thursday's vote"), and in a few days'
     * names ("Good Friday"). */
    static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday"};
    static const char *const named_days[] = {"good", "black", "super", "easter", "palm", "ash",
                                             "cyber", "bloody", "holy", "maundy"};
    bool weekday = (an->fw & WS_FW_TIME) && ws_tok_word_in(a, i, weekdays, sizeof weekdays / sizeof *weekdays);
    if (weekday) {
        /* (Asked only of a weekday: every capitalized word comes here.) */
        bool in_name = i > 0 && (ws_tok_text_is(a, i - 1, "on") ||
                                 ((a->tok[i - 1].flags & WS_TOKF_CAP) &&
                                  ws_tok_word_in(a, i - 1, named_days, sizeof named_days / sizeof *named_days)));
        bool name_follows = i + 1 < a->doc->tokens.n &&
                            ((a->tok[i + 1].flags & WS_TOKF_CAP) || ws_tok_is_possessive(a, i + 1));
        if (!in_name && !name_follows)
            return false;
    }
    /* "The", "But", "While" at a sentence start are not names. */
    uint32_t fw = a->ann[i].fw & ~(uint32_t)(WS_FW_TIME | WS_FW_NUM | WS_FW_PARTICLE);
    return fw == 0 || (a->ann[i].fw & WS_FW_TIME && !(t->flags & WS_TOKF_SENT_START) && fw == 0);
}

/* A headline in title case ("Obama Says Museum Will Tell of ..."): nearly
 * all its longer words capitalized, its verbs too. */
static bool title_case_sentence(const ws_attr *a, uint32_t s)
{
    const ws_sentence *se = &a->doc->sentences.v[s];
    if (se->tok_end - se->tok_start > 40 ||
        (se->block != 0 && a->doc->blocks.v[se->block].kind != WS_BLOCK_HEADING))
        return false;
    unsigned words = 0, caps = 0;
    for (uint32_t t = se->tok_start; t < se->tok_end; t++) {
        if (a->tok[t].kind != WS_TOK_WORD || a->tok[t].end - a->tok[t].start < 4)
            continue;
        words++;
        caps += (a->tok[t].flags & WS_TOKF_CAP) != 0;
    }
    return words >= 3 && caps * 5 >= words * 4;
}

/* A cue verb in the -s form or the past in a title-case headline
 * ("Obama Says", "Poll Showed"). */
static bool title_case_verb(const ws_attr *a, uint32_t i)
{
    /* "United States Warns Russia": a word inside a country's or an
     * institution's name is no verb. */
    for (uint32_t j = i > 4 ? i - 4 : 0; j < i; j++)
        if ((a->ann[j].country >= 0 && j + a->ann[j].country_len > i) ||
            (a->ann[j].inst >= 0 && j + a->ann[j].inst_len > i))
            return false;
    bool verb = false;
    for (int32_t c = a->ann[i].cue; c >= 0 && !verb; c = a->rs->cue_info.v[c].next) {
        const ws_cue_info *ci = &a->rs->cue_info.v[c];
        verb = ci->pos == WS_CUE_VERB && (ci->is_s || ci->is_past);
    }
    return verb && title_case_sentence(a, a->tok[i].sentence);
}

bool ws_tok_cue_reads_as_verb(const ws_attr *a, uint32_t i)
{
    /* "United States", "State Department": a capital inside a sentence
     * makes a name, not a verb, except in a headline in title case. */
    if ((a->tok[i].flags & WS_TOKF_CAP) && !(a->tok[i].flags & WS_TOKF_SENT_START) && !title_case_verb(a, i))
        return false;
    for (int32_t c = a->ann[i].cue; c >= 0; c = a->rs->cue_info.v[c].next)
        if (a->rs->cue_info.v[c].pos == WS_CUE_VERB)
            return true;
    return false;
}

bool ws_tok_same_clause(const ws_attr *a, uint32_t i, uint32_t j)
{
    for (uint32_t k = i; k < j; k++)
        if (a->tok[k].sentence != a->tok[i].sentence || a->tok[k].kind == WS_TOK_QUOTE)
            return false;
    return true;
}

/* Has the cue at @i a verb reading in the -s form (@s_form), or one in
 * the base form or the past (not @s_form)? */
static bool has_verb_form(const ws_attr *a, uint32_t i, bool s_form)
{
    for (int32_t c = a->ann[i].cue; c >= 0; c = a->rs->cue_info.v[c].next) {
        const ws_cue_info *ci = &a->rs->cue_info.v[c];
        if (ci->pos != WS_CUE_VERB)
            continue;
        if (s_form ? ci->is_s : (!ci->is_s && !ci->is_ing))
            return true;
    }
    return false;
}

bool ws_tok_modifies_speaker(const ws_attr *a, uint32_t i)
{
    if (i + 2 >= a->doc->tokens.n || a->tok[i + 2].sentence != a->tok[i].sentence)
        return false;
    /* Where a noun phrase begins: the sentence's start, after a determiner
     * or a preposition ("they argue spur demand", "experts say renders
     * talk" are verbs). */
    if (!(a->tok[i].flags & WS_TOKF_SENT_START) &&
        (i == 0 || (!ws_tok_is(a, i - 1, WS_FW_DET | WS_FW_NUM | WS_FW_PREP | WS_FW_CONJ) &&
                    !ws_tok_is_possessive(a, i - 1))))
        return false;
    bool base = false; /* "protest", not "showed" (subtle hints) */
    for (int32_t c = a->ann[i].cue; c >= 0; c = a->rs->cue_info.v[c].next) {
        const ws_cue_info *ci = &a->rs->cue_info.v[c];
        if (ci->pos == WS_CUE_VERB && (ci->is_s || ci->is_past || ci->is_ing))
            return false;
        base = base || (ci->pos == WS_CUE_VERB && ci->is_base);
    }
    if (!base)
        return false;
    const ws_token *n = &a->tok[i + 1];
    if (n->kind != WS_TOK_WORD || (n->flags & WS_TOKF_CAP) || a->ann[i + 1].fw || a->ann[i + 1].pronoun >= 0 ||
        a->ann[i + 1].cue >= 0 || (a->tok[i + 2].flags & WS_TOKF_CAP))
        return false;
    /* "they argue spur demand": a verb before a noun ("demand") is no
     * modifier of the noun before it. */
    bool verb = false;
    for (int32_t c = a->ann[i + 2].cue; c >= 0; c = a->rs->cue_info.v[c].next) {
        const ws_cue_info *ci = &a->rs->cue_info.v[c];
        if (ci->pos != WS_CUE_VERB)
            return false;
        verb = verb || !ci->is_ing;
    }
    return verb;
}

bool ws_tok_noun_before_cue(const ws_attr *a, uint32_t i)
{
    if (i + 1 >= a->doc->tokens.n || !has_verb_form(a, i, true) || !ws_tok_is_cue_verb(a, i + 1) ||
        a->tok[i + 1].sentence != a->tok[i].sentence)
        return false;
    if (!has_verb_form(a, i + 1, true) && ws_tok_ends_with(a, i + 1, "ed", 4))
        return true;
    /* "Media reports say ...", "an analysis of reports shows ...": a word
     * that is a noun too, right before another verb of speech that is not
     * a participle ("Hale says report clears him": "says" is no noun;
     * "Ruiz claims reports show ...": the first of two such words is the
     * verb). */
    if (!ws_tok_has_noun_cue(a, i) || ws_tok_ends_with(a, i + 1, "ing", 5) ||
        (i + 2 < a->doc->tokens.n && ws_tok_has_noun_cue(a, i + 1) && ws_tok_is_cue_verb(a, i + 2)))
        return false;
    for (int32_t c = a->ann[i + 1].cue; c >= 0; c = a->rs->cue_info.v[c].next)
        if (a->rs->cue_info.v[c].pos == WS_CUE_VERB)
            return true;
    return false;
}

bool ws_tok_has_noun_cue(const ws_attr *a, uint32_t i)
{
    for (int32_t c = a->ann[i].cue; c >= 0; c = a->rs->cue_info.v[c].next)
        if (a->rs->cue_info.v[c].pos == WS_CUE_NOUN)
            return true;
    return false;
}

bool ws_tok_noun_before_agreeing_cue(const ws_attr *a, uint32_t i)
{
    uint32_t sent = a->tok[i].sentence;
    /* After "the" and names, before a verb in the past: "the Kestrel Labs
     * report said" ("The Democrats report that ..." has no verb after it). */
    uint32_t m = i;
    while (m > 1 && i - m < 3 && a->tok[m - 1].sentence == sent && (a->tok[m - 1].flags & WS_TOKF_CAP) &&
           ws_tok_is_name_word(a, m - 1) && !ws_tok_is(a, m - 1, WS_FW_DET))
        m--;
    if (m < i && m >= 1 && ws_tok_word_is(a, m - 1, "the") && ws_tok_has_noun_cue(a, i) &&
        i + 1 < a->doc->tokens.n && a->tok[i + 1].sentence == sent && !has_verb_form(a, i, true))
        for (int32_t c = a->ann[i + 1].cue; c >= 0; c = a->rs->cue_info.v[c].next)
            if (a->rs->cue_info.v[c].pos == WS_CUE_VERB && a->rs->cue_info.v[c].is_past)
                return true;
    /* After a determiner and a modifier of its sentence: "the annual report
     * said", "a new report says", "their latest reports show" (not "to
     * express doubts"). */
    if (i < 2 || a->tok[i - 2].sentence != sent || !ws_tok_has_noun_cue(a, i) || a->tok[i - 1].kind != WS_TOK_WORD ||
        (a->tok[i - 1].flags & WS_TOKF_CAP) || a->ann[i - 1].fw || a->ann[i - 1].cue >= 0 || a->ann[i - 1].pronoun >= 0 ||
        !(ws_tok_is(a, i - 2, WS_FW_DET | WS_FW_NUM) || ws_tok_is_possessive(a, i - 2)))
        return false;
    if (i + 1 >= a->doc->tokens.n || a->tok[i + 1].sentence != sent || !ws_tok_is_cue_verb(a, i + 1))
        return false;
    /* ("reports say": an -s form of the noun takes the verb's base form.) */
    bool is_s_form = has_verb_form(a, i, true);
    for (int32_t c = a->ann[i + 1].cue; c >= 0; c = a->rs->cue_info.v[c].next) {
        const ws_cue_info *ci = &a->rs->cue_info.v[c];
        if (ci->pos == WS_CUE_VERB && (ci->is_past || (is_s_form ? ci->is_base && !ci->is_past : ci->is_s)))
            return true;
    }
    return false;
}

bool ws_tok_inside_role(const ws_attr *a, uint32_t i)
{
    for (uint32_t k = i, steps = 0; k > 0 && steps < 4; k--, steps++) {
        const ws_tok_ann *an = &a->ann[k - 1];
        if (an->role >= 0 && k - 1 + (an->role_len ? an->role_len : 1u) > i)
            return true;
    }
    return false;
}

bool ws_tok_noun_after_modifier(const ws_attr *a, uint32_t i)
{
    /* Plurals without -s that speak ("The children claim, in a suit,
     * that"); "police", "staff" and "media" are as often the modifier of
     * "report" and are left out. */
    static const char *const plural_people[] = {"children", "men", "women", "people"};
    if (i < 2 || a->tok[i - 2].sentence != a->tok[i].sentence || !ws_tok_has_noun_cue(a, i) ||
        (a->tok[i].flags & WS_TOKF_CAP))
        return false;
    bool base = false;
    for (int32_t c = a->ann[i].cue; c >= 0 && !base; c = a->rs->cue_info.v[c].next) {
        const ws_cue_info *ci = &a->rs->cue_info.v[c];
        base = ci->pos == WS_CUE_VERB && ci->is_base && !ci->is_past && !ci->is_s && !ci->is_ing;
    }
    const ws_token *m = &a->tok[i - 1];
    bool modifier = m->kind == WS_TOK_NUMBER ||
                    (m->kind == WS_TOK_WORD && !(m->flags & WS_TOKF_CAP) && !a->ann[i - 1].fw && a->ann[i - 1].cue < 0 &&
                     a->ann[i - 1].pronoun < 0 && !ws_tok_ends_with(a, i - 1, "s", 2) &&
                     !ws_tok_word_in(a, i - 1, plural_people, sizeof plural_people / sizeof *plural_people));
    if (!base || !modifier || !(ws_tok_is(a, i - 2, WS_FW_DET) || ws_tok_is_possessive(a, i - 2)))
        return false;
    /* Only where the phrase ends, before a mark or a preposition: "backers
     * of the toll change claim it will" have their verb, and "in a
     * weekly report security firm Kestrel said" goes on into another
     * phrase. */
    return i + 1 >= a->doc->tokens.n || a->tok[i + 1].kind == WS_TOK_PUNCT ||
           (ws_tok_is(a, i + 1, WS_FW_PREP) && !ws_tok_text_is(a, i + 1, "that"));
}

/* A cue word right after a determiner is a noun: "an email", "the report",
 * "his statement". */
static bool cue_as_noun(const ws_attr *a, uint32_t i)
{
    if (ws_tok_inside_role(a, i))
        return true; /* "the secretary of state said" */
    if (ws_tok_modifies_speaker(a, i))
        return true;
    /* "State Sen. Ray Holt", "State party chairman Tom Eller": a
     * sentence's first word, which the article writes in lower case
     * elsewhere, before another word of the phrase. */
    if (a->ann[i].common_capital && i + 1 < a->doc->tokens.n && a->tok[i + 1].sentence == a->tok[i].sentence &&
        a->tok[i + 1].kind == WS_TOK_WORD && !a->ann[i + 1].fw && a->ann[i + 1].pronoun < 0)
        return true;
    if (i == 0 || a->tok[i - 1].sentence != a->tok[i].sentence)
        return false;
    if (ws_tok_is(a, i - 1, WS_FW_DET | WS_FW_NUM) || ws_tok_is_possessive(a, i - 1))
        return true;
    /* "the author of the new report, Tom Hale, said". */
    if (ws_tok_noun_after_modifier(a, i))
        return true;
    if (i + 1 >= a->doc->tokens.n || a->tok[i + 1].sentence != a->tok[i].sentence)
        return false;
    /* "said report author Ana Ruiz": a noun modifying a role. */
    if (a->ann[i + 1].role >= 0 && !(a->tok[i + 1].flags & WS_TOKF_CAP))
        return true;
    if (ws_tok_noun_before_cue(a, i))
        return true;
    if (ws_tok_noun_before_agreeing_cue(a, i))
        return true;
    /* "refugee advocates say", "critics claimed": an -s form right before
     * a verb of saying is the plural noun of its subject; after a name or
     * a pronoun it is the verb ("Hale says report clears him"). */
    bool after_subject = i > 0 && a->tok[i - 1].sentence == a->tok[i].sentence &&
                         (ws_tok_is_name_word(a, i - 1) || a->ann[i - 1].pronoun >= 0 || a->ann[i - 1].role >= 0);
    return !after_subject && has_verb_form(a, i, true) && ws_tok_is_cue_verb(a, i + 1) &&
           has_verb_form(a, i + 1, false);
}

/* A lower-case word that may be a modifier or noun inside a noun phrase. */
static bool is_plain_word(const ws_attr *a, uint32_t i)
{
    const ws_token *t = &a->tok[i];
    if (t->kind != WS_TOK_WORD && t->kind != WS_TOK_NUMBER)
        return false;
    uint32_t fw = a->ann[i].fw;
    if (fw & (WS_FW_PREP | WS_FW_CONJ | WS_FW_SUB | WS_FW_AUX | WS_FW_NEG | WS_FW_VERB | WS_FW_PRON))
        return false;
    if (fw & WS_FW_ADV)
        return false;
    /* "told the tour he would be ...": a pronoun starts a phrase of its own. */
    if (a->ann[i].pronoun >= 0 && !(fw & WS_FW_DET))
        return false;
    if (ws_tok_is_cue_verb(a, i) && a->ann[i].role < 0 && !cue_as_noun(a, i))
        return false;
    return true;
}

/* "a police statement on the shooting", "the police report, ...": is the
 * word at @k a lower-case noun of saying or writing that no object follows
 * to make it a verb (a preposition or a comma come next; not the
 * sentence's end: "..., the Tribune reports.")? The caller asks it after
 * another noun of the phrase. */
static bool is_saying_noun_in_phrase(const ws_attr *a, uint32_t k, uint32_t limit)
{
    if ((a->tok[k].flags & WS_TOKF_CAP) || a->tok[k].kind != WS_TOK_WORD || !ws_tok_has_noun_cue(a, k))
        return false;
    if (k + 1 >= limit || a->tok[k + 1].sentence != a->tok[k].sentence)
        return false;
    return ws_tok_text_is(a, k + 1, ",") || (ws_tok_is(a, k + 1, WS_FW_PREP) && !ws_tok_text_is(a, k + 1, "that"));
}

/* Can token @i end (head) a noun phrase? */
static bool can_head(const ws_attr *a, uint32_t i)
{
    const ws_token *t = &a->tok[i];
    /* "someone in the crowd" (not "anyone", which is seldom one who spoke:
     * "sooner than anyone had expected"). */
    if (ws_tok_word_is(a, i, "someone") || ws_tok_word_is(a, i, "somebody"))
        return true;
    if (a->ann[i].pronoun >= 0)
        return !ws_tok_is(a, i, WS_FW_DET) || ws_tok_text_is(a, i, "her");
    if (t->kind == WS_TOK_PUNCT)
        return ws_tok_text_is(a, i, ")");
    /* "a mother of three", "a father of two": the number after "of" ends
     * the phrase of a person. */
    if ((a->ann[i].fw & WS_FW_NUM) && i >= 2 && ws_tok_text_is(a, i - 1, "of") && a->ann[i - 2].role < 0 &&
        is_plain_word(a, i - 2) && !(a->ann[i - 2].fw & (WS_FW_DET | WS_FW_NUM)))
        return true;
    if (a->ann[i].fw & (WS_FW_DET | WS_FW_NUM))
        return false;
    return is_plain_word(a, i);
}

/* A word whose period does not end it: an initial ("J."), or a title
 * abbreviation a name follows ("Mr.", "Rep.", "Gov."). */
static bool is_initial(const ws_attr *a, uint32_t i)
{
    const ws_token *t = &a->tok[i];
    if (t->kind != WS_TOK_WORD || !(t->flags & WS_TOKF_CAP))
        return false;
    if (t->end - t->start == 1)
        return true;
    size_t n;
    const char *k = ws_doc_key(a->doc, i, &n);
    char key[32];
    if (n + 2 > sizeof key)
        return false;
    memcpy(key, k, n);
    key[n] = '.';
    return ws_lexicon_contains(&a->rs->abbrev_name, key, n + 1);
}

/* "(R-Utah)", "(OPCW)": a parenthesis right after a name belongs to it. */
static uint32_t paren_start(const ws_attr *a, uint32_t close, uint32_t limit)
{
    uint32_t k = close;
    while (k > limit && close - k < 8) {
        k--;
        if (ws_tok_text_is(a, k, "("))
            return k;
        if (a->tok[k].kind == WS_TOK_QUOTE)
            break;
    }
    return close + 1;
}

/* Adjectives that take a prepositional phrase after a source noun. */
static bool is_postmodifier(const ws_attr *a, uint32_t i)
{
    static const char *const words[] = {"familiar", "close", "briefed", "involved",
                                        "knowledgeable", "privy", "aware", "informed", "present"};
    for (size_t w = 0; w < sizeof words / sizeof *words; w++)
        if (ws_tok_text_eq(a, i, words[w], strlen(words[w])))
            return true;
    return false;
}

/* Pronouns and plain nouns that stand for people the writer does not name. */
static bool is_unnamed_person(const ws_attr *a, uint32_t i)
{
    static const char *const words[] = {"someone", "somebody", "anyone", "anybody",
                                        "people", "those", "person"};
    return ws_tok_word_in(a, i, words, sizeof words / sizeof *words);
}

static bool is_source_head(const ws_attr *a, uint32_t i)
{
    const ws_tok_ann *x = &a->ann[i];
    return x->role >= 0 || x->anon_len || x->is_head || x->is_group || is_unnamed_person(a, i);
}

uint32_t ws_tok_placing_phrase(const ws_attr *a, uint32_t i, uint32_t limit)
{
    /* (Asked for nearly every token: the cheap tests first.) */
    if (i + 1 >= limit || a->tok[i].sentence != a->tok[i + 1].sentence)
        return 0;
    if (ws_tok_text_is(a, i, "in"))
        return ws_tok_text_is(a, i + 1, "attendance") ? 2 : 0;
    return ws_tok_is(a, i + 1, WS_FW_PREP) && is_postmodifier(a, i) ? 2 : 0;
}

bool ws_tok_is_unnamed_source(const ws_attr *a, uint32_t i)
{
    return a->ann[i].anon_len || is_unnamed_person(a, i);
}

/* Does the preposition at @p attach its phrase to the noun before it:
 * "of" after a noun ("Secretary of State"), "for", "with", "at" after a
 * role or a source noun ("a spokeswoman for the ministry")? */
static bool noun_takes_phrase(const ws_attr *a, uint32_t p)
{
    if (p == 0)
        return false;
    bool is_of = ws_tok_text_is(a, p, "of");
    bool is_for =
        ws_tok_text_is(a, p, "for") || ws_tok_text_is(a, p, "with") || ws_tok_text_is(a, p, "at");
    const ws_tok_ann *left = &a->ann[p - 1];
    bool left_noun = can_head(a, p - 1) || left->role >= 0;
    bool left_role = left->role >= 0 || left->anon_len || left->is_head || left->is_group;
    /* "Will Ness with the health authority": a person's full name. */
    bool left_person = p >= 2 && ws_tok_is_name_word(a, p - 1) && a->ann[p - 2].first_name &&
                       ws_tok_is_name_word(a, p - 2) && !ws_tok_text_is(a, p, "for");
    return (is_of && left_noun) || (is_for && (left_role || left_person));
}

/* ws_np_left() worked out, for @end > @limit. */
static uint32_t np_left(const ws_attr *a, uint32_t end, uint32_t limit)
{
    uint32_t k = end - 1;
    /* "Tom Hale Jr. said", "Kestrel Inc. said": the suffix's period ends the name. */
    if (k > limit && ws_tok_text_is(a, k, ".") && ws_tok_is_dotted_suffix(a, k - 1))
        k--;
    if (!can_head(a, k))
        return end;
    uint32_t sent = a->tok[k].sentence;
    if (ws_tok_text_is(a, k, ")")) {
        uint32_t p = paren_start(a, k, limit);
        if (p > k || p == limit || !ws_tok_is_name_word(a, p - 1))
            return end;
        k = p - 1;
    }
    /* A pronoun is a noun phrase of its own, unless a placing phrase ends
     * on it: "those close to him". */
    if (a->ann[k].pronoun >= 0 && !ws_tok_is(a, k, WS_FW_DET)) {
        if (!(k >= limit + 3 && ws_tok_placing_phrase(a, k - 2, end) == 2 && is_source_head(a, k - 3)))
            return k;
        k -= 3;
        if (ws_tok_is(a, k, WS_FW_DET) || a->ann[k].pronoun >= 0 || is_unnamed_person(a, k))
            return k;
    }
    bool has_and = false;
    while (k > limit) {
        uint32_t t = k - 1;
        const ws_token *tt = &a->tok[t];
        if (tt->sentence != sent || tt->kind == WS_TOK_QUOTE)
            break;
        uint32_t fw = a->ann[t].fw;
        if (fw & WS_FW_DET) {
            if (t > limit + 2 && ws_tok_placing_phrase(a, t - 2, end) == 2 && is_source_head(a, t - 3)) {
                k = t - 2;
                continue;
            }
            /* "a spokeswoman for the ministry", "the head of the union": the
             * phrase after the preposition belongs to the noun before it,
             * as it does without a determiner below. */
            if (t > limit + 1 && ws_tok_is(a, t - 1, WS_FW_PREP) && !ws_tok_is(a, t, WS_FW_PRON) &&
                noun_takes_phrase(a, t - 1)) {
                k = t - 1;
                continue;
            }
            k = t;
            break;
        }
        if (ws_tok_is_possessive(a, t)) {
            k = t;
            continue;
        }
        /* "The Coalition, represented by the union, filed suit": a verb
         * in the past after its subject is no modifier ("senior elected
         * officials", "the unnamed source" keep theirs). */
        if (t > limit && a->tok[t].kind == WS_TOK_WORD && !(tt->flags & WS_TOKF_CAP) && !a->ann[t].fw &&
            ws_tok_ends_with(a, t, "ed", 4) &&
            (ws_tok_text_is(a, t - 1, ")") ||
             ((a->tok[t - 1].flags & WS_TOKF_CAP) && !(a->tok[t - 1].flags & WS_TOKF_SENT_START) &&
              !ws_tok_is(a, t - 1, WS_FW_NUM | WS_FW_DET) && ws_tok_is_name_word(a, t - 1) && a->ann[t - 1].demonym < 0 &&
              a->ann[t - 1].country < 0 && !ws_tok_ends_with(a, t - 1, "ly", 4) &&
              !ws_tok_ends_with(a, t - 1, "ic", 4) && !ws_tok_ends_with(a, t - 1, "an", 4))))
            break;
        /* "I'd heard people say": a lower-case word after a pronoun is its
         * verb ("his", "their" are determiners). */
        if (t > limit && a->ann[t - 1].pronoun >= 0 && !ws_tok_is(a, t - 1, WS_FW_DET) &&
            a->tok[t].kind == WS_TOK_WORD && !(tt->flags & WS_TOKF_CAP) && !a->ann[t].fw)
            break;
        if (tt->kind == WS_TOK_PUNCT) {
            /* (An initial's period, and a suffix's: "Tom Hale Jr.", "Kestrel
             * Inc. chief executive Ana Ruiz"; not "works for Kestrel Inc.
             * Ruiz said", where the period ended a sentence.) */
            if (ws_tok_text_is(a, t, ".") && t > limit &&
                (is_initial(a, t - 1) ||
                 (ws_tok_is_dotted_suffix(a, t - 1) &&
                  (!ws_tok_is_company_form(a, t - 1) || !(a->tok[k].flags & WS_TOKF_CAP))))) {
                k = t;
                continue;
            }
            if (ws_tok_text_is(a, t, "&") || ws_tok_text_is(a, t, "-")) {
                k = t;
                continue;
            }
            /* Commas inside a list of names: "the United States, France and Britain". */
            if (ws_tok_text_is(a, t, ",") && has_and && t > limit && ws_tok_is_name_word(a, t - 1) &&
                ws_tok_is_name_word(a, k)) {
                k = t;
                continue;
            }
            break;
        }
        if (fw & WS_FW_CONJ) {
            if (ws_tok_text_is(a, t, "and") && t > limit && ws_tok_is_name_word(a, t - 1) &&
                ws_tok_is_name_word(a, k)) {
                has_and = true;
                k = t;
                continue;
            }
            break;
        }
        if (fw & WS_FW_PREP) {
            /* "Secretary of State", "a spokeswoman for the ministry". */
            if (t > limit && noun_takes_phrase(a, t)) {
                k = t;
                continue;
            }
            /* "a source familiar with", "people close to", "officials
             * briefed on": an adjective phrase after the head noun. */
            if (t > limit + 1 && ws_tok_placing_phrase(a, t - 1, end) == 2 && is_source_head(a, t - 2)) {
                k = t - 1;
                continue;
            }
            /* "someone in attendance". */
            if (t > limit && ws_tok_placing_phrase(a, t, end) && is_source_head(a, t - 1)) {
                k = t - 1;
                continue;
            }
            /* "an inside source", "the outside world": after an article, an
             * adjective. */
            if (t > limit && (ws_tok_word_is(a, t - 1, "a") || ws_tok_word_is(a, t - 1, "an") ||
                              ws_tok_word_is(a, t - 1, "the"))) {
                k = t;
                continue;
            }
            break;
        }
        if (fw & WS_FW_NUM) {
            k = t;
            continue;
        }
        /* "The first study", "the last report": after a determiner, an
         * adjective, not the adverb of "first said". */
        static const char *const ordinals[] = {"first", "last", "next"};
        if (t > limit && ws_tok_word_in(a, t, ordinals, sizeof ordinals / sizeof *ordinals) &&
            ws_tok_is(a, t - 1, WS_FW_DET)) {
            k = t;
            continue;
        }
        if (is_dating_time(a, t))
            break;
        /* ("Someone close to Hale": the head a placing phrase follows.) */
        if (ws_tok_is_name_word(a, t) || is_plain_word(a, t) || a->ann[t].role >= 0 || is_unnamed_person(a, t)) {
            k = t;
            continue;
        }
        break;
    }
    /* Do not start on "of" or a dangling piece, nor on the particle of a
     * verb ("ended up showing", "sent out"). */
    static const char *const particles[] = {"up", "out", "off", "down"};
    while (k < end && (ws_tok_is(a, k, WS_FW_PREP | WS_FW_CONJ) || a->tok[k].kind == WS_TOK_PUNCT ||
                       ws_tok_word_in(a, k, particles, sizeof particles / sizeof *particles)))
        k++;
    return k;
}

uint32_t ws_np_left(const ws_attr *a, uint32_t end, uint32_t limit)
{
    if (end <= limit)
        return end;
    ws_np_answer *last = a->np_left_last;
    if (!last)
        return np_left(a, end, limit);
    if (last->end != end || last->limit != limit)
        *last = (ws_np_answer){end, limit, np_left(a, end, limit)};
    return last->start;
}

static bool is_lexicon_head(const ws_attr *a, uint32_t i)
{
    const ws_tok_ann *an = &a->ann[i];
    return an->is_group || an->is_head || an->anon_len || (an->role >= 0 && an->role_len <= 1);
}

uint32_t ws_np_right(const ws_attr *a, uint32_t start, uint32_t limit)
{
    uint32_t k = start;
    if (k >= limit)
        return start;
    uint32_t sent = a->tok[k].sentence;
    /* A pronoun is a phrase of its own; "his", "their" are determiners.
     * "someone close to him" goes on. */
    if (a->ann[k].pronoun >= 0 && !ws_tok_is(a, k, WS_FW_DET) &&
        !(is_unnamed_person(a, k) && ws_tok_placing_phrase(a, k + 1, limit)))
        return k + 1;
    bool seen_head = false;
    while (k < limit) {
        const ws_token *t = &a->tok[k];
        if (t->sentence != sent || t->kind == WS_TOK_QUOTE)
            break;
        uint32_t fw = a->ann[k].fw;
        /* "a source close to the mayor", "people in attendance": the phrase
         * that places an unnamed source is part of it. */
        uint32_t placing = k > start && is_source_head(a, k - 1) ? ws_tok_placing_phrase(a, k, limit) : 0;
        if (placing) {
            k += placing;
            seen_head = ws_tok_text_is(a, k - 1, "attendance");
            if (!seen_head && k < limit && a->ann[k].pronoun >= 0 && !ws_tok_is(a, k, WS_FW_DET) &&
                a->tok[k].sentence == sent)
                return k + 1; /* "close to him" ("close to his family" goes on) */
            continue;
        }
        if (k == start && is_unnamed_person(a, k)) {
            k++; /* "someone", placed by what follows */
            seen_head = true;
            continue;
        }
        if (fw & (WS_FW_DET | WS_FW_NUM)) {
            if (seen_head && !(fw & WS_FW_NUM))
                break;
            k++;
            continue;
        }
        if (ws_tok_is_possessive(a, k)) {
            k++;
            seen_head = false;
            continue;
        }
        if (t->kind == WS_TOK_PUNCT) {
            if (ws_tok_text_is(a, k, ".") && k > start && is_initial(a, k - 1) && k + 1 < limit &&
                ws_tok_is_name_word(a, k + 1)) {
                k++;
                continue;
            }
            if (ws_tok_text_is(a, k, "(") ) {
                uint32_t j = k + 1;
                while (j < limit && j - k < 8 && !ws_tok_text_is(a, j, ")") &&
                       a->tok[j].kind != WS_TOK_QUOTE)
                    j++;
                if (j < limit && ws_tok_text_is(a, j, ")") && seen_head) {
                    k = j + 1;
                    continue;
                }
            }
            if (ws_tok_text_is(a, k, "-") || ws_tok_text_is(a, k, "&")) {
                k++;
                continue;
            }
            /* "9/11 widow Lena Ortiz": a date written with a slash. */
            if (ws_tok_text_is(a, k, "/") && k > start && k + 1 < limit && a->tok[k - 1].kind == WS_TOK_NUMBER &&
                a->tok[k + 1].kind == WS_TOK_NUMBER && a->tok[k - 1].end == a->tok[k].start &&
                a->tok[k].end == a->tok[k + 1].start) {
                k += 2;
                continue;
            }
            break;
        }
        if (fw & WS_FW_PREP) {
            bool is_of = ws_tok_text_is(a, k, "of");
            bool is_for = ws_tok_text_is(a, k, "for") || ws_tok_text_is(a, k, "with") ||
                          ws_tok_text_is(a, k, "at");
            bool prev_role = k > start && (a->ann[k - 1].role >= 0 || a->ann[k - 1].anon_len ||
                                           a->ann[k - 1].is_head || a->ann[k - 1].is_group);
            if (seen_head && k + 1 < limit && (is_of || (is_for && prev_role)) &&
                (ws_tok_is_name_word(a, k + 1) || ws_tok_is(a, k + 1, WS_FW_DET))) {
                k++;
                seen_head = false; /* a noun phrase of its own follows */
                continue;
            }
            break;
        }
        if ((fw & (WS_FW_CONJ | WS_FW_SUB | WS_FW_AUX | WS_FW_NEG | WS_FW_VERB | WS_FW_ADV)) &&
            !ws_tok_is_name_word(a, k))
            break;
        /* (After another noun: "a police statement on ...".) */
        bool work = seen_head && is_saying_noun_in_phrase(a, k, limit);
        /* "written documents", "leaked emails": a participle in -ed or -en
         * before its noun modifies it. */
        if (!seen_head && ws_tok_is_cue_verb(a, k) && !(t->flags & WS_TOKF_CAP) && k + 1 < limit &&
            (ws_tok_ends_with(a, k, "ed", 4) || ws_tok_ends_with(a, k, "en", 4)) && is_plain_word(a, k + 1) &&
            !ws_tok_is_cue_verb(a, k + 1) && a->tok[k + 1].sentence == sent) {
            k++;
            continue;
        }
        if (ws_tok_is_cue_verb(a, k) && a->ann[k].role < 0 && !cue_as_noun(a, k) && !work)
            break;
        /* After a noun the lexicons know (nations, ministry, officials) a
         * lower-case word is the verb: "the nations launched". So is an
         * "-ed" word after any head. */
        if (seen_head && !(t->flags & WS_TOKF_CAP) && k > start && !is_lexicon_head(a, k) && !work &&
            (is_lexicon_head(a, k - 1) || ws_tok_ends_with(a, k, "ed", 4)))
            break;
        if (ws_tok_is_name_word(a, k) || is_plain_word(a, k) || work) {
            seen_head = true;
            k++;
            continue;
        }
        break;
    }
    while (k > start && (ws_tok_is(a, k - 1, WS_FW_PREP | WS_FW_DET) ||
                         a->tok[k - 1].kind == WS_TOK_PUNCT) &&
           !ws_tok_text_is(a, k - 1, ")") && !ws_tok_text_is(a, k - 1, "."))
        k--;
    return k;
}

/* "on Thursday", "last week", "in April", "on Aug. 5": time phrases. */
static uint32_t time_phrase_left(const ws_attr *a, uint32_t end, uint32_t limit)
{
    uint32_t k = end;
    while (k > limit &&
           ((ws_tok_is(a, k - 1, WS_FW_TIME) && !(a->ann[k - 1].known_surname && !is_dating_time(a, k - 1))) ||
            a->tok[k - 1].kind == WS_TOK_NUMBER || ws_tok_text_is(a, k - 1, ".")))
        k--;
    if (k == end)
        return end;
    if (k > limit && (ws_tok_text_is(a, k - 1, "on") || ws_tok_text_is(a, k - 1, "in") ||
                      ws_tok_text_is(a, k - 1, "last") || ws_tok_text_is(a, k - 1, "this") ||
                      ws_tok_text_is(a, k - 1, "earlier") || ws_tok_text_is(a, k - 1, "late") ||
                      ws_tok_text_is(a, k - 1, "early")))
        k--;
    /* A bare time word must really be one ("May" is also a name). */
    if (k == end - 1 && !(a->ann[k].fw & WS_FW_TIME))
        return end;
    return k;
}

bool ws_tok_is_ly_adverb(const ws_attr *a, uint32_t i)
{
    /* Nouns and adjectives in -ly that can end a subject ("the family
     * said", "the elderly say"). */
    static const char *const not_adverbs[] = {"family",  "ally",    "rally",  "supply",    "reply",
                                              "assembly", "bully",  "anomaly", "monopoly", "tally",
                                              "elderly", "daily",   "weekly", "monthly",   "quarterly"};
    const ws_token *t = &a->tok[i];
    if (t->kind != WS_TOK_WORD || (t->flags & WS_TOKF_CAP) || !ws_tok_ends_with(a, i, "ly", 5) ||
        a->ann[i].fw || a->ann[i].role >= 0 || a->ann[i].is_head || a->ann[i].cue >= 0)
        return false;
    return !ws_tok_word_in(a, i, not_adverbs, sizeof not_adverbs / sizeof *not_adverbs);
}

uint32_t ws_skip_adverbials_left(const ws_attr *a, uint32_t end, uint32_t limit)
{
    uint32_t k = end;
    for (;;) {
        if (k <= limit)
            break;
        uint32_t t = k - 1;
        if (a->tok[t].kind == WS_TOK_QUOTE)
            break;
        if (ws_tok_is(a, t, WS_FW_AUX | WS_FW_ADV | WS_FW_NEG) &&
            !ws_tok_is(a, t, WS_FW_DET | WS_FW_CONJ | WS_FW_SUB | WS_FW_PRON) &&
            !(a->tok[t].flags & WS_TOKF_CAP && ws_tok_is_name_word(a, t))) {
            k = t;
            continue;
        }
        if (ws_tok_is_ly_adverb(a, t)) {
            k = t;
            continue;
        }
        /* "Microsoft no longer wants": "no longer", "no more". */
        if (t > limit && (ws_tok_word_is(a, t, "longer") || ws_tok_word_is(a, t, "more")) &&
            ws_tok_word_is(a, t - 1, "no")) {
            k = t - 1;
            continue;
        }
        /* "has since said": after an auxiliary, "since" is an adverb. */
        if (t > limit && ws_tok_text_is(a, t, "since") && ws_tok_is(a, t - 1, WS_FW_AUX)) {
            k = t;
            continue;
        }
        /* "Moreno once said": right before the verb, "once" is an adverb
         * (elsewhere it opens a clause: "once the vote is over"). */
        if (t + 1 == end && ws_tok_text_is(a, t, "once")) {
            k = t;
            continue;
        }
        /* "The mayor herself said": a reflexive that stresses the subject,
         * not the subject (not "found himself saying", an object after a
         * verb). ("Kestrel itself claims" keeps "itself": resolved as a
         * pronoun, it goes to an institution named before, where passing
         * over it would leave "Kestrel" a person.) */
        static const char *const intensive[] = {"himself", "herself", "themselves"};
        if (t > limit && ws_tok_word_in(a, t, intensive, sizeof intensive / sizeof *intensive) &&
            a->tok[t - 1].kind == WS_TOK_WORD && !ws_tok_is(a, t - 1, WS_FW_AUX | WS_FW_VERB | WS_FW_PREP) &&
            !ws_tok_ends_with(a, t - 1, "ed", 4) && !ws_tok_ends_with(a, t - 1, "ing", 5)) {
            k = t;
            continue;
        }
        uint32_t tp = time_phrase_left(a, k, limit);
        if (tp < k) {
            k = tp;
            continue;
        }
        break;
    }
    return k;
}

uint32_t ws_skip_adverbials_right(const ws_attr *a, uint32_t start, uint32_t limit)
{
    uint32_t k = start;
    while (k < limit && a->tok[k].kind != WS_TOK_QUOTE &&
           ((ws_tok_is(a, k, WS_FW_AUX | WS_FW_ADV | WS_FW_NEG) &&
             !ws_tok_is(a, k, WS_FW_DET | WS_FW_CONJ | WS_FW_SUB | WS_FW_PRON)) ||
            /* "has since said": "since" after an auxiliary is an adverb. */
            (k > start && ws_tok_text_is(a, k, "since") && ws_tok_is(a, k - 1, WS_FW_AUX))))
        k++;
    return k;
}

bool ws_tok_is_company_form(const ws_attr *a, uint32_t i)
{
    static const char *const forms[] = {"Inc", "Corp", "Co", "Ltd", "Bros"};
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
        if (ws_tok_text_eq(a, i, forms[k], strlen(forms[k])))
            return true;
    return false;
}

bool ws_tok_is_dotted_suffix(const ws_attr *a, uint32_t i)
{
    return ws_tok_text_is(a, i, "Jr") || ws_tok_text_is(a, i, "Sr") || ws_tok_is_company_form(a, i);
}

bool ws_tok_said_first(const ws_attr *a, uint32_t s0)
{
    static const char *const verbs[] = {"Said", "Says", "Added", "Adds", "Asked", "Asks", "Wrote", "Writes"};
    bool verb = false;
    for (size_t i = 0; i < sizeof verbs / sizeof *verbs && !verb; i++)
        verb = ws_tok_text_eq(a, s0, verbs[i], strlen(verbs[i]));
    if (!verb || s0 + 1 >= a->doc->tokens.n || a->tok[s0 + 1].kind != WS_TOK_WORD)
        return false;
    /* The quotation it introduces, after a colon or a comma ("Added Value
     * Ltd said ..." is a company). */
    uint32_t end = a->doc->sentences.v[a->tok[s0].sentence].tok_end;
    for (uint32_t t = s0 + 2; t + 1 < end; t++)
        if ((ws_tok_text_is(a, t, ":") || ws_tok_text_is(a, t, ",")) && a->tok[t + 1].kind == WS_TOK_QUOTE &&
            (a->tok[t + 1].flags & WS_TOKF_OPEN))
            return true;
    return false;
}
