/* config.h - the definition of ws_config and its per-path level overrides. */
#ifndef WS_CONFIG_INTERNAL_H
#define WS_CONFIG_INTERNAL_H

#include <stdbool.h>

#include "core/alloc.h"
#include "core/arena.h"
#include "whosaid.h"

typedef WS_ARRAY(const char *) ws_str_list;

typedef struct ws_level_override {
    const char *rule;
    ws_level level;
    uint32_t path_idx;     /* 0: every file; k: path setting k (1-based) */
    uint32_t line;
    uint32_t col;
} ws_level_override;

struct ws_config {
    ws_allocator mem;
    ws_arena arena;
    const char *path;
    const char *dir;       /* absolute folder of the file: globs are relative to it */
    bool skip_default_rules;
    ws_str_list packs;
    ws_str_list rule_dirs;
    ws_str_list sources;
    ws_str_list accept;
    ws_str_list path_globs;
    WS_ARRAY(ws_level_override) levels;
    ws_level min_level;
    ws_level fail_level;
    bool has_min_level;
    bool has_fail_level;
};

/* Glob match with '*' (no '/'), '**' (anything) and '?'. */
bool ws_glob_match(const char *glob, const char *path);

/*
 * Call @set for every level override that applies to @article_path: those
 * for every file, then those of matching path settings, in file order.
 */
void ws_config_levels_for(const ws_config *cfg, const char *article_path,
                          int (*set)(void *ud, const char *rule, ws_level level), void *ud);

#endif
