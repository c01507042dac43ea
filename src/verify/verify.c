/*
 * verify.c - checking one quotation against the sources (see verify.h).
 *
 * Candidates come from the n-gram index: every n-gram of consecutive quoted
 * words votes for the diagonal (source token - quote position) where it is
 * found. A passage with a few edits keeps its hits on nearby diagonals, so
 * hits are clustered by diagonal, and the best clusters (by how many
 * different quote positions they cover) are aligned word by word with a
 * window of the source around them. The best alignment decides.
 */
#include "verify/verify.h"

#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"
#include "verify/words.h"

enum {
    /* The rarest n-grams of a quotation that are found vote; more add little but time. */
    MAX_VOTING_GRAMS = 8,
    /* An n-gram found more often than this votes only when no rarer one is found. */
    MAX_POSTINGS = 2000,
    /* Hits considered per quotation, at most. */
    MAX_HITS = 1 << 16,
    /* Clusters aligned per quotation. */
    MAX_CANDIDATES = 4,
    /* Hits of one passage may drift apart by this many words more than the quote has... */
    CLUSTER_GAP = 8,
    /* ... and by this many more across an ellipsis, which may leave out a paragraph. */
    ELISION_GAP = 1024,
    /* Source words around a cluster that an alignment may reach. */
    WINDOW_PAD = 8,
    /* The widest window aligned. */
    MAX_WINDOW = 8192,
};

void ws_verifier_init(ws_verifier *v, const ws_allocator *mem, const ws_source_index *ix)
{
    memset(v, 0, sizeof *v);
    v->mem = mem;
    v->ix = ix;
    ws_buf_init(&v->key, mem);
}

void ws_verifier_release(ws_verifier *v)
{
    ws_free(v->mem, v->items.v);
    ws_free(v->mem, v->grams.v);
    ws_free(v->mem, v->hits.v);
    ws_free(v->mem, v->seen.v);
    ws_align_scratch_release(v->mem, &v->scratch);
    ws_alignment_release(v->mem, &v->cand);
    ws_buf_release(&v->key);
    memset(v, 0, sizeof *v);
}

/* ------------------------------------------------------------------------ */
/* The quotation's words and marks                                          */
/* ------------------------------------------------------------------------ */

static int add_item(ws_verifier *v, ws_qitem it)
{
    if (v->items.n >= WS_VERIFY_MAX_ITEMS)
        return WS_OK;
    /* One ellipsis stands for any run of them. */
    if (it.kind == WS_QI_ELIDE && v->items.n && v->items.v[v->items.n - 1].kind == WS_QI_ELIDE) {
        v->items.v[v->items.n - 1].end = it.end;
        return WS_OK;
    }
    int rc = WS_ARRAY_GROW(v->mem, v->items);
    if (rc < 0)
        return rc;
    if (it.kind == WS_QI_ELIDE)
        v->has_elision = true;
    if (it.kind == WS_QI_WORD) {
        bool after_gap = !v->items.n || v->items.v[v->items.n - 1].kind == WS_QI_ELIDE;
        if (after_gap)
            it.flags |= WS_QIF_CASE_FREE;
        v->n_words++;
    }
    v->items.v[v->items.n++] = it;
    return WS_OK;
}

/* The id of the key in v->key. */
static uint32_t lookup_key(const ws_verifier *v)
{
    return ws_source_index_word(v->ix, v->key.data ? v->key.data : "", v->key.len);
}

static bool is_ellipsis_text(const char *s, uint32_t start, uint32_t end)
{
    unsigned n_dots = 0;
    for (uint32_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '.')
            n_dots++;
        else if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
                 (unsigned char)s[i + 2] == 0xA6) {
            n_dots += 3;
            i += 2;
        } else if (c != ' ') {
            return false;
        }
    }
    return n_dots >= 3;
}

static bool is_sic(const char *s, uint32_t start, uint32_t end)
{
    return end - start == 3 && (s[start] | 32) == 's' && (s[start + 1] | 32) == 'i' &&
           (s[start + 2] | 32) == 'c';
}

/* A bracket group [lb, rb] (rb at the ']'); *next receives where scanning goes on. */
static int parse_bracket(ws_verifier *v, const char *t, uint32_t fe, uint32_t lb, uint32_t rb,
                         uint32_t *next)
{
    *next = rb + 1;
    if (is_ellipsis_text(t, lb + 1, rb))
        return add_item(v, (ws_qitem){WS_QI_ELIDE, 0, WS_NO_WORD, lb, rb + 1});
    if (is_sic(t, lb + 1, rb))
        return WS_OK;
    /* "[W]e", "[t]hey": a bracketed letter that starts a word changes its case. */
    uint32_t pos = rb + 1, ws, we;
    if (rb > lb + 1 && ws_vword_starts(t, fe, rb + 1) && ws_vword_next(t, fe, &pos, &ws, &we)) {
        int rc;
        v->key.len = 0;
        if ((rc = ws_vword_key(t, lb + 1, rb, true, &v->key)) < 0 ||
            (rc = ws_vword_key(t, ws, we, true, &v->key)) < 0)
            return rc;
        *next = we;
        return add_item(v, (ws_qitem){WS_QI_WORD, WS_QIF_BRACKETED, lookup_key(v), lb, we});
    }
    return add_item(v, (ws_qitem){WS_QI_BRACKET, 0, WS_NO_WORD, lb, rb + 1});
}

int ws_verifier_parse(ws_verifier *v, const char *text, const ws_range *frags, size_t n_frags)
{
    v->text = text;
    v->items.n = 0;
    v->n_words = 0;
    v->has_elision = false;
    int rc = WS_OK;
    for (size_t f = 0; f < n_frags && rc >= 0; f++) {
        uint32_t i = frags[f].start, fe = frags[f].end;
        while (i < fe && rc >= 0) {
            unsigned char c = (unsigned char)text[i];
            if (c == '[') {
                const char *rb = memchr(text + i + 1, ']', fe - i - 1);
                const char *nested = memchr(text + i + 1, '[', fe - i - 1);
                if (rb && (!nested || nested > rb)) {
                    rc = parse_bracket(v, text, fe, i, (uint32_t)(rb - text), &i);
                    continue;
                }
            } else if (c == '.') {
                /* "..." or ". . .": three periods or more, single spaces allowed between. */
                uint32_t k = i, n_dots = 0;
                while (k < fe && (text[k] == '.' || (text[k] == ' ' && k + 1 < fe && text[k + 1] == '.'))) {
                    n_dots += text[k] == '.';
                    k++;
                }
                if (n_dots >= 3)
                    rc = add_item(v, (ws_qitem){WS_QI_ELIDE, 0, WS_NO_WORD, i, k});
                i = k;
                continue;
            } else if (c == 0xE2 && i + 2 < fe && (unsigned char)text[i + 1] == 0x80 &&
                       (unsigned char)text[i + 2] == 0xA6) {
                rc = add_item(v, (ws_qitem){WS_QI_ELIDE, 0, WS_NO_WORD, i, i + 3});
                i += 3;
                continue;
            } else if (ws_vword_starts(text, fe, i)) {
                uint32_t ws, we;
                ws_vword_next(text, fe, &i, &ws, &we);
                v->key.len = 0;
                if ((rc = ws_vword_key(text, ws, we, true, &v->key)) >= 0)
                    rc = add_item(v, (ws_qitem){WS_QI_WORD, 0, lookup_key(v), ws, we});
                continue;
            }
            i += (uint32_t)ws_utf8_seqlen(c);
        }
    }
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Candidates                                                               */
/* ------------------------------------------------------------------------ */

static int cmp_hit(const void *a, const void *b)
{
    const ws_vhit *x = a, *y = b;
    if (x->source != y->source)
        return x->source < y->source ? -1 : 1;
    if (x->turn != y->turn)
        return x->turn < y->turn ? -1 : 1;
    if (x->diag != y->diag)
        return x->diag < y->diag ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

static int cmp_gram(const void *a, const void *b)
{
    const ws_vgram *x = a, *y = b;
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    return x->j < y->j ? -1 : x->j > y->j;
}

/*
 * Hits of the quotation's n-grams, the rarest first: the first
 * MAX_VOTING_GRAMS n-grams found anywhere vote, and common ones (more than
 * MAX_POSTINGS in their bucket) only when nothing rarer is found. An edited
 * n-gram is simply not found, so a few edits leave enough voters.
 */
static int collect_hits(ws_verifier *v)
{
    const ws_source_index *ix = v->ix;
    const unsigned g = ix->gram_n;
    const ws_qitem *it = v->items.v;
    uint32_t ids[4];
    int rc;
    v->grams.n = 0;
    for (uint32_t j = 0; j + g <= v->items.n; j++) {
        bool usable = true;
        for (unsigned k = 0; k < g && usable; k++) {
            usable = it[j + k].kind == WS_QI_WORD && it[j + k].word != WS_NO_WORD;
            ids[k] = it[j + k].word;
        }
        if (!usable)
            continue;
        if ((rc = WS_ARRAY_GROW(v->mem, v->grams)) < 0)
            return rc;
        size_t n;
        uint32_t fp;
        const uint32_t *postings = ws_source_index_bucket(ix, ids, &n, &fp);
        v->grams.v[v->grams.n++] = (ws_vgram){j, (uint32_t)n, fp, postings};
    }
    if (v->grams.n > 1)
        qsort(v->grams.v, v->grams.n, sizeof *v->grams.v, cmp_gram);
    unsigned n_voting = 0;
    for (size_t k = 0; k < v->grams.n && n_voting < MAX_VOTING_GRAMS; k++) {
        const ws_vgram *gr = &v->grams.v[k];
        if (gr->n > MAX_POSTINGS && v->hits.n)
            break;
        for (unsigned q = 0; q < g; q++)
            ids[q] = it[gr->j + q].word;
        size_t before = v->hits.n;
        /* A hit is only a vote: the alignment reads the words again. With a
         * fingerprint of 6 bits or more, one foreign n-gram in 64 or fewer
         * votes by mistake, which costs less than reading every hit's words
         * (a cache miss each). */
        const bool is_checked = ix->fp_bits < 6;
        for (size_t p = 0; p < gr->n && v->hits.n < MAX_HITS; p++) {
            if (ws_posting_fp(ix, gr->postings[p]) != gr->fp)
                continue;
            uint32_t tok = ws_posting_tok(ix, gr->postings[p]);
            if (is_checked) {
                const uint32_t *at = ix->tok_word.v + tok;
                bool same = true;
                for (unsigned q = 0; q < g && same; q++)
                    same = at[q] == ids[q];
                if (!same)
                    continue;
            }
            if ((rc = WS_ARRAY_GROW(v->mem, v->hits)) < 0)
                return rc;
            uint32_t source = ws_source_index_source_of(ix, tok), lo, hi;
            uint32_t turn = ws_source_index_turn_at(ix, ix->sources.v[source], tok, &lo, &hi);
            v->hits.v[v->hits.n++] = (ws_vhit){source, turn, gr->j, (int64_t)tok - gr->j};
        }
        n_voting += v->hits.n > before;
    }
    return WS_OK;
}

typedef struct cluster {
    uint32_t source;
    uint32_t turn;
    uint32_t tok;          /* a token of its first hit: in the turn */
    int64_t diag_min;
    int64_t diag_max;
    uint32_t score;        /* different quote positions hit */
    uint32_t order;
} cluster;

static int cmp_cluster(const void *a, const void *b)
{
    const cluster *x = a, *y = b;
    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The best clusters of hits into @out (at most MAX_CANDIDATES); returns how many. */
static size_t best_clusters(ws_verifier *v, cluster *out)
{
    size_t n_out = 0;
    if (!v->hits.n)
        return 0;
    qsort(v->hits.v, v->hits.n, sizeof *v->hits.v, cmp_hit);
    int64_t gap = CLUSTER_GAP + (int64_t)v->items.n / 2 + (v->has_elision ? ELISION_GAP : 0);
    cluster cur = {0};
    uint32_t stamp = 0;
    for (size_t h = 0; h <= v->hits.n; h++) {
        const ws_vhit *hit = h < v->hits.n ? &v->hits.v[h] : NULL;
        bool starts = !hit || h == 0 || hit->source != cur.source || hit->turn != cur.turn ||
                      hit->diag - cur.diag_max > gap;
        if (starts && h > 0) {
            /* Keep the cluster if it beats the weakest kept one. */
            if (n_out < MAX_CANDIDATES) {
                out[n_out++] = cur;
            } else if (cur.score > out[n_out - 1].score) {
                out[n_out - 1] = cur;
            }
            qsort(out, n_out, sizeof *out, cmp_cluster);
        }
        if (!hit)
            break;
        if (starts) {
            cur = (cluster){hit->source, hit->turn, (uint32_t)(hit->diag + hit->j), hit->diag,
                            hit->diag, 0, (uint32_t)h};
            stamp++;
        }
        cur.diag_max = hit->diag;
        if (v->seen.v[hit->j] != stamp) {
            v->seen.v[hit->j] = stamp;
            cur.score++;
        }
    }
    return n_out;
}

/* ------------------------------------------------------------------------ */
/* Judging an alignment                                                     */
/* ------------------------------------------------------------------------ */

bool ws_verifier_case_differs(const ws_verifier *v, uint32_t qi, const ws_source *src, uint32_t tok)
{
    const ws_qitem *it = &v->items.v[qi];
    if (it->flags & WS_QIF_BRACKETED)
        return false;
    uint32_t s_start = v->ix->tok_off.v[tok], s_end = ws_source_index_tok_end(v->ix, src, tok);
    if (it->flags & WS_QIF_CASE_FREE)
        return !ws_vword_same_but_first_case(v->text, it->start, it->end, src->doc.text, s_start, s_end);
    return !ws_vword_same(v->text, it->start, it->end, src->doc.text, s_start, s_end);
}

typedef struct judged {
    ws_verify_status status;
    uint32_t n_matched;
    uint32_t similarity;
    uint32_t tok_first, tok_end;
    int32_t voice;
    ws_voice_agreement agreement;
} judged;

static judged judge_alignment(const ws_verifier *v, const ws_alignment *al, uint32_t source,
                              uint32_t win_lo, ws_voice_judge judge_voice, void *ud)
{
    const ws_source *src = v->ix->sources.v[source];
    judged j = {WS_VERIFY_MISSING, al->n_matched, 0, 0, 0, -1, WS_VOICE_UNKNOWN};
    bool has_unmarked = false, has_source = false;
    for (size_t k = 0; k < al->moves.n; k++) {
        const ws_move *m = &al->moves.v[k];
        switch (m->kind) {
        case WS_MOVE_MATCH:
            if (ws_verifier_case_differs(v, m->q, src, win_lo + m->s0))
                has_unmarked = true;
            break;
        case WS_MOVE_ADD:
            if (!(v->items.v[m->q].flags & WS_QIF_BRACKETED))
                has_unmarked = true;
            break;
        case WS_MOVE_DROP:
            has_unmarked = true;
            break;
        default:
            break;
        }
        if (m->s1 > m->s0) {
            if (!has_source)
                j.tok_first = win_lo + m->s0;
            j.tok_end = win_lo + m->s1;
            has_source = true;
        }
    }
    /* Similarity, shown: Dice, twice the words in common over the words of both sides. */
    uint64_t n_matched = al->n_matched, passage_words = n_matched + al->n_dropped;
    uint64_t denom = v->n_words + passage_words;
    j.similarity = denom ? (uint32_t)(n_matched * 200 / denom) : 0;
    /* Near: most of the quotation is found in order, in a passage where what
     * was silently left out is not more than what was quoted. */
    bool is_near = n_matched * 100 >= (uint64_t)v->n_words * WS_VERIFY_NEAR_PERCENT &&
                   n_matched * 100 >= passage_words * WS_VERIFY_NEAR_DENSITY &&
                   n_matched >= WS_VERIFY_MIN_WORDS;
    if (!has_source || al->n_matched == 0)
        j.status = WS_VERIFY_MISSING;
    else if (!has_unmarked)
        j.status = WS_VERIFY_VERBATIM;
    else if (is_near)
        j.status = WS_VERIFY_NEAR;
    if (j.status != WS_VERIFY_MISSING) {
        j.voice = ws_source_index_voice_at(v->ix, src, j.tok_first);
        if (judge_voice)
            j.agreement = judge_voice(ud, j.voice >= 0 ? &v->ix->voices.v[j.voice] : NULL);
    }
    return j;
}

static int status_rank(ws_verify_status s)
{
    return s == WS_VERIFY_VERBATIM ? 2 : s == WS_VERIFY_NEAR ? 1 : 0;
}

/* Whether @a is better than @b (b from an earlier candidate: ties keep it). */
static bool is_better(const judged *a, const judged *b)
{
    if (status_rank(a->status) != status_rank(b->status))
        return status_rank(a->status) > status_rank(b->status);
    if (a->similarity != b->similarity)
        return a->similarity > b->similarity;
    return a->agreement > b->agreement;
}

int ws_verifier_match(ws_verifier *v, ws_voice_judge judge_voice, void *ud, ws_vmatch *out)
{
    const ws_source_index *ix = v->ix;
    out->status = WS_VERIFY_MISSING;
    out->n_words = v->n_words;
    out->n_matched = out->similarity = 0;
    out->voice = -1;
    out->agreement = WS_VOICE_UNKNOWN;
    out->al.moves.n = 0;
    v->hits.n = 0;
    int rc = ws_array_reserve(v->mem, &v->seen.v, &v->seen.cap, v->items.n, sizeof *v->seen.v);
    if (rc < 0)
        return rc;
    memset(v->seen.v, 0, v->items.n * sizeof *v->seen.v);
    if ((rc = collect_hits(v)) < 0)
        return rc;
    cluster cands[MAX_CANDIDATES];
    size_t n_cands = best_clusters(v, cands);
    judged best = {WS_VERIFY_MISSING, 0, 0, 0, 0, -1, WS_VOICE_UNKNOWN};
    bool has_best = false;
    /* The voters may all sit on one side of an ellipsis: then the words left
     * out lie between them and the rest of the quotation, either way. */
    const int64_t pad = WINDOW_PAD + (int64_t)v->items.n / 4 + WS_BRACKET_MAX_WORDS +
                        (v->has_elision ? ELISION_GAP : 0);
    for (size_t c = 0; c < n_cands; c++) {
        const ws_source *src = ix->sources.v[cands[c].source];
        int64_t lo = cands[c].diag_min - pad;
        int64_t hi = cands[c].diag_max + (int64_t)v->items.n + pad;
        /* Within the speaker's turn: the window never spans two speakers. */
        uint32_t turn_lo, turn_hi;
        ws_source_index_turn_at(ix, src, cands[c].tok, &turn_lo, &turn_hi);
        if (lo < turn_lo)
            lo = turn_lo;
        if (hi > turn_hi)
            hi = turn_hi;
        if (hi - lo > MAX_WINDOW)
            hi = lo + MAX_WINDOW;
        if (hi <= lo)
            continue;
        if ((rc = ws_align(v->mem, &v->scratch, v->items.v, (uint32_t)v->items.n,
                           ix->tok_word.v + lo, (uint32_t)(hi - lo), &v->cand)) < 0)
            return rc;
        judged j = judge_alignment(v, &v->cand, cands[c].source, (uint32_t)lo, judge_voice, ud);
        if (j.status == WS_VERIFY_MISSING || (has_best && !is_better(&j, &best)))
            continue;
        /* The next ws_align overwrites the candidate: the old best's moves can be its space. */
        ws_alignment kept = out->al;
        out->al = v->cand;
        v->cand = kept;
        best = j;
        has_best = true;
        out->source = cands[c].source;
        out->win_lo = (uint32_t)lo;
    }
    if (!has_best)
        return WS_OK;
    out->status = best.status;
    out->n_matched = best.n_matched;
    out->similarity = best.similarity;
    out->tok_first = best.tok_first;
    out->tok_end = best.tok_end;
    out->voice = best.voice;
    out->agreement = best.agreement;
    return WS_OK;
}
