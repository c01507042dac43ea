/*
 * verify.h - checking one quotation against the source index: its words
 * and editing marks, candidate passages from the n-gram index, the best
 * alignment and what it means (verbatim, near, missing). The pass over an
 * article (verify_pass.c) and the benchmark use it.
 */
#ifndef WS_VERIFY_VERIFY_H
#define WS_VERIFY_VERIFY_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"
#include "detect/report.h"
#include "doc/doc.h"
#include "verify/source_index.h"
#include "verify/speakers.h"
#include "verify/worddiff.h"

enum {
    /* Fewer words of its own and a quotation is a term or a scare quote: not checked. */
    WS_VERIFY_MIN_WORDS = 3,
    /* Near: at least this percentage of the quotation's words are found in order... */
    WS_VERIFY_NEAR_PERCENT = 80,
    /* ... and make at least this percentage of the passage's words. */
    WS_VERIFY_NEAR_DENSITY = 50,
    /* A longer quotation is checked on its first words only. */
    WS_VERIFY_MAX_ITEMS = 1000,
};

/* A candidate hit: n-gram of quote item @j found at source token @tok. */
typedef struct ws_vhit {
    uint32_t source;
    uint32_t turn;         /* the speaker turn in the source: a passage has one speaker */
    uint32_t j;
    int64_t diag;          /* tok - j: hits of one passage share it, give or take edits */
} ws_vhit;

/* The outcome for one quotation. */
typedef struct ws_vmatch {
    ws_verify_status status;
    uint32_t source;       /* index of the source (verbatim, near) */
    uint32_t win_lo;       /* global token index of the alignment's window */
    ws_alignment al;       /* moves relative to win_lo */
    uint32_t n_words;
    uint32_t n_matched;
    uint32_t similarity;   /* percent */
    uint32_t tok_first;    /* the passage's tokens (global) [tok_first, tok_end) */
    uint32_t tok_end;
    int32_t voice;         /* who speaks the passage's first word, or -1 */
    ws_voice_agreement agreement;
} ws_vmatch;

/* Compare a passage's voice with the attributed speaker (NULL voice: none). */
typedef ws_voice_agreement (*ws_voice_judge)(void *ud, const ws_voice *voice);

/* An n-gram of the quotation (at item @j) and its bucket of postings. */
typedef struct ws_vgram {
    uint32_t j;
    uint32_t n;
    uint32_t fp;
    const uint32_t *postings;
} ws_vgram;

/* Everything one analysis reuses from quotation to quotation. */
typedef struct ws_verifier {
    const ws_allocator *mem;
    const ws_source_index *ix;
    const char *text;      /* the quotation's text (the article's) */
    WS_ARRAY(ws_qitem) items;
    uint32_t n_words;
    bool has_elision;      /* an ellipsis among the items: the passage may be spread out */
    WS_ARRAY(ws_vgram) grams;
    WS_ARRAY(ws_vhit) hits;
    WS_ARRAY(uint32_t) seen;
    ws_align_scratch scratch;
    ws_alignment cand;
    ws_buf key;
} ws_verifier;

void ws_verifier_init(ws_verifier *v, const ws_allocator *mem, const ws_source_index *ix);
void ws_verifier_release(ws_verifier *v);

/*
 * Cut the quotation made of text ranges @frags of @text into items: words
 * (looked up in the index), ellipses ("...", ". . .", "…", "[...]"),
 * bracketed insertions ("[the president]"), words with a bracketed part
 * ("[W]e"); "[sic]" is dropped. Sets v->items, v->n_words and
 * v->has_elision.
 */
int ws_verifier_parse(ws_verifier *v, const char *text, const ws_range *frags, size_t n_frags);

/*
 * Find the best passage for the parsed quotation. @judge (may be NULL)
 * rates each candidate passage's voice: of equally good passages, the one
 * whose speaker agrees wins. *out's alignment is reused (its moves trade
 * places with the verifier's, so both come from the verifier's allocator);
 * release it with ws_alignment_release.
 */
int ws_verifier_match(ws_verifier *v, ws_voice_judge judge, void *ud, ws_vmatch *out);

/*
 * Whether matched quote item @qi and source token @tok differ in case (or
 * spelling of apostrophes aside) in a way the quotation does not excuse:
 * only the first letter of a quotation or of the words after an ellipsis,
 * and bracketed letters, may change case.
 */
bool ws_verifier_case_differs(const ws_verifier *v, uint32_t qi, const ws_source *src, uint32_t tok);

/* The quote verification pass (verify_pass.c): nothing without sources. */
int ws_pass_verify(ws_report *r);

#endif
