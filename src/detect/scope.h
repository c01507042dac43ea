/*
 * scope.h - which tokens are the writer's own words (narration), quoted
 * words, or the reporting clause of a statement (its cue and source), for
 * rules that look in one of those scopes only.
 */
#ifndef WS_SCOPE_H
#define WS_SCOPE_H

#include <stdbool.h>
#include <stdint.h>

#include "detect/report.h"
#include "ruleset/ruleset.h"

enum ws_token_role {
    WS_TOKROLE_CUE = 1 << 0,
    WS_TOKROLE_SOURCE = 1 << 1,
};

typedef struct ws_scope_map {
    uint8_t *roles;          /* per token: WS_TOKROLE_* */
    const ws_doc *doc;
} ws_scope_map;

/* Mark the cue and source tokens of every statement of @r. */
int ws_scope_map_build(ws_scope_map *m, ws_report *r);
void ws_scope_map_release(ws_scope_map *m, ws_report *r);

/*
 * Is token @tok in @scope? Narration: outside quotation marks and not a
 * statement's cue (the cue checks look at cues). Quote: inside quotation
 * marks. Attribution: a cue or source token.
 */
bool ws_scope_has(const ws_scope_map *m, ws_scope scope, uint32_t tok);

#endif
