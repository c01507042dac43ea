/*
 * test_read_markdown.c - the Markdown reader: the plain text it makes, the
 * blocks and comments it records, that quotations found in its text point
 * back at the right bytes, lines and columns of the Markdown source, and
 * that hostile inputs finish in linear time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "harness.h"

static ws_report *read_md(const char *src)
{
    return test_analyze(src, WS_INPUT_MARKDOWN);
}

/* @src must read as exactly @expected. */
static void check_text(const char *src, const char *expected)
{
    ws_report *r = read_md(src);
    const char *text = ws_report_text(r, NULL);
    if (strcmp(text, expected) != 0)
        fail_msg("markdown:\n%s\nexpected text:\n[%s]\ngot:\n[%s]", src, expected, text);
    ws_report_free(r);
}

/* Block @i of @r has this kind, level, quote group and text. */
static void check_block(const ws_report *r, size_t i, ws_block_kind kind, unsigned level,
                        unsigned group, const char *text)
{
    if (i >= r->doc.blocks.n)
        fail_msg("block %zu missing (%zu blocks)", i, r->doc.blocks.n);
    const ws_block *b = &r->doc.blocks.v[i];
    size_t len = b->end - b->start;
    if (len != strlen(text) || memcmp(r->doc.text + b->start, text, len) != 0)
        fail_msg("block %zu: expected [%s], got [%.*s]", i, text, (int)len, r->doc.text + b->start);
    assert_int_equal(b->kind, kind);
    assert_int_equal(b->level, level);
    assert_int_equal(b->quote_group, group);
}

static void check_span(const ws_span *s, uint32_t start, uint32_t end, uint32_t line, uint32_t col,
                       uint32_t end_line, uint32_t end_col)
{
    assert_int_equal(s->start, start);
    assert_int_equal(s->end, end);
    assert_int_equal(s->line, line);
    assert_int_equal(s->col, col);
    assert_int_equal(s->end_line, end_line);
    assert_int_equal(s->end_col, end_col);
}

static const ws_quotation *quotation(const ws_report *r, size_t i)
{
    const ws_quotation *q = ws_report_quotation(r, i);
    if (!q)
        fail_msg("quotation %zu missing (%zu found)", i, ws_report_n_quotations(r));
    return q;
}

/* ------------------------------------------------------------------------ */
/* Paragraphs and line breaks                                               */
/* ------------------------------------------------------------------------ */

static void test_paragraphs(void **state)
{
    (void)state;
    check_text("", "");
    check_text("\n\n  \n", "");
    check_text("One.\n\nTwo.\n", "One.\n\nTwo.");
    /* Soft breaks stay, indentation of continuation lines and trailing spaces go. */
    check_text("one\n   two   \n\tthree\n", "one\ntwo\nthree");
    /* Hard breaks: two trailing spaces or a backslash. */
    check_text("one  \ntwo\\\nthree\n", "one\ntwo\nthree");
    /* A backslash at the end of a paragraph is text. */
    check_text("end\\\n", "end\\");
    /* White space inside a line collapses to one space. */
    check_text("a  b\t\tc", "a b c");
    ws_report *r = read_md("First para\nline two.\n\n\n\nSecond.");
    assert_int_equal(r->doc.blocks.n, 2);
    check_block(r, 0, WS_BLOCK_PARAGRAPH, 0, 0, "First para\nline two.");
    check_block(r, 1, WS_BLOCK_PARAGRAPH, 0, 0, "Second.");
    ws_report_free(r);
}

static void test_front_matter(void **state)
{
    (void)state;
    check_text("---\ntitle: \"Not a \"quote\"\"\ntags: [a, b]\n---\nBody.\n", "Body.");
    check_text("---\ntitle: x\n...\nBody.", "Body.");
    check_text("+++\ntitle = \"x\"\n+++\n\nBody.", "Body.");
    /* Trailing blanks on the fence lines are allowed. */
    check_text("--- \na: 1\n---  \nBody.", "Body.");
    /* Not closed: a thematic break, then ordinary text. */
    check_text("---\nnot front matter\n", "not front matter");
    /* Only at the very start. */
    check_text("Intro.\n\n---\na: b\n---\n", "Intro.\n\na: b");
    /* Nothing but front matter. */
    check_text("---\na: 1\n---\n", "");
}

static void test_bom_and_crlf(void **state)
{
    (void)state;
    const char *src = "\xEF\xBB\xBF# Title\r\n\r\nLine one\r\nline two  \r\n"
                      "\"Quote,\" he said.\r\n";
    ws_report *r = read_md(src);
    assert_string_equal(ws_report_text(r, NULL),
                        "Title\n\nLine one\nline two\n\"Quote,\" he said.");
    check_block(r, 0, WS_BLOCK_HEADING, 1, 0, "Title");
    check_block(r, 1, WS_BLOCK_PARAGRAPH, 0, 0, "Line one\nline two\n\"Quote,\" he said.");
    const ws_quotation *q = quotation(r, 0);
    uint32_t open = test_offset(src, "\"Quote", 0);
    check_span(&q->span, open, open + 8, 5, 1, 5, 9);
    check_span(&q->fragments[0], open + 1, open + 7, 5, 2, 5, 8);
    ws_report_free(r);
    /* A lone CR ends a line too. */
    check_text("a\rb\r\rc", "a\nb\n\nc");
}

/* The source bytes text range [start, end) maps back to. */
static void check_source_of(ws_report *r, uint32_t text_start, uint32_t text_end,
                            uint32_t src_start, uint32_t src_end)
{
    ws_span s = ws_doc_span(&r->doc, text_start, text_end);
    assert_int_equal(s.start, src_start);
    assert_int_equal(s.end, src_end);
}

static void test_break_mapping(void **state)
{
    (void)state;
    /* Soft break, CRLF, hard breaks, <br>: each "\n" stands for its own bytes. */
    const char *src = "> one\r\n> two  \n> three\\\n> four<br>five";
    ws_report *r = read_md(src);
    const char *text = ws_report_text(r, NULL);
    assert_string_equal(text, "one\ntwo\nthree\nfour\nfive");
    check_source_of(r, 3, 4, 5, 7);                    /* "\r\n" */
    check_source_of(r, 0, 3, 2, 5);                    /* "one" */
    check_source_of(r, 4, 7, 9, 12);                   /* "two" after "> " */
    check_source_of(r, 7, 8, 14, 15);                  /* the break after the two spaces */
    check_source_of(r, 13, 14, 23, 24);                /* the break after the backslash */
    check_source_of(r, 18, 19, 30, 34);                /* <br> */
    check_source_of(r, 19, 23, 34, 38);                /* "five" */
    ws_report_free(r);
    /* Escapes map to both bytes, references to the whole reference. */
    r = read_md("a\\*b &amp; c");
    assert_string_equal(ws_report_text(r, NULL), "a*b & c");
    check_source_of(r, 1, 2, 1, 3);
    check_source_of(r, 4, 5, 5, 10);
    ws_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* Headings                                                                 */
/* ------------------------------------------------------------------------ */

static void test_atx_headings(void **state)
{
    (void)state;
    ws_report *r = read_md("# One\n## Two ##\n### Three #   \n#### Four#\n##### Five \\#\n"
                           "###### Six\n####### Seven\n#hashtag\n#\n\n# ###\n");
    check_block(r, 0, WS_BLOCK_HEADING, 1, 0, "One");
    check_block(r, 1, WS_BLOCK_HEADING, 2, 0, "Two");
    check_block(r, 2, WS_BLOCK_HEADING, 3, 0, "Three");
    check_block(r, 3, WS_BLOCK_HEADING, 4, 0, "Four#");
    check_block(r, 4, WS_BLOCK_HEADING, 5, 0, "Five #");
    check_block(r, 5, WS_BLOCK_HEADING, 6, 0, "Six");
    check_block(r, 6, WS_BLOCK_PARAGRAPH, 0, 0, "####### Seven\n#hashtag");
    assert_int_equal(r->doc.blocks.n, 7); /* empty headings leave nothing */
    ws_report_free(r);
    /* A heading interrupts a paragraph, with emphasis inside. */
    r = read_md("Text\n  # *Big* news\nmore");
    check_block(r, 0, WS_BLOCK_PARAGRAPH, 0, 0, "Text");
    check_block(r, 1, WS_BLOCK_HEADING, 1, 0, "Big news");
    check_block(r, 2, WS_BLOCK_PARAGRAPH, 0, 0, "more");
    ws_report_free(r);
}

static void test_setext_headings(void **state)
{
    (void)state;
    ws_report *r = read_md("Main title\n==========\n\nTwo line\nsubtitle\n---\nBody\n");
    check_block(r, 0, WS_BLOCK_HEADING, 1, 0, "Main title");
    check_block(r, 1, WS_BLOCK_HEADING, 2, 0, "Two line\nsubtitle");
    check_block(r, 2, WS_BLOCK_PARAGRAPH, 0, 0, "Body");
    assert_int_equal(r->doc.blocks.n, 3);
    ws_report_free(r);
    /* An underline after definitions alone is an ordinary line. */
    check_text("[a]: /url\n===\n", "===");
    /* Lazy lines do not make headings: the quote ends at the break. */
    r = read_md("> quoted\n---\nafter");
    check_block(r, 0, WS_BLOCK_QUOTE, 1, 1, "quoted");
    check_block(r, 1, WS_BLOCK_PARAGRAPH, 0, 0, "after");
    ws_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* Code                                                                     */
/* ------------------------------------------------------------------------ */

static void test_fenced_code(void **state)
{
    (void)state;
    check_text("Before.\n```python\nprint(\"hidden\")\n```\nAfter.", "Before.\n\nAfter.");
    check_text("~~~ {.js}\nx = \"no\"\n~~~\nAfter.", "After.");
    /* The closing fence must be as long, of the same character. */
    check_text("````\n```\n~~~~\nstill code\n`````\nAfter.", "After.");
    check_text("  ```\n  code\n   ```   \nAfter.", "After.");
    /* Unclosed: code to the end. */
    check_text("Before.\n\n```\n\"never\" closed\n\nstill code", "Before.");
    /* A backtick fence cannot have backticks in its info string. */
    check_text("``` a`b\ntext", "``` a`b\ntext");
    /* Two backticks are not a fence (but are an unmatched code span here). */
    check_text("``\ntext", "``\ntext");
}

static void test_indented_code(void **state)
{
    (void)state;
    check_text("    code at start\n\nText.", "Text.");
    check_text("Text.\n\n    code \"x\"\n\n    more code\nAfter.", "Text.\n\nAfter.");
    check_text("Text.\n\n\tTab code\nAfter.", "Text.\n\nAfter.");
    /* Indented lines continue a paragraph. */
    check_text("Text\n    continued", "Text\ncontinued");
}

static void test_code_spans(void **state)
{
    (void)state;
    check_text("Run `make \"all\"` now.", "Run now.");
    /* The space before a removed span stays: removed markup never joins words. */
    check_text("A ``co`de`` span and `x`.", "A span and .");
    /* Spanning a line break. */
    check_text("a `b\nc` d", "a d");
    /* Unmatched runs are text. */
    check_text("a ` b `` c", "a ` b `` c");
    check_text("```not closed`` here", "```not closed`` here");
    /* Code wins over emphasis and links. */
    check_text("*a `*` b*", "a b");
    check_text("[a `]` b](url)", "a b");
}

/* ------------------------------------------------------------------------ */
/* Emphasis                                                                 */
/* ------------------------------------------------------------------------ */

static void test_emphasis(void **state)
{
    (void)state;
    check_text("*a* _b_ **c** __d__ ***e*** ___f___", "a b c d e f");
    check_text("*a **b** c* and **a *b* c**", "a b c and a b c");
    check_text("in*tra*word", "intraword");
    /* Unmatched delimiters stay. */
    check_text("**unclosed and *lone", "**unclosed and *lone");
    check_text("*a*b*", "ab*");
    check_text("**foo*", "*foo");
    check_text("*foo**", "foo*");
    /* snake_case and intra-word underscores are text. */
    check_text("snake_case_name and __init_value", "snake_case_name and __init_value");
    check_text("_a_b_", "a_b");
    /* Multiplication and spaced stars are text. */
    check_text("2*3*4 and 2 * 3 * 4", "2*3*4 and 2 * 3 * 4");
    check_text("a * b * c", "a * b * c");
    /* The rule of 3 (CommonMark example 411). */
    check_text("*foo**bar**baz*", "foobarbaz");
    /* Emphasis spans lines. */
    check_text("*one\ntwo*", "one\ntwo");
    /* Punctuation-flanked. */
    check_text("\"*Quoted*\" and *\"this\"*", "\"Quoted\" and \"this\"");
}

static void test_strikethrough(void **state)
{
    (void)state;
    check_text("~~gone~~ stays and ~about and ~~~three~~~",
               "gone stays and ~about and ~~~three~~~");
    check_text("~~unclosed", "~~unclosed");
}

/* ------------------------------------------------------------------------ */
/* Links and images                                                         */
/* ------------------------------------------------------------------------ */

static void test_inline_links(void **state)
{
    (void)state;
    check_text("See [the report](https://example.com/a_b \"Title\") now.", "See the report now.");
    check_text("[a](<url with spaces>) [b](url 'single') [c](url (paren)) [d]()", "a b c d");
    check_text("[*emphasis* in link](u) and [nested (parens)](u(x)y)",
               "emphasis in link and nested (parens)");
    check_text("[multi\nline](u\n\"title\")", "multi\nline");
    /* Not links: the brackets are text. */
    check_text("[a] (b) and [c](d e f) and [x]", "[a] (b) and [c](d e f) and [x]");
    /* Links do not nest: the inner one wins. */
    check_text("[a [b](u) c](v)", "[a b c](v)");
    check_text("![alt *text*](img.png \"t\") and [![inner](i.png)](u)", "alt text and inner");
    /* Autolinks give their URL. */
    check_text("Go to <https://example.com/a?b=1> or <news@example.org>.",
               "Go to https://example.com/a?b=1 or news@example.org.");
    check_text("a <https://no spaces> b <1 and 2>", "a <https://no spaces> b <1 and 2>");
    /* <word word> is a valid HTML tag in CommonMark, hence removed. */
    check_text("a <not an autolink> b", "a b");
}

static void test_reference_links(void **state)
{
    (void)state;
    const char *src = "Use [full][Ref], [collapsed][], [shortcut], [ Shortcut ] and [sic].\n"
                      "[x][unknown] stays, so does [y] [] and [REF].\n"
                      "\n"
                      "[ref]: https://example.com \"Title\"\n"
                      "[collapsed]: <https://example.com/c>\n"
                      "[shortcut]:\n"
                      "  /url\n"
                      "  'title on its own line'\n"
                      "[bad]: /x \"title\" junk\n";
    check_text(src, "Use full, collapsed, shortcut, Shortcut and [sic].\n"
                    "[x][unknown] stays, so does [y] [] and REF.\n"
                    "\n"
                    "[bad]: /x \"title\" junk");
    /* Without any definition [sic] and [1] stay. */
    check_text("He said [sic] it [1].", "He said [sic] it [1].");
    /* Definitions in a block quote are skipped too. */
    check_text("> [q]: /u\n> See [q].", "See q.");
}

/* ------------------------------------------------------------------------ */
/* Escapes, references, HTML                                                */
/* ------------------------------------------------------------------------ */

static void test_escapes(void **state)
{
    (void)state;
    check_text("\\*not em\\* \\_x\\_ \\# \\[a\\](b) \\\\ \\` \\<br\\>",
               "*not em* _x_ # [a](b) \\ ` <br>");
    check_text("\\a \\1 stay", "\\a \\1 stay");
    /* An escaped quotation mark is still a quotation mark; it maps to both bytes. */
    const char *src = "He said \\\"yes\\\" twice.";
    ws_report *r = read_md(src);
    assert_string_equal(ws_report_text(r, NULL), "He said \"yes\" twice.");
    const ws_quotation *q = quotation(r, 0);
    check_span(&q->span, 8, 15, 1, 9, 1, 16);
    check_span(&q->fragments[0], 10, 13, 1, 11, 1, 14);
    ws_report_free(r);
}

static void test_entities(void **state)
{
    (void)state;
    check_text("AT&amp;T &copy; &#169; &#xA9; &#Xa9;", "AT&T \xC2\xA9 \xC2\xA9 \xC2\xA9 \xC2\xA9");
    /* Not references: no semicolon, unknown names. */
    check_text("AT&T &copy 2024 &notanentity; & alone &#; &#x;",
               "AT&T &copy 2024 &notanentity; & alone &#; &#x;");
    /* Invalid numbers give U+FFFD; astral code points work. */
    check_text("&#0; &#1114112; &#128512;", "\xEF\xBF\xBD \xEF\xBF\xBD \xF0\x9F\x98\x80");
    /* A reference standing for two code points. */
    check_text("&NotEqualTilde;", "\xE2\x89\x82\xCC\xB8");
    /* Not decoded in code spans. */
    check_text("`&amp;` &amp;", "&");
    /* A quotation whose marks are references maps onto the references. */
    const char *src = "&ldquo;Hi,&rdquo; she said.";
    ws_report *r = read_md(src);
    assert_string_equal(ws_report_text(r, NULL), "\xE2\x80\x9CHi,\xE2\x80\x9D she said.");
    const ws_quotation *q = quotation(r, 0);
    check_span(&q->span, 0, 17, 1, 1, 1, 18);
    check_span(&q->fragments[0], 7, 10, 1, 8, 1, 11);
    ws_report_free(r);
}

static void test_inline_html(void **state)
{
    (void)state;
    check_text("a <span class=\"x\">b</span> <em>c</em>d <img src='x' alt=\"y\"/> e", "a b cd e");
    check_text("one<br>two<BR/>three<br />\nfour", "one\ntwo\nthree\nfour");
    check_text("<a\nhref=\"x\">multi-line tag</a>", "multi-line tag");
    check_text("a <?php echo 1; ?> b <!DOCTYPE x> c <![CDATA[ d ]]> e", "a b c e");
    /* Not tags. */
    check_text("1 < 2 and 3 > 2, <3 and a<b", "1 < 2 and 3 > 2, <3 and a<b");
    /* Inline comments are removed and kept for the passes. */
    const char *src = "Text <!-- whosaid off --> more <!-- two\nlines --> end <!----> x";
    ws_report *r = read_md(src);
    assert_string_equal(ws_report_text(r, NULL), "Text more end x");
    assert_int_equal(r->doc.comments.n, 3);
    const ws_comment *c = &r->doc.comments.v[0];
    assert_int_equal(c->src_start, 5);
    assert_int_equal(c->src_end, 25);
    assert_string_equal(c->body, " whosaid off ");
    assert_int_equal(c->text_off, 4); /* after "Text"; the space is still pending */
    c = &r->doc.comments.v[1];
    assert_int_equal(c->src_start, test_offset(src, "<!-- two", 0));
    assert_int_equal(c->src_end, test_offset(src, " end", 0));
    assert_string_equal(c->body, " two\nlines ");
    c = &r->doc.comments.v[2];
    assert_string_equal(c->body, "");
    ws_report_free(r);
    /* An unclosed comment is text in a paragraph. */
    check_text("a <!-- b", "a <!-- b");
}

static void test_html_blocks(void **state)
{
    (void)state;
    const char *src = "Para one.\n"
                      "<!-- whosaid off -->\n"
                      "Para two.\n"
                      "\n"
                      "<!--\n"
                      "multi-line\n"
                      "-->\n"
                      "<div class=\"note\">\n"
                      "<p>Inside \"html\" &amp; *not emphasis*</p><p>Next &copy 2024</p>\n"
                      "<script>var q = \"no\";</script>\n"
                      "</div>\n"
                      "\n"
                      "<script>\n"
                      "var hidden = \"x\";\n"
                      "</script>\n"
                      "After.\n";
    ws_report *r = read_md(src);
    assert_string_equal(ws_report_text(r, NULL),
                        "Para one.\n\nPara two.\n\nInside \"html\" & *not emphasis*\n\n"
                        "Next \xC2\xA9 2024\n\nAfter.");
    check_block(r, 2, WS_BLOCK_PARAGRAPH, 0, 0, "Inside \"html\" & *not emphasis*");
    assert_int_equal(r->doc.comments.n, 2);
    assert_string_equal(r->doc.comments.v[0].body, " whosaid off ");
    assert_int_equal(r->doc.comments.v[0].src_start, 10);
    assert_int_equal(r->doc.comments.v[0].src_end, 30);
    assert_string_equal(r->doc.comments.v[1].body, "\nmulti-line\n");
    assert_int_equal(r->doc.comments.v[1].src_start, test_offset(src, "<!--\n", 0));
    assert_int_equal(r->doc.comments.v[1].src_end, test_offset(src, "-->\n<div", 0) + 3);
    /* The comment stood between the two paragraphs: at the start of the second. */
    assert_int_equal(r->doc.comments.v[0].text_off, 11);
    ws_report_free(r);
    /* A tag alone on a line does not interrupt a paragraph; one in a fresh block is skipped. */
    check_text("Text\n<span>\nmore\n\n<span>\nnext", "Text\nmore\n\nnext");
    /* A comment after the last text points at the end of the text, not past it. */
    r = read_md("Para.\n\n<!-- c -->\n");
    assert_string_equal(ws_report_text(r, NULL), "Para.");
    assert_int_equal(r->doc.comments.n, 1);
    assert_int_equal(r->doc.comments.v[0].text_off, 5);
    assert_int_equal(r->doc.comments.v[0].src_start, 7);
    assert_int_equal(r->doc.comments.v[0].src_end, 17);
    ws_report_free(r);
    /* An unclosed comment block runs to the end. */
    r = read_md("Before.\n\n<!-- open\n\nstill \"comment\"");
    assert_string_equal(ws_report_text(r, NULL), "Before.");
    assert_int_equal(r->doc.comments.n, 1);
    assert_string_equal(r->doc.comments.v[0].body, " open\n\nstill \"comment\"");
    ws_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* Lists, breaks, block quotes, tables                                      */
/* ------------------------------------------------------------------------ */

static void test_lists(void **state)
{
    (void)state;
    ws_report *r = read_md("- one\n  continued\n* two\nlazy\n+ three\n\n"
                           "1. first\n2) second\n   - nested *item*\n     - deeper\n\n"
                           "   back in second\n");
    check_block(r, 0, WS_BLOCK_LIST_ITEM, 1, 0, "one\ncontinued");
    check_block(r, 1, WS_BLOCK_LIST_ITEM, 1, 0, "two\nlazy");
    check_block(r, 2, WS_BLOCK_LIST_ITEM, 1, 0, "three");
    check_block(r, 3, WS_BLOCK_LIST_ITEM, 1, 0, "first");
    check_block(r, 4, WS_BLOCK_LIST_ITEM, 1, 0, "second");
    check_block(r, 5, WS_BLOCK_LIST_ITEM, 2, 0, "nested item");
    check_block(r, 6, WS_BLOCK_LIST_ITEM, 3, 0, "deeper");
    check_block(r, 7, WS_BLOCK_LIST_ITEM, 1, 0, "back in second");
    assert_int_equal(r->doc.blocks.n, 8);
    ws_report_free(r);
    /* What interrupts a paragraph: a bullet with content, a number 1. */
    r = read_md("The vote was\n2009. Then\n+\nand\n1. one\n- two");
    check_block(r, 0, WS_BLOCK_PARAGRAPH, 0, 0, "The vote was\n2009. Then\n+\nand");
    check_block(r, 1, WS_BLOCK_LIST_ITEM, 1, 0, "one");
    check_block(r, 2, WS_BLOCK_LIST_ITEM, 1, 0, "two");
    ws_report_free(r);
    /* No space after the marker: not a list. */
    check_text("-not a list\n1.5 million", "-not a list\n1.5 million");
    /* An item that starts blank ends at a blank line (CommonMark 5.2). */
    r = read_md("-\n  foo\n-\n\n  bar");
    check_block(r, 0, WS_BLOCK_LIST_ITEM, 1, 0, "foo");
    check_block(r, 1, WS_BLOCK_PARAGRAPH, 0, 0, "bar");
    ws_report_free(r);
    /* Code in an item is skipped, the text after it kept. */
    check_text("- ```\n  code\n  ```\n  after code\n-     indented code\n", "after code");
}

static void test_thematic_breaks(void **state)
{
    (void)state;
    ws_report *r = read_md("One\n***\nTwo\n\n- - -\n\n___\nThree\n * * * \n");
    assert_string_equal(ws_report_text(r, NULL), "One\n\nTwo\n\nThree");
    check_block(r, 0, WS_BLOCK_PARAGRAPH, 0, 0, "One");
    check_block(r, 1, WS_BLOCK_PARAGRAPH, 0, 0, "Two");
    check_block(r, 2, WS_BLOCK_PARAGRAPH, 0, 0, "Three");
    ws_report_free(r);
    check_text("**\n--x", "**\n--x");
}

static void test_block_quotes(void **state)
{
    (void)state;
    const char *src = "> First para\n"
                      "continued lazily.\n"
                      ">\n"
                      "> Second para.\n"
                      "> > Nested\n"
                      "> > > deeper\n"
                      "\n"
                      "Narration.\n"
                      "\n"
                      ">Another quote\n"
                      "\n"
                      "   > > third\n"
                      "- item\n"
                      "  > in item\n";
    ws_report *r = read_md(src);
    check_block(r, 0, WS_BLOCK_QUOTE, 1, 1, "First para\ncontinued lazily.");
    check_block(r, 1, WS_BLOCK_QUOTE, 1, 1, "Second para.");
    check_block(r, 2, WS_BLOCK_QUOTE, 2, 1, "Nested");
    check_block(r, 3, WS_BLOCK_QUOTE, 3, 1, "deeper");
    check_block(r, 4, WS_BLOCK_PARAGRAPH, 0, 0, "Narration.");
    check_block(r, 5, WS_BLOCK_QUOTE, 1, 2, "Another quote");
    check_block(r, 6, WS_BLOCK_QUOTE, 2, 3, "third");
    check_block(r, 7, WS_BLOCK_LIST_ITEM, 1, 0, "item");
    check_block(r, 8, WS_BLOCK_QUOTE, 1, 4, "in item");
    assert_int_equal(r->doc.blocks.n, 9);
    ws_report_free(r);
    /* A quote that leaves no text takes no number. */
    r = read_md(">\n\n> ```\n> code\n> ```\n\n> text");
    assert_int_equal(r->doc.blocks.n, 1);
    check_block(r, 0, WS_BLOCK_QUOTE, 1, 1, "text");
    ws_report_free(r);
    /* Code, headings and lists inside quotes. */
    r = read_md(">     code\n>\n> # Head\n> - a\n> - b\n>\n>     b, continued\n");
    assert_int_equal(r->doc.blocks.n, 4);
    check_block(r, 0, WS_BLOCK_QUOTE, 1, 1, "Head");
    check_block(r, 1, WS_BLOCK_QUOTE, 1, 1, "a");
    check_block(r, 2, WS_BLOCK_QUOTE, 1, 1, "b");
    check_block(r, 3, WS_BLOCK_QUOTE, 1, 1, "b, continued");
    ws_report_free(r);
    check_text("> Para\n>\n>     code\n> > \\> not a quote", "Para\n\n> not a quote");
}

static void test_tables(void **state)
{
    (void)state;
    const char *src = "| Name | Said |\n"
                      "|:-----|-----:|\n"
                      "| *Ann* | \"Yes\" |\n"
                      "| Bob | a \\| b |\n"
                      "Cy | `code|x` | extra\n"
                      "\n"
                      "After.\n";
    ws_report *r = read_md(src);
    check_block(r, 0, WS_BLOCK_PARAGRAPH, 0, 0, "Name Said");
    check_block(r, 1, WS_BLOCK_PARAGRAPH, 0, 0, "Ann \"Yes\"");
    check_block(r, 2, WS_BLOCK_PARAGRAPH, 0, 0, "Bob a | b");
    check_block(r, 3, WS_BLOCK_PARAGRAPH, 0, 0, "Cy `code x` extra");
    check_block(r, 4, WS_BLOCK_PARAGRAPH, 0, 0, "After.");
    assert_int_equal(r->doc.blocks.n, 5);
    const ws_quotation *q = quotation(r, 0);
    uint32_t open = test_offset(src, "\"Yes\"", 0);
    check_span(&q->span, open, open + 5, 3, 11, 3, 16);
    ws_report_free(r);
    /* Without pipes, or with a different cell count, no table. */
    check_text("a | b\n--- | ---\nc | d", "a b\n\nc d");
    check_text("a | b\n--- | --- | ---\n", "a | b\n--- | --- | ---");
    check_text("a\n---\n", "a");
    /* Tables in block quotes; a block start ends the table. */
    r = read_md("> |a|b|\n> |-|-|\n> |c|d|\n# H");
    check_block(r, 0, WS_BLOCK_QUOTE, 1, 1, "a b");
    check_block(r, 1, WS_BLOCK_QUOTE, 1, 1, "c d");
    check_block(r, 2, WS_BLOCK_HEADING, 1, 0, "H");
    ws_report_free(r);
}

/* ------------------------------------------------------------------------ */
/* Positions of quotations in the Markdown source                           */
/* ------------------------------------------------------------------------ */

static void test_positions_after_non_ascii(void **state)
{
    (void)state;
    /* Line 2 holds 3 two-byte and 3 three-byte characters before the quote. */
    const char *src = "# Caf\xC3\xA9\n"
                      "\xE2\x80\x9CNa\xC3\xAFve\xE2\x80\x9D \xC3\xA9t\xC3\xA9 \xE2\x80\x94 "
                      "\"We will *act*,\" said Zo\xC3\xAB.\n";
    ws_report *r = read_md(src);
    assert_string_equal(ws_report_text(r, NULL),
                        "Caf\xC3\xA9\n\n\xE2\x80\x9CNa\xC3\xAFve\xE2\x80\x9D \xC3\xA9t\xC3\xA9 "
                        "\xE2\x80\x94 \"We will act,\" said Zo\xC3\xAB.");
    assert_int_equal(ws_report_n_quotations(r), 2);
    const ws_quotation *q = quotation(r, 0);
    uint32_t line2 = test_offset(src, "\xE2\x80\x9CNa", 0);
    check_span(&q->span, line2, line2 + 12, 2, 1, 2, 8);
    check_span(&q->fragments[0], line2 + 3, line2 + 9, 2, 2, 2, 7);
    q = quotation(r, 1);
    uint32_t open = test_offset(src, "\"We", 0);
    assert_int_equal(open, line2 + 23);
    /* Byte 23 of the line is its 15th code point: columns count characters. */
    check_span(&q->span, open, open + 16, 2, 15, 2, 31);
    check_span(&q->fragments[0], open + 1, open + 15, 2, 16, 2, 30);
    assert_string_equal(test_span_source(r, &q->fragments[0]), "We will *act*,");
    assert_string_equal(test_span_text(r, &q->fragments[0]), "We will act,");
    ws_report_free(r);
}

static void test_positions_markup_inside_quote(void **state)
{
    (void)state;
    const char *src = "Intro.\n"
                      "\n"
                      "\"The [*budget*](https://x.org/b \"Budget\") is &ldquo;fair&rdquo;\n"
                      "    and **final**,\" the `minister` said.\n";
    ws_report *r = read_md(src);
    assert_string_equal(ws_report_text(r, NULL),
                        "Intro.\n\n\"The budget is \xE2\x80\x9C"
                        "fair\xE2\x80\x9D\nand final,\" the said.");
    const ws_quotation *q = quotation(r, 0);
    uint32_t open = test_offset(src, "\"The", 0), close = test_offset(src, ",\" the", 0) + 1;
    check_span(&q->span, open, close + 1, 3, 1, 4, 20);
    assert_int_equal(q->n_fragments, 1);
    check_span(&q->fragments[0], open + 1, close, 3, 2, 4, 19);
    assert_int_equal(q->depth, 0);
    /* The nested quotation made of references. */
    const ws_quotation *inner = quotation(r, 1);
    uint32_t ref = test_offset(src, "&ldquo;", 0);
    check_span(&inner->span, ref, ref + 18, 3, 46, 3, 64);
    check_span(&inner->fragments[0], ref + 7, ref + 11, 3, 53, 3, 57);
    assert_int_equal(inner->parent, 0);
    ws_report_free(r);
}

static void test_positions_after_front_matter_and_fence(void **state)
{
    (void)state;
    const char *src = "---\n"
                      "title: \"Front matter quote\"\n"
                      "---\n"
                      "```\n"
                      "\"code quote\"\n"
                      "```\n"
                      "<!-- \"comment quote\" -->\n"
                      "    \"indented code quote\"\n"
                      "\n"
                      "Then \"the real one,\" she said.\n";
    ws_report *r = read_md(src);
    assert_string_equal(ws_report_text(r, NULL), "Then \"the real one,\" she said.");
    assert_int_equal(ws_report_n_quotations(r), 1);
    const ws_quotation *q = quotation(r, 0);
    uint32_t open = test_offset(src, "\"the real", 0);
    check_span(&q->span, open, open + 15, 10, 6, 10, 21);
    check_span(&q->fragments[0], open + 1, open + 14, 10, 7, 10, 20);
    ws_report_free(r);
}

static void test_positions_in_block_quote(void **state)
{
    (void)state;
    const char *src = "> \"It started here\n"
                      "> and went on.\n"
                      ">\n"
                      "> \"And it ended here,\" he said.\n";
    ws_report *r = read_md(src);
    check_block(r, 0, WS_BLOCK_QUOTE, 1, 1, "\"It started here\nand went on.");
    check_block(r, 1, WS_BLOCK_QUOTE, 1, 1, "\"And it ended here,\" he said.");
    /* One quotation continued over both paragraphs, inside the block quotation. */
    size_t n = ws_report_n_quotations(r);
    const ws_quotation *marked = NULL;
    for (size_t i = 0; i < n; i++)
        if (!(quotation(r, i)->flags & WS_QUOTE_BLOCK))
            marked = quotation(r, i);
    assert_non_null(marked);
    assert_true(marked->flags & WS_QUOTE_CONTINUED);
    assert_int_equal(marked->n_fragments, 2);
    check_span(&marked->span, 2, test_offset(src, ",\" he", 0) + 2, 1, 3, 4, 23);
    check_span(&marked->fragments[0], 3, 33, 1, 4, 2, 15);
    check_span(&marked->fragments[1], 39, 57, 4, 4, 4, 22);
    ws_report_free(r);
}

static void test_positions_crlf_and_tabs(void **state)
{
    (void)state;
    const char *src = "- \tItem:\r\n  \"quoted,\" x said.\r\n";
    ws_report *r = read_md(src);
    check_block(r, 0, WS_BLOCK_LIST_ITEM, 1, 0, "Item:\n\"quoted,\" x said.");
    const ws_quotation *q = quotation(r, 0);
    check_span(&q->span, 12, 21, 2, 3, 2, 12);
    ws_report_free(r);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    /* NUL is an ordinary character (binary detection only reads 8000 bytes). */
    size_t pad = 8100;
    const char tail[] = "a\0*b* \"c\" d";
    char *src = malloc(pad + sizeof tail);
    assert_non_null(src);
    memset(src, 'x', pad);
    src[pad - 2] = '\n';
    src[pad - 1] = '\n';
    memcpy(src + pad, tail, sizeof tail);
    ws_input in = {sizeof in, WS_INPUT_MARKDOWN, "nul.md", src, pad + sizeof tail - 1, NULL};
    ws_report *r = NULL;
    assert_int_equal(ws_analyze(test_ctx(), &in, &r, NULL), WS_OK);
    assert_int_equal(ws_doc_check(&r->doc, true), 0);
    size_t len;
    const char *text = ws_report_text(r, &len);
    assert_string_equal(text + pad, "a\xEF\xBF\xBD" "b \"c\" d");
    const ws_quotation *q = quotation(r, 0);
    assert_int_equal(q->span.start, pad + 6);
    assert_int_equal(q->span.col, 7);
    ws_report_free(r);
    free(src);
}

/* ------------------------------------------------------------------------ */
/* Hostile input                                                            */
/* ------------------------------------------------------------------------ */

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Valgrind runs 20-50 times slower: keep sizes, skip the clock. */
static bool is_under_valgrind(void)
{
    const char *preload = getenv("LD_PRELOAD");
    return preload && (strstr(preload, "vgpreload") || strstr(preload, "valgrind"));
}

/* @unit repeated @n times, between @head and @tail. */
static char *repeat(const char *head, const char *unit, size_t n, const char *tail)
{
    size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
    char *s = malloc(hl + ul * n + tl + 1);
    assert_non_null(s);
    memcpy(s, head, hl);
    for (size_t i = 0; i < n; i++)
        memcpy(s + hl + i * ul, unit, ul);
    memcpy(s + hl + ul * n, tail, tl + 1);
    return s;
}

/* Read @src: it must pass the model check (test_analyze) and finish quickly. */
static ws_report *read_timed(const char *what, const char *src)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    ws_report *r = read_md(src);
    double s = seconds_since(&t0);
    /* Linear inputs of this size take well under 0.2 s; quadratic ones minutes. */
    if (!is_under_valgrind() && s > 5.0)
        fail_msg("%s took %.2f s", what, s);
    return r;
}

static char *copy_of(const char *s)
{
    char *c = malloc(strlen(s) + 1);
    assert_non_null(c);
    return strcpy(c, s);
}

/*
 * Read @src (freed here); its text must be @expected (freed here), or @src
 * itself when @expected is NULL: hostile input is mostly literal text.
 */
static void check_hostile(const char *what, char *src, char *expected)
{
    ws_report *r = read_timed(what, src);
    size_t len;
    const char *text = ws_report_text(r, &len);
    const char *want = expected ? expected : src;
    if (strcmp(text, want) != 0)
        fail_msg("%s: unexpected text (%zu bytes, %zu expected): [%.60s...]", what, len,
                 strlen(want), text);
    ws_report_free(r);
    free(src);
    free(expected);
}

static void test_hostile_brackets(void **state)
{
    (void)state;
    enum { N = 100000 };
    check_hostile("[ x 100000", repeat("x", "[", N, ""), NULL);
    check_hostile("] x 100000", repeat("", "]", N, ""), NULL);
    char *opens = repeat("", "[", N / 2, "a");
    check_hostile("[[[a]]]", repeat(opens, "]", N / 2, ""), NULL);
    free(opens);
    check_hostile("[a]( x 25000", repeat("", "[a](", N / 4, ""), NULL);
    check_hostile("[a](b \" x 14000", repeat("", "[a](b \"", N / 7, ""), NULL);
    check_hostile("[a](< x 20000", repeat("", "[a](<", N / 5, ""), NULL);
    check_hostile("[a](b ( x 14000", repeat("", "[a](b (", N / 7, ""), NULL);
    check_hostile("![ then a link", repeat("", "![", N / 2, "[a](b)"),
                  repeat("", "![", N / 2, "a"));
    check_hostile("[]( x 30000", repeat("", "[](", N / 3, ""), NULL);
}

static void test_hostile_delimiters(void **state)
{
    (void)state;
    enum { N = 100000 };
    check_hostile("x***x", repeat("x", "*", N, "x"), NULL);
    check_hostile("*a x 50000", repeat("", "*a", N / 2, ""), repeat("", "a", N / 2, ""));
    check_hostile("~~a x 33333", repeat("", "~~a", N / 3, ""), repeat("", "a", N / 3 - 1, "~~a"));
    /* cmark's pathological cases: openers only, closers only, mismatched, rule of 3. */
    check_hostile("*a x 33333", repeat("", "*a ", N / 3, "x"), NULL);
    check_hostile("a* x 33333", repeat("", "a* ", N / 3, "x"), NULL);
    check_hostile("*a_ x 25000", repeat("", "*a_ ", N / 4, "x"), NULL);
    check_hostile("a**b c*", repeat("a**b", "c* ", N / 3, "x"), NULL);
    check_hostile("_a x 50000", repeat("", "_a", N / 2, ""), NULL);
}

static void test_hostile_code_and_html(void **state)
{
    (void)state;
    enum { N = 100000 };
    check_hostile("` x 100000", repeat("x", "`", N, "x"), NULL);
    /* Runs of 1 and 2 ticks pair up in threes, leaving the last "``". */
    check_hostile("` `` ` ``", repeat("", "` `` ", N / 5, ""), copy_of("``"));
    check_hostile("<!-- inline", repeat("x ", "<!--", N / 4, ""), NULL);
    check_hostile("< x 100000", repeat("", "<", N, ""), NULL);
    check_hostile("<a x=\" x 16666", repeat("", "<a x=\"", N / 6, ""), NULL);
    check_hostile("<? inline", repeat("x ", "<?", N / 2, ""), NULL);
    check_hostile("<![CDATA[ inline", repeat("x ", "<![CDATA[", N / 9, ""), NULL);
    check_hostile("<!X inline", repeat("x ", "<!X", N / 3, ""), NULL);
    check_hostile("&#1111", repeat("&#", "1", N, ""), NULL);
    check_hostile("& x 100000", repeat("", "&", N, ""), NULL);
    check_hostile("\\ x 100000", repeat("", "\\", N, ""), repeat("", "\\", N / 2, ""));
    /* As blocks, unclosed HTML runs to the end of the document. */
    check_hostile("<!-- block", repeat("", "<!--", N / 4, ""), copy_of(""));
    check_hostile("<? block", repeat("", "<?", N / 2, ""), copy_of(""));
}

static void test_hostile_blocks(void **state)
{
    (void)state;
    enum { N = 100000 };
    /* Nesting is capped at 64 levels; the '>' beyond are still markers. */
    char *src = repeat("", ">", N, " deep");
    ws_report *r = read_timed("> x 100000", src);
    assert_string_equal(ws_report_text(r, NULL), "deep");
    check_block(r, 0, WS_BLOCK_QUOTE, 64, 1, "deep");
    ws_report_free(r);
    free(src);
    /* 64 nested items, then the markers are text. */
    src = repeat("", "- ", N / 2, "x");
    r = read_timed("- - - x", src);
    assert_string_equal(ws_report_text(r, NULL), src + 2 * 64);
    check_block(r, 0, WS_BLOCK_LIST_ITEM, 64, 0, src + 2 * 64);
    ws_report_free(r);
    free(src);
    src = repeat("", "> > > > > > > > > > > > > > > > > > > > > > > > > text\n", 2000, "");
    r = read_timed("nested quote lines", src);
    assert_int_equal(r->doc.blocks.n, 1);
    check_block(r, 0, WS_BLOCK_QUOTE, 25, 1, r->doc.text);
    ws_report_free(r);
    free(src);
    check_hostile("many lines", repeat("", "a\n", N, "b"), NULL);
    check_hostile("many fences", repeat("", "```\n", N / 4, ""), copy_of(""));
    check_hostile("many blank quote lines", repeat("", ">\n", N, ""), copy_of(""));
    check_hostile("many definitions", repeat("", "[l]: /u\n", N / 8, "[l]"),
                  copy_of("l"));
    check_hostile("table rows", repeat("|a|b|\n|-|-|\n", "|x|y|\n", N / 6, ""),
                  repeat("a b", "\n\nx y", N / 6, ""));
    /* Each cell is parsed on its own: per-parse state must not cost per cell. */
    check_hostile("backtick cells", repeat("|a|\n|-|\n", "`|", N / 2, ""),
                  repeat("a\n\n`", " `", N / 2 - 1, ""));
}

/* A long single line full of markup (the brief's 10 MB case, smaller under valgrind). */
static void test_hostile_long_line(void **state)
{
    (void)state;
    size_t n = is_under_valgrind() ? 2000 : 200000;
    char *src = repeat("", "word \"quoted\" *em* [l](u) `c` &amp; ", n, "end");
    ws_report *r = read_timed("long line", src);
    size_t len;
    const char *text = ws_report_text(r, &len);
    const char unit[] = "word \"quoted\" em l & ";
    assert_int_equal(len, n * (sizeof unit - 1) + 3);
    assert_memory_equal(text, unit, sizeof unit - 1);
    assert_int_equal(r->doc.blocks.n, 1);
    assert_int_equal(ws_report_n_quotations(r), n);
    ws_report_free(r);
    free(src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_paragraphs),
        cmocka_unit_test(test_front_matter),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_break_mapping),
        cmocka_unit_test(test_atx_headings),
        cmocka_unit_test(test_setext_headings),
        cmocka_unit_test(test_fenced_code),
        cmocka_unit_test(test_indented_code),
        cmocka_unit_test(test_code_spans),
        cmocka_unit_test(test_emphasis),
        cmocka_unit_test(test_strikethrough),
        cmocka_unit_test(test_inline_links),
        cmocka_unit_test(test_reference_links),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_entities),
        cmocka_unit_test(test_inline_html),
        cmocka_unit_test(test_html_blocks),
        cmocka_unit_test(test_lists),
        cmocka_unit_test(test_thematic_breaks),
        cmocka_unit_test(test_block_quotes),
        cmocka_unit_test(test_tables),
        cmocka_unit_test(test_positions_after_non_ascii),
        cmocka_unit_test(test_positions_markup_inside_quote),
        cmocka_unit_test(test_positions_after_front_matter_and_fence),
        cmocka_unit_test(test_positions_in_block_quote),
        cmocka_unit_test(test_positions_crlf_and_tabs),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_hostile_brackets),
        cmocka_unit_test(test_hostile_delimiters),
        cmocka_unit_test(test_hostile_code_and_html),
        cmocka_unit_test(test_hostile_blocks),
        cmocka_unit_test(test_hostile_long_line),
    };
    int rc = cmocka_run_group_tests_name("read_markdown", tests, NULL, NULL);
    test_ctx_free();
    return rc;
}
