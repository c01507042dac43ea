/* json_writer.c - streaming JSON with stable layout. */
#include "render/json_writer.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "render/escape.h"
#include "text/utf8.h"

void ws_json_init(ws_json *j, ws_renderer *r)
{
    memset(j, 0, sizeof *j);
    j->r = r;
}

void ws_json_init_nested(ws_json *j, ws_renderer *r, int depth)
{
    ws_json_init(j, r);
    j->depth = depth > 0 && depth < WS_JSON_MAX_DEPTH ? depth : 0;
}

static int indent(ws_json *j)
{
    static const char newline_and_spaces[] =
        "\n                                                                ";
    size_t n = (size_t)j->depth * 2 + 1;
    const char *p = newline_and_spaces;
    int rc = WS_OK;
    while (rc >= 0 && n) {
        size_t k = n < sizeof newline_and_spaces - 1 ? n : sizeof newline_and_spaces - 1;
        rc = ws_render_put(j->r, p, k);
        n -= k;
        p = newline_and_spaces + 1; /* the rest is spaces only */
    }
    return rc;
}

/* Separator and layout before a value or key inside the current container. */
static int before_item(ws_json *j)
{
    int rc = WS_OK;
    if (j->after_key) {
        j->after_key = false;
        return WS_OK;
    }
    if (j->depth == 0)
        return WS_OK;
    bool first = !j->has_items[j->depth];
    j->has_items[j->depth] = true;
    if (!first && (rc = ws_render_put(j->r, ",", 1)) < 0)
        return rc;
    if (j->is_compact)
        return WS_OK;
    if (j->is_inline[j->depth])
        return first ? WS_OK : ws_render_put(j->r, " ", 1);
    return indent(j);
}

/*
 * An error is sticky (the renderer's status): once a write has failed,
 * nothing is opened or closed any more, so the depth cannot go below the
 * document's bottom when callers go on closing what failed to open.
 */
static int open_container(ws_json *j, char c, bool is_inline)
{
    if (j->r->status < 0)
        return j->r->status;
    int rc = before_item(j);
    if (rc < 0)
        return rc;
    if (j->depth + 1 >= WS_JSON_MAX_DEPTH)
        return j->r->status = WS_ELIMIT;
    j->depth++;
    j->has_items[j->depth] = false;
    /* Inside an inline container everything stays inline. */
    j->is_inline[j->depth] = is_inline || j->is_inline[j->depth - 1];
    return ws_render_put(j->r, &c, 1);
}

static int close_container(ws_json *j, char c)
{
    if (j->r->status < 0 || j->depth == 0)
        return j->r->status < 0 ? j->r->status : (j->r->status = WS_EINVAL);
    int rc = WS_OK;
    bool had = j->has_items[j->depth];
    bool was_inline = j->is_inline[j->depth];
    j->depth--;
    if (had && !was_inline && !j->is_compact) {
        if ((rc = indent(j)) < 0)
            return rc;
    }
    return ws_render_put(j->r, &c, 1);
}

int ws_json_begin_object(ws_json *j, bool is_inline)
{
    return open_container(j, '{', is_inline);
}

int ws_json_end_object(ws_json *j)
{
    return close_container(j, '}');
}

int ws_json_begin_array(ws_json *j, bool is_inline)
{
    return open_container(j, '[', is_inline);
}

int ws_json_end_array(ws_json *j)
{
    return close_container(j, ']');
}

static int put_string(ws_json *j, const char *s, size_t len)
{
    int rc = ws_render_put(j->r, "\"", 1);
    if (rc >= 0)
        rc = ws_render_escaped(j->r, ws_escape_json, s, len);
    return rc < 0 ? rc : ws_render_put(j->r, "\"", 1);
}

/* Keys are the program's own names: plain ASCII needs no escaper. */
static bool is_plain_key(const char *key, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)key[i];
        if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\')
            return false;
    }
    return true;
}

int ws_json_key(ws_json *j, const char *key)
{
    int rc = before_item(j);
    size_t len = strlen(key);
    if (rc >= 0 && len <= 64 && is_plain_key(key, len)) {
        char quoted[64 + 4];
        quoted[0] = '"';
        memcpy(quoted + 1, key, len);
        memcpy(quoted + 1 + len, "\": ", 3);
        rc = ws_render_put(j->r, quoted, len + (j->is_compact ? 3 : 4));
    } else if (rc >= 0) {
        rc = put_string(j, key, len);
        if (rc >= 0)
            rc = ws_render_put(j->r, ": ", j->is_compact ? 1 : 2);
    }
    j->after_key = true;
    return rc;
}

int ws_json_strn(ws_json *j, const char *s, size_t len)
{
    int rc = before_item(j);
    return rc < 0 ? rc : put_string(j, s, len);
}

int ws_json_str(ws_json *j, const char *s)
{
    if (!s)
        return ws_json_null(j);
    return ws_json_strn(j, s, strlen(s));
}

int ws_json_int(ws_json *j, int64_t v)
{
    int rc = before_item(j);
    if (rc < 0)
        return rc;
    /* Offsets and counts make up much of a report: no printf for them. */
    char digits[24];
    char *end = digits + sizeof digits, *p = end;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return ws_render_put(j->r, p, (size_t)(end - p));
}

int ws_json_bool(ws_json *j, bool v)
{
    int rc = before_item(j);
    return rc < 0 ? rc : ws_render_puts(j->r, v ? "true" : "false");
}

int ws_json_null(ws_json *j)
{
    int rc = before_item(j);
    return rc < 0 ? rc : ws_render_puts(j->r, "null");
}

int ws_json_rendered_item(ws_json *j, const char *json, size_t len)
{
    if (j->r->status < 0)
        return j->r->status;
    /* The item brings its own line break and indentation; only the
     * separator depends on what came before it. */
    bool first = !j->has_items[j->depth];
    j->has_items[j->depth] = true;
    int rc = first || j->depth == 0 ? WS_OK : ws_render_put(j->r, ",", 1);
    return rc < 0 ? rc : ws_render_put(j->r, json, len);
}

/* RFC 8259 §7: '"', then characters other than '"', '\\' and controls, or escapes. */
static bool is_json_string(const char *s)
{
    if (*s++ != '"')
        return false;
    for (; *s && *s != '"'; s++) {
        if ((unsigned char)*s < 0x20)
            return false;
        if (*s != '\\')
            continue;
        s++;
        if (*s == 'u') {
            for (int k = 1; k <= 4; k++)
                if (!isxdigit((unsigned char)s[k]))
                    return false;
            s += 4;
        } else if (!*s || !strchr("\"\\/bfnrt", *s)) {
            return false;
        }
    }
    return s[0] == '"' && s[1] == '\0';
}

/* RFC 8259 §6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool is_json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (isdigit((unsigned char)*s))
            s++;
    else
        return false;
    if (*s == '.') {
        if (!isdigit((unsigned char)*++s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char)*s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    return *s == '\0';
}

/*
 * The string's own escapes must stay as they are, so only the bytes that are
 * not UTF-8 change: to U+FFFD, as ws_escape_json() writes them.
 */
static int repair_utf8(ws_buf *out, const char *s, size_t len)
{
    return ws_utf8_repair(s, len, out);
}

int ws_json_raw_scalar(ws_json *j, const char *json)
{
    if (!json)
        return ws_json_null(j);
    /* The CLI hands over what its parser read; a library caller may not. */
    if (!is_json_string(json) && !is_json_number(json))
        return ws_json_str(j, json);
    int rc = before_item(j);
    return rc < 0 ? rc : ws_render_escaped(j->r, repair_utf8, json, strlen(json));
}

int ws_json_end_document(ws_json *j)
{
    return ws_render_put(j->r, "\n", 1);
}

int ws_json_kv_str(ws_json *j, const char *key, const char *s)
{
    int rc = ws_json_key(j, key);
    return rc < 0 ? rc : ws_json_str(j, s);
}

int ws_json_kv_int(ws_json *j, const char *key, int64_t v)
{
    int rc = ws_json_key(j, key);
    return rc < 0 ? rc : ws_json_int(j, v);
}
