/*
 * output.h - where the report goes: standard output, or a file written
 * atomically (a temporary file beside it, renamed into place only when the
 * whole report was written), so an interrupted run leaves no half report.
 */
#ifndef WS_CLI_OUTPUT_H
#define WS_CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct ws_cli_output {
    FILE *fp;
    const char *path;   /* NULL for standard output */
    char *tmp_path;
} ws_cli_output;

/* Open @path (NULL: standard output). Returns -1 after printing an error. */
int ws_cli_output_open(ws_cli_output *o, const char *path);

/*
 * Finish: on @ok, flush and move the file into place; otherwise remove the
 * temporary file. Returns -1 after printing an error when writing failed.
 */
int ws_cli_output_close(ws_cli_output *o, bool ok);

#endif
