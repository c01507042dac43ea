/*
 * config_cmd.c - "whosaid config [FILE]": the configuration in effect for an
 * article (the current folder by default): which file, which packs, every
 * rule's level for that article's path.
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/contexts.h"
#include "whosaid.h"

int ws_cli_config(const ws_cli_options *o)
{
    const char *article = o->n_paths ? o->paths[0] : NULL;
    ws_cli_contexts cc;
    ws_cli_contexts_init(&cc, o);
    const ws_cli_context *c = ws_cli_context_for(&cc, article);
    if (!c) {
        ws_cli_contexts_free(&cc);
        return WS_EXIT_ERROR;
    }
    printf("file: %s\n", article ? article : "(the current folder)");
    printf("configuration: %s\n", c->config ? ws_config_path(c->config) : "(none)");
    printf("default rules: %s\n",
           o->no_default_rules || (c->config && ws_config_skips_default_rules(c->config))
               ? "not loaded"
               : ws_default_rules_dir());
    for (int i = 0; i < o->n_rule_dirs; i++)
        printf("extra rules: %s\n", o->rule_dirs[i]);
    for (size_t i = 0; i < ws_ctx_n_sources(c->ctx); i++)
        printf("source: %s\n", ws_ctx_source_path(c->ctx, i));
    ws_level min = c->config ? ws_config_min_level(c->config) : WS_LEVEL_SUGGESTION;
    ws_level fail = c->config ? ws_config_fail_level(c->config) : WS_LEVEL_ERROR;
    if (o->min_level >= 0)
        min = (ws_level)o->min_level;
    if (o->fail_level >= 0)
        fail = (ws_level)o->fail_level;
    printf("min level: %s\nfail level: %s\nrules:\n", ws_level_name(min), ws_level_name(fail));
    /* Levels for this article's path: analyze an empty article under its name. */
    ws_input in = {sizeof in, WS_INPUT_TEXT, article, "", 0, NULL};
    ws_report *rep = NULL;
    ws_diag d;
    int rc = ws_analyze(c->ctx, &in, &rep, &d);
    for (size_t i = 0; i < ws_ctx_n_rules(c->ctx); i++) {
        ws_rule_info ri;
        ws_ctx_rule(c->ctx, i, &ri);
        if (ri.is_replaced || ri.is_lexicon)
            continue;
        ws_level level = rc >= 0 ? ws_report_rule_level(rep, ri.id) : ri.level;
        printf("  %-32s %s\n", ri.id, ws_level_name(level));
    }
    ws_report_free(rep);
    ws_cli_contexts_free(&cc);
    return rc < 0 ? WS_EXIT_ERROR : WS_EXIT_CLEAN;
}
