/*
 * offmap.h - the map from the reader's plain text back to the original
 * input, and from input offsets to lines and columns. Every position whosaid
 * reports goes through it; nothing searches the input again.
 */
#ifndef WS_OFFMAP_H
#define WS_OFFMAP_H

#include <stdbool.h>
#include <stdint.h>

#include "core/alloc.h"

/*
 * A stretch of text that came from a stretch of the input. When text_len ==
 * src_len and is_copy is set, byte i of the text is byte i of the input;
 * otherwise the text replaces the input stretch as a whole (a decoded entity,
 * an inserted paragraph break, a normalized word).
 */
typedef struct ws_offmap_seg {
    uint32_t text_off;
    uint32_t src_off;
    uint32_t text_len;
    uint32_t src_len;
    bool is_copy;
} ws_offmap_seg;

typedef struct ws_offmap {
    const ws_allocator *mem;
    WS_ARRAY(ws_offmap_seg) segs;
    const char *src;
    uint32_t src_len;
    /* Byte offset of the start of each input line. */
    WS_ARRAY(uint32_t) line_starts;
    /* The line of the last position found: spans come mostly in text
     * order, and a span's end and the next start are mostly on it. */
    uint32_t cache_line;   /* 0: nothing cached */
    /* The cached line's input [start, end), its line break included (the
     * last line's end is one past the input's). */
    uint32_t cache_line_start;
    uint32_t cache_line_end;
    /* Whether the checkpoints around the cached line count one code point
     * a byte: then a column on it is its distance from the line start. */
    bool cache_line_is_ascii;
    /* Otherwise the code points before the cached line's start. */
    uint32_t cache_line_cps;
    /* Code points before each checkpoint of the input: a column costs at
     * most one partial stretch, however long the line. */
    WS_ARRAY(uint32_t) cp_checkpoints;
    /* Code points of the whole input: the count at its end, where the last
     * checkpoint's stretch stops. */
    uint32_t n_cps;
    /* Where the last span's end fell among the segments (the binary
     * search's answer): the next span starts mostly there or one on. A
     * hint only, checked before use, so any value is safe. */
    uint32_t seg_hint;
} ws_offmap;

/* Bytes between checkpoints: 64 keeps a column to counting within one
 * stretch (four loads of sixteen bytes with SSE2, at most eight words
 * without), for four bytes of memory per 64 of input. */
enum { WS_OFFMAP_CHECKPOINT = 64 };

void ws_offmap_init(ws_offmap *m, const ws_allocator *mem);
void ws_offmap_release(ws_offmap *m);

/* Index the input's lines (\n, \r\n or a lone \r end a line). */
int ws_offmap_index_source(ws_offmap *m, const char *src, uint32_t src_len);

/*
 * Record that text [text_off, text_off + text_len) comes from input
 * [src_off, src_off + src_len). Calls come in text order; adjacent copies
 * are merged.
 */
int ws_offmap_add(ws_offmap *m, uint32_t text_off, uint32_t src_off, uint32_t text_len,
                  uint32_t src_len, bool is_copy);

/*
 * The input offset of text offset @text_off. A start offset (@is_end false)
 * inside a replaced stretch maps to the stretch's start, an end offset to
 * its end, so a span never cuts a decoded entity in half.
 */
uint32_t ws_offmap_to_src(const ws_offmap *m, uint32_t text_off, bool is_end);

/* Line (1-based) and column (1-based, in code points) of input offset @src_off. */
void ws_offmap_position(ws_offmap *m, uint32_t src_off, uint32_t *line, uint32_t *col);

/*
 * Text range [start, end) located in the input: offsets, lines and columns.
 * Updates @m's position cache.
 */
ws_span ws_offmap_span(ws_offmap *m, uint32_t start, uint32_t end);

/* Number of input lines (at least 1). */
uint32_t ws_offmap_n_lines(const ws_offmap *m);

#endif
