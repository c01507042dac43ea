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
#include "core/bytes.h"

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

/*
 * The hash of a key is made of its words' (split at each space): the
 * first word's, joined with each next word's in turn, so that a matcher
 * extends a phrase a word at a time (ws_lexicon_hash_next_word()) and
 * gets the hash of the whole key. A word of up to 16 bytes is read as two
 * eight-byte lanes, the bytes past its end zero, and mixed with three
 * multiplications, two of them side by side: FNV-1a, which this replaced,
 * made a serial multiplication per byte in loops whose trip counts (the
 * lengths of the words) the branch predictor missed nearly twice a token.
 * (The order of the slots follows from the hash; what walks them,
 * word_index.c and checks.c, finds the same whatever the order.)
 */

/* Sixteen bytes 0xff, then sixteen zeros: loaded from 16 - len and from
 * 24 - len, the masks of the bytes of a word of @len bytes (at most 16)
 * in its two lanes. */
extern const unsigned char ws_lexicon_lane_masks_[32];

/* A word of @len bytes, at most 16, as its lanes @lo and @hi. */
static inline uint32_t ws_lexicon_mix_(uint64_t lo, uint64_t hi, size_t len)
{
    uint64_t a = (lo ^ UINT64_C(0x9E3779B97F4A7C15)) * UINT64_C(0xC2B2AE3D27D4EB4F);
    uint64_t b = (hi + len) * UINT64_C(0x165667B19E3779F9);
    uint64_t x = a ^ (b >> 32 | b << 32);
    /* (The high half of the last product depends on every bit: the slot
     * takes the hash's low bits, the key filters its high bits.) */
    return (uint32_t)(((x ^ x >> 29) * UINT64_C(0xD6E8FEB86659FD93)) >> 32);
}

/* A word longer than 16 bytes: eight bytes a turn folded into the lanes
 * of its last 16. Rare (most words are short), and out of line. */
uint32_t ws_lexicon_hash_long_(const char *s, size_t len);

/* The lanes of @len bytes at @s, at most 16, no byte past them read.
 * (Little-endian loads: a word's bytes take the same places in its lanes
 * whichever way it was read, here or by ws_lexicon_hash_padded().) */
static inline void ws_lexicon_lanes_(const char *s, size_t len, uint64_t *lo, uint64_t *hi)
{
    *hi = 0;
    if (len >= 8) {
        *lo = ws_load64_le(s);
        /* (The last eight bytes, shifted to drop those in @lo.) */
        *hi = ws_load64_le(s + len - 8) >> 4 * (16 - len) >> 4 * (16 - len);
    } else if (len >= 4) {
        *lo = ws_load32_le(s) | ws_load32_le(s + len - 4) << 8 * (len - 4);
    } else if (len > 0) {
        const unsigned char *u = (const unsigned char *)s;
        *lo = (uint64_t)u[0] | (uint64_t)u[len / 2] << 8 * (len / 2) | (uint64_t)u[len - 1] << 8 * (len - 1);
    } else {
        *lo = 0;
    }
}

/* The hash of one word (no space) of @len bytes at @s, no byte past it
 * read. */
static inline uint32_t ws_lexicon_hash_word(const char *s, size_t len)
{
    if (len > 16)
        return ws_lexicon_hash_long_(s, len);
    uint64_t lo, hi;
    ws_lexicon_lanes_(s, len, &lo, &hi);
    return ws_lexicon_mix_(lo, hi, len);
}

/* ws_lexicon_hash_word() of a word that has 16 bytes readable from @s
 * whatever its length (a document's token keys: ws_tokenize() leaves the
 * room): two loads and masks, no branch but for a word over 16 bytes. */
static inline uint32_t ws_lexicon_hash_padded(const char *s, size_t len)
{
    if (len > 16)
        return ws_lexicon_hash_long_(s, len);
    const unsigned char *m = ws_lexicon_lane_masks_ + 16 - len;
    uint64_t lo = ws_load64_le(s) & ws_load64_le((const char *)m);
    uint64_t hi = ws_load64_le(s + 8) & ws_load64_le((const char *)m + 8);
    return ws_lexicon_mix_(lo, hi, len);
}

/* The hash of a key whose first words hash to @h, followed by the word
 * that hashes to @word_hash. */
static inline uint32_t ws_lexicon_hash_join(uint32_t h, uint32_t word_hash)
{
    uint64_t x = ((uint64_t)h << 32 | word_hash) * UINT64_C(0x9E3779B97F4A7C15);
    return (uint32_t)(((x ^ x >> 29) * UINT64_C(0xD6E8FEB86659FD93)) >> 32);
}

/* The hash of a key whose first words hash to @h, followed by the word of
 * @len bytes at @s (no space): that of "ana ruiz" is that of "ana" with
 * "ruiz" next. */
static inline uint32_t ws_lexicon_hash_next_word(uint32_t h, const char *s, size_t len)
{
    return ws_lexicon_hash_join(h, ws_lexicon_hash_word(s, len));
}

/* The hash of a key with a space, word by word. */
uint32_t ws_lexicon_hash_phrase_(const char *s, size_t len);

/* The hash of key @s of @len bytes, one word or several. */
static inline uint32_t ws_lexicon_hash(const char *s, size_t len)
{
    if (len > 16)
        return memchr(s, ' ', len) ? ws_lexicon_hash_phrase_(s, len) : ws_lexicon_hash_long_(s, len);
    uint64_t lo, hi;
    ws_lexicon_lanes_(s, len, &lo, &hi);
    /* A byte of a lane xor spaces is zero only where the key has a space
     * (the bytes past its end are zero): a test for a zero byte tells. */
    const uint64_t ones = UINT64_C(0x0101010101010101), spaces = 0x20 * ones;
    uint64_t x = lo ^ spaces, y = hi ^ spaces;
    if ((((x - ones) & ~x) | ((y - ones) & ~y)) & ones << 7)
        return ws_lexicon_hash_phrase_(s, len);
    return ws_lexicon_mix_(lo, hi, len);
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
