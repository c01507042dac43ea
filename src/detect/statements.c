/*
 * statements.c - statements from quotations: every top-level quotation that
 * is not a title is a statement, direct when it reads as a sentence of its
 * own, partial when it is a phrase worked into the writer's sentence.
 */
#include "detect/pass.h"
#include "text/utf8.h"

int ws_pass_statements(ws_report *r)
{
    ws_doc *doc = &r->doc;
    for (size_t i = 0; i < doc->quotes.n; i++) {
        ws_quote *q = &doc->quotes.v[i];
        if (q->parent >= 0 || (q->flags & WS_QUOTE_TITLE) || q->n_frags == 0)
            continue;
        const ws_range *frags = doc->quote_frags.v + q->frag_first;
        int32_t first = ws_doc_cp(doc, frags[0].start);
        bool is_sentence = ws_cp_is_upper(first) || ws_cp_is_digit(first) ||
                           (q->flags & WS_QUOTE_BLOCK);
        ws_stmt st = {0};
        st.kind = is_sentence && !(q->flags & WS_QUOTE_SHORT) ? WS_STATEMENT_DIRECT
                                                               : WS_STATEMENT_PARTIAL;
        st.speaker = -1;
        st.quotation = (int32_t)i;
        int idx = ws_report_add_stmt(r, &st, frags, q->n_frags);
        if (idx < 0)
            return idx;
        q->statement = idx;
    }
    return WS_OK;
}
