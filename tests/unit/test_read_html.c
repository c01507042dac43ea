/*
 * test_read_html.c - the HTML reader: the plain text, blocks, comments and
 * <q> marks it produces, and the input positions everything maps back to.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* Analyze @len bytes (which may hold NUL) as HTML, checking the model. */
static ws_report *analyze_bytes(const char *data, size_t len)
{
    ws_input in = {sizeof in, WS_INPUT_HTML, "test.html", data, len, NULL};
    ws_report *r = NULL;
    ws_diag d;
    int rc = ws_analyze(test_ctx(), &in, &r, &d);
    if (rc < 0)
        fail_msg("ws_analyze: %s (%s)", ws_strerror(rc), d.message);
    assert_int_equal(ws_doc_check(&r->doc, true), 0);
    return r;
}

static ws_report *analyze(const char *html)
{
    return test_analyze(html, WS_INPUT_HTML);
}

static void expect_text(const char *html, const char *want)
{
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), want);
    ws_report_free(r);
}

/* Blocks as "p h2 li q1.3 ...": kind, heading level, quote depth.group. */
static const char *blocks_of(const ws_report *r)
{
    static char out[4096];
    out[0] = '\0';
    for (size_t i = 0; i < r->doc.blocks.n; i++) {
        const ws_block *b = &r->doc.blocks.v[i];
        char one[32];
        switch (b->kind) {
        case WS_BLOCK_HEADING: snprintf(one, sizeof one, "h%u", b->level); break;
        case WS_BLOCK_LIST_ITEM: snprintf(one, sizeof one, "li"); break;
        case WS_BLOCK_QUOTE: snprintf(one, sizeof one, "q%u.%u", b->level, b->quote_group); break;
        default: snprintf(one, sizeof one, "p"); break;
        }
        if (i)
            strcat(out, " ");
        strcat(out, one);
    }
    return out;
}

static void expect_blocks(const char *html, const char *want_text, const char *want_blocks)
{
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), want_text);
    assert_string_equal(blocks_of(r), want_blocks);
    ws_report_free(r);
}

/* Comments as "start-end@text_off[body]|...". */
static const char *comments_of(const ws_report *r)
{
    static char out[4096];
    out[0] = '\0';
    for (size_t i = 0; i < r->doc.comments.n; i++) {
        const ws_comment *c = &r->doc.comments.v[i];
        char one[512];
        snprintf(one, sizeof one, "%s%u-%u@%u[%s]", i ? "|" : "", c->src_start, c->src_end,
                 c->text_off, c->body);
        strcat(out, one);
    }
    return out;
}

/* Quotations as "text{flags}|...": m markup, b block, s single, c continued. */
static const char *quotes_of(const ws_report *r)
{
    static char out[4096];
    out[0] = '\0';
    for (size_t i = 0; i < ws_report_n_quotations(r); i++) {
        const ws_quotation *q = ws_report_quotation(r, i);
        if (i)
            strcat(out, "|");
        strcat(out, test_span_text(r, &q->span));
        strcat(out, "{");
        if (q->flags & WS_QUOTE_MARKUP)
            strcat(out, "m");
        if (q->flags & WS_QUOTE_BLOCK)
            strcat(out, "b");
        if (q->flags & WS_QUOTE_SINGLE)
            strcat(out, "s");
        if (q->flags & WS_QUOTE_CONTINUED)
            strcat(out, "c");
        strcat(out, "}");
    }
    return out;
}

static void expect_span(const ws_span *s, uint32_t start, uint32_t end, uint32_t line,
                        uint32_t col, uint32_t end_line, uint32_t end_col)
{
    assert_int_equal(s->start, start);
    assert_int_equal(s->end, end);
    assert_int_equal(s->line, line);
    assert_int_equal(s->col, col);
    assert_int_equal(s->end_line, end_line);
    assert_int_equal(s->end_col, end_col);
}

/* ------------------------------------------------------------------------ */
/* Tags and attributes                                                      */
/* ------------------------------------------------------------------------ */

static void tags_are_removed(void **state)
{
    (void)state;
    expect_text("Hello <b>bold</b> and <i>italic <a href=\"/x\">link</a></i>.",
                "Hello bold and italic link.");
    expect_text("a<span>b</span>c", "abc"); /* inline tags are not word breaks */
    expect_text("", "");
    expect_text("<p></p><div> </div>", "");
}

static void attributes_are_parsed(void **state)
{
    (void)state;
    /* Quoted values may hold '>' and line breaks; unquoted values and
     * attributes without values; a name may start with '='. */
    expect_text("<p title=\"a > b\" data-x='c\nd>e' hidden class=x id = \"y\">Text</p>", "Text");
    expect_text("<p =odd \"name' x=>after</p>", "after");
    expect_text("<img alt=\"</p>\" src=x>y", "y");
    expect_text("a<br/>b<br />c", "a\nb\nc");
    /* No space between attributes, '/' inside a tag. */
    expect_text("<div a=\"1\"b='2'/c>t</div>", "t");
}

static void unclosed_tags_at_end(void **state)
{
    (void)state;
    expect_text("before<p class=\"never closed", "before");
    expect_text("before<p class='x' ", "before");
    expect_text("before<div", "before");
    expect_text("before</div", "before");
    expect_text("before<p title=unquoted", "before");
}

static void less_than_that_starts_no_tag(void **state)
{
    (void)state;
    expect_text("1 < 2 and 3 <4 and <> and <", "1 < 2 and 3 <4 and <> and <");
    expect_text("a <3 b", "a <3 b");
    expect_text("x </ y> z", "x z"); /* "</" and a non-letter: a bogus comment */
    expect_text("x</>y", "xy");
    expect_text("x </", "x </");
    expect_text("<\xC3\xA9t\xC3\xA9>", "<\xC3\xA9t\xC3\xA9>"); /* only ASCII letters start tags */
}

static void stray_end_tags(void **state)
{
    (void)state;
    expect_blocks("a</span>b</x>c</div>d</li>e", "abcde", "p");
    expect_blocks("a</p>b", "a\n\nb", "p p"); /* browsers insert an empty p */
}

static void names_are_case_insensitive(void **state)
{
    (void)state;
    expect_blocks("<P>One<BR>two</P><Div>Three</DIV><SCRIPT>x</ScRiPt><H2>Four</h2>",
                  "One\ntwo\n\nThree\n\nFour", "p p h2");
    expect_text("<Q CITE=\"x\">a</q>", "\u201Ca\u201D");
}

/* ------------------------------------------------------------------------ */
/* Character references                                                     */
/* ------------------------------------------------------------------------ */

static void character_references(void **state)
{
    (void)state;
    expect_text("&amp; &lt;b&gt; &quot;x&quot; &apos;y&apos;", "& <b> \"x\" 'y'");
    expect_text("&copy; &#169; &#xA9; &#XA9;", "\u00A9 \u00A9 \u00A9 \u00A9");
    expect_text("caf&eacute; &eacute;t&eacute;", "caf\u00E9 \u00E9t\u00E9");
    /* Legacy names without ';', and the longest match. */
    expect_text("&copy2024 &ampx &notit;", "\u00A92024 &x \u00ACit;");
    /* '&' that starts no reference is text. */
    expect_text("AT&T & co &unknown; &; &#; &#x;", "AT&T & co &unknown; &; &#; &#x;");
    /* Two code points for one reference. */
    expect_text("a&NotEqualTilde;b", "a\u2242\u0338b");
    /* Numeric edge cases: NUL, surrogates, too large, Windows-1252. */
    expect_text("&#0;&#xD800;&#x110000;&#150;", "\uFFFD\uFFFD\uFFFD\u2013");
    /* No-break spaces are text; references to white space collapse. */
    expect_text("a&nbsp;b", "a\u00A0b");
    expect_text("a&#32;&#32; &#10;b&Tab;c", "a b c");
}

static void reference_positions(void **state)
{
    (void)state;
    const char *html = "<p>x &amp; y</p>";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "x & y");
    /* The '&' of the text maps to the whole reference. */
    ws_span s = ws_doc_span(&r->doc, 2, 3);
    assert_int_equal(s.start, test_offset(html, "&amp;", 0));
    assert_int_equal(s.end, test_offset(html, "&amp;", 0) + 5);
    ws_report_free(r);
}

static void entity_encoded_quotes(void **state)
{
    (void)state;
    const char *html = "<p>She said &ldquo;we will stay&rdquo; on Monday.</p>\n"
                       "<p>He said &#8220;we will go&#8221; and &#x201C;soon&#x201D;.</p>";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL),
                        "She said \u201Cwe will stay\u201D on Monday.\n\n"
                        "He said \u201Cwe will go\u201D and \u201Csoon\u201D.");
    assert_string_equal(quotes_of(r), "\u201Cwe will stay\u201D{}|\u201Cwe will go\u201D{}|"
                                      "\u201Csoon\u201D{}");
    const ws_quotation *q = ws_report_quotation(r, 0);
    uint32_t open = test_offset(html, "&ldquo;", 0), close = test_offset(html, "&rdquo;", 0);
    expect_span(&q->span, open, close + 7, 1, open + 1, 1, close + 8);
    assert_int_equal(q->n_fragments, 1);
    assert_string_equal(test_span_source(r, &q->fragments[0]), "we will stay");
    expect_span(&q->fragments[0], open + 7, close, 1, open + 8, 1, close + 1);
    q = ws_report_quotation(r, 1);
    open = test_offset(html, "&#8220;", 0);
    close = test_offset(html, "&#8221;", 0);
    uint32_t line2 = test_offset(html, "<p>He", 0);
    expect_span(&q->span, open, close + 7, 2, open - line2 + 1, 2, close + 7 - line2 + 1);
    assert_string_equal(test_span_source(r, &q->span), "&#8220;we will go&#8221;");
    assert_string_equal(test_span_source(r, &q->fragments[0]), "we will go");
    q = ws_report_quotation(r, 2);
    assert_string_equal(test_span_source(r, &q->span), "&#x201C;soon&#x201D;");
    ws_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* Hidden content                                                           */
/* ------------------------------------------------------------------------ */

static void head_and_title_are_skipped(void **state)
{
    (void)state;
    expect_blocks("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<title>Page \u201Ctitle\u201D</title>\n<link rel=stylesheet href=a.css>\n"
                  "<style>p { color: red }</style>\n</head>\n<body>\n<p>Body text.</p>\n"
                  "</body>\n</html>\n",
                  "Body text.", "p");
    /* A head never closed ends where body content starts, as in browsers. */
    expect_text("<html><head><title>T</title><meta name=x><body><p>Shown", "Shown");
    expect_text("<head><title>T</title><p>Shown", "Shown");
    expect_text("<head><title>T</title>\n  Loose text", "Loose text");
    /* A title outside head is hidden too, raw text and all. */
    expect_text("a<title>x <b>y</b></title>b", "ab");
}

static void hidden_elements_are_skipped(void **state)
{
    (void)state;
    expect_text("a<script>var s = '<p>x</p>';</script>b", "ab");
    expect_text("a<style>p::before { content: \"x\" }</style>b", "ab");
    expect_text("a<template><p>x</p><template>y</template>z</template>b", "ab");
    expect_text("a<noscript><p>Enable scripts</p></noscript>b", "ab");
    expect_text("a<svg><text>x</text><svg><text>y</text></svg>z</svg>b", "ab");
    expect_text("a<math><mi>x</mi></math>b", "ab");
    expect_text("a<iframe src=x><p>fallback</p></iframe>b", "ab");
    expect_text("a<object data=x><object>y</object>z</object>b", "ab");
    expect_text("a<textarea>x <p> y</textarea>b", "ab");
    expect_text("a<select><option>x<option>y</select>b", "ab");
    expect_text("a<svg/>b<math />c", "abc"); /* self-closing foreign roots are empty */
    expect_text("a<SVG><Text>x</Text></Svg>b", "ab");
    /* Unclosed hidden content runs to the end, as in browsers. */
    expect_text("a<script>never closed <p>x", "a");
    expect_text("a<svg><p>x", "a");
}

static void raw_text_ends_only_at_its_end_tag(void **state)
{
    (void)state;
    /* "</script" inside a string ends the script, as browsers do. */
    expect_text("a<script>s = \"</script>\";</script>b", "a\";b");
    expect_text("a<script>if (x</scripts) y = '</style>';</SCRIPT >b", "ab");
    expect_text("a<script>x</script\ttype=1>b", "ab");
    expect_text("a<style>x</style/>b", "ab");
    /* "</script" at the very end is not an end tag: the script runs to the end. */
    expect_text("a<script>x</script", "a");
}

static void comments_are_recorded(void **state)
{
    (void)state;
    const char *html = "<p>a<!-- whosaid disable-next-line X -->b</p>\n<p>c</p>";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "ab\n\nc");
    char want[128];
    uint32_t at = test_offset(html, "<!--", 0), end = test_offset(html, "-->", 0) + 3;
    snprintf(want, sizeof want, "%u-%u@1[ whosaid disable-next-line X ]", at, end);
    assert_string_equal(comments_of(r), want);
    ws_report_free(r);

    /* Empty and odd comments, a comment in head, none in a script. */
    html = "<head><!--h--><script>/*<!--s-->*/</script></head>x<!---->y<!-->z<!--->w"
           "<!--a--!>b<!-- - -- ->-->v";
    r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "xyzwbv");
    assert_string_equal(comments_of(r), "6-14@0[h]|51-58@1[]|59-64@2[]|65-71@3[]|72-81@4[a]|"
                                        "82-97@5[ - -- ->]");
    ws_report_free(r);

    /* An unterminated comment runs to the end of the input. */
    html = "text<!-- whosaid disable X\n<p>hidden";
    r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "text");
    assert_string_equal(comments_of(r), "4-36@4[ whosaid disable X\n<p>hidden]");
    ws_report_free(r);
}

static void declarations_are_skipped(void **state)
{
    (void)state;
    expect_text("<!DOCTYPE html><?xml version=\"1.0\"?>a<!ELEMENT x>b<?php echo 1 ?>c", "abc");
    expect_text("a<![CDATA[ hidden <p> x > y ]]>b", "ab");
    /* Without "]]>" ahead, CDATA ends at '>' as in browsers. */
    expect_text("a<![CDATA[ x >b<![CDATA[ y >c", "abc");
    expect_text("a<!bogus comment>b<!>c<!", "abc");
}

/* ------------------------------------------------------------------------ */
/* Blocks                                                                   */
/* ------------------------------------------------------------------------ */

static void block_elements(void **state)
{
    (void)state;
    static const char *const names[] = {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "address",
        "figure", "figcaption", "pre", "table", "tr", "td", "th", "caption", "ul", "ol", "dl",
        "dt", "dd", "details", "summary", "form", "fieldset", "legend", "center", "body", "html",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char html[128];
        snprintf(html, sizeof html, "a<%s>b</%s>c", names[i], names[i]);
        ws_report *r = analyze(html);
        if (strcmp(ws_report_text(r, NULL), "a\n\nb\n\nc") != 0)
            fail_msg("<%s>: got \"%s\"", names[i], ws_report_text(r, NULL));
        ws_report_free(r);
    }
    expect_blocks("a<hr>b<hr/>c", "a\n\nb\n\nc", "p p p");
    expect_blocks("a<li>b</li>c", "a\n\nb\n\nc", "p li p");
    expect_blocks("a<h4>b</h4>c", "a\n\nb\n\nc", "p h4 p");
    expect_blocks("a<blockquote>b</blockquote>c", "a\n\nb\n\nc", "p q1.1 p");
}

static void text_directly_in_body_or_div(void **state)
{
    (void)state;
    expect_blocks("<body>Loose text<div>In a div<p>para</p>after para</div>tail</body>",
                  "Loose text\n\nIn a div\n\npara\n\nafter para\n\ntail", "p p p p p");
}

static void implicitly_closed_elements(void **state)
{
    (void)state;
    expect_blocks("<p>One<p>Two<p>Three", "One\n\nTwo\n\nThree", "p p p");
    expect_blocks("<ul><li>a<li>b<li>c</ul>after", "a\n\nb\n\nc\n\nafter", "li li li p");
    /* A block start closes the open p; the p's end tag then breaks again. */
    expect_blocks("<p>a<div>b</div>c</p>d", "a\n\nb\n\nc\n\nd", "p p p p");
    expect_blocks("<dl><dt>term<dd>definition<dt>term 2</dl>", "term\n\ndefinition\n\nterm 2",
                  "p p p");
    /* A heading start tag closes an open heading. */
    expect_blocks("<h1>One<h2>Two</h2>three", "One\n\nTwo\n\nthree", "h1 h2 p");
    /* Any heading end tag closes the open heading. */
    expect_blocks("<h2>One</h3>two", "One\n\ntwo", "h2 p");
    /* Cells and rows without end tags. */
    expect_blocks("<table><tr><td>a<td>b<tr><th>c<td>d</table>e", "a\n\nb\n\nc\n\nd\n\ne",
                  "p p p p p");
    expect_blocks("<table><thead><tr><td>h<tbody><tr><td>b</table>", "h\n\nb", "p p");
    /* An li inside a div inside an li still closes the outer li. */
    expect_blocks("<ul><li>a<div>b<li>c</ul>d", "a\n\nb\n\nc\n\nd", "li li li p");
}

static void headings(void **state)
{
    (void)state;
    expect_blocks("<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5>"
                  "<h6>Six</h6><p>Body",
                  "One\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nBody", "h1 h2 h3 h4 h5 h6 p");
    expect_blocks("<ul><li><h3>Item title</h3>item text</ul>", "Item title\n\nitem text", "h3 li");
}

static void lists(void **state)
{
    (void)state;
    expect_blocks("<ul><li>a<ul><li>b<li>c</ul>d</li><li><p>e<p>f</ol></ul><p>g",
                  "a\n\nb\n\nc\n\nd\n\ne\n\nf\n\ng", "li li li li li li p");
    expect_blocks("<ol><li>one</li>\n<li>two</li></ol>", "one\n\ntwo", "li li");
}

static void blockquote_levels_and_groups(void **state)
{
    (void)state;
    expect_blocks("<p>x<blockquote><p>a<p>b</blockquote>"
                  "<blockquote>c<blockquote>d<blockquote>e</blockquote></blockquote>f</blockquote>"
                  "<p>y",
                  "x\n\na\n\nb\n\nc\n\nd\n\ne\n\nf\n\ny", "p q1.1 q1.1 q1.2 q2.3 q3.4 q1.2 p");
    /* Lists and headings inside a block quotation stay quoted material. */
    expect_blocks("<blockquote><h2>t</h2><ul><li>i</ul></blockquote>", "t\n\ni", "q1.1 q1.1");
    /* An unclosed blockquote inside a closed div ends with the div. */
    expect_blocks("<div><blockquote>a</div>b", "a\n\nb", "q1.1 p");
}

static void blockquote_is_a_block_quotation(void **state)
{
    (void)state;
    ws_report *r = analyze("<p>She wrote:</p><blockquote><p>We are ready.</p>"
                           "<p>We will not wait.</p></blockquote><p>Then left.</p>");
    assert_string_equal(quotes_of(r), "We are ready.\n\nWe will not wait.{bc}");
    const ws_quotation *q = ws_report_quotation(r, 0);
    assert_int_equal(q->n_fragments, 2);
    assert_string_equal(test_span_source(r, &q->fragments[1]), "We will not wait.");
    ws_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* White space and line breaks                                              */
/* ------------------------------------------------------------------------ */

static void white_space_collapses(void **state)
{
    (void)state;
    expect_text("<p>  a \n\t b  </p>  <p>\r\n c\r\n</p>", "a b\n\nc");
    expect_text("a <b> b </b> c", "a b c");
    expect_text("a\f\f b", "a b");
    expect_text("\r\n\r\n  <p>x</p>\r\n\r\n", "x");

    /* The collapsed space stands for the whole run. */
    const char *html = "<p>a \r\n\t b</p>";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "a b");
    ws_span s = ws_doc_span(&r->doc, 1, 2);
    assert_int_equal(s.start, 4);
    assert_int_equal(s.end, 9);
    ws_report_free(r);
}

static void pre_keeps_white_space(void **state)
{
    (void)state;
    expect_blocks("<p>x</p><pre>\nline 1\n  indented\r\n\tlast  </pre><p>y",
                  "x\n\nline 1\n  indented\n\tlast\n\ny", "p p p");
    expect_text("<pre>a<b> b </b>c<br>d&#10;e&#32;&#32;f</pre>", "a b c\nd\ne  f");

    const char *html = "<pre>ab\r\ncd</pre>";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "ab\ncd");
    ws_span s = ws_doc_span(&r->doc, 2, 3); /* the newline stands for "\r\n" */
    assert_int_equal(s.start, 7);
    assert_int_equal(s.end, 9);
    s = ws_doc_span(&r->doc, 3, 5);
    assert_int_equal(s.start, 9);
    assert_int_equal(s.line, 2);
    assert_int_equal(s.col, 1);
    ws_report_free(r);
}

static void line_breaks(void **state)
{
    (void)state;
    expect_blocks("a<br>b", "a\nb", "p");
    expect_blocks("a <br> b", "a\nb", "p");
    expect_blocks("<p>a<br></p><p>b</p>", "a\n\nb", "p p");
    expect_blocks("<br><p><br>a", "a", "p");
    /* Two in a row end the paragraph, as a blank line does in plain text. */
    expect_blocks("a<br><br>b", "a\n\nb", "p p");
    expect_blocks("<li>a<br> <br/><br>b", "a\n\nb", "li li");
    /* The break maps to its tag. */
    const char *html = "<p>a<br class=x>b</p>";
    ws_report *r = analyze(html);
    ws_span s = ws_doc_span(&r->doc, 1, 2);
    assert_int_equal(s.start, 4);
    assert_int_equal(s.end, 16);
    ws_report_free(r);
}

static void bom_and_crlf(void **state)
{
    (void)state;
    const char *html = "\xEF\xBB\xBF<p>Line one\r\nline two.</p>\r\n<p>She said "
                       "\u201Cyes\u201D.</p>\r\n";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "Line one line two.\n\nShe said \u201Cyes\u201D.");
    const ws_quotation *q = ws_report_quotation(r, 0);
    uint32_t open = test_offset(html, "\u201C", 0);
    uint32_t line3 = test_offset(html, "<p>She", 0);
    expect_span(&q->span, open, open + 9, 3, open - line3 + 1, 3, open - line3 + 6);
    ws_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* <q>                                                                      */
/* ------------------------------------------------------------------------ */

static void q_inserts_marks(void **state)
{
    (void)state;
    const char *html = "<p>He said <q cite=\"x>y\">we <q>may</q> go</q> now.</p>";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL),
                        "He said \u201Cwe \u2018may\u2019 go\u201D now.");
    assert_string_equal(quotes_of(r), "\u201Cwe \u2018may\u2019 go\u201D{m}|\u2018may\u2019{ms}");
    /* The marks' text offsets, for the scanner. */
    assert_int_equal(r->doc.markup_quote_opens.n, 2);
    assert_int_equal(r->doc.markup_quote_opens.v[0], 8);
    assert_int_equal(r->doc.markup_quote_opens.v[1], 14);
    /* The marks map to the tags. */
    const ws_quotation *q = ws_report_quotation(r, 0);
    uint32_t open = test_offset(html, "<q cite", 0), close = test_offset(html, "</q>", 1);
    expect_span(&q->span, open, close + 4, 1, open + 1, 1, close + 5);
    assert_string_equal(test_span_source(r, &q->fragments[0]), "we <q>may</q> go");
    q = ws_report_quotation(r, 1);
    assert_string_equal(test_span_source(r, &q->span), "<q>may</q>");
    assert_string_equal(test_span_source(r, &q->fragments[0]), "may");
    assert_int_equal(q->depth, 1);
    ws_report_free(r);
}

static void q_nesting_alternates(void **state)
{
    (void)state;
    expect_text("<q>a <q>b <q>c <q>d</q></q></q></q>",
                "\u201Ca \u2018b \u201Cc \u2018d\u2019\u201D\u2019\u201D");
    expect_text("<q>a</q> <q>b</q>", "\u201Ca\u201D \u201Cb\u201D");
}

static void q_offset_after_a_collapsed_space(void **state)
{
    (void)state;
    /* The space before <q> is flushed first: the mark's offset is exact. */
    ws_report *r = analyze("<p>x   <q>y</q></p>");
    assert_string_equal(ws_report_text(r, NULL), "x \u201Cy\u201D");
    assert_int_equal(r->doc.markup_quote_opens.n, 1);
    assert_int_equal(r->doc.markup_quote_opens.v[0], 2);
    ws_report_free(r);
    /* Opening a block. */
    r = analyze("<p>a</p><p><q>b</q></p>");
    assert_int_equal(r->doc.markup_quote_opens.v[0], 3);
    assert_string_equal(quotes_of(r), "\u201Cb\u201D{m}");
    ws_report_free(r);
}

static void unclosed_q_closes_at_block_end(void **state)
{
    (void)state;
    const char *html = "<p>He said <q>we never close \n</p><p>Next.</p>";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "He said \u201Cwe never close\u201D\n\nNext.");
    assert_string_equal(quotes_of(r), "\u201Cwe never close\u201D{m}");
    /* The closing mark sits right after the last quoted word. */
    const ws_quotation *q = ws_report_quotation(r, 0);
    assert_int_equal(q->span.start, test_offset(html, "<q>", 0));
    assert_int_equal(q->span.end, test_offset(html, " \n</p>", 0));
    ws_report_free(r);

    expect_text("<div><q>a<p>b</p>c</q>d</div>", "\u201Ca\u201D\n\nb\n\ncd");
    expect_text("<q>a<br><br>b</q>", "\u201Ca\u201D\n\nb");
    expect_text("<q>a <q>b", "\u201Ca \u2018b\u2019\u201D");
    expect_text("x</q>y<q></q>", "xy\u201C\u201D");
}

/* ------------------------------------------------------------------------ */
/* Positions                                                                */
/* ------------------------------------------------------------------------ */

static void positions_in_a_multi_line_page(void **state)
{
    (void)state;
    const char *html = "<html>\n"
                       "<head><title>Zürich</title></head>\n"
                       "<body>\n"
                       "<h1>Zürich &amp; Genève</h1>\n"
                       "<p>Der Bürgermeister, Élodie Müller, said\n"
                       "  &ldquo;we will <em>rebuild</em> the bridge&rdquo; on Monday.</p>\n"
                       "<p>Année → <q>plus tard</q>.</p>\n"
                       "</body>\n"
                       "</html>\n";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL),
                        "Zürich & Genève\n\n"
                        "Der Bürgermeister, Élodie Müller, said \u201Cwe will rebuild the "
                        "bridge\u201D on Monday.\n\n"
                        "Année → \u201Cplus tard\u201D.");
    assert_string_equal(blocks_of(r), "h1 p p");
    assert_int_equal(ws_report_n_quotations(r), 2);

    /* Line 6 starts with two spaces: the mark is at column 3. */
    const ws_quotation *q = ws_report_quotation(r, 0);
    uint32_t open = test_offset(html, "&ldquo;", 0), close = test_offset(html, "&rdquo;", 0);
    expect_span(&q->span, open, close + 7, 6, 3, 6, 52);
    assert_string_equal(test_span_source(r, &q->fragments[0]),
                        "we will <em>rebuild</em> the bridge");
    expect_span(&q->fragments[0], open + 7, close, 6, 10, 6, 45);
    assert_int_equal(q->n_words, 5);

    /* "Année → " has two-byte and three-byte characters before the <q>. */
    q = ws_report_quotation(r, 1);
    uint32_t q_at = test_offset(html, "<q>", 0);
    uint32_t line7 = test_offset(html, "<p>Année", 0);
    assert_int_equal(q_at - line7, 14);  /* bytes */
    expect_span(&q->span, q_at, q_at + 16, 7, 12, 7, 28);
    assert_true(q->flags & WS_QUOTE_MARKUP);
    expect_span(&q->fragments[0], q_at + 3, q_at + 12, 7, 15, 7, 24);
    ws_report_free(r);
}

static void positions_of_every_text_byte(void **state)
{
    (void)state;
    /* Each copied text character maps to the same character in the input. */
    const char *html = "<div class=\"a\">\n  <p>Première <b>ligne</b>,\n  deuxième</p></div>";
    ws_report *r = analyze(html);
    size_t len;
    const char *text = ws_report_text(r, &len);
    assert_string_equal(text, "Première ligne, deuxième");
    for (uint32_t i = 0; i < len; i++) {
        if (text[i] == ' ' || ((unsigned char)text[i] & 0xC0) == 0x80)
            continue;
        ws_span s = ws_doc_span(&r->doc, i, i + 1);
        assert_int_equal(html[s.start], text[i]);
    }
    ws_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* Hostile input                                                            */
/* ------------------------------------------------------------------------ */

static void hostile_strings(void **state)
{
    (void)state;
    const char *html = "<p>Escaped: &lt;script&gt;alert(1)&lt;/script&gt;</p>"
                       "<p>Real: <script>alert(1)</script>gone</p>"
                       "<p>Attr: \"><img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">"
                       "click</a> javascript:alert(1)</p>";
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL),
                        "Escaped: <script>alert(1)</script>\n\n"
                        "Real: gone\n\n"
                        "Attr: \"> click javascript:alert(1)");
    /* The decoded "<script>" maps back to the escaped references. */
    ws_span s = ws_doc_span(&r->doc, 9, 17);
    assert_string_equal(test_span_source(r, &s), "&lt;script&gt;");
    ws_report_free(r);
}

static void nul_bytes_are_characters(void **state)
{
    (void)state;
    /* The binary check looks at the first 8000 bytes: put the NULs later. */
    static const char tail[] = "<p>a\0b<d\0v>c</p><!--x\0y--><p t=\"\0\">d</p>";
    size_t pad = 8100, n_tail = sizeof tail - 1;
    char *html = test_malloc(pad + n_tail);
    memcpy(html, "<!--", 4);
    memset(html + 4, ' ', pad - 7);
    memcpy(html + pad - 3, "-->", 3);
    memcpy(html + pad, tail, n_tail);
    ws_report *r = analyze_bytes(html, pad + n_tail);
    assert_string_equal(ws_report_text(r, NULL), "a\uFFFDbc\n\nd");
    assert_int_equal(r->doc.comments.n, 2);
    assert_int_equal(r->doc.comments.v[1].src_start, pad + 16);
    assert_int_equal(r->doc.comments.v[1].src_end, pad + 26);
    ws_span s = ws_doc_span(&r->doc, 1, 4);
    assert_int_equal(s.start, pad + 4);
    assert_int_equal(s.end, pad + 5);
    ws_report_free(r);
    test_free(html);
}

/* Run time of analyzing @len bytes, with the text length in *text_len. */
static double time_analysis(const char *html, size_t len, size_t *text_len)
{
    clock_t t0 = clock();
    ws_report *r = analyze_bytes(html, len);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    ws_report_text(r, text_len);
    ws_report_free(r);
    return secs;
}

/* Under valgrind (the "valgrind" test setup says so) sizes shrink 20 times. */
static size_t scaled(size_t n)
{
    return getenv("WS_UNDER_VALGRIND") && n >= 20 ? n / 20 : n;
}

/* @n copies of @unit, then @tail. */
static char *repeat(const char *unit, size_t n, const char *tail, size_t *len)
{
    size_t u = strlen(unit), t = strlen(tail);
    char *s = test_malloc(u * n + t + 1);
    for (size_t i = 0; i < n; i++)
        memcpy(s + i * u, unit, u);
    memcpy(s + u * n, tail, t + 1);
    *len = u * n + t;
    return s;
}

/* Generous for a linear pass; a quadratic one takes minutes on these sizes. */
enum { MAX_SECONDS = 10 };

/*
 * Analyze @n copies of @unit then @tail in time; the text must be
 * @text_per_unit bytes a copy plus @text_extra (unchecked when
 * @text_per_unit is negative).
 */
static void check_fast(const char *unit, size_t n, const char *tail, long text_per_unit,
                       long text_extra)
{
    size_t len, text_len;
    n = scaled(n);
    char *html = repeat(unit, n, tail, &len);
    double secs = time_analysis(html, len, &text_len);
    if (secs > MAX_SECONDS)
        fail_msg("%zu x \"%s\": %.1f s", n, unit, secs);
    if (text_per_unit >= 0)
        assert_int_equal(text_len, (long)n * text_per_unit + text_extra);
    test_free(html);
}

static void deep_nesting(void **state)
{
    (void)state;
    check_fast("<div>", 200000, "deep", 0, 4);
    check_fast("<blockquote>", 100000, "deep", 0, 4);
    check_fast("<q>", 100000, "x", -1, 0);
    check_fast("<li><div>", 100000, "x", 0, 1);
    check_fast("<table><td>", 100000, "x", 0, 1);
    /* Stray end tags after a deep stack. */
    size_t len;
    char *html = repeat("<div>", scaled(100000), "", &len);
    char *both = test_malloc(len + len / 5 * 6 + 2);
    memcpy(both, html, len);
    for (size_t i = 0; i < len / 5; i++)
        memcpy(both + len + i * 6, "</div>", 6);
    memcpy(both + len + len / 5 * 6, "x", 2);
    size_t text_len;
    assert_true(time_analysis(both, strlen(both), &text_len) < MAX_SECONDS);
    assert_int_equal(text_len, 1);
    test_free(both);
    test_free(html);

    /* Deep blockquotes: levels cap at 255, the text is right. */
    html = repeat("<blockquote>", 1000, "deep", &len);
    ws_report *r = analyze(html);
    assert_string_equal(ws_report_text(r, NULL), "deep");
    assert_int_equal(r->doc.blocks.n, 1);
    assert_int_equal(r->doc.blocks.v[0].kind, WS_BLOCK_QUOTE);
    assert_int_equal(r->doc.blocks.v[0].level, 255);
    ws_report_free(r);
    test_free(html);
}

static void long_and_repetitive_input(void **state)
{
    (void)state;
    /* A 10 MB text node. */
    check_fast("word ", 2000000, "end", 5, 3);
    check_fast("<", 1000000, "", 1, 0);
    check_fast("&", 1000000, "", 1, 0);
    check_fast("&am", 500000, "", 3, 0);
    check_fast("<p>", 1000000, "x", 0, 1);
    check_fast("</p>", 500000, "x", 0, 1);
    check_fast("<br>", 1000000, "x", 0, 1);
    check_fast("a<br>", 500000, "", 2, -1); /* "a\na\n...a" */
    check_fast("<![CDATA[ x >", 300000, "", 0, 0);
    check_fast("<!-- x --!>", 300000, "", 0, 0);
    check_fast("</div x=1>", 300000, "y", 0, 1);
    check_fast("<q>a</q>", 300000, "", 7, 0);
    check_fast("<p title=\"", 1, "never closed... ", 0, 0);
    check_fast("<script>", 1, "x</scrip", 0, 0);
    check_fast("<head>", 300000, "x", 0, 1);
    check_fast("<svg>", 300000, "x", 0, 0);
    /* One attribute value that never ends. */
    size_t len;
    char *html = repeat("x", scaled(5000000), "", &len);
    memcpy(html, "<a b='", 6);
    size_t text_len;
    assert_true(time_analysis(html, len, &text_len) < MAX_SECONDS);
    assert_int_equal(text_len, 0);
    test_free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tags_are_removed),
        cmocka_unit_test(attributes_are_parsed),
        cmocka_unit_test(unclosed_tags_at_end),
        cmocka_unit_test(less_than_that_starts_no_tag),
        cmocka_unit_test(stray_end_tags),
        cmocka_unit_test(names_are_case_insensitive),
        cmocka_unit_test(character_references),
        cmocka_unit_test(reference_positions),
        cmocka_unit_test(entity_encoded_quotes),
        cmocka_unit_test(head_and_title_are_skipped),
        cmocka_unit_test(hidden_elements_are_skipped),
        cmocka_unit_test(raw_text_ends_only_at_its_end_tag),
        cmocka_unit_test(comments_are_recorded),
        cmocka_unit_test(declarations_are_skipped),
        cmocka_unit_test(block_elements),
        cmocka_unit_test(text_directly_in_body_or_div),
        cmocka_unit_test(implicitly_closed_elements),
        cmocka_unit_test(headings),
        cmocka_unit_test(lists),
        cmocka_unit_test(blockquote_levels_and_groups),
        cmocka_unit_test(blockquote_is_a_block_quotation),
        cmocka_unit_test(white_space_collapses),
        cmocka_unit_test(pre_keeps_white_space),
        cmocka_unit_test(line_breaks),
        cmocka_unit_test(bom_and_crlf),
        cmocka_unit_test(q_inserts_marks),
        cmocka_unit_test(q_nesting_alternates),
        cmocka_unit_test(q_offset_after_a_collapsed_space),
        cmocka_unit_test(unclosed_q_closes_at_block_end),
        cmocka_unit_test(positions_in_a_multi_line_page),
        cmocka_unit_test(positions_of_every_text_byte),
        cmocka_unit_test(hostile_strings),
        cmocka_unit_test(nul_bytes_are_characters),
        cmocka_unit_test(deep_nesting),
        cmocka_unit_test(long_and_repetitive_input),
    };
    int rc = cmocka_run_group_tests_name("read_html", tests, NULL, NULL);
    test_ctx_free();
    return rc;
}
