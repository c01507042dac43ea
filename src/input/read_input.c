/*
 * read_input.c - the one way in for articles and sources alike, so that a
 * quotation and its source get the same text and offset map.
 */
#include "reader.h"

int ws_read_input(ws_doc *doc, const char *data, uint32_t len)
{
    doc->src = ws_arena_strndup(&doc->arena, data, len);
    if (!doc->src)
        return WS_ENOMEM;
    doc->src_len = len;
    int rc = ws_offmap_index_source(&doc->map, doc->src, doc->src_len);
    if (rc < 0)
        return rc;
    switch (doc->format) {
    case WS_INPUT_MARKDOWN: return ws_read_markdown(doc);
    case WS_INPUT_HTML: return ws_read_html(doc);
    default: return ws_read_text(doc);
    }
}
