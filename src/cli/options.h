/*
 * options.h - the command line: one table of options (options.c) from which
 * both the parser and --help are made, so they cannot drift apart.
 */
#ifndef WS_CLI_OPTIONS_H
#define WS_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "whosaid.h"

enum { WS_CLI_MAX_RULE_DIRS = 32 };

typedef enum ws_cli_command {
    WS_CMD_CHECK = 0,            /* the default: analyze articles */
    WS_CMD_RULES_LIST,
    WS_CMD_RULES_TEST,
    WS_CMD_CONFIG,
} ws_cli_command;

typedef struct ws_cli_options {
    ws_cli_command command;
    int format;                  /* ws_format */
    int input_format;            /* ws_input_format */
    const char *output;          /* -o FILE, or NULL for stdout */
    const char *rule_dirs[WS_CLI_MAX_RULE_DIRS];
    int n_rule_dirs;
    bool no_default_rules;
    const char *config_path;     /* --config FILE: instead of searching */
    bool no_config;              /* --no-config */
    int min_level;               /* ws_level, or -1 for the configuration's */
    int fail_level;              /* ws_level, or -1 */
    bool show_help;
    bool show_version;
    /* Paths to analyze ("-" is standard input); for "rules test" the packs,
     * for "config" the article. */
    char **paths;
    int n_paths;
} ws_cli_options;

/*
 * Parse argv into @o. Returns 0, or 2 after printing a usage error on
 * stderr (the exit status for usage errors).
 */
int ws_cli_parse(int argc, char **argv, ws_cli_options *o);

/* Print the usage text made from the option table. */
void ws_cli_usage(FILE *fp);

#endif
