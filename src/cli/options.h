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

typedef struct ws_cli_options {
    int format;                  /* ws_format */
    int input_format;            /* ws_input_format */
    const char *output;          /* -o FILE, or NULL for stdout */
    const char *rule_dirs[WS_CLI_MAX_RULE_DIRS];
    int n_rule_dirs;
    bool no_default_rules;
    bool show_help;
    bool show_version;
    /* Paths to analyze ("-" is standard input). */
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
