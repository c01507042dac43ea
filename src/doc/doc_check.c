/*
 * doc_check.c - the document model's invariants (listed in doc.h), for tests
 * and debug builds: a broken offset or an unordered range is caught where it
 * is made, not where it is printed.
 */
#include <stdarg.h>
#include <stdio.h>

#include "doc/doc.h"

/* The format attribute lets clang's -Wformat-nonliteral accept the vfprintf. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int fail(bool verbose, const char *fmt, ...)
{
    if (verbose) {
        va_list ap;
        va_start(ap, fmt);
        fputs("doc_check: ", stderr);
        vfprintf(stderr, fmt, ap);
        fputc('\n', stderr);
        va_end(ap);
    }
    return 1;
}

static bool is_boundary(const ws_doc *doc, uint32_t off)
{
    return off == doc->text_len || ((unsigned char)doc->text[off] & 0xC0) != 0x80;
}

int ws_doc_check(const ws_doc *doc, bool verbose)
{
    int n = 0;
    if (doc->text && doc->text[doc->text_len] != '\0')
        n += fail(verbose, "text is not NUL-terminated");
    for (size_t i = 0; i < doc->blocks.n; i++) {
        const ws_block *b = &doc->blocks.v[i];
        if (b->start > b->end || b->end > doc->text_len)
            n += fail(verbose, "block %zu [%u,%u) outside the text", i, b->start, b->end);
        if (i && doc->blocks.v[i - 1].end > b->start)
            n += fail(verbose, "block %zu overlaps block %zu", i, i - 1);
        if (!is_boundary(doc, b->start) || !is_boundary(doc, b->end))
            n += fail(verbose, "block %zu cuts a UTF-8 sequence", i);
    }
    for (size_t i = 0; i < doc->map.segs.n; i++) {
        const ws_offmap_seg *s = &doc->map.segs.v[i];
        if ((uint64_t)s->src_off + s->src_len > doc->src_len)
            n += fail(verbose, "map segment %zu points past the input", i);
        if (i) {
            const ws_offmap_seg *p = &doc->map.segs.v[i - 1];
            if (p->text_off + p->text_len > s->text_off)
                n += fail(verbose, "map segments %zu and %zu overlap in the text", i - 1, i);
            if (p->src_off > s->src_off)
                n += fail(verbose, "map segment %zu goes backwards in the input", i);
        }
    }
    for (size_t i = 0; i < doc->tokens.n; i++) {
        const ws_token *t = &doc->tokens.v[i];
        if (t->start >= t->end || t->end > doc->text_len)
            n += fail(verbose, "token %zu [%u,%u) is empty or outside the text", i, t->start, t->end);
        if (i && doc->tokens.v[i - 1].end > t->start)
            n += fail(verbose, "token %zu overlaps the one before", i);
        if (ws_doc_block_at(doc, t->start) < 0)
            n += fail(verbose, "token %zu is outside every block", i);
        if (doc->sentences.n && t->sentence >= doc->sentences.n)
            n += fail(verbose, "token %zu has no sentence", i);
    }
    size_t next_tok = 0;
    for (size_t i = 0; i < doc->sentences.n; i++) {
        const ws_sentence *s = &doc->sentences.v[i];
        if (s->tok_start != next_tok || s->tok_end <= s->tok_start)
            n += fail(verbose, "sentence %zu does not continue the token order", i);
        next_tok = s->tok_end;
    }
    if (doc->sentences.n && next_tok != doc->tokens.n)
        n += fail(verbose, "sentences cover %zu of %zu tokens", next_tok, doc->tokens.n);
    for (size_t i = 0; i < doc->quotes.n; i++) {
        const ws_quote *q = &doc->quotes.v[i];
        if (q->open.start > q->open.end || q->open.end > q->close.start ||
            q->close.start > q->close.end || q->close.end > doc->text_len)
            n += fail(verbose, "quotation %zu has disordered marks", i);
        if (i && doc->quotes.v[i - 1].open.start > q->open.start)
            n += fail(verbose, "quotation %zu is out of order", i);
        for (uint32_t f = 0; f < q->n_frags; f++) {
            ws_range r = doc->quote_frags.v[q->frag_first + f];
            if (r.start >= r.end || r.start < q->open.end || r.end > q->close.start)
                n += fail(verbose, "quotation %zu fragment %u lies outside its marks", i, f);
        }
        if (q->parent >= 0) {
            const ws_quote *p = &doc->quotes.v[q->parent];
            if ((size_t)q->parent >= i || p->open.start > q->open.start || p->close.end < q->close.end)
                n += fail(verbose, "quotation %zu is not inside its parent", i);
        }
    }
    return n;
}
