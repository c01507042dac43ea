/* test_quotes.c - the quotation scanner, one behaviour per test. */
#include <stdio.h>
#include <string.h>

#include "harness.h"

/* All quotation spans as "text|text|...", each with its depth when nested. */
static const char *quotes_of(const ws_report *r)
{
    static char out[4096];
    out[0] = '\0';
    for (size_t i = 0; i < ws_report_n_quotations(r); i++) {
        const ws_quotation *q = ws_report_quotation(r, i);
        if (i)
            strcat(out, "|");
        strcat(out, test_span_text(r, &q->span));
        if (q->depth) {
            char d[16];
            snprintf(d, sizeof d, "@%u", q->depth);
            strcat(out, d);
        }
    }
    return out;
}

/* All problems as "kind line:col|...". */
static const char *problems_of(const ws_report *r)
{
    static char out[1024];
    out[0] = '\0';
    for (size_t i = 0; i < ws_report_n_problems(r); i++) {
        const ws_problem *p = ws_report_problem(r, i);
        char one[64];
        snprintf(one, sizeof one, "%s%s %u:%u", i ? "|" : "", ws_problem_kind_name(p->kind),
                 p->span.line, p->span.col);
        strcat(out, one);
    }
    return out;
}

static void check(const char *text, const char *want_quotes, const char *want_problems)
{
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_string_equal(quotes_of(r), want_quotes);
    assert_string_equal(problems_of(r), want_problems);
    ws_report_free(r);
}

static void straight_and_curly_doubles(void **state)
{
    (void)state;
    check("He said \"we will go\" and left.", "\"we will go\"", "");
    check("He said \u201cwe will go\u201d and left.", "\u201cwe will go\u201d", "");
    check("\"One,\" she said. \u201cTwo.\u201d", "\"One,\"|\u201cTwo.\u201d", "");
}

static void exact_offsets(void **state)
{
    (void)state;
    const char *text = "Caf\u00e9 owner said \u201cno\u201d.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 1);
    const ws_quotation *q = ws_report_quotation(r, 0);
    assert_int_equal(q->span.start, test_offset(text, "\u201c", 0));
    assert_int_equal(q->span.end, test_offset(text, "\u201d", 0) + 3);
    assert_int_equal(q->span.line, 1);
    assert_int_equal(q->span.col, 17); /* code points: é is one */
    assert_int_equal(q->n_fragments, 1);
    assert_string_equal(test_span_source(r, &q->fragments[0]), "no");
    assert_int_equal(q->fragments[0].col, 18);
    ws_report_free(r);
}

static void singles_nested_in_doubles(void **state)
{
    (void)state;
    check("\"He called it 'a disaster' today,\" she said.",
          "\"He called it 'a disaster' today,\"|'a disaster'@1", "");
    check("\u201cHe called it \u2018a disaster\u2019 today,\u201d she said.",
          "\u201cHe called it \u2018a disaster\u2019 today,\u201d|\u2018a disaster\u2019@1", "");
}

static void doubles_nested_in_singles(void **state)
{
    (void)state;
    check("'He called it \"a disaster\" today,' she said.",
          "'He called it \"a disaster\" today,'|\"a disaster\"@1", "");
}

static void guillemets_and_low_marks(void **state)
{
    (void)state;
    check("Il a dit \u00ab\u00a0non\u00a0\u00bb hier.", "\u00ab\u00a0non\u00a0\u00bb", "");
    check("Er sagte \u201eja\u201c und ging.", "\u201eja\u201c", "");
    check("Er sagte \u00bbja\u00ab und ging.", "\u00bbja\u00ab", "");
    check("Powiedzia\u0142 \u201etak\u201d wczoraj.", "\u201etak\u201d", "");
}

static void spaces_inside_marks(void **state)
{
    (void)state;
    const char *text = "He said \" we will go \" and left.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_string_equal(quotes_of(r), "\" we will go \"");
    /* The content leaves the inner spaces out. */
    assert_string_equal(test_span_text(r, &ws_report_quotation(r, 0)->fragments[0]), "we will go");
    ws_report_free(r);
}

static void apostrophes_are_not_quotes(void **state)
{
    (void)state;
    check("It raised the US' \"serious concerns\" about it.", "\"serious concerns\"", "");
    check("The Joneses' house is near O'Neill's shop.", "", "");
    check("'Tis the season, said the '90s band of rock 'n' roll fans.", "", "");
    check("In the \u201890s they said \u2018tis fine and don\u2018t mind.", "", "");
    check("Don't, won't, can't, y'all, ma'am.", "", "");
}

static void possessive_inside_single_quotation(void **state)
{
    (void)state;
    check("'The Joneses' house is big,' he said.", "'The Joneses' house is big,'", "");
}

static void quotation_over_paragraphs_straight(void **state)
{
    (void)state;
    const char *text = "She said: \"We will build it.\n\n\"And we will pay for it.\"\n\nThen she left.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 1);
    const ws_quotation *q = ws_report_quotation(r, 0);
    assert_true(q->flags & WS_QUOTE_CONTINUED);
    assert_int_equal(q->n_fragments, 2);
    assert_string_equal(test_span_text(r, &q->fragments[0]), "We will build it.");
    assert_string_equal(test_span_text(r, &q->fragments[1]), "And we will pay for it.");
    assert_int_equal(q->fragments[1].line, 3);
    assert_int_equal(q->fragments[1].col, 2);
    assert_int_equal(ws_report_n_problems(r), 0);
    ws_report_free(r);
}

static void quotation_over_paragraphs_curly(void **state)
{
    (void)state;
    const char *text = "\u201cOne.\n\n\u201cTwo.\n\n\u201cThree,\u201d she said.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 1);
    const ws_quotation *q = ws_report_quotation(r, 0);
    assert_int_equal(q->n_fragments, 3);
    assert_string_equal(test_span_text(r, &q->fragments[2]), "Three,");
    assert_string_equal(problems_of(r), "");
    ws_report_free(r);
}

/* Paragraphs run together into one line keep their reopening marks: each
 * follows a sentence end. */
static void quotation_over_run_together_paragraphs(void **state)
{
    (void)state;
    const char *text = "He said: \"It was hard. It was unlucky. \"He expected a cross.\" Then he left.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 1);
    const ws_quotation *q = ws_report_quotation(r, 0);
    assert_true(q->flags & WS_QUOTE_CONTINUED);
    assert_int_equal(q->n_fragments, 2);
    assert_string_equal(test_span_text(r, &q->fragments[0]), "It was hard. It was unlucky.");
    assert_string_equal(test_span_text(r, &q->fragments[1]), "He expected a cross.");
    assert_string_equal(problems_of(r), "");
    ws_report_free(r);
    /* Without a sentence end before it, an opening mark inside a quotation
     * is not a reopening: the first quotation is unclosed. */
    check("He said \"we will see \"the plan\" today.", "\"the plan\"", "unclosed-quote 1:9");
}

/* A paragraph that opens with a straight mark and never closes it does not
 * carry on into a paragraph that opens with a curly mark: the styles
 * differ, so the first mark is stray and the curly quotation stands alone. */
static void reopening_keeps_the_mark_style(void **state)
{
    (void)state;
    check("\"She was angry, sure.\n\n\u201cIt never crossed my mind,\u201d she said.",
          "\u201cIt never crossed my mind,\u201d", "unclosed-quote 1:1");
}

static void quotation_over_a_line_break(void **state)
{
    (void)state;
    const char *text = "He said \"we will\ngo there\" and left.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_string_equal(quotes_of(r), "\"we will\ngo there\"");
    const ws_quotation *q = ws_report_quotation(r, 0);
    assert_int_equal(q->span.end_line, 2);
    assert_int_equal(q->span.end_col, 10);
    ws_report_free(r);
}

static void unclosed_is_a_problem_not_a_quote(void **state)
{
    (void)state;
    check("Intro.\n\nHe said \"we will go and left.\n\nNext paragraph.", "", "unclosed-quote 3:9");
    check("\u201cNever closed", "", "unclosed-quote 1:1");
}

static void stray_mark_does_not_shift_pairs(void **state)
{
    (void)state;
    check("\"Stray mark here. He said \"yes\" and \"no\" today.",
          "\"yes\"|\"no\"", "unclosed-quote 1:1");
    check("It was a 6\" pipe, he said \"yes\" and \"no\".", "\"yes\"|\"no\"", "");
    check("He said \u201dyes\u201d and \u201cno\u201d.", "\u201dyes\u201d|\u201cno\u201d", "");
}

static void stray_closing_mark(void **state)
{
    (void)state;
    check("He left.\u201d Then \u201cwe\u201d stayed.", "\u201cwe\u201d", "stray-close 1:9");
}

static void degenerate_input(void **state)
{
    (void)state;
    check("\"\"=", "", "empty-quote 1:1");
    check("\"", "", "unclosed-quote 1:1");
    check("'", "", "");
    check("\u201d", "", "stray-close 1:1");
    check("\"\"\"\"\"\"", "", "empty-quote 1:1|empty-quote 1:3|empty-quote 1:5");
}

static void nested_tree(void **state)
{
    (void)state;
    const char *text = "\u201cA \u2018B \u201cC\u201d B\u2019 A\u201d and \u201cD\u201d.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 4);
    assert_int_equal(ws_report_quotation(r, 0)->parent, -1);
    assert_int_equal(ws_report_quotation(r, 1)->parent, 0);
    assert_int_equal(ws_report_quotation(r, 2)->parent, 1);
    assert_int_equal(ws_report_quotation(r, 2)->depth, 2);
    assert_int_equal(ws_report_quotation(r, 3)->parent, -1);
    ws_report_free(r);
}

static void short_and_title_flags(void **state)
{
    (void)state;
    const char *text = "Critics called it \"fake news\". The film \"The Return of the King\" "
                       "opened. He said \"we will not accept this outcome at all\".";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 3);
    assert_true(ws_report_quotation(r, 0)->flags & WS_QUOTE_SHORT);
    assert_false(ws_report_quotation(r, 0)->flags & WS_QUOTE_TITLE);
    assert_true(ws_report_quotation(r, 1)->flags & WS_QUOTE_TITLE);
    assert_false(ws_report_quotation(r, 2)->flags & (WS_QUOTE_TITLE | WS_QUOTE_SHORT));
    assert_int_equal(ws_report_quotation(r, 2)->n_words, 8);
    ws_report_free(r);
}

static void crlf_and_bom(void **state)
{
    (void)state;
    const char *text = "\xEF\xBB\xBFOne.\r\n\r\nHe said \"yes\".\r\n";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 1);
    const ws_quotation *q = ws_report_quotation(r, 0);
    assert_int_equal(q->span.start, test_offset(text, "\"", 0));
    assert_int_equal(q->span.line, 3);
    assert_int_equal(q->span.col, 9);
    ws_report_free(r);
}

static void many_marks_finish(void **state)
{
    (void)state;
    /* 200,000 opening marks in a row: linear time. The last, flanked like a
     * closer, closes the one before it around nothing. */
    size_t n = 200000;
    char *text = test_malloc(n * 3 + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * 3, "\xE2\x80\x9C", 3);
    text[n * 3] = '\0';
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 0);
    assert_int_equal(ws_report_n_problems(r), n - 1);
    assert_int_equal(ws_report_problem(r, n - 3)->kind, WS_PROBLEM_UNCLOSED_QUOTE);
    assert_int_equal(ws_report_problem(r, n - 2)->kind, WS_PROBLEM_EMPTY_QUOTE);
    ws_report_free(r);
    test_free(text);
}

/*
 * Words of a short quotation are counted byte by byte, ASCII without a
 * branch on the byte's class: letters, digits, hyphens and apostrophes
 * inside a word (not at its start), and the marks either side of the
 * letters' ranges ('/', ':', '@', '[', '`', '{'), beside a non-ASCII word.
 */
static void short_quotation_words(void **state)
{
    (void)state;
    const char *text = "Hale said \"-a-b -c @d e@f [g]h `i{j 9:0 x/y ab'cd- Z-9 "
                       "caf\xC3\xA9-f \xC3\x89t\xC3\xA9\" today.";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 1);
    /* a-b, c, d, e, f, g, h, i, j, 9, 0, x, y, ab'cd-, Z-9, café-f, Été */
    assert_int_equal(ws_report_quotation(r, 0)->n_words, 17);
    ws_report_free(r);
}

/*
 * Words of long quotations are counted from the text's word starts (nested
 * quotations would make walking each one quadratic): the same count as a
 * walk, leading apostrophes and hyphens included.
 */
static void long_quotation_words(void **state)
{
    (void)state;
    char text[4096] = "He said \"-\xE2\x80\x99-";
    for (int i = 0; i < 100; i++)
        strcat(text, "it\xE2\x80\x99s re-run x ");
    strcat(text, "\xE2\x80\x98inner");
    for (int i = 0; i < 70; i++)
        strcat(text, " it\xE2\x80\x99s re-run x");
    strcat(text, "\xE2\x80\x99, she said\" today.");
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    assert_int_equal(ws_report_n_quotations(r), 2);
    /* it's, re-run, x: three words each time; inner; she said. */
    assert_int_equal(ws_report_quotation(r, 0)->n_words, 300 + 1 + 210 + 2);
    assert_int_equal(ws_report_quotation(r, 1)->n_words, 1 + 210);
    ws_report_free(r);
}

/* The words of @s as the scanner counts them, one code point at a time:
 * letters and digits, and apostrophes and hyphens inside a word. */
static uint32_t words_by_code_points(const char *s, size_t len)
{
    uint32_t n = 0;
    bool in_word = false;
    for (size_t i = 0; i < len;) {
        int32_t cp;
        i += (size_t)ws_utf8_decode(s + i, len - i, &cp);
        bool is_word = ws_cp_is_alnum(cp) || (in_word && (cp == '\'' || cp == 0x2019 || cp == '-'));
        n += is_word && !in_word;
        in_word = is_word;
    }
    return n;
}

/*
 * Quotations are counted eight ASCII bytes at a time where no apostrophe
 * or hyphen is among them, byte by byte elsewhere: generated quotations of
 * words, digits, spaces, marks, inner and leading apostrophes and hyphens
 * and non-ASCII letters, at every alignment, against a count by code
 * points.
 */
static void quotation_words_eight_bytes_at_a_time(void **state)
{
    (void)state;
    static const char *const pieces[] = {"a", "Zq", "tom", "Hale", "90", "x1", " ", " ", " ", ", ", ".", "-",
                                         "'", "--", "re-run", "it's", "\xc3\xa9t\xc3\xa9", "\xe2\x80\x99s", "/",
                                         "@", "[", "{", ":", "abcdefghijk", ("\xc3\x89" "COLE")};
    uint32_t seed = 7;
    char content[512], text[600];
    for (int round = 0; round < 500; round++) {
        size_t len = 0;
        content[0] = '\0';
        int n_pieces = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
        for (int p = 0; p < n_pieces; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
            /* No two apostrophes in a row: those are a double mark. */
            if (len && content[len - 1] == '\'' && *piece == '\'')
                continue;
            len += (size_t)snprintf(content + len, sizeof content - len, "%s", piece);
        }
        /* Words start at the letter after the opening mark and a space. */
        snprintf(text, sizeof text, "Hale said: \"a %s b\" today.", content);
        ws_report *r = test_analyze(text, WS_INPUT_TEXT);
        if (ws_report_n_quotations(r) < 1)
            fail_msg("%s: no quotation", text);
        const ws_quotation *q = ws_report_quotation(r, 0);
        if (q->n_words != words_by_code_points(text + 12, strlen(text) - 12 - 8))
            fail_msg("%s: %u words", text, q->n_words);
        ws_report_free(r);
    }
}

/* Text without marks is skipped sixteen (SSE2) or eight bytes a step: a
 * mark is found at every alignment of two steps and a half, after
 * non-ASCII letters in the same step, and as the last byte of the text. */
static void marks_at_every_alignment(void **state)
{
    (void)state;
    for (int k = 0; k < 41; k++) {
        char text[160];
        snprintf(text, sizeof text, "%.*sAna Ruiz said \u201cno\u201d, caf\u00e9 \"yes\" and Tom Hale said \"go\"", k,
                 "Kestrel Kestrel Kestrel Kestrel Kestrel Kestrel");
        check(text, "\u201cno\u201d|\"yes\"|\"go\"", "");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(straight_and_curly_doubles),
        cmocka_unit_test(marks_at_every_alignment),
        cmocka_unit_test(exact_offsets),
        cmocka_unit_test(singles_nested_in_doubles),
        cmocka_unit_test(doubles_nested_in_singles),
        cmocka_unit_test(guillemets_and_low_marks),
        cmocka_unit_test(spaces_inside_marks),
        cmocka_unit_test(apostrophes_are_not_quotes),
        cmocka_unit_test(possessive_inside_single_quotation),
        cmocka_unit_test(quotation_over_paragraphs_straight),
        cmocka_unit_test(quotation_over_paragraphs_curly),
        cmocka_unit_test(quotation_over_run_together_paragraphs),
        cmocka_unit_test(reopening_keeps_the_mark_style),
        cmocka_unit_test(quotation_over_a_line_break),
        cmocka_unit_test(unclosed_is_a_problem_not_a_quote),
        cmocka_unit_test(stray_mark_does_not_shift_pairs),
        cmocka_unit_test(stray_closing_mark),
        cmocka_unit_test(degenerate_input),
        cmocka_unit_test(nested_tree),
        cmocka_unit_test(short_and_title_flags),
        cmocka_unit_test(crlf_and_bom),
        cmocka_unit_test(many_marks_finish),
        cmocka_unit_test(short_quotation_words),
        cmocka_unit_test(long_quotation_words),
        cmocka_unit_test(quotation_words_eight_bytes_at_a_time),
    };
    int rc = cmocka_run_group_tests_name("quotes", tests, NULL, NULL);
    test_ctx_free();
    return rc;
}
