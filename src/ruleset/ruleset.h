/*
 * ruleset.h - the compiled form of the rule packs: lexicons the passes read
 * and the check rules they run. Built once by ruleset_load.c, read-only
 * afterwards, shared by every analysis.
 */
#ifndef WS_RULESET_H
#define WS_RULESET_H

#include <stdbool.h>

#include "core/arena.h"
#include "ruleset/lexicon.h"
#include "whosaid.h"

typedef struct ws_ruleset {
    const ws_allocator *mem;
    ws_arena arena;
    /* Sentence splitting: abbreviations a name follows (Mr., Gov.), which
     * never end a sentence, others (U.S., Inc.) which may, and the words
     * that show a new sentence after one of those. Keys lower-case with the
     * final period. */
    ws_lexicon abbrev_name;
    ws_lexicon abbrev_other;
    ws_lexicon sentence_starters;
    /* Words an apostrophe may begin ('tis, 'em), lower-case, no apostrophe. */
    ws_lexicon elisions;
} ws_ruleset;

void ws_ruleset_init(ws_ruleset *rs, const ws_allocator *mem);
void ws_ruleset_release(ws_ruleset *rs);

/*
 * Load every pack (sub-directory) of @dir into @rs. On error returns a
 * negative status with @diag naming the file, line and column.
 */
int ws_ruleset_load_dir(ws_ruleset *rs, const char *dir, ws_diag *diag);

#endif
