/* segment.h - sentence segmentation (see segment.c). */
#ifndef WS_SEGMENT_H
#define WS_SEGMENT_H

#include "doc/doc.h"
#include "ruleset/ruleset.h"

/*
 * Split each block's tokens into sentences (doc->sentences; sets each
 * token's sentence and WS_TOKF_SENT_START). Needs tokens. Never splits
 * inside a quotation: a quotation of several sentences stays in the sentence
 * that reports it. @rules gives the abbreviation lists (may be NULL).
 */
int ws_segment(ws_doc *doc, const ws_ruleset *rules);

#endif
