/*
 * inputs.h - what the command line names: files, directories walked for
 * article extensions, and "-" for standard input; and reading them.
 */
#ifndef WS_CLI_INPUTS_H
#define WS_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What ws_cli_read() knows of a file before opening it: nothing (it asks
 * fstat()), that it is neither regular nor a directory (a FIFO, a device:
 * read to its end), or a regular file's size. */
#define WS_CLI_SIZE_UNKNOWN SIZE_MAX
#define WS_CLI_NOT_REGULAR (SIZE_MAX - 1)

typedef struct ws_cli_inputs {
    char **paths;      /* malloc'd strings, in the order to process */
    /* For each path, what the stat() that collected it found (a
     * WS_CLI_SIZE_UNKNOWN or WS_CLI_NOT_REGULAR, or a regular file's
     * size): the read needs no fstat() of its own. */
    size_t *sizes;
    size_t n;
    size_t cap;
    int n_errors;      /* paths that could not be used (reported on stderr) */
} ws_cli_inputs;

/*
 * Expand @paths: a directory is walked recursively (sorted; symbolic links to
 * directories followed once, loops reported and skipped) for .txt, .md,
 * .markdown, .html, .htm files; a file is taken whatever its name. Problems
 * are printed on stderr and counted in n_errors. Returns -1 only when out of
 * memory.
 */
int ws_cli_collect(char **paths, int n_paths, ws_cli_inputs *out);
void ws_cli_inputs_free(ws_cli_inputs *in);

/*
 * Is @path (an output about to be written) one of the inputs, by device
 * and inode, so that writing it would destroy an article? A path that does
 * not exist yet, or is not a regular file, is none.
 */
bool ws_cli_is_input(const ws_cli_inputs *in, const char *path);

/*
 * Read all of @path ("-" for standard input) into *data (malloc'd, NUL
 * added). On failure returns -1 with a message in @err.
 */
int ws_cli_read(const char *path, char **data, size_t *len, char *err, size_t err_len);

/*
 * ws_cli_read() of a file whose stat() was already taken: @known is what
 * it found (see WS_CLI_SIZE_UNKNOWN). A file that has changed since, in
 * size or into a directory, is read or refused as ws_cli_read() would.
 */
int ws_cli_read_known(const char *path, size_t known, char **data, size_t *len, char *err, size_t err_len);

#endif
