/*
 * source_index.c - reading sources with the article readers, cutting them
 * into words, and the word n-gram index over all of them (see
 * source_index.h).
 */
#include "verify/source_index.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/diag.h"
#include "input/reader.h"
#include "text/utf8.h"
#include "verify/speakers.h"
#include "verify/words.h"

enum {
    DEFAULT_GRAM_N = 3,
    MAX_DIR_DEPTH = 32,
};

int ws_source_index_new(const ws_allocator *mem, unsigned gram_n, ws_source_index **out)
{
    *out = NULL;
    if (gram_n == 0)
        gram_n = DEFAULT_GRAM_N;
    if (gram_n < 2 || gram_n > 4)
        return WS_EINVAL;
    ws_source_index *ix = ws_calloc(mem, 1, sizeof *ix);
    if (!ix)
        return WS_ENOMEM;
    ix->mem = mem;
    ix->gram_n = gram_n;
    ws_arena_init(&ix->arena, mem);
    *out = ix;
    return WS_OK;
}

static void free_source(const ws_allocator *mem, ws_source *s)
{
    if (!s)
        return;
    ws_doc_release(&s->doc);
    ws_free(mem, s);
}

void ws_source_index_free(ws_source_index *ix)
{
    if (!ix)
        return;
    const ws_allocator *mem = ix->mem;
    for (size_t i = 0; i < ix->sources.n; i++)
        free_source(mem, ix->sources.v[i]);
    ws_free(mem, ix->sources.v);
    ws_free(mem, ix->voices.v);
    ws_free(mem, ix->turns.v);
    ws_free(mem, ix->slots);
    ws_free(mem, ix->word_chars.v);
    ws_free(mem, ix->word_off.v);
    ws_free(mem, ix->tok_word.v);
    ws_free(mem, ix->tok_off.v);
    ws_free(mem, ix->bucket_start);
    ws_free(mem, ix->postings);
    ws_arena_release(&ix->arena);
    ws_free(mem, ix);
}

/* ------------------------------------------------------------------------ */
/* Vocabulary                                                               */
/* ------------------------------------------------------------------------ */

/* A hash of a short key, eight bytes at a time (words are short). */
static uint32_t key_hash(const char *s, size_t n)
{
    uint64_t h = UINT64_C(0x9E3779B97F4A7C15) ^ n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * UINT64_C(0xBF58476D1CE4E5B9);
        h ^= h >> 31;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * UINT64_C(0x94D049BB133111EB);
    h ^= h >> 29;
    return (uint32_t)(h ^ (h >> 32));
}

static bool key_is(const ws_source_index *ix, uint32_t id, const char *s, size_t n)
{
    uint32_t off = ix->word_off.v[id];
    return ix->word_off.v[id + 1] - off == n && !memcmp(ix->word_chars.v + off, s, n);
}

/* The slot of key @s: its word's slot, or the empty slot where it would go. */
static uint32_t find_slot(const ws_source_index *ix, const char *s, size_t n, uint32_t h)
{
    uint32_t i = h & ix->slot_mask;
    for (;;) {
        const ws_vocab_slot *slot = &ix->slots[i];
        if (slot->id_plus_1 == 0 || (slot->hash == h && key_is(ix, slot->id_plus_1 - 1, s, n)))
            return i;
        i = (i + 1) & ix->slot_mask;
    }
}

static int grow_slots(ws_source_index *ix)
{
    size_t cap = ix->slots ? ((size_t)ix->slot_mask + 1) * 2 : 4096;
    if (cap > UINT32_MAX)
        return WS_ELIMIT;
    ws_vocab_slot *slots = ws_calloc(ix->mem, cap, sizeof *slots);
    if (!slots)
        return WS_ENOMEM;
    uint32_t mask = (uint32_t)(cap - 1);
    for (size_t i = 0; ix->slots && i <= ix->slot_mask; i++) {
        ws_vocab_slot old = ix->slots[i];
        if (!old.id_plus_1)
            continue;
        uint32_t k = old.hash & mask;
        while (slots[k].id_plus_1)
            k = (k + 1) & mask;
        slots[k] = old;
    }
    ws_free(ix->mem, ix->slots);
    ix->slots = slots;
    ix->slot_mask = mask;
    return WS_OK;
}

/*
 * While sources are read, a small direct-mapped table in front of the
 * vocabulary answers for the frequent words without leaving the cache
 * (words are Zipf-distributed: a few thousand make most of any text).
 */
enum { WORD_CACHE = 8192 };

/* The id of key @s, added when new. */
static int intern_word(ws_source_index *ix, ws_vocab_slot *cache, const char *s, size_t n,
                       uint32_t *id)
{
    uint32_t h = key_hash(s, n);
    ws_vocab_slot *c = &cache[h & (WORD_CACHE - 1)];
    if (c->id_plus_1 && c->hash == h && key_is(ix, c->id_plus_1 - 1, s, n)) {
        *id = c->id_plus_1 - 1;
        return WS_OK;
    }
    int rc;
    /* Keep the table at most half full: probes stay short. */
    if (!ix->slots || (ix->n_words + 1) * 2 > (size_t)ix->slot_mask + 1)
        if ((rc = grow_slots(ix)) < 0)
            return rc;
    uint32_t i = find_slot(ix, s, n, h);
    if (ix->slots[i].id_plus_1) {
        *id = ix->slots[i].id_plus_1 - 1;
        *c = ix->slots[i];
        return WS_OK;
    }
    if (ix->n_words >= WS_NO_WORD - 1 || ix->word_chars.n + n >= UINT32_MAX)
        return WS_ELIMIT;
    if (!ix->word_off.n) {
        if ((rc = WS_ARRAY_GROW(ix->mem, ix->word_off)) < 0)
            return rc;
        ix->word_off.v[ix->word_off.n++] = 0;
    }
    if ((rc = ws_array_reserve(ix->mem, &ix->word_chars.v, &ix->word_chars.cap, ix->word_chars.n + n,
                               1)) < 0 ||
        (rc = WS_ARRAY_GROW(ix->mem, ix->word_off)) < 0)
        return rc;
    memcpy(ix->word_chars.v + ix->word_chars.n, s, n);
    ix->word_chars.n += n;
    ix->word_off.v[ix->word_off.n++] = (uint32_t)ix->word_chars.n;
    *id = ix->n_words++;
    ix->slots[i] = *c = (ws_vocab_slot){h, *id + 1};
    return WS_OK;
}

uint32_t ws_source_index_word(const ws_source_index *ix, const char *key, size_t len)
{
    if (!ix->slots)
        return WS_NO_WORD;
    uint32_t i = find_slot(ix, key, len, key_hash(key, len));
    return ix->slots[i].id_plus_1 ? ix->slots[i].id_plus_1 - 1 : WS_NO_WORD;
}

/* ------------------------------------------------------------------------ */
/* Reading one source                                                       */
/* ------------------------------------------------------------------------ */

static int add_voice(ws_source_index *ix, ws_voice_kind kind, const char *s, uint32_t start,
                     uint32_t end, int32_t *idx)
{
    const char *label = ws_arena_strndup(&ix->arena, s + start, end - start);
    int rc;
    if (!label || (rc = WS_ARRAY_GROW(ix->mem, ix->voices)) < 0)
        return WS_ENOMEM;
    *idx = (int32_t)ix->voices.n;
    ix->voices.v[ix->voices.n++] = (ws_voice){kind, label};
    return WS_OK;
}

/* Cut the source's text into words (speaker labels left out) and record its turns. */
static int tokenize_source(ws_source_index *ix, ws_source *src, ws_vocab_slot *cache)
{
    const ws_doc *doc = &src->doc;
    const char *t = doc->text;
    uint32_t n = doc->text_len;
    int rc = WS_OK;
    ws_buf key;
    ws_buf_init(&key, ix->mem);
    src->issuer = -1;
    uint32_t is, ie;
    if (doc->format == WS_INPUT_MARKDOWN && ws_front_matter_issuer(doc->src, doc->src_len, &is, &ie))
        WS_TRY(add_voice(ix, WS_VOICE_ISSUER, doc->src, is, ie, &src->issuer));
    src->tok_first = (uint32_t)ix->tok_word.n;
    src->turn_first = (uint32_t)ix->turns.n;
    for (uint32_t ls = 0; ls < n;) {
        const char *nl = memchr(t + ls, '\n', n - ls);
        uint32_t le = nl ? (uint32_t)(nl - t) : n;
        uint32_t pos = ls, lab_start, lab_end, after;
        ws_voice_kind kind;
        if (ws_voice_label_at(t, le, ls, &lab_start, &lab_end, &after, &kind)) {
            int32_t v;
            WS_TRY(add_voice(ix, kind, t, lab_start, lab_end, &v));
            WS_TRY(WS_ARRAY_GROW(ix->mem, ix->turns));
            ix->turns.v[ix->turns.n++] = (ws_turn){(uint32_t)ix->tok_word.n, v};
            pos = after;
        }
        uint32_t ws, we;
        while (ws_vword_next(t, le, &pos, &ws, &we)) {
            key.len = 0;
            uint32_t id;
            WS_TRY(ws_vword_key(t, ws, we, true, &key));
            WS_TRY(intern_word(ix, cache, key.data, key.len, &id));
            if (ix->tok_word.n >= UINT32_MAX - 1) {
                rc = WS_ELIMIT;
                goto out;
            }
            WS_TRY(WS_ARRAY_GROW(ix->mem, ix->tok_word));
            WS_TRY(WS_ARRAY_GROW(ix->mem, ix->tok_off));
            ix->tok_word.v[ix->tok_word.n++] = id;
            ix->tok_off.v[ix->tok_off.n++] = ws;
        }
        ls = nl ? le + 1 : n;
    }
    src->tok_end = (uint32_t)ix->tok_word.n;
    src->n_turns = (uint32_t)(ix->turns.n - src->turn_first);
out:
    ws_buf_release(&key);
    return rc;
}

static int read_source(ws_source_index *ix, ws_vocab_slot *cache, const char *name,
                       ws_input_format fmt, const char *data, size_t len, ws_diag *diag)
{
    if (len >= UINT32_MAX - 64)
        return ws_diag_set(diag, WS_ELIMIT, name, 0, 0, 0, "source too large (4 GiB or more)");
    if (ws_has_early_nul(data, len))
        return ws_diag_set(diag, WS_EBINARY, name, 0, 0, 0, "binary file, not a text source");
    size_t bad;
    if (ws_utf8_validate(data, len, &bad) < 0)
        return ws_diag_set(diag, WS_EUTF8, name, bad, 0, 0, "invalid UTF-8 (byte 0x%02x at offset %zu)",
                           (unsigned char)data[bad], bad);
    if (fmt == WS_INPUT_AUTO)
        fmt = ws_input_format_from_path(name);
    if (fmt == WS_INPUT_AUTO)
        fmt = WS_INPUT_TEXT;
    int rc;
    ws_source *src = ws_calloc(ix->mem, 1, sizeof *src);
    if (!src)
        return ws_diag_set(diag, WS_ENOMEM, name, 0, 0, 0, "out of memory");
    ws_doc_init(&src->doc, ix->mem);
    ws_doc *doc = &src->doc;
    doc->format = fmt;
    WS_TRY((src->path = doc->path = ws_arena_strdup(&ix->arena, name)) ? WS_OK : WS_ENOMEM);
    WS_TRY(ws_read_input(doc, data, (uint32_t)len));
    /* What the passes need beyond the text and the map is not kept. */
    ws_free(ix->mem, doc->blocks.v);
    memset(&doc->blocks, 0, sizeof doc->blocks);
    WS_TRY(WS_ARRAY_GROW(ix->mem, ix->sources));
    ix->sources.v[ix->sources.n++] = src;
    if ((rc = tokenize_source(ix, src, cache)) < 0) {
        ix->sources.n--;
        goto out;
    }
    return WS_OK;
out:
    free_source(ix->mem, src);
    return ws_diag_set(diag, rc, name, 0, 0, 0, "%s", ws_strerror(rc));
}

static int read_file(const char *path, ws_buf *out, ws_diag *diag)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ws_diag_set(diag, WS_EIO, path, 0, 0, 0, "cannot read the source: %s", strerror(errno));
    int rc = WS_OK;
    for (;;) {
        if ((rc = ws_buf_reserve(out, 1 << 16)) < 0)
            break;
        size_t n = fread(out->data + out->len, 1, out->cap - out->len - 1, fp);
        out->len += n;
        out->data[out->len] = '\0';
        if (out->len >= UINT32_MAX - 64) {
            rc = WS_ELIMIT;
            break;
        }
        if (n == 0)
            break;
    }
    bool failed = ferror(fp) != 0;
    fclose(fp);
    if (rc < 0)
        return ws_diag_set(diag, rc, path, 0, 0, 0, "%s", rc == WS_ELIMIT ? "source too large (4 GiB or more)"
                                                                           : ws_strerror(rc));
    if (failed)
        return ws_diag_set(diag, WS_EIO, path, 0, 0, 0, "cannot read the source");
    return WS_OK;
}

static int add_file(ws_source_index *ix, ws_vocab_slot *cache, const char *path, ws_diag *diag)
{
    ws_buf data;
    ws_buf_init(&data, ix->mem);
    int rc = read_file(path, &data, diag);
    if (rc >= 0)
        rc = read_source(ix, cache, path, WS_INPUT_AUTO, data.data ? data.data : "", data.len, diag);
    ws_buf_release(&data);
    return rc;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Every source file under @dir, in name order. */
static int add_dir(ws_source_index *ix, ws_vocab_slot *cache, const char *dir, int depth,
                   ws_diag *diag)
{
    if (depth > MAX_DIR_DEPTH)
        return ws_diag_set(diag, WS_ELIMIT, dir, 0, 0, 0, "folders nested too deep");
    DIR *d = opendir(dir);
    if (!d)
        return ws_diag_set(diag, WS_EIO, dir, 0, 0, 0, "cannot read the folder: %s", strerror(errno));
    WS_ARRAY(char *) names;
    memset(&names, 0, sizeof names);
    int rc = WS_OK;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        char *copy = ws_strdup(ix->mem, ent->d_name);
        if (!copy || WS_ARRAY_GROW(ix->mem, names) < 0) {
            ws_free(ix->mem, copy);
            rc = ws_diag_set(diag, WS_ENOMEM, dir, 0, 0, 0, "out of memory");
            break;
        }
        names.v[names.n++] = copy;
    }
    closedir(d);
    if (rc >= 0 && names.n)
        qsort(names.v, names.n, sizeof *names.v, cmp_name);
    ws_buf path;
    ws_buf_init(&path, ix->mem);
    size_t dir_len = strlen(dir);
    while (dir_len > 1 && dir[dir_len - 1] == '/')
        dir_len--;
    for (size_t i = 0; i < names.n && rc >= 0; i++) {
        path.len = 0;
        if ((rc = ws_buf_put(&path, dir, dir_len)) < 0 || (rc = ws_buf_putc(&path, '/')) < 0 ||
            (rc = ws_buf_puts(&path, names.v[i])) < 0) {
            rc = ws_diag_set(diag, rc, dir, 0, 0, 0, "out of memory");
            break;
        }
        if (is_dir(path.data))
            rc = add_dir(ix, cache, path.data, depth + 1, diag);
        else if (ws_input_format_from_path(path.data) != WS_INPUT_AUTO)
            rc = add_file(ix, cache, path.data, diag);
    }
    ws_buf_release(&path);
    for (size_t i = 0; i < names.n; i++)
        ws_free(ix->mem, names.v[i]);
    ws_free(ix->mem, names.v);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The n-gram index                                                         */
/* ------------------------------------------------------------------------ */

uint64_t ws_gram_hash(const uint32_t *ids, unsigned n)
{
    uint64_t h = UINT64_C(0x243F6A8885A308D3);
    for (unsigned i = 0; i < n; i++) {
        h ^= ids[i];
        h *= UINT64_C(0x9E3779B97F4A7C15);
        h ^= h >> 29;
    }
    h *= UINT64_C(0xBF58476D1CE4E5B9);
    return h ^ (h >> 32);
}

/* The fingerprint of hash @h: its top bits (the bucket takes the low ones). */
static inline uint32_t fingerprint(uint64_t h, unsigned fp_bits)
{
    return fp_bits ? (uint32_t)(h >> (64 - fp_bits)) : 0;
}

/*
 * Counting sort of every n-gram start by bucket, rebuilt from scratch when
 * sources are added (rare). A plain counting sort writes each posting to a
 * random place of a 100 MB array: a cache and TLB miss per word. Instead:
 * count per bucket (the bucket table is small: GRAMS_PER_BUCKET n-grams to
 * a bucket), deal the positions out to partitions of consecutive buckets
 * (a few hundred sequential streams), then sort each partition, which fits
 * in cache, into its final place. Postings of a bucket end up in token
 * order. Temporary memory: one partition.
 */
enum { GRAMS_PER_BUCKET = 16, PARTITION_GRAMS = 1 << 16 };

static int build_grams(ws_source_index *ix)
{
    const unsigned g = ix->gram_n;
    const uint32_t *ids = ix->tok_word.v;
    size_t n_grams = 0;
    for (size_t s = 0; s < ix->sources.n; s++) {
        const ws_source *src = ix->sources.v[s];
        n_grams += src->tok_end - src->tok_first >= g ? src->tok_end - src->tok_first - g + 1 : 0;
    }
    if (n_grams >= UINT32_MAX)
        return WS_ELIMIT;
    unsigned bucket_bits = 10;
    while (((size_t)1 << bucket_bits) < n_grams / GRAMS_PER_BUCKET && bucket_bits < 31)
        bucket_bits++;
    unsigned part_bits = 0;
    while (((n_grams >> part_bits) > PARTITION_GRAMS || bucket_bits - part_bits > 16) &&
           part_bits < bucket_bits)
        part_bits++;
    const size_t n_buckets = (size_t)1 << bucket_bits, n_parts = (size_t)1 << part_bits;
    const unsigned shift = bucket_bits - part_bits;
    const uint32_t mask = (uint32_t)(n_buckets - 1);
    uint32_t *start = ws_calloc(ix->mem, n_buckets + 1, sizeof *start);
    uint32_t *postings = ws_alloc(ix->mem, (n_grams ? n_grams : 1) * sizeof *postings);
    uint32_t *cursor = ws_alloc(ix->mem, n_parts * sizeof *cursor);
    uint32_t *part = NULL, *fill = NULL;
    /* Each position's bucket within its partition, dealt out beside it: no second hashing. */
    uint16_t *local = ws_alloc(ix->mem, (n_grams ? n_grams : 1) * sizeof *local);
    uint16_t *part_local = NULL;
    int rc = WS_OK;
    if (!start || !postings || !cursor || !local) {
        rc = WS_ENOMEM;
        goto out;
    }
    unsigned tok_bits = 1;
    while (tok_bits < 32 && ((uint64_t)1 << tok_bits) < ix->tok_word.n)
        tok_bits++;
    const unsigned fp_bits = 32 - tok_bits > 8 ? 8 : 32 - tok_bits;
    for (size_t s = 0; s < ix->sources.n; s++) {
        const ws_source *src = ix->sources.v[s];
        for (uint32_t i = src->tok_first; i + g <= src->tok_end; i++)
            start[ws_gram_hash(ids + i, g) & mask]++;
    }
    /* Exclusive prefix sums: start[b] is where bucket b begins. */
    uint32_t sum = 0, max_part = 0;
    for (size_t b = 0; b < n_buckets; b++) {
        uint32_t c = start[b];
        start[b] = sum;
        sum += c;
    }
    start[n_buckets] = sum;
    for (size_t p = 0; p < n_parts; p++) {
        cursor[p] = start[p << shift];
        uint32_t size = start[(p + 1) << shift] - start[p << shift];
        max_part = size > max_part ? size : max_part;
    }
    part = ws_alloc(ix->mem, (max_part ? max_part : 1) * sizeof *part);
    fill = ws_alloc(ix->mem, ((size_t)1 << shift) * sizeof *fill);
    part_local = ws_alloc(ix->mem, (max_part ? max_part : 1) * sizeof *part_local);
    if (!part || !fill || !part_local) {
        rc = WS_ENOMEM;
        goto out;
    }
    for (size_t s = 0; s < ix->sources.n; s++) {
        const ws_source *src = ix->sources.v[s];
        for (uint32_t i = src->tok_first; i + g <= src->tok_end; i++) {
            uint64_t h = ws_gram_hash(ids + i, g);
            uint32_t b = (uint32_t)(h & mask);
            uint32_t at = cursor[b >> shift]++;
            postings[at] = (uint32_t)((uint64_t)fingerprint(h, fp_bits) << tok_bits) | i;
            local[at] = (uint16_t)(b & (((uint32_t)1 << shift) - 1));
        }
    }
    for (size_t p = 0; p < n_parts; p++) {
        size_t b0 = p << shift;
        uint32_t ps = start[b0], pe = start[(p + 1) << shift];
        memcpy(part, postings + ps, (size_t)(pe - ps) * sizeof *part);
        memcpy(part_local, local + ps, (size_t)(pe - ps) * sizeof *part_local);
        memcpy(fill, start + b0, ((size_t)1 << shift) * sizeof *fill);
        for (uint32_t k = 0; k < pe - ps; k++)
            postings[fill[part_local[k]]++] = part[k];
    }
    ws_free(ix->mem, ix->bucket_start);
    ws_free(ix->mem, ix->postings);
    ix->bucket_start = start;
    ix->bucket_mask = mask;
    ix->postings = postings;
    ix->n_postings = n_grams;
    ix->tok_bits = tok_bits;
    ix->fp_bits = fp_bits;
    start = postings = NULL;
out:
    ws_free(ix->mem, start);
    ws_free(ix->mem, postings);
    ws_free(ix->mem, cursor);
    ws_free(ix->mem, part);
    ws_free(ix->mem, fill);
    ws_free(ix->mem, local);
    ws_free(ix->mem, part_local);
    return rc;
}

const uint32_t *ws_source_index_bucket(const ws_source_index *ix, const uint32_t *ids, size_t *n,
                                       uint32_t *fp)
{
    *fp = 0;
    if (!ix->bucket_start) {
        *n = 0;
        return NULL;
    }
    uint64_t h = ws_gram_hash(ids, ix->gram_n);
    uint32_t b = (uint32_t)(h & ix->bucket_mask);
    *n = ix->bucket_start[b + 1] - ix->bucket_start[b];
    *fp = fingerprint(h, ix->fp_bits);
    return ix->postings + ix->bucket_start[b];
}

/* ------------------------------------------------------------------------ */
/* Adding sources                                                           */
/* ------------------------------------------------------------------------ */

typedef struct mark {
    size_t n_sources, n_voices, n_turns, n_tokens;
} mark;

static mark mark_of(const ws_source_index *ix)
{
    return (mark){ix->sources.n, ix->voices.n, ix->turns.n, ix->tok_word.n};
}

/* Drop what was added since @m (words stay in the vocabulary: harmless). */
static void roll_back(ws_source_index *ix, mark m)
{
    for (size_t i = m.n_sources; i < ix->sources.n; i++)
        free_source(ix->mem, ix->sources.v[i]);
    ix->sources.n = m.n_sources;
    ix->voices.n = m.n_voices;
    ix->turns.n = m.n_turns;
    ix->tok_word.n = ix->tok_off.n = m.n_tokens;
}

/* The front cache of the vocabulary, for one call that adds sources: no use once they are in. */
static int start_add(ws_source_index *ix, ws_vocab_slot **cache, ws_diag *diag)
{
    *cache = ws_calloc(ix->mem, WORD_CACHE, sizeof **cache);
    return *cache ? WS_OK : ws_diag_set(diag, WS_ENOMEM, "", 0, 0, 0, "out of memory");
}

static int finish_add(ws_source_index *ix, ws_vocab_slot *cache, mark m, int rc, const char *name,
                      ws_diag *diag)
{
    ws_free(ix->mem, cache);
    if (rc >= 0 && (rc = build_grams(ix)) < 0)
        ws_diag_set(diag, rc, name, 0, 0, 0, "%s", rc == WS_ELIMIT ? "sources too large to index"
                                                                   : ws_strerror(rc));
    if (rc < 0)
        roll_back(ix, m);
    return rc;
}

int ws_source_index_add_path(ws_source_index *ix, const char *path, ws_diag *diag)
{
    mark m = mark_of(ix);
    ws_vocab_slot *cache;
    int rc = start_add(ix, &cache, diag);
    if (rc >= 0)
        rc = is_dir(path) ? add_dir(ix, cache, path, 0, diag) : add_file(ix, cache, path, diag);
    return finish_add(ix, cache, m, rc, path, diag);
}

int ws_source_index_add_text(ws_source_index *ix, const char *name, ws_input_format fmt,
                             const char *data, size_t len, ws_diag *diag)
{
    mark m = mark_of(ix);
    ws_vocab_slot *cache;
    int rc = start_add(ix, &cache, diag);
    if (rc >= 0)
        rc = read_source(ix, cache, name, fmt, data ? data : "", data ? len : 0, diag);
    return finish_add(ix, cache, m, rc, name, diag);
}

/* ------------------------------------------------------------------------ */
/* Lookups                                                                  */
/* ------------------------------------------------------------------------ */

uint32_t ws_source_index_source_of(const ws_source_index *ix, uint32_t tok)
{
    size_t lo = 0, hi = ix->sources.n;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (ix->sources.v[mid]->tok_first <= tok)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t)lo;
}

uint32_t ws_source_index_tok_end(const ws_source_index *ix, const ws_source *src, uint32_t tok)
{
    uint32_t pos = ix->tok_off.v[tok], start, end;
    if (!ws_vword_next(src->doc.text, src->doc.text_len, &pos, &start, &end))
        return ix->tok_off.v[tok];
    return end;
}

/* How many of @src's turns start at or before @tok. */
static size_t turns_before(const ws_source_index *ix, const ws_source *src, uint32_t tok)
{
    if (src->n_turns == 0)
        return 0; /* and ix->turns.v may be NULL: no pointer arithmetic on it */
    const ws_turn *t = ix->turns.v + src->turn_first;
    size_t lo = 0, hi = src->n_turns;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t[mid].tok <= tok)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int32_t ws_source_index_voice_at(const ws_source_index *ix, const ws_source *src, uint32_t tok)
{
    size_t k = turns_before(ix, src, tok);
    return k ? ix->turns.v[src->turn_first + k - 1].voice : src->issuer;
}

uint32_t ws_source_index_turn_at(const ws_source_index *ix, const ws_source *src, uint32_t tok,
                                 uint32_t *lo, uint32_t *hi)
{
    size_t k = turns_before(ix, src, tok);
    *lo = k ? ix->turns.v[src->turn_first + k - 1].tok : src->tok_first;
    *hi = k < src->n_turns ? ix->turns.v[src->turn_first + k].tok : src->tok_end;
    return (uint32_t)k;
}
