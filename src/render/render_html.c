/*
 * render_html.c - one self-contained annotated page per run. Each article
 * is shown as the reader sees it, statements highlighted in their speaker's
 * colour with speaker, role, institution, cue and kind on hover or focus,
 * findings marked in the text and listed beside it with links, a table
 * of who is quoted how much, and with sources each checked quotation beside
 * its source passage, the words that differ marked on both sides. Inline
 * CSS and one inline script, both allowed
 * by their SHA-256 in a Content-Security-Policy that forbids everything
 * else; the page works without the script (it only adds the filters).
 * Everything from the article, the rules and the paths is escaped.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/alloc.h"
#include "render/escape.h"
#include "render/render.h"
#include "render/sha256.h"

enum {
    N_COLORS = 12,      /* the speaker palette in the CSS: sp0 .. sp11 */
    EXCERPT_CP = 80,
};

/* Layers, outermost first when two spans start and end together. */
enum { L_STATEMENT, L_QUOTATION, L_SOURCE, L_CUE, L_FINDING };

static const char css[] =
    ":root{--ws-style:ok;--ink:#1b1b1b;--muted:#5f6368;--line:#d0d4d9;--paper:#fff}\n"
    "body{margin:0;font:16px/1.6 system-ui,-apple-system,\"Segoe UI\",sans-serif;color:var(--ink);"
    "background:#f6f7f9}\n"
    "header.top,main,footer{max-width:76rem;margin:0 auto;padding:0 1rem}\n"
    "h1{font-size:1.4rem;margin:1rem 0 .25rem}h2{font-size:1.15rem;margin:0 0 .25rem;"
    "overflow-wrap:anywhere}h3{font-size:1rem;margin:1rem 0 .5rem}\n"
    "section.file{background:var(--paper);border:1px solid var(--line);border-radius:6px;"
    "padding:1rem 1.25rem;margin:1rem 0}\n"
    ".counts,.note{color:var(--muted);margin:0 0 .75rem}\n"
    ".cols{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1.5rem}\n"
    "@media (max-width:50rem){.cols{grid-template-columns:1fr}}\n"
    ".article p{white-space:pre-line;margin:0 0 1em;max-width:42rem}\n"
    ".findings{position:sticky;top:.5rem;align-self:start;max-height:95vh;overflow:auto}\n"
    ".findings ol,.statements ol{padding-left:1.25rem;margin:0}\n"
    ".findings li{margin:0 0 .5rem}\n"
    "summary{cursor:pointer}summary h3{display:inline-block;margin:1rem 0 .5rem}\n"
    ".lvl{font-weight:600;text-transform:uppercase;font-size:.75rem;letter-spacing:.03em;"
    "padding:0 .3em;border-radius:3px;color:#fff}\n"
    ".lvl-error .lvl{background:#b3261e}.lvl-warning .lvl{background:#8a5300}"
    ".lvl-suggestion .lvl{background:#00639b}\n"
    "code{font-size:.85em;overflow-wrap:anywhere}\n"
    ".st{--c:#eee;--b:#616161;background:var(--c);box-shadow:inset 0 -2px var(--b);"
    "border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    ".sp0{--c:#ffe0b2;--b:#e65100}.sp1{--c:#c8e6c9;--b:#1b5e20}.sp2{--c:#bbdefb;--b:#0d47a1}"
    ".sp3{--c:#f8bbd0;--b:#880e4f}.sp4{--c:#d1c4e9;--b:#311b92}.sp5{--c:#fff59d;--b:#8d6e00}"
    ".sp6{--c:#b2dfdb;--b:#004d40}.sp7{--c:#ffccbc;--b:#bf360c}.sp8{--c:#c5cae9;--b:#1a237e}"
    ".sp9{--c:#dcedc8;--b:#33691e}.sp10{--c:#f0f4c3;--b:#6b6b00}.sp11{--c:#b3e5fc;--b:#01579b}\n"
    ".off{background:none;box-shadow:none}\n"
    ".qt{text-decoration:underline dotted var(--muted)}\n"
    ".cue{font-weight:600}.src{box-shadow:inset 0 -3px var(--b,#616161)}\n"
    ".fd{text-decoration:underline wavy;text-decoration-thickness:2px;text-underline-offset:3px;"
    "text-decoration-skip-ink:none}\n"
    ".fd.lvl-error{text-decoration-color:#b3261e;background:#fde7e9}"
    ".fd.lvl-warning{text-decoration-color:#c77700}.fd.lvl-suggestion{"
    "text-decoration-color:#00639b;text-decoration-style:dotted}\n"
    ".hide-error .fd.lvl-error,.hide-warning .fd.lvl-warning,.hide-suggestion .fd.lvl-suggestion"
    "{text-decoration:none;background:none}\n"
    ".hide-error li.lvl-error,.hide-warning li.lvl-warning,.hide-suggestion li.lvl-suggestion"
    "{display:none}\n"
    "[data-tip]:hover::after,[data-tip]:focus::after{content:attr(data-tip);position:fixed;"
    "z-index:2;bottom:.75rem;left:.75rem;max-width:min(30rem,45vw);white-space:pre-line;"
    "background:#202124;color:#fff;font-size:.9rem;font-weight:400;line-height:1.45;"
    "padding:.5rem .75rem;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3)}\n"
    ".fd[data-tip]:hover::after,.fd[data-tip]:focus::after{left:auto;right:.75rem}\n"
    ":focus-visible{outline:3px solid #1a73e8;outline-offset:2px}\n"
    ":target{outline:3px solid #1a73e8;outline-offset:2px}\n"
    "table{border-collapse:collapse;width:100%;font-size:.95rem}\n"
    "th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid var(--line);"
    "vertical-align:top}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    ".sw{display:inline-block;width:.9em;height:.9em;border-radius:2px;margin-right:.4em;"
    "vertical-align:-.1em;background:var(--c);box-shadow:inset 0 0 0 2px var(--b)}\n"
    ".filters{border:1px solid var(--line);border-radius:6px;padding:.25rem .75rem;"
    "margin:.5rem 0}\n"
    ".filters label{margin-right:1rem;white-space:nowrap}\n"
    ".error-box{color:#b3261e}\n"
    "footer{color:var(--muted);font-size:.85rem;padding-bottom:2rem}\n"
    "@media print{body{background:#fff;font-size:11pt}section.file{border:0;padding:0;"
    "break-before:page}section.file:first-of-type{break-before:auto}.cols{display:block}"
    ".findings{position:static;max-height:none;overflow:visible}.filters,[data-filter]"
    "{display:none!important}[data-tip]:hover::after,[data-tip]:focus::after{display:none}"
    "a{color:inherit;text-decoration:none}:target{outline:none}}\n";

/*
 * The verification list; a second literal because C11 compilers need only
 * take string literals of 4095 bytes. The page has both in one <style>.
 */
static const char css_verify[] =
    ".qt.v-verbatim{text-decoration:underline solid #1b5e20}.qt.v-near{text-decoration:"
    "underline solid #c77700}.qt.v-missing{text-decoration:underline dashed #b3261e}\n"
    ".vlist{list-style:none;padding:0;margin:0}.vi{border-top:1px solid var(--line);"
    "padding:.5rem 0}\n"
    ".vhead{margin:0 0 .35rem;font-size:.9rem;color:var(--muted)}\n"
    ".vs{font-weight:600;text-transform:uppercase;font-size:.75rem;letter-spacing:.03em;"
    "padding:0 .3em;border-radius:3px;color:#fff}.v-verbatim .vs{background:#1b5e20}"
    ".v-near .vs{background:#8a5300}.v-missing .vs{background:#b3261e}\n"
    ".vpair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1rem}\n"
    "@media (max-width:50rem){.vpair{grid-template-columns:1fr}}\n"
    ".vpair blockquote{margin:0;padding:0 .75rem;border-left:3px solid var(--line)}\n"
    ".vl{display:block;font-size:.75rem;color:var(--muted);text-transform:uppercase;"
    "letter-spacing:.03em}\n"
    "del.d,ins.d{text-decoration-thickness:2px;-webkit-print-color-adjust:exact;"
    "print-color-adjust:exact}del.d{background:#fde7e9;color:#8c1d18}"
    "ins.d{background:#e6f4ea;color:#0d652d}.d.mk{background:none;color:var(--muted)}\n";

/*
 * The filters, and nothing else: it marks that it ran (data-ws-script) and
 * that the stylesheet was allowed (data-ws-style), which the browser test
 * checks against an injected script's marks.
 */
static const char script[] =
    "(function(){\n"
    "var d=document,root=d.documentElement;\n"
    "root.setAttribute('data-ws-script','ran');\n"
    "if(getComputedStyle(root).getPropertyValue('--ws-style').trim()==='ok')"
    "root.setAttribute('data-ws-style','ok');\n"
    "d.querySelectorAll('[data-filter]').forEach(function(el){el.hidden=false;});\n"
    "d.addEventListener('change',function(ev){\n"
    "var t=ev.target,v;\n"
    "if(t.hasAttribute('data-show-level')){\n"
    "d.body.classList.toggle('hide-'+t.getAttribute('data-show-level'),!t.checked);\n"
    "}else if(t.hasAttribute('data-show-speaker')){\n"
    "v=t.getAttribute('data-show-speaker');\n"
    "t.closest('section').querySelectorAll('[data-speaker]').forEach(function(el){\n"
    "if(el.getAttribute('data-speaker')!==v)return;\n"
    "if(el.tagName==='LI')el.hidden=!t.checked;else el.classList.toggle('off',!t.checked);\n"
    "});\n"
    "}\n"
    "});\n"
    "})();\n";

/* One highlighted stretch of the article's text. */
typedef struct interval {
    uint32_t start, end;   /* text offsets */
    uint8_t layer;
    uint32_t idx;          /* statement, quotation, finding index; the statement for sources and cues */
} interval;

typedef struct html_state {
    size_t n_files;
    ws_render_rows rows;
    WS_ARRAY(interval) ivs;
    WS_ARRAY(uint32_t) active;   /* indexes into ivs, in nesting order */
    WS_ARRAY(uint32_t) open;     /* what is open in the output */
    WS_ARRAY(uint32_t) bounds;
    unsigned char *is_started;   /* per interval: 1 its first piece was written, 2 it is not
                                    the first interval of its statement: never an id */
    size_t started_cap;
    WS_ARRAY(int32_t) ver_of;    /* per quotation of the report: its verification, or -1 */
} html_state;

static html_state *H(ws_renderer *r)
{
    return r->state;
}

static int put_esc(ws_renderer *r, const char *s, size_t len)
{
    return ws_render_escaped(r, ws_escape_html, s, len);
}

static int put_escs(ws_renderer *r, const char *s)
{
    return s ? put_esc(r, s, strlen(s)) : r->status;
}

static int put_hash(ws_renderer *r, const char *what, size_t len)
{
    uint8_t digest[32];
    ws_sha256(what, len, digest);
    ws_render_puts(r, "'sha256-");
    ws_buf b;
    ws_buf_init(&b, &r->mem);
    int rc = ws_base64(&b, digest, sizeof digest);
    if (rc < 0)
        r->status = rc;
    else
        ws_render_put(r, b.data, b.len);
    ws_buf_release(&b);
    return ws_render_puts(r, "'");
}

static int html_begin(ws_renderer *r)
{
    /* The style element's text, which its hash must cover exactly. */
    ws_buf style;
    ws_buf_init(&style, &r->mem);
    int rc = ws_buf_puts(&style, css);
    if (rc >= 0)
        rc = ws_buf_puts(&style, css_verify);
    if (rc < 0) {
        ws_buf_release(&style);
        return r->status = rc;
    }
    ws_render_puts(r, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                      "style-src ");
    put_hash(r, style.data, style.len);
    ws_render_puts(r, "; script-src ");
    put_hash(r, script, strlen(script));
    ws_render_puts(r, "; img-src 'none'; font-src 'none'; connect-src 'none'; "
                      "base-uri 'none'; form-action 'none'\">\n"
                      "<meta name=\"referrer\" content=\"no-referrer\">\n");
    ws_render_printf(r, "<meta name=\"generator\" content=\"whosaid %s\">\n", ws_version());
    ws_render_puts(r, "<title>whosaid report</title>\n<style>");
    ws_render_put(r, style.data, style.len);
    ws_buf_release(&style);
    ws_render_puts(r, "</style>\n</head>\n<body>\n<header class=\"top\">\n<h1>whosaid report</h1>\n"
                      "<fieldset class=\"filters\" data-filter hidden>\n"
                      "<legend>Show findings</legend>\n");
    static const char *const levels[] = {"error", "warning", "suggestion"};
    static const char *const labels[] = {"errors", "warnings", "suggestions"};
    for (int i = 0; i < 3; i++)
        ws_render_printf(r, "<label><input type=\"checkbox\" data-show-level=\"%s\" checked> %s"
                            "</label>\n", levels[i], labels[i]);
    return ws_render_puts(r, "</fieldset>\n</header>\n<main>\n");
}

static int sort_intervals(const void *pa, const void *pb)
{
    const interval *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->end != b->end)
        return a->end > b->end ? -1 : 1;
    if (a->layer != b->layer)
        return a->layer < b->layer ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int sort_u32(const void *pa, const void *pb)
{
    uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
    return a < b ? -1 : a > b;
}

static int add_interval(ws_renderer *r, uint32_t start, uint32_t end, uint8_t layer, uint32_t idx)
{
    html_state *h = H(r);
    if (end <= start)
        return WS_OK;
    if (WS_ARRAY_GROW(&r->mem, h->ivs) < 0)
        return r->status = WS_ENOMEM;
    interval iv = {start, end, layer, idx};
    h->ivs.v[h->ivs.n++] = iv;
    return WS_OK;
}

static int push(ws_renderer *r, void *arr_v, size_t *n, size_t *cap, uint32_t x)
{
    uint32_t **v = arr_v;
    if (ws_array_reserve(&r->mem, v, cap, *n + 1, sizeof **v) < 0)
        return r->status = WS_ENOMEM;
    (*v)[(*n)++] = x;
    return WS_OK;
}

static int speaker_class(const ws_statement *st)
{
    return st && st->speaker >= 0 ? st->speaker % N_COLORS : -1;
}

static int put_speaker_attrs(ws_renderer *r, const ws_statement *st)
{
    int c = speaker_class(st);
    if (c < 0)
        return ws_render_puts(r, " data-speaker=\"none\"");
    return ws_render_printf(r, " data-speaker=\"%d\"", st->speaker);
}

/* The tooltip of a statement: speaker, role, institution, cue and kind. */
static int put_statement_tip(ws_renderer *r, const ws_report *rep, const ws_statement *st)
{
    const ws_entity *e = st->speaker >= 0 ? ws_report_entity(rep, (size_t)st->speaker) : NULL;
    const char *text = ws_report_text(rep, NULL);
    ws_render_puts(r, " data-tip=\"Speaker: ");
    put_escs(r, e ? e->name : "not found");
    if (e && e->role) {
        ws_render_puts(r, "\nRole: ");
        put_escs(r, e->role);
    }
    if (e && e->institution) {
        ws_render_puts(r, "\nInstitution: ");
        put_escs(r, e->institution);
    }
    if (st->cue) {
        ws_render_puts(r, "\nCue: ");
        put_esc(r, text + st->cue->text_start, st->cue->text_end - st->cue->text_start);
        ws_render_printf(r, " (%s)", ws_cue_class_name(st->cue_class));
    }
    return ws_render_printf(r, "\nKind: %s\"", ws_statement_kind_name(st->kind));
}

static int open_element(ws_renderer *r, const ws_report *rep, size_t file, const interval *iv,
                        bool is_first)
{
    switch (iv->layer) {
    case L_STATEMENT: {
        const ws_statement *st = ws_report_statement(rep, iv->idx);
        int c = speaker_class(st);
        ws_render_puts(r, "<span");
        if (is_first)
            ws_render_printf(r, " id=\"f%zu-s%u\" tabindex=\"0\"", file, iv->idx);
        if (c >= 0)
            ws_render_printf(r, " class=\"st sp%d k-%s\"", c, ws_statement_kind_name(st->kind));
        else
            ws_render_printf(r, " class=\"st k-%s\"", ws_statement_kind_name(st->kind));
        ws_render_printf(r, " data-st=\"%u\"", iv->idx);
        put_speaker_attrs(r, st);
        put_statement_tip(r, rep, st);
        return ws_render_puts(r, ">");
    }
    case L_QUOTATION: {
        /* A checked quotation shows its status; the verification list links to it. */
        const html_state *h = H(r);
        int32_t v = iv->idx < h->ver_of.n ? h->ver_of.v[iv->idx] : -1;
        if (v < 0)
            return ws_render_puts(r, "<span class=\"qt\">");
        const ws_verification *ver = ws_report_verification(rep, (size_t)v);
        ws_render_puts(r, "<span");
        if (is_first)
            ws_render_printf(r, " id=\"f%zu-q%u\"", file, iv->idx);
        return ws_render_printf(r, " class=\"qt v-%s\">", ws_verify_status_name(ver->status));
    }
    case L_SOURCE:
    case L_CUE: {
        const ws_statement *st = ws_report_statement(rep, iv->idx);
        int c = speaker_class(st);
        ws_render_puts(r, iv->layer == L_CUE ? "<span class=\"cue" : "<span class=\"src");
        if (c >= 0 && iv->layer == L_SOURCE)
            ws_render_printf(r, " sp%d", c);
        ws_render_puts(r, "\"");
        if (iv->layer == L_SOURCE)
            put_speaker_attrs(r, st);
        return ws_render_puts(r, ">");
    }
    default: {
        const ws_finding *f = ws_report_finding(rep, iv->idx);
        ws_render_puts(r, "<mark");
        if (is_first)
            ws_render_printf(r, " id=\"f%zu-d%u\" tabindex=\"-1\"", file, iv->idx);
        ws_render_printf(r, " class=\"fd lvl-%s\" data-fd=\"%u\" data-tip=\"%s: ",
                         ws_level_name(f->level), iv->idx, ws_level_name(f->level));
        put_escs(r, f->message);
        ws_render_puts(r, "\n");
        put_escs(r, f->rule);
        return ws_render_puts(r, "\">");
    }
    }
}

static int close_element(ws_renderer *r, const interval *iv)
{
    return ws_render_puts(r, iv->layer == L_FINDING ? "</mark>" : "</span>");
}

static int collect_intervals(ws_renderer *r, const ws_report *rep, size_t text_len)
{
    html_state *h = H(r);
    const char *text = ws_report_text(rep, NULL);
    h->ivs.n = 0;
    for (size_t i = 0; i < ws_report_n_statements(rep); i++) {
        const ws_statement *st = ws_report_statement(rep, i);
        for (size_t k = 0; k < st->n_content; k++)
            add_interval(r, st->content[k].text_start, st->content[k].text_end, L_STATEMENT,
                         (uint32_t)i);
        if (st->source)
            add_interval(r, st->source->text_start, st->source->text_end, L_SOURCE, (uint32_t)i);
        if (st->cue)
            add_interval(r, st->cue->text_start, st->cue->text_end, L_CUE, (uint32_t)i);
    }
    for (size_t i = 0; i < ws_report_n_quotations(rep); i++) {
        const ws_quotation *q = ws_report_quotation(rep, i);
        add_interval(r, q->span.text_start, q->span.text_end, L_QUOTATION, (uint32_t)i);
    }
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        if (f->level < r->opts.min_level)
            continue;
        uint32_t s = f->span.text_start, e = f->span.text_end;
        /* An empty span still needs a place the findings list can link to. */
        if (e <= s) {
            if (s < text_len)
                e = ws_render_cp_next(text, text_len, s);
            else
                s = ws_render_cp_prev(text, (uint32_t)text_len), e = (uint32_t)text_len;
        }
        add_interval(r, s, e, L_FINDING, (uint32_t)i);
    }
    /* Clamp to the text; drop what is left empty. */
    size_t n = 0;
    for (size_t i = 0; i < h->ivs.n; i++) {
        interval iv = h->ivs.v[i];
        if (iv.end > text_len)
            iv.end = (uint32_t)text_len;
        if (iv.start < iv.end)
            h->ivs.v[n++] = iv;
    }
    h->ivs.n = n;
    if (h->ivs.n) /* qsort(NULL, 0) is undefined */
        qsort(h->ivs.v, h->ivs.n, sizeof *h->ivs.v, sort_intervals);
    /* A mention that is the source of two statements is drawn once. */
    n = 0;
    for (size_t i = 0; i < h->ivs.n; i++) {
        const interval *iv = &h->ivs.v[i];
        if (n && (iv->layer == L_SOURCE || iv->layer == L_CUE)) {
            const interval *prev = &h->ivs.v[n - 1];
            if (prev->layer == iv->layer && prev->start == iv->start && prev->end == iv->end)
                continue;
        }
        h->ivs.v[n++] = *iv;
    }
    h->ivs.n = n;
    if (h->ivs.n > h->started_cap) {
        unsigned char *p = ws_realloc(&r->mem, h->is_started, h->started_cap, h->ivs.n);
        if (!p)
            return r->status = WS_ENOMEM;
        h->is_started = p;
        h->started_cap = h->ivs.n;
    }
    if (h->ivs.n)
        memset(h->is_started, 0, h->ivs.n);
    /* A statement of several fragments has its id on the first one only. */
    size_t n_st = ws_report_n_statements(rep);
    unsigned char *seen = ws_calloc(&r->mem, n_st + 1, 1);
    if (!seen)
        return r->status = WS_ENOMEM;
    for (size_t i = 0; i < h->ivs.n; i++) {
        const interval *iv = &h->ivs.v[i];
        if (iv->layer != L_STATEMENT || iv->idx >= n_st)
            continue;
        if (seen[iv->idx])
            h->is_started[i] = 2;
        seen[iv->idx] = 1;
    }
    ws_free(&r->mem, seen);
    return r->status;
}

/*
 * The article as paragraphs with the intervals as properly nested elements:
 * the text is cut at every interval boundary and paragraph break, and for
 * each piece the elements covering it are opened in nesting order. An
 * element that ends while an inner one goes on closes the inner one, which
 * reopens as a continuation (without the id) right after.
 */
static int put_article(ws_renderer *r, const ws_report *rep, size_t file)
{
    html_state *h = H(r);
    size_t text_len;
    const char *text = ws_report_text(rep, &text_len);
    if (collect_intervals(r, rep, text_len) < 0)
        return r->status;
    /* Paragraphs are the stretches between runs of two or more line breaks. */
    h->bounds.n = 0;
    push(r, &h->bounds.v, &h->bounds.n, &h->bounds.cap, 0);
    push(r, &h->bounds.v, &h->bounds.n, &h->bounds.cap, (uint32_t)text_len);
    for (size_t i = 0; i < h->ivs.n; i++) {
        push(r, &h->bounds.v, &h->bounds.n, &h->bounds.cap, h->ivs.v[i].start);
        push(r, &h->bounds.v, &h->bounds.n, &h->bounds.cap, h->ivs.v[i].end);
    }
    for (size_t i = 0; i + 1 < text_len; i++) {
        if (text[i] == '\n' && text[i + 1] == '\n') {
            size_t e = i;
            while (e < text_len && text[e] == '\n')
                e++;
            push(r, &h->bounds.v, &h->bounds.n, &h->bounds.cap, (uint32_t)i);
            push(r, &h->bounds.v, &h->bounds.n, &h->bounds.cap, (uint32_t)e);
            i = e - 1;
        }
    }
    if (r->status < 0)
        return r->status;
    qsort(h->bounds.v, h->bounds.n, sizeof *h->bounds.v, sort_u32);

    ws_render_puts(r, "<article class=\"article\" aria-label=\"Article text\">\n");
    h->active.n = h->open.n = 0;
    size_t next_iv = 0;
    bool in_par = false;
    for (size_t b = 0; b + 1 < h->bounds.n && r->status >= 0; b++) {
        uint32_t pos = h->bounds.v[b], end = h->bounds.v[b + 1];
        if (pos == end)
            continue;
        /* Active: the intervals covering [pos, end), still in sorted order. */
        size_t n = 0;
        for (size_t k = 0; k < h->active.n; k++)
            if (h->ivs.v[h->active.v[k]].end > pos)
                h->active.v[n++] = h->active.v[k];
        h->active.n = n;
        while (next_iv < h->ivs.n && h->ivs.v[next_iv].start <= pos) {
            if (h->ivs.v[next_iv].end > pos)
                push(r, &h->active.v, &h->active.n, &h->active.cap, (uint32_t)next_iv);
            next_iv++;
        }
        /* Inside a run of line breaks every one has a neighbour; a lone one does not. */
        bool is_break = text[pos] == '\n' && ((pos + 1 < text_len && text[pos + 1] == '\n') ||
                                              (pos > 0 && text[pos - 1] == '\n'));
        /* Keep the open elements that are a prefix of the wanted ones. */
        size_t keep = 0;
        if (!is_break)
            while (keep < h->open.n && keep < h->active.n && h->open.v[keep] == h->active.v[keep])
                keep++;
        while (h->open.n > keep)
            close_element(r, &h->ivs.v[h->open.v[--h->open.n]]);
        if (is_break) {
            if (in_par)
                ws_render_puts(r, "</p>\n");
            in_par = false;
            continue;
        }
        if (!in_par)
            ws_render_puts(r, "<p>");
        in_par = true;
        for (size_t k = keep; k < h->active.n; k++) {
            uint32_t i = h->active.v[k];
            open_element(r, rep, file, &h->ivs.v[i], !h->is_started[i]);
            if (!h->is_started[i])
                h->is_started[i] = 1;
            push(r, &h->open.v, &h->open.n, &h->open.cap, i);
        }
        put_esc(r, text + pos, end - pos);
    }
    while (h->open.n)
        close_element(r, &h->ivs.v[h->open.v[--h->open.n]]);
    if (in_par)
        ws_render_puts(r, "</p>\n");
    if (text_len == 0)
        ws_render_puts(r, "<p class=\"note\">The article has no text.</p>\n");
    return ws_render_puts(r, "</article>\n");
}

/* A rule's help link, only when it is a web address: never javascript: or data:. */
static bool is_web_link(const char *link)
{
    return link && (strncasecmp(link, "https://", 8) == 0 || strncasecmp(link, "http://", 7) == 0);
}

static int put_findings(ws_renderer *r, const ws_report *rep, size_t file,
                        const ws_render_counts *c)
{
    ws_render_puts(r, "<aside class=\"findings\" aria-label=\"Findings\">\n<h3>Findings</h3>\n");
    for (size_t i = 0; i < ws_report_n_problems(rep); i++) {
        const ws_problem *p = ws_report_problem(rep, i);
        if (p->kind != WS_PROBLEM_RULE_LIMIT)
            continue;
        ws_render_puts(r, "<p class=\"error-box\">");
        put_escs(r, p->message);
        ws_render_puts(r, "</p>\n");
    }
    if (!c->n_findings)
        return ws_render_puts(r, "<p class=\"note\">No findings.</p>\n</aside>\n");
    ws_render_puts(r, "<ol>\n");
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const ws_finding *f = ws_report_finding(rep, i);
        if (f->level < r->opts.min_level)
            continue;
        const char *lvl = ws_level_name(f->level);
        ws_render_printf(r, "<li class=\"fi lvl-%s\"><a href=\"#f%zu-d%zu\"><span class=\"lvl\">%s"
                            "</span> line %u, column %u</a> ",
                         lvl, file, i, lvl, f->span.line, f->span.col);
        put_escs(r, f->message);
        if (f->suggestion) {
            ws_render_puts(r, " Replace with <q>");
            put_escs(r, f->suggestion);
            ws_render_puts(r, "</q>.");
        }
        ws_render_puts(r, " <code>");
        put_escs(r, f->rule);
        ws_render_puts(r, "</code>");
        if (is_web_link(f->link)) {
            ws_render_puts(r, " <a class=\"help\" href=\"");
            put_escs(r, f->link);
            ws_render_puts(r, "\" rel=\"noopener noreferrer\">about this rule</a>");
        }
        ws_render_puts(r, "</li>\n");
    }
    return ws_render_puts(r, "</ol>\n</aside>\n");
}

/* "12.5%" of words, rounded to one decimal, in integers so outputs never differ. */
static int put_share(ws_renderer *r, unsigned long words, unsigned long total)
{
    if (!total)
        return ws_render_puts(r, "&ndash;");
    unsigned long permille = (words * 1000 + total / 2) / total;
    return ws_render_printf(r, "%lu.%lu%%", permille / 10, permille % 10);
}

static int put_speaker_row(ws_renderer *r, const ws_entity *e, int id, unsigned n_direct,
                           unsigned n_indirect, unsigned long words, unsigned long total)
{
    char key[24];
    if (id >= 0)
        snprintf(key, sizeof key, "%d", id);
    else
        snprintf(key, sizeof key, "none");
    ws_render_printf(r, "<tr><td><input type=\"checkbox\" checked data-filter hidden "
                        "data-show-speaker=\"%s\" aria-label=\"Highlight the statements of ",
                     key);
    put_escs(r, e ? e->name : "no speaker found");
    ws_render_puts(r, "\"></td><th scope=\"row\">");
    if (id >= 0)
        ws_render_printf(r, "<span class=\"sw sp%d\"></span>", id % N_COLORS);
    else
        ws_render_puts(r, "<span class=\"sw\"></span>");
    put_escs(r, e ? e->name : "(no speaker found)");
    ws_render_puts(r, "</th><td>");
    put_escs(r, e ? ws_entity_type_name(e->type) : "");
    ws_render_puts(r, "</td><td>");
    put_escs(r, e && e->role ? e->role : "");
    ws_render_puts(r, "</td><td>");
    put_escs(r, e && e->institution ? e->institution : "");
    ws_render_printf(r, "</td><td class=\"n\">%u</td><td class=\"n\">%u</td><td class=\"n\">%lu"
                        "</td><td class=\"n\">",
                     n_direct, n_indirect, words);
    put_share(r, words, total);
    return ws_render_puts(r, "</td></tr>\n");
}

static int put_speakers(ws_renderer *r, const ws_report *rep)
{
    size_t n_ent = ws_report_n_entities(rep);
    /* Quoted words per speaker: top-level quotations that belong to a statement. */
    unsigned long *words = ws_calloc(&r->mem, n_ent + 1, sizeof *words);
    if (!words)
        return r->status = WS_ENOMEM;
    unsigned long total = 0;
    for (size_t i = 0; i < ws_report_n_quotations(rep); i++) {
        const ws_quotation *q = ws_report_quotation(rep, i);
        const ws_statement *st = q->statement >= 0 ? ws_report_statement(rep, (size_t)q->statement)
                                                   : NULL;
        if (!st || q->parent >= 0)
            continue;
        size_t k = st->speaker >= 0 && (size_t)st->speaker < n_ent ? (size_t)st->speaker : n_ent;
        words[k] += q->n_words;
        total += q->n_words;
    }
    unsigned n_direct = 0, n_indirect = 0;
    for (size_t i = 0; i < ws_report_n_statements(rep); i++) {
        const ws_statement *st = ws_report_statement(rep, i);
        if (st->speaker < 0)
            st->kind == WS_STATEMENT_INDIRECT ? n_indirect++ : n_direct++;
    }
    ws_render_puts(r, "<h3>Speakers</h3>\n");
    bool any = n_direct + n_indirect > 0;
    for (size_t i = 0; i < n_ent && !any; i++) {
        const ws_entity *e = ws_report_entity(rep, i);
        any = e->n_direct + e->n_indirect > 0;
    }
    if (!any) {
        ws_free(&r->mem, words);
        return ws_render_puts(r, "<p class=\"note\">Nobody is quoted.</p>\n");
    }
    ws_render_puts(r, "<table class=\"speakers\">\n<thead><tr><th scope=\"col\"><span "
                      "data-filter hidden>Show</span></th><th scope=\"col\">Speaker</th>"
                      "<th scope=\"col\">Type</th><th scope=\"col\">Role</th>"
                      "<th scope=\"col\">Institution</th><th scope=\"col\">Direct</th>"
                      "<th scope=\"col\">Indirect</th><th scope=\"col\">Quoted words</th>"
                      "<th scope=\"col\">Share of quoted words</th></tr></thead>\n<tbody>\n");
    for (size_t i = 0; i < n_ent; i++) {
        const ws_entity *e = ws_report_entity(rep, i);
        if (e->n_direct + e->n_indirect > 0)
            put_speaker_row(r, e, (int)i, e->n_direct, e->n_indirect, words[i], total);
    }
    if (n_direct + n_indirect > 0)
        put_speaker_row(r, NULL, -1, n_direct, n_indirect, words[n_ent], total);
    ws_free(&r->mem, words);
    return ws_render_puts(r, "</tbody>\n</table>\n");
}

static int put_statement_list(ws_renderer *r, const ws_report *rep, size_t file)
{
    size_t n = ws_report_n_statements(rep);
    if (!n)
        return r->status;
    const char *text = ws_report_text(rep, NULL);
    ws_render_printf(r, "<details class=\"statements\" open>\n<summary><h3>Statements (%zu)"
                        "</h3></summary>\n<ol>\n", n);
    for (size_t i = 0; i < n; i++) {
        const ws_statement *st = ws_report_statement(rep, i);
        const ws_entity *e = st->speaker >= 0 ? ws_report_entity(rep, (size_t)st->speaker) : NULL;
        const ws_span *sp = &st->content[0];
        ws_render_puts(r, "<li");
        put_speaker_attrs(r, st);
        ws_render_printf(r, "><a href=\"#f%zu-s%zu\">line %u</a> %s, ", file, i, sp->line,
                         ws_statement_kind_name(st->kind));
        put_escs(r, e ? e->name : "no speaker found");
        ws_render_puts(r, ": <q>");
        /* An excerpt, cut at a code point boundary. */
        uint32_t end = sp->text_start, n_cp = 0;
        while (end < sp->text_end && n_cp < EXCERPT_CP) {
            end++;
            while (end < sp->text_end && ((unsigned char)text[end] & 0xC0) == 0x80)
                end++;
            n_cp++;
        }
        put_esc(r, text + sp->text_start, end - sp->text_start);
        ws_render_puts(r, end < sp->text_end ? "&hellip;</q></li>\n" : "</q></li>\n");
    }
    return ws_render_puts(r, "</ol>\n</details>\n");
}

/* Map each quotation of @rep to its verification (-1: not checked). */
static int map_verifications(ws_renderer *r, const ws_report *rep)
{
    html_state *h = H(r);
    size_t n_q = ws_report_n_quotations(rep);
    h->ver_of.n = 0;
    if (ws_array_reserve(&r->mem, &h->ver_of.v, &h->ver_of.cap, n_q + 1, sizeof *h->ver_of.v) < 0)
        return r->status = WS_ENOMEM;
    for (size_t i = 0; i < n_q; i++)
        h->ver_of.v[i] = -1;
    h->ver_of.n = n_q;
    for (size_t i = 0; i < ws_report_n_verifications(rep); i++) {
        const ws_verification *v = ws_report_verification(rep, i);
        if (v->quotation < n_q)
            h->ver_of.v[v->quotation] = (int32_t)i;
    }
    return WS_OK;
}

/* Whether diff step @op is a difference the reader should see marked. */
static bool is_difference(const ws_diff_op *op)
{
    return op->kind != WS_DIFF_EQUAL;
}

static const char *diff_class(const ws_diff_op *op)
{
    return op->mark == WS_MARK_NONE ? "d" : "d mk";
}

/* A tooltip naming what a marked stretch is, for readers who cannot tell the colours. */
static const char *diff_title(const ws_diff_op *op, bool is_source_side)
{
    if (op->mark == WS_MARK_ELLIPSIS)
        return "left out at the ellipsis";
    if (op->mark == WS_MARK_BRACKETS)
        return is_source_side ? "replaced by the words in brackets" : "the writer's words, in brackets";
    switch (op->kind) {
    case WS_DIFF_ADDED: return "not in the source";
    case WS_DIFF_DROPPED: return "left out of the quotation";
    default: return is_source_side ? "what the source says" : "what the article puts instead";
    }
}

/*
 * The quotation as the article has it, the words it adds or changes marked:
 * the fragments' text, cut at the diff steps' spans in the article.
 */
static int put_quote_side(ws_renderer *r, const ws_report *rep, const ws_quotation *q,
                          const ws_verification *v)
{
    const char *text = ws_report_text(rep, NULL);
    size_t k = 0;
    for (size_t fi = 0; fi < q->n_fragments && r->status >= 0; fi++) {
        uint32_t pos = q->fragments[fi].text_start, end = q->fragments[fi].text_end;
        if (fi)
            ws_render_puts(r, " ");
        while (pos < end && r->status >= 0) {
            /* The next marked step that ends after pos. */
            while (k < v->n_ops && (!is_difference(&v->ops[k]) ||
                                    v->ops[k].quote_span.text_end <= pos ||
                                    v->ops[k].quote_span.text_end <= v->ops[k].quote_span.text_start))
                k++;
            const ws_diff_op *op = k < v->n_ops ? &v->ops[k] : NULL;
            uint32_t m0 = op ? op->quote_span.text_start : end;
            if (m0 > end)
                m0 = end;
            if (m0 < pos)
                m0 = pos;
            put_esc(r, text + pos, m0 - pos);
            pos = m0;
            if (!op || m0 >= end)
                break;
            uint32_t m1 = op->quote_span.text_end < end ? op->quote_span.text_end : end;
            ws_render_printf(r, "<ins class=\"%s\" title=\"%s\">", diff_class(op),
                             diff_title(op, false));
            put_esc(r, text + pos, m1 - pos);
            ws_render_puts(r, "</ins>");
            pos = m1;
        }
    }
    return r->status;
}

/*
 * The source passage, the words the quotation leaves out or changes
 * marked. The passage and the steps' source words have the same spacing,
 * and the steps come in order, so each is found after the one before;
 * what lies between (punctuation the words leave out) is written as it is.
 */
static int put_source_side(ws_renderer *r, const ws_verification *v)
{
    const char *passage = v->passage ? v->passage : "";
    size_t len = strlen(passage), pos = 0;
    for (size_t k = 0; k < v->n_ops && r->status >= 0; k++) {
        const ws_diff_op *op = &v->ops[k];
        const char *words = op->source_text ? op->source_text : "";
        size_t n = strlen(words);
        if (!n)
            continue;
        const char *at = strstr(passage + pos, words);
        if (!at)
            break; /* not as expected: the rest goes out unmarked */
        size_t off = (size_t)(at - passage);
        put_esc(r, passage + pos, off - pos);
        if (is_difference(op))
            ws_render_printf(r, "<del class=\"%s\" title=\"%s\">", diff_class(op),
                             diff_title(op, true));
        put_esc(r, passage + off, n);
        if (is_difference(op))
            ws_render_puts(r, "</del>");
        pos = off + n;
    }
    return put_esc(r, passage + pos, len - pos);
}

static int put_verification_item(ws_renderer *r, const ws_report *rep, size_t file, size_t i)
{
    const ws_verification *v = ws_report_verification(rep, i);
    const ws_quotation *q = ws_report_quotation(rep, v->quotation);
    if (!q)
        return r->status;
    const char *status = ws_verify_status_name(v->status);
    ws_render_printf(r, "<li class=\"vi v-%s\" id=\"f%zu-v%zu\">\n<p class=\"vhead\"><span "
                        "class=\"vs\">%s</span> ",
                     status, file, i, status);
    if (v->source_path)
        ws_render_printf(r, "%u of %u words, %u%% alike", v->n_matched, v->n_words, v->similarity);
    else
        ws_render_printf(r, "%u %s", v->n_words, ws_render_plural(v->n_words, "word", "words"));
    ws_render_printf(r, " &middot; <a href=\"#f%zu-q%zu\">line %u, column %u</a>", file,
                     v->quotation, q->span.line, q->span.col);
    if (v->speaker) {
        ws_render_puts(r, " &middot; attributed to ");
        put_escs(r, v->speaker);
    }
    if (v->source_path) {
        ws_render_puts(r, " &middot; source <code>");
        put_escs(r, v->source_path);
        ws_render_printf(r, ":%u:%u</code>", v->source_span.line, v->source_span.col);
    }
    if (v->source_speaker) {
        ws_render_puts(r, " &middot; speaker in the source: ");
        put_escs(r, v->source_speaker);
    }
    if (v->is_wrong_speaker)
        ws_render_puts(r, " <strong>(not the speaker the article names)</strong>");
    ws_render_puts(r, "</p>\n<div class=\"vpair\">\n<blockquote class=\"vq\"><span class=\"vl\">"
                      "In the article</span>");
    put_quote_side(r, rep, q, v);
    ws_render_puts(r, "</blockquote>\n<blockquote class=\"vp\"><span class=\"vl\">In the source"
                      "</span>");
    if (v->source_path)
        put_source_side(r, v);
    else
        ws_render_puts(r, "<em>Not found in any source.</em>");
    return ws_render_puts(r, "</blockquote>\n</div>\n</li>\n");
}

/* Each checked quotation beside its source passage. */
static int put_verifications(ws_renderer *r, const ws_report *rep, size_t file,
                             const ws_render_counts *c)
{
    ws_render_printf(r, "<details class=\"verify\" open>\n<summary><h3>Quotations against the "
                        "sources (%zu)</h3></summary>\n",
                     c->n_checked);
    if (!c->n_checked)
        return ws_render_puts(r, "<p class=\"note\">No quotation long enough to check.</p>\n"
                                 "</details>\n");
    ws_render_puts(r, "<p class=\"note\">Marked in the source: words the quotation leaves out "
                      "or changes; in the article: words it adds or puts in their place. Grey "
                      "marks are edits the quotation shows (an ellipsis, words in brackets).</p>\n"
                      "<ol class=\"vlist\">\n");
    for (size_t i = 0; i < c->n_checked && r->status >= 0; i++)
        put_verification_item(r, rep, file, i);
    return ws_render_puts(r, "</ol>\n</details>\n");
}

static int put_counts_line(ws_renderer *r, const ws_render_counts *c, bool has_sources)
{
    ws_render_printf(r, "<p class=\"counts\">%zu %s", c->n_statements,
                     ws_render_plural(c->n_statements, "statement", "statements"));
    if (c->n_statements)
        ws_render_printf(r, " (%zu direct, %zu partial, %zu indirect)",
                         c->n_by_kind[WS_STATEMENT_DIRECT], c->n_by_kind[WS_STATEMENT_PARTIAL],
                         c->n_by_kind[WS_STATEMENT_INDIRECT]);
    ws_render_printf(r, " &middot; %zu %s &middot; %zu %s", c->n_speakers,
                     ws_render_plural(c->n_speakers, "speaker", "speakers"), c->n_findings,
                     ws_render_plural(c->n_findings, "finding", "findings"));
    if (c->n_findings)
        ws_render_printf(r, " (%zu %s, %zu %s, %zu %s)", c->n_by_level[WS_LEVEL_ERROR],
                         ws_render_plural(c->n_by_level[WS_LEVEL_ERROR], "error", "errors"),
                         c->n_by_level[WS_LEVEL_WARNING],
                         ws_render_plural(c->n_by_level[WS_LEVEL_WARNING], "warning", "warnings"),
                         c->n_by_level[WS_LEVEL_SUGGESTION],
                         ws_render_plural(c->n_by_level[WS_LEVEL_SUGGESTION], "suggestion",
                                          "suggestions"));
    if (has_sources)
        ws_render_printf(r, " &middot; %zu %s checked against the sources (%zu verbatim, %zu near, "
                            "%zu missing)",
                         c->n_checked, ws_render_plural(c->n_checked, "quotation", "quotations"),
                         c->n_by_status[WS_VERIFY_VERBATIM], c->n_by_status[WS_VERIFY_NEAR],
                         c->n_by_status[WS_VERIFY_MISSING]);
    return ws_render_puts(r, "</p>\n");
}

static int html_report(ws_renderer *r, const ws_report *rep)
{
    html_state *h = H(r);
    size_t file = ++h->n_files;
    ws_render_counts c;
    ws_render_count(r, rep, &c);
    bool has_sources = ws_render_has_sources(r, rep);
    ws_render_add_row(r, &H(r)->rows, ws_report_path(rep), NULL, &c);
    map_verifications(r, rep);
    ws_render_printf(r, "<section class=\"file\" id=\"f%zu\" aria-labelledby=\"f%zu-h\">\n"
                        "<h2 id=\"f%zu-h\">",
                     file, file, file);
    put_escs(r, ws_report_path(rep));
    ws_render_puts(r, "</h2>\n");
    put_counts_line(r, &c, has_sources);
    ws_render_puts(r, "<div class=\"cols\">\n");
    put_article(r, rep, file);
    put_findings(r, rep, file, &c);
    ws_render_puts(r, "</div>\n");
    if (has_sources)
        put_verifications(r, rep, file, &c);
    put_speakers(r, rep);
    put_statement_list(r, rep, file);
    return ws_render_puts(r, "</section>\n");
}

static int html_failure(ws_renderer *r, const char *id, const char *path, const ws_diag *d)
{
    (void)id; /* only the json formats name the caller's id */
    html_state *h = H(r);
    size_t file = ++h->n_files;
    const char *msg = d->message[0] ? d->message : ws_strerror(d->code);
    ws_render_add_row(r, &H(r)->rows, path, msg, NULL);
    ws_render_printf(r, "<section class=\"file\" id=\"f%zu\" aria-labelledby=\"f%zu-h\">\n"
                        "<h2 id=\"f%zu-h\">",
                     file, file, file);
    put_escs(r, path);
    ws_render_puts(r, "</h2>\n<p class=\"error-box\">Not analysed: ");
    put_escs(r, msg);
    if (d->line)
        ws_render_printf(r, " (line %u, column %u)", d->line, d->col);
    return ws_render_puts(r, "</p>\n</section>\n");
}

static int html_end(ws_renderer *r)
{
    html_state *h = H(r);
    ws_render_puts(r, "</main>\n<footer>\n");
    bool has_sources = ws_ctx_n_sources(r->ctx) > 0;
    for (size_t i = 0; i < h->rows.n; i++)
        has_sources |= h->rows.v[i].counts.n_checked > 0;
    if (h->rows.n > 1) {
        ws_render_puts(r, "<h2>Files</h2>\n<table>\n<thead><tr><th scope=\"col\">File</th>"
                          "<th scope=\"col\">Statements</th><th scope=\"col\">Speakers</th>"
                          "<th scope=\"col\">Errors</th><th scope=\"col\">Warnings</th>"
                          "<th scope=\"col\">Suggestions</th>");
        if (has_sources)
            ws_render_puts(r, "<th scope=\"col\">Quotes verbatim</th><th scope=\"col\">Quotes "
                              "near</th><th scope=\"col\">Quotes missing</th>");
        ws_render_puts(r, "</tr></thead>\n<tbody>\n");
        for (size_t i = 0; i < h->rows.n; i++) {
            const ws_render_row *row = &h->rows.v[i];
            ws_render_printf(r, "<tr><th scope=\"row\"><a href=\"#f%zu\">", i + 1);
            put_escs(r, row->path);
            ws_render_puts(r, "</a></th>");
            if (row->error) {
                ws_render_printf(r, "<td colspan=\"%d\">not analysed: ", has_sources ? 8 : 5);
                put_escs(r, row->error);
                ws_render_puts(r, "</td></tr>\n");
                continue;
            }
            const ws_render_counts *c = &row->counts;
            ws_render_printf(r, "<td class=\"n\">%zu</td><td class=\"n\">%zu</td><td class=\"n\">"
                                "%zu</td><td class=\"n\">%zu</td><td class=\"n\">%zu</td>",
                             c->n_statements, c->n_speakers, c->n_by_level[WS_LEVEL_ERROR],
                             c->n_by_level[WS_LEVEL_WARNING], c->n_by_level[WS_LEVEL_SUGGESTION]);
            if (has_sources)
                ws_render_printf(r, "<td class=\"n\">%zu</td><td class=\"n\">%zu</td>"
                                    "<td class=\"n\">%zu</td>",
                                 c->n_by_status[WS_VERIFY_VERBATIM], c->n_by_status[WS_VERIFY_NEAR],
                                 c->n_by_status[WS_VERIFY_MISSING]);
            ws_render_puts(r, "</tr>\n");
        }
        ws_render_puts(r, "</tbody>\n</table>\n");
    }
    if (h->rows.n == 0)
        ws_render_puts(r, "<p>No articles.</p>\n");
    ws_render_printf(r, "<p>Made by whosaid %s.</p>\n</footer>\n<script>", ws_version());
    ws_render_puts(r, script);
    return ws_render_puts(r, "</script>\n</body>\n</html>\n");
}

static void html_release(ws_renderer *r)
{
    html_state *h = H(r);
    if (!h)
        return;
    ws_render_free_rows(r, &h->rows);
    ws_free(&r->mem, h->ivs.v);
    ws_free(&r->mem, h->active.v);
    ws_free(&r->mem, h->open.v);
    ws_free(&r->mem, h->bounds.v);
    ws_free(&r->mem, h->is_started);
    ws_free(&r->mem, h->ver_of.v);
}

const ws_render_ops ws_render_html_ops = {
    .name = "html",
    .state_size = sizeof(html_state),
    .begin = html_begin,
    .report = html_report,
    .failure = html_failure,
    .end = html_end,
    .release = html_release,
};
