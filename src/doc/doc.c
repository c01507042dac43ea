/* doc.c - lifetime of the document model and its position helpers. */
#include "doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ws_doc_init(ws_doc *doc, const ws_allocator *mem)
{
    memset(doc, 0, sizeof *doc);
    doc->mem = mem;
    ws_arena_init(&doc->arena, mem);
    ws_offmap_init(&doc->map, mem);
}

void ws_doc_release(ws_doc *doc)
{
    const ws_allocator *mem = doc->mem;
    ws_offmap_release(&doc->map);
    ws_free(mem, doc->blocks.v);
    ws_free(mem, doc->comments.v);
    ws_free(mem, doc->markup_quote_opens.v);
    ws_free(mem, doc->quotes.v);
    ws_free(mem, doc->quote_frags.v);
    ws_free(mem, doc->tokens.v);
    ws_free(mem, doc->key_off);
    ws_free(mem, doc->stops.v);
    ws_free(mem, doc->sentences.v);
    ws_free(mem, doc->problems.v);
    ws_arena_release(&doc->arena);
    memset(doc, 0, sizeof *doc);
}

int ws_doc_add_problem(ws_doc *doc, ws_problem_kind kind, uint32_t start, uint32_t end,
                       const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int rc = WS_ARRAY_GROW(doc->mem, doc->problems);
    if (rc < 0)
        return rc;
    const char *copy = ws_arena_strdup(&doc->arena, msg);
    if (!copy)
        return WS_ENOMEM;
    doc->problems.v[doc->problems.n++] = (ws_doc_problem){kind, {start, end}, copy};
    return WS_OK;
}

int32_t ws_doc_block_at(const ws_doc *doc, uint32_t off)
{
    size_t lo = 0, hi = doc->blocks.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->blocks.v[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return -1;
    const ws_block *b = &doc->blocks.v[lo - 1];
    return off <= b->end ? (int32_t)(lo - 1) : -1;
}

uint32_t ws_doc_token_at(const ws_doc *doc, uint32_t off)
{
    /* A search without branches on the comparisons (each halving picks its
     * base by a conditional move): the offsets asked for follow no pattern
     * the processor could predict, and a mispredicted branch a level cost
     * more than the loads. */
    const ws_token *v = doc->tokens.v;
    size_t base = 0, n = doc->tokens.n;
    if (n == 0)
        return 0;
    while (n > 1) {
        size_t half = n / 2;
        base = v[base + half - 1].start < off ? base + half : base;
        n -= half;
    }
    return (uint32_t)(base + (v[base].start < off));
}
