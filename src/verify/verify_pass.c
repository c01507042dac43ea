/*
 * verify_pass.c - the quote verification pass: every quotation of the
 * article checked against the context's sources (verify.c), the results
 * kept as the report's verifications (with their word diffs), and findings
 * of the quote-missing, quote-near and quote-speaker rules.
 */
#include <string.h>

#include "core/buf.h"
#include "ruleset/ruleset.h"
#include "verify/verify.h"

/* A span of a source, located without touching the shared source's position cache. */
static ws_span source_span(const ws_source *src, uint32_t start, uint32_t end)
{
    ws_offmap map = src->doc.map;   /* a copy: its cache is ours, the arrays are read only */
    map.cache_line = 0;
    return ws_offmap_span(&map, start, end);
}

/*
 * [start, end) of @s written to @out with each run of white space as one
 * space, so that it reads as one line; returns the bytes written (at most
 * end - start, no NUL added).
 */
static size_t squeeze_text(char *out, const char *s, uint32_t start, uint32_t end)
{
    size_t n = 0;
    bool in_space = false;
    for (uint32_t i = start; i < end; i++) {
        char c = s[i];
        bool is_space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (is_space && in_space)
            continue;
        out[n++] = is_space ? ' ' : c;
        in_space = is_space;
    }
    return n;
}

/* A copy of [start, end) of @s, squeezed to one line. */
static char *copy_text(ws_arena *arena, const char *s, uint32_t start, uint32_t end)
{
    char *out = ws_arena_alloc(arena, (size_t)(end - start) + 1);
    if (!out)
        return NULL;
    out[squeeze_text(out, s, start, end)] = '\0';
    return out;
}

/*
 * The quotation's text in [start, end), fragment by fragment: a quotation
 * running over paragraphs leaves out the breaks and reopening marks
 * between them, joined by one space.
 */
static char *copy_quote_text(ws_arena *arena, const char *text, const ws_range *frags, size_t n_frags,
                             uint32_t start, uint32_t end)
{
    size_t cap = 1;
    for (size_t i = 0; i < n_frags; i++)
        cap += frags[i].end - frags[i].start + 1;
    char *out = ws_arena_alloc(arena, cap);
    if (!out)
        return NULL;
    size_t n = 0;
    for (size_t i = 0; i < n_frags; i++) {
        uint32_t s = frags[i].start > start ? frags[i].start : start;
        uint32_t e = frags[i].end < end ? frags[i].end : end;
        if (s >= e)
            continue;
        if (n)
            out[n++] = ' ';
        /* A NUL byte (allowed past the binary test's first 8000) ends the piece, as it
         * ends the string copy_text() gives. */
        n += strnlen(out + n, squeeze_text(out + n, text, s, e));
    }
    out[n] = '\0';
    return out;
}

/* ------------------------------------------------------------------------ */
/* The word diff                                                            */
/* ------------------------------------------------------------------------ */

typedef WS_ARRAY(ws_diff_op) op_list;

/* An op in the making: quote items [q0, q1) and source tokens [s0, s1) (global). */
typedef struct op_draft {
    ws_diff_kind kind;
    ws_diff_mark mark;
    bool has_q, has_s;
    uint32_t q0, q1, s0, s1;
} op_draft;

typedef struct diff_ctx {
    ws_report *r;
    const ws_verifier *v;
    const ws_source *src;
    const ws_source_index *ix;
    const ws_range *frags;
    size_t n_frags;
    op_list ops;
    uint32_t q_cursor;      /* text offset after the last quote item placed */
    uint32_t s_cursor;      /* source text offset after the last source word placed */
    op_draft cur;
    bool has_cur;
} diff_ctx;

static int flush(diff_ctx *d)
{
    if (!d->has_cur)
        return WS_OK;
    d->has_cur = false;
    op_draft *o = &d->cur;
    ws_doc *doc = &d->r->doc;
    ws_diff_op op;
    memset(&op, 0, sizeof op);
    /* An edit's kind follows from the sides it has. */
    op.kind = o->kind == WS_DIFF_EQUAL ? WS_DIFF_EQUAL
              : o->has_q && o->has_s  ? WS_DIFF_CHANGED
              : o->has_q              ? WS_DIFF_ADDED
                                      : WS_DIFF_DROPPED;
    op.mark = o->mark;
    /* Where one side has nothing, its span is empty after what came before. */
    uint32_t qs = d->q_cursor, qe = d->q_cursor;
    if (o->has_q) {
        qs = d->v->items.v[o->q0].start;
        qe = d->v->items.v[o->q1 - 1].end;
        d->q_cursor = qe;
    }
    uint32_t ss = d->s_cursor, se = d->s_cursor;
    if (o->has_s) {
        ss = d->ix->tok_off.v[o->s0];
        se = ws_source_index_tok_end(d->ix, d->src, o->s1 - 1);
        d->s_cursor = se;
    }
    op.quote_text = copy_quote_text(&doc->arena, d->v->text, d->frags, d->n_frags, qs, qe);
    op.source_text = copy_text(&doc->arena, d->src->doc.text, ss, se);
    if (!op.quote_text || !op.source_text)
        return WS_ENOMEM;
    op.quote_span = ws_doc_span(doc, qs, qe);
    op.source_span = source_span(d->src, ss, se);
    int rc = WS_ARRAY_GROW(&d->r->mem, d->ops);
    if (rc < 0)
        return rc;
    d->ops.v[d->ops.n++] = op;
    return WS_OK;
}

/*
 * Add quote items [q, q + nq) and source tokens [s, s + ns) to the op being
 * built when it is of the same kind and mark, else start a new one. Added
 * and dropped words next to each other join into one "changed" op.
 */
static int extend(diff_ctx *d, ws_diff_kind kind, ws_diff_mark mark, uint32_t q, uint32_t nq,
                  uint32_t s, uint32_t ns)
{
    bool is_edit = kind != WS_DIFF_EQUAL;
    bool joins = d->has_cur && d->cur.mark == mark &&
                 (d->cur.kind == WS_DIFF_EQUAL ? !is_edit : is_edit) &&
                 mark != WS_MARK_BRACKETS && mark != WS_MARK_ELLIPSIS;
    int rc;
    if (!joins) {
        if ((rc = flush(d)) < 0)
            return rc;
        d->cur = (op_draft){kind, mark, false, false, 0, 0, 0, 0};
        d->has_cur = true;
    }
    op_draft *o = &d->cur;
    if (nq) {
        if (!o->has_q)
            o->q0 = q;
        o->q1 = q + nq;
        o->has_q = true;
    }
    if (ns) {
        if (!o->has_s)
            o->s0 = s;
        o->s1 = s + ns;
        o->has_s = true;
    }
    return WS_OK;
}

static int build_ops(ws_report *r, const ws_verifier *v, const ws_vmatch *m, const ws_range *frags,
                     size_t n_frags, ws_verification *out)
{
    diff_ctx d;
    memset(&d, 0, sizeof d);
    d.r = r;
    d.frags = frags;
    d.n_frags = n_frags;
    d.v = v;
    d.ix = v->ix;
    d.src = v->ix->sources.v[m->source];
    d.q_cursor = v->items.n ? v->items.v[0].start : 0;
    d.s_cursor = v->ix->tok_off.v[m->tok_first];
    int rc = WS_OK;
    for (size_t k = 0; k < m->al.moves.n && rc >= 0; k++) {
        const ws_move *mv = &m->al.moves.v[k];
        uint32_t s0 = m->win_lo + mv->s0, ns = mv->s1 - mv->s0;
        switch (mv->kind) {
        case WS_MOVE_MATCH:
            if (ws_verifier_case_differs(v, mv->q, d.src, s0))
                rc = extend(&d, WS_DIFF_CHANGED, WS_MARK_NONE, mv->q, 1, s0, 1);
            else
                rc = extend(&d, WS_DIFF_EQUAL, WS_MARK_NONE, mv->q, 1, s0, 1);
            break;
        case WS_MOVE_ADD: {
            bool marked = (v->items.v[mv->q].flags & WS_QIF_BRACKETED) != 0;
            rc = extend(&d, WS_DIFF_ADDED, marked ? WS_MARK_BRACKETS : WS_MARK_NONE, mv->q, 1, 0, 0);
            break;
        }
        case WS_MOVE_DROP:
            rc = extend(&d, WS_DIFF_DROPPED, WS_MARK_NONE, 0, 0, s0, 1);
            break;
        case WS_MOVE_ELIDED:
            rc = extend(&d, WS_DIFF_DROPPED, WS_MARK_ELLIPSIS, 0, 0, s0, ns);
            break;
        case WS_MOVE_BRACKET:
            rc = extend(&d, WS_DIFF_CHANGED, WS_MARK_BRACKETS, mv->q, 1, s0, ns);
            break;
        }
    }
    if (rc >= 0)
        rc = flush(&d);
    if (rc >= 0) {
        out->n_ops = d.ops.n;
        out->ops = d.ops.n ? ws_arena_memdup(&r->doc.arena, d.ops.v, d.ops.n, sizeof *d.ops.v)
                           : ws_arena_calloc(&r->doc.arena, 1, sizeof *d.ops.v);
        if (!out->ops)
            rc = WS_ENOMEM;
    }
    ws_free(&r->mem, d.ops.v);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Messages                                                                 */
/* ------------------------------------------------------------------------ */

enum { MAX_LISTED = 5, MAX_QUOTED_LEN = 60 };

/* 'words', shortened in the middle of a long stretch. */
static int put_quoted(ws_buf *b, const char *s)
{
    size_t n = strlen(s);
    int rc = ws_buf_putc(b, '\'');
    if (rc >= 0 && n <= MAX_QUOTED_LEN) {
        rc = ws_buf_put(b, s, n);
    } else if (rc >= 0) {
        size_t cut = MAX_QUOTED_LEN - 10;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
        rc = ws_buf_put(b, s, cut);
        if (rc >= 0)
            rc = ws_buf_puts(b, " ...");
    }
    return rc >= 0 ? ws_buf_putc(b, '\'') : rc;
}

enum { MAX_MOVED_WORDS = 16, MOVED_WORD_LEN = 32 };

/* The words of @s, lower case (ASCII), sorted; false when too many or too long. */
static bool sorted_words(const char *s, char out[][MOVED_WORD_LEN], unsigned *n)
{
    *n = 0;
    while (*s) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        if (*n == MAX_MOVED_WORDS)
            return false;
        size_t k = 0;
        for (; *s && *s != ' '; s++) {
            if (strchr(",.;:!?()\"", *s))
                continue;
            if (k + 1 == MOVED_WORD_LEN)
                return false;
            out[*n][k++] = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
        }
        out[*n][k] = '\0';
        /* Insertion sort: a handful of words. */
        for (unsigned i = (*n)++; i > 0 && strcmp(out[i - 1], out[i]) > 0; i--) {
            char t[MOVED_WORD_LEN];
            memcpy(t, out[i], MOVED_WORD_LEN);
            memcpy(out[i], out[i - 1], MOVED_WORD_LEN);
            memcpy(out[i - 1], t, MOVED_WORD_LEN);
        }
    }
    return true;
}

/* The same words, in any order and case: words moved rather than changed. */
static bool same_words(const char *a, const char *b)
{
    char x[MAX_MOVED_WORDS][MOVED_WORD_LEN], y[MAX_MOVED_WORDS][MOVED_WORD_LEN];
    unsigned nx, ny;
    if (!sorted_words(a, x, &nx) || !sorted_words(b, y, &ny) || nx != ny || nx == 0)
        return false;
    for (unsigned i = 0; i < nx; i++)
        if (strcmp(x[i], y[i]))
            return false;
    return true;
}

static unsigned count_words(const char *s)
{
    unsigned n = 0;
    bool in_word = false;
    for (; *s; s++) {
        bool is_space = *s == ' ' || *s == '\n' || *s == '\t';
        n += !is_space && !in_word;
        in_word = !is_space;
    }
    return n;
}

/*
 * The differences, as a reader checks them: "'its' instead of 'any'",
 * "'Syrian' left out", "'really' added", "'accountable' moved"; then what
 * the quotation's own marks account for.
 */
static int put_diff(ws_buf *b, const ws_verification *ver)
{
    int rc = WS_OK;
    unsigned n_listed = 0, n_more = 0, n_elided = 0, n_bracketed = 0;
    bool used[64] = {false};
    for (size_t i = 0; i < ver->n_ops && rc >= 0; i++) {
        const ws_diff_op *op = &ver->ops[i];
        if (op->kind == WS_DIFF_EQUAL)
            continue;
        if (op->mark == WS_MARK_ELLIPSIS) {
            n_elided += count_words(op->source_text);
            continue;
        }
        if (op->mark == WS_MARK_BRACKETS) {
            n_bracketed++;
            continue;
        }
        if (i < 64 && used[i])
            continue;
        if (n_listed == MAX_LISTED) {
            n_more++;
            continue;
        }
        rc = ws_buf_puts(b, n_listed ? "; " : "");
        n_listed++;
        /* An added and a dropped stretch with the same words: moved. */
        bool moved = false;
        if (op->kind == WS_DIFF_ADDED || op->kind == WS_DIFF_DROPPED) {
            ws_diff_kind other = op->kind == WS_DIFF_ADDED ? WS_DIFF_DROPPED : WS_DIFF_ADDED;
            const char *mine = op->kind == WS_DIFF_ADDED ? op->quote_text : op->source_text;
            const char *quoted = mine;
            for (size_t k = i + 1; k < ver->n_ops && k < 64 && !moved; k++) {
                const ws_diff_op *o = &ver->ops[k];
                const char *theirs = other == WS_DIFF_ADDED ? o->quote_text : o->source_text;
                if (o->kind == other && o->mark == WS_MARK_NONE && same_words(mine, theirs)) {
                    used[k] = moved = true;
                    quoted = op->kind == WS_DIFF_ADDED ? mine : theirs;
                }
            }
            /* Named as the quotation has them. */
            if (moved && rc >= 0 && (rc = put_quoted(b, quoted)) >= 0)
                rc = ws_buf_puts(b, " moved");
        }
        if (moved || rc < 0)
            continue;
        switch (op->kind) {
        case WS_DIFF_CHANGED:
            if ((rc = put_quoted(b, op->quote_text)) >= 0 && (rc = ws_buf_puts(b, " instead of ")) >= 0)
                rc = put_quoted(b, op->source_text);
            break;
        case WS_DIFF_ADDED:
            if ((rc = put_quoted(b, op->quote_text)) >= 0)
                rc = ws_buf_puts(b, " added");
            break;
        case WS_DIFF_DROPPED:
            if ((rc = put_quoted(b, op->source_text)) >= 0)
                rc = ws_buf_puts(b, " left out");
            break;
        default:
            break;
        }
    }
    if (rc >= 0 && n_more)
        rc = ws_buf_printf(b, "; %u more difference%s", n_more, n_more == 1 ? "" : "s");
    if (rc >= 0 && n_elided)
        rc = ws_buf_printf(b, " (an ellipsis marks %u more word%s left out)", n_elided,
                           n_elided == 1 ? "" : "s");
    if (rc >= 0 && n_bracketed)
        rc = ws_buf_printf(b, " (square brackets mark %u insertion%s)", n_bracketed,
                           n_bracketed == 1 ? "" : "s");
    return rc;
}

typedef struct message_ctx {
    ws_report *r;
    const ws_verification *ver;
    const ws_vmatch *m;
    const ws_verifier *v;
    const ws_range *frags;
    size_t n_frags;
    int32_t entity;
} message_ctx;

/*
 * A verification rule's message: %s the quoted words, %f where in which
 * source ("file:line:col"), %d the differences, %a the speaker the article
 * gives, %p whose the source passage is ("Pompeo's"), %% a percent sign.
 */
static int expand(const message_ctx *mc, const char *fmt, ws_buf *b)
{
    int rc = WS_OK;
    const ws_verification *ver = mc->ver;
    for (const char *p = fmt ? fmt : ""; *p && rc >= 0; p++) {
        if (p[0] != '%' || !p[1]) {
            rc = ws_buf_putc(b, *p);
            continue;
        }
        p++;
        switch (*p) {
        case 's':
            for (size_t i = 0; i < mc->n_frags && rc >= 0; i++) {
                if (i)
                    rc = ws_buf_putc(b, ' ');
                if (rc >= 0)
                    rc = ws_buf_put(b, mc->r->doc.text + mc->frags[i].start,
                                    mc->frags[i].end - mc->frags[i].start);
            }
            break;
        case 'f':
            if (ver->source_path)
                rc = ws_buf_printf(b, "%s:%u:%u", ver->source_path, ver->source_span.line,
                                   ver->source_span.col);
            break;
        case 'd':
            rc = put_diff(b, ver);
            break;
        case 'a':
            rc = ws_entity_display(mc->r, mc->entity, b);
            break;
        case 'p':
            if (mc->m->voice >= 0)
                rc = ws_voice_display(&mc->v->ix->voices.v[mc->m->voice], true, b);
            break;
        case '%':
            rc = ws_buf_putc(b, '%');
            break;
        default:
            if ((rc = ws_buf_putc(b, '%')) >= 0)
                rc = ws_buf_putc(b, *p);
            break;
        }
    }
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The pass                                                                 */
/* ------------------------------------------------------------------------ */

typedef struct speaker_judge {
    const ws_report *r;
    int32_t entity;
} speaker_judge;

static ws_voice_agreement judge_speaker(void *ud, const ws_voice *voice)
{
    const speaker_judge *sj = ud;
    return ws_voice_compare(voice, sj->r, sj->entity);
}

static bool is_checked(const ws_quote *q)
{
    return q->depth == 0 && !(q->flags & WS_QUOTE_TITLE) && q->n_frags > 0;
}

/* The speaker of quotation @q's statement, or -1. */
static int32_t speaker_of(const ws_report *r, const ws_quote *q)
{
    if (q->statement < 0 || (size_t)q->statement >= r->stmts.n)
        return -1;
    return r->stmts.v[q->statement].speaker;
}

static int add_findings(ws_report *r, const message_ctx *mc, const ws_quote *q)
{
    const ws_ruleset *rs = &r->ctx->rules;
    const ws_verification *ver = mc->ver;
    uint32_t start = q->open.start, end = q->close.end;
    if (end <= start) {
        start = mc->frags[0].start;
        end = mc->frags[mc->n_frags - 1].end;
    }
    int rc = WS_OK;
    ws_buf msg;
    ws_buf_init(&msg, &r->mem);
    for (size_t i = 0; i < rs->rules.n && rc >= 0; i++) {
        if (r->levels[i] == WS_LEVEL_OFF)
            continue;
        const ws_rule *rule = &rs->rules.v[i];
        bool fires = (rule->kind == WS_RULE_QUOTE_MISSING && ver->status == WS_VERIFY_MISSING) ||
                     (rule->kind == WS_RULE_QUOTE_NEAR && ver->status == WS_VERIFY_NEAR) ||
                     (rule->kind == WS_RULE_QUOTE_SPEAKER && ver->is_wrong_speaker);
        if (!fires)
            continue;
        msg.len = 0;
        if ((rc = ws_buf_puts(&msg, "")) >= 0 && (rc = expand(mc, rule->message, &msg)) >= 0)
            rc = ws_report_add_finding_text(r, (uint32_t)i, r->levels[i], start, end, msg.data, NULL);
    }
    ws_buf_release(&msg);
    return rc;
}

static int record(ws_report *r, const ws_verifier *v, const ws_vmatch *m, size_t qi,
                  const ws_quote *q, const ws_range *frags, int32_t entity, ws_verification *out)
{
    ws_arena *arena = &r->doc.arena;
    memset(out, 0, sizeof *out);
    out->quotation = qi;
    out->statement = q->statement;
    out->status = m->status;
    out->n_words = m->n_words;
    out->n_matched = m->n_matched;
    out->similarity = m->similarity;
    if (entity >= 0 && (size_t)entity < r->ents.n && r->ents.v[entity].name &&
        !(out->speaker = ws_arena_strdup(arena, r->ents.v[entity].name)))
        return WS_ENOMEM;
    if (m->status == WS_VERIFY_MISSING)
        return WS_OK;
    const ws_source *src = v->ix->sources.v[m->source];
    uint32_t ts = v->ix->tok_off.v[m->tok_first];
    uint32_t te = ws_source_index_tok_end(v->ix, src, m->tok_end - 1);
    out->source_path = ws_arena_strdup(arena, src->path);
    out->passage = copy_text(arena, src->doc.text, ts, te);
    if (!out->source_path || !out->passage)
        return WS_ENOMEM;
    out->source_span = source_span(src, ts, te);
    if (m->voice >= 0 && !(out->source_speaker = ws_arena_strdup(arena, v->ix->voices.v[m->voice].label)))
        return WS_ENOMEM;
    out->is_wrong_speaker = m->agreement == WS_VOICE_MISMATCH;
    return build_ops(r, v, m, frags, q->n_frags, out);
}

int ws_pass_verify(ws_report *r)
{
    const ws_source_index *ix = r->ctx->sources;
    if (!ix || !ix->sources.n)
        return WS_OK;
    ws_doc *doc = &r->doc;
    ws_verifier v;
    ws_verifier_init(&v, &r->mem, ix);
    ws_vmatch m;
    memset(&m, 0, sizeof m);
    WS_ARRAY(ws_verification) vers;
    memset(&vers, 0, sizeof vers);
    int rc = WS_OK;
    for (size_t qi = 0; qi < doc->quotes.n; qi++) {
        const ws_quote *q = &doc->quotes.v[qi];
        if (!is_checked(q))
            continue;
        const ws_range *frags = doc->quote_frags.v + q->frag_first;
        WS_TRY(ws_verifier_parse(&v, doc->text, frags, q->n_frags));
        if (v.n_words < WS_VERIFY_MIN_WORDS)
            continue;
        speaker_judge sj = {r, speaker_of(r, q)};
        WS_TRY(ws_verifier_match(&v, judge_speaker, &sj, &m));
        WS_TRY(WS_ARRAY_GROW(&r->mem, vers));
        ws_verification *ver = &vers.v[vers.n++];
        WS_TRY(record(r, &v, &m, qi, q, frags, sj.entity, ver));
        message_ctx mc = {r, ver, &m, &v, frags, q->n_frags, sj.entity};
        WS_TRY(add_findings(r, &mc, q));
    }
    r->n_verifications = vers.n;
    r->verifications = vers.n ? ws_arena_memdup(&doc->arena, vers.v, vers.n, sizeof *vers.v)
                              : ws_arena_calloc(&doc->arena, 1, sizeof *vers.v);
    if (!r->verifications)
        rc = WS_ENOMEM;
out:
    ws_free(&r->mem, vers.v);
    ws_alignment_release(&r->mem, &m.al);
    ws_verifier_release(&v);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Accessors and names                                                      */
/* ------------------------------------------------------------------------ */

size_t ws_report_n_verifications(const ws_report *r)
{
    return r ? r->n_verifications : 0;
}

const ws_verification *ws_report_verification(const ws_report *r, size_t i)
{
    return r && i < r->n_verifications ? &r->verifications[i] : NULL;
}

const char *ws_verify_status_name(ws_verify_status status)
{
    switch (status) {
    case WS_VERIFY_VERBATIM: return "verbatim";
    case WS_VERIFY_NEAR: return "near";
    case WS_VERIFY_MISSING: return "missing";
    }
    return "unknown";
}

const char *ws_diff_kind_name(ws_diff_kind kind)
{
    switch (kind) {
    case WS_DIFF_EQUAL: return "equal";
    case WS_DIFF_ADDED: return "added";
    case WS_DIFF_DROPPED: return "dropped";
    case WS_DIFF_CHANGED: return "changed";
    }
    return "unknown";
}

const char *ws_diff_mark_name(ws_diff_mark mark)
{
    switch (mark) {
    case WS_MARK_NONE: return "none";
    case WS_MARK_ELLIPSIS: return "ellipsis";
    case WS_MARK_BRACKETS: return "brackets";
    }
    return "unknown";
}
