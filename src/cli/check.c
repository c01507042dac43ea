/*
 * check.c - the main job: analyze each article with the context of its
 * configuration, render every report into one output, choose the status.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/contexts.h"
#include "cli/inputs.h"
#include "cli/output.h"
#include "whosaid.h"

typedef struct run {
    const ws_cli_options *o;
    ws_cli_contexts contexts;
    ws_renderer *renderer;
    ws_level fail_level;
} run;

/* Report a rule that stopped at a limit: the rule set is at fault, exit 2. */
static bool report_rule_limits(const ws_report *rep)
{
    bool any = false;
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        if (p->kind == WS_PROBLEM_RULE_LIMIT) {
            fprintf(stderr, "whosaid: %s: %s\n", ws_report_path(rep), p->message);
            any = true;
        }
    }
    return any;
}

/* Analyze and render one input: 0 clean, 1 findings, 2 input error, -1 fatal. */
static int process(run *rn, const char *path)
{
    char err[256];
    char *data;
    size_t len;
    ws_diag d;
    memset(&d, 0, sizeof d);
    const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
    const ws_cli_context *c = ws_cli_context_for(&rn->contexts, path);
    if (!c)
        return WS_EXIT_ERROR;
    if (ws_cli_read(path, &data, &len, err, sizeof err) < 0) {
        fprintf(stderr, "whosaid: %s: %s\n", shown, err);
        snprintf(d.message, sizeof d.message, "%s", err);
        d.code = WS_EIO;
        return ws_renderer_add_failure(rn->renderer, shown, &d) < 0 ? -1 : WS_EXIT_ERROR;
    }
    ws_input in = {sizeof in, (ws_input_format)rn->o->input_format, shown, data, len};
    ws_report *rep = NULL;
    int rc = ws_analyze(c->ctx, &in, &rep, &d);
    free(data);
    if (rc < 0) {
        ws_cli_print_diag(&d);
        if (rc == WS_ENOMEM)
            return -1;
        return ws_renderer_add_failure(rn->renderer, shown, &d) < 0 ? -1 : WS_EXIT_ERROR;
    }
    int status = WS_EXIT_CLEAN;
    if (rn->fail_level != WS_LEVEL_OFF && ws_report_max_level(rep) >= rn->fail_level)
        status = WS_EXIT_FINDINGS;
    if (report_rule_limits(rep))
        status = WS_EXIT_ERROR;
    rc = ws_renderer_add(rn->renderer, rep);
    ws_report_free(rep);
    return rc < 0 ? -1 : status;
}

int ws_cli_check(const ws_cli_options *o)
{
    if (o->n_paths == 0) {
        fprintf(stderr, "whosaid: no input files (use - for standard input)\n"
                        "Try 'whosaid --help' for more information.\n");
        return WS_EXIT_ERROR;
    }
    run rn;
    memset(&rn, 0, sizeof rn);
    rn.o = o;
    ws_cli_contexts_init(&rn.contexts, o);
    ws_cli_inputs inputs = {0};
    ws_cli_output out = {0};
    int status = WS_EXIT_CLEAN;
    bool fatal = false;        /* the report itself failed: do not keep it */
    /* The first article's configuration sets the levels of the run unless
     * the command line does. */
    const ws_cli_context *first = ws_cli_context_for(&rn.contexts, o->paths[0]);
    if (!first || ws_cli_collect(o->paths, o->n_paths, &inputs) < 0 ||
        ws_cli_output_open(&out, o->output) < 0) {
        status = WS_EXIT_ERROR;
        goto done;
    }
    const ws_config *cfg = first->config;
    ws_render_options ropts = {sizeof ropts, 0, WS_LEVEL_SUGGESTION};
    ropts.min_level = o->min_level >= 0 ? (ws_level)o->min_level
                                        : cfg ? ws_config_min_level(cfg) : WS_LEVEL_SUGGESTION;
    rn.fail_level = o->fail_level >= 0 ? (ws_level)o->fail_level
                                       : cfg ? ws_config_fail_level(cfg) : WS_LEVEL_ERROR;
    if (inputs.n_errors)
        status = WS_EXIT_ERROR;
    ws_sink sink = ws_sink_file(out.fp);
    if (ws_renderer_new(first->ctx, (ws_format)o->format, &ropts, &sink, &rn.renderer) < 0) {
        fprintf(stderr, "whosaid: cannot start the %s output\n", ws_format_name(o->format));
        status = WS_EXIT_ERROR;
        goto done;
    }
    for (size_t i = 0; i < inputs.n; i++) {
        int s = process(&rn, inputs.paths[i]);
        if (s < 0) {
            fprintf(stderr, "whosaid: cannot write the report\n");
            status = WS_EXIT_ERROR;
            fatal = true;
            goto done;
        }
        if (s > status)
            status = s;
    }
    if (ws_renderer_finish(rn.renderer) < 0) {
        fprintf(stderr, "whosaid: cannot write the report\n");
        status = WS_EXIT_ERROR;
        fatal = true;
    }
done:
    if (ws_cli_output_close(&out, rn.renderer && !fatal) < 0)
        status = WS_EXIT_ERROR;
    ws_renderer_free(rn.renderer);
    ws_cli_inputs_free(&inputs);
    ws_cli_contexts_free(&rn.contexts);
    return status;
}
