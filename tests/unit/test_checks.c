/*
 * test_checks.c - the editorial checks of the default pack, each on a text
 * written for the test: what is flagged (rule, exact text, suggestion) and
 * the traps that must not be (a hedge inside a quotation, a title in quotes,
 * a quotation continued from a named speaker, "alleged" with the alleger
 * named), then the suppression directives in every input format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

/* "Rule@text" for every finding of @r, joined by "; " (ordered by position). */
static const char *findings_of(const ws_report *r)
{
    static char out[4096];
    out[0] = '\0';
    for (size_t i = 0; i < ws_report_n_findings(r); i++) {
        const ws_finding *f = ws_report_finding(r, i);
        const char *id = strncmp(f->rule, "News.", 5) ? f->rule : f->rule + 5;
        char one[512];
        snprintf(one, sizeof one, "%s%s@%s", i ? "; " : "", id, test_span_text(r, &f->span));
        strncat(out, one, sizeof out - strlen(out) - 1);
    }
    return out;
}

/* Analyze @text as @fmt and compare its findings with @want. */
static void check_fmt(ws_input_format fmt, const char *text, const char *want)
{
    ws_report *r = test_analyze(text, fmt);
    const char *got = findings_of(r);
    if (strcmp(got, want))
        fail_msg("text: %s\n  want: %s\n  got:  %s", text, want, got);
    ws_report_free(r);
}

static void check(const char *text, const char *want)
{
    check_fmt(WS_INPUT_TEXT, text, want);
}

/* The finding of rule @id in @text (fails when there is not exactly one). */
static const ws_finding *only(ws_report *r, const char *id)
{
    const ws_finding *hit = NULL;
    for (size_t i = 0; i < ws_report_n_findings(r); i++) {
        const ws_finding *f = ws_report_finding(r, i);
        if (!strcmp(f->rule, id)) {
            if (hit)
                fail_msg("two findings of %s", id);
            hit = f;
        }
    }
    if (!hit)
        fail_msg("no finding of %s", id);
    return hit;
}

static void test_unattributed(void **state)
{
    (void)state;
    check("Residents gathered at dawn. \"We will not leave our homes again.\"",
          "Unattributed@\"We will not leave our homes again.\"");
    check("The budget was \"a betrayal of every promise,\" and it passed.",
          "Unattributed@\"a betrayal of every promise,\"");
    /* Attributed before, after, or by a speaker named just before. */
    check("\"We will not leave our homes again,\" the mayor said.", "");
    check("The mayor said: \"We will stay.\" \"Never,\" she added. \"Not until the job is done.\"",
          "");
    /* Scare quotes and titles are not quotations of anyone. */
    check("The mayor called the plan \"reckless\".", "");
    check("The film \"Gone With the Wind\" opens tonight.", "");
    check("He read \"The Old Man and the Sea\" twice.", "");
}

static void test_unattributed_woven(void **state)
{
    (void)state;
    /* Words woven into a sentence that names someone before them are theirs. */
    check("Okafor believes the choir could be \"to this hall what the old organ was to the chapel\".",
          "");
    /* Part of a statement's content: the statement has the speaker. */
    check("Ines Varga, commercial director at Homefind, said landlords would have to be "
          "\"more modest about the rents they ask\" to keep tenants.",
          "");
    /* Nobody before them: the writer's sentence quotes no one. */
    check("There are \"no real gaps in queue length and repair speed\" between depots.",
          "Unattributed@\"no real gaps in queue length and repair speed\"");
    /* Short woven quotations are terms or scare quotes. */
    check("There are \"no real gaps\" between depots.", "");
    /* Several in one article, each asked on its own: nobody before it; a
     * mention before it; a statement's content; a capitalized word. */
    check("There are \"no real gaps in queue length and repair speed\" between depots. The council under "
          "Tom Hale is \"a long way from the best we can do\" for riders. Ana Ruiz said the depots were "
          "\"far too slow for the city\" and would change. Riders find it \"slow and very costly for "
          "everyone\" today.",
          "Unattributed@\"no real gaps in queue length and repair speed\"; NameRole@Ana Ruiz");
}

static void test_unattributed_headline(void **state)
{
    (void)state;
    const char *story = "Mill sale 'could cut 900 posts'\n\n"
                        "The union said the sale \"could cut 900 posts\" at the works.\n";
    check(story, "");
    check_fmt(WS_INPUT_MARKDOWN, "# Minister: \"We will not resign over this\"\n\nText.\n", "");
    /* A first line that is a sentence is not a headline. */
    check("\"We will not resign over this.\"\n\nThe minister left.\n",
          "Unattributed@\"We will not resign over this.\"");
}

static void test_unattributed_continues_over_paragraphs(void **state)
{
    (void)state;
    /* The newspaper convention: a speaker's quote runs on in the next paragraph. */
    check("\"We came here with nothing,\" said Amal Haddad, a teacher.\n\n"
          "\"Now we have a school and forty pupils.\"",
          "");
    /* But not across a paragraph of narration about something else. */
    check("\"We came here with nothing,\" said Amal Haddad, a teacher.\n\n"
          "The town was founded in 1820 by farmers from the coast.\n\n"
          "\"Now we have a school and forty pupils.\"",
          "Unattributed@\"Now we have a school and forty pupils.\"");
}

static void test_loaded_cues(void **state)
{
    (void)state;
    ws_report *r = test_analyze("The minister claimed that the figures were wrong.", WS_INPUT_TEXT);
    const ws_finding *f = only(r, "News.LoadedCues");
    assert_string_equal(test_span_text(r, &f->span), "claimed");
    assert_string_equal(f->suggestion, "said");
    assert_int_equal(f->level, WS_LEVEL_WARNING);
    ws_report_free(r);

    /* The suggestion takes the form of the cue. */
    r = test_analyze("The rebels attacked, claiming that they had no choice.", WS_INPUT_TEXT);
    assert_string_equal(only(r, "News.LoadedCues")->suggestion, "saying");
    ws_report_free(r);
    r = test_analyze("The company admits it missed the deadline.", WS_INPUT_TEXT);
    f = only(r, "News.LoadedCues");
    assert_string_equal(test_span_text(r, &f->span), "admits");
    assert_string_equal(f->suggestion, "says");
    ws_report_free(r);

    /* The statement's cue holds the verb group; the finding and its
     * replacement stay on the reporting word. */
    r = test_analyze("The minister has repeatedly claimed that the figures were wrong.", WS_INPUT_TEXT);
    f = only(r, "News.LoadedCues");
    assert_string_equal(test_span_text(r, &f->span), "claimed");
    assert_string_equal(f->suggestion, "said");
    assert_string_equal(test_span_text(r, ws_report_statement(r, 0)->cue), "has repeatedly claimed");
    ws_report_free(r);

    /* A noun cue gets a noun: "claims" -> "statements", not "says". */
    r = test_analyze("Critics seized on the minister's claims that the figures were wrong.", WS_INPUT_TEXT);
    f = only(r, "News.LoadedCues");
    assert_string_equal(test_span_text(r, &f->span), "claims");
    assert_string_equal(f->suggestion, "statements");
    ws_report_free(r);

    check("The minister said that the figures were wrong.", "");
    /* A denial of a reported accusation is not loaded. */
    check("The government denied the allegations on Monday.", "");
    /* The accusation may be any word of the article (the words are passed
     * over on their first letter, a charge's "c" and an allegation's "a"
     * among them); without one, the denial is loaded. */
    check("Kestrel Bank made serious allegations against Mayor Tom Hale. Hale denied it on Monday.", "");
    check("Riverton filed charges against Mayor Tom Hale. Hale denied it on Monday.", "");
    check("Kestrel Bank met Mayor Tom Hale in Riverton. Hale denied it on Monday.", "LoadedCues@denied");
    /* Inside a quotation the verb is the speaker's. */
    check("\"I claimed nothing,\" the minister said.", "");
}

/* Cues of several classes in one article (the check reads its list of
 * classes once per class), and an accusation found by a cue's lemma. */
static void test_loaded_cues_of_every_class(void **state)
{
    (void)state;
    check("The minister said the plan works. The mayor claimed the figures were wrong. The chief admitted "
          "the error. The minister said the talks would go on. The mayor insisted that it was fine.",
          "LoadedCues@claimed; LoadedCues@admitted; LoadedCues@insisted");
    check("Tom Hale accused the mayor of fraud. The mayor denied that he took the money. Sam Ortiz claimed "
          "it was a plot.",
          "NameRole@Tom Hale; NameRole@Sam Ortiz; LoadedCues@claimed");
}

static void test_said_synonyms(void **state)
{
    (void)state;
    check("\"We will build it,\" the mayor stated.", "SaidSynonyms@stated");
    /* Only the reporting verb: "the United States" is not "states". */
    check("The United States said the talks would resume.", "");
}

static void test_hedges(void **state)
{
    (void)state;
    check("The army reportedly withdrew from the town.", "Hedges@reportedly");
    /* The same word inside a quotation is the speaker's doubt, not the writer's. */
    check("\"The army reportedly withdrew,\" the mayor said.", "");
}

static void test_allegation(void **state)
{
    (void)state;
    check("The alleged chemical attack took place in 2013.", "Allegation@alleged");
    check("The man allegedly stole the car.", "Allegation@allegedly");
    /* The article names who alleges. */
    check("Prosecutors alleged that the man stole the car. The alleged theft happened at night.",
          "");
    check("Police accused the man of theft. The alleged theft happened at night.", "");
    /* Inside a quotation; and the listed exception. */
    check("\"The alleged attack never happened,\" the minister said.", "");
    check("The alleged victim spoke to the court on Monday.", "");
}

static void test_anonymous_sources(void **state)
{
    (void)state;
    check("Officials said the talks had stalled.", "AnonymousSource@Officials");
    check("A source familiar with the talks said they would resume.",
          "AnonymousSource@A source");
    /* The reason may stand in the same sentence or the next. */
    check("Officials said the talks had stalled. They spoke on condition of anonymity.", "");
    check("A source, who asked not to be named, said the talks would resume.", "");
    check("The minister said the talks had stalled.", "");
}

static void test_plural_sources(void **state)
{
    (void)state;
    check("Sources said the deal was close. The source added that talks would resume.",
          "AnonymousSource@Sources; PluralSources@Sources; AnonymousSource@source");
    /* Words of the sources' first letter ("Senior", "So") and shorter
     * than either are no source. */
    check("Senior sources said the deal was close. So the source added that talks would resume.",
          "AnonymousSource@sources; PluralSources@sources; AnonymousSource@source");
    /* Counted sources are several by the article's own word. */
    check("Two sources said the deal was close. One source added that talks would resume.",
          "AnonymousSource@sources; AnonymousSource@source");
}

static void test_naming(void **state)
{
    (void)state;
    check("Okafor said the clinic would stay open. Health Minister Jane Okafor visited it on "
          "Monday.",
          "NameBeforeFullName@Okafor");
    check("Health Minister Jane Okafor visited the clinic on Monday. Okafor said it would stay "
          "open.",
          "");
    check("Foreign Minister Sergey Lavrov arrived on Monday. Later, Prime Minister Sergey Lavrov "
          "spoke.",
          "NameTitles@Prime Minister Sergey Lavrov");
    check("Foreign Minister Sergey Lavrov said the talks would resume. Minister Sergey Lavarov "
          "said nothing more.",
          "NameSpelling@Lavarov");
    check("Jane Okafor said the clinic would stay open.", "NameRole@Jane Okafor");
    check("Jane Okafor, a nurse at the clinic, said it would stay open.", "");
}

/*
 * The naming checks among 1,500 people, each with a title and a surname at
 * least three letters from every other: exactly the four slips of
 * test_naming, written in the middle. (The checks look at each person's
 * mentions, grouped once, not at all mentions per person.)
 */
static void test_naming_among_many(void **state)
{
    (void)state;
    enum { N = 1500 };
    size_t cap = N * 64 + 512, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (int i = 0; i < N; i++) {
        if (i == N / 2)
            len += (size_t)snprintf(text + len, cap - len,
                                    "Okafor said the clinic would stay open. Health Minister Jane Okafor "
                                    "visited it on Monday. Foreign Minister Sergey Lavrov arrived on "
                                    "Monday. Later, Prime Minister Sergey Lavrov spoke. Minister Sergey "
                                    "Lavarov said nothing more. Jane Haddad said the clinic would stay "
                                    "open. ");
        /* K, then the three base-26 digits of i, each written three times. */
        char surname[16] = "K";
        for (int d = 0, v = i; d < 3; d++, v /= 26)
            memset(surname + 1 + 3 * d, 'a' + v % 26, 3);
        len += (size_t)snprintf(text + len, cap - len,
                                "Health Minister Jane %s visited the clinic on Monday. ", surname);
    }
    check(text, "NameBeforeFullName@Okafor; NameTitles@Prime Minister Sergey Lavrov; "
                "NameSpelling@Lavarov; NameRole@Jane Haddad");
    free(text);
}

static void test_unbalanced(void **state)
{
    (void)state;
    ws_report *r = test_analyze("The mayor said \"we will stay.\n\nThe council met on Monday.",
                                WS_INPUT_TEXT);
    const ws_finding *f = only(r, "News.Unbalanced");
    assert_int_equal(f->level, WS_LEVEL_ERROR);
    assert_int_equal(f->span.line, 1);
    assert_int_equal(f->span.col, 16);
    ws_report_free(r);
}

/* The seed article: exactly the two words an editor must look at. */
static void test_seed_findings(void **state)
{
    (void)state;
    ws_report *r = test_analyze(test_fixture("articles/idlib.txt"), WS_INPUT_TEXT);
    assert_string_equal(findings_of(r), "LoadedCues@claiming; Allegation@alleged");
    ws_report_free(r);
}

static void test_directives(void **state)
{
    (void)state;
    const char *body = "The army reportedly withdrew.\n\nThe alleged attack took place.\n";
    char text[512];

    snprintf(text, sizeof text, "<!-- whosaid off -->\n%s<!-- whosaid on -->\n\nIt reportedly "
                                "rained.\n", body);
    check(text, "Hedges@reportedly");

    snprintf(text, sizeof text, "<!-- whosaid disable News.Hedges -->\n%s", body);
    check(text, "Allegation@alleged");

    snprintf(text, sizeof text, "<!-- whosaid disable News.Hedges News.Allegation -->\n%s", body);
    check(text, "");

    snprintf(text, sizeof text, "<!-- whosaid disable-next-line -->\n%s", body);
    check(text, "Allegation@alleged");

    /* "enable" ends a "disable". */
    check("<!-- whosaid disable News.Hedges -->\nIt reportedly rained.\n\n"
          "<!-- whosaid enable News.Hedges -->\nIt reportedly snowed.\n",
          "Hedges@reportedly");
}

static void test_directives_by_format(void **state)
{
    (void)state;
    check_fmt(WS_INPUT_MARKDOWN,
              "The army reportedly withdrew. <!-- whosaid disable-line -->\n\n"
              "It reportedly rained.\n",
              "Hedges@reportedly");
    check_fmt(WS_INPUT_HTML,
              "<p>The army reportedly withdrew.</p>\n<!-- whosaid disable-next-line -->\n"
              "<p>The alleged attack took place.</p>\n<p>It reportedly rained.</p>\n",
              "Hedges@reportedly; Hedges@reportedly");
    /* In plain text only a whole line is a directive; other comments are text. */
    check("It reportedly rained. <!-- whosaid off -->\n", "Hedges@reportedly");
}

static void test_directive_unknown_rule(void **state)
{
    (void)state;
    const char *text = "Intro.\n\n<!-- whosaid disable News.NoSuchRule -->\nIt rained.\n";
    ws_report *r = test_analyze(text, WS_INPUT_TEXT);
    const ws_finding *f = only(r, "News.Directive");
    /* The finding points at the comment in the input. */
    assert_int_equal(f->span.line, 3);
    assert_int_equal(f->span.col, 1);
    assert_int_equal(f->span.start, test_offset(text, "<!--", 0));
    assert_non_null(strstr(f->message, "News.NoSuchRule"));
    ws_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unattributed),
        cmocka_unit_test(test_unattributed_woven),
        cmocka_unit_test(test_unattributed_headline),
        cmocka_unit_test(test_unattributed_continues_over_paragraphs),
        cmocka_unit_test(test_loaded_cues),
        cmocka_unit_test(test_loaded_cues_of_every_class),
        cmocka_unit_test(test_said_synonyms),
        cmocka_unit_test(test_hedges),
        cmocka_unit_test(test_allegation),
        cmocka_unit_test(test_anonymous_sources),
        cmocka_unit_test(test_plural_sources),
        cmocka_unit_test(test_naming),
        cmocka_unit_test(test_naming_among_many),
        cmocka_unit_test(test_unbalanced),
        cmocka_unit_test(test_seed_findings),
        cmocka_unit_test(test_directives),
        cmocka_unit_test(test_directives_by_format),
        cmocka_unit_test(test_directive_unknown_rule),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    test_ctx_free();
    return rc;
}
