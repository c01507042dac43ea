/* speakers.c - transcript labels, press release issuers, and who they are (see speakers.h). */
#include "verify/speakers.h"

#include <string.h>

#include "text/utf8.h"
#include "verify/words.h"

/* Capitalized lead-ins that are not speakers ("Note:", "Editor's note:", "UPDATE:"). */
static const char *const not_labels[] = {
    "attention", "background", "by",       "caption",  "category", "cc",      "contact",
    "copyright", "correction", "credit",   "date",     "dateline", "disclaimer", "editor's",
    "editors",   "example",    "from",     "headline", "image",    "location", "media",
    "note",      "notes",      "photo",    "place",    "re",       "read",     "related",
    "see",       "source",     "sources",  "subject",  "summary",  "tags",     "time",
    "title",     "to",         "transcript", "update", "updated",  "via",      "warning",
    "watch",     "listen",     "when",     "where",    "who",      "what",     "the",
    "a",         "an",         "in",       "on",       "at",
};

static bool is_not_label(const char *s, uint32_t start, uint32_t end)
{
    char key[32];
    size_t n = 0;
    for (uint32_t i = start; i < end && n + 1 < sizeof key; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 && c != 0xE2)
            return false; /* no lead-in above is spelled with other letters */
        if (c == 0xE2) { /* U+2019 in "Editor’s" */
            if (i + 2 < end && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x99) {
                key[n++] = '\'';
                i += 2;
                continue;
            }
            return false;
        }
        key[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    key[n] = '\0';
    for (size_t k = 0; k < sizeof not_labels / sizeof *not_labels; k++)
        if (!strcmp(key, not_labels[k]))
            return true;
    return false;
}

typedef struct label_word {
    uint32_t start, end;
    unsigned n_letters;
    unsigned n_upper;
    bool is_first_upper;
} label_word;

enum { MAX_LABEL_WORDS = 5 };

bool ws_voice_label_at(const char *text, uint32_t len, uint32_t at, uint32_t *start, uint32_t *end,
                       uint32_t *after, ws_voice_kind *kind)
{
    uint32_t i = at;
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    label_word w[MAX_LABEL_WORDS];
    unsigned n = 0;
    for (;;) {
        if (n == MAX_LABEL_WORDS || i >= len)
            return false;
        label_word *cur = &w[n];
        memset(cur, 0, sizeof *cur);
        cur->start = i;
        while (i < len) {
            int32_t cp;
            int k = ws_utf8_decode(text + i, len - i, &cp);
            if (ws_cp_is_letter(cp)) {
                if (cur->n_letters == 0)
                    cur->is_first_upper = ws_cp_is_upper(cp);
                cur->n_letters++;
                cur->n_upper += ws_cp_is_upper(cp);
            } else if (!(cur->n_letters && (cp == '.' || cp == '\'' || cp == '-' || cp == 0x2019))) {
                break;
            }
            i += (uint32_t)k;
        }
        cur->end = i;
        if (cur->n_letters == 0)
            return false;
        n++;
        if (i < len && text[i] == ':')
            break;
        if (i + 1 < len && text[i] == ' ' && text[i + 1] != ' ')
            i++;
        else
            return false;
    }
    uint32_t colon = i;
    if (colon + 1 < len && text[colon + 1] != ' ' && text[colon + 1] != '\t' && text[colon + 1] != '\n')
        return false;
    bool is_caps = true, has_long = false;
    for (unsigned k = 0; k < n; k++) {
        is_caps = is_caps && w[k].n_upper == w[k].n_letters;
        has_long = has_long || w[k].n_letters >= 2;
    }
    uint32_t wlen = w[0].end - w[0].start;
    if (n == 1 && wlen == 1 && (text[w[0].start] == 'Q' || text[w[0].start] == 'A')) {
        *kind = text[w[0].start] == 'Q' ? WS_VOICE_QUESTION : WS_VOICE_ANSWER;
    } else if (n == 1 && (wlen == 8 && (!strncmp(text + w[0].start, "QUESTION", 8) ||
                                        !strncmp(text + w[0].start, "Question", 8)))) {
        *kind = WS_VOICE_QUESTION;
    } else if (n == 1 && (wlen == 6 && (!strncmp(text + w[0].start, "ANSWER", 6) ||
                                        !strncmp(text + w[0].start, "Answer", 6)))) {
        *kind = WS_VOICE_ANSWER;
    } else if (is_not_label(text, w[0].start, w[0].end)) {
        return false;
    } else if (is_caps && has_long) {
        *kind = WS_VOICE_NAMED;
    } else {
        /* Mixed case: two to four words, each with a capital but for short particles ("al"). */
        if (n < 2 || n > 4 || !w[0].is_first_upper || !w[n - 1].n_upper)
            return false;
        for (unsigned k = 1; k + 1 < n; k++)
            if (!w[k].n_upper && w[k].n_letters > 3)
                return false;
        *kind = WS_VOICE_NAMED;
    }
    *start = w[0].start;
    *end = w[n - 1].end;
    i = colon + 1;
    while (i < len && (text[i] == ' ' || text[i] == '\t'))
        i++;
    *after = i;
    return true;
}

/* The next line [*ls, *le) of @s from @at; returns the start of the one
 * after. A line ends at "\n", "\r\n" or a lone "\r", as the readers
 * have it, so that front matter the reader skips is also read here. */
static uint32_t next_line(const char *s, uint32_t len, uint32_t at, uint32_t *ls, uint32_t *le)
{
    uint32_t e = at;
    while (e < len && s[e] != '\n' && s[e] != '\r')
        e++;
    *ls = at;
    *le = e;
    if (e < len && s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
        return e + 2;
    return e < len ? e + 1 : len;
}

static bool is_fence(const char *s, uint32_t ls, uint32_t le, const char *mark)
{
    while (le > ls && (s[le - 1] == ' ' || s[le - 1] == '\t'))
        le--;
    return le - ls == 3 && !memcmp(s + ls, mark, 3);
}

bool ws_front_matter_issuer(const char *src, uint32_t len, uint32_t *start, uint32_t *end)
{
    uint32_t at = len >= 3 && !memcmp(src, "\xEF\xBB\xBF", 3) ? 3 : 0;
    uint32_t ls, le;
    at = next_line(src, len, at, &ls, &le);
    if (!is_fence(src, ls, le, "---"))
        return false;
    bool found = false, is_issuer = false;
    while (at < len) {
        at = next_line(src, len, at, &ls, &le);
        if (is_fence(src, ls, le, "---") || is_fence(src, ls, le, "..."))
            return found;
        static const char *const keys[] = {"issuer:", "from:"};
        for (int k = 0; k < 2; k++) {
            size_t kl = strlen(keys[k]);
            if (le - ls < kl || memcmp(src + ls, keys[k], kl) || (found && (k == 1 || is_issuer)))
                continue;
            uint32_t vs = ls + (uint32_t)kl, ve = le;
            while (vs < ve && (src[vs] == ' ' || src[vs] == '\t'))
                vs++;
            while (ve > vs && (src[ve - 1] == ' ' || src[ve - 1] == '\t'))
                ve--;
            if (ve - vs >= 2 && (src[vs] == '"' || src[vs] == '\'') && src[ve - 1] == src[vs]) {
                vs++;
                ve--;
            }
            if (ve > vs) {
                *start = vs;
                *end = ve;
                found = true;
                is_issuer = k == 0;
            }
        }
    }
    return false; /* never closed: not front matter */
}

/* ------------------------------------------------------------------------ */
/* Comparing names                                                          */
/* ------------------------------------------------------------------------ */

enum { MAX_NAME_WORDS = 16, NAME_WORD_LEN = 48 };

typedef struct word_set {
    char w[MAX_NAME_WORDS][NAME_WORD_LEN];
    unsigned n;
} word_set;

/* The lower-case words of @s, periods dropped ("Ms." -> "ms"), hyphenated parts split. */
static void words_of(const ws_allocator *mem, const char *s, word_set *out)
{
    out->n = 0;
    if (!s)
        return;
    ws_buf key;
    ws_buf_init(&key, mem);
    uint32_t len = (uint32_t)strlen(s), pos = 0, ws, we;
    while (out->n < MAX_NAME_WORDS && ws_vword_next(s, len, &pos, &ws, &we)) {
        key.len = 0;
        if (ws_vword_key(s, ws, we, true, &key) < 0)
            break;
        size_t n = 0;
        for (size_t i = 0; i < key.len && n + 1 < NAME_WORD_LEN; i++)
            if (key.data[i] != '.')
                out->w[out->n][n++] = key.data[i];
        out->w[out->n][n] = '\0';
        if (n)
            out->n++;
    }
    ws_buf_release(&key);
}

static bool has_word(const word_set *set, const char *w)
{
    for (unsigned i = 0; i < set->n; i++)
        if (!strcmp(set->w[i], w))
            return true;
    return false;
}

/* A label and a person's name agree when either's last word is among the other's words. */
static bool names_agree(const ws_allocator *mem, const char *label, const char *name)
{
    word_set a, b;
    words_of(mem, label, &a);
    words_of(mem, name, &b);
    if (!a.n || !b.n)
        return false;
    return has_word(&b, a.w[a.n - 1]) || has_word(&a, b.w[b.n - 1]);
}

/* Words that say nothing about which body speaks. */
static const char *const body_noise[] = {
    "the",      "of",         "for",       "and",       "on",        "in",         "us",
    "u",        "s",          "united",    "states",    "america",   "american",   "department",
    "ministry", "office",     "agency",    "government", "council",  "committee",  "administration",
    "embassy",  "bureau",     "service",   "commission", "secretariat", "press",   "spokesperson",
    "spokesman", "spokeswoman", "statement", "official", "officials", "national",  "federal",
};

static bool is_body_noise(const char *w)
{
    for (size_t i = 0; i < sizeof body_noise / sizeof *body_noise; i++)
        if (!strcmp(body_noise[i], w))
            return true;
    return false;
}

/* Two names of bodies: the same when they share a telling word ("State"). */
static ws_voice_agreement bodies_compare(const ws_allocator *mem, const char *a, const char *b)
{
    word_set x, y;
    words_of(mem, a, &x);
    words_of(mem, b, &y);
    unsigned n_x = 0, n_y = 0;
    for (unsigned i = 0; i < y.n; i++)
        n_y += !is_body_noise(y.w[i]);
    for (unsigned i = 0; i < x.n; i++) {
        if (is_body_noise(x.w[i]))
            continue;
        n_x++;
        if (has_word(&y, x.w[i]))
            return WS_VOICE_MATCH;
    }
    return n_x && n_y ? WS_VOICE_MISMATCH : WS_VOICE_UNKNOWN;
}

static ws_voice_agreement compare_entity(const ws_voice *v, const ws_report *r, const ws_ent *e,
                                         int depth)
{
    const ws_allocator *mem = &r->mem;
    if (e->type == WS_ENTITY_GROUP && depth == 0) {
        /* A group speaks through any of its members; otherwise nobody can tell. */
        for (uint32_t k = 0; k < e->n_members; k++) {
            int32_t m = r->members.v[e->first_member + k];
            if (m >= 0 && (size_t)m < r->ents.n &&
                compare_entity(v, r, &r->ents.v[m], depth + 1) == WS_VOICE_MATCH)
                return WS_VOICE_MATCH;
        }
        return WS_VOICE_UNKNOWN;
    }
    switch (v->kind) {
    case WS_VOICE_ANSWER:
        return WS_VOICE_UNKNOWN;
    case WS_VOICE_QUESTION:
        /* A reporter's question put in a named person's mouth. */
        return e->type == WS_ENTITY_PERSON ? WS_VOICE_MISMATCH : WS_VOICE_UNKNOWN;
    case WS_VOICE_NAMED:
        if (e->type == WS_ENTITY_PERSON)
            return names_agree(mem, v->label, e->name) ? WS_VOICE_MATCH : WS_VOICE_MISMATCH;
        /* A named official may speak for an institution: only agreement is telling. */
        if (e->type == WS_ENTITY_INSTITUTION && bodies_compare(mem, v->label, e->name) == WS_VOICE_MATCH)
            return WS_VOICE_MATCH;
        return WS_VOICE_UNKNOWN;
    case WS_VOICE_ISSUER:
        if (e->type == WS_ENTITY_PERSON) {
            word_set issuer, name;
            words_of(mem, v->label, &issuer);
            words_of(mem, e->name, &name);
            if (name.n && has_word(&issuer, name.w[name.n - 1]))
                return WS_VOICE_MATCH;
            /* A spokesperson or minister speaks for the body that issued the text. */
            if (e->institution)
                return bodies_compare(mem, v->label, e->institution) == WS_VOICE_MATCH
                           ? WS_VOICE_MATCH : WS_VOICE_MISMATCH;
            return WS_VOICE_UNKNOWN;
        }
        if (e->type == WS_ENTITY_INSTITUTION)
            return bodies_compare(mem, v->label, e->name);
        return WS_VOICE_UNKNOWN;
    }
    return WS_VOICE_UNKNOWN;
}

ws_voice_agreement ws_voice_compare(const ws_voice *v, const ws_report *r, int32_t entity)
{
    if (!v || entity < 0 || (size_t)entity >= r->ents.n)
        return WS_VOICE_UNKNOWN;
    const ws_ent *e = &r->ents.v[entity];
    if (!e->name || (e->type != WS_ENTITY_PERSON && e->type != WS_ENTITY_INSTITUTION &&
                     e->type != WS_ENTITY_GROUP))
        return WS_VOICE_UNKNOWN;
    return compare_entity(v, r, e, 0);
}

/* ------------------------------------------------------------------------ */
/* Names in messages                                                        */
/* ------------------------------------------------------------------------ */

/* "SECRETARY POMPEO" -> "Secretary Pompeo"; labels in mixed case stay as written. */
static int put_title_case(const char *s, ws_buf *out)
{
    bool has_lower = false;
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += (size_t)ws_utf8_decode(s + i, len - i, &cp);
        has_lower = has_lower || ws_cp_is_lower(cp);
    }
    if (has_lower)
        return ws_buf_puts(out, s);
    int rc = WS_OK;
    bool at_word_start = true;
    for (size_t i = 0; i < len && rc >= 0;) {
        int32_t cp;
        i += (size_t)ws_utf8_decode(s + i, len - i, &cp);
        bool is_letter = ws_cp_is_letter(cp);
        rc = ws_buf_put_cp(out, is_letter && !at_word_start ? ws_cp_lower(cp) : cp);
        at_word_start = !is_letter && cp != '\'' && cp != 0x2019;
    }
    return rc;
}

int ws_voice_display(const ws_voice *v, bool possessive, ws_buf *out)
{
    switch (v->kind) {
    case WS_VOICE_QUESTION:
        return ws_buf_printf(out, "a question (%s:)", v->label);
    case WS_VOICE_ANSWER:
        return ws_buf_printf(out, "an answer (%s:)", v->label);
    case WS_VOICE_NAMED: {
        /* The surname, as the article's speaker is named: "SECRETARY POMPEO" -> "Pompeo". */
        const char *last = strrchr(v->label, ' ');
        int rc = put_title_case(last ? last + 1 : v->label, out);
        return rc >= 0 && possessive ? ws_buf_puts(out, "'s") : rc;
    }
    case WS_VOICE_ISSUER: {
        int rc = ws_buf_puts(out, v->label);
        return rc >= 0 && possessive ? ws_buf_puts(out, "'s") : rc;
    }
    }
    return WS_OK;
}

int ws_entity_display(const ws_report *r, int32_t entity, ws_buf *out)
{
    if (entity < 0 || (size_t)entity >= r->ents.n || !r->ents.v[entity].name)
        return ws_buf_puts(out, "the speaker");
    const ws_ent *e = &r->ents.v[entity];
    if (e->type != WS_ENTITY_PERSON)
        return ws_buf_puts(out, e->name);
    const char *last = strrchr(e->name, ' ');
    return ws_buf_puts(out, last ? last + 1 : e->name);
}
