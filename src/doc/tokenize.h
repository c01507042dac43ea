/* tokenize.h - tokens of the document (see tokenize.c). */
#ifndef WS_TOKENIZE_H
#define WS_TOKENIZE_H

#include "doc/doc.h"

/* Fill doc->tokens from the blocks; needs doc->quotes (ws_scan_quotes) first. */
int ws_tokenize(ws_doc *doc);

/*
 * Copy token @tok's text lower-cased into @out (at most @cap - 1 bytes, NUL
 * added); returns the length, or 0 when it does not fit.
 */
size_t ws_token_lower(const ws_doc *doc, const ws_token *tok, char *out, size_t cap);

#endif
