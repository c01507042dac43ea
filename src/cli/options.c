/* options.c - the option table, its parser and the --help text. */
#include "cli/options.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum opt_id {
    OPT_FORMAT,
    OPT_INPUT_FORMAT,
    OPT_OUTPUT,
    OPT_SUMMARY,
    OPT_COLOR,
    OPT_RULES,
    OPT_NO_DEFAULT_RULES,
    OPT_SOURCES,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_MIN_LEVEL,
    OPT_FAIL_LEVEL,
    OPT_JOBS,
    OPT_JSONL,
    OPT_BASELINE,
    OPT_WRITE_BASELINE,
    OPT_HELP,
    OPT_VERSION,
};

typedef struct option_def {
    const char *long_name;
    char short_name;
    const char *arg;             /* NULL for flags */
    enum opt_id id;
    const char *help;
} option_def;

static const option_def option_table[] = {
    /* The format names are added from the library's table: see put_help(). */
    {"format", 'f', "NAME[=FILE]", OPT_FORMAT,
     "output format, one of: %s (default text); NAME=FILE writes that format to FILE "
     "as well (repeatable)"},
    {"input-format", 0, "NAME", OPT_INPUT_FORMAT,
     "read inputs as text, markdown or html (default: from the extension)"},
    {"output", 'o', "FILE", OPT_OUTPUT,
     "write the report to FILE (replaced when complete) instead of standard output"},
    {"summary", 0, "FILE", OPT_SUMMARY,
     "append a Markdown summary table to FILE, e.g. \"$GITHUB_STEP_SUMMARY\""},
    {"color", 0, "WHEN", OPT_COLOR,
     "colour the text format: auto (default: on a terminal, unless NO_COLOR is set), "
     "always, never"},
    {"rules", 0, "DIR", OPT_RULES, "load the rule packs in DIR on top of the default ones (repeatable)"},
    {"no-default-rules", 0, NULL, OPT_NO_DEFAULT_RULES, "do not load the default rule packs"},
    {"sources", 0, "PATH", OPT_SOURCES,
     "check every quotation against the source file, or the .txt, .md and .html files under "
     "the folder, PATH: transcripts, statements, releases (repeatable)"},
    {"config", 'c', "FILE", OPT_CONFIG,
     "use this configuration instead of the .whosaid.yml found above each article"},
    {"no-config", 0, NULL, OPT_NO_CONFIG, "use no configuration file"},
    {"min-level", 0, "LEVEL", OPT_MIN_LEVEL,
     "show findings at or above LEVEL: suggestion (default), warning, error"},
    {"fail-level", 0, "LEVEL", OPT_FAIL_LEVEL,
     "exit with status 1 for findings at or above LEVEL (default: error; off: never)"},
    {"jobs", 'j', "N", OPT_JOBS,
     "analyze N files at a time on N threads (default 1; 0: one per processor); the output is the "
     "same as with -j 1"},
    {"jsonl", 0, NULL, OPT_JSONL,
     "batch worker: read JSON Lines requests {\"id\", \"text\", \"format\"} on standard input, "
     "write one jsonl result per request, in order"},
    {"baseline", 0, "FILE", OPT_BASELINE,
     "report only findings not in FILE (written by --write-baseline)"},
    {"write-baseline", 0, "FILE", OPT_WRITE_BASELINE,
     "write the fingerprints of this run's findings to FILE, to accept them"},
    {"help", 'h', NULL, OPT_HELP, "show this help and exit"},
    {"version", 'V', NULL, OPT_VERSION, "show the version and exit"},
};

/* One option's line(s): the help text wrapped at 78 columns, past the option column. */
static void put_help(FILE *fp, const char *left, const option_def *d)
{
    char help[512];
    if (d->id == OPT_FORMAT) {
        char names[128] = "";
        for (int i = 0; i < WS_FORMAT_COUNT_; i++) {
            size_t n = strlen(names);
            snprintf(names + n, sizeof names - n, "%s%s", i ? ", " : "",
                     ws_format_name((ws_format)i));
        }
        const char *at = strstr(d->help, "%s");
        snprintf(help, sizeof help, "%.*s%s%s", (int)(at - d->help), d->help, names, at + 2);
    } else {
        snprintf(help, sizeof help, "%s", d->help);
    }
    enum { INDENT = 31, WIDTH = 78 };
    fprintf(fp, "  %-28s", left);
    size_t col = strlen(left) > 28 ? 2 + strlen(left) : 30;
    if (col > 30) {
        fprintf(fp, "\n%*s", INDENT - 1, "");
        col = INDENT - 1;
    }
    const char *p = help;
    while (*p) {
        const char *sp = strchr(p, ' ');
        size_t word = sp ? (size_t)(sp - p) : strlen(p);
        if (col + 1 + word > WIDTH && col > INDENT) {
            fprintf(fp, "\n%*s", INDENT - 1, "");
            col = INDENT - 1;
        }
        fprintf(fp, " %.*s", (int)word, p);
        col += 1 + word;
        p += word;
        while (*p == ' ')
            p++;
    }
    fputc('\n', fp);
}

void ws_cli_usage(FILE *fp)
{
    fputs("Usage: whosaid [OPTION]... FILE|DIR|-...\n"
          "       whosaid rules list [OPTION]...\n"
          "       whosaid rules test [OPTION]... [PACK]...\n"
          "       whosaid config [OPTION]... [FILE]\n"
          "Find quotations and reported speech in news articles, who said them, and\n"
          "what an editor should check.\n\n"
          "Commands:\n"
          "  rules list    list the loaded rules: id, type, level, scope, file\n"
          "  rules test    run every rule's examples (of the PACKs given), like a test runner\n"
          "  config        print the configuration in effect for FILE\n\n"
          "Options:\n",
          fp);
    for (size_t i = 0; i < sizeof option_table / sizeof *option_table; i++) {
        const option_def *d = &option_table[i];
        char left[64];
        if (d->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", d->short_name, d->long_name,
                     d->arg ? " " : "", d->arg ? d->arg : "");
        else
            snprintf(left, sizeof left, "    --%s%s%s", d->long_name, d->arg ? " " : "",
                     d->arg ? d->arg : "");
        put_help(fp, left, d);
    }
    fputs("\nDirectories are searched for .txt, .md, .markdown, .html and .htm files.\n"
          "Exit status: 0 nothing at the fail level, 1 findings at or above it,\n"
          "2 a usage, configuration, rule or input error.\n",
          fp);
}

#if defined(__GNUC__)
__attribute__((format(printf, 1, 2)))
#endif
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("whosaid: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nTry 'whosaid --help' for more information.\n", stderr);
    return 2;
}

static const option_def *find_long(const char *name, size_t len)
{
    for (size_t i = 0; i < sizeof option_table / sizeof *option_table; i++)
        if (strlen(option_table[i].long_name) == len &&
            strncmp(option_table[i].long_name, name, len) == 0)
            return &option_table[i];
    return NULL;
}

static const option_def *find_short(char c)
{
    for (size_t i = 0; i < sizeof option_table / sizeof *option_table; i++)
        if (option_table[i].short_name == c)
            return &option_table[i];
    return NULL;
}

static int apply(ws_cli_options *o, const option_def *d, const char *arg)
{
    int v;
    switch (d->id) {
    case OPT_FORMAT: {
        /* NAME=FILE: another report in FILE; NAME alone: the main report. */
        const char *eq = strchr(arg, '=');
        char name[32];
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        snprintf(name, sizeof name, "%.*s", (int)(len < sizeof name ? len : sizeof name - 1), arg);
        if (len >= sizeof name || (v = ws_format_from_name(name)) < 0)
            return usage_error("unknown output format '%.*s'", (int)len, arg);
        if (!eq) {
            o->format = v;
            o->has_format = true;
            break;
        }
        if (!eq[1])
            return usage_error("'--format %s' needs a file name after '='", arg);
        if (o->n_outputs >= WS_CLI_MAX_OUTPUTS)
            return usage_error("too many outputs (at most %d)", WS_CLI_MAX_OUTPUTS);
        o->outputs[o->n_outputs].format = v;
        o->outputs[o->n_outputs].path = eq + 1;
        o->outputs[o->n_outputs++].append = false;
        break;
    }
    case OPT_SUMMARY:
        if (o->n_outputs >= WS_CLI_MAX_OUTPUTS)
            return usage_error("too many outputs (at most %d)", WS_CLI_MAX_OUTPUTS);
        o->outputs[o->n_outputs].format = WS_FORMAT_SUMMARY;
        o->outputs[o->n_outputs].path = arg;
        o->outputs[o->n_outputs++].append = true;
        break;
    case OPT_COLOR:
        if (!strcmp(arg, "auto"))
            o->color = WS_COLOR_AUTO;
        else if (!strcmp(arg, "always"))
            o->color = WS_COLOR_ALWAYS;
        else if (!strcmp(arg, "never"))
            o->color = WS_COLOR_NEVER;
        else
            return usage_error("unknown --color value '%s' (auto, always, never)", arg);
        break;
    case OPT_INPUT_FORMAT:
        if ((v = ws_input_format_from_name(arg)) < 0)
            return usage_error("unknown input format '%s'", arg);
        o->input_format = v;
        break;
    case OPT_OUTPUT:
        o->output = arg;
        break;
    case OPT_RULES:
        if (o->n_rule_dirs >= WS_CLI_MAX_RULE_DIRS)
            return usage_error("too many --rules options (at most %d)", WS_CLI_MAX_RULE_DIRS);
        o->rule_dirs[o->n_rule_dirs++] = arg;
        break;
    case OPT_NO_DEFAULT_RULES:
        o->no_default_rules = true;
        break;
    case OPT_SOURCES:
        if (o->n_sources >= WS_CLI_MAX_SOURCES)
            return usage_error("too many --sources options (at most %d)", WS_CLI_MAX_SOURCES);
        o->sources[o->n_sources++] = arg;
        break;
    case OPT_CONFIG:
        o->config_path = arg;
        break;
    case OPT_NO_CONFIG:
        o->no_config = true;
        break;
    case OPT_MIN_LEVEL:
        /* "off" is a fail level only: findings shown from "off" would be
         * those from "suggestion", not none as the word suggests. */
        if ((v = ws_level_from_name(arg)) <= WS_LEVEL_OFF)
            return usage_error("unknown level '%s' for --min-level (suggestion, warning, error)", arg);
        o->min_level = v;
        break;
    case OPT_FAIL_LEVEL:
        if ((v = ws_level_from_name(arg)) < 0)
            return usage_error("unknown level '%s' (suggestion, warning, error, off)", arg);
        o->fail_level = v;
        break;
    case OPT_JOBS: {
        char *end;
        long n = strtol(arg, &end, 10);
        if (*arg == '\0' || *end || n < 0 || n > WS_CLI_MAX_JOBS)
            return usage_error("-j needs a number from 0 to %d, not '%s'", WS_CLI_MAX_JOBS, arg);
        o->jobs = (int)n;
        break;
    }
    case OPT_JSONL:
        o->jsonl = true;
        break;
    case OPT_BASELINE:
        o->baseline = arg;
        break;
    case OPT_WRITE_BASELINE:
        o->write_baseline = arg;
        break;
    case OPT_HELP:
        o->show_help = true;
        break;
    case OPT_VERSION:
        o->show_version = true;
        break;
    }
    return 0;
}

int ws_cli_parse(int argc, char **argv, ws_cli_options *o)
{
    memset(o, 0, sizeof *o);
    o->format = WS_FORMAT_TEXT;
    o->input_format = WS_INPUT_AUTO;
    o->min_level = -1;
    o->fail_level = -1;
    o->jobs = 1;
    int first = 1;
    if (argc > 1 && !strcmp(argv[1], "rules")) {
        if (argc < 3 || (strcmp(argv[2], "list") && strcmp(argv[2], "test")))
            return usage_error("'rules' needs 'list' or 'test'%s", "");
        o->command = !strcmp(argv[2], "list") ? WS_CMD_RULES_LIST : WS_CMD_RULES_TEST;
        first = 3;
    } else if (argc > 1 && !strcmp(argv[1], "config")) {
        o->command = WS_CMD_CONFIG;
        first = 2;
    } else if (argc > 1 && !strcmp(argv[1], "check")) {
        first = 2;
    }
    o->paths = argv + first;
    int n_paths = 0;
    bool only_paths = false;
    for (int i = first; i < argc; i++) {
        char *a = argv[i];
        if (only_paths || a[0] != '-' || a[1] == '\0') {
            o->paths[n_paths++] = a; /* compacts argv in place: paths only */
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_paths = true;
            continue;
        }
        const option_def *d;
        const char *arg = NULL;
        if (a[1] == '-') {
            const char *eq = strchr(a + 2, '=');
            size_t len = eq ? (size_t)(eq - (a + 2)) : strlen(a + 2);
            if (!(d = find_long(a + 2, len)))
                return usage_error("unknown option '%s'", a);
            if (eq) {
                if (!d->arg)
                    return usage_error("option '%s' takes no argument", a);
                arg = eq + 1;
            }
        } else {
            if (!(d = find_short(a[1])))
                return usage_error("unknown option '%s'", a);
            if (a[2] != '\0') {
                if (!d->arg)
                    return usage_error("option '%s' takes no argument", a);
                arg = a + 2;
            }
        }
        if (d->arg && !arg) {
            if (i + 1 >= argc)
                return usage_error("option '%s' needs an argument", a);
            arg = argv[++i];
        }
        int rc = apply(o, d, arg);
        if (rc)
            return rc;
    }
    o->n_paths = n_paths;
    /* A batch worker answers in JSON Lines unless told otherwise. */
    if (o->jsonl && !o->has_format)
        o->format = WS_FORMAT_JSONL;
    return 0;
}

static bool is_stdout(const char *path)
{
    return !path || strcmp(path, "-") == 0;
}

int ws_cli_outputs(const ws_cli_options *o, ws_cli_output_spec *out, int cap)
{
    int n = 0;
    bool has_files = false;
    for (int i = 0; i < o->n_outputs; i++)
        has_files |= !o->outputs[i].append;
    /* Only NAME=FILE outputs asked for: nothing else, not even text on stdout. */
    if (o->has_format || o->output || !has_files) {
        ws_cli_output_spec main_out = {o->format, o->output, false};
        out[n++] = main_out;
    }
    for (int i = 0; i < o->n_outputs && n < cap; i++)
        out[n++] = o->outputs[i];
    for (int i = 0; i < n; i++)
        for (int k = 0; k < i; k++) {
            if (is_stdout(out[i].path) && is_stdout(out[k].path)) {
                usage_error("only one report can go to standard output (%s and %s)",
                            ws_format_name((ws_format)out[k].format),
                            ws_format_name((ws_format)out[i].format));
                return -1;
            }
            if (!is_stdout(out[i].path) && !is_stdout(out[k].path) &&
                strcmp(out[i].path, out[k].path) == 0) {
                usage_error("two reports would be written to '%s'", out[i].path);
                return -1;
            }
        }
    return n;
}
