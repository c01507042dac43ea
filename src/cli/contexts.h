/*
 * contexts.h - one context per configuration in use: articles under
 * different .whosaid.yml files get their own rules and levels, built once
 * and reused for every article under the same file.
 */
#ifndef WS_CLI_CONTEXTS_H
#define WS_CLI_CONTEXTS_H

#include <limits.h>
#include <stdbool.h>

#include "cli/messages.h"
#include "cli/options.h"
#include "whosaid.h"

typedef struct ws_cli_context {
    char *config_path;          /* NULL: no configuration */
    ws_config *config;
    ws_ctx *ctx;
} ws_cli_context;

typedef struct ws_cli_contexts {
    const ws_cli_options *o;
    /* One allocation per context: workers under -j hold pointers to
     * contexts while the main thread adds more. */
    ws_cli_context **v;
    size_t n;
    size_t cap;
    /* The last configuration search, by the article's folder as written:
     * archives list many articles per folder, and the search costs a
     * dozen system calls. */
    char *last_dir;
    bool last_found;
    char last_config[PATH_MAX];
} ws_cli_contexts;

void ws_cli_contexts_init(ws_cli_contexts *cc, const ws_cli_options *o);
void ws_cli_contexts_free(ws_cli_contexts *cc);

/*
 * The context for @article_path ("-" or NULL: the current folder): its
 * configuration found by --config, --no-config or the search upwards, the
 * rule packs loaded. Errors are printed; returns NULL then.
 */
const ws_cli_context *ws_cli_context_for(ws_cli_contexts *cc, const char *article_path);

#endif
