/*
 * messages.h - what whosaid says on standard error. File names come from
 * the disk and may hold control characters: they are shown escaped, so
 * that a name cannot move the cursor or retitle the terminal.
 */
#ifndef WS_CLI_MESSAGES_H
#define WS_CLI_MESSAGES_H

#include <stdio.h>

#include "whosaid.h"

/*
 * Print "whosaid: PATH:LINE:COL: MESSAGE" on stderr; without LINE (0) the
 * position is left out, without PATH (NULL) the file too.
 */
void ws_cli_error(const char *path, unsigned line, unsigned col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Print a ws_diag the same way. */
void ws_cli_print_diag(const ws_diag *d);

/*
 * Send the messages of the calling thread to @fp from now on (NULL: back
 * to stderr): a thread whose messages must come out after those of
 * another holds them until then.
 */
void ws_cli_messages_to(FILE *fp);

#endif
