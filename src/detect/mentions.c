/*
 * mentions.c - who is who: mentions of people, institutions, groups and
 * anonymous sources, and the entities they refer to.
 *
 * A mention is a noun phrase classified by the lexicons: a role before a
 * name ("State Department spokesperson Heather Nauert") makes a person with
 * a role and an institution; a name ending in an institution head ("The
 * Syrian Foreign Ministry") an institution with its country; names joined
 * by "and" a group. Later mentions resolve to earlier entities: a surname to
 * the full name, "the ministry" to the last ministry, "the three Western
 * nations" to the last group of three, a pronoun to the nearest entity it
 * can stand for. Mentions are read in text order, so every resolution looks
 * only backwards, as a reader does.
 */
#include <stdio.h>
#include <string.h>

#include "detect/attr.h"
#include "text/utf8.h"

enum { GENDER_UNKNOWN = 0, GENDER_MALE = 1, GENDER_FEMALE = 2, GENDER_THING = 3 };

/* Text of tokens [i, j) as written, in the report's arena. */
static const char *span_text(ws_attr *a, uint32_t i, uint32_t j)
{
    if (i >= j)
        return NULL;
    uint32_t s = a->tok[i].start, e = a->tok[j - 1].end;
    return ws_arena_strndup(&a->doc->arena, a->doc->text + s, e - s);
}

/* A word of a person's or institution's name: capitalized, or a particle
 * inside one (al-Assad, bin, de, van, von). */
static bool is_name_part(const ws_attr *a, uint32_t i)
{
    if (ws_tok_is_name_word(a, i))
        return a->ann[i].role < 0 || a->ann[i].inst >= 0;
    const ws_token *t = &a->tok[i];
    if (t->kind != WS_TOK_WORD)
        return false;
    size_t n;
    const char *k = ws_doc_key(a->doc, i, &n);
    /* Arabic article prefixes are part of the surname: al-Assad. */
    if (n > 3 && (k[0] == 'a' || k[0] == 'e') && k[1] == 'l' && k[2] == '-')
        return true;
    if (a->ann[i].fw & WS_FW_PARTICLE)
        return i + 1 < a->doc->tokens.n && ws_tok_is_name_word(a, i + 1);
    return false;
}

/* The run of name words ending at @end (exclusive), not before @limit. */
static uint32_t name_run_left(const ws_attr *a, uint32_t end, uint32_t limit)
{
    uint32_t k = end;
    while (k > limit) {
        uint32_t t = k - 1;
        if (is_name_part(a, t) && a->ann[t].country < 0 && a->ann[t].demonym < 0) {
            k = t;
            continue;
        }
        /* Initials: "J. Smith", "Donald J. Trump". */
        if (ws_tok_text_is(a, t, ".") && t > limit && a->tok[t - 1].end - a->tok[t - 1].start == 1 &&
            ws_tok_is_name_word(a, t - 1)) {
            k = t - 1;
            continue;
        }
        break;
    }
    /* A name does not start with a particle. */
    while (k < end && !ws_tok_is_name_word(a, k))
        k++;
    return k;
}

static bool str_eq(const char *x, const char *y)
{
    return x && y && !strcmp(x, y);
}

static bool str_ieq(const char *x, const char *y)
{
    if (!x || !y)
        return false;
    for (; *x && *y; x++, y++) {
        char cx = *x >= 'A' && *x <= 'Z' ? (char)(*x + 32) : *x;
        char cy = *y >= 'A' && *y <= 'Z' ? (char)(*y + 32) : *y;
        if (cx != cy)
            return false;
    }
    return *x == *y;
}

/* Strip "al-" and the like so that "Assad" finds "Bashar al-Assad". */
static const char *bare_name(const char *w)
{
    if ((w[0] == 'a' || w[0] == 'e') && w[1] == 'l' && w[2] == '-' && w[3])
        return w + 3;
    return w;
}

/* Does a one-word mention @word name the person @name (first or last word)? */
static bool names_person(const char *name, const char *word)
{
    if (!name || !word)
        return false;
    const char *last = strrchr(name, ' ');
    last = last ? last + 1 : name;
    if (!strcmp(bare_name(last), bare_name(word)) || !strcmp(last, word))
        return true;
    size_t n = strcspn(name, " ");
    return strlen(word) == n && !strncmp(name, word, n) && strchr(name, ' ');
}

static int32_t new_entity(ws_attr *a, ws_entity_type type, const char *name)
{
    ws_report *r = a->r;
    if (WS_ARRAY_GROW(&r->mem, r->ents) < 0)
        return WS_ENOMEM;
    ws_ent *e = &r->ents.v[r->ents.n];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->name = name;
    return (int32_t)r->ents.n++;
}

/* Fill what the entity does not know yet from a new mention. */
static void enrich(ws_ent *e, const ws_ment *m)
{
    /* An institution is not its own institution. */
    if (e->type == WS_ENTITY_INSTITUTION && m->institution && str_eq(m->institution, e->name)) {
        if (!e->country && m->country)
            e->country = m->country;
        return;
    }
    if (!e->role && m->role)
        e->role = m->role;
    if (!e->institution && m->institution)
        e->institution = m->institution;
    if (!e->country && m->country)
        e->country = m->country;
    if (!e->gender && m->gender)
        e->gender = m->gender;
    if (!e->head && m->head)
        e->head = m->head;
}

/* The most recent entity satisfying @ok, by its latest mention before @before. */
static int32_t most_recent(ws_attr *a, uint32_t before, bool (*ok)(const ws_ent *, const ws_ment *),
                           const ws_ment *m, bool prefer_speakers)
{
    int32_t best = -1;
    uint32_t best_tok = 0;
    for (size_t i = 0; i < a->r->ents.n; i++) {
        const ws_ent *e = &a->r->ents.v[i];
        uint32_t at = prefer_speakers && e->last_subject_tok ? e->last_subject_tok : e->last_tok;
        if (at >= before || !ok(e, m))
            continue;
        if (best < 0 || at > best_tok) {
            best = (int32_t)i;
            best_tok = at;
        }
    }
    return best;
}

static bool ok_person(const ws_ent *e, const ws_ment *m)
{
    if (e->type != WS_ENTITY_PERSON)
        return false;
    return !m->gender || !e->gender || m->gender == e->gender;
}

static bool ok_plural(const ws_ent *e, const ws_ment *m)
{
    (void)m;
    return e->type == WS_ENTITY_GROUP || e->is_plural ||
           (e->type == WS_ENTITY_ANONYMOUS && e->is_plural);
}

static bool ok_institution(const ws_ent *e, const ws_ment *m)
{
    (void)m;
    return e->type == WS_ENTITY_INSTITUTION;
}

/* "the ministry" -> the last institution whose head or name has that noun. */
static bool ok_same_head(const ws_ent *e, const ws_ment *m)
{
    if (!m->head)
        return false;
    if (e->type == WS_ENTITY_GROUP)
        return str_eq(e->head, m->head) && (!m->n_count || m->n_count == e->n_members);
    if (e->type != WS_ENTITY_INSTITUTION)
        return false;
    if (str_ieq(e->head, m->head))
        return true;
    if (!e->name)
        return false;
    const char *last = strrchr(e->name, ' ');
    return str_ieq(last ? last + 1 : e->name, m->head);
}

static bool ok_group(const ws_ent *e, const ws_ment *m)
{
    return e->type == WS_ENTITY_GROUP && (!m->n_count || m->n_count == e->n_members);
}

/* Find a person entity named by a full name or one of its words. */
static int32_t find_person(ws_attr *a, const char *name, bool is_single_word)
{
    int32_t best = -1;
    for (size_t i = 0; i < a->r->ents.n; i++) {
        const ws_ent *e = &a->r->ents.v[i];
        if (e->type != WS_ENTITY_PERSON || !e->name)
            continue;
        if (!strcmp(e->name, name))
            return (int32_t)i;
        if (is_single_word && names_person(e->name, name))
            best = (int32_t)i; /* the latest introduced wins */
        /* "Heather Nauert" after "Nauert" was seen alone: the same person. */
        if (!is_single_word && !strchr(e->name, ' ') && names_person(name, e->name))
            best = (int32_t)i;
    }
    return best;
}

static int32_t find_by_name(ws_attr *a, ws_entity_type type, const char *name, const char *country)
{
    for (size_t i = 0; i < a->r->ents.n; i++) {
        const ws_ent *e = &a->r->ents.v[i];
        if (e->type == type && str_ieq(e->name, name) &&
            (!country || !e->country || str_eq(country, e->country)))
            return (int32_t)i;
    }
    return -1;
}

static const char *lower_word(ws_attr *a, uint32_t i)
{
    size_t n;
    const char *k = ws_doc_key(a->doc, i, &n);
    return ws_arena_strndup(&a->doc->arena, k, n);
}

static int32_t add_mention(ws_attr *a, ws_ment *m, bool is_speaker)
{
    ws_report *r = a->r;
    if (WS_ARRAY_GROW(&r->mem, r->ments) < 0)
        return WS_ENOMEM;
    int32_t idx = (int32_t)r->ments.n;
    r->ments.v[r->ments.n++] = *m;
    /* A group's phrase covers its members' mentions: it owns the tokens. */
    for (uint32_t t = m->tok_start; t < m->tok_end; t++)
        if (a->ment_at[t] < 0 || m->type == WS_ENTITY_GROUP)
            a->ment_at[t] = idx;
    if (m->entity >= 0) {
        ws_ent *e = &r->ents.v[m->entity];
        enrich(e, m);
        if (m->tok_start + 1 > e->last_tok)
            e->last_tok = m->tok_start + 1;
        if (is_speaker && m->tok_start + 1 > e->last_subject_tok)
            e->last_subject_tok = m->tok_start + 1;
    }
    return idx;
}

/* Split a coordination "A, B and C" into member entities of a new group. */
static int32_t make_group(ws_attr *a, ws_ment *m, uint32_t start, uint32_t end)
{
    ws_report *r = a->r;
    int32_t g = new_entity(a, WS_ENTITY_GROUP, span_text(a, start, end));
    if (g < 0)
        return g;
    r->ents.v[g].first_member = (uint32_t)r->members.n;
    r->ents.v[g].is_plural = true;
    uint32_t k = start;
    while (k < end) {
        uint32_t j = k;
        while (j < end && !ws_tok_text_is(a, j, ",") && !ws_tok_text_is(a, j, "and"))
            j++;
        if (j > k) {
            int32_t mi = ws_mention_for(a, k, j, false);
            if (mi < -1)
                return mi;
            int32_t me = mi >= 0 ? r->ments.v[mi].entity : -1;
            if (me >= 0) {
                if (WS_ARRAY_GROW(&r->mem, r->members) < 0)
                    return WS_ENOMEM;
                r->members.v[r->members.n++] = me;
                r->ents.v[g].n_members++;
            }
        }
        k = j + 1;
    }
    m->type = WS_ENTITY_GROUP;
    m->is_plural = true;
    m->kind = WS_MENTION_NAME;
    /* The same members named again: the same group. */
    const ws_ent *ng = &r->ents.v[g];
    for (size_t i = 0; i + 1 < r->ents.n; i++) {
        const ws_ent *o = &r->ents.v[i];
        if (o->type != WS_ENTITY_GROUP || o->n_members != ng->n_members || i == (size_t)g)
            continue;
        bool same = true;
        for (uint32_t mk = 0; mk < o->n_members && same; mk++)
            same = r->members.v[o->first_member + mk] == r->members.v[ng->first_member + mk];
        if (same) {
            r->members.n = ng->first_member;
            r->ents.n--; /* the new one was the last entity */
            return (int32_t)i;
        }
    }
    return g;
}

/* Modifiers before a role or a name: country, demonym, institution. */
static void read_modifiers(ws_attr *a, ws_ment *m, uint32_t start, uint32_t end)
{
    const ws_ruleset *rs = a->rs;
    for (uint32_t t = start; t < end; t++) {
        const ws_tok_ann *an = &a->ann[t];
        if (an->country >= 0 && !m->country) {
            m->country = rs->strings.v[an->country];
            t += an->country_len ? an->country_len - 1u : 0u;
        } else if (an->demonym >= 0 && !m->country) {
            m->country = rs->strings.v[an->demonym];
        } else if (an->inst >= 0 && !m->institution) {
            const ws_institution_info *ii = &rs->institution_info.v[an->inst];
            m->institution = ii->name;
            if (!m->country && ii->country)
                m->country = ii->country;
            t += an->inst_len ? an->inst_len - 1u : 0u;
        }
    }
}

/* A capitalized run ending in an institution head: "Foreign Ministry". */
static bool is_institution_name(const ws_attr *a, uint32_t start, uint32_t end)
{
    if (end <= start)
        return false;
    for (uint32_t t = start; t < end; t++)
        if (a->ann[t].inst >= 0 && t + a->ann[t].inst_len == end)
            return true;
    return a->ann[end - 1].is_head && ws_tok_is_name_word(a, end - 1);
}

/*
 * What an appositive says of the phrase before it: "a spokeswoman for the
 * ministry", "marketing executive at LG Electronics", "the board's chair".
 */
static void describe(ws_attr *a, uint32_t start, uint32_t end, ws_ment *m)
{
    const ws_ruleset *rs = a->rs;
    for (uint32_t t = start; t < end; t++) {
        if (a->ann[t].role < 0)
            continue;
        uint32_t rend = t + (a->ann[t].role_len ? a->ann[t].role_len : 1u);
        if (rend > end)
            rend = end;
        if (!m->role)
            m->role = span_text(a, t, rend);
        const ws_role_info *ri = &rs->role_info.v[a->ann[t].role];
        if (!m->institution && ri->institution)
            m->institution = ri->institution;
        /* "... at LG Electronics", "... of the ministry" */
        if (!m->institution && rend < end &&
            (ws_tok_text_is(a, rend, "at") || ws_tok_text_is(a, rend, "for") ||
             ws_tok_text_is(a, rend, "of") || ws_tok_text_is(a, rend, "with"))) {
            uint32_t s0 = rend + 1;
            while (s0 < end && ws_tok_is(a, s0, WS_FW_DET))
                s0++;
            uint32_t e0 = s0;
            while (e0 < end && (ws_tok_is_name_word(a, e0) || is_name_part(a, e0)))
                e0++;
            if (e0 > s0)
                m->institution = span_text(a, s0, e0);
        }
        read_modifiers(a, m, start, t);
        break;
    }
}

/* A comma that opens an appositive: not one inside a list of names. */
static uint32_t apposition_comma(const ws_attr *a, uint32_t body, uint32_t end)
{
    for (uint32_t t = body + 1; t + 1 < end; t++) {
        if (!ws_tok_text_is(a, t, ","))
            continue;
        for (uint32_t k = t + 1; k < end; k++)
            if (ws_tok_text_is(a, k, "and") && k + 1 < end && ws_tok_is_name_word(a, k + 1) &&
                ws_tok_is_name_word(a, k - 1))
                return end; /* "A, B and C": a group */
        return t;
    }
    return end;
}

/*
 * The full name of a person first seen by surname: the latest earlier
 * "First Surname" in the text ("Jacob Markstrom stopped 29 shots" before
 * "Markstrom said"). Looks back at most a few thousand tokens.
 */
static const char *full_name_before(ws_attr *a, uint32_t at, uint32_t surname)
{
    uint32_t lo = at > 5000 ? at - 5000 : 0;
    for (uint32_t t = at; t-- > lo + 1;) {
        if (a->tok[t].end - a->tok[t].start != a->tok[surname].end - a->tok[surname].start ||
            memcmp(a->doc->text + a->tok[t].start, a->doc->text + a->tok[surname].start,
                   a->tok[t].end - a->tok[t].start))
            continue;
        uint32_t f = t;
        while (f > lo && t - f < 3 && (is_name_part(a, f - 1) || ws_tok_text_is(a, f - 1, ".")) &&
               a->ann[f - 1].role < 0 && a->ann[f - 1].country < 0 && a->ann[f - 1].demonym < 0)
            f--;
        while (f < t && !ws_tok_is_name_word(a, f))
            f++;
        if (f < t)
            return span_text(a, f, t + 1);
    }
    return NULL;
}

int32_t ws_mention_for(ws_attr *a, uint32_t start, uint32_t end, bool is_speaker)
{
    ws_report *r = a->r;
    const ws_ruleset *rs = a->rs;
    if (start >= end)
        return -1;
    /* Already a mention over this phrase (found by the sentence scan). */
    int32_t at = a->ment_at[end - 1] >= 0 ? a->ment_at[end - 1] : a->ment_at[start];
    if (at >= 0) {
        ws_ment *old = &r->ments.v[at];
        if (old->tok_start <= start && old->tok_end >= end && old->tok_end <= end + 1) {
            if (is_speaker && old->entity >= 0) {
                ws_ent *e = &r->ents.v[old->entity];
                if (old->tok_start + 1 > e->last_subject_tok)
                    e->last_subject_tok = old->tok_start + 1;
            }
            return at;
        }
    }
    ws_ment m;
    memset(&m, 0, sizeof m);
    m.tok_start = start;
    m.tok_end = end;
    m.entity = -1;
    m.type = WS_ENTITY_UNKNOWN;
    m.kind = WS_MENTION_NOMINAL;
    uint32_t body = start;
    while (body < end && ws_tok_is(a, body, WS_FW_DET) && !(a->ann[body].fw & WS_FW_NUM))
        body++;
    uint32_t n_count = 0;
    for (uint32_t t = body; t < end && ws_tok_is(a, t, WS_FW_NUM); t++) {
        static const char *const numbers[] = {"one", "two", "three", "four", "five", "six",
                                              "seven", "eight", "nine", "ten"};
        size_t kn;
        const char *k = ws_doc_key(a->doc, t, &kn);
        for (uint32_t v = 0; v < 10; v++)
            if (strlen(numbers[v]) == kn && !memcmp(numbers[v], k, kn))
                n_count = v + 1;
    }
    const ws_tok_ann *last = &a->ann[end - 1];

    /* "Marie Howell, the president of the council,": the name speaks, the
     * appositive says who she is. */
    uint32_t comma = apposition_comma(a, body, end);
    if (comma < end) {
        uint32_t app_end = end;
        while (app_end > comma + 1 && ws_tok_text_is(a, app_end - 1, ","))
            app_end--;
        int32_t mi = ws_mention_for(a, start, comma, is_speaker);
        if (mi < 0)
            return mi;
        ws_ment desc;
        memset(&desc, 0, sizeof desc);
        describe(a, comma + 1, app_end, &desc);
        int32_t e = r->ments.v[mi].entity;
        if (e >= 0) {
            enrich(&r->ents.v[e], &desc);
            if (r->ents.v[e].type == WS_ENTITY_UNKNOWN && desc.role)
                r->ents.v[e].type = WS_ENTITY_PERSON;
        }
        return mi;
    }

    /* Pronouns. */
    if (end - start == 1 && last->pronoun >= 0) {
        const ws_pronoun_info *pi = &rs->pronoun_info.v[last->pronoun];
        m.kind = WS_MENTION_PRONOUN;
        if (!strcmp(pi->gender, "thing")) {
            m.gender = GENDER_THING;
            m.entity = most_recent(a, start, ok_institution, &m, true);
            m.type = WS_ENTITY_INSTITUTION;
        } else if (pi->is_plural) {
            m.is_plural = true;
            m.entity = most_recent(a, start, ok_plural, &m, true);
            if (m.entity < 0)
                m.entity = most_recent(a, start, ok_institution, &m, true);
            m.type = m.entity >= 0 ? r->ents.v[m.entity].type : WS_ENTITY_UNKNOWN;
        } else {
            m.gender = !strcmp(pi->gender, "male") ? GENDER_MALE
                       : !strcmp(pi->gender, "female") ? GENDER_FEMALE : GENDER_UNKNOWN;
            m.type = WS_ENTITY_PERSON;
            m.entity = most_recent(a, start, ok_person, &m, true);
        }
        return add_mention(a, &m, is_speaker);
    }
    if (end - start == 1 && ws_tok_is(a, start, WS_FW_PRON))
        return -1;
    /* "who", "which": the phrase just before ("voters who said"). */
    if (end - start == 1 && (ws_tok_text_is(a, start, "who") || ws_tok_text_is(a, start, "which"))) {
        uint32_t e0 = start;
        if (e0 > 0 && ws_tok_text_is(a, e0 - 1, ","))
            e0--;
        uint32_t s0 = ws_np_left(a, e0, a->doc->sentences.v[a->tok[start].sentence].tok_start);
        if (s0 >= e0)
            return -1;
        int32_t ante = ws_mention_for(a, s0, e0, is_speaker);
        if (ante < 0)
            return ante;
        m.kind = WS_MENTION_PRONOUN;
        m.entity = r->ments.v[ante].entity;
        m.type = r->ments.v[ante].type;
        return add_mention(a, &m, is_speaker);
    }

    /* Coordinated names: a group. */
    for (uint32_t t = body + 1; t + 1 < end; t++) {
        if (ws_tok_text_is(a, t, "and") && ws_tok_is_name_word(a, t - 1) &&
            ws_tok_is_name_word(a, t + 1)) {
            int32_t g = make_group(a, &m, body, end);
            if (g < 0)
                return g;
            m.entity = g;
            return add_mention(a, &m, is_speaker);
        }
    }

    /* Where is the role, where the name? */
    uint32_t role_at = end, role_end = end;
    for (uint32_t t = body; t < end; t++) {
        if (role_at < end && t < role_end)
            continue; /* inside the role found: "Foreign Minister" is one */
        /* A lower-case role word is an adjective unless it heads the phrase
         * or a name or "for ..." follows: "a general view" has no general. */
        uint32_t rend = t + (a->ann[t].role_len ? a->ann[t].role_len : 1u);
        bool as_role = (a->tok[t].flags & WS_TOKF_CAP) || rend >= end ||
                       ws_tok_is_name_word(a, rend) || ws_tok_is(a, rend, WS_FW_PREP) ||
                       a->ann[rend].role >= 0;
        if (a->ann[t].role >= 0 && as_role && !(is_name_part(a, t) && a->ann[t].inst >= 0)) {
            role_at = t;
            role_end = t + (a->ann[t].role_len ? a->ann[t].role_len : 1u);
            if (role_end > end)
                role_end = end;
            /* The last role before the name counts: "former deputy minister". */
        }
    }
    uint32_t name_end = end;
    /* "(R-Utah)", "(OPCW)" after the name. */
    if (ws_tok_text_is(a, end - 1, ")")) {
        while (name_end > body && !ws_tok_text_is(a, name_end - 1, "("))
            name_end--;
        if (name_end > body)
            name_end--;
    }
    uint32_t name_start = name_run_left(a, name_end, role_end < end ? role_end : body);
    bool has_name = name_start < name_end;
    if (has_name && role_at == end && a->ann[name_start].role >= 0 && name_end - name_start > 1) {
        /* "Secretary Pompeo": a capitalized role word before the name. */
        role_at = name_start;
        role_end = name_start + a->ann[name_start].role_len;
        if (role_end >= name_end)
            role_end = name_end - 1;
        name_start = role_end;
    }
    if (role_at < end) {
        const ws_role_info *ri = &rs->role_info.v[a->ann[role_at].role];
        m.role = span_text(a, role_at, role_end);
        if (ri->institution)
            m.institution = ri->institution;
        read_modifiers(a, &m, body, role_at);
        /* "a spokeswoman for the ministry": the institution after "for". */
        if (!has_name && role_end < end && (ws_tok_text_is(a, role_end, "for") ||
                                            ws_tok_text_is(a, role_end, "at") ||
                                            ws_tok_text_is(a, role_end, "with") ||
                                            ws_tok_text_is(a, role_end, "of"))) {
            int32_t im = ws_mention_for(a, role_end + 1, end, false);
            if (im < -1)
                return im;
            if (im >= 0 && r->ments.v[im].entity >= 0) {
                const ws_ent *ie = &r->ents.v[r->ments.v[im].entity];
                if (ie->type == WS_ENTITY_INSTITUTION) {
                    m.institution = ie->name;
                    if (!m.country)
                        m.country = ie->country;
                }
            }
        }
    }
    /* A name before the role is the institution's ("State Department spokesperson"). */
    if (role_at < end && role_at > body && !m.institution) {
        uint32_t inst_start = name_run_left(a, role_at, body);
        if (inst_start < role_at && inst_start >= body) {
            uint32_t s0 = inst_start;
            while (s0 < role_at && (a->ann[s0].country >= 0 || a->ann[s0].demonym >= 0))
                s0++;
            /* One capitalized word may just open the sentence ("Rival
             * candidate Bruce Hayne"): it names an institution only when
             * the lexicons or its capitals say so. */
            bool is_inst_name = role_at - s0 >= 2 || is_institution_name(a, s0, role_at) ||
                                (a->tok[s0].flags & WS_TOKF_ALLCAPS) ||
                                !(a->tok[s0].flags & WS_TOKF_SENT_START);
            if (s0 < role_at && is_inst_name)
                m.institution = span_text(a, s0, role_at);
        }
    }
    if (has_name && (role_at == end || name_start >= role_end)) {
        m.name_start = name_start;
        m.name_end = name_end;
    }
    for (uint32_t t = body; t < end; t++)
        if (a->ann[t].honorific >= 0) {
            if (a->ann[t].honorific)
                m.gender = (uint8_t)a->ann[t].honorific;
            if (!has_name && t + 1 < end) {
                has_name = true;
                m.name_start = t + 1;
                m.name_end = name_end;
            } else if (has_name && m.name_start == t && t + 1 < m.name_end) {
                /* "Ms Okafor" is Okafor: the title is not part of the name. */
                m.name_start = t + 1;
            }
        }

    /* Institutions: gazetteer names, "X Ministry", "the ministry". */
    bool is_inst = false;
    if (role_at == end) {
        uint32_t s0 = body;
        while (s0 < end && (a->ann[s0].country >= 0 || a->ann[s0].demonym >= 0)) {
            uint32_t len = a->ann[s0].country >= 0 && a->ann[s0].country_len ? a->ann[s0].country_len : 1u;
            s0 += len;
        }
        uint32_t iend = name_end;
        if (s0 < iend && is_institution_name(a, s0, iend)) {
            is_inst = true;
            read_modifiers(a, &m, body, iend);
            m.type = WS_ENTITY_INSTITUTION;
            m.kind = WS_MENTION_NAME;
            const char *name = NULL;
            if (a->ann[s0].inst >= 0 && s0 + a->ann[s0].inst_len == iend)
                name = rs->institution_info.v[a->ann[s0].inst].name;
            else
                name = span_text(a, s0, iend);
            m.head = lower_word(a, iend - 1);
            m.gender = GENDER_THING;
            m.entity = find_by_name(a, WS_ENTITY_INSTITUTION, name, m.country);
            if (m.entity < 0)
                m.entity = new_entity(a, WS_ENTITY_INSTITUTION, name);
            if (m.entity < -1)
                return m.entity;
            /* An acronym in parentheses right after: "(OPCW)". */
            if (name_end < end) {
                ws_ment alias = m;
                alias.tok_start = name_end + 1;
                alias.tok_end = end - 1;
                alias.kind = WS_MENTION_SHORT;
                m.tok_end = name_end;
                int32_t mi = add_mention(a, &m, is_speaker);
                if (mi < 0)
                    return mi;
                if (alias.tok_start < alias.tok_end && add_mention(a, &alias, false) < 0)
                    return WS_ENOMEM;
                return mi;
            }
        } else if (end - body >= 1 && last->is_head && !ws_tok_is_name_word(a, end - 1)) {
            /* "the ministry", "the Syrian government": a nominal. */
            is_inst = true;
            read_modifiers(a, &m, body, end);
            m.type = WS_ENTITY_INSTITUTION;
            m.head = lower_word(a, end - 1);
            m.gender = GENDER_THING;
            m.entity = most_recent(a, start, ok_same_head, &m, false);
            if (m.entity >= 0 && m.country && r->ents.v[m.entity].country &&
                !str_eq(m.country, r->ents.v[m.entity].country))
                m.entity = -1;
            if (m.entity < 0) {
                m.kind = WS_MENTION_NAME;
                m.entity = new_entity(a, WS_ENTITY_INSTITUTION, span_text(a, body, end));
                if (m.entity < -1)
                    return m.entity;
            }
        } else if (end - body == 1 && a->ann[body].country >= 0) {
            /* A country speaking: its government. */
            is_inst = true;
            m.type = WS_ENTITY_INSTITUTION;
            m.kind = WS_MENTION_NAME;
            m.country = rs->strings.v[a->ann[body].country];
            m.gender = GENDER_THING;
            m.entity = find_by_name(a, WS_ENTITY_INSTITUTION, m.country, NULL);
            if (m.entity < 0)
                m.entity = new_entity(a, WS_ENTITY_INSTITUTION, m.country);
            if (m.entity < -1)
                return m.entity;
        } else if (a->ann[body].country >= 0 && body + a->ann[body].country_len == end) {
            is_inst = true;
            m.type = WS_ENTITY_INSTITUTION;
            m.kind = WS_MENTION_NAME;
            m.country = rs->strings.v[a->ann[body].country];
            m.gender = GENDER_THING;
            m.entity = find_by_name(a, WS_ENTITY_INSTITUTION, m.country, NULL);
            if (m.entity < 0)
                m.entity = new_entity(a, WS_ENTITY_INSTITUTION, m.country);
            if (m.entity < -1)
                return m.entity;
        }
    }
    if (is_inst)
        return add_mention(a, &m, is_speaker);

    /* Group nouns: "the three Western nations". */
    if (last->is_group && role_at == end) {
        m.type = WS_ENTITY_GROUP;
        m.is_plural = true;
        m.n_count = n_count;
        m.head = lower_word(a, end - 1);
        m.entity = most_recent(a, start, ok_group, &m, false);
        if (m.entity < 0) {
            m.kind = WS_MENTION_NAME;
            m.entity = new_entity(a, WS_ENTITY_GROUP, span_text(a, body, end));
            if (m.entity < -1)
                return m.entity;
            a->r->ents.v[m.entity].head = m.head;
            a->r->ents.v[m.entity].is_plural = true;
        }
        return add_mention(a, &m, is_speaker);
    }

    /* Anonymous sources: "officials", "a source familiar with the talks". */
    bool is_anon = false;
    for (uint32_t t = body; t < end && !is_anon; t++)
        is_anon = a->ann[t].anon_len > 0 && !has_name;
    if (is_anon && role_at == end) {
        m.type = WS_ENTITY_ANONYMOUS;
        m.kind = WS_MENTION_NOMINAL;
        const char *text = span_text(a, body, end);
        size_t tn = text ? strlen(text) : 0;
        m.is_plural = tn > 1 && text[tn - 1] == 's';
        m.entity = find_by_name(a, WS_ENTITY_ANONYMOUS, text, NULL);
        if (m.entity < 0) {
            m.entity = new_entity(a, WS_ENTITY_ANONYMOUS, text);
            if (m.entity < -1)
                return m.entity;
            a->r->ents.v[m.entity].is_plural = m.is_plural;
        }
        return add_mention(a, &m, is_speaker);
    }

    /* People: a name (with or without role), or a role alone. */
    if (has_name && m.name_start < m.name_end) {
        const char *name = span_text(a, m.name_start, m.name_end);
        bool single = m.name_end - m.name_start == 1;
        m.type = WS_ENTITY_PERSON;
        m.kind = single && role_at == end ? WS_MENTION_SHORT : WS_MENTION_NAME;
        if (!m.gender && a->ann[m.name_start].first_name)
            m.gender = (uint8_t)a->ann[m.name_start].first_name;
        m.entity = find_person(a, name, single);
        if (m.entity < 0) {
            if (!is_speaker && role_at == end && !(m.gender))
                return -1; /* a bare capitalized word: a place as likely as a person */
            const char *full = single ? full_name_before(a, m.name_start, m.name_start) : NULL;
            if (full) {
                m.entity = find_person(a, full, false);
                if (m.entity >= 0)
                    return add_mention(a, &m, is_speaker);
                name = full;
            }
            m.entity = new_entity(a, WS_ENTITY_PERSON, name);
            if (m.entity < -1)
                return m.entity;
        } else if (!single && !strchr(r->ents.v[m.entity].name, ' ')) {
            r->ents.v[m.entity].name = name; /* the full name, now that it is known */
        }
        return add_mention(a, &m, is_speaker);
    }
    if (role_at < end) {
        /* "the minister", "a spokeswoman for the ministry". */
        m.type = WS_ENTITY_PERSON;
        m.kind = WS_MENTION_NOMINAL;
        int32_t e = -1;
        for (size_t i = 0; i < r->ents.n; i++) {
            const ws_ent *c = &r->ents.v[i];
            if (c->type == WS_ENTITY_PERSON && str_ieq(c->role, m.role) &&
                (!m.institution || !c->institution || str_ieq(c->institution, m.institution)) &&
                ws_tok_is(a, start, WS_FW_DET) && ws_tok_text_is(a, start, "the"))
                e = (int32_t)i;
        }
        m.entity = e >= 0 ? e : new_entity(a, WS_ENTITY_PERSON, span_text(a, start, end));
        if (m.entity < -1)
            return m.entity;
        return add_mention(a, &m, is_speaker);
    }
    if (!is_speaker)
        return -1;
    /* Anything else that speaks: "critics", "the report", "experts". */
    const char *text = span_text(a, body, end);
    m.type = WS_ENTITY_UNKNOWN;
    m.kind = WS_MENTION_NOMINAL;
    m.entity = find_by_name(a, WS_ENTITY_UNKNOWN, text, NULL);
    if (m.entity < 0)
        m.entity = new_entity(a, WS_ENTITY_UNKNOWN, text);
    if (m.entity < -1)
        return m.entity;
    return add_mention(a, &m, is_speaker);
}

/* Modifiers that may precede a role: "US", "Russian", "State Department". */
static uint32_t role_modifiers_left(const ws_attr *a, uint32_t role_at, uint32_t limit)
{
    uint32_t k = role_at;
    while (k > limit) {
        uint32_t t = k - 1;
        if (a->ann[t].country >= 0 || a->ann[t].demonym >= 0 || ws_tok_is_name_word(a, t) ||
            a->ann[t].role >= 0) {
            k = t;
            continue;
        }
        if (ws_tok_is(a, t, WS_FW_DET) && !ws_tok_is(a, t, WS_FW_SUB)) {
            k = t;
            break;
        }
        break;
    }
    return k;
}

int ws_mentions_in_sentence(ws_attr *a, uint32_t s)
{
    const ws_sentence *sent = &a->doc->sentences.v[s];
    uint32_t i = sent->tok_start;
    while (i < sent->tok_end) {
        const ws_token *t = &a->tok[i];
        if (t->quote_depth > 0 || a->ment_at[i] >= 0) {
            i++;
            continue;
        }
        const ws_tok_ann *an = &a->ann[i];
        uint32_t stop = sent->tok_end;
        /* A role, then a name: "Foreign Minister Sergey Lavrov". */
        if (an->role >= 0) {
            uint32_t role_end = i + (an->role_len ? an->role_len : 1u);
            uint32_t name_end = role_end;
            while (name_end < stop && name_end - role_end < 5 && is_name_part(a, name_end) &&
                   a->ann[name_end].inst < 0)
                name_end++;
            if (name_end > role_end && ws_tok_is_name_word(a, role_end)) {
                uint32_t start = role_modifiers_left(a, i, sent->tok_start);
                int32_t m = ws_mention_for(a, start, name_end, false);
                if (m < -1)
                    return m;
                i = name_end;
                continue;
            }
        }
        /* An honorific: "Mr Smith". */
        if (an->honorific >= 0 && i + 1 < stop && ws_tok_is_name_word(a, i + 1)) {
            uint32_t name_end = i + 1;
            if (name_end < stop && ws_tok_text_is(a, name_end, "."))
                name_end++;
            while (name_end < stop && is_name_part(a, name_end))
                name_end++;
            int32_t m = ws_mention_for(a, i, name_end, true);
            if (m < -1)
                return m;
            i = name_end;
            continue;
        }
        /* Countries joined by "and": "the United States, France and Britain". */
        if (an->country >= 0) {
            uint32_t k = i + (an->country_len ? an->country_len : 1u);
            uint32_t n_items = 1;
            bool has_and = false;
            while (k + 1 < stop && (ws_tok_text_is(a, k, ",") || ws_tok_text_is(a, k, "and")) &&
                   a->ann[k + 1].country >= 0) {
                has_and = has_and || ws_tok_text_is(a, k, "and");
                k += 1 + (a->ann[k + 1].country_len ? a->ann[k + 1].country_len : 1u);
                n_items++;
            }
            if (n_items > 1 && has_and) {
                uint32_t start = i > sent->tok_start && ws_tok_text_is(a, i - 1, "the") ? i - 1 : i;
                int32_t m = ws_mention_for(a, start, k, false);
                if (m < -1)
                    return m;
                i = k;
                continue;
            }
        }
        /* Institutions: "The Syrian Foreign Ministry", "the State Department". */
        if (an->inst >= 0 || (ws_tok_is_name_word(a, i) && an->country < 0)) {
            uint32_t k = i;
            while (k < stop && (is_name_part(a, k) || a->ann[k].demonym >= 0)) {
                if (a->ann[k].inst >= 0) {
                    k += a->ann[k].inst_len;
                    break;
                }
                k++;
            }
            /* Keep the longest run that ends in an institution head. */
            uint32_t e = k;
            while (e > i && !is_institution_name(a, i, e))
                e--;
            if (e > i) {
                uint32_t start = i;
                while (start > sent->tok_start &&
                       (a->ann[start - 1].demonym >= 0 || a->ann[start - 1].country >= 0))
                    start--;
                if (start > sent->tok_start && ws_tok_is(a, start - 1, WS_FW_DET) &&
                    !ws_tok_is(a, start - 1, WS_FW_SUB))
                    start--;
                uint32_t end = e;
                /* "(OPCW)" right after the name. */
                if (end + 2 < stop && ws_tok_text_is(a, end, "(") && ws_tok_text_is(a, end + 2, ")") &&
                    (a->tok[end + 1].flags & WS_TOKF_ALLCAPS))
                    end += 3;
                if (a->ment_at[start] < 0) {
                    int32_t m = ws_mention_for(a, start, end, false);
                    if (m < -1)
                        return m;
                }
                i = end;
                continue;
            }
        }
        /* A first name the lexicon knows starts a person's name: "Jacob
         * Markstrom stopped 29 shots". So does a name followed by a role
         * in apposition: "Hiram Macharia, marketing executive at LG". */
        if (ws_tok_is_name_word(a, i) && an->country < 0 && an->inst < 0) {
            uint32_t k = i;
            while (k < stop && k - i < 4 && is_name_part(a, k) && a->ann[k].inst < 0)
                k++;
            bool by_first_name = an->first_name && k - i >= 2;
            bool by_role = k - i >= 2 && k + 1 < stop && ws_tok_text_is(a, k, ",") &&
                           (a->ann[k + 1].role >= 0 ||
                            (ws_tok_is(a, k + 1, WS_FW_DET) && k + 2 < stop && a->ann[k + 2].role >= 0));
            if (by_first_name || by_role) {
                int32_t m = ws_mention_for(a, i, k, true);
                if (m < -1)
                    return m;
                i = k;
                continue;
            }
        }
        /* A known person's name alone: "Pompeo", "Lavrov". */
        if (ws_tok_is_name_word(a, i) && an->country < 0 && an->demonym < 0 && an->inst < 0) {
            uint32_t k = i;
            while (k < stop && is_name_part(a, k))
                k++;
            const char *name = span_text(a, i, k);
            if (name && find_person(a, name, k - i == 1) >= 0) {
                int32_t m = ws_mention_for(a, i, k, false);
                if (m < -1)
                    return m;
                i = k;
                continue;
            }
        }
        i++;
    }
    return WS_OK;
}

void ws_entity_count(ws_attr *a, int32_t entity, ws_statement_kind kind, uint32_t at_tok)
{
    if (entity < 0)
        return;
    ws_ent *e = &a->r->ents.v[entity];
    if (kind == WS_STATEMENT_INDIRECT)
        e->n_indirect++;
    else
        e->n_direct++;
    if (at_tok + 1 > e->last_subject_tok)
        e->last_subject_tok = at_tok + 1;
}

int ws_entities_finalize(ws_report *r)
{
    ws_doc *doc = &r->doc;
    r->n_entities = r->ents.n;
    r->entities = ws_arena_calloc(&doc->arena, r->ents.n ? r->ents.n : 1, sizeof *r->entities);
    if (!r->entities)
        return WS_ENOMEM;
    /* Mentions grouped per entity, in text order. */
    size_t *counts = ws_calloc(&r->mem, r->ents.n ? r->ents.n : 1, sizeof *counts);
    if (!counts)
        return WS_ENOMEM;
    for (size_t i = 0; i < r->ments.n; i++)
        if (r->ments.v[i].entity >= 0)
            counts[r->ments.v[i].entity]++;
    int rc = WS_OK;
    for (size_t e = 0; e < r->ents.n && rc >= 0; e++) {
        const ws_ent *src = &r->ents.v[e];
        ws_entity *p = &r->entities[e];
        p->type = src->type;
        p->name = src->name;
        p->role = src->role;
        p->institution = src->institution;
        p->country = src->country;
        p->n_direct = src->n_direct;
        p->n_indirect = src->n_indirect;
        ws_mention *ms = ws_arena_calloc(&doc->arena, counts[e] ? counts[e] : 1, sizeof *ms);
        int *members = ws_arena_calloc(&doc->arena, src->n_members ? src->n_members : 1,
                                       sizeof *members);
        if (!ms || !members) {
            rc = WS_ENOMEM;
            break;
        }
        p->mentions = ms;
        p->members = members;
        for (uint32_t k = 0; k < src->n_members; k++)
            members[k] = r->members.v[src->first_member + k];
        p->n_members = src->n_members;
    }
    for (size_t i = 0; i < r->ments.n && rc >= 0; i++) {
        const ws_ment *m = &r->ments.v[i];
        if (m->entity < 0)
            continue;
        ws_entity *p = &r->entities[m->entity];
        ws_mention *slot = (ws_mention *)&p->mentions[p->n_mentions++];
        uint32_t s = doc->tokens.v[m->tok_start].start, e = doc->tokens.v[m->tok_end - 1].end;
        slot->span = ws_doc_span(doc, s, e);
        slot->kind = m->kind;
    }
    ws_free(&r->mem, counts);
    return rc;
}
