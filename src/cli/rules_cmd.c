/*
 * rules_cmd.c - "whosaid rules list" (what is loaded, from where) and
 * "whosaid rules test" (every rule's examples, run like unit tests).
 */
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/contexts.h"
#include "whosaid.h"

int ws_cli_rules_list(const ws_cli_options *o)
{
    ws_cli_contexts cc;
    ws_cli_contexts_init(&cc, o);
    const ws_cli_context *c = ws_cli_context_for(&cc, o->n_paths ? o->paths[0] : NULL);
    if (!c) {
        ws_cli_contexts_free(&cc);
        return WS_EXIT_ERROR;
    }
    printf("%-32s %-14s %-10s %-11s %s\n", "ID", "TYPE", "LEVEL", "SCOPE", "FILE");
    for (size_t i = 0; i < ws_ctx_n_rules(c->ctx); i++) {
        ws_rule_info ri;
        ws_ctx_rule(c->ctx, i, &ri);
        if (ri.is_replaced)
            continue;
        printf("%-32s %-14s %-10s %-11s %s\n", ri.id, ri.type,
               ri.is_lexicon ? "-" : ws_level_name(ri.level), ri.is_lexicon ? "-" : ri.scope,
               ri.path);
    }
    ws_cli_contexts_free(&cc);
    return WS_EXIT_CLEAN;
}

static bool pack_selected(const ws_cli_options *o, const char *pack)
{
    if (o->n_paths == 0)
        return true;
    for (int i = 0; i < o->n_paths; i++)
        if (!strcmp(o->paths[i], pack))
            return true;
    return false;
}

int ws_cli_rules_test(const ws_cli_options *o)
{
    /* Examples test the rules as written: no configuration. */
    ws_cli_options plain = *o;
    plain.no_config = true;
    plain.config_path = NULL;
    plain.n_sources = 0; /* quote verification rules bring their own "source:" */
    ws_cli_contexts cc;
    ws_cli_contexts_init(&cc, &plain);
    const ws_cli_context *c = ws_cli_context_for(&cc, NULL);
    if (!c) {
        ws_cli_contexts_free(&cc);
        return WS_EXIT_ERROR;
    }
    size_t n_rules = 0, n_examples = 0, n_failed = 0;
    for (size_t i = 0; i < ws_ctx_n_rules(c->ctx); i++) {
        ws_rule_info ri;
        ws_ctx_rule(c->ctx, i, &ri);
        if (ri.is_lexicon || ri.is_replaced || !pack_selected(o, ri.pack))
            continue;
        n_rules++;
        size_t n_flag = 0, n_ok = 0;
        for (size_t k = 0; k < ri.n_examples; k++) {
            int should_flag;
            const char *text;
            uint32_t line;
            ws_ctx_rule_example(c->ctx, i, k, &should_flag, &text, &line);
            n_flag += should_flag != 0;
            n_ok += should_flag == 0;
            n_examples++;
            size_t count = 0;
            int rc = ws_ctx_test_example(c->ctx, i, k, &count, NULL);
            bool passed = rc >= 0 && (should_flag ? count > 0 : count == 0);
            if (!passed) {
                n_failed++;
                printf("FAIL %s:%u: %s %s: \"%s\" %s\n", ri.path, line, ri.id,
                       should_flag ? "flag" : "ok", text,
                       rc < 0 ? ws_strerror(rc)
                              : should_flag ? "was not flagged" : "was flagged");
            }
        }
        if (n_flag == 0 || n_ok == 0) {
            n_failed++;
            printf("FAIL %s: %s needs at least one flag: and one ok: example\n", ri.path, ri.id);
        }
    }
    printf("%zu rules, %zu examples, %zu failed\n", n_rules, n_examples, n_failed);
    ws_cli_contexts_free(&cc);
    return n_failed ? WS_EXIT_FINDINGS : WS_EXIT_CLEAN;
}
