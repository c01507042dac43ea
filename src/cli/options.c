/* options.c - the option table, its parser and the --help text. */
#include "cli/options.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

enum opt_id {
    OPT_FORMAT,
    OPT_INPUT_FORMAT,
    OPT_OUTPUT,
    OPT_RULES,
    OPT_NO_DEFAULT_RULES,
    OPT_CONFIG,
    OPT_NO_CONFIG,
    OPT_MIN_LEVEL,
    OPT_FAIL_LEVEL,
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
    {"format", 'f', "NAME", OPT_FORMAT, "output format: text (default) or json"},
    {"input-format", 0, "NAME", OPT_INPUT_FORMAT,
     "read inputs as text, markdown or html (default: from the extension)"},
    {"output", 'o', "FILE", OPT_OUTPUT, "write the report to FILE instead of standard output"},
    {"rules", 0, "DIR", OPT_RULES, "load the rule packs in DIR on top of the default ones (repeatable)"},
    {"no-default-rules", 0, NULL, OPT_NO_DEFAULT_RULES, "do not load the default rule packs"},
    {"config", 'c', "FILE", OPT_CONFIG,
     "use this configuration instead of the .whosaid.yml found above each article"},
    {"no-config", 0, NULL, OPT_NO_CONFIG, "use no configuration file"},
    {"min-level", 0, "LEVEL", OPT_MIN_LEVEL,
     "show findings at or above LEVEL: suggestion (default), warning, error"},
    {"fail-level", 0, "LEVEL", OPT_FAIL_LEVEL,
     "exit with status 1 for findings at or above LEVEL (default: error; off: never)"},
    {"help", 'h', NULL, OPT_HELP, "show this help and exit"},
    {"version", 'V', NULL, OPT_VERSION, "show the version and exit"},
};

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
        fprintf(fp, "  %-28s %s\n", left, d->help);
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
    case OPT_FORMAT:
        if ((v = ws_format_from_name(arg)) < 0)
            return usage_error("unknown output format '%s'", arg);
        o->format = v;
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
    case OPT_CONFIG:
        o->config_path = arg;
        break;
    case OPT_NO_CONFIG:
        o->no_config = true;
        break;
    case OPT_MIN_LEVEL:
    case OPT_FAIL_LEVEL:
        if ((v = ws_level_from_name(arg)) < 0)
            return usage_error("unknown level '%s' (suggestion, warning, error, off)", arg);
        if (d->id == OPT_MIN_LEVEL)
            o->min_level = v;
        else
            o->fail_level = v;
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
    return 0;
}
