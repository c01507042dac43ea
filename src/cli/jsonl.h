/*
 * jsonl.h - the batch worker's input: one JSON object per line,
 * {"id": ..., "text": "...", "format": "markdown"}. Only what a worker needs
 * is read: the id is kept as written (a string or a number) to be echoed back,
 * the text is decoded, other members are skipped whatever their type.
 */
#ifndef WS_CLI_JSONL_H
#define WS_CLI_JSONL_H

#include <stddef.h>

typedef struct ws_jsonl_request {
    char *id;          /* the id's JSON text ("17", "\"a.txt\""), or NULL when absent */
    char *text;        /* decoded UTF-8; may hold NUL bytes (see text_len) */
    size_t text_len;
    char *format;      /* "text", "markdown", "html", or NULL for the default */
    char *path;        /* an optional "path" member: the name shown in findings */
} ws_jsonl_request;

/*
 * Parse @line (@len bytes, no line feed). Returns 0, or -1 with a message
 * and the 1-based column of the fault, in code points, in @err / *col; then
 * only req->id may be set (when the id was read before the fault): free it
 * with ws_jsonl_request_free().
 */
int ws_jsonl_parse(const char *line, size_t len, ws_jsonl_request *req, char *err, size_t err_len,
                   size_t *col);

void ws_jsonl_request_free(ws_jsonl_request *req);

#endif
