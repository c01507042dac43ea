/*
 * worddiff.h - the word-level alignment of a quotation with a stretch of a
 * source: which quoted words are found in order, which were added, which
 * source words were left out, and which differences the quotation itself
 * marks (an ellipsis for left-out words, square brackets for an insertion).
 */
#ifndef WS_VERIFY_WORDDIFF_H
#define WS_VERIFY_WORDDIFF_H

#include <stdint.h>

#include "core/alloc.h"

/* What a quotation is made of, for the comparison. */
typedef enum ws_qitem_kind {
    WS_QI_WORD = 0,     /* a word of the speaker's */
    WS_QI_ELIDE,        /* "...", "…", "[...]": words left out here, marked */
    WS_QI_BRACKET,      /* "[the president]": the writer's words, standing for 0 to 4 source words */
} ws_qitem_kind;

enum ws_qitem_flag {
    WS_QIF_CASE_FREE = 1 << 0,  /* the case of its first letter may differ (quotation start) */
    WS_QIF_BRACKETED = 1 << 1,  /* a word with a bracketed part: "[W]e" */
};

typedef struct ws_qitem {
    uint8_t kind;
    uint8_t flags;
    uint32_t word;      /* WS_QI_WORD: the index's word id, or WS_NO_WORD */
    uint32_t start;     /* the item's bytes in the article's text */
    uint32_t end;
} ws_qitem;

/* A step of the alignment. Source positions are relative to the window. */
typedef enum ws_move_kind {
    WS_MOVE_MATCH = 0,  /* quote item @q is source word @s0 */
    WS_MOVE_ADD,        /* quote item @q is not in the source */
    WS_MOVE_DROP,       /* source word @s0 is not in the quote */
    WS_MOVE_ELIDED,     /* source words [s0, s1) are left out at ellipsis @q */
    WS_MOVE_BRACKET,    /* bracket item @q stands for source words [s0, s1) (maybe none) */
} ws_move_kind;

typedef struct ws_move {
    uint8_t kind;
    uint32_t q;
    uint32_t s0;
    uint32_t s1;
} ws_move;

typedef struct ws_alignment {
    WS_ARRAY(ws_move) moves;    /* in quote and source order */
    uint32_t n_matched;         /* WS_MOVE_MATCH steps */
    uint32_t n_dropped;         /* source words in WS_MOVE_DROP steps */
} ws_alignment;

/* Scratch space reused by successive alignments (one per analysis). */
typedef struct ws_align_scratch {
    int32_t *rows;              /* two rows of scores */
    size_t rows_cap;
    uint8_t *moves;             /* one byte per cell, for the way back */
    size_t moves_cap;
} ws_align_scratch;

/* Words a bracketed insertion may stand for ("[Assad]" for "the Syrian president"). */
enum { WS_BRACKET_MAX_WORDS = 4 };

/*
 * Align quote items @q (@nq) with source word ids @s (@ns): every quote item
 * is placed, the source stretch is free to start and end anywhere. Most
 * words found in order first, then the fewest source words left out inside
 * the stretch. The result replaces @out's moves.
 */
int ws_align(const ws_allocator *mem, ws_align_scratch *scratch, const ws_qitem *q, uint32_t nq,
             const uint32_t *s, uint32_t ns, ws_alignment *out);

void ws_alignment_release(const ws_allocator *mem, ws_alignment *a);
void ws_align_scratch_release(const ws_allocator *mem, ws_align_scratch *scratch);

#endif
