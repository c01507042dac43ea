/*
 * baseline.h - accepted findings. A baseline file lists findings by rule,
 * article path and fingerprint (the matched text and its context, never a
 * line number), so that a newsroom can adopt whosaid on an archive: the
 * findings of today are accepted, only new ones are reported, and edits
 * elsewhere in an article do not bring the old ones back.
 *
 * The file is text: a first line "# whosaid baseline 1", then one finding
 * per line as RULE TAB PATH TAB FINGERPRINT, sorted. Paths are as given on
 * the command line, without a leading "./", with backslash, tab, LF and CR
 * written \\, \t, \n and \r.
 */
#ifndef WS_CLI_BASELINE_H
#define WS_CLI_BASELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "whosaid.h"

typedef struct ws_cli_baseline {
    char **keys;       /* open addressing; NULL: empty slot */
    size_t cap;
    size_t n;
} ws_cli_baseline;

/* Read @path into @b; on error prints "whosaid: FILE:LINE: ..." and returns -1. */
int ws_cli_baseline_load(ws_cli_baseline *b, const char *path);

/* Is the finding @f of the article @path in @b? */
bool ws_cli_baseline_has(const ws_cli_baseline *b, const char *path, const ws_finding *f);

/* Add the finding (for writing a baseline); -1 when out of memory. */
int ws_cli_baseline_add(ws_cli_baseline *b, const char *path, const ws_finding *f);

/* Write @b to @path atomically (a temporary file renamed); -1 after printing why not. */
int ws_cli_baseline_write(const ws_cli_baseline *b, const char *path);

void ws_cli_baseline_free(ws_cli_baseline *b);

#endif
