/* scope.c - narration, quotation and attribution scopes of tokens. */
#include "detect/scope.h"

#include <string.h>

static void mark_range(ws_scope_map *m, ws_range r, uint8_t role)
{
    const ws_doc *doc = m->doc;
    for (uint32_t t = ws_doc_token_at(doc, r.start); t < doc->tokens.n; t++) {
        if (doc->tokens.v[t].start >= r.end)
            break;
        m->roles[t] |= role;
    }
}

int ws_scope_map_build(ws_scope_map *m, ws_report *r)
{
    m->doc = &r->doc;
    m->roles = ws_calloc(&r->mem, r->doc.tokens.n ? r->doc.tokens.n : 1, 1);
    if (!m->roles)
        return WS_ENOMEM;
    for (size_t i = 0; i < r->stmts.n; i++) {
        const ws_stmt *s = &r->stmts.v[i];
        if (s->has_cue)
            mark_range(m, s->cue, WS_TOKROLE_CUE);
        if (s->has_source)
            mark_range(m, s->source, WS_TOKROLE_SOURCE);
    }
    return WS_OK;
}

void ws_scope_map_release(ws_scope_map *m, ws_report *r)
{
    ws_free(&r->mem, m->roles);
    m->roles = NULL;
}

bool ws_scope_has(const ws_scope_map *m, ws_scope scope, uint32_t tok)
{
    if (tok >= m->doc->tokens.n)
        return scope == WS_SCOPE_ANY;
    const ws_token *t = &m->doc->tokens.v[tok];
    switch (scope) {
    case WS_SCOPE_ANY:
        return true;
    case WS_SCOPE_NARRATION:
        return t->quote_depth == 0 && !(m->roles[tok] & WS_TOKROLE_CUE);
    case WS_SCOPE_QUOTE:
        return t->quote_depth > 0;
    case WS_SCOPE_ATTRIBUTION:
        return (m->roles[tok] & (WS_TOKROLE_CUE | WS_TOKROLE_SOURCE)) != 0;
    case WS_SCOPE_CUE:
        return (m->roles[tok] & WS_TOKROLE_CUE) != 0;
    }
    return false;
}
