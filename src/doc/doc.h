/*
 * doc.h - the document model: the reader's plain text with its offset map,
 * then blocks, quotations, tokens and sentences, all as byte ranges into the
 * text and all allocated for the life of one report.
 *
 * Invariants (checked by ws_doc_check in debug builds): ranges lie inside the
 * text and are ordered; blocks do not overlap; every token lies in a block;
 * sentences cover their block's tokens in order; a quotation's fragments lie
 * inside its marks and its children inside its fragments.
 */
#ifndef WS_DOC_H
#define WS_DOC_H

#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "text/offmap.h"
#include "whosaid.h"

/* A half-open byte range of the text. */
typedef struct ws_range {
    uint32_t start;
    uint32_t end;
} ws_range;

typedef enum ws_block_kind {
    WS_BLOCK_PARAGRAPH = 0,
    WS_BLOCK_HEADING,
    WS_BLOCK_LIST_ITEM,
    WS_BLOCK_QUOTE,       /* a paragraph inside a block quotation */
} ws_block_kind;

/* A paragraph-level block: the unit inside which quotation marks pair. */
typedef struct ws_block {
    uint32_t start;
    uint32_t end;         /* trailing white space excluded */
    uint8_t kind;         /* ws_block_kind */
    uint8_t level;        /* heading level, block-quote depth, or list nesting depth */
    /* Blocks of one <blockquote> or one run of Markdown '>' lines share a group. */
    uint32_t quote_group;
} ws_block;

/* An HTML comment met by a reader (for suppression directives; plain text keeps
 * only lines holding a whosaid directive). */
typedef struct ws_comment {
    uint32_t text_off;    /* where in the text it stood */
    uint32_t src_start;
    uint32_t src_end;
    const char *body;     /* without <!-- -->, in the arena */
} ws_comment;

enum ws_token_kind {
    WS_TOK_WORD = 0,      /* letters, digits, inner apostrophes, hyphens, periods */
    WS_TOK_NUMBER,
    WS_TOK_PUNCT,
    WS_TOK_QUOTE,         /* a quotation mark that opens or closes a quotation */
};

enum ws_token_flag {
    WS_TOKF_CAP = 1 << 0,        /* starts with an upper-case letter */
    WS_TOKF_ALLCAPS = 1 << 1,    /* two or more letters, all upper case */
    WS_TOKF_SPACE_BEFORE = 1 << 2,
    WS_TOKF_NEWLINE_BEFORE = 1 << 3,
    WS_TOKF_BLOCK_START = 1 << 4,
    WS_TOKF_SENT_START = 1 << 5,
    WS_TOKF_OPEN = 1 << 6,       /* WS_TOK_QUOTE: an opening mark */
    WS_TOKF_CLOSE = 1 << 7,      /* WS_TOK_QUOTE: a closing mark */
    WS_TOKF_ABBREV = 1 << 8,     /* a word ending in '.' that is a known abbreviation */
};

typedef struct ws_token {
    uint32_t start;
    uint32_t end;
    uint16_t flags;
    uint8_t kind;
    uint8_t quote_depth;         /* quotations open around it (capped at 255) */
    int32_t quote;               /* innermost quotation around it, or -1 */
    uint32_t sentence;
} ws_token;

typedef struct ws_sentence {
    uint32_t start;
    uint32_t end;
    uint32_t tok_start;          /* token range [tok_start, tok_end) */
    uint32_t tok_end;
    uint32_t block;
} ws_sentence;

enum ws_doc_quote_flag {
    /* The public WS_QUOTE_* flags, plus: */
    WS_QUOTEF_UNCLOSED = 1 << 8,  /* internal while scanning */
};

typedef struct ws_quote {
    ws_range open;               /* the opening mark (empty for markup quotes) */
    ws_range close;              /* the closing mark */
    uint32_t frag_first;         /* fragments in doc->quote_frags */
    uint32_t n_frags;
    int32_t parent;
    uint16_t depth;
    uint16_t flags;              /* WS_QUOTE_* */
    uint32_t n_words;
    uint32_t block_first;
    uint32_t block_last;
    int32_t statement;
} ws_quote;

typedef struct ws_doc_problem {
    ws_problem_kind kind;
    ws_range range;
    const char *message;         /* in the arena */
} ws_doc_problem;

/* The largest article analyzed, less one byte: offsets into the text and
 * into the tokens' keys, which take up to twice the text, are 32-bit. */
#define WS_MAX_ARTICLE_BYTES ((size_t)1 << 31)

typedef struct ws_doc {
    const ws_allocator *mem;
    ws_arena arena;
    const char *path;
    const char *id;               /* the caller's JSON id, or NULL */
    ws_input_format format;
    char *src;                   /* a NUL-terminated copy of the input */
    uint32_t src_len;
    char *text;                  /* NUL-terminated, valid NFC UTF-8 */
    uint32_t text_len;
    ws_offmap map;
    WS_ARRAY(ws_block) blocks;
    WS_ARRAY(ws_comment) comments;
    /* Text offsets of the opening marks the HTML reader inserted for <q>. */
    WS_ARRAY(uint32_t) markup_quote_opens;
    WS_ARRAY(ws_quote) quotes;
    WS_ARRAY(ws_range) quote_frags;
    WS_ARRAY(ws_token) tokens;
    /* Each token's lexicon key (lower-case, ' for U+2019), NUL-terminated:
     * token i's key is keys + key_off[i]; built once, read by every lexicon.
     * keys is in the arena; key_off (one entry per token and one for the
     * end) is allocated with the tokens. */
    char *keys;
    uint32_t *key_off;
    /* The tokens that may end a sentence, in order: punctuation starting
     * with '.', '!' or '?', and dotted abbreviations. The tokenizer notes
     * them, so that the sentence splitter need not look at every token. */
    WS_ARRAY(uint32_t) stops;
    WS_ARRAY(ws_sentence) sentences;
    WS_ARRAY(ws_doc_problem) problems;
} ws_doc;

void ws_doc_init(ws_doc *doc, const ws_allocator *mem);
void ws_doc_release(ws_doc *doc);

/* Locate text range [start, end) in the input: offsets, lines, columns.
 * (The map's position cache is updated, hence the non-const document.) */
static inline ws_span ws_doc_span(ws_doc *doc, uint32_t start, uint32_t end)
{
    return ws_offmap_span(&doc->map, start, end);
}

/* Record a structural problem; @fmt is a printf format for its message. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
int ws_doc_add_problem(ws_doc *doc, ws_problem_kind kind, uint32_t start, uint32_t end,
                       const char *fmt, ...);

/* The code point at text offset @off, or -1 outside the text. */
static inline int32_t ws_doc_cp(const ws_doc *doc, uint32_t off);

/* Token @i's lower-case key and its length in *len (may be NULL). */
static inline const char *ws_doc_key(const ws_doc *doc, size_t i, size_t *len)
{
    if (len)
        *len = doc->key_off[i + 1] - doc->key_off[i] - 1;
    return doc->keys + doc->key_off[i];
}

/* The block containing text offset @off, or -1. */
int32_t ws_doc_block_at(const ws_doc *doc, uint32_t off);

/* The index of the first token starting at or after text offset @off. */
uint32_t ws_doc_token_at(const ws_doc *doc, uint32_t off);

/*
 * Check the invariants listed above; returns 0, or the number of violations
 * (each described on stderr when @verbose). For tests and debug builds.
 */
int ws_doc_check(const ws_doc *doc, bool verbose);

#include "text/utf8.h"

static inline int32_t ws_doc_cp(const ws_doc *doc, uint32_t off)
{
    return ws_utf8_at(doc->text, doc->text_len, off);
}

#endif
