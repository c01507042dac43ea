/*
 * options.h - the command line: one table of options (options.c) from which
 * both the parser and --help are made, so they cannot drift apart.
 */
#ifndef WS_CLI_OPTIONS_H
#define WS_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "whosaid.h"

enum { WS_CLI_MAX_RULE_DIRS = 32, WS_CLI_MAX_OUTPUTS = 16, WS_CLI_MAX_SOURCES = 32,
       WS_CLI_MAX_JOBS = 256 };

typedef enum ws_cli_color {
    WS_COLOR_AUTO = 0,           /* on a terminal, unless NO_COLOR is set */
    WS_COLOR_ALWAYS,
    WS_COLOR_NEVER,
} ws_cli_color;

/* One report to write: a format and where it goes. */
typedef struct ws_cli_output_spec {
    int format;                  /* ws_format */
    const char *path;            /* NULL or "-": standard output */
    bool append;                 /* --summary: add to the file, as job summaries expect */
} ws_cli_output_spec;

typedef enum ws_cli_command {
    WS_CMD_CHECK = 0,            /* the default: analyze articles */
    WS_CMD_RULES_LIST,
    WS_CMD_RULES_TEST,
    WS_CMD_CONFIG,
} ws_cli_command;

typedef struct ws_cli_options {
    ws_cli_command command;
    int format;                  /* ws_format of the main output (--format NAME) */
    bool has_format;             /* --format NAME was given */
    int input_format;            /* ws_input_format */
    const char *output;          /* -o FILE, or NULL for stdout */
    /* --format NAME=FILE and --summary FILE, in command-line order. */
    ws_cli_output_spec outputs[WS_CLI_MAX_OUTPUTS];
    int n_outputs;
    int color;                   /* ws_cli_color */
    const char *rule_dirs[WS_CLI_MAX_RULE_DIRS];
    int n_rule_dirs;
    const char *sources[WS_CLI_MAX_SOURCES];   /* --sources: files or folders quotations are checked against */
    int n_sources;
    bool no_default_rules;
    const char *config_path;     /* --config FILE: instead of searching */
    bool no_config;              /* --no-config */
    int min_level;               /* ws_level, or -1 for the configuration's */
    int fail_level;              /* ws_level, or -1 */
    int jobs;                    /* -j: threads (0: one per processor) */
    bool jsonl;                  /* --jsonl: batch requests on standard input */
    const char *baseline;        /* --baseline FILE: accepted findings */
    const char *write_baseline;  /* --write-baseline FILE */
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

/*
 * The reports a check run writes, in order: the main output (--format NAME
 * to -o FILE or standard output) unless only NAME=FILE outputs were asked
 * for, then the others. Returns how many, or -1 (2 for the exit status)
 * after printing a usage error: two reports on standard output or in one file.
 */
int ws_cli_outputs(const ws_cli_options *o, ws_cli_output_spec *out, int cap);

#endif
