/*
 * reader.h - the readers turn an input format into the document's plain
 * text, blocks and offset map, through the emitter below. Each reader only
 * decides what text the input means; the emitter keeps the offset map,
 * paragraph breaks, NFC and the block list consistent.
 *
 * The text the readers build: blocks separated by exactly "\n\n", white space
 * inside a block kept as the reader emits it, every byte mapped back to the
 * input. Input given to a reader is valid UTF-8 (checked before).
 */
#ifndef WS_READER_H
#define WS_READER_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "doc/doc.h"

typedef struct ws_emitter {
    ws_doc *doc;
    ws_buf text;
    bool in_block;
    ws_block block;           /* the open block */
    bool pending_space;       /* a collapsed space waiting for content */
    uint32_t pending_space_src;
    uint32_t pending_space_len;
} ws_emitter;

void ws_emitter_init(ws_emitter *e, ws_doc *doc);
/* Release the emitter's buffer after an error (ws_emitter_finish hands it over). */
void ws_emitter_release(ws_emitter *e);

/*
 * Start a block at input offset @src_off (closing any open one). Inline
 * emits without an open block start a paragraph themselves.
 */
int ws_emit_block_begin(ws_emitter *e, ws_block_kind kind, uint8_t level, uint32_t quote_group,
                        uint32_t src_off);
/* Close the open block, if any. */
int ws_emit_block_end(ws_emitter *e);

/* Copy @len input bytes at @src_off into the text as they are. */
int ws_emit_copy(ws_emitter *e, uint32_t src_off, uint32_t len);

/* Emit @n bytes of @s standing for input [src_off, src_off + src_len). */
int ws_emit_subst(ws_emitter *e, uint32_t src_off, uint32_t src_len, const char *s, size_t n);

/* Emit code point @cp standing for input [src_off, src_off + src_len). */
int ws_emit_cp(ws_emitter *e, uint32_t src_off, uint32_t src_len, int32_t cp);

/*
 * White space that collapses (HTML, Markdown soft breaks): emitted as one
 * space, and only between two pieces of content of the same block.
 */
int ws_emit_space(ws_emitter *e, uint32_t src_off, uint32_t src_len);

/* Forget a collapsed space waiting for content (before a closing mark). */
void ws_emit_drop_space(ws_emitter *e);

/* A hard line break inside a block: emitted as "\n". */
int ws_emit_newline(ws_emitter *e, uint32_t src_off, uint32_t src_len);

/* Keep an HTML comment (body without the markers) for suppression directives. */
int ws_emit_comment(ws_emitter *e, uint32_t src_start, uint32_t src_end, const char *body,
                    size_t body_len);

/* Close the last block and move the text into the document. */
int ws_emitter_finish(ws_emitter *e);

/* True when the text emitted so far in the open block is empty. */
bool ws_emit_block_is_empty(const ws_emitter *e);

/* The readers. @doc has src and src_len set; they fill text, map, blocks. */
int ws_read_text(ws_doc *doc);
int ws_read_markdown(ws_doc *doc);
int ws_read_html(ws_doc *doc);

/*
 * Copy @len bytes of @data into @doc as its input, index the input's lines
 * and run the reader of doc->format (text for any but Markdown and HTML).
 * @data has been checked: valid UTF-8, shorter than 2 GiB.
 */
int ws_read_input(ws_doc *doc, const char *data, uint32_t len);

#endif
