/*
 * test_read_text.c - the plain-text reader: paragraphs between blank lines,
 * line breaks kept inside one (CRLF, a lone CR, LF), one paragraph a line
 * for long unwrapped lines, a byte-order mark, directive lines, and where
 * each block starts in the source.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* The blocks of @text read as plain text: each as its text with its
 * source offset, "|" between them, then "#" and the comments' bodies. */
static const char *blocks_of(const char *text)
{
    static char out[4096];
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    ws_doc *doc = &r->doc;
    size_t n = 0;
    out[0] = '\0';
    for (size_t b = 0; b < doc->blocks.n; b++) {
        const ws_block *blk = &doc->blocks.v[b];
        ws_span sp = ws_offmap_span(&doc->map, blk->start, blk->end);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%u:%.*s", b ? "|" : "", sp.start,
                              (int)(blk->end - blk->start), doc->text + blk->start);
        assert_true(n < sizeof out);
    }
    for (size_t c = 0; c < doc->comments.n; c++) {
        n += (size_t)snprintf(out + n, sizeof out - n, "#%s", doc->comments.v[c].body);
        assert_true(n < sizeof out);
    }
    ws_report_free(r);
    return out;
}

static void paragraphs_and_line_breaks(void **state)
{
    (void)state;
    assert_string_equal(blocks_of(""), "");
    assert_string_equal(blocks_of("\n \n\t\n"), "");
    assert_string_equal(blocks_of("Ana Ruiz said so."), "0:Ana Ruiz said so.");
    /* Hard-wrapped lines stay one paragraph, their breaks kept as "\n";
     * blank lines (with white space too) part paragraphs. */
    assert_string_equal(blocks_of("  Tom Hale said\r\nthe ferry was late.  \r\n \t \r\n"
                                  "Ana Ruiz\rdisagreed.\n\nKestrel"),
                        "2:Tom Hale said\nthe ferry was late.|45:Ana Ruiz\ndisagreed.|66:Kestrel");
    /* A byte-order mark is no text. */
    assert_string_equal(blocks_of("\xEF\xBB\xBFOne.\n\nTwo.\n"), "3:One.|9:Two.");
}

static void long_lines_are_paragraphs(void **state)
{
    (void)state;
    char text[1024];
    const char *long_line = "Tom Hale, who runs the Kestrel ferry between Riverton and Dover, said on Friday that the "
                            "boats would sail again in May.";
    /* Two long lines and a short one: a paragraph each. */
    snprintf(text, sizeof text, "%s\n%s\nAna Ruiz agreed.\n", long_line, long_line);
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(r->doc.blocks.n, 3);
    ws_report_free(r);
    /* One long line among three short ones: one paragraph. */
    snprintf(text, sizeof text, "Short one.\n%s\nShort two.\nShort three.\n", long_line);
    r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(r->doc.blocks.n, 1);
    ws_report_free(r);
}

static void directive_lines(void **state)
{
    (void)state;
    /* A directive line ends a block like a blank line and is kept as a
     * comment; other "<!--" text is text. */
    assert_string_equal(blocks_of("Tom Hale said so.\n<!-- whosaid off -->\nAna Ruiz said so.\n"
                                  "<!-- not a directive -->\n\n<!-- whosaid on -->"),
                        "0:Tom Hale said so.|39:Ana Ruiz said so.\n<!-- not a directive -->"
                        "# whosaid off # whosaid on ");
}

/*
 * Copying skips plain ASCII sixteen bytes at a time (with SSE2), then
 * eight, then one: a letter with a combining mark (normalized with its
 * word) and a NUL byte past the binary probe (shown as U+FFFD) are found
 * after 0 to 40 bytes of a line, and map back to where they were.
 */
static void copy_finds_what_it_must_change(void **state)
{
    (void)state;
    for (size_t k = 0; k <= 40; k++) {
        static const char as[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        char text[128], want[128];
        snprintf(text, sizeof text, "Tom%.*s Re\xcc\x81sume\xcc\x81 ok", (int)k, as);
        snprintf(want, sizeof want, "Tom%.*s R\xc3\xa9sum\xc3\xa9 ok", (int)k, as);
        ws_report *r = test_analyze(text, WS_INPUT_TEXT);
        assert_string_equal(r->doc.text, want);
        ws_span sp = ws_offmap_span(&r->doc.map, (uint32_t)k + 4, (uint32_t)k + 12);
        assert_int_equal(sp.start, k + 4);
        assert_int_equal(sp.end, k + 14);
        ws_report_free(r);
    }
    /* A NUL byte after the first 8000 bytes (before them, the input is
     * binary). */
    static char big[8200];
    for (size_t k = 0; k <= 40; k++) {
        memset(big, 'a', sizeof big);
        for (size_t b = 60; b < 8100; b += 60)
            big[b] = ' ';
        big[8100 + k] = '\0';
        ws_input in = {sizeof in, WS_INPUT_TEXT, "nul", big, sizeof big, NULL};
        ws_report *r = NULL;
        ws_diag d;
        assert_int_equal(ws_analyze(test_ctx(), &in, &r, &d), WS_OK);
        assert_int_equal(r->doc.text_len, sizeof big + 2);
        assert_memory_equal(r->doc.text + 8100 + k, "\xEF\xBF\xBD", 3);
        assert_int_equal(r->doc.text[8100 + k - 1], 'a');
        assert_int_equal(r->doc.text[8100 + k + 3], 'a');
        ws_report_free(r);
    }
}

/* An allocator that refuses the first request of BIG_REQUEST bytes or
 * more (alloc or realloc), noting its size, and grants everything else. */
enum { BIG_REQUEST = 1 << 20 };
static size_t refused_len;

static void *alloc_but_once(void *ud, size_t n)
{
    (void)ud;
    if (n >= BIG_REQUEST && !refused_len) {
        refused_len = n;
        return NULL;
    }
    return malloc(n);
}

static void *realloc_but_once(void *ud, void *p, size_t old_n, size_t new_n)
{
    (void)ud, (void)old_n;
    if (new_n >= BIG_REQUEST && !refused_len) {
        refused_len = new_n;
        return NULL;
    }
    return realloc(p, new_n);
}

static void free_any(void *ud, void *p)
{
    (void)ud;
    free(p);
}

/* The reader reserves room for the whole text at once; when that is
 * refused, the text grows as it comes instead, and comes out the same. */
static void text_without_its_reserved_room(void **state)
{
    (void)state;
    enum { LEN = 700 * 1000 };
    char *big = malloc(LEN + 1);
    assert_non_null(big);
    for (size_t i = 0; i < LEN; i++)
        big[i] = i % 50 == 49 ? (i % 1000 == 999 ? '\n' : ' ') : (char)('a' + i % 26);
    big[LEN] = '\0';
    const ws_allocator mem = {alloc_but_once, realloc_but_once, free_any, NULL};
    ws_ctx *ctx = NULL;
    assert_int_equal(ws_ctx_new(&mem, &ctx), WS_OK);
    refused_len = 0;
    ws_input in = {sizeof in, WS_INPUT_TEXT, "big", big, LEN, NULL};
    ws_report *r = NULL;
    ws_diag d;
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_OK);
    /* The first big request is the text's room: 64 bytes doubled past
     * the input's length. */
    assert_int_equal(refused_len, (size_t)1 << 20);
    /* One paragraph a line (long lines: 999 bytes and a line feed), each
     * as it was, two line feeds between them. */
    enum { N_LINES = LEN / 1000 };
    assert_int_equal(r->doc.blocks.n, N_LINES);
    assert_int_equal(r->doc.text_len, N_LINES * 999 + (N_LINES - 1) * 2);
    assert_memory_equal(r->doc.text, big, 999);
    assert_memory_equal(r->doc.text + (N_LINES - 1) * 1001, big + LEN - 1000, 999);
    ws_report_free(r);
    ws_ctx_free(ctx);
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(paragraphs_and_line_breaks),
        cmocka_unit_test(long_lines_are_paragraphs),
        cmocka_unit_test(directive_lines),
        cmocka_unit_test(copy_finds_what_it_must_change),
        cmocka_unit_test(text_without_its_reserved_room),
    };
    return cmocka_run_group_tests_name("read_text", tests, NULL, NULL);
}
