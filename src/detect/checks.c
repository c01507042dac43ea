/*
 * checks.c - the editorial checks: rules of the packs whose type names a
 * check over what the earlier passes found. Unbalanced quotation marks,
 * quotations nobody said, loaded cues, naming problems. Each is switched on,
 * off or re-levelled like any rule, and its message comes from the rule.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "detect/pass.h"
#include "ruleset/ruleset.h"
#include "text/utf8.h"

/* Expand a rule's message: %s -> @match, %r -> @repl, %% -> %. */
static int expand(ws_report *r, const char *fmt, const char *match, const char *repl, ws_buf *out)
{
    (void)r;
    int rc = WS_OK;
    out->len = 0;
    for (const char *m = fmt ? fmt : ""; *m && rc >= 0; m++) {
        if (m[0] == '%' && m[1] == 's') {
            rc = ws_buf_puts(out, match ? match : "");
            m++;
        } else if (m[0] == '%' && m[1] == 'r') {
            rc = ws_buf_puts(out, repl ? repl : "");
            m++;
        } else if (m[0] == '%' && m[1] == '%') {
            rc = ws_buf_putc(out, '%');
            m++;
        } else {
            rc = ws_buf_putc(out, *m);
        }
    }
    if (rc >= 0 && !out->data)
        rc = ws_buf_puts(out, "");
    return rc;
}

static int add(ws_report *r, uint32_t ri, uint32_t start, uint32_t end, const char *match,
               const char *repl, const char *suggestion)
{
    const ws_rule *rule = &r->ctx->rules.rules.v[ri];
    ws_buf msg;
    ws_buf_init(&msg, &r->mem);
    int rc = expand(r, rule->message, match, repl, &msg);
    if (rc >= 0)
        rc = ws_report_add_finding_text(r, ri, r->levels[ri], start, end, msg.data, suggestion);
    ws_buf_release(&msg);
    return rc;
}

/* Words this long or longer are in no list of the checks (the words of
 * the article were asked from a buffer of this size). */
enum { MAX_LISTED_WORD = 64 };

/* Is the name of @n bytes at @name (up to a NUL in them, should there be
 * one) one of the comma-separated items of @list? Each item is compared in
 * place, first letter first, and the next found with strchr(): the words
 * asked are mostly keys of the document, which then need no copy ended by
 * a NUL and no strlen(). */
static bool in_list_n(const char *list, const char *name, size_t n)
{
    for (const char *p = list; p && *p;) {
        if (p[0] == name[0] || n == 0 || !name[0]) {
            size_t k = 0;
            while (k < n && name[k] && p[k] == name[k])
                k++;
            if ((k == n || !name[k]) && (p[k] == ',' || p[k] == '\0'))
                return true;
        }
        const char *comma = strchr(p, ',');
        p = comma ? comma + 1 : NULL;
    }
    return false;
}

/* Is @name one of the comma-separated items of @list? */
static bool in_list(const char *list, const char *name)
{
    return in_list_n(list, name, strlen(name));
}

/* The first letters of the items of @list, a bit each from 'a' to 'z'
 * and bit 31 for any other first byte: a word whose first letter's bit is
 * clear is no item. */
static uint32_t initial_bit(unsigned char c)
{
    return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 1u << 31;
}

static uint32_t list_initials(const char *list)
{
    uint32_t bits = 0;
    for (const char *p = list; p && *p;) {
        bits |= initial_bit((unsigned char)*p);
        const char *comma = strchr(p, ',');
        p = comma ? comma + 1 : NULL;
    }
    return bits;
}

/*
 * A list of a rule's parameters, with what rules out most words before
 * they are compared: the first letters of its items and the length of the
 * shortest. The checks ask it of every word of a source, or of the article.
 */
typedef struct word_list {
    const char *items;          /* comma-separated */
    uint32_t initials;          /* list_initials() */
    size_t min_len;             /* of an item */
} word_list;

static word_list word_list_of(const char *items)
{
    word_list w = {items, list_initials(items), SIZE_MAX};
    for (const char *p = items; p && *p;) {
        size_t n = strcspn(p, ",");
        if (n < w.min_len)
            w.min_len = n;
        p = p[n] ? p + n + 1 : NULL;
    }
    return w;
}

/* in_list_n() for @w, after its filters. (A name shortened by a NUL in it
 * may only be shorter than @n: no filter rules out an item it is.) */
static bool word_list_has(const word_list *w, const char *name, size_t n)
{
    if (n < w->min_len || !(w->initials & initial_bit((unsigned char)name[0])))
        return false;
    return in_list_n(w->items, name, n);
}

/* Unbalanced marks: the scanner's problems, as findings of this rule. */
static int check_unbalanced(ws_report *r, uint32_t ri)
{
    ws_doc *doc = &r->doc;
    for (size_t i = 0; i < doc->problems.n; i++) {
        const ws_doc_problem *p = &doc->problems.v[i];
        if (p->kind == WS_PROBLEM_RULE_LIMIT)
            continue;
        /* %s is the scanner's description; the mark itself is the span. */
        int rc = add(r, ri, p->range.start, p->range.end, p->message, NULL, NULL);
        if (rc < 0)
            return rc;
    }
    return WS_OK;
}

/* The quoted words of quotation @q as "first words..." for a message. */
static const char *excerpt(ws_report *r, const ws_quote *q, char *buf, size_t cap)
{
    const ws_range *f = &r->doc.quote_frags.v[q->frag_first];
    size_t n = f->end - f->start;
    if (n > 40) {
        /* Cut at a character boundary. */
        n = 40;
        while (n > 0 && ((unsigned char)r->doc.text[f->start + n] & 0xC0) == 0x80)
            n--;
        snprintf(buf, cap, "%.*s...", (int)n, r->doc.text + f->start);
    } else {
        snprintf(buf, cap, "%.*s", (int)n, r->doc.text + f->start);
    }
    return buf;
}

/* Woven into the writer's sentence, a quotation this long is a statement
 * that needs a speaker even when someone is named before it. */
enum { WOVEN_MIN_WORDS = 5 };

/*
 * Is block @b a headline: a heading, or the first paragraph of the article
 * when it is one short line without a sentence end (plain text has no
 * markup for titles)? Headlines quote claims whose source the story names
 * ("Mill sale 'could cut 900 posts'").
 */
static bool is_headline(const ws_doc *doc, int32_t b)
{
    if (b < 0 || (uint32_t)b >= doc->blocks.n)
        return false;
    const ws_block *blk = &doc->blocks.v[b];
    if (blk->kind == WS_BLOCK_HEADING)
        return true;
    if (b != 0 || blk->end - blk->start > 120 || memchr(doc->text + blk->start, '\n', blk->end - blk->start))
        return false;
    /* The last character that is not a closing quotation mark. */
    uint32_t at = blk->end;
    while (at > blk->start) {
        size_t prev;
        int32_t cp = ws_utf8_prev(doc->text, at, &prev);
        if (cp != '"' && cp != '\'' && cp != 0x201D && cp != 0x2019) {
            return cp != '.' && cp != '?' && cp != '!' && cp != ':' && cp != ',';
        }
        at = (uint32_t)prev;
    }
    return false;
}

/* Does floating quotation @q follow @prev, the statement before it, in its
 * paragraph or the one before, with a speaker named but not resolved
 * ('"...," he added.')? */
static bool continues_unresolved(const ws_report *r, const ws_quote *q, const ws_stmt *prev)
{
    if (!prev || !prev->has_source || prev->speaker >= 0)
        return false;
    const ws_doc *doc = &r->doc;
    return ws_doc_block_at(doc, r->stmt_frags.v[prev->frag_first].start) + 1 >=
           ws_doc_block_at(doc, q->open.start);
}

/* What the word lexicon says of @key (@n bytes), or NULL for a word it lacks. */
static const ws_word_info *word_info(const ws_report *r, const char *key, size_t n)
{
    const ws_ruleset *rs = &r->ctx->rules;
    uint32_t idx;
    return ws_lexicon_get(&rs->words, key, n, &idx) ? &rs->word_info.v[idx] : NULL;
}

/* The same for token @t, by its lower-case key. */
static const ws_word_info *tok_word_info(const ws_report *r, uint32_t t)
{
    size_t n;
    const char *key = ws_doc_key(&r->doc, t, &n);
    return word_info(r, key, n);
}

/* The first token of sentence @s that names someone: a capitalized word
 * that is not a function word ("Wilson believes ..."), or a pronoun; the
 * sentence's end when none does. */
static uint32_t first_naming_tok(const ws_report *r, uint32_t s)
{
    const ws_doc *doc = &r->doc;
    const ws_sentence *sent = &doc->sentences.v[s];
    for (uint32_t k = sent->tok_start; k < sent->tok_end; k++) {
        const ws_token *tok = &doc->tokens.v[k];
        if (tok->kind != WS_TOK_WORD || tok->quote_depth > 0)
            continue;
        const ws_word_info *w = tok_word_info(r, k);
        if (w && w->pronoun >= 0)
            return k;
        if ((tok->flags & WS_TOKF_CAP) && (!w || !w->fw))
            return k;
    }
    return sent->tok_end;
}

/* Does the sentence of token @t name someone before it? @cache holds
 * first_naming_tok per sentence (UINT32_MAX: not yet known), so that a
 * sentence of many quotations is read once. */
static bool names_someone_before(const ws_report *r, uint32_t t, uint32_t *cache)
{
    uint32_t s = r->doc.tokens.v[t].sentence;
    if (cache[s] == UINT32_MAX)
        cache[s] = first_naming_tok(r, s);
    return cache[s] < t;
}

/* What check_unattributed() asks about a quotation woven into a sentence,
 * made at the first such quotation that gets as far: most articles have
 * none, and the marks cost a pass over the statements and the mentions. */
typedef struct woven_marks {
    uint8_t *in_content;            /* per token: in the content of a statement with a speaker */
    uint32_t *first_mention_tok;    /* per sentence: the first token of a mention of someone */
    uint32_t *naming_tok;           /* per sentence: names_someone_before()'s cache */
} woven_marks;

static int woven_marks_make(ws_report *r, woven_marks *w)
{
    ws_doc *doc = &r->doc;
    /* One zeroed block for the three, in the document's arena (a heap
     * block would be a malloc() and a free()): the two per sentence first
     * (so aligned), then the bytes per token. */
    size_t n_tok = doc->tokens.n ? doc->tokens.n : 1, n_sent = doc->sentences.n ? doc->sentences.n : 1;
    uint32_t *scratch = n_sent <= (SIZE_MAX - n_tok) / (2 * sizeof *scratch)
                            ? ws_arena_calloc(&doc->arena, 1, 2 * n_sent * sizeof *scratch + n_tok)
                            : NULL;
    if (!scratch)
        return WS_ENOMEM;
    w->first_mention_tok = scratch;
    w->naming_tok = scratch + n_sent;
    w->in_content = (uint8_t *)(scratch + 2 * n_sent);
    for (size_t i = 0; i < r->stmts.n; i++) {
        const ws_stmt *st = &r->stmts.v[i];
        if (st->speaker < 0)
            continue;
        for (uint32_t f = 0; f < st->n_frags; f++) {
            const ws_range *fr = &r->stmt_frags.v[st->frag_first + f];
            for (uint32_t t = ws_doc_token_at(doc, fr->start);
                 t < doc->tokens.n && doc->tokens.v[t].start < fr->end; t++)
                w->in_content[t] = 1;
        }
    }
    for (size_t s = 0; s < doc->sentences.n; s++)
        w->first_mention_tok[s] = w->naming_tok[s] = UINT32_MAX;
    for (size_t i = 0; i < r->ments.n; i++) {
        const ws_ment *m = &r->ments.v[i];
        if (m->entity < 0 || m->tok_start >= doc->tokens.n)
            continue;
        uint32_t s = doc->tokens.v[m->tok_start].sentence;
        if (m->tok_start < w->first_mention_tok[s])
            w->first_mention_tok[s] = m->tok_start;
    }
    return WS_OK;
}

/*
 * Quotations nobody is reported to have said. A quotation that makes its
 * own sentence needs a speaker: a cue, or a speaker named just before (the
 * convention for quotes that run on). Quoted words woven into the writer's
 * sentence are read as the words of someone the sentence names before them
 * ('Wilson believes it could be "the F4 of the decade"'), or of the
 * statement whose content they are part of; short ones are terms or scare
 * quotes. Titles of works and quotations in headlines are not checked.
 */
static int check_unattributed(ws_report *r, uint32_t ri)
{
    const ws_rule *rule = &r->ctx->rules.rules.v[ri];
    unsigned min_words = 3;
    if (rule->params && rule->params[0]) {
        /* As sscanf("%u") reads it, for a tenth of the cost. */
        char *end;
        unsigned long v = strtoul(rule->params[0], &end, 10);
        if (end != rule->params[0])
            min_words = (unsigned)v;
    }
    ws_doc *doc = &r->doc;
    woven_marks marks = {NULL, NULL, NULL};
    int rc = WS_OK;
    /* Statements are in document order, quotations too: one cursor finds
     * the statement before each quotation. */
    size_t next_stmt = 0;
    const ws_stmt *prev = NULL;
    for (size_t i = 0; i < doc->quotes.n && rc >= 0; i++) {
        const ws_quote *q = &doc->quotes.v[i];
        while (next_stmt < r->stmts.n &&
               r->stmt_frags.v[r->stmts.v[next_stmt].frag_first].start < q->open.start)
            prev = &r->stmts.v[next_stmt++];
        if (q->parent >= 0 || (q->flags & (WS_QUOTE_TITLE | WS_QUOTE_BLOCK)) || q->n_words < min_words)
            continue;
        if (q->statement >= 0 && (r->stmts.v[q->statement].speaker >= 0 ||
                                  r->stmts.v[q->statement].has_source ||
                                  continues_unresolved(r, q, prev)))
            continue;
        uint32_t t = ws_doc_token_at(doc, q->open.start);
        if (t >= doc->tokens.n || is_headline(doc, ws_doc_block_at(doc, q->open.start)))
            continue;
        if (q->statement < 0) {
            /* Woven into a sentence of the writer's. */
            if (q->n_words < WOVEN_MIN_WORDS)
                continue;
            if (!marks.in_content && (rc = woven_marks_make(r, &marks)) < 0)
                break;
            uint32_t inner = t + 1 < doc->tokens.n ? t + 1 : t;
            if (marks.in_content[inner] || marks.first_mention_tok[doc->tokens.v[t].sentence] < t ||
                names_someone_before(r, t, marks.naming_tok))
                continue;
        }
        char buf[96];
        rc = add(r, ri, q->open.start, q->close.end, excerpt(r, q, buf, sizeof buf), NULL, NULL);
    }
    return rc;
}

/* The form of lemma @lemma that matches the form of cue @ci ("claiming" ->
 * "saying"): looked up in the cue lexicon, so that it follows the list. */
static const char *inflect(const ws_ruleset *rs, const char *lemma, const ws_cue_info *ci,
                           ws_buf *scratch)
{
    for (size_t i = 0; i < rs->cue_info.n; i++) {
        const ws_cue_info *c = &rs->cue_info.v[i];
        if (c->pos != WS_CUE_VERB || c->lemma[0] != lemma[0] || strcmp(c->lemma, lemma) != 0)
            continue;
        if (c->is_ing == ci->is_ing && c->is_past == ci->is_past && c->is_s == ci->is_s &&
            c->is_base == ci->is_base) {
            /* The form itself: its key in the lexicon, as the ruleset's
             * index found it (else by a walk over the lexicon). */
            if (rs->cue_slot.n == rs->cue_info.n) {
                if (rs->cue_slot.v[i] == UINT32_MAX)
                    continue;
                const ws_lex_entry *e = &rs->cues.slots[rs->cue_slot.v[i]];
                scratch->len = 0;
                ws_buf_put(scratch, e->key, e->len);
                return scratch->data;
            }
            for (size_t k = 0; k < rs->cues.cap; k++) {
                const ws_lex_entry *e = &rs->cues.slots[k];
                if (!e->key || !(e->flags & WS_LEX_ENTRY))
                    continue;
                for (int32_t v = (int32_t)e->value; v >= 0; v = rs->cue_info.v[v].next)
                    if ((size_t)v == i) {
                        scratch->len = 0;
                        ws_buf_put(scratch, e->key, e->len);
                        return scratch->data;
                    }
            }
        }
    }
    return lemma;
}

/* Is the token after the cue one of @nouns ("denied the allegations")? */
static bool followed_by(const ws_report *r, const ws_range *cue, const char *nouns)
{
    const ws_doc *doc = &r->doc;
    uint32_t t = ws_doc_token_at(doc, cue->end);
    for (int k = 0; k < 3 && t < doc->tokens.n; k++, t++) {
        size_t n;
        const char *key = ws_doc_key(doc, t, &n);
        /* (As long a word as no list holds ends the look.) */
        if (n >= MAX_LISTED_WORD)
            return false;
        if (in_list_n(nouns, key, n))
            return true;
    }
    return false;
}

/* Does the article report an accusation: a cue of one of the lemmas of
 * @accusations, or one of them as a word ("the allegations")? */
static bool reports_accusation(const ws_report *r, const char *accusations)
{
    const ws_doc *doc = &r->doc;
    for (size_t i = 0; i < r->stmts.n; i++)
        if (r->stmts.v[i].cue_lemma && in_list(accusations, r->stmts.v[i].cue_lemma))
            return true;
    /* Every word of the article may be asked: most are passed over on their
     * first letter or their length. */
    word_list list = word_list_of(accusations);
    for (uint32_t t = 0; t < doc->tokens.n; t++) {
        size_t n;
        const char *key = ws_doc_key(doc, t, &n);
        if (n == 0 || n >= MAX_LISTED_WORD || doc->tokens.v[t].kind != WS_TOK_WORD)
            continue;
        if (word_list_has(&list, key, n))
            return true;
    }
    return false;
}

/* Is cue class @cls one of @classes? @listed caches the answer per class. */
static bool is_class_listed(const char *classes, ws_cue_class cls, signed char listed[WS_CUE_GUILT + 1])
{
    if ((unsigned)cls > WS_CUE_GUILT)
        return in_list(classes, ws_cue_class_name(cls));
    if (listed[cls] < 0)
        listed[cls] = in_list(classes, ws_cue_class_name(cls));
    return listed[cls];
}

/*
 * Loaded attribution verbs: cues whose class (from the cue lexicon) tells
 * the reader what to think of the statement: "claimed", "admitted". The
 * message offers the neutral verb in the same form. A denial ("denied")
 * answers an accusation: it is loaded only when the article reports none.
 */
static int check_loaded_cue(ws_report *r, uint32_t ri)
{
    const ws_ruleset *rs = &r->ctx->rules;
    const ws_rule *rule = &rs->rules.v[ri];
    const char *classes = rule->params[0];
    const char *replacement = rule->n_params > 1 && rule->params[1] ? rule->params[1] : "say";
    const char *unless = rule->n_params > 2 ? rule->params[2] : NULL;
    const char *denials = rule->n_params > 3 ? rule->params[3] : NULL;
    const char *accusations = rule->n_params > 4 ? rule->params[4] : NULL;
    const char *noun_replacement = rule->n_params > 5 && rule->params[5] ? rule->params[5] : "statement";
    int accused = -1; /* reports_accusation(), computed at the first denial */
    /* Per cue class: is it in @classes (-1 not asked yet)? Most cues are of
     * one class: the list is read once for it, not for every statement. */
    signed char listed[WS_CUE_GUILT + 1];
    memset(listed, -1, sizeof listed);
    ws_buf form;
    ws_buf_init(&form, &r->mem);
    int rc = WS_OK;
    for (size_t i = 0; i < r->stmts.n && rc >= 0; i++) {
        const ws_stmt *st = &r->stmts.v[i];
        if (!st->has_cue || !is_class_listed(classes, st->cue_class, listed))
            continue;
        if (unless && followed_by(r, &st->cue, unless))
            continue;
        if (denials && accusations && st->cue_lemma && in_list(denials, st->cue_lemma)) {
            if (accused < 0)
                accused = reports_accusation(r, accusations);
            if (accused)
                continue;
        }
        /* The reading of the cue as used, for the matching form. */
        const ws_doc *doc = &r->doc;
        uint32_t t = ws_doc_token_at(doc, st->cue.start);
        size_t n;
        const char *key = ws_doc_key(doc, t, &n);
        uint32_t v;
        const char *repl = replacement;
        if (st->cue_is_noun) {
            /* "Trump's claim that": a noun for a noun, plural for plural. */
            form.len = 0;
            if (ws_buf_puts(&form, noun_replacement) < 0 || (st->cue_is_plural && ws_buf_puts(&form, "s") < 0)) {
                rc = WS_ENOMEM;
                break;
            }
            repl = form.data;
        } else if (ws_lexicon_get(&rs->cues, key, n, &v)) {
            repl = inflect(rs, replacement, &rs->cue_info.v[v], &form);
        }
        char match[128];
        snprintf(match, sizeof match, "%.*s", (int)(st->cue.end - st->cue.start),
                 doc->text + st->cue.start);
        rc = add(r, ri, st->cue.start, st->cue.end, match, repl, repl);
    }
    ws_buf_release(&form);
    return rc;
}

/* Edit distance up to 2 (Damerau: a swap counts once), or 3 for "more". */
static unsigned edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 40 || m > 40)
        return 3;
    if (n > m + 2 || m > n + 2)
        return 3;
    unsigned d[41][41];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (unsigned)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (unsigned)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            unsigned cost = a[i - 1] != b[j - 1];
            unsigned best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < best)
                best = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    }
    return d[n][m] > 3 ? 3 : d[n][m];
}

static bool is_accepted_name(const ws_report *r, const char *word)
{
    const ws_lexicon *voc = &r->ctx->rules.vocabulary;
    char key[128];
    size_t n = strlen(word);
    if (n >= sizeof key || voc->n_entries == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] + 32 : word[i]);
    return ws_lexicon_contains(voc, key, n);
}

/* The text of mention @m, as written. */
static void mention_text(const ws_report *r, const ws_ment *m, char *buf, size_t cap)
{
    const ws_doc *doc = &r->doc;
    uint32_t s = doc->tokens.v[m->tok_start].start, e = doc->tokens.v[m->tok_end - 1].end;
    snprintf(buf, cap, "%.*s", (int)(e - s), doc->text + s);
}

/*
 * What the naming checks ask of every person: their mentions, whether they
 * speak, whether a proper name names them. Scanning all mentions (or all
 * statements) for each person would be quadratic in an article of
 * thousands of people, so the mentions are grouped by entity once, at the
 * first naming rule, in the order of r->ments.
 */
typedef struct naming_index {
    bool is_built;
    void *block;            /* one allocation holds the arrays below */
    uint32_t *first;        /* entity e's mentions: ids[first[e]] .. ids[first[e + 1] - 1] */
    uint32_t *ids;          /* indexes into r->ments */
    uint8_t *is_speaker;    /* per entity: some statement has it as speaker */
    uint8_t *has_name;      /* per entity: a mention by name (WS_MENTION_NAME or _SHORT) */
    const char **surname;   /* per entity: the last word of a person's proper name, or NULL */
} naming_index;

static void naming_index_release(ws_report *r, naming_index *x)
{
    ws_free(&r->mem, x->block);
    memset(x, 0, sizeof *x);
}

/* Is @e named (not only "the spokesman"), by a proper name in capitals? */
static bool has_proper_name(const ws_report *r, const naming_index *x, int32_t e)
{
    const char *name = r->ents.v[e].name;
    if (!name || !(name[0] >= 'A' && name[0] <= 'Z') || strchr(name, '\'') ||
        strstr(name, "\xE2\x80\x99"))
        return false;
    return x->has_name[e];
}

static int naming_index_build(ws_report *r, naming_index *x)
{
    size_t n_ents = r->ents.n, n_ments = r->ments.n;
    /* All in one zeroed block, the widest elements first so that each
     * array is aligned: surname, then first, ids and next, then the bytes.
     * (No overflow: the block is smaller than the arrays of entities and
     * mentions that the report holds already.) */
    size_t n_e = n_ents ? n_ents : 1, n_m = n_ments ? n_ments : 1;
    size_t size = n_e * sizeof *x->surname + (n_e + 1 + n_m + n_e) * sizeof(uint32_t) + 2 * n_e;
    char *block = ws_calloc(&r->mem, 1, size);
    if (!block)
        return WS_ENOMEM;
    x->block = block;
    x->surname = (const char **)(void *)block;
    x->first = (uint32_t *)(void *)(block + n_e * sizeof *x->surname);
    x->ids = x->first + n_e + 1;
    uint32_t *next = x->ids + n_m;
    x->is_speaker = (uint8_t *)(next + n_e);
    x->has_name = x->is_speaker + n_e;
    /* Counting sort by entity: stable, so each list keeps the order of r->ments. */
    for (size_t i = 0; i < n_ments; i++) {
        const ws_ment *m = &r->ments.v[i];
        if (m->entity >= 0 && (size_t)m->entity < n_ents)
            x->first[m->entity + 1]++;
    }
    for (size_t e = 0; e < n_ents; e++) {
        x->first[e + 1] += x->first[e];
        next[e] = x->first[e];
    }
    for (size_t i = 0; i < n_ments; i++) {
        const ws_ment *m = &r->ments.v[i];
        if (m->entity < 0 || (size_t)m->entity >= n_ents)
            continue;
        x->ids[next[m->entity]++] = (uint32_t)i;
        if (m->kind == WS_MENTION_NAME || m->kind == WS_MENTION_SHORT)
            x->has_name[m->entity] = 1;
    }
    for (size_t i = 0; i < r->stmts.n; i++) {
        int32_t sp = r->stmts.v[i].speaker;
        if (sp >= 0 && (size_t)sp < n_ents)
            x->is_speaker[sp] = 1;
    }
    /* The spelling check compares every pair of people: what it needs of
     * each is worked out once. */
    for (size_t e = 0; e < n_ents; e++)
        if (r->ents.v[e].type == WS_ENTITY_PERSON && has_proper_name(r, x, (int32_t)e))
            x->surname[e] = ws_last_word(r->ents.v[e].name);
    x->is_built = true;
    return WS_OK;
}

/* Mention @k (from 0) of entity @e, or NULL past its last. */
static const ws_ment *mention_of(const ws_report *r, const naming_index *x, int32_t e, uint32_t k)
{
    uint32_t i = x->first[e] + k;
    return i < x->first[e + 1] ? &r->ments.v[x->ids[i]] : NULL;
}

/* The first mention of entity @e, and its first mention of @kind (or NULL). */
static const ws_ment *first_mention(const ws_report *r, const naming_index *x, int32_t e, int kind)
{
    const ws_ment *m;
    for (uint32_t k = 0; (m = mention_of(r, x, e, k)); k++)
        if (kind < 0 || (int)m->kind == kind)
            return m;
    return NULL;
}

static uint32_t ment_start(const ws_report *r, const ws_ment *m)
{
    return r->doc.tokens.v[m->tok_start].start;
}

static uint32_t ment_end(const ws_report *r, const ws_ment *m)
{
    return r->doc.tokens.v[m->tok_end - 1].end;
}

/* Does @hay contain @needle, ignoring ASCII case? */
static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (!strncasecmp(hay, needle, n))
            return true;
    return false;
}

/* Is the capitalized title @role written right before the name ("Prime
 * Minister Sergey Lavrov"), as opposed to a description ("the minister")? */
static bool is_formal_title(const char *role)
{
    return role && role[0] >= 'A' && role[0] <= 'Z';
}

/*
 * One person, two formal titles of the same kind: "Foreign Minister Sergey
 * Lavrov" and later "Prime Minister Sergey Lavrov". Descriptions change
 * legitimately through an article (coach, boss, manager; singer,
 * musician), and so do titles of different kinds ("General Tolvar",
 * "President Tolvar"); two titles sharing their head word but naming
 * different offices are the slip an editor wants to see.
 */
static int check_titles(ws_report *r, const naming_index *x, uint32_t ri, int32_t e)
{
    const char *title = NULL;
    char match[160];
    const ws_ment *m;
    for (uint32_t k = 0; (m = mention_of(r, x, e, k)); k++) {
        if (!is_formal_title(m->role))
            continue;
        if (!title) {
            title = m->role;
            continue;
        }
        if (!strcasecmp(title, m->role) || contains_ci(title, m->role) ||
            contains_ci(m->role, title) || strcasecmp(ws_last_word(title), ws_last_word(m->role)))
            continue;
        mention_text(r, m, match, sizeof match);
        return add(r, ri, ment_start(r, m), ment_end(r, m), match, title, NULL);
    }
    return WS_OK;
}

/* @x is @y with a plural or possessive ending ("Gates", "Scarman's"). */
static bool is_inflection_of(const char *x, const char *y)
{
    size_t n = strlen(x), m = strlen(y);
    if (n < m || strncmp(x, y, m) != 0)
        return false;
    return !strcmp(x + m, "s") || !strcmp(x + m, "es") || !strcmp(x + m, "'s");
}

/* The length of the first name in @name, 0 when there is none: one word
 * alone, or a courtesy title ("Mr Kestrov"). */
static size_t first_word_len(const ws_report *r, const char *name)
{
    const char *sp = strchr(name, ' ');
    if (!sp)
        return 0;
    size_t n = (size_t)(sp - name);
    char key[32];
    if (n < sizeof key) {
        for (size_t i = 0; i < n; i++)
            key[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
        const ws_word_info *w = word_info(r, key, n);
        if (w && w->honorific >= 0)
            return 0;
    }
    return n;
}

/*
 * Two people whose surnames differ by a letter or two are often one person
 * spelled two ways ("Kestrovsky", later "Kestorvsky"). Two full names
 * with different first names are two people (Tom Hale, Ana Hales); a
 * misspelling keeps the first letter; a plural or possessive ending is not
 * a spelling.
 */
static int check_spelling(ws_report *r, const naming_index *idx, uint32_t ri, int32_t e, int32_t o)
{
    const ws_ent *ent = &r->ents.v[e], *other = &r->ents.v[o];
    const char *x = idx->surname[e], *y = idx->surname[o];
    if (!x || !y)
        return WS_OK;
    size_t nx = strlen(x), ny = strlen(y), len = nx < ny ? nx : ny;
    /* The cheap tests first: the pairs are many. */
    if (len < 4 || x[0] != y[0])
        return WS_OK;
    unsigned d = edit_distance(x, y);
    if (d == 0 || d > (len >= 7 ? 2u : 1u))
        return WS_OK;
    if (is_inflection_of(x, y) || is_inflection_of(y, x) || is_accepted_name(r, x))
        return WS_OK;
    size_t fx = first_word_len(r, ent->name), fy = first_word_len(r, other->name);
    if (fx && fy && (fx != fy || strncmp(ent->name, other->name, fx) != 0))
        return WS_OK;
    const ws_ment *m = first_mention(r, idx, e, -1);
    char a[160], b[160];
    snprintf(a, sizeof a, "%s", x);
    snprintf(b, sizeof b, "%s", y);
    /* The finding is on the surname as written in that mention. */
    uint32_t start = ment_start(r, m), end = ment_end(r, m);
    for (uint32_t t = m->tok_start; t < m->tok_end; t++) {
        const ws_token *tok = &r->doc.tokens.v[t];
        if (tok->end - tok->start == strlen(x) && !memcmp(r->doc.text + tok->start, x, strlen(x))) {
            start = tok->start;
            end = tok->end;
        }
    }
    return add(r, ri, start, end, a, b, b);
}

/* Is the name at tokens [s, e) described where it stands: a word before it
 * ("sprinter Ana Ruiz", "Liberal Democrat Tom Marlow") or an
 * apposition after it ("Lena Ortiz, director of ...")? */
static bool is_described(const ws_report *r, uint32_t s, uint32_t e)
{
    const ws_doc *doc = &r->doc;
    if (s > 0 && doc->tokens.v[s - 1].kind == WS_TOK_WORD &&
        doc->tokens.v[s - 1].sentence == doc->tokens.v[s].sentence) {
        const ws_word_info *w = tok_word_info(r, s - 1);
        if (!w || !w->fw)
            return true;
    }
    if (e + 1 < doc->tokens.n && doc->tokens.v[e].end - doc->tokens.v[e].start == 1 &&
        doc->text[doc->tokens.v[e].start] == ',' && doc->tokens.v[e + 1].kind == WS_TOK_WORD &&
        doc->tokens.v[e + 1].sentence == doc->tokens.v[e].sentence) {
        /* ", said" closes the quotation; anything else describes. */
        size_t n;
        const char *key = ws_doc_key(doc, e + 1, &n);
        uint32_t v;
        return !ws_lexicon_get(&r->ctx->rules.cues, key, n, &v);
    }
    return false;
}

static bool is_first_name(const ws_report *r, uint32_t t)
{
    const ws_word_info *w = tok_word_info(r, t);
    return w && w->first_name;
}

/*
 * A person quoted with nothing on who they are. Only people the article
 * names in full with a known first name are checked (a company or a party
 * in the speaker's place is not a person), and a description anywhere
 * counts: a role from the lexicons, a word before a mention, an apposition.
 */
static int check_role(ws_report *r, const naming_index *x, uint32_t ri, int32_t e)
{
    const ws_ent *ent = &r->ents.v[e];
    if (ent->role || ent->institution || !x->is_speaker[e] || !first_word_len(r, ent->name))
        return WS_OK;
    const ws_ment *named = NULL, *m;
    for (uint32_t k = 0; (m = mention_of(r, x, e, k)); k++) {
        if (m->kind == WS_MENTION_PRONOUN || m->kind == WS_MENTION_NOMINAL)
            continue;
        if (is_described(r, m->tok_start, m->tok_end))
            return WS_OK;
        if (!named && m->kind == WS_MENTION_NAME && is_first_name(r, m->tok_start))
            named = m;
    }
    if (!named)
        return WS_OK;
    char match[160];
    mention_text(r, named, match, sizeof match);
    return add(r, ri, ment_start(r, named), ment_end(r, named), match, NULL, NULL);
}

/*
 * A person called by surname before the article gives the full name.
 * Headlines use surnames by convention and are skipped; the full name must
 * start with a known first name, so that a company or a place read as a
 * person ("Merrill said") is not taken for one.
 */
static int check_surname_first(ws_report *r, const naming_index *x, uint32_t ri, int32_t e)
{
    const ws_ent *ent = &r->ents.v[e];
    const ws_ment *first = NULL, *full = NULL, *m;
    for (uint32_t k = 0; !full && (m = mention_of(r, x, e, k)); k++) {
        if (is_headline(&r->doc, ws_doc_block_at(&r->doc, ment_start(r, m))))
            continue;
        if (m->kind == WS_MENTION_NAME)
            full = m;
        else if (!first)
            first = m;
    }
    if (!first || !full || first->kind != WS_MENTION_SHORT || !strchr(ent->name, ' ') ||
        full->name_start >= full->name_end || !is_first_name(r, full->name_start))
        return WS_OK;
    char match[160];
    mention_text(r, first, match, sizeof match);
    return add(r, ri, ment_start(r, first), ment_end(r, first), match, ent->name, ent->name);
}

/* The token of @r's statement source [start, end) whose key is in @list, or UINT32_MAX. */
static uint32_t source_word(const ws_report *r, const ws_range *src, const word_list *list)
{
    const ws_doc *doc = &r->doc;
    for (uint32_t t = ws_doc_token_at(doc, src->start); t < doc->tokens.n && doc->tokens.v[t].start < src->end;
         t++) {
        size_t n;
        const char *key = ws_doc_key(doc, t, &n);
        if (n == 0 || n >= MAX_LISTED_WORD)
            continue;
        if (word_list_has(list, key, n))
            return t;
    }
    return UINT32_MAX;
}

/* "two sources", "several sources": the count says there are more than one. */
static bool is_counted(const ws_report *r, uint32_t t)
{
    static const char *const counts[] = {"two", "three", "four", "five", "several", "multiple",
                                         "many", "both", "other", "numerous", "various", "some"};
    for (uint32_t k = t; k-- > 0 && t - k <= 2;) {
        size_t n;
        const char *key = ws_doc_key(&r->doc, k, &n);
        for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
            if (strlen(counts[i]) == n && !memcmp(key, counts[i], n))
                return true;
        if (r->doc.tokens.v[k].kind == WS_TOK_NUMBER)
            return true;
    }
    return false;
}

/*
 * "Sources said" in one place, "the source said" in another: one source
 * made plural, which overstates the reporting. Sources counted ("two
 * sources") are several by the article's own word.
 */
static int check_plural_source(ws_report *r, uint32_t ri)
{
    const ws_rule *rule = &r->ctx->rules.rules.v[ri];
    const word_list singular = word_list_of(rule->params[1]);
    const ws_stmt *one = NULL;
    uint32_t one_tok = UINT32_MAX;
    for (size_t i = 0; i < r->stmts.n && !one; i++)
        if (r->stmts.v[i].has_source &&
            (one_tok = source_word(r, &r->stmts.v[i].source, &singular)) != UINT32_MAX)
            one = &r->stmts.v[i];
    if (!one)
        return WS_OK;
    const word_list plural = word_list_of(rule->params[0]);
    char one_text[96], match[64];
    snprintf(one_text, sizeof one_text, "%.*s", (int)(one->source.end - one->source.start),
             r->doc.text + one->source.start);
    int rc = WS_OK;
    for (size_t i = 0; i < r->stmts.n && rc >= 0; i++) {
        const ws_stmt *st = &r->stmts.v[i];
        uint32_t t = st->has_source ? source_word(r, &st->source, &plural) : UINT32_MAX;
        if (t == UINT32_MAX || is_counted(r, t))
            continue;
        const ws_token *tok = &r->doc.tokens.v[t];
        snprintf(match, sizeof match, "%.*s", (int)(tok->end - tok->start), r->doc.text + tok->start);
        rc = add(r, ri, tok->start, tok->end, match, one_text, NULL);
    }
    return rc;
}

enum { MAX_SPELLING_ENTITIES = 2000 };

/* Naming: surname before full name, two titles, two spellings, no role. */
static int check_naming(ws_report *r, uint32_t ri, naming_index *x)
{
    const ws_rule *rule = &r->ctx->rules.rules.v[ri];
    const char *check = rule->params[0];
    int rc = WS_OK;
    /* Which check: asked once, not of each person. */
    enum { SURNAME_FIRST, TITLES, SPELLING, ROLE, NONE } which = !strcmp(check, "surname-first") ? SURNAME_FIRST
                                                                 : !strcmp(check, "titles")      ? TITLES
                                                                 : !strcmp(check, "spelling")    ? SPELLING
                                                                 : !strcmp(check, "role")        ? ROLE
                                                                                                 : NONE;
    /* Spellings are compared pairwise: beyond an article's few hundred
     * people (a name list, a machine-made file) the check stops. */
    if (which == SPELLING && r->ents.n > MAX_SPELLING_ENTITIES)
        return WS_OK;
    if (!x->is_built && (rc = naming_index_build(r, x)) < 0)
        return rc;
    for (size_t e = 0; e < r->ents.n && rc >= 0 && which != NONE; e++) {
        const ws_ent *ent = &r->ents.v[e];
        if (ent->type != WS_ENTITY_PERSON || !ent->name)
            continue;
        if (which == SURNAME_FIRST) {
            rc = check_surname_first(r, x, ri, (int32_t)e);
        } else if (which == TITLES) {
            rc = check_titles(r, x, ri, (int32_t)e);
        } else if (which == SPELLING) {
            for (size_t o = 0; o < e && rc >= 0; o++)
                rc = check_spelling(r, x, ri, (int32_t)e, (int32_t)o);
        } else {
            rc = check_role(r, x, ri, (int32_t)e);
        }
    }
    return rc;
}

int ws_pass_checks(ws_report *r)
{
    const ws_ruleset *rs = &r->ctx->rules;
    naming_index naming;
    memset(&naming, 0, sizeof naming);
    int rc = WS_OK;
    for (size_t i = 0; i < rs->rules.n && rc >= 0; i++) {
        if (r->levels[i] == WS_LEVEL_OFF)
            continue;
        switch (rs->rules.v[i].kind) {
        case WS_RULE_UNBALANCED:
            rc = check_unbalanced(r, (uint32_t)i);
            break;
        case WS_RULE_UNATTRIBUTED:
            rc = check_unattributed(r, (uint32_t)i);
            break;
        case WS_RULE_LOADED_CUE:
            rc = check_loaded_cue(r, (uint32_t)i);
            break;
        case WS_RULE_NAMING:
            rc = check_naming(r, (uint32_t)i, &naming);
            break;
        case WS_RULE_PLURAL_SOURCE:
            rc = check_plural_source(r, (uint32_t)i);
            break;
        default:
            break;
        }
    }
    naming_index_release(r, &naming);
    return rc < 0 ? rc : WS_OK;
}
