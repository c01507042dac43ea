/*
 * lexicon.h - word lists as hash sets: one lookup per token instead of a
 * giant regex alternation. Keys are stored as given (callers lower-case them
 * for case-insensitive lists); multi-word keys use single spaces, and each of
 * their word prefixes is registered so that a matcher knows when to extend.
 */
#ifndef WS_LEXICON_H
#define WS_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"

enum ws_lex_flag {
    WS_LEX_ENTRY = 1,     /* the key is an entry of the list */
    WS_LEX_PREFIX = 2,    /* the key is the first words of a longer entry */
};

typedef struct ws_lex_entry {
    const char *key;
    uint32_t len;
    uint32_t hash;
    uint32_t value;       /* caller's data: a class, an index */
    uint8_t flags;
} ws_lex_entry;

/* Bits of a lexicon's key filter: 2 KB, small enough to stay in the
 * first-level cache where the slots do not. */
enum { WS_LEX_KEY_FILTER_BITS = 16384 };

typedef struct ws_lexicon {
    const ws_allocator *mem;
    ws_arena keys;
    ws_lex_entry *slots;
    size_t n_used;
    size_t cap;           /* a power of two, or 0 */
    size_t n_entries;
    size_t n_one_word;    /* keys of one word: entries, and first words of longer ones */
    uint32_t max_words;   /* words in the longest entry */
    /* A bit for each key, entry or prefix (ws_lexicon_may_have()): most
     * lookups find nothing (a word of an article in no list, a phrase
     * extended by a word), and the filter tells them so without a probe of
     * the slots, which is a cache miss. */
    uint64_t key_filter[WS_LEX_KEY_FILTER_BITS / 64];
    /* A bit for each word that follows another in some key ("minister" of
     * "foreign minister"; ws_lexicon_may_follow()): a phrase matcher asks
     * it before it makes the longer key, which most words end. */
    uint64_t next_word_filter[WS_LEX_KEY_FILTER_BITS / 64];
} ws_lexicon;

void ws_lexicon_init(ws_lexicon *lex, const ws_allocator *mem);
void ws_lexicon_release(ws_lexicon *lex);

/*
 * Add entry @key (@len bytes, words separated by single spaces) with
 * @value; a key added twice keeps the later value. Registers its prefixes.
 */
int ws_lexicon_add(ws_lexicon *lex, const char *key, size_t len, uint32_t value);

/* Make room for @n_keys keys (entries and prefixes) in all: the table is
 * made at the size that many would have grown it to, once. */
int ws_lexicon_reserve(ws_lexicon *lex, size_t n_keys);

/*
 * The lookups are inline: every word of every article goes through them,
 * several times, and most of their cost was the calls (two deep, and one
 * to memcmp() for a key of a few bytes).
 */

/* FNV-1a of @len bytes of @s: keys are short words, where it is fast and
 * spreads well. The order of the slots follows from it (checks.c walks
 * them), so it must stay FNV-1a; four bytes a turn spare three loop tests
 * of four. */
static inline uint32_t ws_lexicon_hash_more(uint32_t h, const char *s, size_t len);

static inline uint32_t ws_lexicon_hash(const char *s, size_t len)
{
    return ws_lexicon_hash_more(2166136261u, s, len);
}

/* The hash @h of some bytes continued over @len more at @s: FNV-1a takes
 * one byte at a time, so that the hash of "ana ruiz" is that of "ana"
 * continued over " ruiz" (a matcher extends a phrase a word at a time). */
static inline uint32_t ws_lexicon_hash_more(uint32_t h, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    for (; i + 4 <= len; i += 4) {
        h = (h ^ u[i]) * 16777619u;
        h = (h ^ u[i + 1]) * 16777619u;
        h = (h ^ u[i + 2]) * 16777619u;
        h = (h ^ u[i + 3]) * 16777619u;
    }
    for (; i < len; i++)
        h = (h ^ u[i]) * 16777619u;
    return h;
}

/* The bit of the key filter for a key that hashes to @h: bits above those
 * that choose the slot. */
static inline uint32_t ws_lexicon_key_bit(uint32_t h)
{
    return h >> 18;
}

/* False when no key of @lex hashes to @h: a key with that hash is then
 * neither an entry nor a prefix. True says nothing. */
static inline bool ws_lexicon_may_have(const ws_lexicon *lex, uint32_t h)
{
    uint32_t bit = ws_lexicon_key_bit(h);
    return (lex->key_filter[bit / 64] >> (bit % 64)) & 1;
}

/* False when no key of @lex has a word after its first that hashes to @h
 * (ws_lexicon_hash() of the word alone): a phrase then cannot go on with
 * that word. True says nothing. */
static inline bool ws_lexicon_may_follow(const ws_lexicon *lex, uint32_t h)
{
    uint32_t bit = ws_lexicon_key_bit(h);
    return (lex->next_word_filter[bit / 64] >> (bit % 64)) & 1;
}

/* Do @len bytes of @x and @y agree? Eight bytes a load, the last load
 * overlapping the one before, so that no byte past either key is read. */
static inline bool ws_lexicon_key_eq(const char *x, const char *y, size_t len)
{
    if (len >= 8) {
        uint64_t a, b;
        for (size_t i = 0; i + 8 < len; i += 8) {
            memcpy(&a, x + i, 8);
            memcpy(&b, y + i, 8);
            if (a != b)
                return false;
        }
        memcpy(&a, x + len - 8, 8);
        memcpy(&b, y + len - 8, 8);
        return a == b;
    }
    if (len >= 4) {
        uint32_t a, b, c, d;
        memcpy(&a, x, 4);
        memcpy(&b, y, 4);
        memcpy(&c, x + len - 4, 4);
        memcpy(&d, y + len - 4, 4);
        return a == b && c == d;
    }
    for (size_t i = 0; i < len; i++)
        if (x[i] != y[i])
            return false;
    return true;
}

/* The slot where @key (hash @h) is, or the empty slot where it would go. */
static inline ws_lex_entry *ws_lexicon_slot(const ws_lexicon *lex, const char *key, size_t len, uint32_t h)
{
    size_t mask = lex->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        ws_lex_entry *e = &lex->slots[i];
        if (!e->key)
            return e;
        if (e->hash == h && e->len == len && ws_lexicon_key_eq(e->key, key, len))
            return e;
    }
}

/* The slot of @key (an entry or a prefix) whose hash @h the caller has
 * (ws_lexicon_hash()), or NULL. */
static inline const ws_lex_entry *ws_lexicon_find_hashed(const ws_lexicon *lex, const char *key, size_t len,
                                                         uint32_t h)
{
    if (!lex || lex->cap == 0 || !ws_lexicon_may_have(lex, h))
        return NULL;
    const ws_lex_entry *e = ws_lexicon_slot(lex, key, len, h);
    return e->key ? e : NULL;
}

/* The slot of @key (an entry or a prefix), or NULL. */
static inline const ws_lex_entry *ws_lexicon_find(const ws_lexicon *lex, const char *key, size_t len)
{
    return ws_lexicon_find_hashed(lex, key, len, ws_lexicon_hash(key, len));
}

/* True when @key is an entry (not only a prefix). */
static inline bool ws_lexicon_contains(const ws_lexicon *lex, const char *key, size_t len)
{
    const ws_lex_entry *e = ws_lexicon_find(lex, key, len);
    return e && (e->flags & WS_LEX_ENTRY);
}

/* Entry @key's value into *value; false when it is not an entry. */
static inline bool ws_lexicon_get(const ws_lexicon *lex, const char *key, size_t len, uint32_t *value)
{
    const ws_lex_entry *e = ws_lexicon_find(lex, key, len);
    if (!e || !(e->flags & WS_LEX_ENTRY))
        return false;
    if (value)
        *value = e->value;
    return true;
}

#endif
