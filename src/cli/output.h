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
    const char *path;   /* NULL for standard output; else the file replaced */
    char *real_path;    /* what a symbolic link @path points to, or NULL */
    char *tmp_path;     /* NULL when written in place (a pipe, a device) */
    bool append;        /* add the finished report to the end of @path */
} ws_cli_output;

/*
 * Open @path (NULL or "-": standard output). With @append the report is
 * still written to a temporary file, then added to the end of @path in one
 * write when complete. A symbolic link is followed: the file it points to
 * is replaced (created, for a dangling link) and the link stays. A path
 * that exists but is no regular
 * file (a named pipe, /dev/null, a terminal) is written in place, as a
 * temporary file cannot be renamed over it. Returns -1 after printing an
 * error.
 */
int ws_cli_output_open(ws_cli_output *o, const char *path, bool append);

/*
 * Finish: on @ok, flush and move the file into place (or append it);
 * otherwise remove the temporary file. Returns -1 after printing an error when writing failed.
 */
int ws_cli_output_close(ws_cli_output *o, bool ok);

#endif
