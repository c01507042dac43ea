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
    bool append;        /* add the finished report to the end of @path */
} ws_cli_output;

/*
 * Open @path (NULL or "-": standard output). With @append the report is
 * still written to a temporary file, then added to the end of @path in one
 * write when complete. Returns -1 after printing an error.
 */
int ws_cli_output_open(ws_cli_output *o, const char *path, bool append);

/*
 * Finish: on @ok, flush and move the file into place (or append it);
 * otherwise remove the temporary file. Returns -1 after printing an error when writing failed.
 */
int ws_cli_output_close(ws_cli_output *o, bool ok);

#endif
