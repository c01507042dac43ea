/* context.h - the definition of ws_ctx. */
#ifndef WS_CONTEXT_H
#define WS_CONTEXT_H

#include "core/alloc.h"
#include "ruleset/ruleset.h"
#include "whosaid.h"

struct ws_ctx {
    ws_allocator mem;
    ws_ruleset rules;
    /* Directories loaded so far, in order: reloaded together on each load. */
    WS_ARRAY(char *) rule_dirs;
    /* The configuration applied (borrowed), for per-path levels. */
    const ws_config *config;
    /* Quote verification: the sources, indexed (verify/source_index.h); NULL: none. */
    struct ws_source_index *sources;
};

#endif
