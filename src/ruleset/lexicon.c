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
    lex->cap = lex->n_used = lex->n_entries = lex->n_one_word = 0;
    lex->max_words = 0;
    memset(lex->key_filter, 0, sizeof lex->key_filter);
    memset(lex->next_word_filter, 0, sizeof lex->next_word_filter);
}

const unsigned char ws_lexicon_lane_masks_[32] = {
    0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
};

uint32_t ws_lexicon_hash_long_(const char *s, size_t len)
{
    uint64_t acc = 0;
    for (size_t i = 0; i + 16 < len; i += 8) {
        acc = (acc ^ ws_load64_le(s + i)) * UINT64_C(0x9E3779B97F4A7C15);
        acc ^= acc >> 32;
    }
    return ws_lexicon_mix_(ws_load64_le(s + len - 16) ^ acc, ws_load64_le(s + len - 8), len);
}

uint32_t ws_lexicon_hash_phrase_(const char *s, size_t len)
{
    const char *space = memchr(s, ' ', len);
    size_t n = space ? (size_t)(space - s) : len;
    uint32_t h = ws_lexicon_hash_word(s, n);
    while (space) {
        s = space + 1;
        len -= n + 1;
        space = memchr(s, ' ', len);
        n = space ? (size_t)(space - s) : len;
        h = ws_lexicon_hash_next_word(h, s, n);
    }
    return h;
}

/* Move the keys to a table of @cap slots, a power of two with room for them. */
static int resize(ws_lexicon *lex, size_t cap)
{
    ws_lex_entry *slots = ws_calloc(lex->mem, cap, sizeof *slots);
    if (!slots)
        return WS_ENOMEM;
    ws_lex_entry *old = lex->slots;
    size_t old_cap = lex->cap;
    lex->slots = slots;
    lex->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].key)
            *ws_lexicon_slot(lex, old[i].key, old[i].len, old[i].hash) = old[i];
    ws_free(lex->mem, old);
    return WS_OK;
}

static int grow(ws_lexicon *lex)
{
    return resize(lex, lex->cap ? lex->cap * 2 : 64);
}

int ws_lexicon_reserve(ws_lexicon *lex, size_t n_keys)
{
    /* The table put() would have grown to for that many keys: it grows
     * before a key would fill more than half of it, so @n_keys keys fit in
     * 2 * @n_keys slots. */
    if (n_keys > SIZE_MAX / 4)
        return WS_ELIMIT;
    size_t cap = lex->cap ? lex->cap : 64;
    while (n_keys * 2 > cap) {
        if (cap > SIZE_MAX / 2 / sizeof(ws_lex_entry))
            return WS_ELIMIT;
        cap *= 2;
    }
    return cap == lex->cap ? WS_OK : resize(lex, cap);
}

/* Add @key with @flag (and @value for an entry); 1 when the key is new. */
static int put(ws_lexicon *lex, const char *key, size_t len, uint8_t flag, uint32_t value)
{
    int rc, is_new = 0;
    if (len > UINT32_MAX)
        return WS_ELIMIT;
    /* Keep the load factor under 1/2: probes stay short. */
    if ((lex->n_used + 1) * 2 > lex->cap && (rc = grow(lex)) < 0)
        return rc;
    uint32_t h = ws_lexicon_hash(key, len);
    ws_lex_entry *e = ws_lexicon_slot(lex, key, len, h);
    if (!e->key) {
        char *copy = ws_arena_strndup(&lex->keys, key, len);
        if (!copy)
            return WS_ENOMEM;
        *e = (ws_lex_entry){copy, (uint32_t)len, h, 0, 0};
        lex->n_used++;
        uint32_t bit = ws_lexicon_key_bit(h);
        lex->key_filter[bit / 64] |= UINT64_C(1) << (bit % 64);
        is_new = 1;
    }
    if (flag == WS_LEX_ENTRY) {
        if (!(e->flags & WS_LEX_ENTRY))
            lex->n_entries++;
        e->value = value;
    }
    e->flags |= flag;
    return is_new;
}

int ws_lexicon_add(ws_lexicon *lex, const char *key, size_t len, uint32_t value)
{
    int rc;
    uint32_t n_words = 1;
    /* The spaces found with memchr(): most keys are one word. */
    for (const char *space = memchr(key, ' ', len), *after; space; space = after) {
        size_t i = (size_t)(space - key), next = i + 1;
        n_words++;
        if ((rc = put(lex, key, i, WS_LEX_PREFIX, 0)) < 0)
            return rc;
        if (rc && n_words == 2)
            lex->n_one_word++;
        after = memchr(key + next, ' ', len - next);
        size_t end = after ? (size_t)(after - key) : len;
        uint32_t bit = ws_lexicon_key_bit(ws_lexicon_hash_word(key + next, end - next));
        lex->next_word_filter[bit / 64] |= UINT64_C(1) << (bit % 64);
    }
    if (n_words > lex->max_words)
        lex->max_words = n_words;
    if ((rc = put(lex, key, len, WS_LEX_ENTRY, value)) < 0)
        return rc;
    if (rc && n_words == 1)
        lex->n_one_word++;
    return WS_OK;
}
