/*
 * jsonl.c - a strict reader for the one JSON object of a batch request line
 * (RFC 8259): strings are decoded with their escapes and surrogate pairs,
 * nesting is bounded, anything malformed is an error with its column.
 */
#include "cli/jsonl.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/utf8.h"

/* Deeper than this, a skipped value is refused (no recursion to exhaust). */
enum { MAX_DEPTH = 64 };

typedef struct reader {
    const char *s;
    size_t len;
    size_t at;
    char *err;
    size_t err_len;
    bool failed;
} reader;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int fail(reader *r, const char *fmt, ...)
{
    if (!r->failed) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(r->err, r->err_len, fmt, ap);
        va_end(ap);
        r->failed = true;
    }
    return -1;
}

static void skip_space(reader *r)
{
    while (r->at < r->len && (r->s[r->at] == ' ' || r->s[r->at] == '\t' || r->s[r->at] == '\r'))
        r->at++;
}

static int hex4(reader *r, uint32_t *out)
{
    if (r->len - r->at < 4)
        return fail(r, "short \\u escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        char c = r->s[r->at++];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return fail(r, "bad hex digit in \\u escape");
    }
    *out = v;
    return 0;
}

/*
 * A string at r->at (on its opening quote). With @out, decoded into a
 * malloc'd buffer (never longer than the escaped text); without, skipped.
 * Raw bytes are copied as they are: the article reader checks UTF-8.
 */
static int read_string(reader *r, char **out, size_t *out_len)
{
    r->at++; /* the opening quote */
    char *buf = NULL;
    size_t n = 0;
    if (out && !(buf = malloc(r->len - r->at + 1)))
        return fail(r, "out of memory");
    while (r->at < r->len) {
        unsigned char c = (unsigned char)r->s[r->at];
        if (c == '"') {
            r->at++;
            if (out) {
                buf[n] = '\0';
                *out = buf;
                *out_len = n;
            }
            return 0;
        }
        if (c < 0x20) {
            free(buf);
            return fail(r, "control character in a string");
        }
        if (c != '\\') {
            if (buf)
                buf[n++] = (char)c;
            r->at++;
            continue;
        }
        if (++r->at >= r->len)
            break;
        char e = r->s[r->at++];
        char one = 0;
        switch (e) {
        case '"': one = '"'; break;
        case '\\': one = '\\'; break;
        case '/': one = '/'; break;
        case 'b': one = '\b'; break;
        case 'f': one = '\f'; break;
        case 'n': one = '\n'; break;
        case 'r': one = '\r'; break;
        case 't': one = '\t'; break;
        case 'u': {
            uint32_t cp, lo;
            if (hex4(r, &cp) < 0)
                goto bad;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (r->len - r->at < 2 || r->s[r->at] != '\\' || r->s[r->at + 1] != 'u') {
                    fail(r, "lone surrogate in \\u escape");
                    goto bad;
                }
                r->at += 2;
                if (hex4(r, &lo) < 0)
                    goto bad;
                if (lo < 0xDC00 || lo > 0xDFFF) {
                    fail(r, "lone surrogate in \\u escape");
                    goto bad;
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                fail(r, "lone surrogate in \\u escape");
                goto bad;
            }
            /* Six escaped bytes never decode to more than four. */
            if (buf)
                n += ws_utf8_encode((int32_t)cp, buf + n);
            continue;
        }
        default:
            r->at--;
            fail(r, "unknown escape '\\%c'", e);
            goto bad;
        }
        if (buf)
            buf[n++] = one;
    }
    fail(r, "unterminated string");
bad:
    free(buf);
    return -1;
}

static bool is_number_char(char c)
{
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

static int skip_value(reader *r, int depth);

static int skip_container(reader *r, int depth, char close)
{
    if (depth >= MAX_DEPTH)
        return fail(r, "nested deeper than %d levels", MAX_DEPTH);
    r->at++;
    skip_space(r);
    if (r->at < r->len && r->s[r->at] == close) {
        r->at++;
        return 0;
    }
    for (;;) {
        skip_space(r);
        if (close == '}') {
            if (r->at >= r->len || r->s[r->at] != '"')
                return fail(r, "expected a member name");
            if (read_string(r, NULL, NULL) < 0)
                return -1;
            skip_space(r);
            if (r->at >= r->len || r->s[r->at] != ':')
                return fail(r, "expected ':'");
            r->at++;
        }
        if (skip_value(r, depth + 1) < 0)
            return -1;
        skip_space(r);
        if (r->at < r->len && r->s[r->at] == ',') {
            r->at++;
            continue;
        }
        if (r->at < r->len && r->s[r->at] == close) {
            r->at++;
            return 0;
        }
        return fail(r, "expected ',' or '%c'", close);
    }
}

static int skip_value(reader *r, int depth)
{
    skip_space(r);
    if (r->at >= r->len)
        return fail(r, "expected a value");
    char c = r->s[r->at];
    if (c == '"')
        return read_string(r, NULL, NULL);
    if (c == '{')
        return skip_container(r, depth, '}');
    if (c == '[')
        return skip_container(r, depth, ']');
    static const char *const words[] = {"true", "false", "null"};
    for (size_t i = 0; i < 3; i++) {
        size_t n = strlen(words[i]);
        if (r->len - r->at >= n && !memcmp(r->s + r->at, words[i], n)) {
            r->at += n;
            return 0;
        }
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        while (r->at < r->len && is_number_char(r->s[r->at]))
            r->at++;
        return 0;
    }
    return fail(r, "unexpected character '%c'", c);
}

static bool read_digits(reader *r)
{
    size_t from = r->at;
    while (r->at < r->len && r->s[r->at] >= '0' && r->s[r->at] <= '9')
        r->at++;
    return r->at > from;
}

/* RFC 8259 §6, -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?: the column of a
 * fault is that of the character that breaks the grammar. */
static int read_number(reader *r)
{
    if (r->s[r->at] == '-')
        r->at++;
    if (r->at < r->len && r->s[r->at] == '0')
        r->at++;
    else if (!read_digits(r))
        return fail(r, "malformed number");
    if (r->at < r->len && r->s[r->at] == '.') {
        r->at++;
        if (!read_digits(r))
            return fail(r, "malformed number");
    }
    if (r->at < r->len && (r->s[r->at] == 'e' || r->s[r->at] == 'E')) {
        r->at++;
        if (r->at < r->len && (r->s[r->at] == '+' || r->s[r->at] == '-'))
            r->at++;
        if (!read_digits(r))
            return fail(r, "malformed number");
    }
    if (r->at < r->len && is_number_char(r->s[r->at]))
        return fail(r, "malformed number");
    return 0;
}

/*
 * The id kept as its JSON text, to be echoed. Only a string or a number, as
 * documented: the answer's id must be the JSON value the caller sent.
 */
static int raw_value(reader *r, char **out)
{
    skip_space(r);
    size_t start = r->at;
    if (r->at >= r->len)
        return fail(r, "expected a value");
    char c = r->s[r->at];
    if (c == '"') {
        if (read_string(r, NULL, NULL) < 0)
            return -1;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (read_number(r) < 0)
            return -1;
    } else {
        return fail(r, "the id must be a string or a number");
    }
    size_t n = r->at - start;
    if (!(*out = malloc(n + 1)))
        return fail(r, "out of memory");
    memcpy(*out, r->s + start, n);
    (*out)[n] = '\0';
    return 0;
}

static int string_member(reader *r, const char *name, char **out, size_t *out_len)
{
    skip_space(r);
    if (r->at >= r->len || r->s[r->at] != '"')
        return fail(r, "\"%s\" must be a string", name);
    if (*out)
        return fail(r, "\"%s\" given twice", name);
    size_t n;
    if (read_string(r, out, &n) < 0)
        return -1;
    if (out_len)
        *out_len = n;
    return 0;
}

static int parse_object(reader *r, ws_jsonl_request *req)
{
    skip_space(r);
    if (r->at >= r->len || r->s[r->at] != '{')
        return fail(r, "expected a JSON object");
    r->at++;
    skip_space(r);
    if (r->at < r->len && r->s[r->at] == '}') {
        r->at++;
        return 0;
    }
    for (;;) {
        skip_space(r);
        char *name = NULL;
        size_t name_len;
        if (r->at >= r->len || r->s[r->at] != '"')
            return fail(r, "expected a member name");
        if (read_string(r, &name, &name_len) < 0)
            return -1;
        skip_space(r);
        int rc;
        if (r->at >= r->len || r->s[r->at] != ':')
            rc = fail(r, "expected ':'");
        else if (r->at++, !strcmp(name, "id"))
            rc = req->id ? fail(r, "\"id\" given twice") : raw_value(r, &req->id);
        else if (!strcmp(name, "text"))
            rc = string_member(r, "text", &req->text, &req->text_len);
        else if (!strcmp(name, "format"))
            rc = string_member(r, "format", &req->format, NULL);
        else if (!strcmp(name, "path"))
            rc = string_member(r, "path", &req->path, NULL);
        else
            rc = skip_value(r, 1);
        free(name);
        if (rc < 0)
            return -1;
        skip_space(r);
        if (r->at < r->len && r->s[r->at] == ',') {
            r->at++;
            continue;
        }
        if (r->at < r->len && r->s[r->at] == '}') {
            r->at++;
            return 0;
        }
        return fail(r, "expected ',' or '}'");
    }
}

/*
 * Columns are code points, as everywhere else; a byte that starts no
 * complete sequence counts one. (The CLI sees only the library's public
 * symbols, not its UTF-8 validator.)
 */
static size_t count_cp(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = 0;
    for (size_t i = 0; i < len; n++) {
        size_t k = u[i] < 0xC2 ? 1 : u[i] < 0xE0 ? 2 : u[i] < 0xF0 ? 3 : u[i] < 0xF5 ? 4 : 1;
        if (k > len - i)
            k = 1;
        for (size_t m = 1; m < k; m++)
            if ((u[i + m] & 0xC0) != 0x80)
                k = 1;
        i += k;
    }
    return n;
}

int ws_jsonl_parse(const char *line, size_t len, ws_jsonl_request *req, char *err, size_t err_len,
                   size_t *col)
{
    memset(req, 0, sizeof *req);
    reader r = {line, len, 0, err, err_len, false};
    if (parse_object(&r, req) == 0) {
        skip_space(&r);
        if (r.at < r.len)
            fail(&r, "text after the object");
        else if (!req->text)
            fail(&r, "no \"text\" member");
    }
    if (r.failed) {
        /* The id, when it was read, still names the request in the answer. */
        char *id = req->id;
        req->id = NULL;
        *col = count_cp(line, r.at) + 1;
        ws_jsonl_request_free(req);
        req->id = id;
        return -1;
    }
    return 0;
}

void ws_jsonl_request_free(ws_jsonl_request *req)
{
    free(req->id);
    free(req->text);
    free(req->format);
    free(req->path);
    memset(req, 0, sizeof *req);
}
