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

#include "core/bytes.h"
#include "detect/attr.h"
#include "doc/tokenize.h"
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

/* "Tom King", "Mr King", "Ana Bishop": a capitalized role word right
 * after a first name or a title of its sentence, and last in the name, is
 * a surname (not in "Riverton Mayor Jane Rowe", "Mr Justice
 * Hale"). */
static bool is_surname_of_role(const ws_attr *a, uint32_t i)
{
    uint32_t sent = a->tok[i].sentence;
    return i > 0 && a->ann[i].role >= 0 && (a->tok[i].flags & WS_TOKF_CAP) && a->tok[i].kind == WS_TOK_WORD &&
           a->tok[i - 1].sentence == sent &&
           (a->ann[i - 1].honorific >= 0 || (a->ann[i - 1].first_name && ws_tok_is_name_word(a, i - 1))) &&
           a->ann[i].role_len <= 1 &&
           !(i + 1 < a->doc->tokens.n && a->tok[i + 1].sentence == sent && a->tok[i + 1].kind == WS_TOK_WORD &&
             (a->tok[i + 1].flags & WS_TOKF_CAP));
}

/* A word of a person's or institution's name: capitalized, or a particle
 * inside one (al-Assad, bin, de, van, von). */
static bool name_part_uncached(const ws_attr *a, uint32_t i)
{
    /* "Al-Qaeda-linked", "Toronto-based": an adjective made of a name. */
    static const char *const suffixes[] = {"-linked", "-based", "-backed", "-led", "-owned", "-born", "-run",
                                           "-allied", "-aligned", "-affiliated"};
    const ws_token *tk = &a->tok[i];
    /* Most words hold no hyphen: one scan before ten comparisons. */
    if (tk->end - tk->start > 4 && memchr(a->doc->text + tk->start, '-', tk->end - tk->start))
        for (size_t s = 0; s < sizeof suffixes / sizeof *suffixes; s++)
            if (ws_tok_ends_with_n(a, i, suffixes[s], strlen(suffixes[s]), strlen(suffixes[s]) + 1))
                return false;
    if (ws_tok_is_name_word(a, i))
        return a->ann[i].role < 0 || a->ann[i].inst >= 0 || is_surname_of_role(a, i);
    const ws_token *t = &a->tok[i];
    if (t->kind != WS_TOK_WORD)
        return false;
    size_t n;
    const char *k = ws_doc_key(a->doc, i, &n);
    /* Arabic article prefixes are part of the surname: al-Assad. */
    if (n > 3 && (k[0] == 'a' || k[0] == 'e') && k[1] == 'l' && k[2] == '-')
        return true;
    /* "van Beethoven", and two in a row: "van der Berg", "de la Cruz". */
    if (a->ann[i].fw & WS_FW_PARTICLE) {
        size_t n_tok = a->doc->tokens.n;
        if (i + 1 < n_tok && ws_tok_is_name_word(a, i + 1))
            return true;
        return i + 2 < n_tok && (a->ann[i + 1].fw & WS_FW_PARTICLE) && ws_tok_is_name_word(a, i + 2);
    }
    return false;
}

/* name_part_uncached(), asked once a token (see ws_attr.memo). */
static bool is_name_part(const ws_attr *a, uint32_t i)
{
    return ws_tok_memo(a, i, WS_MEMO_NAME_PART_KNOWN, WS_MEMO_NAME_PART, name_part_uncached);
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
        /* "Social Science & Medicine", "Johnson & Johnson". */
        if (ws_tok_text_is(a, t, "&") && t > limit && k < end && ws_tok_is_name_word(a, t - 1)) {
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
    /* "the New Zealand Herald": not "Zealand Herald", the country's name
     * cut in two. */
    for (uint32_t c = k > 3 ? k - 3 : 0; c < k; c++)
        if (a->ann[c].country >= 0 && c + a->ann[c].country_len > k && c + a->ann[c].country_len <= end)
            k = c + a->ann[c].country_len;
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
        if (ws_ascii_fold(*x) != ws_ascii_fold(*y))
            return false;
    }
    return *x == *y;
}

/* Does @name hold the word at token @t as a whole word, whatever the case
 * ("the Tolvo Group" for "Tolvo")? Both are folded as the lexicons fold
 * keys. */
static bool name_has_word_of(const ws_attr *a, const char *name, uint32_t t)
{
    char folded[256];
    size_t n = ws_key_of(name, 0, (uint32_t)strlen(name), true, folded, sizeof folded), kn;
    const char *key = ws_doc_key(a->doc, t, &kn);
    for (size_t p = 0; n && kn && p + kn <= n; p++)
        if ((p == 0 || folded[p - 1] == ' ') && (p + kn == n || folded[p + kn] == ' ') && !memcmp(folded + p, key, kn))
            return true;
    return false;
}

/* The length of the "al-" or "el-" that a name of @n bytes at @w starts
 * with, or 0: stripped so that "Assad" finds "Bashar al-Assad". */
static size_t al_prefix(const char *w, size_t n)
{
    return n > 3 && (w[0] == 'a' || w[0] == 'e') && w[1] == 'l' && w[2] == '-' ? 3 : 0;
}

static const char *bare_name(const char *w)
{
    return w + al_prefix(w, strnlen(w, 4));
}

/* The entity index -------------------------------------------------------
 *
 * Resolving a mention looks for the entities that have a name, a name word
 * or a role. Scanning every entity for each mention is quadratic in an
 * article of thousands of people, or in one that makes an entity per
 * sentence ("The minister said ..."), so the entities are indexed by each
 * such key. A bucket holds entity indexes in ascending order: every entity
 * that has the key now (an entity is added whenever it gains a key: made,
 * renamed, given a role or an institution, found to be a person), and
 * perhaps some that lost it since. Lookups check each entry against the
 * entity as it is, and drop those at the ends that no longer have the key,
 * so that the answers are those of the full scan.
 */

enum key_tag {
    KEY_NONE,
    KEY_NAME,           /* a person's name, exactly */
    KEY_LAST,           /* the last word of a person's name, without "al-" */
    KEY_FIRST,          /* the first word of a person's name of several words */
    KEY_SINGLE,         /* a person's name of one word, without "al-" */
    KEY_ROLE,           /* a person's role, ignoring case */
    KEY_ROLE_INST,      /* a person's role and institution, ignoring case */
    KEY_ROLE_NO_INST,   /* a person's role while no institution is known */
    KEY_ROLE_HEAD,      /* the last word of a person's role, ignoring case */
    KEY_ROLE_HEAD_INST, /* that word and the person's institution */
    KEY_GROUP,          /* a group's members: their hash */
    KEY_TYPED,          /* KEY_TYPED + type: an entity's name, ignoring case */
};

typedef struct ent_key {
    uint32_t tag;
    uint32_t n1, n2;    /* lengths of s1 and s2; for KEY_GROUP, n1 is the hash */
    const char *s1;     /* strings of the report's arena or the ruleset: they */
    const char *s2;     /* outlive the index */
} ent_key;

typedef struct key_bucket {
    ent_key key;        /* key.tag == KEY_NONE: an empty slot */
    uint32_t hash;
    uint32_t lo;        /* entries before lo were dropped */
    struct {
        int32_t *v;
        uint32_t n, cap;
    } ents;
} key_bucket;

/*
 * Recency: pronouns and nominals ("he", "the ministry") resolve to the
 * entity of their kind mentioned last before them. The entities of each
 * kind are kept in a max-heap by their latest mention; an entity is pushed
 * again whenever that changes (or its kind does), and the entries that no
 * longer match their entity are dropped when they come to the top.
 */
enum recency_heap {
    HEAP_INSTITUTION,   /* by latest mention as a speaker, else latest mention */
    HEAP_PLURAL,        /* groups and plural entities, likewise */
    HEAP_PERSON,        /* HEAP_PERSON + gender (0 unknown to 3), likewise */
    HEAP_INSTITUTION_BY_MENTION = HEAP_PERSON + 4, /* by latest mention */
    HEAP_GROUP_BY_MENTION,
    N_HEAPS,
};

typedef struct recency {
    uint32_t at;        /* the entity's latest mention token + 1, as measured by the heap */
    int32_t entity;
} recency;

typedef WS_ARRAY(recency) recency_heap;

/* What was last pushed for an entity, so that an unchanged one is not pushed again. */
typedef struct pushed {
    uint32_t at_speaking;   /* last_subject_tok, or last_tok when it is 0 */
    uint32_t at_mention;    /* last_tok */
    uint32_t heaps;         /* bit per enum recency_heap */
} pushed;

/* Bits of the filter of keys ever filed (key_filter_bit()). */
enum { KEY_FILTER_BITS = 4096 };

struct ws_ent_index {
    key_bucket *slots;
    size_t cap;         /* a power of two, or 0 */
    size_t n_used;
    /* A bit for each key ever filed, from its kind, length and first
     * letter: most lookups are for a name no entity has ("Monday",
     * "Europe", every capitalized word is asked whether it is a known
     * person), and a clear bit answers them without hashing the key. */
    uint64_t key_filter[KEY_FILTER_BITS / 64];
    recency_heap heaps[N_HEAPS];
    size_t n_members[N_HEAPS];  /* entities in each heap (at most), stale entries aside */
    WS_ARRAY(pushed) pushed;    /* per entity */
    WS_ARRAY(recency) set_aside; /* scratch of most_recent */
    /* The latest acronyms given in parentheses ("the Kestrel Chemical
     * Agency (KCA)"): their token and institution. A ring: lookups stay
     * constant whatever the article's length. */
    struct {
        uint32_t tok;
        int32_t entity;
    } acronyms[32];
    uint32_t n_acronyms;        /* ever given; the ring holds the last 32 */
};

static bool is_folded_tag(uint32_t tag)
{
    return tag == KEY_ROLE || tag == KEY_ROLE_INST || tag == KEY_ROLE_NO_INST || tag == KEY_ROLE_HEAD ||
           tag == KEY_ROLE_HEAD_INST ||
           tag >= KEY_TYPED;
}

/* FNV-1a over @n bytes (a group's members). */
static uint32_t hash_bytes(uint32_t h, const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static uint64_t hash_mix(uint64_t h, uint64_t w)
{
    return (h ^ w) * UINT64_C(0x9E3779B97F4A7C15);
}

/* @h with the @n bytes at @s mixed in, eight at a time (a shorter tail read
 * as the last eight, overlapping, or as two overlapping fours, or as its
 * first, middle and last byte), then their number. Every byte has its bit
 * 0x20 set: that folds ASCII capitals, so that keys equal as key_eq()
 * compares them hash alike whether their kind ignores case or not (other
 * bytes merge too, which only costs a collision). A key's bytes were
 * hashed one at a time, with a test of its kind for each. */
static uint64_t hash_mix_bytes(uint64_t h, const char *s, uint32_t n)
{
    const uint64_t small = UINT64_C(0x2020202020202020);
    uint32_t i = 0;
    for (; i + 8 <= n; i += 8)
        h = hash_mix(h, ws_load64_le(s + i) | small);
    if (i < n) {
        uint64_t w;
        if (n >= 8)
            w = ws_load64_le(s + n - 8);
        else if (n >= 4)
            w = ws_load32_le(s) | ws_load32_le(s + n - 4) << 32;
        else
            w = (uint64_t)(unsigned char)s[0] | (uint64_t)(unsigned char)s[n / 2] << 8 |
                (uint64_t)(unsigned char)s[n - 1] << 16;
        h = hash_mix(h, w | small);
    }
    return hash_mix(h, n);
}

static uint32_t hash_key(const ent_key *k)
{
    uint64_t h = hash_mix(UINT64_C(0xCBF29CE484222325), k->tag);
    if (k->tag == KEY_GROUP) {
        h = hash_mix(h, k->n1);
    } else {
        h = hash_mix_bytes(h, k->s1, k->n1);
        h = hash_mix_bytes(h, k->s2, k->n2);
    }
    /* (The slot is the hash's low bits: the high half of a last product
     * depends on every bit.) */
    return (uint32_t)(hash_mix(h ^ h >> 32, 0) >> 32);
}

static bool bytes_eq(const char *x, const char *y, uint32_t n, bool is_folded)
{
    if (!is_folded)
        return n == 0 || !memcmp(x, y, n);
    for (uint32_t i = 0; i < n; i++)
        if (ws_ascii_fold(x[i]) != ws_ascii_fold(y[i]))
            return false;
    return true;
}

static bool key_eq(const ent_key *x, const ent_key *y)
{
    if (x->tag != y->tag || x->n1 != y->n1)
        return false;
    if (x->tag == KEY_GROUP)
        return true;
    bool f = is_folded_tag(x->tag);
    return x->n2 == y->n2 && bytes_eq(x->s1, y->s1, x->n1, f) && bytes_eq(x->s2, y->s2, x->n2, f);
}

static ent_key make_key(uint32_t tag, const char *s1, const char *s2)
{
    ent_key k = {tag, s1 ? (uint32_t)strlen(s1) : 0, s2 ? (uint32_t)strlen(s2) : 0, s1, s2};
    return k;
}

/* A key of the first @n bytes of @s. */
static ent_key make_key_n(uint32_t tag, const char *s, size_t n)
{
    ent_key k = {tag, (uint32_t)n, 0, s, NULL};
    return k;
}

static uint32_t members_hash(const ws_report *r, const ws_ent *e)
{
    uint32_t h = hash_bytes(2166136261u, (const char *)&e->n_members, sizeof e->n_members);
    for (uint32_t k = 0; k < e->n_members; k++)
        h = hash_bytes(h, (const char *)&r->members.v[e->first_member + k], sizeof(int32_t));
    return h;
}

/* Entity @i's key of kind @tag into *k; false when it has none. */
static bool entity_key(const ws_report *r, int32_t i, uint32_t tag, ent_key *k)
{
    const ws_ent *e = &r->ents.v[i];
    bool is_person = e->type == WS_ENTITY_PERSON;
    switch (tag) {
    case KEY_NAME:
        if (!is_person || !e->name)
            return false;
        *k = make_key(tag, e->name, NULL);
        return true;
    case KEY_LAST:
        if (!is_person || !e->name)
            return false;
        *k = make_key(tag, bare_name(ws_last_word(e->name)), NULL);
        return true;
    case KEY_FIRST:
        if (!is_person || !e->name || !strchr(e->name, ' '))
            return false;
        *k = make_key_n(tag, e->name, strcspn(e->name, " "));
        return true;
    case KEY_SINGLE:
        if (!is_person || !e->name || strchr(e->name, ' '))
            return false;
        *k = make_key(tag, bare_name(e->name), NULL);
        return true;
    case KEY_ROLE:
        if (!is_person || !e->role)
            return false;
        *k = make_key(tag, e->role, NULL);
        return true;
    case KEY_ROLE_INST:
        if (!is_person || !e->role || !e->institution)
            return false;
        *k = make_key(tag, e->role, e->institution);
        return true;
    case KEY_ROLE_NO_INST:
        if (!is_person || !e->role || e->institution)
            return false;
        *k = make_key(tag, e->role, NULL);
        return true;
    case KEY_ROLE_HEAD:
        if (!is_person || !e->role)
            return false;
        *k = make_key(tag, ws_last_word(e->role), NULL);
        return true;
    case KEY_ROLE_HEAD_INST:
        if (!is_person || !e->role || !e->institution)
            return false;
        *k = make_key(tag, ws_last_word(e->role), e->institution);
        return true;
    case KEY_GROUP:
        if (e->type != WS_ENTITY_GROUP)
            return false;
        *k = make_key_n(tag, NULL, members_hash(r, e));
        return true;
    default:
        if (e->type != (ws_entity_type)(tag - KEY_TYPED) || !e->name)
            return false;
        *k = make_key(tag, e->name, NULL);
        return true;
    }
}

/* Does entity @i exist and have key @k? */
static bool has_key(const ws_report *r, int32_t i, const ent_key *k)
{
    ent_key own;
    return i >= 0 && (size_t)i < r->ents.n && entity_key(r, i, k->tag, &own) && key_eq(&own, k);
}

static key_bucket *find_slot(const struct ws_ent_index *x, const ent_key *k, uint32_t h)
{
    size_t mask = x->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        key_bucket *b = &x->slots[i];
        if (b->key.tag == KEY_NONE || (b->hash == h && key_eq(&b->key, k)))
            return b;
    }
}

/* The bit of key_filter for @k: keys equal as key_eq() compares them have
 * the same kind, length and first letter (folded where the kind ignores
 * case); a group's key is its hash. */
static uint32_t key_filter_bit(const ent_key *k)
{
    uint32_t first = 0;
    if (k->tag != KEY_GROUP && k->n1)
        first = (unsigned char)(is_folded_tag(k->tag) ? ws_ascii_fold(k->s1[0]) : k->s1[0]);
    return (k->tag * 0x9E3779B1u ^ k->n1 * 0x85EBCA77u ^ first * 0xC2B2AE3Du) >> 20;
}

static bool key_maybe_filed(const struct ws_ent_index *x, const ent_key *k)
{
    uint32_t bit = key_filter_bit(k);
    return (x->key_filter[bit / 64] >> (bit % 64)) & 1;
}

/* Might an entity have key @k? Not while the index is empty, nor when
 * the key's bit of the filter is clear, which answers most lookups: inline
 * in the lookups below, themselves inline wrappers, so that a lookup that
 * ends here costs a few instructions at the caller and no call. */
static inline bool maybe_filed(const ws_attr *a, const ent_key *k)
{
    const struct ws_ent_index *x = a->index;
    if (!x || !x->cap)
        return false;
    bool maybe = key_maybe_filed(x, k);
    assert(maybe || find_slot(x, k, hash_key(k))->key.tag == KEY_NONE);
    return maybe;
}

/* The bucket of @k, a key maybe_filed() lets through, or NULL when no
 * entity ever had it. */
static key_bucket *bucket_of(const ws_attr *a, const ent_key *k)
{
    key_bucket *b = find_slot(a->index, k, hash_key(k));
    return b->key.tag != KEY_NONE ? b : NULL;
}

/*
 * The slots are in the document's arena, like the buckets' entries: an
 * article mostly needs the first 64 and no more, and a heap block each cost
 * a malloc() and a free() (a grown table's old slots stay behind, less than
 * the new ones). Only the tags are cleared: a slot is read past its tag
 * only once it is taken, and taking it clears the rest (file_key()).
 */
static int grow_index(ws_attr *a)
{
    struct ws_ent_index *x = a->index;
    size_t cap = x->cap ? x->cap * 2 : 64;
    key_bucket *slots = cap <= SIZE_MAX / sizeof *slots ? ws_arena_alloc(&a->doc->arena, cap * sizeof *slots) : NULL;
    if (!slots)
        return WS_ENOMEM;
    for (size_t i = 0; i < cap; i++)
        slots[i].key.tag = KEY_NONE;
    key_bucket *old = x->slots;
    size_t old_cap = x->cap;
    x->slots = slots;
    x->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key.tag != KEY_NONE)
            *find_slot(x, &old[i].key, old[i].hash) = old[i];
    return WS_OK;
}

/* File entity @i under @k, a key it has (as entity_key() makes it). */
static int file_key(ws_attr *a, int32_t i, const ent_key *k)
{
    struct ws_ent_index *x = a->index;
    /* Half full at most: probes stay short. */
    if ((x->n_used + 1) * 2 > x->cap && grow_index(a) < 0)
        return WS_ENOMEM;
    uint32_t h = hash_key(k);
    key_bucket *b = find_slot(x, k, h);
    if (b->key.tag == KEY_NONE) {
        memset(b, 0, sizeof *b);
        b->key = *k;
        b->hash = h;
        x->n_used++;
        uint32_t bit = key_filter_bit(k);
        x->key_filter[bit / 64] |= UINT64_C(1) << (bit % 64);
    }
    /* Entities are mostly filed as they are made, in order: append; an
     * older one that gains a key goes to its place. */
    size_t lo = b->lo, hi = b->ents.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (b->ents.v[mid] < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < b->ents.n && b->ents.v[lo] == i)
        return WS_OK;
    if (b->ents.n == b->ents.cap) {
        /* In the document's arena: most buckets hold one or two entities
         * for the article's life, and a heap block each cost more than
         * they (the old array stays behind when one grows). */
        uint32_t cap = b->ents.cap ? 2 * b->ents.cap : 2;
        int32_t *v = cap < b->ents.cap ? NULL : ws_arena_alloc(&a->doc->arena, cap * sizeof *v);
        if (!v)
            return WS_ENOMEM;
        if (b->ents.n)
            memcpy(v, b->ents.v, b->ents.n * sizeof *v);
        b->ents.v = v;
        b->ents.cap = cap;
    }
    memmove(b->ents.v + lo + 1, b->ents.v + lo, (b->ents.n - lo) * sizeof *b->ents.v);
    b->ents.v[lo] = i;
    b->ents.n++;
    return WS_OK;
}

/* File entity @i under its key of kind @tag, if it has one. */
static int index_key(ws_attr *a, int32_t i, uint32_t tag)
{
    ent_key k;
    return entity_key(a->r, i, tag, &k) ? file_key(a, i, &k) : WS_OK;
}

/* A key of @tag of the bytes [s, e). */
static ent_key key_between(uint32_t tag, const char *s, const char *e)
{
    return make_key_n(tag, s, (size_t)(e - s));
}

/* The keys of person @e's role, as entity_key() makes them, the role and
 * its last word measured once: KEY_ROLE, KEY_ROLE_HEAD, and KEY_ROLE_INST
 * and KEY_ROLE_HEAD_INST or else KEY_ROLE_NO_INST. Returns how many. */
static size_t role_keys(const ws_ent *e, ent_key *out)
{
    if (!e->role)
        return 0;
    size_t n = strlen(e->role);
    const char *end = e->role + n, *head = end;
    while (head > e->role && head[-1] != ' ')
        head--;
    size_t k = 0;
    out[k++] = key_between(KEY_ROLE, e->role, end);
    out[k++] = key_between(KEY_ROLE_HEAD, head, end);
    if (e->institution) {
        uint32_t inst_len = (uint32_t)strlen(e->institution);
        out[k] = key_between(KEY_ROLE_INST, e->role, end);
        out[k].s2 = e->institution;
        out[k++].n2 = inst_len;
        out[k] = key_between(KEY_ROLE_HEAD_INST, head, end);
        out[k].s2 = e->institution;
        out[k++].n2 = inst_len;
    } else {
        out[k++] = key_between(KEY_ROLE_NO_INST, e->role, end);
    }
    return k;
}

/* The keys of person @e's name, likewise: KEY_NAME, KEY_LAST, and
 * KEY_FIRST for a name of several words or else KEY_SINGLE. */
static size_t name_keys(const ws_ent *e, ent_key *out)
{
    if (!e->name)
        return 0;
    const char *name = e->name, *end = name + strlen(name), *last = end;
    while (last > name && last[-1] != ' ')
        last--;
    const char *space = memchr(name, ' ', (size_t)(end - name));
    out[0] = key_between(KEY_NAME, name, end);
    out[1] = key_between(KEY_LAST, bare_name(last), end);
    out[2] = space ? key_between(KEY_FIRST, name, space) : key_between(KEY_SINGLE, bare_name(name), end);
    return 3;
}

/* File person @i under the keys of its role (@names false), or of its
 * name and role. */
static int index_person(ws_attr *a, int32_t i, bool names)
{
    const ws_ent *e = &a->r->ents.v[i];
    ent_key keys[8];
    size_t n = names ? name_keys(e, keys) : 0;
    n += role_keys(e, keys + n);
    for (size_t k = 0; k < n; k++) {
#ifndef NDEBUG
        ent_key own;
        assert(entity_key(a->r, i, keys[k].tag, &own) && key_eq(&own, &keys[k]));
#endif
        if (file_key(a, i, &keys[k]) < 0)
            return WS_ENOMEM;
    }
    return WS_OK;
}

/* File entity @i under its names and roles: a person's for find_person and
 * the role lookup, another's for find_by_name (groups: KEY_GROUP, once they
 * have their members). */
static int index_entity(ws_attr *a, int32_t i)
{
    ws_entity_type type = a->r->ents.v[i].type;
    if (type == WS_ENTITY_GROUP)
        return WS_OK;
    if (type != WS_ENTITY_PERSON)
        return index_key(a, i, KEY_TYPED + (uint32_t)type);
    return index_person(a, i, true);
}

/* newest_with() past the filter: the walk of @k's bucket. */
static int32_t newest_in(const ws_attr *a, const ent_key *k)
{
    key_bucket *b = bucket_of(a, k);
    if (!b)
        return -1;
    while (b->ents.n > b->lo) {
        int32_t i = b->ents.v[b->ents.n - 1];
        if (has_key(a->r, i, k))
            return i;
        b->ents.n--;
    }
    return -1;
}

/* The newest entity with key @k, or -1. */
static inline int32_t newest_with(const ws_attr *a, const ent_key *k)
{
    return maybe_filed(a, k) ? newest_in(a, k) : -1;
}

/* newest_named_before() past the filter. */
static int32_t newest_named_in(const ws_attr *a, const ent_key *k, uint32_t at)
{
    key_bucket *b = bucket_of(a, k);
    if (!b)
        return -1;
    for (size_t j = b->ents.n; j-- > b->lo;) {
        int32_t i = b->ents.v[j];
        uint32_t first = a->r->ents.v[i].first_tok;
        if (has_key(a->r, i, k) && (!first || first <= at))
            return i;
    }
    return -1;
}

/*
 * The newest entity with key @k first named before token @at, or -1:
 * '"...," says Kestner while visiting with her husband Paul
 * Kestner' names Ruth Kestner, met before, not the husband met after.
 */
static inline int32_t newest_named_before(const ws_attr *a, const ent_key *k, uint32_t at)
{
    return maybe_filed(a, k) ? newest_named_in(a, k, at) : -1;
}

/* What a lookup asks of an entity besides its key. */
typedef bool ent_filter(const ws_report *r, int32_t i, const void *arg);

/* oldest_with() past the filter. */
static int32_t oldest_in(const ws_attr *a, const ent_key *k, ent_filter *ok, const void *arg)
{
    key_bucket *b = bucket_of(a, k);
    if (!b)
        return -1;
    while (b->lo < b->ents.n && !has_key(a->r, b->ents.v[b->lo], k))
        b->lo++;
    for (size_t j = b->lo; j < b->ents.n; j++) {
        int32_t i = b->ents.v[j];
        if (has_key(a->r, i, k) && (!ok || ok(a->r, i, arg)))
            return i;
    }
    return -1;
}

/* The oldest entity with key @k that @ok accepts (any when @ok is NULL), or -1. */
static inline int32_t oldest_with(const ws_attr *a, const ent_key *k, ent_filter *ok, const void *arg)
{
    return maybe_filed(a, k) ? oldest_in(a, k, ok, arg) : -1;
}

static int32_t max_i32(int32_t x, int32_t y)
{
    return x > y ? x : y;
}

/*
 * The index and its arrays (heaps, pushed, set_aside) are in the
 * document's arena: they live as long as the article's pass, and mostly
 * hold some dozens of elements, so a heap block each, a malloc() and a
 * free() an array an article, cost more than they.
 */
int ws_mentions_begin(ws_attr *a)
{
    a->index = ws_arena_calloc(&a->doc->arena, 1, sizeof *a->index);
    return a->index ? WS_OK : WS_ENOMEM;
}

void ws_mentions_end(ws_attr *a)
{
    a->index = NULL; /* (its memory goes with the arena's) */
}

/* ws_array_reserve() for an array of the index, in the arena: it grows as
 * ws_array_grow_to() grows arrays, and leaves its old elements behind. */
static int index_array_reserve(ws_attr *a, void *pdata, size_t *cap, size_t need, size_t elem_size)
{
    if (need <= *cap)
        return WS_OK;
    size_t new_cap;
    int rc = ws_array_grown_cap(*cap, need, elem_size, &new_cap);
    if (rc < 0)
        return rc;
    void *old, *grown = ws_arena_alloc(&a->doc->arena, new_cap * elem_size);
    if (!grown)
        return WS_ENOMEM;
    memcpy(&old, pdata, sizeof old);
    if (*cap)
        memcpy(grown, old, *cap * elem_size);
    memcpy(pdata, &grown, sizeof grown);
    *cap = new_cap;
    return WS_OK;
}

/* Room for one more element in the index's WS_ARRAY @arr. */
#define INDEX_ARRAY_GROW(a, arr) index_array_reserve((a), &(arr).v, &(arr).cap, (arr).n + 1, sizeof *(arr).v)

/* Recency heaps -------------------------------------------------------- */

/* The heaps entity @e belongs to, as bits. */
static uint32_t heaps_of(const ws_ent *e)
{
    uint32_t bits = 0;
    if (e->type == WS_ENTITY_INSTITUTION)
        bits |= 1u << HEAP_INSTITUTION | 1u << HEAP_INSTITUTION_BY_MENTION;
    if (e->type == WS_ENTITY_GROUP)
        bits |= 1u << HEAP_GROUP_BY_MENTION;
    if (e->type == WS_ENTITY_GROUP || e->is_plural)
        bits |= 1u << HEAP_PLURAL;
    if (e->type == WS_ENTITY_PERSON && e->gender < 4)
        bits |= 1u << (HEAP_PERSON + e->gender);
    return bits;
}

static uint32_t at_speaking(const ws_ent *e)
{
    return e->last_subject_tok ? e->last_subject_tok : e->last_tok;
}

/* Entity @e's latest mention as heap @h measures it. */
static uint32_t heap_at(const ws_ent *e, uint32_t h)
{
    return h >= HEAP_INSTITUTION_BY_MENTION ? e->last_tok : at_speaking(e);
}

/* Does @x come before @y: a later mention, or the same and an older entity? */
static bool is_before(recency x, recency y)
{
    return x.at > y.at || (x.at == y.at && x.entity < y.entity);
}

static void sift_up(recency *v, size_t i)
{
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!is_before(v[i], v[p]))
            break;
        recency t = v[i];
        v[i] = v[p];
        v[p] = t;
        i = p;
    }
}

static void sift_down(recency *v, size_t n, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, best = i;
        if (l < n && is_before(v[l], v[best]))
            best = l;
        if (l + 1 < n && is_before(v[l + 1], v[best]))
            best = l + 1;
        if (best == i)
            return;
        recency t = v[i];
        v[i] = v[best];
        v[best] = t;
        i = best;
    }
}

static recency heap_pop(recency_heap *hp)
{
    recency top = hp->v[0];
    hp->v[0] = hp->v[--hp->n];
    sift_down(hp->v, hp->n, 0);
    return top;
}

/* Does entry @x still say where its entity stands in heap @h? */
static bool is_current(const ws_report *r, uint32_t h, recency x)
{
    if (x.entity < 0 || (size_t)x.entity >= r->ents.n)
        return false;
    const ws_ent *e = &r->ents.v[x.entity];
    return (heaps_of(e) >> h & 1) && heap_at(e, h) == x.at;
}

static int heap_push(ws_attr *a, uint32_t h, recency x)
{
    recency_heap *hp = &a->index->heaps[h];
    /* Mostly stale entries (an entity is pushed once per mention): keep the current ones. */
    if (hp->n >= 2 * a->index->n_members[h] + 64) {
        size_t k = 0;
        for (size_t i = 0; i < hp->n; i++)
            if (is_current(a->r, h, hp->v[i]))
                hp->v[k++] = hp->v[i];
        hp->n = k;
        for (size_t i = k / 2; i-- > 0;)
            sift_down(hp->v, hp->n, i);
    }
    if (INDEX_ARRAY_GROW(a, *hp) < 0)
        return WS_ENOMEM;
    hp->v[hp->n++] = x;
    sift_up(hp->v, hp->n - 1);
    return WS_OK;
}

/* The index of the lowest bit set in @bits (not 0). */
static uint32_t lowest_bit(uint32_t bits)
{
#if defined(__GNUC__)
    return (uint32_t)__builtin_ctz(bits);
#else
    uint32_t h = 0;
    while (!(bits >> h & 1))
        h++;
    return h;
#endif
}

/* Entity @i was made, mentioned, or changed kind: update the heaps it is in. */
static int touch(ws_attr *a, int32_t i)
{
    struct ws_ent_index *x = a->index;
    const ws_ent *e = &a->r->ents.v[i];
    if (INDEX_ARRAY_GROW(a, x->pushed) < 0)
        return WS_ENOMEM;
    while (x->pushed.n <= (size_t)i)
        x->pushed.v[x->pushed.n++] = (pushed){0, 0, 0};
    pushed *p = &x->pushed.v[i];
    pushed now = {at_speaking(e), e->last_tok, heaps_of(e)};
    /* Nothing changed (a mention again at the same place, a count): no
     * heap to visit. */
    if (now.heaps == p->heaps && now.at_speaking == p->at_speaking && now.at_mention == p->at_mention)
        return WS_OK;
    /* An entity is in one to three of the heaps: only those it was or is
     * in are visited, in heap order. */
    for (uint32_t seen = p->heaps | now.heaps; seen; seen &= seen - 1) {
        uint32_t h = lowest_bit(seen);
        bool was_in = p->heaps >> h & 1, is_in = now.heaps >> h & 1;
        if (is_in && !was_in)
            x->n_members[h]++;
        else if (was_in && !is_in)
            x->n_members[h]--;
        if (!is_in)
            continue;
        bool is_new = !(p->heaps >> h & 1) ||
                      (h >= HEAP_INSTITUTION_BY_MENTION ? p->at_mention != now.at_mention
                                                        : p->at_speaking != now.at_speaking);
        if (is_new && heap_push(a, h, (recency){heap_at(e, h), i}) < 0)
            return WS_ENOMEM;
    }
    *p = now;
    return WS_OK;
}

/*
 * The first entry of heap @h, in heap order, whose mention is before
 * @before and whose entity passes @ok; (recency){0, -1} when none. Stale
 * entries met on the way are dropped; the others passed over are set aside
 * and pushed back. Its entity is WS_MENTION_ENOMEM when memory runs out.
 */
static recency heap_best(ws_attr *a, uint32_t h, uint32_t before,
                         bool (*ok)(const ws_ent *, const ws_ment *), const ws_ment *m)
{
    struct ws_ent_index *x = a->index;
    recency_heap *hp = &x->heaps[h];
    recency best = {0, -1};
    x->set_aside.n = 0;
    while (hp->n) {
        recency top = hp->v[0];
        if (!is_current(a->r, h, top)) {
            heap_pop(hp);
            continue;
        }
        if (top.at < before && ok(&a->r->ents.v[top.entity], m)) {
            best = top;
            break;
        }
        /* No room to set it aside: stop here, and look no further. */
        if (INDEX_ARRAY_GROW(a, x->set_aside) < 0) {
            best.entity = WS_MENTION_ENOMEM;
            break;
        }
        x->set_aside.v[x->set_aside.n++] = heap_pop(hp);
    }
    /* The heap had room for them a moment ago. */
    for (size_t k = 0; k < x->set_aside.n; k++) {
        hp->v[hp->n++] = x->set_aside.v[k];
        sift_up(hp->v, hp->n - 1);
    }
    return best;
}

/*
 * A new entity, filed in the index but in no recency heap yet, for a
 * mention added next (add_mention() touches the entity where it is
 * mentioned) with nothing between that asks the heaps. Touched here as
 * well, it would be pushed into its heaps once more, with no mention: an
 * entry stale as soon as the mention is added, which heap_best() never
 * returns, and a push and a pop for nothing.
 */
static int32_t new_entity_to_mention(ws_attr *a, ws_entity_type type, const char *name)
{
    ws_report *r = a->r;
    if (WS_ARRAY_GROW(&r->mem, r->ents) < 0)
        return WS_MENTION_ENOMEM;
    ws_ent *e = &r->ents.v[r->ents.n];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->name = name;
    int32_t i = (int32_t)r->ents.n++;
    if (index_entity(a, i) < 0)
        return WS_MENTION_ENOMEM;
    /* The index of an entity dropped by make_group may be taken again. */
    if ((size_t)i < a->index->pushed.n)
        a->index->pushed.v[i].heaps = 0;
    return i;
}

/* Fill what entity @i does not know yet from a new mention. */
static int enrich(ws_attr *a, int32_t i, const ws_ment *m)
{
    ws_ent *e = &a->r->ents.v[i];
    /* An institution is not its own institution. */
    if (e->type == WS_ENTITY_INSTITUTION && m->institution && str_eq(m->institution, e->name)) {
        if (!e->country && m->country)
            e->country = m->country;
        return WS_OK;
    }
    bool is_refiled = false;
    if (!e->role && m->role) {
        e->role = m->role;
        is_refiled = true;
    }
    if (!e->institution && m->institution) {
        e->institution = m->institution;
        is_refiled = true;
    }
    if (!e->country && m->country)
        e->country = m->country;
    if (!e->gender && m->gender)
        e->gender = m->gender;
    if (!e->head && m->head)
        e->head = m->head;
    /* Only a person's keys of its role change: it is filed under those of
     * its name already (every change of a name or a kind files them), and
     * another entity's key is its name. */
    return is_refiled && e->type == WS_ENTITY_PERSON ? index_person(a, i, false) : WS_OK;
}

static bool ok_person(const ws_ent *e, const ws_ment *m)
{
    if (e->type != WS_ENTITY_PERSON)
        return false;
    return !m->gender || !e->gender || m->gender == e->gender;
}

static bool has_spoken(const ws_ent *e)
{
    return e->n_direct + e->n_indirect > 0;
}

/* Has it spoken as the subject of a cue (its mention then known)? */
static bool spoke_as_subject(const ws_ent *e)
{
    return has_spoken(e) && e->last_subject_tok;
}

static bool ok_person_who_spoke(const ws_ent *e, const ws_ment *m)
{
    return spoke_as_subject(e) && ok_person(e, m);
}

/* Did @e last speak near token @at: in its block or the two before (a
 * paragraph and the blank or separator line that may precede it)? */
static bool spoke_nearby(const ws_attr *a, const ws_ent *e, uint32_t at)
{
    const ws_doc *d = a->doc;
    uint32_t here = d->sentences.v[a->tok[at].sentence].block;
    uint32_t there = d->sentences.v[a->tok[e->last_subject_tok - 1].sentence].block;
    return there + 2 >= here;
}

/* Has entity @i spoken, in the last two paragraphs before token @at? */
static bool spoke_lately(const ws_attr *a, int32_t i, uint32_t at)
{
    const ws_ent *e = &a->r->ents.v[i];
    return spoke_as_subject(e) && spoke_nearby(a, e, at);
}

/* Does the mention starting at token @t follow a preposition ("traded for
 * Ray Ott", "a talk with engineer Ana Ruiz"): named in passing, not as
 * someone who acts or speaks? */
static bool is_object_mention(const ws_attr *a, uint32_t t)
{
    return t > 0 && a->tok[t].sentence == a->tok[t - 1].sentence && ws_tok_is(a, t - 1, WS_FW_PREP);
}

static bool ok_plural(const ws_ent *e, const ws_ment *m)
{
    (void)m;
    return e->type == WS_ENTITY_GROUP || e->is_plural ||
           (e->type == WS_ENTITY_ANONYMOUS && e->is_plural);
}

/* Does @lex hold @word in lower case, with @suffix after it ("" for none)? */
static bool lexicon_has_lower(const ws_lexicon *lex, const char *word, const char *suffix)
{
    char key[64];
    size_t n = strlen(word), sn = strlen(suffix);
    if (n + sn + 1 > sizeof key)
        return false;
    for (size_t i = 0; i < n; i++)
        key[i] = (char)(word[i] >= 'A' && word[i] <= 'Z' ? word[i] + 32 : word[i]);
    memcpy(key + n, suffix, sn);
    return ws_lexicon_contains(lex, key, n + sn);
}

/* "Republican", "Liberal": one member of a party the rules name in the
 * plural, a person. */
static bool is_party_member(const ws_attr *a, const char *name)
{
    return lexicon_has_lower(&a->rs->group_names, name, "s");
}

/* Is token @t a noun for a business in the rules ("firm", "giant")? */
static bool is_business_noun(const ws_attr *a, uint32_t t)
{
    size_t n;
    const char *key = ws_doc_key(a->doc, t, &n);
    return ws_lexicon_contains(&a->rs->business_nouns, key, n);
}

/* A noun for a news outlet: right before a name it makes the name the
 * outlet's ("Russian newspaper Vedomosti", "news agency Apcom"); "the
 * newspaper" later is the outlet of that head, not the last business. */
static bool is_outlet_noun(const ws_attr *a, uint32_t t)
{
    static const char *const outlets[] = {"newspaper", "daily", "tabloid", "magazine", "weekly", "agency",
                                          "channel", "network", "paper"};
    return ws_tok_word_in(a, t, outlets, sizeof outlets / sizeof *outlets);
}

/*
 * "her statement", "the council's latest report", "the Civic Action
 * study": a noun of the cues for something said or written, after its owner
 * and words in lower case. The owner is [*owner_start, *owner_end) ("her",
 * "the council", "Civic Action"); false when the phrase names none. Not a
 * work that is about its owner ("the senator's indictment").
 */
static bool work_owner(const ws_attr *a, uint32_t start, uint32_t end, uint32_t *owner_start, uint32_t *owner_end)
{
    static const char *const about_owner[] = {"indictment", "lawsuit", "ruling", "endorsement",
                                              "question", "interview", "criticism"};
    if (end - start < 2 || ws_tok_word_in(a, end - 1, about_owner, sizeof about_owner / sizeof *about_owner))
        return false;
    if (!ws_tok_has_noun_cue(a, end - 1) || (a->tok[end - 1].flags & WS_TOKF_CAP))
        return false;
    uint32_t t = end - 1;
    while (t > start + 1 && a->tok[t - 1].kind == WS_TOK_WORD && !(a->tok[t - 1].flags & WS_TOKF_CAP) &&
           !a->ann[t - 1].fw && a->ann[t - 1].role < 0 && !ws_tok_is_possessive(a, t - 1))
        t--;
    *owner_start = start;
    if (t == start + 1 && ws_tok_word_in(a, start, (const char *const[]){"his", "her", "their", "its"}, 4)) {
        *owner_end = t;
        return true;
    }
    if (t > start + 1 && ws_tok_is_possessive(a, t - 1)) {
        *owner_end = t - 1;
        return true;
    }
    /* A name right before the noun, after "the" alone: the name. */
    uint32_t n0 = t;
    while (n0 > start && ws_tok_is_name_word(a, n0 - 1))
        n0--;
    if (!(n0 < t && n0 == start + 1 && ws_tok_word_is(a, start, "the")))
        return false;
    *owner_start = n0;
    *owner_end = t;
    return true;
}

/* "shadow", "deputy": before a role, a word that makes it another office. */
static bool is_other_office(const ws_attr *a, uint32_t t)
{
    size_t n;
    const char *key = ws_doc_key(a->doc, t, &n);
    return ws_lexicon_contains(&a->rs->other_offices, key, n);
}

/* Where the office of the role at @role_at begins: before the words that
 * make it another one ("shadow chancellor"), not before @limit. */
static uint32_t office_start(const ws_attr *a, uint32_t role_at, uint32_t limit)
{
    while (role_at > limit && is_other_office(a, role_at - 1))
        role_at--;
    return role_at;
}

/* Does the role as written name another office ("Shadow chancellor",
 * "deputy mayor"): a word of the rules' list before its last? */
static bool role_is_other_office(const ws_attr *a, const char *role)
{
    char word[32];
    for (const char *p = role; *p;) {
        size_t n = strcspn(p, " ");
        if (!p[n])
            break; /* the head itself */
        if (n && n < sizeof word) {
            memcpy(word, p, n);
            word[n] = '\0';
            if (lexicon_has_lower(&a->rs->other_offices, word, ""))
                return true;
        }
        p += n + 1;
    }
    return false;
}

/* An institution known by its name, with no head noun of its own. */
static bool ok_headless_institution(const ws_ent *e, const ws_ment *m)
{
    (void)m;
    return e->type == WS_ENTITY_INSTITUTION && (!e->head || e->is_business) &&
           !(e->country && str_eq(e->name, e->country)) &&
           e->name && e->name[0] >= 'A' && e->name[0] <= 'Z';
}

/* A business named as one ("media giant Kestrel") that has spoken. */
static bool ok_business_that_spoke(const ws_ent *e, const ws_ment *m)
{
    return e->is_business && spoke_as_subject(e) && ok_headless_institution(e, m);
}

/* Does the name end in a head noun of institutions ("the Senate", "the
 * State Department"; not "Bank of Canada", nor "Wells Fargo")? */
static bool name_has_head(const ws_attr *a, const char *name)
{
    return lexicon_has_lower(&a->rs->institution_heads, ws_last_word(name), "");
}

/* A person known by one word only, of no known gender, title or role. */
static bool ok_bare_name(const ws_ent *e, const ws_ment *m)
{
    (void)m;
    return e->type == WS_ENTITY_PERSON && !e->gender && !e->role && !e->is_plural && e->name &&
           !strchr(e->name, ' ');
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
    return e->name && str_ieq(ws_last_word(e->name), m->head);
}

/* Is @w (@n bytes) the plural of an acronym for members of a body ("MPs",
 * "MEPs", "GPs")? */
static bool is_acronym_plural_word(const char *w, size_t n)
{
    size_t caps = 0;
    while (caps + 1 < n && w[caps] >= 'A' && w[caps] <= 'Z')
        caps++;
    return n >= 3 && caps == n - 1 && w[n - 1] == 's';
}

/* Does @name end on such a plural ("Labour MPs")? */
static bool names_members(const char *name)
{
    const char *w = name ? ws_last_word(name) : NULL;
    return w && is_acronym_plural_word(w, strlen(w));
}

static bool ok_group(const ws_ent *e, const ws_ment *m)
{
    /* (Members of a body, "Labour MPs", are not "Ministers".) */
    return e->type == WS_ENTITY_GROUP && (!m->n_count || m->n_count == e->n_members) &&
           !(names_members(e->name) && m->head && !str_ieq(e->head, m->head));
}

static bool ok_group_same_head(const ws_ent *e, const ws_ment *m)
{
    return ok_group(e, m) && str_ieq(e->head, m->head);
}

/*
 * The most recent entity satisfying @ok, by its latest mention before
 * @before: as a speaker (else any) in heaps HEAP_INSTITUTION to
 * HEAP_PERSON + 3, any in the others. @heaps (bits) must hold every entity
 * @ok accepts. On a tie the older entity. Returns -1 for none, or
 * WS_MENTION_ENOMEM.
 */
static int32_t most_recent(ws_attr *a, uint32_t before, bool (*ok)(const ws_ent *, const ws_ment *),
                           const ws_ment *m, uint32_t heaps)
{
    recency best = {0, -1};
    for (uint32_t h = 0; h < N_HEAPS; h++) {
        if (!(heaps >> h & 1))
            continue;
        recency x = heap_best(a, h, before, ok, m);
        if (x.entity < -1)
            return x.entity;
        if (x.entity >= 0 && (best.entity < 0 || is_before(x, best)))
            best = x;
    }
    return best.entity;
}

/* Does the mention at token @t open its sentence (in its first noun
 * phrase, after a subordinator or two)? A person named later in a sentence
 * ("a bakery owned by his uncle's partner, Piet Moreau") is named in
 * passing. */
/*
 * Where the main clause of sentence @se starts: after an introductory
 * phrase set off by a comma ("Given his views, Ortiz is ...", "After the
 * vote, the minister ..."), else at the sentence's start.
 */
static uint32_t main_clause_start(const ws_attr *a, const ws_sentence *se)
{
    uint32_t t0 = se->tok_start;
    if (t0 >= se->tok_end || a->tok[t0].kind != WS_TOK_WORD)
        return t0;
    bool introduces = ws_tok_is(a, t0, WS_FW_PREP | WS_FW_SUB) ||
                      ws_tok_word_is(a, t0, "given") || ws_tok_ends_with(a, t0, "ing", 5);
    for (uint32_t j = t0 + 1; introduces && j + 1 < se->tok_end && j < t0 + 10; j++) {
        if (a->tok[j].kind == WS_TOK_QUOTE)
            break;
        if (ws_tok_text_is(a, j, ","))
            return j + 1;
    }
    return t0;
}

static bool opens_its_sentence(const ws_attr *a, uint32_t t)
{
    const ws_sentence *se = &a->doc->sentences.v[a->tok[t].sentence];
    uint32_t t0 = se->tok_start;
    /* ("Given his views, Ortiz is hopeful": the main clause's subject, not
     * the owner in "In a broadcast, President Tolvo's aide said".) */
    if (main_clause_start(a, se) == t && t > se->tok_start) {
        uint32_t e = t;
        while (e < se->tok_end && a->tok[e].kind == WS_TOK_WORD && (a->tok[e].flags & WS_TOKF_CAP))
            e++;
        return !(e < se->tok_end && ws_tok_is_possessive(a, e));
    }
    while (t0 < t && t0 < se->tok_start + 2 &&
           (a->tok[t0].kind == WS_TOK_QUOTE || a->tok[t0].kind == WS_TOK_PUNCT ||
            (ws_tok_is(a, t0, WS_FW_SUB | WS_FW_ADV | WS_FW_CONJ) && !ws_tok_is(a, t0, WS_FW_PRON | WS_FW_DET))))
        t0++;
    if (t0 == t)
        return true;
    /* Inside the first noun phrase: "Opposition member Tom Hale was ...". */
    return t0 < t && t < ws_np_right(a, t0, se->tok_end);
}

/* Is the word at @i written with a capital inside it after a capital and
 * at least two small letters ("NetRatings", "DaimlerChrysler"), not after
 * a prefix of surnames ("MacLeod", "VanDyke"; "McIlroy", "DeShawn" have
 * one small letter)? */
static bool is_camel_name(const ws_attr *a, uint32_t i)
{
    static const char *const prefixes[] = {"Mac", "Van", "Von", "Fitz", "Del"};
    const char *w = a->doc->text + a->tok[i].start;
    size_t n = a->tok[i].end - a->tok[i].start, lower = 0;
    if (n < 5 || !(w[0] >= 'A' && w[0] <= 'Z'))
        return false;
    for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
        if (!strncmp(w, prefixes[k], strlen(prefixes[k])))
            return false;
    for (size_t k = 1; k < n; k++) {
        if (w[k] >= 'a' && w[k] <= 'z')
            lower++;
        else if (w[k] >= 'A' && w[k] <= 'Z' && lower >= 2)
            return true;
        else
            lower = 0;
    }
    return false;
}

/* Is the word at @i the plural of an acronym ("MPs")? */
static bool is_acronym_plural(const ws_attr *a, uint32_t i)
{
    return is_acronym_plural_word(a->doc->text + a->tok[i].start, a->tok[i].end - a->tok[i].start);
}

/* "Americans", "Syrians", "Britons": a capitalized demonym of the rules
 * with a plural -s. */
static bool is_people_plural(const ws_attr *a, uint32_t i)
{
    size_t n;
    const char *key = ws_doc_key(a->doc, i, &n);
    if (is_acronym_plural(a, i))
        return true;
    if (!(a->tok[i].flags & WS_TOKF_CAP) || (a->tok[i].flags & WS_TOKF_ALLCAPS) || n <= 3)
        return false;
    /* "Republicans", "Liberals": the members of a party, named in the rules. */
    if (ws_lexicon_contains(&a->rs->group_names, key, n))
        return true;
    return key[n - 1] == 's' && ws_lexicon_contains(&a->rs->demonyms, key, n - 1);
}

/* Does a verb in the plural of the present stand at @k ("show", "say";
 * not "shows", "said"), or an auxiliary of the plural ("have shown", "are
 * warned"), after an adverb in -ly or two ("unanimously agree")? */
static bool plural_verb_follows(const ws_attr *a, uint32_t k)
{
    static const char *const plural_aux[] = {"have", "are", "were", "do", "don't", "haven't", "aren't", "weren't"};
    while (k < a->doc->tokens.n && ws_tok_is_ly_adverb(a, k))
        k++;
    if (k >= a->doc->tokens.n)
        return false;
    if (ws_tok_word_in(a, k, plural_aux, sizeof plural_aux / sizeof *plural_aux))
        return true;
    bool base = false;
    for (int32_t c = a->ann[k].cue; c >= 0; c = a->rs->cue_info.v[c].next) {
        const ws_cue_info *ci = &a->rs->cue_info.v[c];
        if (ci->pos != WS_CUE_VERB)
            continue;
        if (ci->is_s || ci->is_past)
            return false;
        base = base || ci->is_base;
    }
    return base;
}

/* "Politicians", "Economists", "Europeans": a word in the plural of a noun
 * for people by what they do or where they are from (no surname ends so). */
static bool is_plural_people_noun(const ws_attr *a, uint32_t t)
{
    return ws_tok_ends_with(a, t, "ians", 6) || ws_tok_ends_with(a, t, "ists", 6) ||
           ws_tok_ends_with(a, t, "eans", 7) || ws_tok_word_is(a, t, "others");
}

/* The gender a role word or a word of family says: "spokeswoman",
 * "chairwoman", "actress", "mother" a woman; "spokesman", "congressman",
 * "father" a man (but "human" no one). */
static uint8_t role_gender(const ws_attr *a, uint32_t t)
{
    if (ws_tok_ends_with(a, t, "woman", 6) || ws_tok_ends_with(a, t, "women", 6) || ws_tok_ends_with(a, t, "ess", 6) ||
        ws_tok_word_is(a, t, "mother"))
        return GENDER_FEMALE;
    if (((ws_tok_ends_with(a, t, "man", 6) || ws_tok_ends_with(a, t, "men", 6)) && !ws_tok_ends_with(a, t, "human", 5)) ||
        ws_tok_word_is(a, t, "father"))
        return GENDER_MALE;
    return GENDER_UNKNOWN;
}

/* The person (of @m's gender) whose mention opens the sentence of token
 * @at, after a subordinator or two ("Even though Kestner has ..."),
 * before @at; or -1. */
static int32_t sentence_opener(const ws_attr *a, uint32_t at, const ws_ment *m)
{
    const ws_sentence *se = &a->doc->sentences.v[a->tok[at].sentence];
    uint32_t t0 = se->tok_start;
    while (t0 < at && t0 < se->tok_start + 2 && ws_tok_is(a, t0, WS_FW_SUB | WS_FW_ADV) &&
           !ws_tok_is(a, t0, WS_FW_PRON | WS_FW_DET))
        t0++;
    if (t0 >= at || a->tok[t0].kind != WS_TOK_WORD || a->ment_at[t0] < 0)
        return -1;
    const ws_ment *o = &a->r->ments.v[a->ment_at[t0]];
    if (o->tok_start != t0 || o->tok_end >= at || o->kind == WS_MENTION_PRONOUN || o->entity < 0)
        return -1;
    /* The opener is the subject: a verb, not "and" or a preposition, follows. */
    if (ws_tok_is(a, o->tok_end, WS_FW_CONJ | WS_FW_PREP) || ws_tok_is_possessive(a, o->tok_end))
        return -1;
    return ok_person(&a->r->ents.v[o->entity], m) ? o->entity : -1;
}

/* The heaps of the people a pronoun of gender @g may stand for. */
static uint32_t person_heaps(uint8_t g)
{
    uint32_t all = 0xFu << HEAP_PERSON;
    return !g || g > 3 ? all : 1u << HEAP_PERSON | 1u << (HEAP_PERSON + g);
}

/* find_person() for a name of one word, of @n bytes at @word (not
 * necessarily ended by a NUL: the scan for mentions asks it of the
 * article's words in place). */
static int32_t find_person_by_word(ws_attr *a, const char *word, size_t n, uint32_t at)
{
    ent_key k = make_key_n(KEY_NAME, word, n);
    int32_t exact = oldest_with(a, &k, NULL, NULL);
    if (exact >= 0)
        return exact;
    size_t bare = al_prefix(word, n);
    k = make_key_n(KEY_LAST, word + bare, n - bare);
    ent_key first = make_key_n(KEY_FIRST, word, n);
    return max_i32(newest_named_before(a, &k, at), newest_named_before(a, &first, at));
}

/*
 * Find a person entity named by a full name or one of its words: the
 * oldest of exactly that name; else, for a one-word @name, the newest
 * whose last word (without "al-") or first word it is; for a longer one,
 * the newest known by one word only, its last word or its first.
 */
static int32_t find_person(ws_attr *a, const char *name, bool is_single_word, uint32_t at)
{
    if (is_single_word)
        return find_person_by_word(a, name, strlen(name), at);
    ent_key k = make_key(KEY_NAME, name, NULL);
    int32_t exact = oldest_with(a, &k, NULL, NULL);
    if (exact >= 0)
        return exact;
    /* "Heather Nauert" after "Nauert" was seen alone: the same person. */
    k = make_key(KEY_SINGLE, bare_name(ws_last_word(name)), NULL);
    int32_t best = newest_with(a, &k);
    if (strchr(name, ' ')) {
        k = make_key_n(KEY_NAME, name, strcspn(name, " "));
        best = max_i32(best, newest_with(a, &k));
    }
    /* "Al Farouq" after "Hiba Al Farouq": the last words of a full name, a
     * surname of two words. */
    if (best < 0) {
        k = make_key(KEY_LAST, bare_name(ws_last_word(name)), NULL);
        int32_t e = newest_with(a, &k);
        const char *full = e >= 0 ? a->r->ents.v[e].name : NULL;
        size_t nf = full ? strlen(full) : 0, nn = strlen(name);
        if (full && nf > nn + 1 && full[nf - nn - 1] == ' ' && !strcmp(full + nf - nn, name))
            best = e;
    }
    return best;
}

/* A @country asked for must not contradict the one the entity has. */
static bool ok_country(const ws_report *r, int32_t i, const void *country)
{
    const ws_ent *e = &r->ents.v[i];
    return !country || !e->country || str_eq(country, e->country);
}

static int32_t find_by_name(ws_attr *a, ws_entity_type type, const char *name, const char *country)
{
    if (!name)
        return -1;
    ent_key k = make_key(KEY_TYPED + (uint32_t)type, name, NULL);
    return oldest_with(a, &k, ok_country, country);
}

static const char *lower_word(ws_attr *a, uint32_t i)
{
    size_t n;
    const char *k = ws_doc_key(a->doc, i, &n);
    return ws_arena_strndup(&a->doc->arena, k, n);
}

/* Remember that the acronym at token @tok names institution @entity. */
static void give_acronym(ws_attr *a, uint32_t tok, int32_t entity)
{
    struct ws_ent_index *x = a->index;
    uint32_t slot = x->n_acronyms++ % (uint32_t)(sizeof x->acronyms / sizeof *x->acronyms);
    x->acronyms[slot].tok = tok;
    x->acronyms[slot].entity = entity;
}

/* The institution the acronym at @tok was given to in parentheses
 * earlier ("the Kestrel Chemical Agency (KCA) ... KCA said"), or -1. */
static int32_t acronym_given(const ws_attr *a, uint32_t tok)
{
    const struct ws_ent_index *x = a->index;
    const ws_token *t = &a->tok[tok];
    const uint32_t ring = (uint32_t)(sizeof x->acronyms / sizeof *x->acronyms);
    if (!(t->flags & WS_TOKF_ALLCAPS))
        return -1;
    size_t len = t->end - t->start;
    uint32_t n = x->n_acronyms < ring ? x->n_acronyms : ring;
    for (uint32_t k = 0; k < n; k++) {
        uint32_t slot = (x->n_acronyms - 1 - k) % ring; /* newest first */
        const ws_token *u = &a->tok[x->acronyms[slot].tok];
        if (x->acronyms[slot].tok < tok && u->end - u->start == len &&
            !memcmp(a->doc->text + u->start, a->doc->text + t->start, len))
            return x->acronyms[slot].entity;
    }
    return -1;
}

static int32_t add_mention(ws_attr *a, ws_ment *m, bool is_speaker)
{
    ws_report *r = a->r;
    if (WS_ARRAY_GROW(&r->mem, r->ments) < 0)
        return WS_MENTION_ENOMEM;
    int32_t idx = (int32_t)r->ments.n;
    r->ments.v[r->ments.n++] = *m;
    /* A group's phrase covers its members' mentions: it owns the tokens. */
    for (uint32_t t = m->tok_start; t < m->tok_end; t++)
        if (a->ment_at[t] < 0 || m->type == WS_ENTITY_GROUP)
            a->ment_at[t] = idx;
    if (m->entity >= 0) {
        if (enrich(a, m->entity, m) < 0)
            return WS_MENTION_ENOMEM;
        ws_ent *e = &r->ents.v[m->entity];
        if (!e->first_tok || m->tok_start + 1 < e->first_tok)
            e->first_tok = m->tok_start + 1;
        if (m->tok_start + 1 > e->last_tok)
            e->last_tok = m->tok_start + 1;
        /* ("Mr Hale's account": a possessor is no speaker.) */
        if (is_speaker && m->tok_start + 1 > e->last_subject_tok &&
            !(m->tok_end < a->doc->tokens.n && ws_tok_is_possessive(a, m->tok_end)))
            e->last_subject_tok = m->tok_start + 1;
        if (touch(a, m->entity) < 0)
            return WS_MENTION_ENOMEM;
    }
    return idx;
}

/* Add the mention @m as one of the institution called @name, met before
 * or new ("KRC said", "UK Coal said"). */
static int32_t add_as_institution(ws_attr *a, ws_ment *m, const char *name, bool is_speaker)
{
    m->type = WS_ENTITY_INSTITUTION;
    m->gender = GENDER_THING;
    m->entity = find_by_name(a, WS_ENTITY_INSTITUTION, name, NULL);
    if (m->entity < 0)
        m->entity = new_entity_to_mention(a, WS_ENTITY_INSTITUTION, name);
    if (m->entity < -1)
        return m->entity;
    return add_mention(a, m, is_speaker);
}

/*
 * Add the mention @m of an institution named up to @name_end, then its
 * acronym in the parentheses that close at @end ("the Kestrel Chemical
 * Agency (KCA)") as a short mention of the same institution, remembered
 * for "KCA" met later. Returns the name's mention.
 */
static int32_t add_with_acronym(ws_attr *a, ws_ment *m, uint32_t name_end, uint32_t end, bool is_speaker)
{
    ws_ment alias = *m;
    alias.tok_start = name_end + 1;
    alias.tok_end = end - 1;
    alias.kind = WS_MENTION_SHORT;
    m->tok_end = name_end;
    int32_t mi = add_mention(a, m, is_speaker);
    if (mi < 0 || alias.tok_start >= alias.tok_end)
        return mi;
    int32_t ai = add_mention(a, &alias, false);
    if (ai < -1)
        return ai;
    give_acronym(a, alias.tok_start, m->entity);
    return mi;
}

/* Has group @i the members of group @arg? The newest entity is left out:
 * it is the new group, save when a member's phrase made entities of its own. */
static bool ok_same_members(const ws_report *r, int32_t i, const void *arg)
{
    const ws_ent *o = &r->ents.v[i], *ng = arg;
    if ((size_t)i + 1 >= r->ents.n || o->n_members != ng->n_members)
        return false;
    for (uint32_t mk = 0; mk < o->n_members; mk++)
        if (r->members.v[o->first_member + mk] != r->members.v[ng->first_member + mk])
            return false;
    return true;
}

/* Split a coordination "A, B and C" into member entities of a new group. */
static int32_t make_group(ws_attr *a, ws_ment *m, uint32_t start, uint32_t end)
{
    ws_report *r = a->r;
    /* (In the recency heaps at once: its members are mentioned before it.) */
    int32_t g = new_entity_to_mention(a, WS_ENTITY_GROUP, span_text(a, start, end));
    if (g < 0)
        return g;
    if (touch(a, g) < 0)
        return WS_MENTION_ENOMEM;
    r->ents.v[g].first_member = (uint32_t)r->members.n;
    /* A group's heaps do not depend on is_plural (heaps_of): the touch above stands. */
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
                    return WS_MENTION_ENOMEM;
                r->members.v[r->members.n++] = me;
                r->ents.v[g].n_members++;
            }
        }
        k = j + 1;
    }
    m->type = WS_ENTITY_GROUP;
    m->is_plural = true;
    m->kind = WS_MENTION_NAME;
    /* The same members named again: the same group, the oldest such. The
     * new group is not in the bucket yet: it is filed below. */
    const ws_ent *ng = &r->ents.v[g];
    ent_key gk;
    entity_key(r, g, KEY_GROUP, &gk);
    int32_t same = oldest_with(a, &gk, ok_same_members, ng);
    if (same >= 0) {
        r->members.n = ng->first_member;
        r->ents.n--; /* the new one was the last entity */
        return same;
    }
    return index_key(a, g, KEY_GROUP) < 0 ? WS_MENTION_ENOMEM : g;
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
 * ministry", "marketing executive at Tolvo Electronics", "the board's chair".
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
            m->role = span_text(a, office_start(a, t, start), rend); /* "the shadow chancellor" */
        const ws_role_info *ri = &rs->role_info.v[a->ann[t].role];
        if (!m->institution && ri->institution)
            m->institution = ri->institution;
        /* "... at Tolvo Electronics", "... of the ministry" */
        if (!m->institution && rend < end &&
            (ws_tok_text_is(a, rend, "at") || ws_tok_text_is(a, rend, "for") ||
             ws_tok_text_is(a, rend, "of") || ws_tok_text_is(a, rend, "with"))) {
            uint32_t s0 = rend + 1;
            while (s0 < end && ws_tok_is(a, s0, WS_FW_DET))
                s0++;
            /* "editor of Kenyan farm weekly Crop Times": the name after
             * a place's adjective and lower-case words. */
            if (s0 + 1 < end && a->ann[s0].demonym >= 0 && a->tok[s0 + 1].kind == WS_TOK_WORD &&
                !(a->tok[s0 + 1].flags & WS_TOKF_CAP)) {
                uint32_t k = s0 + 1;
                while (k < end && k < s0 + 5 && a->tok[k].kind == WS_TOK_WORD && !(a->tok[k].flags & WS_TOKF_CAP) &&
                       !a->ann[k].fw)
                    k++;
                if (k < end && ws_tok_is_name_word(a, k)) {
                    if (!m->country)
                        m->country = rs->strings.v[a->ann[s0].demonym];
                    s0 = k;
                }
            }
            uint32_t e0 = s0;
            while (e0 < end && (ws_tok_is_name_word(a, e0) || is_name_part(a, e0)))
                e0++;
            if (e0 > s0 && !(e0 == s0 + 1 && a->ann[s0].demonym >= 0))
                m->institution = span_text(a, s0, e0);
        }
        read_modifiers(a, m, start, t);
        break;
    }
}

/* A comma (or dash) that opens an appositive: not one inside a list of names. */
static uint32_t apposition_comma(const ws_attr *a, uint32_t body, uint32_t end)
{
    for (uint32_t t = body + 1; t + 1 < end; t++) {
        if (!ws_tok_text_is(a, t, ",") && !ws_tok_is_dash(a, t))
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
 * "First Surname" in the text ("Jan Vossberg stopped 29 shots" before
 * "Vossberg said"). Looks back at most a few thousand tokens.
 */
static const char *full_name_before(ws_attr *a, uint32_t at, uint32_t surname, uint32_t *found)
{
    uint32_t lo = at > 5000 ? at - 5000 : 0;
    /* In locals, and the first byte compared before memcmp() is called:
     * the look back passes over some hundreds of tokens a call. */
    const ws_token *tok = a->tok;
    const char *text = a->doc->text, *word = text + tok[surname].start;
    const uint32_t len = tok[surname].end - tok[surname].start;
    for (uint32_t t = at; t-- > lo + 1;) {
        if (tok[t].end - tok[t].start != len || (len && text[tok[t].start] != word[0]) ||
            memcmp(text + tok[t].start, word, len))
            continue;
        uint32_t f = t;
        /* Within its sentence, and a period only after an initial ("J.
         * Smith", not "on PBS. Kestner's name"). */
        while (f > lo && t - f < 3 && a->tok[f - 1].sentence == a->tok[t].sentence &&
               (is_name_part(a, f - 1) ||
                (ws_tok_text_is(a, f - 1, ".") && f >= 2 && a->tok[f - 2].end - a->tok[f - 2].start == 1)) &&
               a->ann[f - 1].role < 0 && a->ann[f - 1].country < 0 && a->ann[f - 1].demonym < 0)
            f--;
        while (f < t && !ws_tok_is_name_word(a, f))
            f++;
        if (f < t) {
            if (found)
                *found = t;
            return span_text(a, f, t + 1);
        }
    }
    return NULL;
}

/*
 * "Al Farouq said" after "Hiba Al Farouq came": a name of several words that
 * ends an earlier, longer name (whose first word no list of first names
 * knows, so that it was no mention of its own) is that name. The caller
 * asks only when the name opens with no known first name or with a
 * particle ("Al", "Van"): a full name seen first is the common case, and
 * the look back is long.
 */
static const char *longer_name_before(ws_attr *a, uint32_t at, uint32_t end, const char *name)
{
    uint32_t last = 0;
    const char *full = end > at ? full_name_before(a, at, end - 1, &last) : NULL;
    /* (Not a name that goes on, a firm's: "Tolvo Al Farouq Trading".) */
    if (full && last + 1 < a->doc->tokens.n && a->tok[last + 1].sentence == a->tok[last].sentence &&
        a->tok[last + 1].kind == WS_TOK_WORD && (a->tok[last + 1].flags & WS_TOKF_CAP))
        return NULL;
    size_t nf = full ? strlen(full) : 0, nn = strlen(name);
    return full && nf > nn + 1 && full[nf - nn - 1] == ' ' && str_ieq(full + nf - nn, name) ? full : NULL;
}

/*
 * Entity @i, just made from the words @body to @end after the determiners
 * from @start, keeps the phrase as written: "the government" when its name
 * is "government". Only when the name is those very words, not a name the
 * lexicon gave it ("the EU" stays the European Union).
 */
/*
 * "Federal Bureau of Prisons", "Department of Justice", "Commission on
 * Presidential Debates", "Alliance to Reclaim Our Schools": capitalized
 * words up to an institution's head noun, then "of", "for", "on" or "to"
 * and capitalized words to the phrase's end [@body, @end). Returns the
 * first word of the name (after any determiner), or @end when it is none.
 */
static uint32_t institution_with_complement(const ws_attr *a, uint32_t body, uint32_t end, uint32_t *head)
{
    static const char *const links[] = {"of", "for", "on", "to"};
    uint32_t s0 = body;
    /* "the nonpartisan Commission ...": determiners and modifiers first. */
    while (s0 < end && (ws_tok_is(a, s0, WS_FW_DET) || (a->tok[s0].kind == WS_TOK_WORD &&
                                                       !(a->tok[s0].flags & WS_TOKF_CAP) && !a->ann[s0].fw)))
        s0++;
    /* (A first name may open it: "the Roman Catholic Diocese of ...".) */
    if (s0 >= end || !ws_tok_is_name_word(a, end - 1) || a->ann[s0].honorific >= 0)
        return end;
    bool linked = false;
    for (uint32_t t = s0; t < end; t++) {
        /* "Iraq's Ministry of Communications", "the FDA's Office of ...":
         * a country, an acronym or a known body before the possessive says
         * whose, and the name starts after it; other words are the name's
         * own ("The People's Bank of China", "King's College of Music"). */
        if (!linked && t > s0 && t + 1 < end && ws_tok_is_possessive(a, t)) {
            bool owner = (a->tok[t - 1].flags & WS_TOKF_ALLCAPS) != 0;
            for (uint32_t x = t > s0 + 3 ? t - 3 : s0; x < t && !owner; x++) {
                const ws_tok_ann *an = &a->ann[x];
                owner = (an->inst >= 0 && x + (an->inst_len ? an->inst_len : 1u) == t) ||
                        (an->country >= 0 && x + (an->country_len ? an->country_len : 1u) == t);
            }
            if (owner)
                s0 = t + 1;
            continue;
        }
        bool link = t > s0 && ws_tok_word_in(a, t, links, sizeof links / sizeof *links);
        if (link && !linked && a->ann[t - 1].is_head && (a->tok[t - 1].flags & WS_TOKF_CAP)) {
            linked = true;
            *head = t - 1;
            continue;
        }
        /* "Bureau of Alcohol, Tobacco and Firearms", "Department of Health
         * and Human Services": a list inside the name. */
        bool inner = linked && t + 1 < end && (ws_tok_text_is(a, t, "and") || ws_tok_text_is(a, t, "the") ||
                                               ws_tok_text_is(a, t, "&"));
        if (!inner && !((a->tok[t].flags & WS_TOKF_CAP) && a->tok[t].kind == WS_TOK_WORD))
            return end;
    }
    return linked ? s0 : end;
}

static void keep_written_name(ws_attr *a, int32_t i, uint32_t start, uint32_t body, uint32_t end)
{
    if (i < 0 || start >= body)
        return;
    ws_ent *e = &a->r->ents.v[i];
    const char *words = span_text(a, body, end);
    if (e->written_name || !e->name || !words || strcmp(words, e->name) != 0)
        return;
    e->written_name = span_text(a, start, end);
}

/* A new institution named by the words [@body, @end), written with its
 * determiner from @start ("the ministry"), for a mention added next (see
 * new_entity_to_mention()). */
static int32_t new_written_institution(ws_attr *a, uint32_t start, uint32_t body, uint32_t end)
{
    int32_t e = new_entity_to_mention(a, WS_ENTITY_INSTITUTION, span_text(a, body, end));
    keep_written_name(a, e, start, body, end);
    return e;
}

/* A one-word name that "it" or "the company" took: an institution from now. */
static int become_institution(ws_attr *a, int32_t e)
{
    a->r->ents.v[e].type = WS_ENTITY_INSTITUTION;
    a->r->ents.v[e].gender = GENDER_THING;
    return index_entity(a, e) < 0 || touch(a, e) < 0 ? WS_MENTION_ENOMEM : WS_OK;
}

/*
 * Do the names joined by "and" in [@body, @end) name one body? So when a
 * capitalized head ends them, the words before "and" name no one and
 * nothing of their own, and more than the head follows ("Kestrel Iron and
 * Steel Co.", "the Truth and Reconciliation Commission"); not "the IMF and
 * World Bank", "Tom Hale and Kestrel Group", "Britain and Riverton
 * Council", "Hale and Congress".
 */
static bool names_one_body(const ws_attr *a, uint32_t body, uint32_t end)
{
    if (!a->ann[end - 1].is_head || !(a->tok[end - 1].flags & WS_TOKF_CAP))
        return false;
    /* ("China's Kestrel Iron and ...", "Australian Iron and ...": a country
     * or a demonym first says where.) */
    uint32_t own = body;
    while (own + 1 < end && (a->ann[own].country >= 0 || a->ann[own].demonym >= 0) &&
           !ws_tok_text_is(a, own + 1, "and"))
        own += 1 + ws_tok_is_possessive(a, own + 1);
    for (uint32_t t = own; t + 1 < end; t++) {
        if (ws_tok_text_is(a, t, "and"))
            return t + 2 < end;
        if (a->ann[t].is_head || (a->tok[t].flags & WS_TOKF_ALLCAPS) || a->ann[t].first_name ||
            a->ann[t].honorific >= 0 || a->ann[t].country >= 0 || a->ann[t].demonym >= 0 || ws_tok_is(a, t, WS_FW_DET))
            return false;
    }
    return false;
}

/*
 * Is "X and Y" at @and_at an institution's name that a role and a name
 * follow ("Heart and Stroke senior manager Ana Ruiz"), not two people: no
 * first name or role before "and", a role after it?
 */
static bool is_institution_before_role(const ws_attr *a, uint32_t body, uint32_t and_at, uint32_t end)
{
    for (uint32_t t = body; t < and_at; t++)
        if (a->ann[t].first_name || a->ann[t].role >= 0 || a->ann[t].honorific >= 0)
            return false;
    for (uint32_t t = and_at + 1; t + 1 < end; t++)
        if (a->ann[t].role >= 0)
            return true;
    return false;
}

/* An unnamed source over [start, end), named by its words from @from on:
 * "officials", "a source close to the mayor", "some". */
static int32_t add_anonymous(ws_attr *a, ws_ment *m, uint32_t start, uint32_t from, uint32_t end,
                             bool is_plural, bool is_speaker)
{
    m->type = WS_ENTITY_ANONYMOUS;
    m->kind = WS_MENTION_NOMINAL;
    const char *text = span_text(a, from, end);
    if (!is_plural) {
        /* The head decides: "a source close to the mayors" is one. */
        uint32_t head = end;
        /* (The head comes before its placing phrase.) */
        for (uint32_t t = from + 1; t + 1 < end && head == end; t++)
            if (ws_tok_placing_phrase(a, t, end))
                head = t;
        size_t hn;
        const char *h = ws_doc_key(a->doc, head - 1, &hn);
        is_plural = (hn > 1 && h[hn - 1] == 's') || ws_tok_text_is(a, head - 1, "people") ||
                    ws_tok_text_is(a, head - 1, "those");
    }
    m->is_plural = is_plural;
    m->entity = find_by_name(a, WS_ENTITY_ANONYMOUS, text, NULL);
    if (m->entity < 0) {
        m->entity = new_entity_to_mention(a, WS_ENTITY_ANONYMOUS, text);
        if (m->entity < -1)
            return m->entity;
        keep_written_name(a, m->entity, start, from, end);
        a->r->ents.v[m->entity].is_plural = m->is_plural;
    }
    return add_mention(a, m, is_speaker);
}

/* "a source close to the mayor", "people familiar with the talks",
 * "someone in attendance": an unnamed source, then a phrase that says
 * where it stands. What it is close to names someone else. */
static bool is_placed_unnamed_source(const ws_attr *a, uint32_t start, uint32_t end)
{
    for (uint32_t t = start + 1; t + 1 < end && t <= start + 4; t++) {
        if (!ws_tok_placing_phrase(a, t, end))
            continue;
        for (uint32_t h = start; h < t; h++)
            if (ws_tok_is_unnamed_source(a, h))
                return true;
        return false;
    }
    return false;
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
                if (touch(a, old->entity) < 0)
                    return WS_MENTION_ENOMEM;
            }
            return at;
        }
    }
    /* "Kestrel Inc.": a company's name ends before the period of its
     * legal form ("Tom Hale Jr." keeps his, trimmed with the suffix below). */
    if (end >= start + 3 && ws_tok_text_is(a, end - 1, ".") && ws_tok_is_company_form(a, end - 2))
        return ws_mention_for(a, start, end - 1, is_speaker);
    /* "Kestrel, which recently lost deals with Tolvo and Brio,": a relative
     * clause says more about the phrase before it, which is the mention. */
    for (uint32_t t = start + 1; t + 1 < end; t++)
        if (ws_tok_text_is(a, t, ",") &&
            (ws_tok_word_is(a, t + 1, "which") || ws_tok_word_is(a, t + 1, "who") || ws_tok_word_is(a, t + 1, "whose")))
            return ws_mention_for(a, start, t, is_speaker);
    /* "Officials in Dover", "people in Dover", "Tom Hale in Dover": the
     * place only says where the speakers are; no one is called Dover. */
    static const char *const place_preps[] = {"in", "across", "around", "throughout", "inside"};
    for (uint32_t t = start + 1; t + 1 < end; t++)
        if (ws_tok_word_in(a, t, place_preps, sizeof place_preps / sizeof *place_preps)) {
            const ws_tok_ann *head = &a->ann[t - 1];
            /* (Not before an appositive name: "the correspondent in
             * Dover, Lena Ortiz," is Lena Ortiz. A place the
             * lists know keeps the phrase whole: "Republicans in Congress",
             * "someone in attendance".) */
            bool appositive = false;
            for (uint32_t k = t + 1; k < end && !appositive; k++)
                appositive = ws_tok_text_is(a, k, ",");
            uint32_t place = t + 1;
            while (place + 1 < end && ws_tok_is(a, place, WS_FW_DET))
                place++;
            bool unknown_place = (a->tok[place].flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, place) &&
                                 a->ann[place].inst < 0 && a->ann[place].country < 0 && !a->ann[place].is_group;
            if (!appositive && unknown_place &&
                (head->anon_len || head->role >= 0 || head->is_group || head->is_head ||
                 ws_tok_is_plural_head(a, t - 1) || ws_tok_is_name_word(a, t - 1)))
                return ws_mention_for(a, start, t, is_speaker);
            break;
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
    /* "Oslo-based Kestrel Group": an adjective made of a place is no part
     * of the name it stands before. */
    while (body + 1 < end && ws_tok_is_name_word(a, body) && !is_name_part(a, body) &&
           memchr(a->doc->text + a->tok[body].start, '-', a->tok[body].end - a->tok[body].start))
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

    /* "Clara Dunn, the president of the council,": the name speaks, the
     * appositive says who she is. */
    uint32_t comma = apposition_comma(a, body, end);
    if (comma < end) {
        uint32_t app_end = end;
        while (app_end > comma + 1 && (ws_tok_text_is(a, app_end - 1, ",") || ws_tok_is_dash(a, app_end - 1)))
            app_end--;
        /* "His father, Joseph Hale,": a name in the appositive names the
         * person the description before it is about. */
        /* "The head of the FCU, Acting Chief Inspector, Lena Ortiz,": a
         * title between, then the name. */
        uint32_t name_from = comma + 1;
        for (uint32_t t = app_end; t > comma + 2; t--)
            if (ws_tok_text_is(a, t - 1, ",")) {
                bool names = t < app_end && app_end - t <= 4;
                for (uint32_t k = t; k < app_end && names; k++)
                    names = ws_tok_is_name_word(a, k);
                bool titled = false;
                for (uint32_t k = comma + 1; k < t - 1 && !titled; k++)
                    titled = a->ann[k].role >= 0 || a->ann[k].honorific >= 0;
                if (names && titled)
                    name_from = t;
                break;
            }
        bool head_has_name = false, app_is_name = app_end - name_from <= 4;
        /* Only names before a preposition count: "Another delegate on the
         * Ruiz slate, Rob Keane," is about Rob Keane. */
        for (uint32_t t = start; t < comma && !head_has_name && !(t > start && ws_tok_is(a, t, WS_FW_PREP)); t++)
            head_has_name = ws_tok_is_name_word(a, t) && !ws_tok_is(a, t, WS_FW_NUM) &&
                            /* "One Republican presidential hopeful": a modifier */
                            !(t + 1 < comma && a->tok[t + 1].kind == WS_TOK_WORD &&
                              !(a->tok[t + 1].flags & WS_TOKF_CAP));
        for (uint32_t t = name_from; t < app_end && app_is_name; t++)
            app_is_name = ws_tok_is_name_word(a, t) ||
                          (ws_tok_text_is(a, t, ".") && t > name_from && a->tok[t - 1].end - a->tok[t - 1].start == 1);
        /* ("Montana Sen. Tom Hale": a title of its own before the name.) */
        if (!app_is_name && app_end - name_from <= 7 && app_end >= name_from + 2 &&
            a->ann[app_end - 1].role < 0 && a->ann[app_end - 2].role < 0 &&
            ws_tok_is_name_word(a, app_end - 1) && ws_tok_is_name_word(a, app_end - 2)) {
            bool titled = false;
            app_is_name = true;
            for (uint32_t t = name_from; t < app_end && app_is_name; t++) {
                titled = titled || a->ann[t].role >= 0 || a->ann[t].honorific >= 0;
                app_is_name = ws_tok_is_name_word(a, t) || ws_tok_text_is(a, t, ".") || a->ann[t].role >= 0 ||
                              a->ann[t].honorific >= 0;
            }
            app_is_name = app_is_name && titled;
        }
        /* "a spokesman for the prosecutor, Comptroller Lena Ortiz,": after
         * a preposition and a role, the titled name is that role's. */
        bool object_role = comma > start + 2 && a->ann[comma - 1].role >= 0;
        for (uint32_t t = start; t + 1 < comma && object_role; t++)
            if (ws_tok_is(a, t, WS_FW_PREP))
                break;
            else if (t + 2 >= comma)
                object_role = false;
        if (object_role) {
            bool titled = false;
            for (uint32_t t = name_from; t < app_end && !titled; t++)
                titled = a->ann[t].role >= 0;
            app_is_name = app_is_name && !titled;
        }
        /* "the director for Tolvo, Ian Pratt,": a first name after an
         * institution's name names the person the phrase describes. */
        bool head_is_inst = is_institution_name(a, body, comma) || a->ann[comma - 1].inst >= 0 ||
                            (ws_tok_is_name_word(a, comma - 1) &&
                             (a->tok[comma - 1].flags & WS_TOKF_ALLCAPS));
        /* "One swing-state Democrat, Riverton Sen. Tom Hale,": an
         * indefinite head describes the person the apposition names. */
        /* ("a spokesman for the prosecutor, Comptroller Tom Hale,": the
         * apposition names the noun after the preposition.) */
        static const char *const indefinite[] = {"a", "an", "one", "another"};
        bool head_indefinite = ws_tok_word_in(a, start, indefinite, sizeof indefinite / sizeof *indefinite);
        for (uint32_t t = start; t < comma && head_indefinite; t++)
            head_indefinite = !ws_tok_is(a, t, WS_FW_PREP);
        bool name_after = app_is_name && (!head_has_name || head_indefinite ||
                                          (head_is_inst && a->ann[name_from].first_name));
        int32_t mi = name_after ? ws_mention_for(a, name_from, app_end, is_speaker)
                                : ws_mention_for(a, start, comma, is_speaker);
        if (mi < 0)
            return mi;
        ws_ment desc;
        memset(&desc, 0, sizeof desc);
        if (name_after)
            describe(a, start, name_from - 1, &desc);
        else
            describe(a, comma + 1, app_end, &desc);
        int32_t e = r->ments.v[mi].entity;
        if (e >= 0) {
            if (enrich(a, e, &desc) < 0)
                return WS_MENTION_ENOMEM;
            if (r->ents.v[e].type == WS_ENTITY_UNKNOWN && desc.role) {
                r->ents.v[e].type = WS_ENTITY_PERSON;
                if (index_entity(a, e) < 0)
                    return WS_MENTION_ENOMEM;
            }
            if (touch(a, e) < 0)
                return WS_MENTION_ENOMEM;
        }
        return mi;
    }

    /* Pronouns. */
    if (end - start == 1 && last->pronoun >= 0) {
        const ws_pronoun_info *pi = &rs->pronoun_info.v[last->pronoun];
        m.kind = WS_MENTION_PRONOUN;
        if (!strcmp(pi->gender, "thing")) {
            m.gender = GENDER_THING;
            m.entity = most_recent(a, start, ok_institution, &m, 1u << HEAP_INSTITUTION);
            m.type = WS_ENTITY_INSTITUTION;
            /* "Nestle said ... It warned ...": a one-word name that no
             * "he" or "she", first name, title or role made a person is as
             * likely a company; "it" takes it when it is the latest, and it
             * is an institution from then on. */
            int32_t bare = m.entity < -1 ? -1 : most_recent(a, start, ok_bare_name, &m, 1u << (HEAP_PERSON + GENDER_UNKNOWN));
            if (bare < -1)
                return bare;
            if (bare >= 0 && !is_party_member(a, r->ents.v[bare].name) &&
                (m.entity < 0 || at_speaking(&r->ents.v[bare]) > at_speaking(&r->ents.v[m.entity]))) {
                if (become_institution(a, bare) < 0)
                    return WS_MENTION_ENOMEM;
                m.entity = bare;
            }
        } else if (pi->is_plural) {
            m.is_plural = true;
            m.entity = most_recent(a, start, ok_plural, &m, 1u << HEAP_PLURAL);
            if (m.entity == -1)
                m.entity = most_recent(a, start, ok_institution, &m, 1u << HEAP_INSTITUTION);
            m.type = m.entity >= 0 ? r->ents.v[m.entity].type : WS_ENTITY_UNKNOWN;
        } else {
            m.gender = !strcmp(pi->gender, "male") ? GENDER_MALE
                       : !strcmp(pi->gender, "female") ? GENDER_FEMALE : GENDER_UNKNOWN;
            m.type = WS_ENTITY_PERSON;
            m.entity = most_recent(a, start, ok_person, &m, person_heaps(m.gender));
            /* "Even though Kestner has written books with Ida Lorne,
             * she maintains that ...": a speaking pronoun stands for the
             * person who opens its sentence. */
            int32_t opener = is_speaker ? sentence_opener(a, start, &m) : -1;
            if (opener >= 0)
                m.entity = opener;
            /* "he said" after "... traded him for Ray Ott": the man who has
             * been speaking, unless he spoke too long ago. */
            if (is_speaker && m.entity >= 0 && !has_spoken(&r->ents.v[m.entity]) &&
                (is_object_mention(a, r->ents.v[m.entity].last_tok - 1) ||
                 !opens_its_sentence(a, r->ents.v[m.entity].last_tok - 1))) {
                int32_t spoke = most_recent(a, start, ok_person_who_spoke, &m, person_heaps(m.gender));
                if (spoke < -1)
                    return spoke;
                if (spoke >= 0 && spoke_nearby(a, &r->ents.v[spoke], start))
                    m.entity = spoke;
            }
        }
        if (m.entity < -1)
            return m.entity;
        return add_mention(a, &m, is_speaker);
    }
    /* ("something", "it all": no one; "someone", listed as an unnamed
     * source, is somebody not named.) */
    if (end - start == 1 && ws_tok_is(a, start, WS_FW_PRON) && !a->ann[start].anon_len)
        return -1;
    /* "who", "which": the phrase just before ("voters who said"). */
    if (end - start == 1 && (ws_tok_text_is(a, start, "who") || ws_tok_text_is(a, start, "which"))) {
        uint32_t e0 = start;
        if (e0 > 0 && ws_tok_text_is(a, e0 - 1, ","))
            e0--;
        uint32_t s0 = ws_np_left(a, e0, a->doc->sentences.v[a->tok[start].sentence].tok_start);
        if (s0 >= e0)
            return -1;
        /* "a fund for farmers who want": the people after the preposition
         * when the head before it is a thing ("a spokesman for the
         * ministry who said", "critics of the plan who say" keep theirs). */
        /* The verb's number decides where it shows: "the father of the
         * twins who says" is the father's, "a lawyer for the families who
         * say" the families'; a verb in the past shows none. */
        uint32_t v = start + 1;
        uint32_t sent = a->tok[start].sentence;
        while (v < a->doc->tokens.n && a->tok[v].sentence == sent &&
               (ws_tok_is(a, v, WS_FW_ADV) || ws_tok_is_ly_adverb(a, v)) && !ws_tok_is(a, v, WS_FW_AUX))
            v++;
        int number = 0; /* 1 singular, 2 plural, 0 not shown */
        if (v < a->doc->tokens.n && a->tok[v].sentence == sent && a->tok[v].kind == WS_TOK_WORD) {
            static const char *const singular[] = {"is", "was", "has", "does"};
            static const char *const plural[] = {"are", "were", "have", "do"};
            if (ws_tok_word_in(a, v, singular, sizeof singular / sizeof *singular))
                number = 1;
            else if (ws_tok_word_in(a, v, plural, sizeof plural / sizeof *plural))
                number = 2;
            for (int32_t c = a->ann[v].cue; c >= 0 && !number; c = a->rs->cue_info.v[c].next) {
                const ws_cue_info *ci = &a->rs->cue_info.v[c];
                if (ci->pos == WS_CUE_VERB && !ci->is_past && !ci->is_ing)
                    number = ci->is_s ? 1 : ci->is_base ? 2 : 0;
            }
        }
        for (uint32_t p = s0 + 1; p + 1 < e0 && number != 1; p++)
            if (ws_tok_is(a, p, WS_FW_PREP)) {
                uint32_t h = p - 1;
                bool thing = a->tok[h].kind == WS_TOK_WORD && !(a->tok[h].flags & WS_TOKF_CAP) && a->ann[h].role < 0 &&
                             !a->ann[h].anon_len;
                if ((thing || number == 2) && !ws_tok_is_plural_head(a, h) && ws_tok_is_plural_head(a, e0 - 1))
                    s0 = p + 1;
                break;
            }
        int32_t ante = ws_mention_for(a, s0, e0, is_speaker);
        if (ante < 0)
            return ante;
        m.kind = WS_MENTION_PRONOUN;
        m.entity = r->ments.v[ante].entity;
        m.type = r->ments.v[ante].type;
        return add_mention(a, &m, is_speaker);
    }

    if (is_placed_unnamed_source(a, start, end))
        return add_anonymous(a, &m, start, body, end, false, is_speaker);

    /* "Her statement said", "Brandt's book says": what someone wrote or
     * said speaks with the voice of its author. */
    uint32_t owner_start, owner_end;
    if (is_speaker && work_owner(a, start, end, &owner_start, &owner_end)) {
        int32_t om = ws_mention_for(a, owner_start, owner_end, false);
        if (om < -1)
            return om;
        if (om >= 0 && r->ments.v[om].entity >= 0) {
            m.entity = r->ments.v[om].entity;
            m.type = r->ments.v[om].type;
            m.kind = WS_MENTION_NOMINAL;
            m.is_plural = r->ments.v[om].is_plural;
            return add_mention(a, &m, is_speaker);
        }
    }

    /* "Sen. Ana Ruiz of Dover", "Tom Hale with the housing coalition": a
     * person's name, then a phrase that says where the person is from.
     * Not an institution's own "of" ("Bank of Canada"). */
    for (uint32_t p = body + 1; p + 1 < end; p++) {
        if (!ws_tok_is(a, p, WS_FW_PREP))
            continue;
        bool is_from = ws_tok_text_is(a, p, "of") || ws_tok_text_is(a, p, "with") ||
                       ws_tok_text_is(a, p, "from") || ws_tok_text_is(a, p, "at");
        if (!is_from || !is_name_part(a, p - 1) || a->ann[p - 1].is_head || a->ann[p - 1].inst >= 0 ||
            a->ann[p - 1].country >= 0 || is_institution_name(a, body, p))
            break;
        bool is_person = false;
        for (uint32_t t = body; t < p && !is_person; t++)
            is_person = a->ann[t].first_name || a->ann[t].role >= 0 || a->ann[t].honorific >= 0;
        if (!is_person)
            break;
        int32_t mi = ws_mention_for(a, start, p, is_speaker);
        if (mi < 0 || r->ments.v[mi].type != WS_ENTITY_PERSON)
            break;
        return mi;
    }

    /* "the Federal Bureau of Prisons": an institution by its full name. */
    uint32_t head_at = end;
    /* "the Royal Institution of Kestrel Surveyors (RICS)": the name
     * without its acronym, which is kept as a short mention of it. */
    uint32_t named_end = end;
    if (end >= body + 4 && ws_tok_text_is(a, end - 1, ")") && ws_tok_text_is(a, end - 3, "(") &&
        (a->tok[end - 2].flags & WS_TOKF_ALLCAPS))
        named_end = end - 3;
    uint32_t named_from = institution_with_complement(a, body, named_end, &head_at);
    if (named_from < named_end) {
        const char *name = span_text(a, named_from, named_end);
        /* A name the lexicon knows whole: its own spelling and country. */
        const ws_tok_ann *known = &a->ann[named_from];
        const ws_institution_info *ii = known->inst >= 0 && named_from + known->inst_len == named_end
                                            ? &rs->institution_info.v[known->inst]
                                            : NULL;
        if (ii)
            name = ii->name;
        m.type = WS_ENTITY_INSTITUTION;
        m.kind = WS_MENTION_NAME;
        m.gender = GENDER_THING;
        m.head = lower_word(a, head_at); /* "the Church of Scientology" is "the Church" */
        read_modifiers(a, &m, body, named_from);
        if (ii && ii->country && !m.country)
            m.country = ii->country;
        m.entity = find_by_name(a, WS_ENTITY_INSTITUTION, name, m.country);
        if (m.entity < 0) {
            m.entity = new_entity_to_mention(a, WS_ENTITY_INSTITUTION, name);
            /* "The Department of Justice" as written, not "the nonpartisan ...". */
            if (named_from == body + 1 || named_from == body)
                keep_written_name(a, m.entity, start, named_from, named_end);
        }
        if (m.entity < -1)
            return m.entity;
        if (named_end < end)
            return add_with_acronym(a, &m, named_end, end, is_speaker);
        return add_mention(a, &m, is_speaker);
    }

    /* "the government of Nigeria", "the ministry of defence", "the office
     * of the prime minister": a head noun of institutions in lower case,
     * then "of" and what it is of. */
    uint32_t of_at = body;
    while (of_at < end && (ws_tok_is(a, of_at, WS_FW_DET) || a->ann[of_at].demonym >= 0 ||
                           (a->tok[of_at].kind == WS_TOK_WORD && !a->ann[of_at].fw && !a->ann[of_at].is_head &&
                            a->ann[of_at].role < 0 && !(a->tok[of_at].flags & WS_TOKF_CAP))))
        of_at++;
    /* ("a group of scholars" are people: a plural noun after "of".) */
    if (of_at + 2 < end && a->ann[of_at].is_head && !(a->tok[of_at].flags & WS_TOKF_CAP) &&
        ws_tok_text_is(a, of_at + 1, "of") &&
        !(!(a->tok[end - 1].flags & WS_TOKF_CAP) && ws_tok_ends_with(a, end - 1, "s", 4))) {
        uint32_t c0 = of_at + 2;
        while (c0 < end && ws_tok_is(a, c0, WS_FW_DET))
            c0++;
        m.type = WS_ENTITY_INSTITUTION;
        m.kind = WS_MENTION_NOMINAL;
        m.gender = GENDER_THING;
        m.head = lower_word(a, of_at);
        read_modifiers(a, &m, body, of_at);
        if (c0 < end && a->ann[c0].country >= 0 && c0 + a->ann[c0].country_len == end)
            m.country = rs->strings.v[a->ann[c0].country];
        /* The same institution again, or a new one named as written. */
        m.entity = most_recent(a, start, ok_same_head, &m, 1u << HEAP_INSTITUTION_BY_MENTION);
        if (m.entity < -1)
            return m.entity;
        if (m.entity >= 0 && !str_eq(m.country, r->ents.v[m.entity].country))
            m.entity = -1;
        if (m.entity >= 0 && !m.country && !str_eq(r->ents.v[m.entity].name, span_text(a, body, end)))
            m.entity = -1; /* "the ministry of defence" is not the ministry of health */
        if (m.entity < 0) {
            m.kind = WS_MENTION_NAME;
            m.entity = new_written_institution(a, start, body, end);
            if (m.entity < -1)
                return m.entity;
        }
        return add_mention(a, &m, is_speaker);
    }

    /* Coordinated names: a group, unless they name one body. */
    bool one_institution = names_one_body(a, body, end);
    for (uint32_t t = body + 1; t + 1 < end && !one_institution; t++) {
        /* ("Tom Hale, director of Ferry and Harbour Services, said": an
         * "and" inside a description after a comma joins no speakers.) */
        if (ws_tok_text_is(a, t, ",") && a->ann[t + 1].role >= 0)
            break;
        /* ("Britain and the Riverton government": a determiner may open
         * the second.) */
        uint32_t second = t + 1 + (t + 2 < end && ws_tok_word_is(a, t + 1, "the") &&
                                   (a->tok[t + 2].flags & WS_TOKF_CAP));
        if (ws_tok_text_is(a, t, "and") && ws_tok_is_name_word(a, t - 1) &&
            ws_tok_is_name_word(a, second) && !is_institution_before_role(a, body, t, end)) {
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
        /* "a spokesman for the Port Commissioner's Office": a role
         * after the preposition belongs to the institution's name. */
        if (role_at < end && ws_tok_is(a, t, WS_FW_PREP))
            break;
        /* A lower-case role word is an adjective unless it heads the phrase
         * or a name or "for ..." follows: "a general view" has no general. */
        uint32_t rend = t + (a->ann[t].role_len ? a->ann[t].role_len : 1u);
        bool as_role = (a->tok[t].flags & WS_TOKF_CAP) || rend >= end ||
                       ws_tok_is_name_word(a, rend) || ws_tok_is(a, rend, WS_FW_PREP) ||
                       a->ann[rend].role >= 0;
        /* "the Scottish Executive": a capitalized word that is a role and
         * a head of institutions, last after "the" and a name, names the
         * body. */
        bool body_name = t + 1 == end && t > body && a->ann[t].is_head && (a->tok[t].flags & WS_TOKF_CAP) &&
                         ws_tok_word_is(a, start, "the") && ws_tok_is_name_word(a, t - 1) &&
                         !a->ann[t - 1].first_name && a->ann[t - 1].role < 0;
        if (a->ann[t].role >= 0 && as_role && !is_surname_of_role(a, t) && !body_name &&
            !(is_name_part(a, t) && a->ann[t].inst >= 0)) {
            role_at = t;
            role_end = t + (a->ann[t].role_len ? a->ann[t].role_len : 1u);
            if (role_end > end)
                role_end = end;
            /* The last role before the name counts: "former deputy minister". */
        }
    }
    /* "the Port Commissioner's Office", "the minister's office": a role in
     * the possessive holds what follows, no one named after it, when a name
     * or a head of institutions follows ("The Commissioner's wife" is still
     * somebody). */
    if (role_at < end && role_end + 1 < end && ws_tok_is_possessive(a, role_end) &&
        (ws_tok_is_name_word(a, end - 1) || a->ann[end - 1].is_head))
        role_at = role_end = end;
    uint32_t name_end = end;
    /* "Tom Hale Jr.": the suffix is no part of the name the person is met
     * by again. */
    if (end >= body + 3 && ws_tok_text_is(a, end - 1, ".") &&
        (ws_tok_text_is(a, end - 2, "Jr") || ws_tok_text_is(a, end - 2, "Sr")))
        name_end = end - 2;
    /* "(R-Utah)", "(OPCW)" after the name. */
    if (ws_tok_text_is(a, end - 1, ")")) {
        while (name_end > body && !ws_tok_text_is(a, name_end - 1, "("))
            name_end--;
        if (name_end > body)
            name_end--;
    }
    uint32_t name_start = name_run_left(a, name_end, role_end < end ? role_end : body);
    bool has_name = name_start < name_end;
    /* "the president of the United States": a name after a preposition
     * names the role's institution, not the person. */
    for (uint32_t t = role_end; has_name && role_at < end && t < name_start; t++)
        has_name = !ws_tok_is(a, t, WS_FW_PREP);
    if (has_name && role_at == end && a->ann[name_start].role >= 0 && name_end - name_start > 1) {
        /* "Secretary Pompeo": a capitalized role word before the name. */
        role_at = name_start;
        role_end = name_start + a->ann[name_start].role_len;
        if (role_end >= name_end)
            role_end = name_end - 1;
        name_start = role_end;
    }
    /* "the shadow chancellor" holds an office of its own. */
    uint32_t office_at = role_at < end ? office_start(a, role_at, body) : role_at;
    if (role_at < end) {
        const ws_role_info *ri = &rs->role_info.v[a->ann[role_at].role];
        m.role = span_text(a, office_at, role_end);
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
             * candidate Carl Venn"): it names an institution only when
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

    /* "Republicans in Congress": people, with the place they sit in; so are
     * "Critics of the government", "members of the council": people of the
     * body that a head in lower case names, not the body. */
    bool people_of = body + 2 < end && ws_tok_is(a, body + 1, WS_FW_PREP) &&
                     (is_people_plural(a, body) ||
                      (ws_tok_ends_with(a, body, "s", 4) && !a->ann[body].is_head && a->ann[body].inst < 0 &&
                       (!(a->tok[body].flags & WS_TOKF_CAP) || (a->tok[body].flags & WS_TOKF_SENT_START)) &&
                       !ws_tok_ends_with(a, body, "ss", 4) && !ws_tok_is_possessive(a, body + 1) &&
                       last->is_head && !(a->tok[end - 1].flags & WS_TOKF_CAP)));
    /* Institutions: gazetteer names, "X Ministry", "the ministry". */
    bool is_inst = false;
    if (role_at == end && !people_of) {
        uint32_t s0 = body;
        while (s0 < end && (a->ann[s0].country >= 0 || a->ann[s0].demonym >= 0)) {
            uint32_t len = a->ann[s0].country >= 0 && a->ann[s0].country_len ? a->ann[s0].country_len : 1u;
            s0 += len;
            /* "Saudi Arabia's Civil Defense Authority" */
            if (s0 < end && ws_tok_is_possessive(a, s0))
                s0++;
        }
        /* "bank Hale & Ortiz", "Food giant Tolvane": the noun says what
         * the institution is; the name is after it. */
        bool after_business_noun = false;
        for (uint32_t p = s0; p + 1 < name_end && !after_business_noun; p++) {
            if ((a->tok[p].flags & WS_TOKF_CAP) && !(a->tok[p].flags & WS_TOKF_SENT_START))
                break;
            after_business_noun = !(a->tok[p].flags & WS_TOKF_CAP) && is_business_noun(a, p) &&
                                  ws_tok_is_name_word(a, p + 1);
            if (after_business_noun)
                s0 = p + 1;
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
            /* "The Church of Scientology ... The Church denied": a head noun
             * alone, capitalized, names the institution of that head. */
            if (m.entity < 0 && iend - s0 == 1 && a->ann[s0].is_head && a->ann[s0].inst < 0 && s0 > start) {
                m.entity = most_recent(a, start, ok_same_head, &m, 1u << HEAP_INSTITUTION_BY_MENTION);
                if (m.entity < -1)
                    return m.entity;
                if (m.entity >= 0) {
                    m.kind = WS_MENTION_NOMINAL;
                    return add_mention(a, &m, is_speaker);
                }
            }
            if (m.entity < 0) {
                m.entity = new_entity_to_mention(a, WS_ENTITY_INSTITUTION, name);
                if (s0 == body)
                    keep_written_name(a, m.entity, start, body, iend);
            }
            if (m.entity < -1)
                return m.entity;
            if (after_business_noun)
                r->ents.v[m.entity].is_business = true;
            /* An acronym in parentheses right after: "(OPCW)". */
            if (name_end < end)
                return add_with_acronym(a, &m, name_end, end, is_speaker);
        } else if (end - body >= 1 && last->is_head && !ws_tok_is_name_word(a, end - 1)) {
            /* "the ministry", "the Syrian government": a nominal. */
            is_inst = true;
            read_modifiers(a, &m, body, end);
            m.type = WS_ENTITY_INSTITUTION;
            m.head = lower_word(a, end - 1);
            m.gender = GENDER_THING;
            /* "the Syrian government" points back to its head; "the
             * Anti-Fraud Working group" only to an institution of that
             * name ("The Dover-based Tolvo group" is the Tolvo Group). */
            uint32_t proper_modifier_at = end;
            for (uint32_t t = body; t + 1 < end && proper_modifier_at == end; t++)
                if ((a->tok[t].flags & WS_TOKF_CAP) && a->ann[t].country < 0 && a->ann[t].demonym < 0 &&
                    !(t == body && (a->tok[t].flags & WS_TOKF_SENT_START)))
                    proper_modifier_at = t;
            m.entity = most_recent(a, start, ok_same_head, &m,
                                   1u << HEAP_INSTITUTION_BY_MENTION | 1u << HEAP_GROUP_BY_MENTION);
            if (m.entity < -1)
                return m.entity;
            if (m.entity >= 0 && proper_modifier_at < end) {
                const char *name = r->ents.v[m.entity].name;
                if (!name || !name_has_word_of(a, name, proper_modifier_at))
                    m.entity = -1;
            }
            if (m.entity >= 0 && m.country && r->ents.v[m.entity].country &&
                !str_eq(m.country, r->ents.v[m.entity].country))
                m.entity = -1;
            /* "Nestle said ... the company said": a business named by one
             * word, or an institution of no head, is "the company". */
            if (m.entity == -1 && ws_tok_word_is(a, start, "the") && proper_modifier_at == end &&
                is_business_noun(a, end - 1)) {
                int32_t bare = most_recent(a, start, ok_bare_name, &m, 1u << (HEAP_PERSON + GENDER_UNKNOWN));
                int32_t named = most_recent(a, start, ok_headless_institution, &m, 1u << HEAP_INSTITUTION);
                if (bare < -1 || named < -1)
                    return bare < -1 ? bare : named;
                if (bare >= 0 && is_party_member(a, r->ents.v[bare].name))
                    bare = -1;
                if (named >= 0 && name_has_head(a, r->ents.v[named].name))
                    named = -1; /* "the Senate" is no company */
                /* "the German manufacturer" is a German one. */
                if (m.country && named >= 0 && !str_eq(m.country, r->ents.v[named].country))
                    named = -1;
                if (m.country)
                    bare = -1;
                /* The business that has spoken lately rather than one it
                 * spoke of ("Kestrel said it owns 8% of Tolvo ... the
                 * company said", "Skyra said ... rivals such as carrier
                 * Brio ... the firm"); else the one that spoke or was
                 * named last. */
                bool named_spoke_lately = named >= 0 && spoke_lately(a, named, start);
                if (!named_spoke_lately) {
                    int32_t spoke = most_recent(a, start, ok_business_that_spoke, &m, 1u << HEAP_INSTITUTION);
                    if (spoke < -1)
                        return spoke;
                    if (spoke >= 0 && spoke_lately(a, spoke, start)) {
                        named = spoke;
                        named_spoke_lately = true;
                    }
                }
                bool bare_spoke = bare >= 0 && spoke_lately(a, bare, start);
                if (bare >= 0 && (named < 0 || (bare_spoke != named_spoke_lately
                                                    ? bare_spoke
                                                    : at_speaking(&r->ents.v[bare]) > at_speaking(&r->ents.v[named])))) {
                    if (become_institution(a, bare) < 0)
                        return WS_MENTION_ENOMEM;
                    named = bare;
                }
                m.entity = named;
            }
            if (m.entity < 0) {
                m.kind = WS_MENTION_NAME;
                m.entity = new_written_institution(a, start, body, end);
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
                m.entity = new_entity_to_mention(a, WS_ENTITY_INSTITUTION, m.country);
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
                m.entity = new_entity_to_mention(a, WS_ENTITY_INSTITUTION, m.country);
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
        /* "the two countries", "the leaders" point back to any group; the
         * plural of a role ("Traders said" after "Analysts said") only to
         * a group of the same people. */
        bool anaphoric = m.head && ws_lexicon_contains(&rs->group_nouns, m.head, strlen(m.head));
        m.entity = most_recent(a, start, anaphoric ? ok_group : ok_group_same_head, &m, 1u << HEAP_GROUP_BY_MENTION);
        if (m.entity < -1)
            return m.entity;
        if (m.entity < 0) {
            m.kind = WS_MENTION_NAME;
            m.entity = new_entity_to_mention(a, WS_ENTITY_GROUP, span_text(a, body, end));
            if (m.entity < -1)
                return m.entity;
            keep_written_name(a, m.entity, start, body, end);
            a->r->ents.v[m.entity].head = m.head;
            a->r->ents.v[m.entity].is_plural = true; /* a group: its heaps stay */
            if (index_key(a, m.entity, KEY_GROUP) < 0)
                return WS_MENTION_ENOMEM;
        }
        return add_mention(a, &m, is_speaker);
    }

    /* Anonymous sources: "officials", "a source familiar with the talks". */
    bool is_anon = false;
    for (uint32_t t = body; t < end && !is_anon; t++)
        is_anon = a->ann[t].anon_len > 0 && !has_name;
    /* "Some said", "Many say": a quantifier alone stands for people the
     * article does not name. */
    bool only_quantifier = body == end;
    if ((is_anon && role_at == end) || only_quantifier)
        return add_anonymous(a, &m, start, only_quantifier ? start : body, end, only_quantifier, is_speaker);

    /* "Americans say", "Syrians say": the plural of a demonym of the
     * rules names a group of people, not a person. */
    /* ("Labour MPs": a party's members, named by the acronym last.) */
    if (has_name && role_at == end &&
        ((m.name_end == m.name_start + 1 && is_people_plural(a, m.name_start)) || people_of ||
         is_acronym_plural(a, m.name_end - 1))) {
        /* ("Syrians in Idlib": the people, named with their place.) */
        /* ("Labour MPs" of "30 angry Labour MPs": from the first capital;
         * "Analysts and Labour MPs" whole.) */
        uint32_t from = m.name_start;
        if (is_acronym_plural(a, m.name_end - 1)) {
            from = body;
            while (from + 1 < m.name_end && !(a->tok[from].flags & WS_TOKF_CAP))
                from++;
            for (uint32_t t = body; t < end; t++)
                if (ws_tok_text_is(a, t, "and"))
                    from = body;
        }
        const char *name = people_of ? span_text(a, body, end) : span_text(a, from, m.name_end);
        m.type = WS_ENTITY_GROUP;
        m.kind = WS_MENTION_NAME;
        m.is_plural = true;
        bool members = is_acronym_plural(a, m.name_end - 1);
        m.entity = find_by_name(a, WS_ENTITY_GROUP, name, NULL);
        /* "The MPs" after "30 Labour MPs": the same members. */
        if (m.entity < 0 && members && m.name_end - m.name_start == 1 && ws_tok_word_is(a, start, "the")) {
            m.head = lower_word(a, m.name_end - 1);
            m.entity = most_recent(a, start, ok_group_same_head, &m, 1u << HEAP_GROUP_BY_MENTION);
            if (m.entity < -1)
                return m.entity;
            if (m.entity >= 0) {
                m.kind = WS_MENTION_NOMINAL;
                return add_mention(a, &m, is_speaker);
            }
        }
        if (m.entity < 0) {
            m.entity = new_entity_to_mention(a, WS_ENTITY_GROUP, name);
            if (m.entity < -1)
                return m.entity;
            a->r->ents.v[m.entity].is_plural = true;
            if (members)
                a->r->ents.v[m.entity].head = lower_word(a, m.name_end - 1);
            /* (Filed by its name, for "Labour MPs" met again.) */
            if (index_key(a, m.entity, KEY_TYPED + (uint32_t)WS_ENTITY_GROUP) < 0)
                return WS_MENTION_ENOMEM;
        }
        return add_mention(a, &m, is_speaker);
    }

    /* "US firm Vonage", "Internet service provider Wanadoo", "pharmaceutical
     * giant J&J": a noun for a business right before a name makes the name
     * a business's. */
    /* ("film maker Lena Ortiz": a first name starts a person's name.) */
    if (has_name && role_at == end && m.name_start > body && m.name_start < m.name_end &&
        (!(a->tok[m.name_start - 1].flags & WS_TOKF_CAP) || (a->tok[m.name_start - 1].flags & WS_TOKF_SENT_START)) &&
        (is_business_noun(a, m.name_start - 1) || is_outlet_noun(a, m.name_start - 1)) &&
        !(a->ann[m.name_start].first_name && m.name_end - m.name_start >= 2 &&
          !memchr(a->doc->text + a->tok[m.name_start].start, '&',
                  a->tok[m.name_end - 1].end - a->tok[m.name_start].start))) {
        const char *name = span_text(a, m.name_start, m.name_end);
        m.type = WS_ENTITY_INSTITUTION;
        m.kind = WS_MENTION_NAME;
        m.gender = GENDER_THING;
        m.head = lower_word(a, m.name_start - 1);
        m.entity = find_by_name(a, WS_ENTITY_INSTITUTION, name, NULL);
        if (m.entity < 0) {
            /* Named before as a person of one word ("Vonage said"): that one. */
            int32_t p = find_person(a, name, m.name_end - m.name_start == 1, start);
            if (p >= 0 && ok_bare_name(&r->ents.v[p], &m)) {
                if (become_institution(a, p) < 0)
                    return WS_MENTION_ENOMEM;
                m.entity = p;
            } else {
                m.entity = new_entity_to_mention(a, WS_ENTITY_INSTITUTION, name);
            }
        }
        if (m.entity < -1)
            return m.entity;
        r->ents.v[m.entity].is_business = true;
        return add_mention(a, &m, is_speaker);
    }

    /* "Surveys show", "Polls suggest": one capitalized word that opens the
     * sentence before a verb in the plural is a plural noun, no person; a
     * noun for people in the plural is one anywhere ("While ..., Europeans
     * favoured ..."). */
    bool plural_noun = is_speaker && has_name && role_at == end && m.name_end == m.name_start + 1 &&
                       m.name_start == body && ws_tok_ends_with(a, body, "s", 4) && !m.gender &&
                       end < a->doc->tokens.n &&
                       (((a->tok[body].flags & WS_TOKF_SENT_START) && plural_verb_follows(a, end)) ||
                        is_plural_people_noun(a, body));
    if (plural_noun)
        m.is_plural = true; /* and on to the speakers of any other kind, below */

    /* People: a name (with or without role), or a role alone. */
    if (has_name && !plural_noun && m.name_start < m.name_end) {
        const char *name = span_text(a, m.name_start, m.name_end);
        bool single = m.name_end - m.name_start == 1;
        m.type = WS_ENTITY_PERSON;
        m.kind = single && role_at == end ? WS_MENTION_SHORT : WS_MENTION_NAME;
        if (!m.gender && a->ann[m.name_start].first_name)
            m.gender = (uint8_t)a->ann[m.name_start].first_name;
        m.entity = find_person(a, name, single, start);
        if (m.entity < 0) {
            if (!is_speaker && role_at == end && !(m.gender))
                return -1; /* a bare capitalized word: a place as likely as a person */
            /* "Korean Central News Agency (KCNA) ... KCNA said": a name
             * known as an institution's is that institution. */
            int32_t inst = role_at == end && !m.gender ? find_by_name(a, WS_ENTITY_INSTITUTION, name, NULL) : -1;
            if (inst < 0 && single && role_at == end && !m.gender)
                inst = acronym_given(a, m.name_start);
            if (inst >= 0) {
                m.type = WS_ENTITY_INSTITUTION;
                m.gender = GENDER_THING;
                m.entity = inst;
                return add_mention(a, &m, is_speaker);
            }
            /* "Tom Hale spoke. HALE said ...": a person met before, written
             * in capitals. */
            if (single && (a->tok[m.name_start].flags & WS_TOKF_ALLCAPS) && m.name_end > m.name_start) {
                size_t n = a->tok[m.name_start].end - a->tok[m.name_start].start;
                char *title = ws_arena_strndup(&a->doc->arena, a->doc->text + a->tok[m.name_start].start, n);
                if (!title)
                    return WS_MENTION_ENOMEM;
                for (size_t k = 1; k < n; k++)
                    if (title[k] >= 'A' && title[k] <= 'Z')
                        title[k] = (char)(title[k] - 'A' + 'a');
                int32_t known = find_person(a, title, true, start);
                if (known >= 0) {
                    m.entity = known;
                    return add_mention(a, &m, is_speaker);
                }
            }
            /* "The KRC said", "KRC said": an acronym names a body (a
             * person is not named by three capitals alone; a transcript's
             * "HALE:" is). */
            if (single && role_at == end && !m.gender && (a->tok[m.name_start].flags & WS_TOKF_ALLCAPS) &&
                !a->ann[m.name_start].first_name &&
                ((body > start && ws_tok_word_is(a, start, "the")) ||
                 (a->tok[m.name_start].end - a->tok[m.name_start].start >= 3 &&
                  !(end < a->doc->tokens.n && ws_tok_text_is(a, end, ":")))))
                return add_as_institution(a, &m, name, is_speaker);
            /* "NetRatings said", "PricewaterhouseCoopers said": a capital
             * inside one word names a firm. */
            if (single && role_at == end && !m.gender && !a->ann[m.name_start].first_name &&
                is_camel_name(a, m.name_start))
                return add_as_institution(a, &m, name, is_speaker);
            /* "UK Coal said": a country right before one name makes a
             * company's name; no person is named after a country ("Brazilian
             * Juninho" is a person). */
            if (single && role_at == end && !m.gender && m.name_start > body &&
                a->ann[m.name_start - 1].country >= 0 && a->ann[m.name_start - 1].demonym < 0 &&
                !a->ann[m.name_start - 1].first_name && (a->tok[m.name_start - 1].flags & WS_TOKF_CAP) &&
                !a->ann[m.name_start].first_name && a->ann[m.name_start].country < 0 &&
                a->ann[m.name_start].demonym < 0) {
                /* ("Agence France Presse": names before the country too.) */
                uint32_t firm_start = m.name_start - 1;
                while (firm_start > body && (a->tok[firm_start - 1].flags & WS_TOKF_CAP) &&
                       ws_tok_is_name_word(a, firm_start - 1) && !a->ann[firm_start - 1].first_name &&
                       a->ann[firm_start - 1].role < 0)
                    firm_start--;
                /* (Not "In France Hale said": a place after a preposition
                 * of place or time; "of UK Athletics" is a firm's.) */
                static const char *const placing[] = {"in", "at", "on", "from", "across", "after", "before",
                                                      "during", "throughout"};
                if (!(firm_start > 0 && ws_tok_word_in(a, firm_start - 1, placing, sizeof placing / sizeof *placing))) {
                    m.kind = WS_MENTION_NAME;
                    m.country = NULL;
                    return add_as_institution(a, &m, span_text(a, firm_start, m.name_end), is_speaker);
                }
            }
            const char *full = single ? full_name_before(a, m.name_start, m.name_start, NULL)
                                      : !a->ann[m.name_start].first_name || (a->ann[m.name_start].fw & WS_FW_PARTICLE)
                                          ? longer_name_before(a, m.name_start, m.name_end, name)
                                          : NULL;
            if (full) {
                m.entity = find_person(a, full, false, start);
                if (m.entity >= 0)
                    return add_mention(a, &m, is_speaker);
                name = full;
            }
            m.entity = new_entity_to_mention(a, WS_ENTITY_PERSON, name);
            if (m.entity < -1)
                return m.entity;
        } else if (!single && !strchr(r->ents.v[m.entity].name, ' ')) {
            r->ents.v[m.entity].name = name; /* the full name, now that it is known */
            if (index_entity(a, m.entity) < 0)
                return WS_MENTION_ENOMEM;
        }
        return add_mention(a, &m, is_speaker);
    }
    if (role_at < end) {
        /* "the minister", "a spokeswoman for the ministry". */
        m.type = WS_ENTITY_PERSON;
        m.kind = WS_MENTION_NOMINAL;
        if (!m.gender)
            m.gender = role_gender(a, role_end - 1);
        /* "the minister" again: the newest person of that role (and of
         * that institution, or of none known); "a minister" is a new one.
         * "The prime minister's spokesman" is someone else's. */
        bool is_bare_definite_role = ws_tok_word_is(a, start, "the");
        for (uint32_t t = body; t < office_at && is_bare_definite_role; t++)
            is_bare_definite_role = !ws_tok_is_possessive(a, t) && !is_other_office(a, t);
        int32_t e = -1;
        if (m.role && is_bare_definite_role) {
            ent_key k = make_key(KEY_ROLE, m.role, NULL);
            if (m.institution) {
                ent_key same = make_key(KEY_ROLE_INST, m.role, m.institution);
                k = make_key(KEY_ROLE_NO_INST, m.role, NULL);
                e = newest_with(a, &same);
            }
            e = max_i32(e, newest_with(a, &k));
            /* "the minister" after "Education Minister Ana Ruiz"; "the
             * Republican nominee" only a Republican one. */
            if (e < 0 && !strchr(m.role, ' ')) {
                ent_key head = make_key(m.institution ? KEY_ROLE_HEAD_INST : KEY_ROLE_HEAD, m.role, m.institution);
                e = newest_with(a, &head);
                /* Not "shadow chancellor Tom Marlow" for "the chancellor". */
                if (e >= 0 && r->ents.v[e].role && role_is_other_office(a, r->ents.v[e].role))
                    e = -1;
            }
        }
        m.entity = e >= 0 ? e : new_entity_to_mention(a, WS_ENTITY_PERSON, span_text(a, start, end));
        if (m.entity < -1)
            return m.entity;
        return add_mention(a, &m, is_speaker);
    }
    if (!is_speaker)
        return -1;
    /* "the 35-year-old mother of three", "the 71-year-old businessman": a
     * person the article has named, described by age; the latest of that
     * gender. */
    if (ws_tok_word_is(a, start, "the") && body < end && ws_tok_ends_with(a, body, "-year-old", 10)) {
        m.type = WS_ENTITY_PERSON;
        m.kind = WS_MENTION_NOMINAL;
        for (uint32_t t = body + 1; t < end && !m.gender; t++)
            m.gender = role_gender(a, t);
        /* (Only with a gender: "the 32-year-old labourer" is as often the
         * person before the one named last.) */
        m.entity = m.gender ? most_recent(a, start, ok_person, &m, person_heaps(m.gender)) : -1;
        if (m.entity < -1)
            return m.entity;
        if (m.entity >= 0)
            return add_mention(a, &m, is_speaker);
        m.type = WS_ENTITY_UNKNOWN;
        m.gender = GENDER_UNKNOWN;
    }
    /* Anything else that speaks: "critics", "the report", "experts". */
    const char *text = span_text(a, body, end);
    m.type = WS_ENTITY_UNKNOWN;
    m.kind = WS_MENTION_NOMINAL;
    m.entity = find_by_name(a, WS_ENTITY_UNKNOWN, text, NULL);
    if (m.entity < 0) {
        m.entity = new_entity_to_mention(a, WS_ENTITY_UNKNOWN, text);
        keep_written_name(a, m.entity, start, body, end);
    }
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
            a->ann[t].role >= 0 || is_other_office(a, t)) {
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

/* The period of an initial inside a name: "James K. Polk High School". */
static bool is_initial_dot(const ws_attr *a, uint32_t i, uint32_t stop)
{
    return i > 0 && i + 1 < stop && ws_tok_text_is(a, i, ".") &&
           a->tok[i - 1].end - a->tok[i - 1].start == 1 && ws_tok_is_name_word(a, i - 1) &&
           ws_tok_is_name_word(a, i + 1);
}

/* After an institution's head at @e - 1, the end of its complement in
 * capitals ("Church" -> "Church of Scientology", "Bureau" -> "Bureau of
 * Alcohol, Tobacco and Firearms"), or @e. */
static uint32_t complement_end(const ws_attr *a, uint32_t e, uint32_t stop)
{
    static const char *const links[] = {"of", "for", "on", "to"};
    if (e + 1 >= stop || !a->ann[e - 1].is_head || (a->tok[e - 1].flags & (WS_TOKF_CAP | WS_TOKF_ALLCAPS)) != WS_TOKF_CAP ||
        !ws_tok_word_in(a, e, links, sizeof links / sizeof *links))
        return e;
    uint32_t k = e + 1, last = e;
    while (k < stop) {
        /* Not "on Friday": a time word ends it. */
        if (a->tok[k].kind == WS_TOK_WORD && (a->tok[k].flags & WS_TOKF_CAP) && !ws_tok_is(a, k, WS_FW_TIME)) {
            last = ++k;
            continue;
        }
        /* "Health and Human Services", not "Union of Ohio and Demos": two
         * capitalized words after "and". */
        bool two_after = k + 2 < stop && (a->tok[k + 1].flags & WS_TOKF_CAP) && (a->tok[k + 2].flags & WS_TOKF_CAP);
        if (((ws_tok_text_is(a, k, "and") || ws_tok_text_is(a, k, "&")) && two_after) ||
            (ws_tok_text_is(a, k, "the") && k + 1 < stop && (a->tok[k + 1].flags & WS_TOKF_CAP))) {
            k++;
            continue;
        }
        break;
    }
    return last;
}

/* The first token from @i on, before @stop, that is outside quotations
 * and mentions and may start one; @stop when none does. None starts at a
 * word in lower case or a sign that the lexicons mark as no role, title,
 * country or institution, unless a capitalized word follows it (a
 * business's noun before its name: "consultancy Vantor"); every test of
 * the sentence scan then fails, and most tokens are such. A loop of its
 * own, in registers: it passes over most of an article's tokens. The
 * tokens and their marks are walked by pointer (indexed, the compiler kept
 * four counters); a word before a capitalized one is found from the
 * capitalized word, looking back, not from each word looking ahead; and
 * whether a token is in a mention already is asked last. */
static uint32_t next_mention_start(const ws_attr *a, uint32_t i, uint32_t stop)
{
    const ws_token *const tok = a->tok, *const first = a->tok + i, *const end = a->tok + stop;
    const ws_tok_ann *an = a->ann + i;
    for (const ws_token *t = first; t < end; t++, an++) {
        if (t->kind == WS_TOK_WORD && (t->flags & WS_TOKF_CAP)) {
            /* (The word before opened nothing by itself, or the scan
             * would have stopped there.) */
            const ws_token *w = t - 1;
            if (t > first && w->kind == WS_TOK_WORD && w->quote_depth == 0 && a->ment_at[w - tok] < 0)
                return (uint32_t)(w - tok);
            if (t->quote_depth == 0 && a->ment_at[t - tok] < 0)
                return (uint32_t)(t - tok);
            continue;
        }
        if (t->quote_depth > 0)
            continue;
        /* The lexicons mark a country or a title only on a capitalized word
         * (annotate.c), which opens one already: here only a role or an
         * institution can (a short name kept in lower case: "dpa"). Both
         * indexes are negative when absent, so is their bitwise and. */
        assert(an->country < 0 && an->honorific < 0);
        if ((an->role & an->inst) >= 0 && a->ment_at[t - tok] < 0)
            return (uint32_t)(t - tok);
    }
    return stop;
}

int ws_mentions_in_sentence(ws_attr *a, uint32_t s)
{
    const ws_sentence *sent = &a->doc->sentences.v[s];
    const uint32_t stop = sent->tok_end;
    uint32_t i = sent->tok_start;
    while ((i = next_mention_start(a, i, stop)) < stop) {
        const ws_token *t = &a->tok[i];
        const ws_tok_ann *an = &a->ann[i];
        /* ('Said Tom Hale, the mayor: "..."': the verb opens no name.) */
        if (i == sent->tok_start && ws_tok_said_first(a, i)) {
            i++;
            continue;
        }
        /* (Asked once: the scan below asks it of the token three times.) */
        const bool is_name_word = ws_tok_is_name_word(a, i);
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
                    return WS_ENOMEM;
                i = name_end;
                continue;
            }
        }
        /* A business named after its noun, speaking or not: "research
         * consultancy Vantor", for "the firm" later. */
        if (i + 1 < stop && t->kind == WS_TOK_WORD && !(t->flags & WS_TOKF_CAP) && ws_tok_is_name_word(a, i + 1) &&
            is_business_noun(a, i)) {
            uint32_t name_end = i + 1;
            while (name_end < stop && name_end - i < 6 &&
                   (is_name_part(a, name_end) || (ws_tok_text_is(a, name_end, "&") && name_end + 1 < stop &&
                                                  ws_tok_is_name_word(a, name_end + 1))))
                name_end++;
            int32_t m = ws_mention_for(a, i, name_end, false);
            if (m < -1)
                return WS_ENOMEM;
            i = name_end;
            continue;
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
                return WS_ENOMEM;
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
                    return WS_ENOMEM;
                i = k;
                continue;
            }
        }
        /* Institutions: "The Syrian Foreign Ministry", "the State Department". */
        if (an->inst >= 0 || (is_name_word && an->country < 0)) {
            uint32_t k = i;
            while (k < stop &&
                   (is_name_part(a, k) || a->ann[k].demonym >= 0 || is_initial_dot(a, k, stop))) {
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
                uint32_t end = complement_end(a, e, stop);
                /* "(OPCW)" right after the name. */
                if (end + 2 < stop && ws_tok_text_is(a, end, "(") && ws_tok_text_is(a, end + 2, ")") &&
                    (a->tok[end + 1].flags & WS_TOKF_ALLCAPS))
                    end += 3;
                if (a->ment_at[start] < 0) {
                    int32_t m = ws_mention_for(a, start, end, false);
                    if (m < -1)
                        return WS_ENOMEM;
                }
                i = end;
                continue;
            }
        }
        /* A first name the lexicon knows starts a person's name: "Jacob
         * Vossberg stopped 29 shots". So does a name followed by a role
         * in apposition: "Omar Kessel, marketing executive at Tolvo". */
        if (is_name_word && an->country < 0 && an->inst < 0) {
            uint32_t k = i;
            while (k < stop && k - i < 4 && is_name_part(a, k) && a->ann[k].inst < 0)
                k++;
            bool by_first_name = an->first_name && k - i >= 2;
            bool by_role = k - i >= 2 && k + 1 < stop && ws_tok_text_is(a, k, ",") &&
                           (a->ann[k + 1].role >= 0 ||
                            (ws_tok_is(a, k + 1, WS_FW_DET) && k + 2 < stop && a->ann[k + 2].role >= 0));
            /* "Ed Corbin is senior benefit officer at ...": a name,
             * then what the person is. */
            bool by_copula = false;
            if (k - i >= 2 && k + 1 < stop && (ws_tok_text_is(a, k, "is") || ws_tok_text_is(a, k, "was")))
                for (uint32_t j = k + 1; j < stop && j < k + 6 && !by_copula; j++) {
                    if (a->tok[j].kind != WS_TOK_WORD || (a->tok[j].flags & WS_TOKF_CAP))
                        break;
                    /* ("Skyra Plus is the market leader": a business.) */
                    static const char *const markets[] = {"market", "industry", "sector", "global",
                                                          "category", "technology", "price"};
                    by_copula = a->ann[j].role >= 0 &&
                                !(j > k + 1 && ws_tok_word_in(a, j - 1, markets, sizeof markets / sizeof *markets));
                }
            if (by_first_name || by_role || by_copula) {
                int32_t m = ws_mention_for(a, i, k, true);
                if (m < -1)
                    return WS_ENOMEM;
                i = k;
                continue;
            }
        }
        /* A known person's name alone: "Pompeo", "Lavrov". */
        if (is_name_word && an->country < 0 && an->demonym < 0 && an->inst < 0) {
            uint32_t k = i;
            while (k < stop && is_name_part(a, k))
                k++;
            /* Most such words name no one known: one word is asked in
             * place, a short name from a copy on the stack, not one kept
             * in the arena. */
            int32_t known = -1;
            if (k == i + 1) {
                known = find_person_by_word(a, a->doc->text + t->start, t->end - t->start, i);
            } else {
                char short_name[128];
                const char *name = NULL;
                if (k > i && a->tok[k - 1].end - a->tok[i].start < sizeof short_name) {
                    uint32_t name_len = a->tok[k - 1].end - a->tok[i].start;
                    memcpy(short_name, a->doc->text + a->tok[i].start, name_len);
                    short_name[name_len] = '\0';
                    name = short_name;
                } else {
                    name = span_text(a, i, k);
                }
                known = name ? find_person(a, name, false, i) : -1;
            }
            if (known >= 0) {
                int32_t m = ws_mention_for(a, i, k, false);
                if (m < -1)
                    return WS_ENOMEM;
                i = k;
                continue;
            }
        }
        i++;
    }
    return WS_OK;
}

int ws_entity_count(ws_attr *a, int32_t entity, ws_statement_kind kind, uint32_t at_tok)
{
    if (entity < 0)
        return WS_OK;
    ws_ent *e = &a->r->ents.v[entity];
    if (kind == WS_STATEMENT_INDIRECT)
        e->n_indirect++;
    else
        e->n_direct++;
    if (at_tok + 1 > e->last_subject_tok)
        e->last_subject_tok = at_tok + 1;
    return touch(a, entity);
}

int ws_entity_calls_itself_it(ws_attr *a, int32_t entity)
{
    if (entity < 0)
        return WS_OK;
    const ws_ent *e = &a->r->ents.v[entity];
    if (!ok_bare_name(e, NULL) || is_party_member(a, e->name))
        return WS_OK;
    return become_institution(a, entity);
}

int ws_entities_finalize(ws_report *r)
{
    ws_doc *doc = &r->doc;
    r->n_entities = r->ents.n;
    r->entities = ws_arena_calloc(&doc->arena, r->ents.n ? r->ents.n : 1, sizeof *r->entities);
    if (!r->entities)
        return WS_ENOMEM;
    /* Mentions grouped per entity, in text order. */
    /* (Scratch, in the arena too: one heap block fewer an article.) */
    size_t *counts = ws_arena_calloc(&doc->arena, r->ents.n ? r->ents.n : 1, sizeof *counts);
    if (!counts)
        return WS_ENOMEM;
    for (size_t i = 0; i < r->ments.n; i++)
        if (r->ments.v[i].entity >= 0)
            counts[r->ments.v[i].entity]++;
    /* The mentions of all entities in one array of the arena, the members
     * in another, each entity given its stretch: two allocations, not two
     * an entity. One element more at the end, zeroed: an entity with none
     * points at it, as it pointed at an element of its own. */
    size_t n_mentions = 0, n_members = 0;
    for (size_t e = 0; e < r->ents.n; e++) {
        n_mentions += counts[e];
        n_members += r->ents.v[e].n_members;
    }
    ws_mention *all_mentions = ws_arena_calloc(&doc->arena, n_mentions + 1, sizeof *all_mentions);
    int *all_members = ws_arena_calloc(&doc->arena, n_members + 1, sizeof *all_members);
    int rc = all_mentions && all_members ? WS_OK : WS_ENOMEM;
    ws_mention *next_mentions = all_mentions;
    int *next_members = all_members;
    for (size_t e = 0; e < r->ents.n && rc >= 0; e++) {
        const ws_ent *src = &r->ents.v[e];
        ws_entity *p = &r->entities[e];
        p->type = src->type;
        p->name = src->written_name ? src->written_name : src->name;
        p->role = src->role;
        p->institution = src->institution;
        p->country = src->country;
        p->n_direct = src->n_direct;
        p->n_indirect = src->n_indirect;
        p->mentions = counts[e] ? next_mentions : all_mentions + n_mentions;
        next_mentions += counts[e];
        int *members = src->n_members ? next_members : all_members + n_members;
        next_members += src->n_members;
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
    /* Every entity has a name for the reports: where no pass gave one,
     * its first mention as written. */
    for (size_t e = 0; e < r->ents.n && rc >= 0; e++) {
        ws_entity *p = &r->entities[e];
        if (p->name)
            continue;
        if (p->n_mentions)
            p->name = ws_arena_strndup(&doc->arena, doc->text + p->mentions[0].span.text_start,
                                       p->mentions[0].span.text_end - p->mentions[0].span.text_start);
        else
            p->name = "unnamed";
        if (!p->name)
            rc = WS_ENOMEM;
    }
    return rc;
}
