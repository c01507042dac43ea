/*
 * test_escape.c - every escaper of escape.c on hostile strings: markup,
 * quotes, control characters, percent signs, line breaks, the separators of
 * GitHub workflow commands and U+2028.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "render/escape.h"

/* Run @escape over @in (of @len bytes) and return the result (static, reused). */
static const char *run(int (*escape)(ws_buf *, const char *, size_t), const char *in, size_t len)
{
    static char out[1024];
    ws_buf b;
    ws_buf_init(&b, &ws_default_allocator);
    assert_int_equal(escape(&b, in, len), WS_OK);
    assert_true(b.len < sizeof out);
    memcpy(out, b.data ? b.data : "", b.len);
    out[b.len] = '\0';
    ws_buf_release(&b);
    return out;
}

#define ESC(fn, lit) run(fn, lit, sizeof lit - 1)

static void html_markup_and_quotes(void **state)
{
    assert_string_equal(ESC(ws_escape_html, "<script>alert(1)</script>"),
                        "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert_string_equal(ESC(ws_escape_html, "\"><img src=x onerror=alert(1)>"),
                        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    assert_string_equal(ESC(ws_escape_html, "a & b 'c' &amp;"), "a &amp; b &#39;c&#39; &amp;amp;");
    /* javascript: is text, not markup: it stays, the page never makes it a link. */
    assert_string_equal(ESC(ws_escape_html, "javascript:alert(1)"), "javascript:alert(1)");
    assert_string_equal(ESC(ws_escape_html, ""), "");
}

static void html_controls(void **state)
{
    /* Tab, LF and CR are allowed; other C0 controls and DEL are not HTML. */
    assert_string_equal(ESC(ws_escape_html, "a\tb\nc\rd"), "a\tb\nc\rd");
    assert_string_equal(ESC(ws_escape_html, "\x01\x1b[2J\x7f"), "&#xFFFD;&#xFFFD;[2J&#xFFFD;");
    /* U+2028 and multi-byte text pass unchanged. */
    assert_string_equal(ESC(ws_escape_html, "x\xe2\x80\xa8y \xc3\xa9"), "x\xe2\x80\xa8y \xc3\xa9");
}

static void json_strings(void **state)
{
    assert_string_equal(ESC(ws_escape_json, "say \"hi\"\\"), "say \\\"hi\\\"\\\\");
    assert_string_equal(ESC(ws_escape_json, "a\nb\tc\rd\x01\x1f\x7f"),
                        "a\\nb\\tc\\rd\\u0001\\u001f\\u007f");
    assert_string_equal(ESC(ws_escape_json, "x\xe2\x80\xa8y\xe2\x80\xa9z"), "x\\u2028y\\u2029z");
    assert_string_equal(ESC(ws_escape_json, "</script><!--"), "</script><!--");
    /* A truncated U+2028 at the end is not read past: its bytes start no
     * valid sequence, so each becomes U+FFFD and the JSON stays UTF-8. */
    assert_string_equal(ESC(ws_escape_json, "a\xe2\x80"), "a\xef\xbf\xbd\xef\xbf\xbd");
    /* Invalid bytes, overlong forms and surrogates likewise; valid text passes. */
    assert_string_equal(ESC(ws_escape_json, "p\xffq\xc0\xafr\xed\xa0\x80s"),
                        "p\xef\xbf\xbdq\xef\xbf\xbd\xef\xbf\xbdr\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbds");
    assert_string_equal(ESC(ws_escape_json, "caf\xc3\xa9 \xf0\x9f\x98\x80"), "caf\xc3\xa9 \xf0\x9f\x98\x80");
}

/* Plain runs are skipped eight bytes at a time: each byte that needs a
 * look, at every offset of a long plain string, is still seen, and the
 * bytes next to the marked ones (0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7e)
 * pass as they are. */
static void json_strings_word_at_a_time(void **state)
{
    static const struct {
        char in;
        const char *out;
    } marked[] = {{'"', "\\\""}, {'\\', "\\\\"}, {'\x1f', "\\u001f"}, {'\x7f', "\\u007f"},
                  {'\n', "\\n"}};
    const char plain[] = " !#[]~ab";
    for (size_t m = 0; m < sizeof marked / sizeof *marked; m++) {
        for (size_t at = 0; at < 20; at++) {
            char in[21], want[40];
            for (size_t k = 0; k < 20; k++)
                in[k] = plain[k % 8];
            in[20] = '\0';
            in[at] = marked[m].in;
            snprintf(want, sizeof want, "%.*s%s%s", (int)at, in, marked[m].out, in + at + 1);
            assert_string_equal(run(ws_escape_json, in, 20), want);
        }
    }
    /* A non-ASCII byte in a later word: its sequence is checked, and an
     * invalid one still becomes U+FFFD. */
    assert_string_equal(ESC(ws_escape_json, "abcdefghijklm\xc3\xa9nop"), "abcdefghijklm\xc3\xa9nop");
    assert_string_equal(ESC(ws_escape_json, "abcdefghijklm\xc3nopq"), "abcdefghijklm\xef\xbf\xbdnopq");
}

/* A character or byte that needs a look (escaped, replaced, or checked as
 * UTF-8 and kept) at every offset of plain strings of 1 to 48 bytes, so
 * in every place of the sixteen- and eight-byte skips: the plain bytes
 * around it are kept as they are, and it is written as it is alone. */
static void json_strings_at_every_offset(void **state)
{
    static const char *const pieces[] = {"\"", "\\", "\x01", "\x1f", "\x7f", "\x80", "\xff", "\xc3\xa9",
                                         "\xe2\x80\xa8", "\xe2\x80\x99", "\xf0\x9f\x98\x80", "\xc3"};
    const char plain[] = " !#[]~ab";
    for (size_t p = 0; p < sizeof pieces / sizeof *pieces; p++) {
        char alone[1024];
        snprintf(alone, sizeof alone, "%s", run(ws_escape_json, pieces[p], strlen(pieces[p])));
        for (size_t len = 1; len <= 48; len++) {
            for (size_t at = 0; at < len; at++) {
                char in[64], want[1200];
                size_t n = 0;
                for (size_t k = 0; k < at; k++)
                    in[n++] = plain[k % 8];
                memcpy(in + n, pieces[p], strlen(pieces[p]));
                n += strlen(pieces[p]);
                for (size_t k = at + 1; k < len; k++)
                    in[n++] = plain[k % 8];
                in[n] = '\0';
                snprintf(want, sizeof want, "%.*s%s%s", (int)at, in, alone, in + at + strlen(pieces[p]));
                assert_string_equal(run(ws_escape_json, in, n), want);
            }
        }
    }
}

/* Every control and DEL as printf writes "\\u%04x", but the three with
 * short escapes; NUL too, inside a string. */
static void json_every_control(void **state)
{
    for (int c = 0; c <= 0x7f; c++) {
        if (c >= 0x20 && c < 0x7f)
            continue;
        const char in[3] = {'a', (char)c, 'b'};
        char want[16];
        if (c == '\n' || c == '\t' || c == '\r')
            snprintf(want, sizeof want, "a\\%cb", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
        else
            snprintf(want, sizeof want, "a\\u%04xb", c);
        assert_string_equal(run(ws_escape_json, in, 3), want);
    }
}

static void github_data(void **state)
{
    /* % first, so that the escapes themselves are not escaped again. */
    assert_string_equal(ESC(ws_escape_github_data, "100% sure"), "100%25 sure");
    assert_string_equal(ESC(ws_escape_github_data, "%0A"), "%250A");
    assert_string_equal(ESC(ws_escape_github_data, "one\ntwo\r\nthree"), "one%0Atwo%0D%0Athree");
    /* In the message, colons and commas are data. */
    assert_string_equal(ESC(ws_escape_github_data, "a: b, c::d"), "a: b, c::d");
    /* A line break cannot start a new command. */
    assert_string_equal(ESC(ws_escape_github_data, "x\n::error::pwned"), "x%0A::error::pwned");
    assert_string_equal(ESC(ws_escape_github_data, "<\"'>&"), "<\"'>&");
    assert_string_equal(ESC(ws_escape_github_data, "\xe2\x80\xa8"), "\xe2\x80\xa8");
}

static void github_property(void **state)
{
    assert_string_equal(ESC(ws_escape_github_property, "dir,x/a:b.txt"), "dir%2Cx/a%3Ab.txt");
    assert_string_equal(ESC(ws_escape_github_property, "50%,\r\n:"), "50%25%2C%0D%0A%3A");
    assert_string_equal(ESC(ws_escape_github_property, "title=x,line=9"), "title=x%2Cline=9");
    assert_string_equal(ESC(ws_escape_github_property, "News.Hedges"), "News.Hedges");
}

static int terminal_line(ws_buf *b, const char *s, size_t len)
{
    return ws_escape_terminal(b, s, len, 1);
}

static int terminal_keep(ws_buf *b, const char *s, size_t len)
{
    return ws_escape_terminal(b, s, len, 0);
}

static void terminal(void **state)
{
    assert_string_equal(ESC(terminal_line, "a\x1b[2Jb\x07\tc\nd"), "a?[2Jb?\tc d");
    assert_string_equal(ESC(terminal_keep, "a\nb\x7f"), "a\nb?");
    /* C1 controls (U+009B is CSI) but not other two-byte characters. */
    assert_string_equal(ESC(terminal_line, "x\xc2\x9b" "31m \xc2\xa0\xc3\xa9"), "x?31m \xc2\xa0\xc3\xa9");
    assert_string_equal(ESC(terminal_line, "\xe2\x80\xa8"), "\xe2\x80\xa8");
}

static void uri_paths(void **state)
{
    assert_string_equal(ESC(ws_escape_uri_path, "dir/a-b_c.~x.txt"), "dir/a-b_c.~x.txt");
    assert_string_equal(ESC(ws_escape_uri_path, "my file#1?.txt"), "my%20file%231%3F.txt");
    assert_string_equal(ESC(ws_escape_uri_path, "100%/<x>\"'"), "100%25/%3Cx%3E%22%27");
    assert_string_equal(ESC(ws_escape_uri_path, "caf\xc3\xa9:,\n"), "caf%C3%A9%3A%2C%0A");
}

static void markdown_cells(void **state)
{
    assert_string_equal(ESC(ws_escape_markdown_cell, "a|b"), "a\\|b");
    assert_string_equal(ESC(ws_escape_markdown_cell, "<script>&"), "&lt;script&gt;&amp;");
    assert_string_equal(ESC(ws_escape_markdown_cell, "*x* _y_ [l](u) `c`"),
                        "\\*x\\* \\_y\\_ \\[l\\]\\(u\\) \\`c\\`");
    assert_string_equal(ESC(ws_escape_markdown_cell, "one\ntwo\r"), "one two ");
    assert_string_equal(ESC(ws_escape_markdown_cell, "dir/a.txt"), "dir/a.txt");
}

static int base64_of(ws_buf *b, const char *s, size_t len)
{
    return ws_base64(b, (const unsigned char *)s, len);
}

static void base64(void **state)
{
    /* RFC 4648, section 10. */
    assert_string_equal(ESC(base64_of, ""), "");
    assert_string_equal(ESC(base64_of, "f"), "Zg==");
    assert_string_equal(ESC(base64_of, "fo"), "Zm8=");
    assert_string_equal(ESC(base64_of, "foo"), "Zm9v");
    assert_string_equal(ESC(base64_of, "foob"), "Zm9vYg==");
    assert_string_equal(ESC(base64_of, "fooba"), "Zm9vYmE=");
    assert_string_equal(ESC(base64_of, "foobar"), "Zm9vYmFy");
    assert_string_equal(ESC(base64_of, "\xff\xfe\x00"), "//4A");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(html_markup_and_quotes),
        cmocka_unit_test(html_controls),
        cmocka_unit_test(json_strings),
        cmocka_unit_test(json_strings_word_at_a_time),
        cmocka_unit_test(json_strings_at_every_offset),
        cmocka_unit_test(json_every_control),
        cmocka_unit_test(github_data),
        cmocka_unit_test(github_property),
        cmocka_unit_test(terminal),
        cmocka_unit_test(uri_paths),
        cmocka_unit_test(markdown_cells),
        cmocka_unit_test(base64),
    };
    return cmocka_run_group_tests_name("escape", tests, NULL, NULL);
}
