/*
 * main.c - the whosaid command: parse options, load rules, analyze each
 * input and render the reports, then choose the exit status. Nothing else.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/output.h"
#include "whosaid.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_ERROR = 2 };

static void print_diag(const ws_diag *d)
{
    if (d->line)
        fprintf(stderr, "whosaid: %s:%u:%u: %s\n", d->file, d->line, d->col, d->message);
    else if (d->file[0])
        fprintf(stderr, "whosaid: %s: %s\n", d->file, d->message);
    else
        fprintf(stderr, "whosaid: %s\n", d->message);
}

static int load_rules(ws_ctx *ctx, const ws_cli_options *o)
{
    ws_diag d;
    memset(&d, 0, sizeof d);
    if (!o->no_default_rules && ws_ctx_load_rules(ctx, ws_default_rules_dir(), &d) < 0) {
        print_diag(&d);
        return -1;
    }
    for (int i = 0; i < o->n_rule_dirs; i++) {
        if (ws_ctx_load_rules(ctx, o->rule_dirs[i], &d) < 0) {
            print_diag(&d);
            return -1;
        }
    }
    return 0;
}

/* Analyze and render one input; returns 0 clean, 1 findings, 2 input error, -1 fatal. */
static int process(const ws_ctx *ctx, const ws_cli_options *o, ws_renderer *r, const char *path)
{
    char err[256];
    char *data;
    size_t len;
    ws_diag d;
    memset(&d, 0, sizeof d);
    const char *shown = strcmp(path, "-") == 0 ? "<stdin>" : path;
    if (ws_cli_read(path, &data, &len, err, sizeof err) < 0) {
        fprintf(stderr, "whosaid: %s: %s\n", shown, err);
        snprintf(d.message, sizeof d.message, "%s", err);
        d.code = WS_EIO;
        return ws_renderer_add_failure(r, shown, &d) < 0 ? -1 : EXIT_ERROR;
    }
    ws_input in = {sizeof in, (ws_input_format)o->input_format, shown, data, len};
    ws_report *rep = NULL;
    int rc = ws_analyze(ctx, &in, &rep, &d);
    free(data);
    if (rc < 0) {
        print_diag(&d);
        if (rc == WS_ENOMEM)
            return -1;
        return ws_renderer_add_failure(r, shown, &d) < 0 ? -1 : EXIT_ERROR;
    }
    int status = ws_report_n_problems(rep) ? EXIT_FINDINGS : EXIT_CLEAN;
    rc = ws_renderer_add(r, rep);
    ws_report_free(rep);
    return rc < 0 ? -1 : status;
}

int main(int argc, char **argv)
{
    ws_cli_options o;
    int rc = ws_cli_parse(argc, argv, &o);
    if (rc)
        return EXIT_ERROR;
    if (o.show_help) {
        ws_cli_usage(stdout);
        return EXIT_CLEAN;
    }
    if (o.show_version) {
        printf("whosaid %s\n", ws_version());
        return EXIT_CLEAN;
    }
    if (o.n_paths == 0) {
        fprintf(stderr, "whosaid: no input files (use - for standard input)\n"
                        "Try 'whosaid --help' for more information.\n");
        return EXIT_ERROR;
    }
    ws_ctx *ctx = NULL;
    ws_renderer *r = NULL;
    ws_cli_inputs inputs = {0};
    ws_cli_output out = {0};
    int status = EXIT_CLEAN;
    if (ws_ctx_new(NULL, &ctx) < 0) {
        fprintf(stderr, "whosaid: out of memory\n");
        return EXIT_ERROR;
    }
    if (load_rules(ctx, &o) < 0 || ws_cli_collect(o.paths, o.n_paths, &inputs) < 0 ||
        ws_cli_output_open(&out, o.output) < 0) {
        status = EXIT_ERROR;
        goto done;
    }
    if (inputs.n_errors)
        status = EXIT_ERROR;
    ws_sink sink = ws_sink_file(out.fp);
    ws_render_options ropts = {sizeof ropts, 0, WS_LEVEL_SUGGESTION};
    if (ws_renderer_new(ctx, (ws_format)o.format, &ropts, &sink, &r) < 0) {
        fprintf(stderr, "whosaid: cannot start the %s output\n", ws_format_name(o.format));
        status = EXIT_ERROR;
        goto done;
    }
    for (size_t i = 0; i < inputs.n; i++) {
        int s = process(ctx, &o, r, inputs.paths[i]);
        if (s < 0) {
            fprintf(stderr, "whosaid: cannot write the report\n");
            status = EXIT_ERROR;
            goto done;
        }
        if (s > status)
            status = s;
    }
    if (ws_renderer_finish(r) < 0) {
        fprintf(stderr, "whosaid: cannot write the report\n");
        status = EXIT_ERROR;
    }
done:
    if (ws_cli_output_close(&out, status != EXIT_ERROR || r) < 0)
        status = EXIT_ERROR;
    ws_renderer_free(r);
    ws_cli_inputs_free(&inputs);
    ws_ctx_free(ctx);
    return status;
}
