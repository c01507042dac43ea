/*
 * test_render.c - the renderers' own mechanics: SHA-256 for the page's
 * Content-Security-Policy, the caret under multi-byte text, properly nested
 * HTML where spans overlap, GitHub's per-level limit, paths, option sizes;
 * quote verification in every format; JSON Lines (a line per article,
 * compact, each handed to the sink whole as it is added, ids echoed).
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect/report.h"
#include "harness.h"
#include "render/escape.h"
#include "render/json_writer.h"
#include "render/render.h"
#include "render/sha256.h"
#include "ws_config.h"

static const char *hex(const uint8_t *d, size_t n)
{
    static char out[129];
    for (size_t i = 0; i < n; i++)
        snprintf(out + 2 * i, 3, "%02x", d[i]);
    return out;
}

static const char *sha(const char *s, size_t len)
{
    uint8_t d[32];
    ws_sha256(s, len, d);
    return hex(d, 32);
}

static void sha256_vectors(void **state)
{
    /* FIPS 180-4 examples (NIST CSRC), and the padding edges at 55, 56 and 64 bytes. */
    assert_string_equal(sha("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assert_string_equal(sha("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_string_equal(sha(two, strlen(two)),
                        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    char *a = malloc(1000000);
    assert_non_null(a);
    memset(a, 'a', 1000000);
    assert_string_equal(sha(a, 1000000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    assert_string_equal(sha(a, 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
    assert_string_equal(sha(a, 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
    assert_string_equal(sha(a, 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
    free(a);
}

/* A sink collecting everything in memory. */
typedef struct mem_sink {
    char *data;
    size_t len;
    int fail;          /* make writes fail */
} mem_sink;

static int mem_write(void *ud, const char *buf, size_t len)
{
    mem_sink *m = ud;
    if (m->fail)
        return WS_EIO;
    char *p = realloc(m->data, m->len + len + 1);
    if (!p)
        return WS_ENOMEM;
    memcpy(p + m->len, buf, len);
    m->data = p;
    m->len += len;
    p[m->len] = '\0';
    return WS_OK;
}

/* Render @text (analyzed as @fmt) in format @out_fmt; the caller frees the result. */
static char *render(const char *text, ws_input_format fmt, ws_format out_fmt, int copies)
{
    mem_sink m = {0};
    ws_sink sink = {mem_write, &m};
    ws_renderer *r = NULL;
    assert_int_equal(ws_renderer_new(test_ctx(), out_fmt, NULL, &sink, &r), WS_OK);
    for (int i = 0; i < copies; i++) {
        ws_report *rep = test_analyze(text, fmt);
        assert_int_equal(ws_renderer_add(r, rep), WS_OK);
        ws_report_free(rep);
    }
    assert_int_equal(ws_renderer_finish(r), WS_OK);
    ws_renderer_free(r);
    return m.data ? m.data : calloc(1, 1);
}

/* A renderer whose JSON writer tests write through: GitHub output adds
 * nothing of its own, so what @sink receives is what the writer wrote. */
static ws_renderer *writer_renderer(ws_sink *sink)
{
    ws_renderer *r = NULL;
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_GITHUB, NULL, sink, &r), WS_OK);
    return r;
}

/* A JSON writer whose output is kept in memory: capture_json() opens it,
 * captured_json() flushes it and gives the text (malloc'd). The sink
 * points into @c, which stays where it is until then. */
typedef struct json_capture {
    mem_sink m;
    ws_sink sink;
    ws_renderer *r;
    ws_json j;
} json_capture;

static ws_json *capture_json(json_capture *c, bool compact)
{
    memset(c, 0, sizeof *c);
    c->sink = (ws_sink){mem_write, &c->m};
    c->r = writer_renderer(&c->sink);
    ws_json_init(&c->j, c->r);
    c->j.is_compact = compact;
    return &c->j;
}

static char *captured_json(json_capture *c)
{
    assert_int_equal(ws_render_flush(c->r), WS_OK);
    ws_renderer_free(c->r);
    return c->m.data;
}

/* Numbers either side of every power of ten, as printf writes them; the
 * deepest indentation the writer allows; a missing string as null. */
static void json_writer_numbers_and_depth(void **state)
{
    (void)state;
    mem_sink m = {0};
    ws_sink sink = {mem_write, &m};
    ws_renderer *r = writer_renderer(&sink);
    ws_json j;
    ws_json_init(&j, r);
    ws_json_begin_array(&j, true);
    char want[8192] = "[";
    size_t n = 1;
    int64_t power = 1;
    for (int e = 0; e <= 18; e++) {
        const int64_t values[] = {power - 1, power, power + 1, -power};
        for (size_t k = 0; k < 4; k++) {
            ws_json_int(&j, values[k]);
            n += (size_t)snprintf(want + n, sizeof want - n, "%s%" PRId64, n > 1 ? ", " : "", values[k]);
        }
        if (e < 18)
            power *= 10; /* (10^19 does not fit) */
    }
    ws_json_end_array(&j);
    ws_json_end_document(&j);
    n += (size_t)snprintf(want + n, sizeof want - n, "]\n");
    assert_int_equal(ws_render_flush(r), WS_OK);
    assert_string_equal(m.data, want);

    /* Objects nested as deep as the writer goes, each with a member. */
    free(m.data);
    memset(&m, 0, sizeof m);
    ws_json_init(&j, r);
    for (int d = 0; d < WS_JSON_MAX_DEPTH - 1; d++) {
        ws_json_begin_object(&j, false);
        ws_json_kv_str(&j, "k", NULL);
        ws_json_key(&j, "in");
    }
    /* One more is refused: the document stops there. */
    assert_int_equal(ws_json_begin_object(&j, false), WS_ELIMIT);
    assert_int_equal(ws_render_flush(r), WS_ELIMIT);
    ws_renderer_free(r);
    free(m.data);

    /* The same nesting, closed: each closing brace on its own line. */
    memset(&m, 0, sizeof m);
    r = writer_renderer(&sink);
    ws_json_init(&j, r);
    for (int d = 0; d < WS_JSON_MAX_DEPTH - 1; d++) {
        ws_json_begin_object(&j, false);
        ws_json_kv_str(&j, "k", "v");
        ws_json_key(&j, "in");
    }
    ws_json_null(&j);
    for (int d = WS_JSON_MAX_DEPTH - 2; d >= 0; d--)
        ws_json_end_object(&j);
    assert_int_equal(ws_render_flush(r), WS_OK);
    n = 0;
    for (int d = 0; d < WS_JSON_MAX_DEPTH - 1; d++)
        n += (size_t)snprintf(want + n, sizeof want - n, "{\n%*s\"k\": \"v\",\n%*s\"in\": ", 2 * (d + 1), "",
                              2 * (d + 1), "");
    n += (size_t)snprintf(want + n, sizeof want - n, "null");
    for (int d = WS_JSON_MAX_DEPTH - 2; d >= 0; d--)
        n += (size_t)snprintf(want + n, sizeof want - n, "\n%*s}", 2 * d, "");
    assert_string_equal(m.data, want);
    ws_renderer_free(r);
    free(m.data);
}

/* Strings of up to nine words of the writer's eight-byte copy, plain and
 * with a byte to escape at every position: the same bytes as
 * ws_escape_json() writes. A new renderer's buffer starts small,
 * so both the copy and the escaper are taken as it grows. */
static void json_writer_strings(void **state)
{
    (void)state;
    static const char marked[] = {'"', '\\', '\n', '\x01', '\x7f', '\xc3', '\xe2', '\0', '\x1f', '\x80', '\xff'};
    for (size_t len = 0; len <= 72; len++) {
        for (size_t m = 0; m <= sizeof marked; m++) {
            for (size_t at = 0; at < (m < sizeof marked ? len : 1); at++) {
                char in[73];
                for (size_t k = 0; k < len; k++)
                    in[k] = (char)('a' + k % 26);
                if (m < sizeof marked)
                    in[at] = marked[m];
                mem_sink out = {0};
                ws_sink sink = {mem_write, &out};
                ws_renderer *r = writer_renderer(&sink);
                ws_json j;
                ws_json_init(&j, r);
                ws_json_begin_array(&j, true);
                ws_json_strn(&j, in, len);
                ws_json_end_array(&j);
                assert_int_equal(ws_render_flush(r), WS_OK);
                ws_buf want;
                ws_buf_init(&want, &ws_default_allocator);
                assert_int_equal(ws_buf_put(&want, "[\"", 2), WS_OK);
                assert_int_equal(ws_escape_json(&want, in, len), WS_OK);
                assert_int_equal(ws_buf_put(&want, "\"]", 2), WS_OK);
                assert_string_equal(out.data, want.data);
                ws_buf_release(&want);
                ws_renderer_free(r);
                free(out.data);
            }
        }
    }
}

/* Every byte value at the start, in the middle and at the end of strings
 * of 1 to 40 bytes (each of the writer's ways of checking a string's
 * last bytes, with sixteen and eight at a time), as a value, as an inline
 * object's member and as a member put by ws_json_kv_strn() and
 * ws_json_kv_str(): the same bytes as ws_escape_json() writes. */
static void json_writer_every_byte(void **state)
{
    (void)state;
    for (int byte = 0; byte < 256; byte++) {
        mem_sink out = {0};
        ws_sink sink = {mem_write, &out};
        ws_renderer *r = writer_renderer(&sink);
        ws_buf want;
        ws_buf_init(&want, &ws_default_allocator);
        ws_json j;
        ws_json_init(&j, r);
        ws_json_begin_array(&j, true);
        assert_int_equal(ws_buf_put(&want, "[", 1), WS_OK);
        for (size_t len = 1; len <= 40; len++) {
            const size_t places[] = {0, len / 2, len - 1};
            for (size_t p = 0; p < 3; p++) {
                char in[40];
                for (size_t k = 0; k < len; k++)
                    in[k] = (char)('A' + k % 26);
                in[places[p]] = (char)byte;
                const ws_json_str_member member[] = {WS_JSON_STRN_MEMBER("s", in, len)};
                ws_json_strn(&j, in, len);
                ws_json_inline_object(&j, NULL, 0, member, 1);
                ws_json_begin_object(&j, true);
                ws_json_kv_strn(&j, "s", in, len);
                ws_json_end_object(&j);
                /* A NUL-terminated string where it holds no NUL. */
                char terminated[41];
                memcpy(terminated, in, len);
                terminated[len] = '\0';
                int ways = 3;
                if (byte) {
                    ws_json_begin_object(&j, true);
                    ws_json_kv_str(&j, "s", terminated);
                    ws_json_end_object(&j);
                    ways = 4;
                }
                for (int way = 0; way < ways; way++) {
                    assert_int_equal(ws_buf_puts(&want, want.len > 1 ? ", " : ""), WS_OK);
                    assert_int_equal(ws_buf_puts(&want, way ? "{\"s\": \"" : "\""), WS_OK);
                    assert_int_equal(ws_escape_json(&want, in, len), WS_OK);
                    assert_int_equal(ws_buf_puts(&want, way ? "\"}" : "\""), WS_OK);
                }
            }
        }
        ws_json_end_array(&j);
        assert_int_equal(ws_buf_put(&want, "]", 1), WS_OK);
        assert_int_equal(ws_render_flush(r), WS_OK);
        assert_string_equal(out.data, want.data);
        ws_buf_release(&want);
        ws_renderer_free(r);
        free(out.data);
    }
}

/* The JSON writer's own layout: integers at their limits, keys that need escaping, indentation. */
static void json_writer_layout(void **state)
{
    (void)state;
    mem_sink m = {0};
    ws_sink sink = {mem_write, &m};
    ws_renderer *r = writer_renderer(&sink);
    ws_json j;
    ws_json_init(&j, r);
    ws_json_begin_object(&j, false);
    ws_json_kv_int(&j, "min", INT64_MIN);
    ws_json_kv_int(&j, "max", INT64_MAX);
    ws_json_kv_int(&j, "zero", 0);
    ws_json_kv_int(&j, "minus", -42);
    ws_json_kv_str(&j, "none", NULL);
    ws_json_kv_strn(&j, "text", "Riverton\nfloods", 14);
    ws_json_key_str(&j, "say \"\x01\"");
    ws_json_str(&j, "line\nbreak");
    /* A literal key longer than the one-write buffer. */
    ws_json_kv_int(&j, "a_key_of_seventy_bytes_that_goes_past_the_buffer_of_one_write_0123456", 1);
    ws_json_kv_strn(&j, "a_key_of_seventy_bytes_that_goes_past_the_buffer_of_one_write_0123457", "Kestrel", 3);
    ws_json_key(&j, "deep");
    ws_json_begin_object(&j, false);
    ws_json_key(&j, "list");
    ws_json_begin_array(&j, true);
    ws_json_int(&j, 7);
    ws_json_bool(&j, true);
    ws_json_null(&j);
    ws_json_end_array(&j);
    ws_json_end_object(&j);
    ws_json_end_object(&j);
    ws_json_end_document(&j);
    assert_int_equal(ws_render_flush(r), WS_OK);
    assert_string_equal(m.data, "{\n"
                                "  \"min\": -9223372036854775808,\n"
                                "  \"max\": 9223372036854775807,\n"
                                "  \"zero\": 0,\n"
                                "  \"minus\": -42,\n"
                                "  \"none\": null,\n"
                                "  \"text\": \"Riverton\\nflood\",\n"
                                "  \"say \\\"\\u0001\\\"\": \"line\\nbreak\",\n"
                                "  \"a_key_of_seventy_bytes_that_goes_past_the_buffer_of_one_write_0123456\": 1,\n"
                                "  \"a_key_of_seventy_bytes_that_goes_past_the_buffer_of_one_write_0123457\": \"Kes\",\n"
                                "  \"deep\": {\n"
                                "    \"list\": [7, true, null]\n"
                                "  }\n"
                                "}\n");
    ws_renderer_free(r);
    free(m.data);
}

/* Members written by one ws_json_kv_ints() call and by one
 * ws_json_kv_int() call each: the same text, in a block object, an inline
 * one and compact layout; keys of every length the inline copy takes (and
 * one past it), numbers of every width, runs too long for one reservation. */
static void write_int_members(ws_json *j, bool in_one_call, size_t n_members, size_t n_keys)
{
    static const char *const keys[] = {"\"a\": ", "\"end\": ", "\"col\": ", "\"line\": ", "\"end_col\": ",
                                       "\"end_line\": ", "\"a_key_of_13\": ", "\"a_longer_key_of_17\": "};
    static const int64_t values[] = {0, 7, -3, 99, 100, 12345, -100000, INT64_MAX, INT64_MIN, 1000000000};
    ws_json_int_member members[12];
    for (size_t k = 0; k < n_members; k++) {
        const char *key = keys[k % n_keys];
        members[k] = (ws_json_int_member){key, strlen(key), values[k % (sizeof values / sizeof *values)]};
    }
    if (in_one_call) {
        ws_json_kv_ints(j, members, n_members);
        return;
    }
    for (size_t k = 0; k < n_members; k++)
        ws_json_kv_int_quoted(j, members[k].quoted, members[k].len, members[k].value);
}

static void json_writer_int_members(void **state)
{
    (void)state;
    for (int layout = 0; layout < 3; layout++) {
        for (size_t n_members = 0; n_members <= 12; n_members++) {
            for (size_t n_keys = 1; n_keys <= 8; n_keys++) {
                char *text[2];
                for (int way = 0; way < 2; way++) {
                    json_capture c;
                    ws_json *j = capture_json(&c, layout == 2);
                    ws_json_begin_object(j, false);
                    ws_json_kv_str(j, "before", "x");
                    ws_json_key(j, "place");
                    ws_json_begin_object(j, layout == 1);
                    write_int_members(j, way == 1, n_members, n_keys);
                    ws_json_kv_str(j, "after", "y");
                    ws_json_end_object(j);
                    ws_json_end_object(j);
                    text[way] = captured_json(&c);
                }
                assert_string_equal(text[1], text[0]);
                free(text[0]);
                free(text[1]);
            }
        }
    }
}

/*
 * Inline objects written by one ws_json_inline_object() call and by one
 * call a member: the same text, as an array's items (the comma before
 * each) and as a member's value, in block and compact layout; with null
 * strings, strings to escape (the members after them in a reservation of
 * their own, after an escaped string that made the output grow), keys too
 * long for the reservation (the object is then written again member by
 * member, and must keep one comma), strings too long for it, and more
 * members than it takes.
 */
typedef struct inline_case {
    size_t n_ints, n_strs;
    const char *strs[3];
    size_t long_key; /* a key of 70 bytes at this member (1-based), or none */
} inline_case;

/* How write_inline_object() writes: a call a member, one call, or one
 * call with the integer members' keys laid out when compiled. */
enum { BY_MEMBER, IN_ONE_CALL, LAID_OUT };

static void write_inline_object(ws_json *j, const inline_case *c, int way, const char *quoted_key)
{
    static const ws_json_laid_key laid_keys[] = {WS_JSON_LAID_KEY("start"), WS_JSON_LAID_KEY("end"),
                                                 WS_JSON_LAID_KEY("line"), WS_JSON_LAID_KEY("col")};
    bool in_one_call = way != BY_MEMBER;
    static const char long_key[] = "\"a_key_of_seventy_bytes_that_goes_past_the_buffer_of_one_write_01234\": ";
    static const char *const int_keys[] = {"\"start\": ", "\"end\": ", "\"line\": ", "\"col\": "};
    static const char *const str_keys[] = {"\"text\": ", "\"lemma\": ", "\"class\": "};
    static const int64_t values[] = {0, 9999, 10000, -1, INT64_MIN, 42};
    ws_json_int_member ints[24];
    ws_json_str_member strs[3];
    for (size_t k = 0; k < c->n_ints; k++) {
        const char *key = c->long_key == k + 1 ? long_key : int_keys[k % 4];
        ints[k] = (ws_json_int_member){key, strlen(key), values[k % 6]};
    }
    for (size_t k = 0; k < c->n_strs; k++) {
        const char *key = c->long_key == c->n_ints + k + 1 ? long_key : str_keys[k];
        /* Every other string is measured by the writer. */
        size_t n = !c->strs[k] || k % 2 ? WS_JSON_MEASURE : strlen(c->strs[k]);
        strs[k] = (ws_json_str_member){key, strlen(key), c->strs[k], n};
    }
    /* (A key too long to be laid out is written the other way.) */
    if (way == LAID_OUT && !(c->long_key && c->long_key <= c->n_ints)) {
        ws_json_laid_key laid[24];
        int64_t laid_values[24];
        for (size_t k = 0; k < c->n_ints; k++) {
            laid[k] = laid_keys[k % 4];
            laid_values[k] = values[k % 6];
        }
        if (quoted_key)
            ws_json_kv_inline_laid_object_quoted(j, quoted_key, strlen(quoted_key), laid, laid_values, c->n_ints,
                                                 strs, c->n_strs);
        else
            ws_json_kv_inline_laid_object_quoted(j, NULL, 0, laid, laid_values, c->n_ints, strs, c->n_strs);
        return;
    }
    if (in_one_call && quoted_key) {
        ws_json_kv_inline_object_quoted(j, quoted_key, strlen(quoted_key), ints, c->n_ints, strs, c->n_strs);
        return;
    }
    if (in_one_call) {
        ws_json_inline_object(j, ints, c->n_ints, strs, c->n_strs);
        return;
    }
    if (quoted_key)
        ws_json_key_quoted(j, quoted_key, strlen(quoted_key));
    ws_json_begin_object(j, true);
    for (size_t k = 0; k < c->n_ints; k++)
        ws_json_kv_int_quoted(j, ints[k].quoted, ints[k].len, ints[k].value);
    for (size_t k = 0; k < c->n_strs; k++)
        ws_json_kv_str_quoted(j, strs[k].quoted, strs[k].len, strs[k].s);
    ws_json_end_object(j);
}

static void json_writer_inline_objects(void **state)
{
    (void)state;
    static char long_text[5000], long_controls[4000];
    memset(long_text, 'w', sizeof long_text - 1);
    /* Six bytes each once escaped: the output grows under the object. */
    memset(long_controls, '\x01', sizeof long_controls - 1);
    const inline_case cases[] = {
        {0, 0, {NULL}, 0},
        {6, 0, {NULL}, 0},
        {6, 1, {"Riverton floods"}, 0},
        {6, 3, {"said", "say", "neutral"}, 0},
        {1, 3, {"Tom Hale", NULL, ""}, 0},
        {0, 2, {NULL, NULL}, 0},
        {6, 1, {"a \"quoted\" word"}, 0},
        {2, 3, {"plain", "tab\there", "back\\slash"}, 0},
        {2, 2, {"caf\xc3\xa9", "bad \xff byte"}, 0},
        {6, 3, {"caf\xc3\xa9 \"x\"", NULL, "after"}, 0},
        {2, 2, {long_controls, "after"}, 0},
        {6, 1, {"text"}, 3},
        {2, 2, {"text", "more"}, 4},
        {2, 1, {long_text}, 0},
        {20, 0, {NULL}, 0},
        {17, 1, {"past the reservation"}, 0},
    };
    for (int layout = 0; layout < 2; layout++) {
        for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
            char *text[3];
            for (int way = BY_MEMBER; way <= LAID_OUT; way++) {
                json_capture cap;
                ws_json *j = capture_json(&cap, layout == 1);
                ws_json_begin_object(j, false);
                ws_json_key(j, "items");
                ws_json_begin_array(j, false);
                for (int item = 0; item < 3; item++)
                    write_inline_object(j, &cases[c], way, NULL);
                ws_json_end_array(j);
                ws_json_key(j, "member");
                write_inline_object(j, &cases[c], way, NULL);
                /* The key given with the object, short and too long for
                 * one reservation. */
                write_inline_object(j, &cases[c], way, "\"keyed\": ");
                write_inline_object(j, &cases[c], way,
                                    "\"a_key_of_seventy_bytes_that_goes_past_the_buffer_of_one_write_0\": ");
                ws_json_kv_str(j, "after", "y");
                ws_json_end_object(j);
                text[way] = captured_json(&cap);
            }
            assert_string_equal(text[1], text[0]);
            assert_string_equal(text[2], text[0]);
            free(text[0]);
            free(text[1]);
            free(text[2]);
        }
    }

    /* The text itself, once, for the common case. */
    mem_sink m = {0};
    ws_sink sink = {mem_write, &m};
    ws_renderer *r = writer_renderer(&sink);
    ws_json j;
    ws_json_init(&j, r);
    ws_json_begin_array(&j, false);
    write_inline_object(&j, &cases[3], LAID_OUT, NULL);
    write_inline_object(&j, &cases[4], IN_ONE_CALL, NULL);
    ws_json_end_array(&j);
    assert_int_equal(ws_render_flush(r), WS_OK);
    assert_string_equal(m.data, "[\n"
                                "  {\"start\": 0, \"end\": 9999, \"line\": 10000, \"col\": -1, \"start\": "
                                "-9223372036854775808, \"end\": 42, \"text\": \"said\", \"lemma\": \"say\", "
                                "\"class\": \"neutral\"},\n"
                                "  {\"start\": 0, \"text\": \"Tom Hale\", \"lemma\": null, \"class\": \"\"}\n"
                                "]");
    ws_renderer_free(r);
    free(m.data);

    /* At the deepest level no object opens, in one call or member by member. */
    for (int way = 0; way < 3; way++) {
        memset(&m, 0, sizeof m);
        r = writer_renderer(&sink);
        ws_json_init(&j, r);
        for (int d = 0; d < WS_JSON_MAX_DEPTH - 1; d++)
            ws_json_begin_array(&j, false);
        const ws_json_int_member one[] = {WS_JSON_INT_MEMBER("start", 1)};
        const ws_json_laid_key one_laid[] = {WS_JSON_LAID_KEY("start")};
        const int64_t one_value[] = {1};
        if (way == 2)
            assert_int_equal(ws_json_kv_inline_laid_object_quoted(&j, NULL, 0, one_laid, one_value, 1, NULL, 0),
                             WS_ELIMIT);
        else if (way == 1)
            assert_int_equal(ws_json_inline_object(&j, one, 1, NULL, 0), WS_ELIMIT);
        else
            assert_int_equal(ws_json_begin_object(&j, true), WS_ELIMIT);
        assert_int_equal(ws_render_flush(r), WS_ELIMIT);
        ws_renderer_free(r);
        free(m.data);
    }
}

/* Check one span of a text input: its offsets in the input and in the
 * text are the same, so are its bytes, and no other view's span shares
 * its memory. */
static void check_view_span(const ws_report *rep, const ws_span *s, const ws_span **seen, size_t *n_seen)
{
    const char *text = ws_report_text(rep, NULL);
    const char *src = ws_report_source(rep, NULL);
    assert_non_null(s);
    assert_int_equal(s->start, s->text_start);
    assert_int_equal(s->end, s->text_end);
    assert_memory_equal(src + s->start, text + s->text_start, s->end - s->start);
    for (size_t k = 0; k < *n_seen; k++)
        assert_ptr_not_equal(seen[k], s);
    seen[(*n_seen)++] = s;
}

/* The spans of the report's views (quotation fragments, statement
 * contents, cues and sources) stand each in its own place, located as
 * their ranges say: a quotation cut by its speaker (two fragments, two
 * contents), statements with and without a source, a quotation in
 * quotation, an empty article. */
static void report_views_have_their_spans(void **state)
{
    (void)state;
    const char *texts[] = {"\"We stay,\" said Jane Okafor, a nurse, \"and we fight.\"\n"
                           "Officials said it rained. The army reportedly left.\n"
                           "Tom Hale said: \"She told me 'no' twice.\"\n",
                           ""};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        ws_report *rep = test_analyze(texts[t], WS_INPUT_TEXT);
        const ws_span *seen[256];
        size_t n_seen = 0, n_content = 0;
        for (size_t i = 0; i < ws_report_n_quotations(rep); i++) {
            const ws_quotation *q = ws_report_quotation(rep, i);
            for (size_t k = 0; k < q->n_fragments; k++)
                check_view_span(rep, &q->fragments[k], seen, &n_seen);
        }
        for (size_t i = 0; i < ws_report_n_statements(rep); i++) {
            const ws_statement *st = ws_report_statement(rep, i);
            for (size_t k = 0; k < st->n_content; k++)
                check_view_span(rep, &st->content[k], seen, &n_seen);
            n_content += st->n_content;
            if (st->cue)
                check_view_span(rep, st->cue, seen, &n_seen);
            if (st->source)
                check_view_span(rep, st->source, seen, &n_seen);
        }
        if (t == 0) {
            assert_true(ws_report_n_quotations(rep) >= 3);
            assert_true(ws_report_n_statements(rep) >= 3);
            assert_true(n_content > ws_report_n_statements(rep));
        } else {
            assert_int_equal(n_seen, 0);
        }
        ws_report_free(rep);
    }
}

/* The level of the last rule of @n whose id is @id (a later rule of the
 * same id replaces one before it), or WS_LEVEL_OFF. */
static ws_level level_by_id(char (*ids)[128], const ws_level *levels, size_t n, const char *id)
{
    for (size_t i = n; i-- > 0;)
        if (!strcmp(ids[i], id))
            return levels[i];
    return WS_LEVEL_OFF;
}

/* A report answers for the level of every rule of its context, by id,
 * after the context is gone (it keeps copies of the ids, each whole); so
 * for each id cut short by a letter or longer by one (each another rule's
 * or none). */
static void report_keeps_rule_ids(void **state)
{
    (void)state;
    ws_report *rep = test_analyze("Officials said it rained.\n", WS_INPUT_TEXT);
    size_t n = ws_ctx_n_rules(test_ctx());
    assert_true(n > 3);
    char (*ids)[128] = calloc(n, sizeof *ids);
    ws_level *levels = calloc(n, sizeof *levels);
    assert_true(ids && levels);
    assert_int_equal(rep->n_rules, n);
    for (size_t i = 0; i < n; i++) {
        ws_rule_info info;
        assert_int_equal(ws_ctx_rule(test_ctx(), i, &info), WS_OK);
        assert_true(strlen(info.id) + 2 < sizeof ids[i]);
        strcpy(ids[i], info.id);
        levels[i] = info.level;
        /* Each id, whole, in the report's own copy. */
        assert_string_equal(rep->rule_ids[i], info.id);
        assert_ptr_not_equal(rep->rule_ids[i], info.id);
    }
    test_ctx_free();
    size_t n_on = 0;
    for (size_t i = 0; i < n; i++) {
        char id[130];
        strcpy(id, ids[i]);
        assert_int_equal(ws_report_rule_level(rep, id), level_by_id(ids, levels, n, id));
        n_on += ws_report_rule_level(rep, id) != WS_LEVEL_OFF;
        size_t len = strlen(id);
        strcpy(id + len, "x");
        assert_int_equal(ws_report_rule_level(rep, id), level_by_id(ids, levels, n, id));
        id[len - 1] = '\0';
        assert_int_equal(ws_report_rule_level(rep, id), level_by_id(ids, levels, n, id));
    }
    assert_true(n_on > 3);
    assert_int_equal(ws_report_rule_level(rep, ""), WS_LEVEL_OFF);
    ws_report_free(rep);
    free(ids);
    free(levels);
}

/* Twelve findings of one rule on the same words in the same sentence:
 * one hash, in sixteen lower-case hexadecimal digits (as printf's
 * "%016" PRIx64 writes it back), and ordinals 0 to 11 after the colon. */
static void fingerprints_count_equal_findings(void **state)
{
    (void)state;
    char text[400] = "";
    for (int i = 0; i < 12; i++)
        strcat(text, "The army reportedly left. ");
    strcat(text, "\n");
    ws_report *rep = test_analyze(text, WS_INPUT_TEXT);
    size_t n = 0;
    char hash[17] = "";
    for (size_t i = 0; i < ws_report_n_findings(rep); i++) {
        const char *fp = ws_report_finding(rep, i)->fingerprint;
        if (strncmp(ws_report_finding(rep, i)->rule, ws_report_finding(rep, 0)->rule, 64) != 0)
            continue;
        assert_true(strlen(fp) >= 18);
        assert_int_equal(fp[16], ':');
        for (int k = 0; k < 16; k++)
            assert_non_null(strchr("0123456789abcdef", fp[k]));
        if (n == 0)
            memcpy(hash, fp, 16);
        assert_memory_equal(fp, hash, 16);
        char want[40];
        snprintf(want, sizeof want, "%016" PRIx64 ":%zu", (uint64_t)strtoull(hash, NULL, 16), n);
        assert_string_equal(fp, want);
        n++;
    }
    assert_int_equal(n, 12);
    ws_report_free(rep);
}

/* A member whose value is an object or an array, opened with its key in
 * one call or by a key and an opening: the same text, in block, inline and
 * compact layout, with a key too long for one reservation, and at the
 * depth limit (the key goes out, the container does not open). */
static void write_keyed_containers(ws_json *j, bool in_one_call, int layout)
{
    static const char long_key[] = "\"a_key_of_seventy_bytes_that_goes_past_the_buffer_of_one_write_0123\": ";
    bool is_inline = layout == 1;
    ws_json_begin_object(j, false);
    if (in_one_call) {
        ws_json_kv_begin_array(j, "list", is_inline);
    } else {
        ws_json_key(j, "list");
        ws_json_begin_array(j, is_inline);
    }
    ws_json_int(j, 1);
    ws_json_int(j, 2);
    ws_json_end_array(j);
    if (in_one_call) {
        ws_json_kv_begin_object(j, "inner", is_inline);
    } else {
        ws_json_key(j, "inner");
        ws_json_begin_object(j, is_inline);
    }
    ws_json_kv_str(j, "c", NULL);
    ws_json_end_object(j);
    if (in_one_call) {
        ws_json_kv_begin_array_quoted(j, long_key, strlen(long_key), is_inline);
    } else {
        ws_json_key_quoted(j, long_key, strlen(long_key));
        ws_json_begin_array(j, is_inline);
    }
    ws_json_end_array(j);
    if (in_one_call) {
        ws_json_kv_begin_object(j, "empty", is_inline);
    } else {
        ws_json_key(j, "empty");
        ws_json_begin_object(j, is_inline);
    }
    ws_json_end_object(j);
    ws_json_end_object(j);
}

static void json_writer_keyed_containers(void **state)
{
    (void)state;
    for (int layout = 0; layout < 3; layout++) {
        char *text[2];
        for (int way = 0; way < 2; way++) {
            json_capture c;
            write_keyed_containers(capture_json(&c, layout == 2), way == 1, layout);
            text[way] = captured_json(&c);
        }
        assert_string_equal(text[1], text[0]);
        free(text[0]);
        free(text[1]);
    }
    /* What is left in the output after the refusal (nothing is flushed
     * once a write has failed). */
    char *pending[2];
    for (int way = 0; way < 2; way++) {
        mem_sink m = {0};
        ws_sink sink = {mem_write, &m};
        ws_renderer *r = writer_renderer(&sink);
        ws_json j;
        ws_json_init(&j, r);
        for (int d = 0; d < WS_JSON_MAX_DEPTH - 1; d++)
            ws_json_begin_object(&j, false);
        if (way == 1) {
            assert_int_equal(ws_json_kv_begin_array(&j, "deep", false), WS_ELIMIT);
        } else {
            ws_json_key(&j, "deep");
            assert_int_equal(ws_json_begin_array(&j, false), WS_ELIMIT);
        }
        assert_int_equal(ws_render_flush(r), WS_ELIMIT);
        pending[way] = strdup(r->out.data);
        assert_non_null(pending[way]);
        ws_renderer_free(r);
        free(m.data);
    }
    assert_string_equal(pending[1], pending[0]);
    assert_non_null(strstr(pending[1], "\"deep\": "));
    assert_null(strchr(pending[1], '['));
    free(pending[0]);
    free(pending[1]);
}

/* Entries prepared apart and placed later read exactly as reports added in turn. */
static void prepared_entries(void **state)
{
    (void)state;
    const char *texts[] = {"\"We stay,\" said Jane Okafor, a nurse.\n",
                           "Officials said it rained. The army reportedly left.\n",
                           "She said \"no.\n"};
    const ws_format formats[] = {WS_FORMAT_JSON, WS_FORMAT_JSONL, WS_FORMAT_TEXT, WS_FORMAT_SARIF};
    for (size_t f = 0; f < sizeof formats / sizeof *formats; f++) {
        char *direct = NULL;
        mem_sink m[2] = {{0}, {0}};
        for (int way = 0; way < 2; way++) {
            ws_sink sink = {mem_write, &m[way]};
            ws_renderer *r = NULL;
            assert_int_equal(ws_renderer_new(test_ctx(), formats[f], NULL, &sink, &r), WS_OK);
            ws_rendered *entries[3] = {NULL, NULL, NULL};
            ws_report *reps[3];
            for (int i = 0; i < 3; i++) {
                reps[i] = test_analyze(texts[i], WS_INPUT_TEXT);
                if (way == 1)
                    assert_int_equal(ws_renderer_prepare(r, reps[i], &entries[i]), WS_OK);
            }
            bool can_prepare = formats[f] == WS_FORMAT_JSON || formats[f] == WS_FORMAT_JSONL;
            for (int i = 0; i < 3; i++) {
                if (way == 1 && can_prepare) {
                    assert_non_null(entries[i]);
                    assert_int_equal(ws_renderer_add_prepared(r, entries[i]), WS_OK);
                } else {
                    assert_null(entries[i]);
                    assert_int_equal(ws_renderer_add(r, reps[i]), WS_OK);
                }
                ws_report_free(reps[i]);
            }
            assert_int_equal(ws_renderer_finish(r), WS_OK);
            ws_renderer_free(r);
        }
        direct = m[0].data;
        assert_non_null(direct);
        assert_non_null(m[1].data);
        assert_string_equal(m[1].data, direct);
        free(m[0].data);
        free(m[1].data);
    }
    /* Freed unplaced, and refused without a renderer: no leak either way. */
    mem_sink m = {0};
    ws_sink sink = {mem_write, &m};
    ws_renderer *r = NULL;
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_JSON, NULL, &sink, &r), WS_OK);
    ws_report *rep = test_analyze(texts[0], WS_INPUT_TEXT);
    ws_rendered *a = NULL, *b = NULL;
    assert_int_equal(ws_renderer_prepare(r, rep, &a), WS_OK);
    assert_int_equal(ws_renderer_prepare(r, rep, &b), WS_OK);
    ws_rendered_free(a);
    assert_int_equal(ws_renderer_add_prepared(NULL, b), WS_EINVAL);
    assert_int_equal(ws_renderer_prepare(r, NULL, &a), WS_EINVAL);
    assert_null(a);
    ws_report_free(rep);
    ws_renderer_free(r);
    free(m.data);
}

/* The line after the one containing @needle. */
static const char *line_after(const char *out, const char *needle)
{
    static char line[512];
    const char *p = strstr(out, needle);
    assert_non_null(p);
    p = strchr(p, '\n');
    assert_non_null(p);
    p++;
    size_t n = strcspn(p, "\n");
    snprintf(line, sizeof line, "%.*s", (int)n, p);
    return line;
}

static void text_caret_under_utf8(void **state)
{
    /* Two-byte letters and a CJK word (two columns each) before the match. */
    char *out = render("Ünïcödé 北京 the so-called plan.\n", WS_INPUT_TEXT, WS_FORMAT_TEXT, 1);
    assert_non_null(strstr(out, "test:1:16: warning: 'so-called'"));
    assert_string_equal(line_after(out, "[News.Hedges]"), "     1 | Ünïcödé 北京 the so-called plan.");
    /* Ünïcödé (7) + space + 北京 (4 columns) + " the " = 17 columns before the match. */
    assert_string_equal(line_after(out, "     1 | "), "       |                  ^~~~~~~~~");
    free(out);
    /* A tab stays a tab below, so that the caret lines up at any tab width. */
    out = render("A\tline with the so-called plan.\n", WS_INPUT_TEXT, WS_FORMAT_TEXT, 1);
    assert_string_equal(line_after(out, "     1 | "), "       |  \t              ^~~~~~~~~");
    free(out);
}

static void text_window_on_long_lines(void **state)
{
    char text[600];
    snprintf(text, sizeof text, "%s the so-called plan %s\n",
             "Word word word word word word word word word word word word word word word word",
             "and more words and more words and more words and more words and more words.");
    char *out = render(text, WS_INPUT_TEXT, WS_FORMAT_TEXT, 1);
    char src[512];
    snprintf(src, sizeof src, "%s", line_after(out, "[News.Hedges]"));
    assert_non_null(strstr(src, "| ..."));
    assert_int_equal(strncmp(src + strlen(src) - 3, "...", 3), 0);
    const char *caret = line_after(out, src);
    /* The caret is under the 's' of so-called in the window. */
    assert_int_equal(strchr(caret, '^') - caret, strstr(src, "so-called") - src);
    free(out);
}

/* The two lines after each occurrence of @needle in @out, "src\ncaret", counted by how often each pair occurs. */
static size_t count_snippets(const char *out, const char *needle, const char *want)
{
    size_t n = 0, want_len = strlen(want);
    for (const char *p = strstr(out, needle); p; p = strstr(p + 1, needle)) {
        const char *line = strchr(p, '\n');
        assert_non_null(line);
        if (!strncmp(line + 1, want, want_len) && line[1 + want_len] == '\n')
            n++;
    }
    return n;
}

/*
 * One long line (a plain-text paragraph) with a finding every few words:
 * each snippet is the window around its own match, found from the match
 * and not counted from the start of the line (which made the listing
 * quadratic in the line's length).
 */
static void text_windows_along_one_long_line(void **state)
{
    enum { N_UNITS = 5000 };
    const char unit[] = "The plan, \xC3\x9Cn\xC3\xAF \xE5\x8C\x97\xE4\xBA\xAC\tfoo, reportedly failed; ";
    size_t unit_len = sizeof unit - 1;
    char *text = malloc(N_UNITS * unit_len + 2);
    assert_non_null(text);
    for (size_t i = 0; i < N_UNITS; i++)
        memcpy(text + i * unit_len, unit, unit_len);
    memcpy(text + N_UNITS * unit_len, "\n", 2);
    char *out = render(text, WS_INPUT_TEXT, WS_FORMAT_TEXT, 1);
    free(text);
    /* The first match: the window starts at the line's start. */
    assert_int_equal(count_snippets(out, "[News.Hedges]",
                                    "     1 | The plan, \xC3\x9Cn\xC3\xAF \xE5\x8C\x97\xE4\xBA\xAC\tfoo, reportedly failed; "
                                    "The plan, \xC3\x9Cn\xC3\xAF \xE5\x8C\x97\xE4\xBA\xAC\tfoo,...\n"
                                    "       |                   \t     ^~~~~~~~~~"),
                     1);
    /* Every other but the last: 30 code points either side; the CJK
     * word takes four columns, the tab stays a tab. */
    assert_int_equal(count_snippets(out, "[News.Hedges]",
                                    "     1 | ...failed; The plan, \xC3\x9Cn\xC3\xAF \xE5\x8C\x97\xE4\xBA\xAC\tfoo, reportedly "
                                    "failed; The plan, \xC3\x9Cn\xC3\xAF \xE5\x8C\x97\xE4\xBA\xAC\tfoo,...\n"
                                    "       |                              \t     ^~~~~~~~~~"),
                     N_UNITS - 2);
    /* The last: the window ends with the line, its trailing space kept. */
    assert_int_equal(count_snippets(out, "[News.Hedges]",
                                    "     1 | ...failed; The plan, \xC3\x9Cn\xC3\xAF \xE5\x8C\x97\xE4\xBA\xAC\tfoo, reportedly "
                                    "failed; \n"
                                    "       |                              \t     ^~~~~~~~~~"),
                     1);
    char where[64];
    snprintf(where, sizeof where, "test:1:%zu: suggestion:", (N_UNITS - 1) * (size_t)41 + 23);
    assert_non_null(strstr(out, where));
    free(out);
}

/* A match that runs on to the next line: tildes to the end of its first
 * line, the window's right edge at the line's end (a Markdown paragraph:
 * plain text starts a paragraph after a long line). */
static void text_caret_across_lines(void **state)
{
    char text[1024];
    snprintf(text, sizeof text,
             "%s, and \xE2\x80\x9Cwe will never agree to this\r\nplan at all\xE2\x80\x9D was the reply.\r\n\r\n"
             "They waited \xE2\x80\x9C\r\n",
             "The plan was odd and the talks were long and the rooms were cold and the coffee was bad and "
             "nobody slept at all");
    char *out = render(text, WS_INPUT_MARKDOWN, WS_FORMAT_TEXT, 1);
    assert_string_equal(line_after(out, "[News.Unattributed]"),
                        "     1 | ... and nobody slept at all, and \xE2\x80\x9Cwe will never agree to this");
    assert_string_equal(line_after(out, "nobody slept at all, and"),
                        "       |                                  ^~~~~~~~~~~~~~~~~~~~~~~~~~~~");
    /* An unclosed mark at the end of its line (before CR LF): the caret under it. */
    assert_string_equal(line_after(out, "[News.Unbalanced]"), "     4 | They waited \xE2\x80\x9C");
    assert_string_equal(line_after(out, "     4 | "), "       |             ^");
    free(out);
}

static void text_controls_are_neutralised(void **state)
{
    char *out = render("The man reportedly typed \x1b[2J here.\n", WS_INPUT_TEXT, WS_FORMAT_TEXT, 1);
    assert_null(strchr(out, '\x1b'));
    assert_non_null(strstr(out, "typed ?[2J here."));
    free(out);
    /* Each '?' takes a column, so the caret stays under the match. */
    out = render("Typed \x1b[2J\xc2\x9b\x7f, the so-called plan.\n", WS_INPUT_TEXT, WS_FORMAT_TEXT, 1);
    assert_string_equal(line_after(out, "[News.Hedges]"), "     1 | Typed ?[2J??, the so-called plan.");
    assert_string_equal(line_after(out, "     1 | "), "       |                   ^~~~~~~~~");
    free(out);
}

/*
 * Check that the elements in @html nest: every </span> and </mark> closes
 * the innermost open one of its kind. Returns the number of elements.
 */
static int check_nesting(const char *html)
{
    const char *stack[256];
    int depth = 0, n = 0;
    for (const char *p = html; (p = strchr(p, '<')); p++) {
        const char *name = NULL;
        bool closing = p[1] == '/';
        const char *q = p + 1 + closing;
        if (!strncmp(q, "span", 4) && (q[4] == ' ' || q[4] == '>'))
            name = "span";
        else if (!strncmp(q, "mark", 4) && (q[4] == ' ' || q[4] == '>'))
            name = "mark";
        else if (!strncmp(q, "p>", 2) || !strncmp(q, "p ", 2))
            name = "p";
        if (!name)
            continue;
        if (!closing) {
            assert_true(depth < 256);
            stack[depth++] = name;
            n++;
        } else {
            if (depth == 0 || strcmp(stack[depth - 1], name) != 0)
                fail_msg("</%s> closes <%s> at: %.60s", name, depth ? stack[depth - 1] : "-", p);
            depth--;
        }
    }
    assert_int_equal(depth, 0);
    return n;
}

static void html_nests_overlapping_spans(void **state)
{
    /* A partial quote inside a statement, a hedge inside the quote, and a
     * statement across the paragraph break of a continued quotation. */
    const char *text = "The minister said the plan was \"a so-called reform of the system\" and "
                       "reportedly left.\n\n\"We will build it.\n\n\"And we will pay for it,\" she said.\n";
    char *out = render(text, WS_INPUT_TEXT, WS_FORMAT_HTML, 1);
    const char *body = strstr(out, "<article");
    assert_non_null(body);
    assert_true(check_nesting(body) > 5);
    assert_non_null(strstr(body, "id=\"f1-s0\" tabindex=\"0\""));
    assert_non_null(strstr(body, "id=\"f1-d0\""));
    /* Every finding of the list links to an element of the text. */
    for (const char *p = out; (p = strstr(p, "href=\"#")); p++) {
        char id[64], attr[80];
        sscanf(p + 7, "%63[^\"]", id);
        snprintf(attr, sizeof attr, "id=\"%s\"", id);
        assert_non_null(strstr(out, attr));
    }
    free(out);
}

static void html_ids_differ_between_files(void **state)
{
    char *out = render("He said \"so-called\" things.\n", WS_INPUT_TEXT, WS_FORMAT_HTML, 2);
    assert_non_null(strstr(out, "id=\"f1-s0\""));
    assert_non_null(strstr(out, "id=\"f2-s0\""));
    assert_non_null(strstr(out, "<h2>Files</h2>"));
    free(out);
}

static int count(const char *s, const char *needle)
{
    int n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p++)
        n++;
    return n;
}

static void github_ten_of_each_level(void **state)
{
    /* 12 unclosed quotations (errors) and 12 'so-called' (warnings). */
    char text[4096] = "";
    for (int i = 0; i < 12; i++)
        strcat(text, "The so-called man said \"no.\n\n");
    char *out = render(text, WS_INPUT_TEXT, WS_FORMAT_GITHUB, 1);
    assert_int_equal(count(out, "::error "), 10);
    assert_int_equal(strncmp(out, "::error ", 8), 0);
    assert_int_equal(count(out, "::warning "), 10);
    assert_int_equal(count(out, "::notice title=whosaid::4 more findings"), 1);
    assert_int_equal(count(out, "\n  test:"), 4);
    /* Errors before warnings. */
    const char *last_error = out, *p;
    for (p = out; (p = strstr(p, "::error ")); p++)
        last_error = p;
    assert_true(last_error < strstr(out, "::warning "));
    free(out);
}

static void rel_paths(void **state)
{
    ws_renderer r;
    memset(&r, 0, sizeof r);
    r.base_dir = "/home/ed/site";
    assert_string_equal(ws_render_rel_path(&r, "/home/ed/site/news/a.txt"), "news/a.txt");
    assert_string_equal(ws_render_rel_path(&r, "/home/ed/sitex/a.txt"), "/home/ed/sitex/a.txt");
    assert_string_equal(ws_render_rel_path(&r, "./news/./a.txt"), "news/./a.txt");
    assert_string_equal(ws_render_rel_path(&r, "news/a.txt"), "news/a.txt");
    r.base_dir = "/";
    assert_string_equal(ws_render_rel_path(&r, "/a.txt"), "a.txt");
}

static void options_size(void **state)
{
    mem_sink m = {0};
    ws_sink sink = {mem_write, &m};
    ws_renderer *r = NULL;
    /* An older caller's smaller struct is fine; one without min_level is not. */
    ws_render_options o;
    memset(&o, 0, sizeof o);
    o.size = offsetof(ws_render_options, base_dir);
    o.min_level = WS_LEVEL_ERROR;
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_JSON, &o, &sink, &r), WS_OK);
    assert_int_equal(r->opts.min_level, WS_LEVEL_ERROR);
    ws_renderer_free(r);
    o.size = offsetof(ws_render_options, min_level);
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_JSON, &o, &sink, &r), WS_EINVAL);
    assert_null(r);
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_COUNT_, NULL, &sink, &r), WS_EINVAL);
    free(m.data);
}

static void every_format_has_a_name(void **state)
{
    for (int i = 0; i < WS_FORMAT_COUNT_; i++) {
        const char *name = ws_format_name((ws_format)i);
        assert_string_not_equal(name, "unknown");
        assert_int_equal(ws_format_from_name(name), i);
    }
    assert_int_equal(ws_format_from_name("SARIF"), WS_FORMAT_SARIF);
    assert_int_equal(ws_format_from_name("xml"), WS_EINVAL);
}

static void write_errors_are_reported(void **state)
{
    for (int f = 0; f < WS_FORMAT_COUNT_; f++) {
        mem_sink m = {0};
        m.fail = 1;
        ws_sink sink = {mem_write, &m};
        ws_renderer *r = NULL;
        int rc = ws_renderer_new(test_ctx(), (ws_format)f, NULL, &sink, &r);
        if (rc == WS_OK) {
            ws_report *rep = test_analyze("The so-called plan failed, \"he said\".\n", WS_INPUT_TEXT);
            rc = ws_renderer_add(r, rep);
            ws_report_free(rep);
            if (rc == WS_OK)
                rc = ws_renderer_finish(r);
        }
        assert_int_equal(rc, WS_EIO);
        ws_renderer_free(r);
    }
}

/* ------------------------------------------------------------------------ */
/* Quote verification in every format                                       */
/* ------------------------------------------------------------------------ */

/* A transcript: Jones speaks, a reporter asks (Q:), Jones answers. */
static const char verify_source[] =
    "JONES: We will build the new bridge across the river next year, and we will finish it "
    "on time.\n\nQ: Will it cost more?\n\nJONES: No. The budget is fixed and nobody will pay "
    "more for it.\n";

/* One quotation near (a word left out), one verbatim, one missing, one the reporter's. */
static const char verify_article[] =
    "Minister Tom Jones said \"we will build the bridge across the river next year.\"\n\n"
    "\"The budget is fixed and nobody will pay more for it,\" Jones said.\n\n"
    "\"Nobody asked for a tunnel under the old town,\" Jones said.\n\n"
    "Jones then asked: \"Will it cost more?\"\n";

static ws_ctx *verify_ctx;

/* The default rules and the transcript as "source.txt" (shared by the verification tests). */
static const ws_ctx *ctx_with_source(void)
{
    if (!verify_ctx) {
        ws_diag d;
        assert_int_equal(ws_ctx_new(NULL, &verify_ctx), WS_OK);
        if (ws_ctx_load_rules(verify_ctx, WS_SOURCE_RULES_DIR, &d) < 0)
            fail_msg("loading rules: %s:%u:%u: %s", d.file, d.line, d.col, d.message);
        assert_int_equal(ws_ctx_add_source_text(verify_ctx, "source.txt", WS_INPUT_AUTO,
                                                verify_source, strlen(verify_source), &d),
                         WS_OK);
    }
    return verify_ctx;
}

static ws_report *analyze_in(const ws_ctx *ctx, const char *path, const char *text, const char *id)
{
    ws_input in = {sizeof in, WS_INPUT_TEXT, path, text, strlen(text), id};
    ws_report *rep = NULL;
    ws_diag d;
    if (ws_analyze(ctx, &in, &rep, &d) < 0)
        fail_msg("ws_analyze: %s", d.message);
    return rep;
}

/* @rep rendered alone in @fmt with @ctx's renderer; the caller frees the result. */
static char *render_report(const ws_ctx *ctx, const ws_report *rep, ws_format fmt)
{
    mem_sink m = {0};
    ws_sink sink = {mem_write, &m};
    ws_renderer *r = NULL;
    ws_render_options o;
    memset(&o, 0, sizeof o);
    o.size = sizeof o;
    o.min_level = WS_LEVEL_SUGGESTION;
    o.base_dir = "/nowhere";
    assert_int_equal(ws_renderer_new(ctx, fmt, &o, &sink, &r), WS_OK);
    assert_int_equal(ws_renderer_add(r, rep), WS_OK);
    assert_int_equal(ws_renderer_finish(r), WS_OK);
    ws_renderer_free(r);
    return m.data ? m.data : calloc(1, 1);
}

static char *render_verified(ws_format fmt)
{
    ws_report *rep = analyze_in(ctx_with_source(), "article.txt", verify_article, NULL);
    assert_int_equal(ws_report_n_verifications(rep), 4);
    char *out = render_report(ctx_with_source(), rep, fmt);
    ws_report_free(rep);
    return out;
}

/* The text of @out from the line starting with @first up to (without) the line starting @next. */
static char *lines_between(const char *out, const char *first, const char *next)
{
    const char *a = strstr(out, first);
    assert_non_null(a);
    const char *b = strstr(a, next);
    assert_non_null(b);
    char *s = strndup(a, (size_t)(b - a));
    assert_non_null(s);
    return s;
}

static void text_lists_verifications(void **state)
{
    char *out = render_verified(WS_FORMAT_TEXT);
    char *block = lines_between(out, "article.txt: 4 quotations", "article.txt: 1 speaker");
    assert_string_equal(block,
        "article.txt: 4 quotations checked against the sources (2 verbatim, 1 near, 1 missing)\n"
        "  1:25 near 95% \"we will build the [-new-] bridge across the river next year\" at "
        "source.txt:1:8, speaker in the source: JONES\n"
        "  3:1 verbatim \"The budget is fixed and nobody will pay more for it,\" at "
        "source.txt:5:12, speaker in the source: JONES\n"
        "  5:1 missing \"Nobody asked for a tunnel under the old town,\"\n"
        "  7:19 verbatim \"Will it cost more?\" at source.txt:3:4, speaker in the source: Q "
        "(the article names Tom Jones)\n");
    free(block);
    /* The block follows the statements. */
    assert_true(strstr(out, "article.txt: 4 statements") < strstr(out, "article.txt: 4 quotations"));
    free(out);
    /* Without sources there is no block. */
    out = render("Minister Tom Jones said \"we will build the bridge across the river.\"\n",
                 WS_INPUT_TEXT, WS_FORMAT_TEXT, 1);
    assert_null(strstr(out, "checked against"));
    free(out);
}

static void text_diff_cuts_long_runs(void **state)
{
    /* Words far from the difference give way to "..." on either side. */
    const char *src = "ANNA: The committee has decided after a long and careful review of every "
                      "single submission that the old bridge will be closed to all traffic.\n";
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(ws_ctx_new(NULL, &ctx), WS_OK);
    assert_int_equal(ws_ctx_load_rules(ctx, WS_SOURCE_RULES_DIR, &d), WS_OK);
    assert_int_equal(ws_ctx_add_source_text(ctx, "s.txt", WS_INPUT_TEXT, src, strlen(src), &d),
                     WS_OK);
    ws_report *rep = analyze_in(ctx, "a.txt",
                                "Anna said \"the committee has decided after a long and careful "
                                "review of every submission that the old bridge will be closed "
                                "to all traffic.\"\n",
                                NULL);
    char *out = render_report(ctx, rep, WS_FORMAT_TEXT);
    /* 23 words of 23 found, the passage has 24: 2 * 23 / 47 is 97 %. */
    assert_non_null(strstr(out, "  1:11 near 97% \"... review of every [-single-] submission that "
                                "the ...\" at s.txt:1:7, speaker in the source: ANNA\n"));
    free(out);
    ws_report_free(rep);
    ws_ctx_free(ctx);
}

static void json_has_verifications(void **state)
{
    char *out = render_verified(WS_FORMAT_JSON);
    /* The near one: where, what the source says, who speaks there, the diff step by step. */
    assert_non_null(strstr(out,
        "        {\n"
        "          \"quotation\": 0,\n"
        "          \"statement\": 0,\n"
        "          \"status\": \"near\",\n"
        "          \"words\": 10,\n"
        "          \"matched\": 10,\n"
        "          \"similarity\": 95,\n"
        "          \"speaker\": \"Tom Jones\",\n"
        "          \"source\": {\"path\": \"source.txt\", \"start\": 7, \"end\": 62, \"line\": 1, "
        "\"col\": 8, \"end_line\": 1, \"end_col\": 63, \"text\": \"We will build the new bridge "
        "across the river next year\", \"speaker\": \"JONES\", \"wrong_speaker\": false},\n"
        "          \"diff\": [\n"
        "            {\"op\": \"equal\", \"mark\": null, \"quote\": \"we will build the\", \"source\": "
        "\"We will build the\", \"quote_span\": {\"start\": 25, \"end\": 42, \"line\": 1, \"col\": 26, "
        "\"end_line\": 1, \"end_col\": 43}, \"source_span\": {\"start\": 7, \"end\": 24, \"line\": 1, "
        "\"col\": 8, \"end_line\": 1, \"end_col\": 25}},\n"
        "            {\"op\": \"dropped\", \"mark\": null, \"quote\": \"\", \"source\": \"new\", "
        "\"quote_span\": {\"start\": 42, \"end\": 42, \"line\": 1, \"col\": 43, \"end_line\": 1, "
        "\"end_col\": 43}, \"source_span\": {\"start\": 25, \"end\": 28, \"line\": 1, \"col\": 26, "
        "\"end_line\": 1, \"end_col\": 29}},\n"));
    /* The reporter's question put in Jones's mouth. */
    assert_non_null(strstr(out, "\"text\": \"Will it cost more\", \"speaker\": \"Q\", "
                                "\"wrong_speaker\": true},\n"));
    /* Missing: no source, no diff. */
    assert_non_null(strstr(out, "          \"status\": \"missing\",\n"
                                "          \"words\": 9,\n"
                                "          \"matched\": 0,\n"
                                "          \"similarity\": 0,\n"
                                "          \"speaker\": \"Tom Jones\",\n"
                                "          \"source\": null,\n"
                                "          \"diff\": []\n"));
    /* After the quotations, before the findings. */
    const char *v = strstr(out, "\"verifications\": [");
    assert_non_null(v);
    assert_true(strstr(out, "\"quotations\": [") < v && v < strstr(out, "\"findings\": ["));
    free(out);
    /* Without sources the array is there, empty. */
    out = render("He said \"we will win the war soon.\"\n", WS_INPUT_TEXT, WS_FORMAT_JSON, 1);
    assert_non_null(strstr(out, "\n      \"verifications\": [],\n"));
    free(out);
}

static void sarif_relates_source_passages(void **state)
{
    char *out = render_verified(WS_FORMAT_SARIF);
    /* QuoteNear and QuoteSpeaker point at the passage; QuoteMissing has none to point at. */
    assert_int_equal(count(out, "\"ruleId\": \"News.QuoteNear\""), 1);
    assert_int_equal(count(out, "\"ruleId\": \"News.QuoteSpeaker\""), 1);
    assert_int_equal(count(out, "\"ruleId\": \"News.QuoteMissing\""), 1);
    assert_int_equal(count(out, "\"relatedLocations\": ["), 2);
    assert_non_null(strstr(out,
        "          \"relatedLocations\": [\n"
        "            {\n"
        "              \"id\": 0,\n"
        "              \"physicalLocation\": {\n"
        "                \"artifactLocation\": {\"uri\": \"source.txt\", \"uriBaseId\": \"%SRCROOT%\"},\n"
        "                \"region\": {\"startLine\": 1, \"startColumn\": 8, \"endLine\": 1, "
        "\"endColumn\": 63}\n"
        "              },\n"
        "              \"message\": {\"text\": \"The source passage: \\\"We will build the new "
        "bridge across the river next year\\\" (speaker in the source: JONES)\"}\n"
        "            }\n"
        "          ],\n"));
    assert_non_null(strstr(out, "\"region\": {\"startLine\": 3, \"startColumn\": 4, \"endLine\": 3, "
                                "\"endColumn\": 21}\n"));
    /* The related location follows the QuoteSpeaker result's own location. */
    const char *speaker = strstr(out, "\"ruleId\": \"News.QuoteSpeaker\"");
    assert_non_null(strstr(speaker, "\"message\": {\"text\": \"The source passage: \\\"Will it cost "
                                    "more\\\" (speaker in the source: Q)\"}"));
    free(out);
}

static void html_shows_passages_beside_quotations(void **state)
{
    char *out = render_verified(WS_FORMAT_HTML);
    assert_true(check_nesting(strstr(out, "<article")) > 10);
    /* The quotation in the text shows its status and is what the list links to. */
    assert_non_null(strstr(out, "<span id=\"f1-q0\" class=\"qt v-near\">"));
    assert_non_null(strstr(out, "<span id=\"f1-q2\" class=\"qt v-missing\">"));
    assert_non_null(strstr(out, "<a href=\"#f1-q0\">line 1, column 25</a>"));
    /* Side by side: the quotation as written, the passage with the left-out word struck. */
    assert_non_null(strstr(out,
        "<blockquote class=\"vq\"><span class=\"vl\">In the article</span>we will build the bridge "
        "across the river next year.</blockquote>\n"
        "<blockquote class=\"vp\"><span class=\"vl\">In the source</span>We will build the "
        "<del class=\"d\" title=\"left out of the quotation\">new</del> bridge across the river "
        "next year</blockquote>\n"));
    assert_non_null(strstr(out, "source <code>source.txt:1:8</code> &middot; speaker in the "
                                "source: JONES</p>"));
    assert_non_null(strstr(out, "speaker in the source: Q <strong>(not the speaker the article "
                                "names)</strong>"));
    assert_non_null(strstr(out, "<li class=\"vi v-missing\" id=\"f1-v2\">"));
    assert_non_null(strstr(out, "<em>Not found in any source.</em>"));
    assert_non_null(strstr(out, "4 quotations checked against the sources (2 verbatim, 1 near, "
                                "1 missing)</p>"));
    /* Every in-page link has its target. */
    for (const char *p = out; (p = strstr(p, "href=\"#")); p++) {
        char id[64], attr[80];
        sscanf(p + 7, "%63[^\"]", id);
        snprintf(attr, sizeof attr, "id=\"%s\"", id);
        assert_non_null(strstr(out, attr));
    }
    free(out);
    out = render("He said \"we will win the war soon.\"\n", WS_INPUT_TEXT, WS_FORMAT_HTML, 1);
    assert_null(strstr(out, "class=\"verify\""));
    assert_null(strstr(out, "class=\"qt v-"));
    free(out);
}

static void html_marks_changes_on_both_sides(void **state)
{
    /* A word changed, words added, an ellipsis; hostile words escaped inside the marks. */
    const char *src = "LEE: The <b>council</b> will review every application before the end of "
                      "March and publish the results in April.\n";
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(ws_ctx_new(NULL, &ctx), WS_OK);
    assert_int_equal(ws_ctx_load_rules(ctx, WS_SOURCE_RULES_DIR, &d), WS_OK);
    assert_int_equal(ws_ctx_add_source_text(ctx, "s.txt", WS_INPUT_TEXT, src, strlen(src), &d),
                     WS_OK);
    ws_report *rep = analyze_in(ctx, "a.txt",
                                "Lee said \"the <b>council</b> will check every application before "
                                "the end of March ... in April.\"\n",
                                NULL);
    char *out = render_report(ctx, rep, WS_FORMAT_HTML);
    assert_non_null(strstr(out, "<ins class=\"d\" title=\"what the article puts instead\">check</ins>"));
    assert_non_null(strstr(out, "<del class=\"d\" title=\"what the source says\">review</del>"));
    assert_non_null(strstr(out, "<del class=\"d mk\" title=\"left out at the ellipsis\">and publish "
                                "the results</del>"));
    assert_non_null(strstr(out, "The &lt;b&gt;council&lt;/b&gt; will "));
    assert_null(strstr(out, "<b>council"));
    free(out);
    ws_report_free(rep);
    ws_ctx_free(ctx);
}

static void summary_counts_verifications(void **state)
{
    char *out = render_verified(WS_FORMAT_SUMMARY);
    assert_string_equal(out,
        "### whosaid\n\n"
        "| File | Statements | Speakers | Errors | Warnings | Suggestions | Quotes verbatim | "
        "Quotes near | Quotes missing |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        "| article.txt | 4 | 1 | 1 | 2 | 0 | 2 | 1 | 1 |\n\n");
    free(out);
    out = render("He said \"we will win the war soon.\"\n", WS_INPUT_TEXT, WS_FORMAT_SUMMARY, 1);
    assert_null(strstr(out, "Quotes"));
    free(out);

    /* Sources that only a later article's configuration brings: the table
     * has the verification columns all the same, the first row included. */
    mem_sink m = {0};
    ws_sink sink = {mem_write, &m};
    ws_renderer *r = NULL;
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_SUMMARY, NULL, &sink, &r), WS_OK);
    ws_report *rep = analyze_in(test_ctx(), "first.txt", "He said \"we will win.\"\n", NULL);
    assert_int_equal(ws_renderer_add(r, rep), WS_OK);
    ws_report_free(rep);
    rep = analyze_in(ctx_with_source(), "article.txt", verify_article, NULL);
    assert_int_equal(ws_renderer_add(r, rep), WS_OK);
    ws_report_free(rep);
    ws_diag d;
    memset(&d, 0, sizeof d);
    d.code = WS_EIO;
    assert_int_equal(ws_renderer_add_failure(r, "gone.txt", &d), WS_OK);
    assert_int_equal(ws_renderer_finish(r), WS_OK);
    ws_renderer_free(r);
    assert_string_equal(m.data,
        "### whosaid\n\n"
        "| File | Statements | Speakers | Errors | Warnings | Suggestions | Quotes verbatim | "
        "Quotes near | Quotes missing |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        "| first.txt | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        "| article.txt | 4 | 1 | 1 | 2 | 0 | 2 | 1 | 1 |\n"
        "| gone.txt | not read: input/output error | | | | | | | |\n"
        "| **Total: 3 files** | 5 | 1 | 1 | 2 | 0 | 2 | 1 | 1 |\n\n");
    free(m.data);
}

/* ------------------------------------------------------------------------ */
/* JSON Lines                                                               */
/* ------------------------------------------------------------------------ */

/* A sink that keeps each write call apart. */
typedef struct call_sink {
    char *calls[8];
    size_t lens[8];
    int n;
} call_sink;

static int call_write(void *ud, const char *buf, size_t len)
{
    call_sink *c = ud;
    assert_true(c->n < 8);
    c->calls[c->n] = malloc(len + 1);
    assert_non_null(c->calls[c->n]);
    memcpy(c->calls[c->n], buf, len);
    c->calls[c->n][len] = '\0';
    c->lens[c->n++] = len;
    return WS_OK;
}

static void call_sink_free(call_sink *c)
{
    for (int i = 0; i < c->n; i++)
        free(c->calls[i]);
}

static void jsonl_writes_each_line_when_added(void **state)
{
    call_sink c = {0};
    ws_sink sink = {call_write, &c};
    ws_renderer *r = NULL;
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_JSONL, NULL, &sink, &r), WS_OK);
    assert_int_equal(c.n, 0); /* no header */

    ws_report *rep = analyze_in(test_ctx(), "a.txt", "Nothing here.\n", "\"a-1\"");
    assert_int_equal(ws_renderer_add(r, rep), WS_OK);
    ws_report_free(rep);
    /* The line is at the sink before ws_renderer_add() returns: one write, one line. */
    assert_int_equal(c.n, 1);
    assert_string_equal(c.calls[0], "{\"id\":\"a-1\",\"path\":\"a.txt\",\"format\":\"text\","
                                    "\"statements\":[],\"speakers\":[],\"quotations\":[],"
                                    "\"verifications\":[],\"findings\":[],\"problems\":[]}\n");

    rep = analyze_in(test_ctx(), "b.txt", "He said \"we will win the war soon.\"\n", NULL);
    assert_int_equal(ws_renderer_add(r, rep), WS_OK);
    ws_report_free(rep);
    assert_int_equal(c.n, 2);
    assert_string_equal(c.calls[1],
        "{\"path\":\"b.txt\",\"format\":\"text\",\"statements\":[{\"kind\":\"direct\",\"content\":"
        "[{\"start\":9,\"end\":34,\"line\":1,\"col\":10,\"end_line\":1,\"end_col\":35,\"text\":"
        "\"we will win the war soon.\"}],\"cue\":{\"start\":3,\"end\":7,\"line\":1,\"col\":4,"
        "\"end_line\":1,\"end_col\":8,\"text\":\"said\",\"lemma\":\"say\",\"class\":\"neutral\"},\"source\":{\"start\":0,\"end\":2,"
        "\"line\":1,\"col\":1,\"end_line\":1,\"end_col\":3,\"text\":\"He\"},\"speaker\":null,"
        "\"quotation\":0}],\"speakers\":[],\"quotations\":[{\"span\":{\"start\":8,\"end\":35,"
        "\"line\":1,\"col\":9,\"end_line\":1,\"end_col\":36,\"text\":\"\\\"we will win the war "
        "soon.\\\"\"},\"fragments\":[{\"start\":9,\"end\":34,\"line\":1,\"col\":10,\"end_line\":1,"
        "\"end_col\":35,\"text\":\"we will win the war soon.\"}],\"parent\":-1,\"depth\":0,"
        "\"words\":6,\"flags\":[],\"statement\":0}],\"verifications\":[],\"findings\":[],"
        "\"problems\":[]}\n");

    /* A failure is a line too, with the caller's id. */
    ws_diag d;
    memset(&d, 0, sizeof d);
    d.code = WS_EUTF8;
    d.byte_off = 4;
    d.line = 1;
    d.col = 5;
    snprintf(d.message, sizeof d.message, "invalid UTF-8 (byte 0xff at offset 4)");
    assert_int_equal(ws_renderer_add_failure_id(r, "17", "c.txt", &d), WS_OK);
    assert_int_equal(c.n, 3);
    assert_string_equal(c.calls[2], "{\"id\":17,\"path\":\"c.txt\",\"error\":{\"code\":\"invalid "
                                    "UTF-8\",\"message\":\"invalid UTF-8 (byte 0xff at offset 4)\","
                                    "\"offset\":4,\"line\":1,\"col\":5}}\n");
    assert_int_equal(ws_renderer_add_failure(r, "d.txt", &d), WS_OK);
    assert_int_equal(c.n, 4);
    assert_int_equal(strncmp(c.calls[3], "{\"path\":\"d.txt\",\"error\":{", 25), 0);
    /* Nothing at the end: no wrapper to close. */
    assert_int_equal(ws_renderer_finish(r), WS_OK);
    assert_int_equal(c.n, 4);
    ws_renderer_free(r);
    call_sink_free(&c);
}

static void jsonl_long_line_is_one_write(void **state)
{
    /* A line far longer than the renderer's 64 KiB buffer still goes out whole. */
    size_t n = 600, len = 0;
    const char *para = "\"We will win the war soon,\" the minister said on Monday.\n\n";
    char *text = malloc(n * strlen(para) + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++) {
        memcpy(text + len, para, strlen(para));
        len += strlen(para);
    }
    text[len] = '\0';
    call_sink c = {0};
    ws_sink sink = {call_write, &c};
    ws_renderer *r = NULL;
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_JSONL, NULL, &sink, &r), WS_OK);
    ws_report *rep = analyze_in(test_ctx(), "long.txt", text, "-2.5e1");
    free(text);
    assert_int_equal(ws_report_n_statements(rep), n);
    assert_int_equal(ws_renderer_add(r, rep), WS_OK);
    ws_report_free(rep);
    assert_int_equal(c.n, 1);
    assert_true(c.lens[0] > 256 * 1024);
    assert_int_equal(strncmp(c.calls[0], "{\"id\":-2.5e1,\"path\":\"long.txt\",", 31), 0);
    assert_ptr_equal(strchr(c.calls[0], '\n'), c.calls[0] + c.lens[0] - 1);
    ws_renderer_free(r);
    call_sink_free(&c);
}

/* The id member a failure line gets for the caller's id text @id. */
static const char *id_member(const char *id)
{
    static char out[256];
    call_sink c = {0};
    ws_sink sink = {call_write, &c};
    ws_renderer *r = NULL;
    ws_diag d;
    memset(&d, 0, sizeof d);
    d.code = WS_EIO;
    assert_int_equal(ws_renderer_new(test_ctx(), WS_FORMAT_JSONL, NULL, &sink, &r), WS_OK);
    assert_int_equal(ws_renderer_add_failure_id(r, id, "x", &d), WS_OK);
    assert_int_equal(c.n, 1);
    const char *end = strstr(c.calls[0], "\"path\":");
    assert_non_null(end);
    snprintf(out, sizeof out, "%.*s", (int)(end - c.calls[0]), c.calls[0]);
    ws_renderer_free(r);
    call_sink_free(&c);
    return out;
}

static void jsonl_ids_stay_valid_json(void **state)
{
    /* JSON strings and numbers as given, escapes and all. */
    assert_string_equal(id_member("\"a-1\""), "{\"id\":\"a-1\",");
    assert_string_equal(id_member("\"caf\\u00e9 \\\"x\\\"\""), "{\"id\":\"caf\\u00e9 \\\"x\\\"\",");
    assert_string_equal(id_member("0"), "{\"id\":0,");
    assert_string_equal(id_member("-12.5E+3"), "{\"id\":-12.5E+3,");
    /* A string's bytes that are not UTF-8 are repaired, its escapes kept. */
    assert_string_equal(id_member("\"a\xff\\\"b\xc3\""), "{\"id\":\"a\xEF\xBF\xBD\\\"b\xEF\xBF\xBD\",");
    /* Anything else becomes a string, so that the line stays one valid object. */
    assert_string_equal(id_member("true"), "{\"id\":\"true\",");
    assert_string_equal(id_member("abc"), "{\"id\":\"abc\",");
    assert_string_equal(id_member("12abc"), "{\"id\":\"12abc\",");
    assert_string_equal(id_member("01"), "{\"id\":\"01\",");
    assert_string_equal(id_member("\"open"), "{\"id\":\"\\\"open\",");
    assert_string_equal(id_member("\"a\"}, {\"b\""), "{\"id\":\"\\\"a\\\"}, {\\\"b\\\"\",");
    assert_string_equal(id_member("\"line\nbreak\""), "{\"id\":\"\\\"line\\nbreak\\\"\",");
    assert_string_equal(id_member("\"bad \\x\""), "{\"id\":\"\\\"bad \\\\x\\\"\",");
    /* No id, no member. */
    assert_string_equal(id_member(NULL), "{");
}

static void json_echoes_ids(void **state)
{
    ws_report *rep = analyze_in(test_ctx(), "a.txt", "Nothing here.\n", "42");
    char *out = render_report(test_ctx(), rep, WS_FORMAT_JSON);
    ws_report_free(rep);
    assert_non_null(strstr(out, "  \"files\": [\n    {\n      \"id\": 42,\n      \"path\": \"a.txt\",\n"));
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sha256_vectors),
        cmocka_unit_test(json_writer_layout),
        cmocka_unit_test(json_writer_numbers_and_depth),
        cmocka_unit_test(json_writer_strings),
        cmocka_unit_test(json_writer_every_byte),
        cmocka_unit_test(prepared_entries),
        cmocka_unit_test(text_caret_under_utf8),
        cmocka_unit_test(text_window_on_long_lines),
        cmocka_unit_test(text_windows_along_one_long_line),
        cmocka_unit_test(text_caret_across_lines),
        cmocka_unit_test(text_controls_are_neutralised),
        cmocka_unit_test(html_nests_overlapping_spans),
        cmocka_unit_test(html_ids_differ_between_files),
        cmocka_unit_test(github_ten_of_each_level),
        cmocka_unit_test(rel_paths),
        cmocka_unit_test(options_size),
        cmocka_unit_test(every_format_has_a_name),
        cmocka_unit_test(write_errors_are_reported),
        cmocka_unit_test(text_lists_verifications),
        cmocka_unit_test(text_diff_cuts_long_runs),
        cmocka_unit_test(json_has_verifications),
        cmocka_unit_test(sarif_relates_source_passages),
        cmocka_unit_test(html_shows_passages_beside_quotations),
        cmocka_unit_test(html_marks_changes_on_both_sides),
        cmocka_unit_test(summary_counts_verifications),
        cmocka_unit_test(jsonl_writes_each_line_when_added),
        cmocka_unit_test(jsonl_long_line_is_one_write),
        cmocka_unit_test(jsonl_ids_stay_valid_json),
        cmocka_unit_test(json_echoes_ids),
        cmocka_unit_test(json_writer_int_members),
        cmocka_unit_test(json_writer_inline_objects),
        cmocka_unit_test(json_writer_keyed_containers),
        cmocka_unit_test(report_views_have_their_spans),
        cmocka_unit_test(report_keeps_rule_ids),
        cmocka_unit_test(fingerprints_count_equal_findings),
    };
    int rc = cmocka_run_group_tests_name("render", tests, NULL, NULL);
    test_ctx_free();
    ws_ctx_free(verify_ctx);
    return rc;
}
