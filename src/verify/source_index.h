/*
 * source_index.h - the sources quotations are checked against: each read
 * once with the article readers (so Markdown and HTML sources have the same
 * plain text and offset map as articles), cut into words, and indexed by
 * hashed word n-grams. Built when sources are added to a context, read-only
 * afterwards: every analysis (and thread) shares it.
 *
 * Layout, for 100 MB of sources in a few hundred MB:
 *  - a vocabulary: lower-case word key -> word id (open addressing, the
 *    keys side by side in one array);
 *  - per token (word) of all sources, in order: its word id and its byte
 *    offset in its source's text; a source owns a range of tokens;
 *  - an n-gram index in compressed-row form: the hash of n consecutive word
 *    ids picks a bucket, the bucket lists the token positions where such an
 *    n-gram starts (several n-grams share a bucket). Token positions need
 *    fewer than 32 bits; the spare high bits of each posting hold more bits
 *    of the n-gram's hash, so that most postings of other n-grams are told
 *    apart without reading their words.
 *  - per source, the speaker turns its transcript labels or its issuer give.
 */
#ifndef WS_VERIFY_SOURCE_INDEX_H
#define WS_VERIFY_SOURCE_INDEX_H

#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "doc/doc.h"
#include "whosaid.h"

/* A word id that no source has: a quotation's word absent from every source. */
#define WS_NO_WORD UINT32_MAX

/* Who speaks a passage. */
typedef enum ws_voice_kind {
    WS_VOICE_NAMED = 0,    /* a transcript label naming someone: "POMPEO:", "Sergey Lavrov:" */
    WS_VOICE_QUESTION,     /* "Q:" or "QUESTION:": a reporter's question */
    WS_VOICE_ANSWER,       /* "A:" or "ANSWER:": the interviewee, unnamed */
    WS_VOICE_ISSUER,       /* a press release's issuer (front matter "issuer:" or "from:") */
} ws_voice_kind;

typedef struct ws_voice {
    ws_voice_kind kind;
    const char *label;     /* as written, without the colon ("SECRETARY POMPEO") */
} ws_voice;

/* From token @tok on (to the next turn), voice @voice speaks (-1: nobody known). */
typedef struct ws_turn {
    uint32_t tok;
    int32_t voice;
} ws_turn;

typedef struct ws_source {
    const char *path;      /* as given, or folder + "/" + name */
    ws_doc doc;            /* src, text, offset map (the reader's output) */
    uint32_t tok_first;    /* its tokens [tok_first, tok_end) */
    uint32_t tok_end;
    uint32_t turn_first;   /* its turns in the index, in token order */
    uint32_t n_turns;
    int32_t issuer;        /* voice of the whole source, or -1 */
} ws_source;

/* A vocabulary slot: the key's hash beside its word id + 1 (0: empty). */
typedef struct ws_vocab_slot {
    uint32_t hash;
    uint32_t id_plus_1;
} ws_vocab_slot;

typedef struct ws_source_index {
    const ws_allocator *mem;
    ws_arena arena;                  /* paths, labels, vocabulary keys */
    unsigned gram_n;                 /* words per n-gram (2 to 4) */
    WS_ARRAY(ws_source *) sources;
    WS_ARRAY(ws_voice) voices;
    WS_ARRAY(ws_turn) turns;
    /* Vocabulary: open addressing; word i's key is word_chars[word_off[i] .. word_off[i + 1]). */
    ws_vocab_slot *slots;
    uint32_t slot_mask;
    uint32_t n_words;
    WS_ARRAY(char) word_chars;
    WS_ARRAY(uint32_t) word_off;
    /* Tokens of all sources. */
    WS_ARRAY(uint32_t) tok_word;
    WS_ARRAY(uint32_t) tok_off;
    /* The n-gram index: bucket b holds postings[bucket_start[b] .. bucket_start[b + 1]);
     * a posting is (fingerprint << tok_bits) | token. */
    uint32_t *bucket_start;
    uint32_t bucket_mask;
    uint32_t *postings;
    size_t n_postings;
    unsigned tok_bits;               /* bits of a token position */
    unsigned fp_bits;                /* bits of fingerprint above them (0 to 8) */
} ws_source_index;

/* An empty index of @gram_n-word n-grams (0: the default, 3). */
int ws_source_index_new(const ws_allocator *mem, unsigned gram_n, ws_source_index **out);
void ws_source_index_free(ws_source_index *ix);

/*
 * Add the source file @path, or every .txt, .md, .markdown, .html and .htm
 * file under the folder @path (recursively, in name order, hidden entries
 * skipped), then rebuild the n-gram index. All or nothing: on failure the
 * index is as before and @diag names the file.
 */
int ws_source_index_add_path(ws_source_index *ix, const char *path, ws_diag *diag);

/* Add one source from memory, named @name; @fmt WS_INPUT_AUTO: from @name. */
int ws_source_index_add_text(ws_source_index *ix, const char *name, ws_input_format fmt,
                             const char *data, size_t len, ws_diag *diag);

/* The id of lower-case word key @key, or WS_NO_WORD. */
uint32_t ws_source_index_word(const ws_source_index *ix, const char *key, size_t len);

/* The hash of @n word ids: the same function picks buckets. */
uint64_t ws_gram_hash(const uint32_t *ids, unsigned n);

/*
 * The postings of the bucket of n-gram @ids (gram_n ids), and in *fp the
 * fingerprint its own postings carry. A posting p with
 * ws_posting_fp(ix, p) == *fp may be the n-gram (callers compare the ids at
 * ws_posting_tok(ix, p)); any other is not.
 */
const uint32_t *ws_source_index_bucket(const ws_source_index *ix, const uint32_t *ids, size_t *n,
                                       uint32_t *fp);

static inline uint32_t ws_posting_tok(const ws_source_index *ix, uint32_t p)
{
    return ix->tok_bits >= 32 ? p : p & (((uint32_t)1 << ix->tok_bits) - 1);
}

static inline uint32_t ws_posting_fp(const ws_source_index *ix, uint32_t p)
{
    return (uint32_t)((uint64_t)p >> ix->tok_bits);
}

/* The source owning token @tok. */
uint32_t ws_source_index_source_of(const ws_source_index *ix, uint32_t tok);

/* The end (text offset) of token @tok of source @src. */
uint32_t ws_source_index_tok_end(const ws_source_index *ix, const ws_source *src, uint32_t tok);

/* The voice speaking token @tok of source @src, or -1. */
int32_t ws_source_index_voice_at(const ws_source_index *ix, const ws_source *src, uint32_t tok);

/*
 * The speaker turn holding token @tok of source @src: its tokens
 * [*lo, *hi) (the whole source when it has no turns). Returns a number for
 * the turn, unique within the source.
 */
uint32_t ws_source_index_turn_at(const ws_source_index *ix, const ws_source *src, uint32_t tok,
                                 uint32_t *lo, uint32_t *hi);

#endif
