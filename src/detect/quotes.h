/* quotes.h - the quotation scanner (see quotes.c for the pairing rules). */
#ifndef WS_QUOTES_H
#define WS_QUOTES_H

#include "doc/doc.h"
#include "ruleset/lexicon.h"

/*
 * Find the quotations of @doc (text and blocks read): fills doc->quotes
 * (sorted by opening mark, with parents and depths), doc->quote_frags and
 * problems for unclosed, stray and empty quotations. @elisions lists words
 * that an apostrophe starts ('tis, 'em); may be NULL.
 */
int ws_scan_quotes(ws_doc *doc, const ws_lexicon *elisions);

#endif
