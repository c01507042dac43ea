/* lexicon.c - open-addressing hash set of words and phrases. */
#include "lexicon.h"

#include <string.h>

#include "core/alloc.h"

void ws_lexicon_init(ws_lexicon *lex, const ws_allocator *mem)
{
    memset(lex, 0, sizeof *lex);
    lex->mem = mem;
    ws_arena_init(&lex->keys, mem);
}

void ws_lexicon_release(ws_lexicon *lex)
{
    ws_free(lex->mem, lex->slots);
    ws_arena_release(&lex->keys);
    lex->slots = NULL;
    lex->cap = lex->n_used = lex->n_entries = 0;
    lex->max_words = 0;
}

static uint32_t hash_key(const char *s, size_t len)
{
    /* FNV-1a: keys are short words, where it is fast and spreads well. The
     * order of the slots follows from it (checks.c walks them), so it must
     * stay FNV-1a; four bytes a turn spare three loop tests of four. */
    const unsigned char *u = (const unsigned char *)s;
    uint32_t h = 2166136261u;
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

static ws_lex_entry *slot_for(const ws_lexicon *lex, const char *key, size_t len, uint32_t h)
{
    size_t mask = lex->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        ws_lex_entry *e = &lex->slots[i];
        if (!e->key)
            return e;
        if (e->hash == h && e->len == len && memcmp(e->key, key, len) == 0)
            return e;
    }
}

static int grow(ws_lexicon *lex)
{
    size_t cap = lex->cap ? lex->cap * 2 : 64;
    ws_lex_entry *slots = ws_calloc(lex->mem, cap, sizeof *slots);
    if (!slots)
        return WS_ENOMEM;
    ws_lex_entry *old = lex->slots;
    size_t old_cap = lex->cap;
    lex->slots = slots;
    lex->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *slot_for(lex, old[i].key, old[i].len, old[i].hash) = old[i];
    ws_free(lex->mem, old);
    return WS_OK;
}

static int put(ws_lexicon *lex, const char *key, size_t len, uint8_t flag, uint32_t value)
{
    int rc;
    if (len > UINT32_MAX)
        return WS_ELIMIT;
    /* Keep the load factor under 1/2: probes stay short. */
    if ((lex->n_used + 1) * 2 > lex->cap && (rc = grow(lex)) < 0)
        return rc;
    uint32_t h = hash_key(key, len);
    ws_lex_entry *e = slot_for(lex, key, len, h);
    if (!e->key) {
        char *copy = ws_arena_strndup(&lex->keys, key, len);
        if (!copy)
            return WS_ENOMEM;
        *e = (ws_lex_entry){copy, (uint32_t)len, h, 0, 0};
        lex->n_used++;
    }
    if (flag == WS_LEX_ENTRY) {
        if (!(e->flags & WS_LEX_ENTRY))
            lex->n_entries++;
        e->value = value;
    }
    e->flags |= flag;
    return WS_OK;
}

int ws_lexicon_add(ws_lexicon *lex, const char *key, size_t len, uint32_t value)
{
    int rc;
    uint32_t n_words = 1;
    for (size_t i = 0; i < len; i++) {
        if (key[i] == ' ') {
            n_words++;
            if ((rc = put(lex, key, i, WS_LEX_PREFIX, 0)) < 0)
                return rc;
        }
    }
    if (n_words > lex->max_words)
        lex->max_words = n_words;
    return put(lex, key, len, WS_LEX_ENTRY, value);
}

const ws_lex_entry *ws_lexicon_find(const ws_lexicon *lex, const char *key, size_t len)
{
    if (!lex || lex->cap == 0)
        return NULL;
    const ws_lex_entry *e = slot_for(lex, key, len, hash_key(key, len));
    return e->key ? e : NULL;
}

bool ws_lexicon_contains(const ws_lexicon *lex, const char *key, size_t len)
{
    const ws_lex_entry *e = ws_lexicon_find(lex, key, len);
    return e && (e->flags & WS_LEX_ENTRY);
}

bool ws_lexicon_get(const ws_lexicon *lex, const char *key, size_t len, uint32_t *value)
{
    const ws_lex_entry *e = ws_lexicon_find(lex, key, len);
    if (!e || !(e->flags & WS_LEX_ENTRY))
        return false;
    if (value)
        *value = e->value;
    return true;
}
