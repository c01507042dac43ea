/* tokenize.h - tokens of the document (see tokenize.c). */
#ifndef WS_TOKENIZE_H
#define WS_TOKENIZE_H

#include <stdbool.h>

#include "core/buf.h"
#include "doc/doc.h"

/* Fill doc->tokens from the blocks; needs doc->quotes (ws_scan_quotes) first. */
int ws_tokenize(ws_doc *doc);

/*
 * The lexicon key of text [start, end): lower-cased when @fold, typographic
 * apostrophes as ASCII. Written to @out (at most @cap - 1 bytes and a NUL);
 * returns its length, or 0 when it does not fit.
 */
size_t ws_key_of(const char *text, uint32_t start, uint32_t end, bool fold, char *out, size_t cap);

/*
 * The lexicon key of a phrase from a rule: its tokens split exactly as in an
 * article, each as ws_key_of makes it, joined by single spaces, into @out
 * (reset first). Returns the number of tokens, or a negative status.
 */
int ws_phrase_key(const char *s, size_t len, bool fold, ws_buf *out);

/*
 * Copy token @tok's text lower-cased into @out (at most @cap - 1 bytes, NUL
 * added); returns the length, or 0 when it does not fit.
 */
size_t ws_token_lower(const ws_doc *doc, const ws_token *tok, char *out, size_t cap);

#endif
