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

typedef struct ws_lexicon {
    const ws_allocator *mem;
    ws_arena keys;
    ws_lex_entry *slots;
    size_t n_used;
    size_t cap;           /* a power of two, or 0 */
    size_t n_entries;
    uint32_t max_words;   /* words in the longest entry */
} ws_lexicon;

void ws_lexicon_init(ws_lexicon *lex, const ws_allocator *mem);
void ws_lexicon_release(ws_lexicon *lex);

/*
 * Add entry @key (@len bytes, words separated by single spaces) with
 * @value; a key added twice keeps the later value. Registers its prefixes.
 */
int ws_lexicon_add(ws_lexicon *lex, const char *key, size_t len, uint32_t value);

/* The slot of @key (an entry or a prefix), or NULL. */
const ws_lex_entry *ws_lexicon_find(const ws_lexicon *lex, const char *key, size_t len);

/* True when @key is an entry (not only a prefix). */
bool ws_lexicon_contains(const ws_lexicon *lex, const char *key, size_t len);

/* Entry @key's value into *value; false when it is not an entry. */
bool ws_lexicon_get(const ws_lexicon *lex, const char *key, size_t len, uint32_t *value);

#endif
