/*
 * read_html.c - HTML (a whole page or a CMS fragment) as the text a browser
 * shows: tags removed, character references decoded, white space collapsed,
 * block elements as paragraphs, <q> as inserted quotation marks.
 *
 * One forward pass, linear in the input. It is not a full HTML tree builder:
 * it keeps a capped stack of the elements that shape the text (blocks, lists,
 * headings, tables, block quotations, q) and applies the HTML standard's
 * implied-end-tag rules to them (13.2.6.4.7 "in body"), so that an unclosed
 * <p>, <li> or <td> closes where a browser closes it. Inline elements are
 * not tracked: they change nothing in the text.
 */
#include <string.h>

#include "input/html_entity.h"
#include "input/reader.h"
#include "text/utf8.h"

/*
 * Elements nested deeper than this are not tracked (their text still is):
 * hostile input nests 10,000 unclosed <div>s, and a bounded stack keeps both
 * memory and the int16_t indexes below in check.
 */
enum { MAX_OPEN = 512, MAX_TAG_NAME_LEN = 12 };

/* The elements the reader knows, in the byte order of their names: the
 * table below is searched by bisection and indexed by these ids. */
typedef enum tag_id {
    TAG_UNKNOWN = 0,
    TAG_ADDRESS, TAG_ARTICLE, TAG_ASIDE, TAG_BASE, TAG_BASEFONT, TAG_BGSOUND, TAG_BLOCKQUOTE,
    TAG_BODY, TAG_BR, TAG_CAPTION, TAG_CENTER, TAG_DD, TAG_DETAILS, TAG_DIALOG, TAG_DIV, TAG_DL,
    TAG_DT, TAG_FIELDSET, TAG_FIGCAPTION, TAG_FIGURE, TAG_FOOTER, TAG_FORM, TAG_H1, TAG_H2,
    TAG_H3, TAG_H4, TAG_H5, TAG_H6, TAG_HEAD, TAG_HEADER, TAG_HGROUP, TAG_HR, TAG_HTML,
    TAG_IFRAME, TAG_LEGEND, TAG_LI, TAG_LINK, TAG_MAIN, TAG_MATH, TAG_MENU, TAG_META, TAG_NAV,
    TAG_NOEMBED, TAG_NOFRAMES, TAG_NOSCRIPT, TAG_OBJECT, TAG_OL, TAG_P, TAG_PRE, TAG_Q,
    TAG_SCRIPT, TAG_SEARCH, TAG_SECTION, TAG_SELECT, TAG_STYLE, TAG_SUMMARY, TAG_SVG, TAG_TABLE,
    TAG_TBODY, TAG_TD, TAG_TEMPLATE, TAG_TEXTAREA, TAG_TFOOT, TAG_TH, TAG_THEAD, TAG_TITLE,
    TAG_TR, TAG_UL,
    N_TAGS
} tag_id;

enum tag_flag {
    F_TRACKED = 1 << 0,     /* kept on the stack of open elements */
    F_BLOCK = 1 << 1,       /* its start and end tags end the current block */
    F_CLOSES_P = 1 << 2,    /* its start tag closes an open p in button scope */
    F_SPECIAL = 1 << 3,     /* the standard's "special" category */
    F_SCOPE = 1 << 4,       /* bounds "has an element in scope" */
    F_LIST = 1 << 5,        /* ol, ul: also bound list item scope */
    F_TABLE_SCOPE = 1 << 6, /* html, table: bound table scope */
    F_RAW_TEXT = 1 << 7,    /* hidden; its content is text up to its end tag */
    F_HIDDEN = 1 << 8,      /* hidden; its content is markup, skipped to the matching end tag */
    F_IN_HEAD = 1 << 9,     /* may stand in head without ending it */
    F_HEADING = 1 << 10,
};

#define BLOCK_TAG (F_TRACKED | F_BLOCK | F_SPECIAL | F_CLOSES_P)
#define TABLE_PART_TAG (F_TRACKED | F_BLOCK | F_SPECIAL)

typedef struct tag_info {
    const char *name;
    unsigned flags;
} tag_info;

static const tag_info tags[N_TAGS] = {
    [TAG_UNKNOWN] = {"", 0},
    [TAG_ADDRESS] = {"address", BLOCK_TAG},
    [TAG_ARTICLE] = {"article", BLOCK_TAG},
    [TAG_ASIDE] = {"aside", BLOCK_TAG},
    [TAG_BASE] = {"base", F_IN_HEAD},
    [TAG_BASEFONT] = {"basefont", F_IN_HEAD},
    [TAG_BGSOUND] = {"bgsound", F_IN_HEAD},
    [TAG_BLOCKQUOTE] = {"blockquote", BLOCK_TAG},
    [TAG_BODY] = {"body", F_TRACKED | F_BLOCK | F_SPECIAL},
    [TAG_BR] = {"br", 0},
    [TAG_CAPTION] = {"caption", TABLE_PART_TAG | F_SCOPE},
    [TAG_CENTER] = {"center", BLOCK_TAG},
    [TAG_DD] = {"dd", BLOCK_TAG},
    [TAG_DETAILS] = {"details", BLOCK_TAG},
    [TAG_DIALOG] = {"dialog", BLOCK_TAG},
    [TAG_DIV] = {"div", BLOCK_TAG},
    [TAG_DL] = {"dl", BLOCK_TAG},
    [TAG_DT] = {"dt", BLOCK_TAG},
    [TAG_FIELDSET] = {"fieldset", BLOCK_TAG},
    [TAG_FIGCAPTION] = {"figcaption", BLOCK_TAG},
    [TAG_FIGURE] = {"figure", BLOCK_TAG},
    [TAG_FOOTER] = {"footer", BLOCK_TAG},
    [TAG_FORM] = {"form", BLOCK_TAG},
    [TAG_H1] = {"h1", BLOCK_TAG | F_HEADING},
    [TAG_H2] = {"h2", BLOCK_TAG | F_HEADING},
    [TAG_H3] = {"h3", BLOCK_TAG | F_HEADING},
    [TAG_H4] = {"h4", BLOCK_TAG | F_HEADING},
    [TAG_H5] = {"h5", BLOCK_TAG | F_HEADING},
    [TAG_H6] = {"h6", BLOCK_TAG | F_HEADING},
    [TAG_HEAD] = {"head", F_HIDDEN},
    [TAG_HEADER] = {"header", BLOCK_TAG},
    [TAG_HGROUP] = {"hgroup", BLOCK_TAG},
    [TAG_HR] = {"hr", F_BLOCK | F_CLOSES_P},
    [TAG_HTML] = {"html", F_TRACKED | F_BLOCK | F_SPECIAL | F_SCOPE | F_TABLE_SCOPE},
    [TAG_IFRAME] = {"iframe", F_RAW_TEXT},
    [TAG_LEGEND] = {"legend", F_TRACKED | F_BLOCK},
    [TAG_LI] = {"li", BLOCK_TAG},
    [TAG_LINK] = {"link", F_IN_HEAD},
    [TAG_MAIN] = {"main", BLOCK_TAG},
    [TAG_MATH] = {"math", F_HIDDEN},
    [TAG_MENU] = {"menu", BLOCK_TAG},
    [TAG_META] = {"meta", F_IN_HEAD},
    [TAG_NAV] = {"nav", BLOCK_TAG},
    [TAG_NOEMBED] = {"noembed", F_RAW_TEXT},
    [TAG_NOFRAMES] = {"noframes", F_RAW_TEXT | F_IN_HEAD},
    /* Raw text as in a browser with scripting on. */
    [TAG_NOSCRIPT] = {"noscript", F_RAW_TEXT | F_IN_HEAD},
    [TAG_OBJECT] = {"object", F_HIDDEN},
    [TAG_OL] = {"ol", BLOCK_TAG | F_LIST},
    [TAG_P] = {"p", BLOCK_TAG},
    [TAG_PRE] = {"pre", BLOCK_TAG},
    [TAG_Q] = {"q", F_TRACKED},
    [TAG_SCRIPT] = {"script", F_RAW_TEXT | F_IN_HEAD},
    [TAG_SEARCH] = {"search", BLOCK_TAG},
    [TAG_SECTION] = {"section", BLOCK_TAG},
    [TAG_SELECT] = {"select", F_HIDDEN},
    [TAG_STYLE] = {"style", F_RAW_TEXT | F_IN_HEAD},
    [TAG_SUMMARY] = {"summary", BLOCK_TAG},
    [TAG_SVG] = {"svg", F_HIDDEN},
    [TAG_TABLE] = {"table", BLOCK_TAG | F_SCOPE | F_TABLE_SCOPE},
    [TAG_TBODY] = {"tbody", TABLE_PART_TAG},
    [TAG_TD] = {"td", TABLE_PART_TAG | F_SCOPE},
    [TAG_TEMPLATE] = {"template", F_HIDDEN | F_IN_HEAD},
    /* textarea and title are RCDATA: hidden all the same. */
    [TAG_TEXTAREA] = {"textarea", F_RAW_TEXT},
    [TAG_TFOOT] = {"tfoot", TABLE_PART_TAG},
    [TAG_TH] = {"th", TABLE_PART_TAG | F_SCOPE},
    [TAG_THEAD] = {"thead", TABLE_PART_TAG},
    [TAG_TITLE] = {"title", F_RAW_TEXT | F_IN_HEAD},
    [TAG_TR] = {"tr", TABLE_PART_TAG},
    [TAG_UL] = {"ul", BLOCK_TAG | F_LIST},
};

/* The kinds of boundary a search down the stack stops at. */
enum barrier_kind {
    B_SCOPE,           /* "has an element in scope" (and button scope: button is not tracked) */
    B_LIST_ITEM_SCOPE, /* "in list item scope" */
    B_TABLE_SCOPE,     /* "in table scope" */
    B_LI_WALK,         /* where <li> stops looking for an li to close */
    B_DD_WALK,         /* where <dd>, <dt> stop looking for a dd or dt to close */
    N_BARRIERS
};

typedef struct open_element {
    uint8_t tag;             /* tag_id */
    bool is_live_quote;      /* q whose opening mark is out and closing mark is not */
    bool is_single_quote;    /* q: ‘ ’ inside an odd number of open q, else “ ” */
    int16_t below_same;      /* the next open element of the same tag below, or -1 */
    int16_t barrier[N_BARRIERS]; /* the innermost barrier of each kind at or below, or -1 */
    uint32_t quote_group;    /* blockquote: its group number */
} open_element;

typedef struct tag {
    uint32_t start;          /* the '<' */
    uint32_t end;            /* after the '>' */
    tag_id id;
    bool is_end;
    bool is_self_closing;
    bool is_complete;        /* false when the input ended inside the tag */
} tag;

typedef struct html_reader {
    ws_emitter e;
    ws_doc *doc;
    const char *src;
    uint32_t len;
    uint32_t pos;
    open_element open[MAX_OPEN];
    uint32_t n_open;
    int16_t innermost_of[N_TAGS];   /* the innermost open element of each tag, or -1 */
    uint16_t n_open_of[N_TAGS];
    uint32_t n_live_quotes;
    uint32_t n_quote_groups;
    uint32_t content_end_src;           /* input offset after the last thing emitted */
    /* A <br> waiting for more text: a second one ends the paragraph instead. */
    bool has_pending_break;
    uint32_t pending_break_src;
    uint32_t pending_break_len;
    /* Inside hidden content (head, svg, ...): its tag and nesting depth. */
    tag_id hidden_tag;
    uint32_t hidden_depth;
    /* A search for "]]>" that failed from here on fails for any later start. */
    uint32_t no_cdata_end_from;
} html_reader;

static const char OPEN_DOUBLE[] = "\u201C", CLOSE_DOUBLE[] = "\u201D";
static const char OPEN_SINGLE[] = "\u2018", CLOSE_SINGLE[] = "\u2019";
enum { MARK_LEN = 3 }; /* bytes of each of the four marks in UTF-8 */

static bool is_html_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static bool is_ascii_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower_ascii(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

static unsigned flags_of(tag_id id)
{
    return tags[id].flags;
}

/* The tag named @name[0..n) in any case, or TAG_UNKNOWN. */
static tag_id find_tag(const char *name, uint32_t n)
{
    char lower[MAX_TAG_NAME_LEN + 1];
    if (n == 0 || n > MAX_TAG_NAME_LEN)
        return TAG_UNKNOWN;
    for (uint32_t i = 0; i < n; i++)
        lower[i] = lower_ascii(name[i]);
    lower[n] = '\0';
    int lo = 1, hi = N_TAGS - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        int c = strcmp(lower, tags[mid].name);
        if (c == 0)
            return (tag_id)mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return TAG_UNKNOWN;
}

/* ------------------------------------------------------------------------ */
/* Tokenizing                                                               */
/* ------------------------------------------------------------------------ */

/*
 * Skip the attributes of a tag from @i, as the standard's attribute states
 * do (13.2.5.32-42): names may start with '=', quoted values may hold '>'
 * and line breaks, unquoted values end at white space or '>'. Returns the
 * offset after the closing '>', or @len when the input ends first.
 */
static uint32_t skip_attributes(const char *s, uint32_t len, uint32_t i, tag *t)
{
    while (i < len) {
        char c = s[i];
        if (is_html_space(c)) {
            i++;
            continue;
        }
        if (c == '>') {
            t->is_complete = true;
            return i + 1;
        }
        if (c == '/') {
            i++;
            if (i < len && s[i] == '>') {
                t->is_self_closing = t->is_complete = true;
                return i + 1;
            }
            continue;
        }
        i++; /* the name's first character, which may be '=' */
        while (i < len && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=')
            i++;
        while (i < len && is_html_space(s[i]))
            i++;
        if (i >= len || s[i] != '=')
            continue;
        i++;
        while (i < len && is_html_space(s[i]))
            i++;
        if (i < len && (s[i] == '"' || s[i] == '\'')) {
            const char *close = memchr(s + i + 1, s[i], len - i - 1);
            if (!close)
                return len;
            i = (uint32_t)(close - s) + 1;
        } else {
            while (i < len && !is_html_space(s[i]) && s[i] != '>')
                i++;
        }
    }
    return len;
}

/* Read the start or end tag at @at: "<" or "</" followed by an ASCII letter. */
static tag read_tag(const char *s, uint32_t len, uint32_t at)
{
    tag t;
    memset(&t, 0, sizeof t);
    t.start = at;
    uint32_t i = at + 1;
    if (s[i] == '/') {
        t.is_end = true;
        i++;
    }
    uint32_t name_start = i;
    while (i < len && !is_html_space(s[i]) && s[i] != '/' && s[i] != '>')
        i++;
    t.id = find_tag(s + name_start, i - name_start);
    t.end = skip_attributes(s, len, i, &t);
    return t;
}

/*
 * Where the raw text of element @name starting at @from ends: at "</name"
 * in any case followed by white space, '/' or '>' (so "</script" inside a
 * script's string ends it, as in browsers), or at the end of the input.
 */
static uint32_t find_raw_text_end(const char *s, uint32_t len, uint32_t from, const char *name)
{
    size_t name_len = strlen(name);
    for (uint32_t i = from; i < len; i++) {
        const char *lt = memchr(s + i, '<', len - i);
        if (!lt)
            break;
        i = (uint32_t)(lt - s);
        if (len - i < name_len + 3 || s[i + 1] != '/')
            continue;
        bool is_match = true;
        for (size_t k = 0; k < name_len && is_match; k++)
            is_match = lower_ascii(s[i + 2 + k]) == name[k];
        char after = s[i + 2 + name_len];
        if (is_match && (is_html_space(after) || after == '/' || after == '>'))
            return i;
    }
    return len;
}

/* The offset after the first '>' from @from, or @len. */
static uint32_t skip_past_gt(const char *s, uint32_t len, uint32_t from)
{
    const char *gt = from < len ? memchr(s + from, '>', len - from) : NULL;
    return gt ? (uint32_t)(gt - s) + 1 : len;
}

/* ------------------------------------------------------------------------ */
/* The stack of open elements                                               */
/* ------------------------------------------------------------------------ */

static bool is_barrier(tag_id id, int kind)
{
    unsigned f = flags_of(id);
    bool is_walk_exempt = id == TAG_ADDRESS || id == TAG_DIV || id == TAG_P;
    switch (kind) {
    case B_SCOPE: return f & F_SCOPE;
    case B_LIST_ITEM_SCOPE: return f & (F_SCOPE | F_LIST);
    case B_TABLE_SCOPE: return f & F_TABLE_SCOPE;
    case B_LI_WALK: return (f & F_SPECIAL) && !is_walk_exempt && id != TAG_LI;
    default: return (f & F_SPECIAL) && !is_walk_exempt && id != TAG_DD && id != TAG_DT;
    }
}

static int innermost_barrier(const html_reader *r, int kind)
{
    return r->n_open ? r->open[r->n_open - 1].barrier[kind] : -1;
}

/* Is the open element at stack index @at (or -1) reachable before a barrier of @kind? */
static bool is_in_scope(const html_reader *r, int at, int kind)
{
    return at >= 0 && innermost_barrier(r, kind) <= at;
}

/* Push element @id; false when the stack is full and it is not tracked. */
static bool push_element(html_reader *r, tag_id id)
{
    if (r->n_open == MAX_OPEN)
        return false;
    int16_t at = (int16_t)r->n_open;
    open_element *el = &r->open[at];
    memset(el, 0, sizeof *el);
    el->tag = (uint8_t)id;
    el->below_same = r->innermost_of[id];
    for (int k = 0; k < N_BARRIERS; k++)
        el->barrier[k] = is_barrier(id, k) ? at : at ? r->open[at - 1].barrier[k] : -1;
    r->innermost_of[id] = at;
    r->n_open_of[id]++;
    r->n_open++;
    return true;
}

/* Pop the open elements down to stack index @at, inclusive. */
static void pop_to(html_reader *r, int at)
{
    while (at >= 0 && r->n_open > (uint32_t)at) {
        const open_element *el = &r->open[--r->n_open];
        r->innermost_of[el->tag] = el->below_same;
        r->n_open_of[el->tag]--;
        if (el->is_live_quote)
            r->n_live_quotes--;
    }
}

/* Close the element of tag @id if it is open within a @kind scope. */
static void close_in_scope(html_reader *r, tag_id id, int kind)
{
    if (is_in_scope(r, r->innermost_of[id], kind))
        pop_to(r, r->innermost_of[id]);
}

static int innermost_of_either(const html_reader *r, tag_id a, tag_id b)
{
    int x = r->innermost_of[a], y = r->innermost_of[b];
    return x > y ? x : y;
}

static int innermost_heading(const html_reader *r)
{
    int at = -1;
    for (int id = TAG_H1; id <= TAG_H6; id++)
        if (r->innermost_of[id] > at)
            at = r->innermost_of[id];
    return at;
}

/* ------------------------------------------------------------------------ */
/* Emitting                                                                 */
/* ------------------------------------------------------------------------ */

/*
 * What a block opened now is: anything inside a blockquote is quoted
 * material (so one blockquote stays one run of WS_BLOCK_QUOTE blocks), then
 * headings, then list items.
 */
static int begin_block(html_reader *r, uint32_t src_off)
{
    int bq = r->innermost_of[TAG_BLOCKQUOTE];
    if (bq >= 0) {
        uint16_t depth = r->n_open_of[TAG_BLOCKQUOTE];
        return ws_emit_block_begin(&r->e, WS_BLOCK_QUOTE, (uint8_t)(depth > 255 ? 255 : depth),
                                   r->open[bq].quote_group, src_off);
    }
    int h = innermost_heading(r);
    if (h >= 0)
        return ws_emit_block_begin(&r->e, WS_BLOCK_HEADING,
                                   (uint8_t)(r->open[h].tag - TAG_H1 + 1), 0, src_off);
    if (r->innermost_of[TAG_LI] >= 0)
        return ws_emit_block_begin(&r->e, WS_BLOCK_LIST_ITEM, 0, 0, src_off);
    return ws_emit_block_begin(&r->e, WS_BLOCK_PARAGRAPH, 0, 0, src_off);
}

/* Before content at @src_off: open a block, put out a waiting <br>. */
static int prepare_content(html_reader *r, uint32_t src_off)
{
    int rc = WS_OK;
    if (!r->e.in_block) {
        rc = begin_block(r, src_off);
    } else if (r->has_pending_break) {
        rc = ws_emit_newline(&r->e, r->pending_break_src, r->pending_break_len);
        r->content_end_src = r->pending_break_src + r->pending_break_len;
    }
    r->has_pending_break = false;
    return rc;
}

static int emit_text(html_reader *r, uint32_t src_off, uint32_t len)
{
    int rc = prepare_content(r, src_off);
    if (rc < 0)
        return rc;
    r->content_end_src = src_off + len;
    return ws_emit_copy(&r->e, src_off, len);
}

static int emit_mark(html_reader *r, uint32_t src_off, uint32_t src_len, const char *mark)
{
    int rc = prepare_content(r, src_off);
    if (rc < 0)
        return rc;
    if (src_len)
        r->content_end_src = src_off + src_len;
    return ws_emit_subst(&r->e, src_off, src_len, mark, MARK_LEN);
}

/*
 * Close every <q> still open in the block that ends, innermost first. The
 * mark goes right after the last text (a zero-length source range there),
 * not after the white space a browser would not show either.
 */
static int close_live_quotes(html_reader *r)
{
    int rc = WS_OK;
    for (uint32_t i = r->n_open; i-- > 0 && r->open[i].is_live_quote;) {
        open_element *q = &r->open[i];
        ws_emit_drop_space(&r->e); /* the emitter would put the space before the mark */
        rc = emit_mark(r, r->content_end_src, 0, q->is_single_quote ? CLOSE_SINGLE : CLOSE_DOUBLE);
        if (rc < 0)
            return rc;
        q->is_live_quote = false;
        r->n_live_quotes--;
    }
    return rc;
}

/* A block boundary: a <br> waiting dies, open quotations close, the block ends. */
static int end_block(html_reader *r)
{
    r->has_pending_break = false;
    int rc = close_live_quotes(r);
    if (rc < 0)
        return rc;
    return ws_emit_block_end(&r->e);
}

static bool is_in_pre(const html_reader *r)
{
    return r->innermost_of[TAG_PRE] >= 0;
}

/*
 * <br>: a line break inside the paragraph. Two in a row end the paragraph
 * instead, as a blank line does in plain text: CMS exports separate
 * paragraphs that way, and quotation marks must not pair across them.
 */
static int break_line(html_reader *r, const tag *t)
{
    if (ws_emit_block_is_empty(&r->e))
        return WS_OK;
    if (is_in_pre(r)) {
        r->content_end_src = t->end;
        return ws_emit_newline(&r->e, t->start, t->end - t->start);
    }
    if (r->has_pending_break)
        return end_block(r);
    r->has_pending_break = true;
    r->pending_break_src = t->start;
    r->pending_break_len = t->end - t->start;
    return WS_OK;
}

/*
 * <q>: an opening mark standing for the tag, recorded so that the
 * quotation scanner flags what it pairs as WS_QUOTE_MARKUP.
 */
static int open_quote(html_reader *r, const tag *t)
{
    if (r->n_open == MAX_OPEN)
        return WS_OK; /* untracked: its end tag could not be matched, so no marks */
    bool is_single = r->n_live_quotes % 2;
    int rc = emit_mark(r, t->start, t->end - t->start, is_single ? OPEN_SINGLE : OPEN_DOUBLE);
    if (rc < 0)
        return rc;
    ws_doc *doc = r->doc;
    if ((rc = WS_ARRAY_GROW(doc->mem, doc->markup_quote_opens)) < 0)
        return rc;
    doc->markup_quote_opens.v[doc->markup_quote_opens.n++] = (uint32_t)r->e.text.len - MARK_LEN;
    push_element(r, TAG_Q);
    open_element *q = &r->open[r->n_open - 1];
    q->is_live_quote = true;
    q->is_single_quote = is_single;
    r->n_live_quotes++;
    return WS_OK;
}

/* </q>: the closing mark stands for the tag. */
static int close_quote(html_reader *r, const tag *t)
{
    int at = r->innermost_of[TAG_Q];
    /* Not live: its block has ended and closed it already. */
    if (at < 0 || !r->open[at].is_live_quote)
        return WS_OK;
    int rc = emit_mark(r, t->start, t->end - t->start,
                       r->open[at].is_single_quote ? CLOSE_SINGLE : CLOSE_DOUBLE);
    pop_to(r, at);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Tree building                                                            */
/* ------------------------------------------------------------------------ */

/* The implied end tags a block's start tag causes (HTML 13.2.6.4.7). */
static void close_implied_by(html_reader *r, tag_id id)
{
    if (flags_of(id) & F_CLOSES_P)
        close_in_scope(r, TAG_P, B_SCOPE);
    switch (id) {
    case TAG_LI:
        close_in_scope(r, TAG_LI, B_LI_WALK);
        break;
    case TAG_DD: case TAG_DT: {
        int at = innermost_of_either(r, TAG_DD, TAG_DT);
        if (is_in_scope(r, at, B_DD_WALK))
            pop_to(r, at);
        break;
    }
    case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6:
        if (r->n_open && (flags_of(r->open[r->n_open - 1].tag) & F_HEADING))
            pop_to(r, (int)r->n_open - 1);
        break;
    case TAG_TD: case TAG_TH: case TAG_TR: case TAG_TBODY: case TAG_THEAD: case TAG_TFOOT: {
        /* A new cell closes the open cell; a new row also the row; a new
         * row group also the row group. */
        int cell = innermost_of_either(r, TAG_TD, TAG_TH);
        if (is_in_scope(r, cell, B_TABLE_SCOPE))
            pop_to(r, cell);
        if (id == TAG_TD || id == TAG_TH)
            break;
        close_in_scope(r, TAG_TR, B_TABLE_SCOPE);
        if (id == TAG_TR)
            break;
        int group = innermost_of_either(r, TAG_TBODY, TAG_THEAD);
        if (r->innermost_of[TAG_TFOOT] > group)
            group = r->innermost_of[TAG_TFOOT];
        if (is_in_scope(r, group, B_TABLE_SCOPE))
            pop_to(r, group);
        break;
    }
    default:
        break;
    }
}

static int start_element(html_reader *r, const tag *t)
{
    unsigned f = flags_of(t->id);
    if (f & F_HIDDEN) {
        /* <svg/> and <math/> are empty; other elements ignore the '/'. */
        bool is_empty = t->is_self_closing && (t->id == TAG_SVG || t->id == TAG_MATH);
        if (!is_empty) {
            r->hidden_tag = t->id;
            r->hidden_depth = 1;
        }
        return WS_OK;
    }
    if (t->id == TAG_BR)
        return break_line(r, t);
    if (t->id == TAG_Q)
        return open_quote(r, t);
    if (!(f & F_BLOCK))
        return WS_OK;
    int rc = end_block(r);
    if (rc < 0)
        return rc;
    close_implied_by(r, t->id);
    if (!(f & F_TRACKED))
        return WS_OK;
    if ((t->id == TAG_HTML || t->id == TAG_BODY) && r->innermost_of[t->id] >= 0)
        return WS_OK; /* a second <body> merges into the first */
    if (push_element(r, t->id) && t->id == TAG_BLOCKQUOTE)
        r->open[r->n_open - 1].quote_group = ++r->n_quote_groups;
    return WS_OK;
}

/* Pop to stack index @at when it is open: the end of a block. */
static int end_element_at(html_reader *r, int at)
{
    int rc = end_block(r);
    pop_to(r, at);
    return rc;
}

static int end_element(html_reader *r, const tag *t)
{
    unsigned f = flags_of(t->id);
    switch (t->id) {
    case TAG_BR:
        return break_line(r, t); /* </br> is <br>, as in browsers */
    case TAG_Q:
        return close_quote(r, t);
    case TAG_P: {
        /* A </p> with no open p still breaks the line: browsers insert an empty p. */
        int rc = end_block(r);
        close_in_scope(r, TAG_P, B_SCOPE);
        return rc;
    }
    case TAG_BODY: case TAG_HTML:
        /* Text after </body> still goes into the body. */
        return end_block(r);
    case TAG_LI:
        if (is_in_scope(r, r->innermost_of[TAG_LI], B_LIST_ITEM_SCOPE))
            return end_element_at(r, r->innermost_of[TAG_LI]);
        return WS_OK;
    case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5: case TAG_H6: {
        /* Any heading's end tag closes the open heading, whatever its level. */
        int at = innermost_heading(r);
        return is_in_scope(r, at, B_SCOPE) ? end_element_at(r, at) : WS_OK;
    }
    case TAG_TABLE: case TAG_CAPTION: case TAG_TBODY: case TAG_THEAD: case TAG_TFOOT: case TAG_TR:
    case TAG_TD: case TAG_TH:
        if (is_in_scope(r, r->innermost_of[t->id], B_TABLE_SCOPE))
            return end_element_at(r, r->innermost_of[t->id]);
        return WS_OK;
    default:
        if ((f & F_TRACKED) && is_in_scope(r, r->innermost_of[t->id], B_SCOPE))
            return end_element_at(r, r->innermost_of[t->id]);
        return WS_OK;
    }
}

/*
 * Inside head, a tag that cannot stand there ends it, as in browsers: many
 * pages never close their head.
 */
static bool ends_head(const tag *t)
{
    if (t->is_end)
        return t->id == TAG_BODY || t->id == TAG_HTML || t->id == TAG_BR;
    return !(flags_of(t->id) & F_IN_HEAD) && t->id != TAG_HEAD && t->id != TAG_HTML;
}

/* A tag inside hidden content only counts the nesting of the hidden element. */
static void track_hidden_nesting(html_reader *r, const tag *t)
{
    if (t->id != r->hidden_tag)
        return;
    if (t->is_end) {
        if (--r->hidden_depth == 0)
            r->hidden_tag = TAG_UNKNOWN;
    } else if (t->id != TAG_HEAD && !(t->is_self_closing && (t->id == TAG_SVG || t->id == TAG_MATH))) {
        r->hidden_depth++;
    }
}

static int handle_tag(html_reader *r, const tag *t)
{
    if (!t->is_complete)
        return WS_OK; /* the input ended inside the tag: dropped, as in browsers */
    int rc = WS_OK;
    if (r->hidden_tag == TAG_HEAD && ends_head(t))
        r->hidden_tag = TAG_UNKNOWN;
    if (r->hidden_tag != TAG_UNKNOWN)
        track_hidden_nesting(r, t);
    else
        rc = t->is_end ? end_element(r, t) : start_element(r, t);
    if (rc == WS_OK && !t->is_end && (flags_of(t->id) & F_RAW_TEXT))
        r->pos = find_raw_text_end(r->src, r->len, r->pos, tags[t->id].name);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The main loop's readers                                                  */
/* ------------------------------------------------------------------------ */

/* <!-- ... -->: kept for suppression directives, never in the text. */
static int read_comment(html_reader *r)
{
    const char *s = r->src;
    uint32_t len = r->len, body = r->pos + 4, body_end = len, end = len;
    if (body < len && s[body] == '>') {
        body_end = body; /* <!--> */
        end = body + 1;
    } else if (body + 1 < len && s[body] == '-' && s[body + 1] == '>') {
        body_end = body; /* <!---> */
        end = body + 2;
    } else {
        for (uint32_t i = body; i + 3 <= len; i++) {
            const char *dash = memchr(s + i, '-', len - i);
            if (!dash)
                break;
            i = (uint32_t)(dash - s);
            if (i + 3 <= len && s[i + 1] == '-' && s[i + 2] == '>') {
                body_end = i;
                end = i + 3;
                break;
            }
            if (i + 4 <= len && s[i + 1] == '-' && s[i + 2] == '!' && s[i + 3] == '>') {
                body_end = i; /* --!> ends a comment too */
                end = i + 4;
                break;
            }
        }
    }
    int rc = ws_emit_comment(&r->e, r->pos, end, s + body, body_end - body);
    r->pos = end;
    return rc;
}

/* <![CDATA[ ... ]]>: skipped; without "]]>" ahead it ends at '>' as in browsers. */
static void skip_cdata(html_reader *r)
{
    const char *s = r->src;
    uint32_t from = r->pos + 9;
    if (from < r->no_cdata_end_from) {
        for (uint32_t i = from; i + 3 <= r->len; i++) {
            const char *bracket = memchr(s + i, ']', r->len - i);
            if (!bracket)
                break;
            i = (uint32_t)(bracket - s);
            if (i + 3 <= r->len && s[i + 1] == ']' && s[i + 2] == '>') {
                r->pos = i + 3;
                return;
            }
        }
        r->no_cdata_end_from = from;
    }
    r->pos = skip_past_gt(s, r->len, from);
}

static bool starts_with(const html_reader *r, const char *prefix)
{
    size_t n = strlen(prefix);
    return r->len - r->pos >= n && memcmp(r->src + r->pos, prefix, n) == 0;
}

/* '<': a tag, a comment, a declaration, or just a less-than sign. */
static int read_markup(html_reader *r)
{
    const char *s = r->src;
    uint32_t at = r->pos, len = r->len;
    bool has_1 = at + 1 < len, has_2 = at + 2 < len;
    if ((has_1 && is_ascii_alpha(s[at + 1])) || (has_2 && s[at + 1] == '/' && is_ascii_alpha(s[at + 2]))) {
        tag t = read_tag(s, len, at);
        r->pos = t.end;
        return handle_tag(r, &t);
    }
    if (starts_with(r, "<!--"))
        return read_comment(r);
    if (starts_with(r, "<![CDATA[")) {
        skip_cdata(r);
        return WS_OK;
    }
    if (has_1 && (s[at + 1] == '!' || s[at + 1] == '?')) {
        r->pos = skip_past_gt(s, len, at + 2); /* doctype, <?...?>, bogus comment */
        return WS_OK;
    }
    if (has_2 && s[at + 1] == '/') {
        /* "</>" is dropped; "</" and anything else but a letter: a bogus comment. */
        r->pos = s[at + 2] == '>' ? at + 3 : skip_past_gt(s, len, at + 2);
        return WS_OK;
    }
    r->pos = at + 1;
    return r->hidden_tag != TAG_UNKNOWN ? WS_OK : emit_text(r, at, 1);
}

/*
 * Text inside hidden content is skipped; in head, text that is not white
 * space ends the head (browsers move it into the body).
 */
static void skip_hidden_text(html_reader *r)
{
    const char *s = r->src;
    const char *lt = memchr(s + r->pos, '<', r->len - r->pos);
    uint32_t end = lt ? (uint32_t)(lt - s) : r->len;
    if (r->hidden_tag == TAG_HEAD) {
        for (uint32_t i = r->pos; i < end; i++) {
            if (!is_html_space(s[i])) {
                r->pos = i;
                r->hidden_tag = TAG_UNKNOWN;
                return;
            }
        }
    }
    r->pos = end;
}

/* White space decoded from a reference: collapses, or in pre is kept. */
static int emit_space_ref(html_reader *r, uint32_t src_off, uint32_t src_len, int32_t cp)
{
    if (!is_in_pre(r))
        return ws_emit_space(&r->e, src_off, src_len);
    if (cp == '\n' || cp == '\r') {
        r->content_end_src = src_off + src_len;
        return ws_emit_newline(&r->e, src_off, src_len);
    }
    char c = (char)cp;
    int rc = prepare_content(r, src_off);
    r->content_end_src = src_off + src_len;
    return rc < 0 ? rc : ws_emit_subst(&r->e, src_off, src_len, &c, 1);
}

/* '&': a character reference, or an ampersand. */
static int read_char_ref(html_reader *r)
{
    int32_t cp[2];
    uint32_t at = r->pos;
    size_t n = ws_html_entity_decode(r->src + at, r->len - at, cp);
    if (n == 0) {
        r->pos = at + 1;
        return emit_text(r, at, 1);
    }
    r->pos = at + (uint32_t)n;
    if (cp[1] == 0 && cp[0] < 0x80 && is_html_space((char)cp[0]))
        return emit_space_ref(r, at, (uint32_t)n, cp[0]);
    int rc = prepare_content(r, at);
    if (rc < 0)
        return rc;
    r->content_end_src = at + (uint32_t)n;
    if (cp[1] == 0)
        return ws_emit_cp(&r->e, at, (uint32_t)n, cp[0]);
    /* Two code points (&NotEqualTilde;): one piece of text for one reference. */
    char u[8];
    size_t u_len = 0;
    for (int i = 0; i < 2; i++) {
        int32_t c = cp[i];
        if (c <= 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            c = 0xFFFD;
        u_len += ws_utf8_encode(c, u + u_len);
    }
    return ws_emit_subst(&r->e, at, (uint32_t)n, u, u_len);
}

/* A run of white space: one collapsed space, or in pre kept as it is. */
static int read_space(html_reader *r)
{
    const char *s = r->src;
    uint32_t at = r->pos, end = at;
    while (end < r->len && is_html_space(s[end]))
        end++;
    r->pos = end;
    if (!is_in_pre(r))
        return ws_emit_space(&r->e, at, end - at);
    int rc = WS_OK;
    for (uint32_t i = at; i < end && rc == WS_OK;) {
        if (s[i] == '\n' || s[i] == '\r') {
            uint32_t n = s[i] == '\r' && i + 1 < end && s[i + 1] == '\n' ? 2 : 1;
            r->content_end_src = i + n;
            rc = ws_emit_newline(&r->e, i, n);
            i += n;
            continue;
        }
        uint32_t j = i;
        while (j < end && s[j] != '\n' && s[j] != '\r')
            j++;
        rc = emit_text(r, i, j - i);
        i = j;
    }
    return rc;
}

static int read_text_run(html_reader *r)
{
    const char *s = r->src;
    uint32_t at = r->pos, end = at;
    while (end < r->len && s[end] != '<' && s[end] != '&' && !is_html_space(s[end]))
        end++;
    r->pos = end;
    return emit_text(r, at, end - at);
}

int ws_read_html(ws_doc *doc)
{
    /* The stack of open elements makes this too big for the C stack of a
     * thread with a small one: allocate it. */
    html_reader *r = ws_calloc(doc->mem, 1, sizeof *r);
    if (!r)
        return WS_ENOMEM;
    ws_emitter_init(&r->e, doc);
    r->doc = doc;
    r->src = doc->src;
    r->len = doc->src_len;
    r->no_cdata_end_from = UINT32_MAX;
    for (int i = 0; i < N_TAGS; i++)
        r->innermost_of[i] = -1;
    int rc = WS_OK;
    if (r->len >= 3 && memcmp(r->src, "\xEF\xBB\xBF", 3) == 0)
        r->pos = 3;
    while (r->pos < r->len) {
        char c = r->src[r->pos];
        if (c == '<')
            WS_TRY(read_markup(r));
        else if (r->hidden_tag != TAG_UNKNOWN)
            skip_hidden_text(r);
        else if (c == '&')
            WS_TRY(read_char_ref(r));
        else if (is_html_space(c))
            WS_TRY(read_space(r));
        else
            WS_TRY(read_text_run(r));
    }
    WS_TRY(end_block(r));
    WS_TRY(ws_emitter_finish(&r->e));
out:
    ws_emitter_release(&r->e);
    ws_free(doc->mem, r);
    return rc;
}
