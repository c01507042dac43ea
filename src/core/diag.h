/* diag.h - filling the caller's ws_diag. */
#ifndef WS_DIAG_H
#define WS_DIAG_H

#include <stdint.h>

#include "whosaid.h"

/*
 * Fill @d (when not NULL) with @code, @file (may be NULL), the position and a
 * printf-style message; returns @code so callers can `return ws_diag_set(...)`.
 */
#if defined(__GNUC__)
__attribute__((format(printf, 7, 8)))
#endif
int ws_diag_set(ws_diag *d, int code, const char *file, uint64_t byte_off, uint32_t line,
                uint32_t col, const char *fmt, ...);

#endif
