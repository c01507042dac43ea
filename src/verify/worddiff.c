/*
 * worddiff.c - aligning a quotation with a source stretch (see worddiff.h).
 *
 * A dynamic programme over quote items (rows) and source words (columns),
 * global on the quote and free at both ends of the source. A word found in
 * order scores W, more than the window has words; a source word left out
 * inside the stretch costs 1; a quoted word not in the source costs nothing
 * by itself (it simply does not score). So the alignment has the most
 * words in order, then the most compact stretch. An ellipsis row skips
 * source words for free, a bracket row takes 0 to WS_BRACKET_MAX_WORDS of
 * them for free: marked edits never count against the quotation.
 */
#include "verify/worddiff.h"

#include <string.h>

#include "verify/source_index.h"

enum {
    MV_START = 0,
    MV_MATCH,
    MV_ADD,
    MV_DROP,
    MV_ENTER,      /* into an ellipsis row: nothing more left out */
    MV_SKIP,       /* a source word left out at the ellipsis */
    MV_BRACKET0,   /* + k: a bracket standing for k source words */
};

static int push(const ws_allocator *mem, ws_alignment *a, uint8_t kind, uint32_t q, uint32_t s0,
                uint32_t s1)
{
    int rc = WS_ARRAY_GROW(mem, a->moves);
    if (rc < 0)
        return rc;
    a->moves.v[a->moves.n++] = (ws_move){kind, q, s0, s1};
    return WS_OK;
}

/* Moves were pushed from the end: reverse them, and join the words of one ellipsis. */
static void reverse_and_join(ws_alignment *a)
{
    size_t n = a->moves.n;
    for (size_t i = 0; i < n / 2; i++) {
        ws_move t = a->moves.v[i];
        a->moves.v[i] = a->moves.v[n - 1 - i];
        a->moves.v[n - 1 - i] = t;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        ws_move m = a->moves.v[i];
        if (k && m.kind == WS_MOVE_ELIDED && a->moves.v[k - 1].kind == WS_MOVE_ELIDED &&
            a->moves.v[k - 1].q == m.q && a->moves.v[k - 1].s1 == m.s0) {
            a->moves.v[k - 1].s1 = m.s1;
            continue;
        }
        a->moves.v[k++] = m;
    }
    a->moves.n = k;
}

int ws_align(const ws_allocator *mem, ws_align_scratch *scratch, const ws_qitem *q, uint32_t nq,
             const uint32_t *s, uint32_t ns, ws_alignment *out)
{
    out->moves.n = 0;
    out->n_matched = out->n_dropped = 0;
    const size_t cols = (size_t)ns + 1;
    const size_t cells = ((size_t)nq + 1) * cols;
    int rc;
    if ((rc = ws_array_reserve(mem, &scratch->rows, &scratch->rows_cap, 2 * cols,
                               sizeof *scratch->rows)) < 0 ||
        (rc = ws_array_reserve(mem, &scratch->moves, &scratch->moves_cap, cells, 1)) < 0)
        return rc;
    const int32_t W = (int32_t)ns + 1;
    int32_t *prev = scratch->rows, *cur = scratch->rows + cols;
    uint8_t *moves = scratch->moves;
    for (size_t j = 0; j < cols; j++) {
        prev[j] = 0;
        moves[j] = MV_START;
    }
    for (uint32_t i = 1; i <= nq; i++) {
        const ws_qitem *it = &q[i - 1];
        uint8_t *mv = moves + (size_t)i * cols;
        for (size_t j = 0; j < cols; j++) {
            int32_t best = prev[j];
            uint8_t m;
            switch (it->kind) {
            case WS_QI_ELIDE:
                m = MV_ENTER;
                if (j > 0 && cur[j - 1] > best) {
                    best = cur[j - 1];
                    m = MV_SKIP;
                }
                break;
            case WS_QI_BRACKET:
                m = MV_BRACKET0;
                for (size_t k = 1; k <= WS_BRACKET_MAX_WORDS && k <= j; k++) {
                    if (prev[j - k] > best) {
                        best = prev[j - k];
                        m = (uint8_t)(MV_BRACKET0 + k);
                    }
                }
                break;
            default:
                m = MV_ADD;
                if (j > 0 && it->word != WS_NO_WORD && it->word == s[j - 1] && prev[j - 1] + W > best) {
                    best = prev[j - 1] + W;
                    m = MV_MATCH;
                }
                if (j > 0 && cur[j - 1] - 1 > best) {
                    best = cur[j - 1] - 1;
                    m = MV_DROP;
                }
                break;
            }
            cur[j] = best;
            mv[j] = m;
        }
        int32_t *t = prev;
        prev = cur;
        cur = t;
    }
    /* The best end; the earliest of equals keeps the stretch short. */
    size_t j = 0;
    for (size_t k = 1; k < cols; k++)
        if (prev[k] > prev[j])
            j = k;
    uint32_t i = nq;
    while (i > 0 && rc >= 0) {
        uint8_t m = moves[(size_t)i * cols + j];
        switch (m) {
        case MV_MATCH:
            rc = push(mem, out, WS_MOVE_MATCH, i - 1, (uint32_t)j - 1, (uint32_t)j);
            out->n_matched++;
            i--;
            j--;
            break;
        case MV_ADD:
            rc = push(mem, out, WS_MOVE_ADD, i - 1, 0, 0);
            i--;
            break;
        case MV_DROP:
            rc = push(mem, out, WS_MOVE_DROP, UINT32_MAX, (uint32_t)j - 1, (uint32_t)j);
            out->n_dropped++;
            j--;
            break;
        case MV_ENTER:
            i--;
            break;
        case MV_SKIP:
            rc = push(mem, out, WS_MOVE_ELIDED, i - 1, (uint32_t)j - 1, (uint32_t)j);
            j--;
            break;
        default: {
            size_t k = (size_t)(m - MV_BRACKET0);
            rc = push(mem, out, WS_MOVE_BRACKET, i - 1, (uint32_t)(j - k), (uint32_t)j);
            i--;
            j -= k;
            break;
        }
        }
    }
    if (rc >= 0)
        reverse_and_join(out);
    return rc;
}

void ws_alignment_release(const ws_allocator *mem, ws_alignment *a)
{
    ws_free(mem, a->moves.v);
    memset(a, 0, sizeof *a);
}

void ws_align_scratch_release(const ws_allocator *mem, ws_align_scratch *scratch)
{
    ws_free(mem, scratch->rows);
    ws_free(mem, scratch->moves);
    memset(scratch, 0, sizeof *scratch);
}
