/*
 * escape.h - escaping for every output context, in one place so that it can
 * be tested on hostile strings once.
 */
#ifndef WS_ESCAPE_H
#define WS_ESCAPE_H

#include <stddef.h>

#include "core/buf.h"

/* JSON string contents (no surrounding quotes): ", \, controls as \u00XX, U+2028/9. */
int ws_escape_json(ws_buf *out, const char *s, size_t len);

/* HTML text and attribute values: & < > " ' escaped. */
int ws_escape_html(ws_buf *out, const char *s, size_t len);

/* GitHub workflow command data (the message): % CR LF. */
int ws_escape_github_data(ws_buf *out, const char *s, size_t len);

/* GitHub workflow command property values: % CR LF : , as well. */
int ws_escape_github_property(ws_buf *out, const char *s, size_t len);

#endif
