/*
 * render_json.c - the full report as JSON: one document per run with a
 * "files" array of one entry per article, in input order (json); or the
 * same entries alone, one compact line each, streamed as they come (jsonl,
 * for batch workers). The schema is in doc/json-schema.json; score.py reads
 * the statement spans from it.
 */
#include <stdio.h>

#include "render/json_writer.h"
#include "render/render.h"

enum { SCHEMA_VERSION = 1 };

typedef struct json_state {
    ws_json j;
} json_state;

static ws_json *J(ws_renderer *r)
{
    return &((json_state *)r->state)->j;
}

static int json_begin(ws_renderer *r)
{
    ws_json *j = J(r);
    ws_json_init(j, r);
    ws_json_begin_object(j, false);
    ws_json_kv_int(j, "schema_version", SCHEMA_VERSION);
    ws_json_kv_begin_object(j, "tool", true);
    ws_json_kv_str(j, "name", "whosaid");
    ws_json_kv_str(j, "version", ws_version());
    ws_json_end_object(j);
    return ws_json_kv_begin_array(j, "files", false);
}

/* The members that place every kind of span, in the order the schema lists them. */
#define PLACE_MEMBERS(s)                                                                       \
    WS_JSON_INT_MEMBER("start", (s)->start), WS_JSON_INT_MEMBER("end", (s)->end),              \
        WS_JSON_INT_MEMBER("line", (s)->line), WS_JSON_INT_MEMBER("col", (s)->col),            \
        WS_JSON_INT_MEMBER("end_line", (s)->end_line), WS_JSON_INT_MEMBER("end_col", (s)->end_col)

/* The same keys laid out for an inline object, whose values PLACE_VALUES()
 * gives (a span's place is most of a report). */
static const ws_json_laid_key place_keys[] = {
    WS_JSON_LAID_KEY("start"), WS_JSON_LAID_KEY("end"),      WS_JSON_LAID_KEY("line"),
    WS_JSON_LAID_KEY("col"),   WS_JSON_LAID_KEY("end_line"), WS_JSON_LAID_KEY("end_col"),
};
enum { N_PLACE = sizeof place_keys / sizeof *place_keys };
#define PLACE_VALUES(s) (s)->start, (s)->end, (s)->line, (s)->col, (s)->end_line, (s)->end_col

static int put_place(ws_json *j, const ws_span *s)
{
    const ws_json_int_member place[] = {PLACE_MEMBERS(s)};
    return ws_json_kv_ints(j, place, sizeof place / sizeof *place);
}

/* A span as one line: offsets into the input, positions, and its text;
 * the value of member @quoted (as WS_JSON_QUOTED_KEY() gives it) unless
 * that is NULL. */
static int put_span_quoted(ws_json *j, const ws_report *rep, const char *quoted, size_t len, const ws_span *s)
{
    const char *text = ws_report_text(rep, NULL);
    const int64_t place[N_PLACE] = {PLACE_VALUES(s)};
    const ws_json_str_member words[] = {
        WS_JSON_STRN_MEMBER("text", text + s->text_start, s->text_end - s->text_start),
    };
    return ws_json_kv_inline_laid_object_quoted(j, quoted, len, place_keys, place, N_PLACE, words, 1);
}

static int put_span(ws_json *j, const ws_report *rep, const ws_span *s)
{
    return put_span_quoted(j, rep, NULL, 0, s);
}

/* "key": a span, or null without one. */
static int put_kv_span_quoted(ws_json *j, const ws_report *rep, const char *quoted, size_t len, const ws_span *s)
{
    return s ? put_span_quoted(j, rep, quoted, len, s) : ws_json_kv_str_quoted(j, quoted, len, NULL);
}
#define put_kv_span(j, rep, key, s) put_kv_span_quoted((j), (rep), WS_JSON_QUOTED_KEY(key), (s))

/* "flags": the names of a quotation's flags. */
static int put_quote_flags(ws_json *j, unsigned flags)
{
    static const struct {
        unsigned flag;
        const char *name;
    } names[] = {
        {WS_QUOTE_SHORT, "short"},   {WS_QUOTE_TITLE, "title"},   {WS_QUOTE_CONTINUED, "continued"},
        {WS_QUOTE_BLOCK, "block"},   {WS_QUOTE_MARKUP, "markup"}, {WS_QUOTE_SINGLE, "single"},
    };
    ws_json_kv_begin_array(j, "flags", true);
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (flags & names[i].flag)
            ws_json_str(j, names[i].name);
    return ws_json_end_array(j);
}

static int put_statement(ws_json *j, const ws_report *rep, const ws_statement *st)
{
    ws_json_begin_object(j, false);
    ws_json_kv_str(j, "kind", ws_statement_kind_name(st->kind));
    ws_json_kv_begin_array(j, "content", false);
    for (size_t k = 0; k < st->n_content; k++)
        put_span(j, rep, &st->content[k]);
    ws_json_end_array(j);
    if (st->cue) {
        const ws_span *c = st->cue;
        const char *text = ws_report_text(rep, NULL);
        const int64_t place[N_PLACE] = {PLACE_VALUES(c)};
        const ws_json_str_member words[] = {
            WS_JSON_STRN_MEMBER("text", text + c->text_start, c->text_end - c->text_start),
            WS_JSON_STR_MEMBER("lemma", st->cue_lemma),
            WS_JSON_STR_MEMBER("class", ws_cue_class_name(st->cue_class)),
        };
        ws_json_kv_inline_laid_object_quoted(j, WS_JSON_QUOTED_KEY("cue"), place_keys, place, N_PLACE, words,
                                             sizeof words / sizeof *words);
    } else {
        ws_json_kv_str(j, "cue", NULL);
    }
    put_kv_span(j, rep, "source", st->source);
    const ws_entity *e = st->speaker >= 0 ? ws_report_entity(rep, (size_t)st->speaker) : NULL;
    if (e) {
        const ws_json_int_member id[] = {WS_JSON_INT_MEMBER("id", st->speaker)};
        const ws_json_str_member about[] = {
            WS_JSON_STR_MEMBER("name", e->name),       WS_JSON_STR_MEMBER("type", ws_entity_type_name(e->type)),
            WS_JSON_STR_MEMBER("role", e->role),       WS_JSON_STR_MEMBER("institution", e->institution),
            WS_JSON_STR_MEMBER("country", e->country),
        };
        ws_json_kv_inline_object(j, "speaker", id, 1, about, sizeof about / sizeof *about);
    } else {
        ws_json_kv_str(j, "speaker", NULL);
    }
    ws_json_kv_int(j, "quotation", st->quotation);
    return ws_json_end_object(j);
}

/* Where a span is, without its text (diff steps carry their words), as
 * the value of member @quoted. */
static int put_position_quoted(ws_json *j, const char *quoted, size_t len, const ws_span *s)
{
    const int64_t place[N_PLACE] = {PLACE_VALUES(s)};
    return ws_json_kv_inline_laid_object_quoted(j, quoted, len, place_keys, place, N_PLACE, NULL, 0);
}
#define put_kv_position(j, key, s) put_position_quoted((j), WS_JSON_QUOTED_KEY(key), (s))

static int put_verification(ws_json *j, const ws_verification *v)
{
    ws_json_begin_object(j, false);
    ws_json_kv_int(j, "quotation", (int64_t)v->quotation);
    ws_json_kv_int(j, "statement", v->statement);
    ws_json_kv_str(j, "status", ws_verify_status_name(v->status));
    ws_json_kv_int(j, "words", v->n_words);
    ws_json_kv_int(j, "matched", v->n_matched);
    ws_json_kv_int(j, "similarity", v->similarity);
    ws_json_kv_str(j, "speaker", v->speaker);
    if (v->source_path) {
        ws_json_kv_begin_object(j, "source", true);
        ws_json_kv_str(j, "path", v->source_path);
        put_place(j, &v->source_span);
        ws_json_kv_str(j, "text", v->passage ? v->passage : "");
        ws_json_kv_str(j, "speaker", v->source_speaker);
        ws_json_key(j, "wrong_speaker");
        ws_json_bool(j, v->is_wrong_speaker != 0);
        ws_json_end_object(j);
    } else {
        ws_json_kv_str(j, "source", NULL);
    }
    ws_json_kv_begin_array(j, "diff", false);
    for (size_t k = 0; k < v->n_ops; k++) {
        const ws_diff_op *op = &v->ops[k];
        ws_json_begin_object(j, true);
        ws_json_kv_str(j, "op", ws_diff_kind_name(op->kind));
        ws_json_kv_str(j, "mark", op->mark == WS_MARK_NONE ? NULL : ws_diff_mark_name(op->mark));
        ws_json_kv_str(j, "quote", op->quote_text ? op->quote_text : "");
        ws_json_kv_str(j, "source", op->source_text ? op->source_text : "");
        put_kv_position(j, "quote_span", &op->quote_span);
        put_kv_position(j, "source_span", &op->source_span);
        ws_json_end_object(j);
    }
    ws_json_end_array(j);
    return ws_json_end_object(j);
}

/* One entry of "files" (a line of jsonl): the caller's id first, when there is one. */
static int put_file(ws_renderer *r, ws_json *j, const ws_report *rep)
{
    ws_json_begin_object(j, false);
    if (ws_report_id(rep)) {
        ws_json_key(j, "id");
        ws_json_raw_scalar(j, ws_report_id(rep));
    }
    ws_json_kv_str(j, "path", ws_report_path(rep));
    ws_json_kv_str(j, "format", ws_input_format_name(ws_report_format(rep)));

    ws_json_kv_begin_array(j, "statements", false);
    for (size_t i = 0; i < ws_report_n_statements(rep); i++)
        put_statement(j, rep, ws_report_statement(rep, i));
    ws_json_end_array(j);

    ws_json_kv_begin_array(j, "speakers", false);
    for (size_t i = 0; i < ws_report_n_entities(rep); i++) {
        const ws_entity *e = ws_report_entity(rep, i);
        ws_json_begin_object(j, false);
        ws_json_kv_int(j, "id", (int64_t)i);
        ws_json_kv_str(j, "name", e->name);
        ws_json_kv_str(j, "type", ws_entity_type_name(e->type));
        ws_json_kv_str(j, "role", e->role);
        ws_json_kv_str(j, "institution", e->institution);
        ws_json_kv_str(j, "country", e->country);
        ws_json_kv_int(j, "direct", e->n_direct);
        ws_json_kv_int(j, "indirect", e->n_indirect);
        ws_json_kv_begin_array(j, "members", true);
        for (size_t k = 0; k < e->n_members; k++)
            ws_json_int(j, e->members[k]);
        ws_json_end_array(j);
        ws_json_kv_begin_array(j, "mentions", false);
        for (size_t k = 0; k < e->n_mentions; k++) {
            ws_json_begin_object(j, true);
            ws_json_kv_str(j, "kind", ws_mention_kind_name(e->mentions[k].kind));
            put_kv_span(j, rep, "span", &e->mentions[k].span);
            ws_json_end_object(j);
        }
        ws_json_end_array(j);
        ws_json_end_object(j);
    }
    ws_json_end_array(j);

    ws_json_kv_begin_array(j, "quotations", false);
    for (size_t i = 0; i < ws_report_n_quotations(rep); i++) {
        const ws_quotation *q = ws_report_quotation(rep, i);
        ws_json_begin_object(j, false);
        put_kv_span(j, rep, "span", &q->span);
        ws_json_kv_begin_array(j, "fragments", false);
        for (size_t k = 0; k < q->n_fragments; k++)
            put_span(j, rep, &q->fragments[k]);
        ws_json_end_array(j);
        ws_json_kv_int(j, "parent", q->parent);
        ws_json_kv_int(j, "depth", q->depth);
        ws_json_kv_int(j, "words", q->n_words);
        put_quote_flags(j, q->flags);
        ws_json_kv_int(j, "statement", q->statement);
        ws_json_end_object(j);
    }
    ws_json_end_array(j);

    /* Empty without sources, so that the shape never depends on the options. */
    ws_json_kv_begin_array(j, "verifications", false);
    for (size_t i = 0; i < ws_report_n_verifications(rep); i++)
        put_verification(j, ws_report_verification(rep, i));
    ws_json_end_array(j);

    ws_json_kv_begin_array(j, "findings", false);
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        if (f->level < r->opts.min_level)
            continue;
        ws_json_begin_object(j, false);
        ws_json_kv_str(j, "rule", f->rule);
        ws_json_kv_str(j, "level", ws_level_name(f->level));
        ws_json_kv_str(j, "message", f->message);
        put_kv_span(j, rep, "span", &f->span);
        ws_json_kv_str(j, "suggestion", f->suggestion);
        ws_json_kv_str(j, "fingerprint", f->fingerprint);
        ws_json_kv_str(j, "link", f->link);
        ws_json_end_object(j);
    }
    ws_json_end_array(j);

    ws_json_kv_begin_array(j, "problems", false);
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        ws_json_begin_object(j, false);
        ws_json_kv_str(j, "kind", ws_problem_kind_name(p->kind));
        ws_json_kv_str(j, "message", p->message);
        put_kv_span(j, rep, "span", &p->span);
        ws_json_end_object(j);
    }
    ws_json_end_array(j);
    return ws_json_end_object(j);
}

static int put_failure(ws_json *j, const char *id, const char *path, const ws_diag *d)
{
    ws_json_begin_object(j, false);
    if (id) {
        ws_json_key(j, "id");
        ws_json_raw_scalar(j, id);
    }
    ws_json_kv_str(j, "path", path ? path : "");
    ws_json_kv_begin_object(j, "error", true);
    ws_json_kv_str(j, "code", ws_strerror(d->code));
    ws_json_kv_str(j, "message", d->message);
    ws_json_kv_int(j, "offset", (int64_t)d->byte_off);
    ws_json_kv_int(j, "line", d->line);
    ws_json_kv_int(j, "col", d->col);
    ws_json_end_object(j);
    return ws_json_end_object(j);
}

static int json_report(ws_renderer *r, const ws_report *rep)
{
    return put_file(r, J(r), rep);
}

static int json_failure(ws_renderer *r, const char *id, const char *path, const ws_diag *d)
{
    return put_failure(J(r), id, path, d);
}

static int json_end(ws_renderer *r)
{
    ws_json *j = J(r);
    ws_json_end_array(j);
    ws_json_end_object(j);
    return ws_json_end_document(j);
}

/* Entries stand in the "files" array of the document's object: depth 2. */
enum { ENTRY_DEPTH = 2 };

static int json_prepare(ws_renderer *scratch, const ws_report *rep)
{
    ws_json j;
    ws_json_init_nested(&j, scratch, ENTRY_DEPTH);
    return put_file(scratch, &j, rep);
}

static int json_place(ws_renderer *r, const char *entry, size_t len)
{
    return ws_json_rendered_item(J(r), entry, len);
}

const ws_render_ops ws_render_json_ops = {
    .name = "json",
    .state_size = sizeof(json_state),
    .begin = json_begin,
    .report = json_report,
    .failure = json_failure,
    .end = json_end,
    .prepare = json_prepare,
    .place = json_place,
};

/*
 * JSON Lines (jsonlines.org): each entry compact on its own line. The
 * writer starts every line at depth 0, so the lines share no state.
 */
static int jsonl_begin(ws_renderer *r)
{
    ws_json *j = J(r);
    ws_json_init(j, r);
    j->is_compact = true;
    return WS_OK;
}

static int jsonl_report(ws_renderer *r, const ws_report *rep)
{
    ws_json *j = J(r);
    put_file(r, j, rep);
    return ws_json_end_document(j);
}

static int jsonl_failure(ws_renderer *r, const char *id, const char *path, const ws_diag *d)
{
    ws_json *j = J(r);
    put_failure(j, id, path, d);
    return ws_json_end_document(j);
}

static int jsonl_prepare(ws_renderer *scratch, const ws_report *rep)
{
    ws_json j;
    ws_json_init(&j, scratch);
    j.is_compact = true;
    put_file(scratch, &j, rep);
    return ws_json_end_document(&j);
}

/* Lines stand alone: an entry goes out as it is. */
static int jsonl_place(ws_renderer *r, const char *entry, size_t len)
{
    return ws_render_put(r, entry, len);
}

const ws_render_ops ws_render_jsonl_ops = {
    .name = "jsonl",
    .state_size = sizeof(json_state),
    .begin = jsonl_begin,
    .report = jsonl_report,
    .failure = jsonl_failure,
    .prepare = jsonl_prepare,
    .place = jsonl_place,
    .is_streamed = true,
};
