/*
 * analyze.c - ws_analyze: check the input, read it, run the passes in order,
 * build the report's public views.
 */
#include <stdio.h>
#include <stddef.h>
#include <string.h>

#include "core/diag.h"
#include "ruleset/config.h"
#include "detect/pass.h"
#include "detect/quotes.h"
#include "doc/segment.h"
#include "doc/tokenize.h"
#include "input/reader.h"
#include "text/utf8.h"
#include "verify/verify.h"

static const ws_pass passes[] = {
    {"quotes", ws_pass_quotes},
    {"tokens", ws_pass_tokens},
    {"sentences", ws_pass_sentences},
    {"statements", ws_pass_statements},
    {"rules", ws_pass_rules},
    {"checks", ws_pass_checks},
    {"verify", ws_pass_verify},
    {"directives", ws_pass_directives},
};

int ws_pass_quotes(ws_report *r)
{
    return ws_scan_quotes(&r->doc, &r->ctx->rules.elisions);
}

int ws_pass_tokens(ws_report *r)
{
    return ws_tokenize(&r->doc);
}

int ws_pass_sentences(ws_report *r)
{
    return ws_segment(&r->doc, &r->ctx->rules);
}

/* Line and column of byte @off in @s, for errors found before any map exists. */
static void locate(const char *s, size_t off, uint32_t *line, uint32_t *col)
{
    uint32_t l = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < off; i++) {
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n'))) {
            l++;
            line_start = i + 1;
        }
    }
    *line = l;
    *col = (uint32_t)ws_utf8_count(s + line_start, off - line_start) + 1;
}

static int check_input(const ws_input *in, const char *path, ws_diag *diag)
{
    /* The tokens' keys take up to twice the text and are found by 32-bit
     * offsets (ws_tokenize): 2 GiB is the limit. */
    if (in->len >= WS_MAX_ARTICLE_BYTES)
        return ws_diag_set(diag, WS_ELIMIT, path, 0, 0, 0, "file too large (2 GiB or more)");
    if (ws_looks_binary(in->data, in->len))
        return ws_diag_set(diag, WS_EBINARY, path, 0, 0, 0, "binary file, not text: skipped");
    size_t bad;
    if (ws_utf8_validate(in->data, in->len, &bad) < 0) {
        uint32_t line, col;
        locate(in->data, bad, &line, &col);
        return ws_diag_set(diag, WS_EUTF8, path, bad, line, col,
                           "invalid UTF-8 (byte 0x%02x at offset %zu)",
                           (unsigned char)in->data[bad], bad);
    }
    return WS_OK;
}

static int set_level(void *ud, const char *id, ws_level level)
{
    ws_report *r = ud;
    const ws_ruleset *rs = &r->ctx->rules;
    for (size_t i = rs->rules.n; i-- > 0;) {
        if (!strcmp(rs->rules.v[i].id, id) && rs->rules.v[i].kind != WS_RULE_LEXICON) {
            r->levels[i] = level;
            break;
        }
    }
    return WS_OK;
}

/* Rule levels for this article: the context's, then its path's overrides. */
static int resolve_levels(ws_report *r, const char *path)
{
    const ws_ruleset *rs = &r->ctx->rules;
    r->levels = ws_calloc(&r->mem, rs->rules.n ? rs->rules.n : 1, sizeof *r->levels);
    if (!r->levels)
        return WS_ENOMEM;
    for (size_t i = 0; i < rs->rules.n; i++)
        r->levels[i] = rs->rules.v[i].level;
    if (r->ctx->config)
        ws_config_levels_for(r->ctx->config, path, set_level, r);
    return WS_OK;
}

int ws_analyze(const ws_ctx *ctx, const ws_input *in, ws_report **out, ws_diag *diag)
{
    if (out)
        *out = NULL;
    /* Callers built before ws_input grew its id pass a smaller size. */
    if (!ctx || !in || !out || (!in->data && in->len) || in->size < offsetof(ws_input, id))
        return WS_EINVAL;
    const char *id = in->size >= offsetof(ws_input, id) + sizeof in->id ? in->id : NULL;
    const char *path = in->path ? in->path : "<input>";
    int rc = check_input(in, path, diag);
    if (rc < 0)
        return rc;
    ws_report *r = ctx->mem.alloc(ctx->mem.ud, sizeof *r);
    if (!r)
        return ws_diag_set(diag, WS_ENOMEM, path, 0, 0, 0, "out of memory");
    memset(r, 0, sizeof *r);
    r->mem = ctx->mem;
    r->ctx = ctx;
    ws_doc_init(&r->doc, &r->mem);
    ws_doc *doc = &r->doc;
    doc->format = in->format != WS_INPUT_AUTO ? in->format : ws_input_format_from_path(path);
    if (doc->format == WS_INPUT_AUTO)
        doc->format = WS_INPUT_TEXT;
    /* A path is bytes from the file system; reports show it as UTF-8 text. */
    ws_buf shown;
    ws_buf_init(&shown, &r->mem);
    rc = ws_utf8_repair(path, strlen(path), &shown);
    doc->path = rc >= 0 ? ws_arena_strdup(&doc->arena, shown.data ? shown.data : "") : NULL;
    ws_buf_release(&shown);
    WS_TRY(doc->path ? WS_OK : WS_ENOMEM);
    if (id)
        WS_TRY((doc->id = ws_arena_strdup(&doc->arena, id)) ? WS_OK : WS_ENOMEM);
    WS_TRY(resolve_levels(r, in->path));
    WS_TRY(ws_read_input(doc, in->data ? in->data : "", (uint32_t)in->len));
    for (size_t i = 0; i < sizeof passes / sizeof *passes; i++)
        WS_TRY(passes[i].run(r));
    WS_TRY(ws_report_finalize(r));
    r->ctx = NULL;
    *out = r;
    return WS_OK;
out:
    ws_diag_set(diag, rc, path, 0, 0, 0, "%s", ws_strerror(rc));
    ws_report_free(r);
    return rc;
}
