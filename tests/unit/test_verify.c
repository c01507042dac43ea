/*
 * test_verify.c - quote verification against sources written for the
 * tests (fixtures/sources/): the seed article against the State
 * Department's statement, each kind of edit, transcript speakers and a
 * press release's issuer, the marks an editor uses, loading sources, the
 * rules' own examples, and the parts (labels, front matter, words).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "ruleset/context.h"
#include "text/utf8.h"
#include "verify/source_index.h"
#include "verify/speakers.h"
#include "verify/verify.h"
#include "verify/words.h"
#include "ws_config.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */
/* ------------------------------------------------------------------------ */

/* Tests run from the source root: source paths in messages are as written here. */
static int to_source_root(void **state)
{
    (void)state;
    return chdir(WS_SOURCE_RULES_DIR "/..");
}

/* A context with the default rules and the sources @paths (NULL-terminated). */
static ws_ctx *ctx_with(const char *const *paths)
{
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(ws_ctx_new(NULL, &ctx), WS_OK);
    if (ws_ctx_load_rules(ctx, WS_SOURCE_RULES_DIR, &d) < 0)
        fail_msg("loading rules: %s:%u:%u: %s", d.file, d.line, d.col, d.message);
    for (size_t i = 0; paths && paths[i]; i++)
        if (ws_ctx_add_sources(ctx, paths[i], &d) < 0)
            fail_msg("source %s: %s", d.file, d.message);
    return ctx;
}

static ws_ctx *ctx_with_text(const char *source)
{
    ws_ctx *ctx = ctx_with(NULL);
    ws_diag d;
    assert_int_equal(ws_ctx_add_source_text(ctx, "source.txt", WS_INPUT_AUTO, source, strlen(source), &d),
                     WS_OK);
    return ctx;
}

static ws_report *analyze(const ws_ctx *ctx, const char *text)
{
    ws_input in = {sizeof in, WS_INPUT_TEXT, "article.txt", text, strlen(text), NULL};
    ws_report *r = NULL;
    ws_diag d;
    if (ws_analyze(ctx, &in, &r, &d) < 0)
        fail_msg("ws_analyze: %s", d.message);
    return r;
}

static char *read_file(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        fail_msg("cannot open %s", path);
    static char buf[16384];
    size_t n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    return buf;
}

static ws_report *analyze_file(const ws_ctx *ctx, const char *path)
{
    return analyze(ctx, read_file(path));
}

/*
 * The word diff in one line: "=[equal]" "+[added]" "-[dropped]"
 * "~[quote|source]", an ellipsis mark as "...", brackets as "[]".
 */
static const char *diff_of(const ws_verification *v)
{
    static char out[4096];
    out[0] = '\0';
    for (size_t i = 0; i < v->n_ops; i++) {
        const ws_diff_op *op = &v->ops[i];
        char one[1024];
        const char *mark = op->mark == WS_MARK_ELLIPSIS ? "..." : op->mark == WS_MARK_BRACKETS ? "[]" : "";
        switch (op->kind) {
        case WS_DIFF_EQUAL: snprintf(one, sizeof one, "=[%s]", op->quote_text); break;
        case WS_DIFF_ADDED: snprintf(one, sizeof one, "+%s[%s]", mark, op->quote_text); break;
        case WS_DIFF_DROPPED: snprintf(one, sizeof one, "-%s[%s]", mark, op->source_text); break;
        case WS_DIFF_CHANGED:
            snprintf(one, sizeof one, "~%s[%s|%s]", mark, op->quote_text, op->source_text);
            break;
        }
        if (i)
            strncat(out, " ", sizeof out - strlen(out) - 1);
        strncat(out, one, sizeof out - strlen(out) - 1);
    }
    return out;
}

/* "status matched/words similarity% path:line:col speaker|voice" of a verification. */
static const char *verdict_of(const ws_verification *v)
{
    static char out[1024];
    if (v->status == WS_VERIFY_MISSING) {
        snprintf(out, sizeof out, "missing 0/%u", v->n_words);
        return out;
    }
    snprintf(out, sizeof out, "%s %u/%u %u%% %s:%u:%u %s|%s%s", ws_verify_status_name(v->status),
             v->n_matched, v->n_words, v->similarity, v->source_path, v->source_span.line,
             v->source_span.col, v->speaker ? v->speaker : "-",
             v->source_speaker ? v->source_speaker : "-", v->is_wrong_speaker ? " WRONG" : "");
    return out;
}

/* The verification of quotation @q, failing when there is none. */
static const ws_verification *verification_of(const ws_report *r, size_t q)
{
    for (size_t i = 0; i < ws_report_n_verifications(r); i++)
        if (ws_report_verification(r, i)->quotation == q)
            return ws_report_verification(r, i);
    fail_msg("quotation %zu was not checked", q);
    return NULL;
}

/* The findings of the verification rules, one per line: "line:col level rule: message". */
static const char *findings_of(const ws_report *r)
{
    static char out[8192];
    out[0] = '\0';
    for (size_t i = 0; i < ws_report_n_findings(r); i++) {
        const ws_finding *f = ws_report_finding(r, i);
        if (strncmp(f->rule, "News.Quote", 10) != 0)
            continue;
        char line[1024];
        snprintf(line, sizeof line, "%u:%u %s %s: %s\n", f->span.line, f->span.col,
                 ws_level_name(f->level), f->rule, f->message);
        strncat(out, line, sizeof out - strlen(out) - 1);
    }
    return out;
}

/* ------------------------------------------------------------------------ */
/* The seed article                                                         */
/* ------------------------------------------------------------------------ */

/*
 * The State Department's statement (as imagined for the test) has "for any
 * use of chemical weapons" where the article quotes "for its use".
 */
static void seed_article_against_the_statement(void **state)
{
    (void)state;
    const char *sources[] = {"fixtures/sources/state-department-statement.txt", NULL};
    ws_ctx *ctx = ctx_with(sources);
    ws_report *r = analyze_file(ctx, "fixtures/articles/idlib.txt");
    /* "serious concerns" has two words: a term, not checked. */
    assert_int_equal(ws_report_n_verifications(r), 3);
    const ws_verification *v = verification_of(r, 1);
    assert_int_equal(v->status, WS_VERIFY_NEAR);
    assert_string_equal(verdict_of(v), "near 11/12 91% fixtures/sources/state-department-statement.txt:11:158 "
                                       "Heather Nauert|-");
    assert_string_equal(v->passage, "to hold the Syrian regime accountable for any use of chemical weapons");
    assert_string_equal(diff_of(v), "=[to hold the Syrian regime accountable for] ~[its|any] "
                                    "=[use of chemical weapons]");
    /* The changed word, located in the article and in the source. */
    const ws_diff_op *changed = &v->ops[1];
    assert_string_equal(test_span_source(r, &changed->quote_span), "its");
    assert_int_equal(changed->quote_span.line, 2);
    assert_int_equal(changed->source_span.line, 11);
    assert_int_equal(changed->source_span.col, 200);
    assert_int_equal(changed->source_span.end - changed->source_span.start, 3);
    assert_string_equal(verdict_of(verification_of(r, 2)), "missing 0/13");
    assert_string_equal(verdict_of(verification_of(r, 3)), "missing 0/30");
    assert_string_equal(findings_of(r),
                        "2:208 warning News.QuoteNear: quotation differs from the source at "
                        "fixtures/sources/state-department-statement.txt:11:158: 'its' instead of 'any'\n"
                        "3:236 warning News.QuoteMissing: quotation not found in the sources: check the "
                        "words against what was said\n"
                        "4:88 warning News.QuoteMissing: quotation not found in the sources: check the "
                        "words against what was said\n");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* With the three governments' joint statement too, their quotation is verbatim. */
static void seed_article_against_two_sources(void **state)
{
    (void)state;
    const char *sources[] = {"fixtures/sources/state-department-statement.txt", "fixtures/sources/idlib",
                             NULL};
    ws_ctx *ctx = ctx_with(sources);
    assert_int_equal(ws_ctx_n_sources(ctx), 2);
    assert_string_equal(ws_ctx_source_path(ctx, 1), "fixtures/sources/idlib/joint-statement.md");
    ws_report *r = analyze_file(ctx, "fixtures/articles/idlib.txt");
    assert_int_equal(ws_report_n_verifications(r), 3);
    assert_int_equal(verification_of(r, 1)->status, WS_VERIFY_NEAR);
    const ws_verification *v = verification_of(r, 2);
    /* The issuer names the governments: a group's member agrees, no error. */
    assert_string_equal(verdict_of(v), "verbatim 13/13 100% fixtures/sources/idlib/joint-statement.md:16:15 "
                                       "United States, France and Britain|Governments of the United "
                                       "States, the United Kingdom and France");
    /* Markdown's soft line break is white space like any other. */
    assert_string_equal(v->passage, "we remain resolved to act if the Assad regime uses chemical weapons again");
    assert_string_equal(diff_of(v), "=[we remain resolved to act if the Assad regime uses chemical weapons again]");
    assert_int_equal(verification_of(r, 3)->status, WS_VERIFY_MISSING);
    assert_string_equal(findings_of(r),
                        "2:208 warning News.QuoteNear: quotation differs from the source at "
                        "fixtures/sources/state-department-statement.txt:11:158: 'its' instead of 'any'\n"
                        "4:88 warning News.QuoteMissing: quotation not found in the sources: check the "
                        "words against what was said\n");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* ------------------------------------------------------------------------ */
/* Edits                                                                    */
/* ------------------------------------------------------------------------ */

/* A speech given as HTML, quoted with each kind of edit (fixtures/articles/verify-edits.txt). */
static void edits_against_a_speech(void **state)
{
    (void)state;
    const char *sources[] = {"fixtures/sources/speech.html", NULL};
    ws_ctx *ctx = ctx_with(sources);
    ws_report *r = analyze_file(ctx, "fixtures/articles/verify-edits.txt");
    assert_int_equal(ws_report_n_verifications(r), 8);
    /* As spoken. */
    assert_string_equal(verdict_of(verification_of(r, 0)),
                        "verbatim 12/12 100% fixtures/sources/speech.html:8:54 A senior US official|-");
    assert_string_equal(verdict_of(verification_of(r, 1)),
                        "verbatim 7/7 100% fixtures/sources/speech.html:9:60 A senior US official|-");
    /* A word dropped. */
    assert_string_equal(verdict_of(verification_of(r, 2)),
                        "near 10/10 95% fixtures/sources/speech.html:7:27 A senior US official|-");
    assert_string_equal(diff_of(verification_of(r, 2)),
                        "=[has used chemical weapons against its] -[own] =[people, again and again]");
    /* A word changed. */
    assert_string_equal(diff_of(verification_of(r, 3)),
                        "=[will respond quickly and appropriately to any] ~[confirmed|verified] "
                        "=[use of chemical weapons]");
    assert_int_equal(verification_of(r, 3)->similarity, 91);
    /* Words reordered: one stretch left out where it was, added where it is. */
    assert_string_equal(diff_of(verification_of(r, 4)),
                        "=[will respond] -[quickly and] =[appropriately] +[and quickly] "
                        "=[to any verified use of chemical weapons]");
    assert_int_equal(verification_of(r, 4)->status, WS_VERIFY_NEAR);
    /* Words left out, marked by an ellipsis: verbatim. */
    assert_string_equal(verdict_of(verification_of(r, 5)),
                        "verbatim 11/11 100% fixtures/sources/speech.html:7:4 A senior US official|-");
    assert_string_equal(diff_of(verification_of(r, 5)),
                        "=[The regime in Damascus has used chemical weapons] -...[against its own people] "
                        "=[again and again]");
    /* A bracketed insertion: verbatim. */
    assert_string_equal(verdict_of(verification_of(r, 6)),
                        "verbatim 8/8 100% fixtures/sources/speech.html:9:55 A senior US official|-");
    assert_string_equal(diff_of(verification_of(r, 6)),
                        "=[They] +[][[Russia and Iran]] =[have the influence to stop this offensive]");
    /* Never said. */
    assert_string_equal(verdict_of(verification_of(r, 7)), "missing 0/11");
    assert_string_equal(findings_of(r),
                        "5:20 warning News.QuoteNear: quotation differs from the source at "
                        "fixtures/sources/speech.html:7:27: 'own' left out\n"
                        "7:26 warning News.QuoteNear: quotation differs from the source at "
                        "fixtures/sources/speech.html:8:54: 'confirmed' instead of 'verified'\n"
                        "9:27 warning News.QuoteNear: quotation differs from the source at "
                        "fixtures/sources/speech.html:8:54: 'and quickly' moved\n"
                        "15:1 warning News.QuoteMissing: quotation not found in the sources: check the "
                        "words against what was said\n");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

static const char *const edit_source =
    "PRESIDENT: We don't accept a well-known double standard \xE2\x80\x94 not now, not ever. We will "
    "defend our people, and we will defend our allies, wherever they are.\n\n"
    "We have been patient. We have been more than patient. Our patience is not unlimited, and the "
    "regime should understand that clearly.\n";

/* The verdict and diff of the only quotation of @article against edit_source. */
static void check_edit(const char *article, const char *verdict, const char *diff)
{
    ws_ctx *ctx = ctx_with_text(edit_source);
    ws_report *r = analyze(ctx, article);
    assert_int_equal(ws_report_n_verifications(r), 1);
    const ws_verification *v = ws_report_verification(r, 0);
    char got[1024];
    snprintf(got, sizeof got, "%s %u/%u %u%%", ws_verify_status_name(v->status), v->n_matched,
             v->n_words, v->similarity);
    assert_string_equal(got, verdict);
    assert_string_equal(diff_of(v), diff);
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* Typographic quotes, dashes, hyphens and white space are not differences. */
static void typography_is_not_an_edit(void **state)
{
    (void)state;
    check_edit("He said: \"We don\xE2\x80\x99t accept a well known double standard - not now,\n"
               "not ever.\"\n",
               "verbatim 12/12 100%",
               "=[We don\xE2\x80\x99t accept a well known double standard - not now, not ever]");
}

/* Every way to mark an elision: "[...]", ". . .", "…". */
static void elision_marks(void **state)
{
    (void)state;
    const char *diff = "=[will defend our people] -...[and we will defend our allies] =[wherever they are]";
    check_edit("He said the US \"will defend our people [...] wherever they are.\"\n",
               "verbatim 7/7 100%", diff);
    check_edit("He said the US \"will defend our people [\xE2\x80\xA6] wherever they are.\"\n",
               "verbatim 7/7 100%", diff);
    check_edit("He said the US \"will defend our people . . . wherever they are.\"\n",
               "verbatim 7/7 100%", diff);
    check_edit("He said the US \"will defend our people\xE2\x80\xA6 wherever they are.\"\n",
               "verbatim 7/7 100%", diff);
    /* An ellipsis that leaves out nothing is no difference either. */
    check_edit("He said the US \"will defend our allies... wherever they are.\"\n",
               "verbatim 7/7 100%", "=[will defend our allies... wherever they are]");
    /* Words left out without the mark. */
    check_edit("He said the US \"will defend our people wherever they are.\"\n", "near 7/7 70%",
               "=[will defend our people] -[and we will defend our allies] =[wherever they are]");
}

/* The pieces of an elided quotation must come in the source's order, or it is not verbatim. */
static void elision_out_of_order(void **state)
{
    (void)state;
    check_edit("He said \"we will defend our allies ... we will defend our people.\"\n",
               "near 8/10 88%",
               "=[we will defend our] +[allies] -...[people, and] =[we will defend our] +[people]");
}

/* "[W]e" changes a letter's case, "[sic]" adds nothing; other case changes count. */
static void brackets_and_case(void **state)
{
    (void)state;
    check_edit("\"[W]e have been more than patient,\" he said.\n", "verbatim 6/6 100%",
               "=[[W]e have been more than patient]");
    check_edit("\"Our patience is not unlimited [sic], and the regime should understand that clearly,\" "
               "he said.\n",
               "verbatim 12/12 100%",
               "=[Our patience is not unlimited [sic], and the regime should understand that clearly]");
    check_edit("He said the regime \"should Understand that clearly.\"\n", "near 4/4 100%",
               "=[should] ~[Understand|understand] =[that clearly]");
    /* A bracketed insertion standing for source words. */
    check_edit("\"Our patience is not unlimited, and [Assad] should understand that clearly,\" he said.\n",
               "verbatim 10/10 100%",
               "=[Our patience is not unlimited, and] ~[][[Assad]|the regime] =[should understand that clearly]");
}

/* A quotation running over two paragraphs is one quotation; its diff leaves out the break. */
static void quotation_over_paragraphs(void **state)
{
    (void)state;
    check_edit("\"We have been patient.\n\n\"We have been more than patient,\" he said.\n",
               "verbatim 10/10 100%", "=[We have been patient. We have been more than patient]");
}

/* Terms and scare quotes of one or two words, titles and nested quotations are not checked. */
static void what_is_not_checked(void **state)
{
    (void)state;
    ws_ctx *ctx = ctx_with_text(edit_source);
    ws_report *r = analyze(ctx, "He called it \"patient\" and \"more patient\", then read \"The Art of the "
                                "Deal\" and said \"we have been 'more than patient' here.\"\n");
    /* Only the last, three words and more, is checked; the quotation inside it is not. */
    assert_int_equal(ws_report_n_verifications(r), 1);
    const ws_verification *v = ws_report_verification(r, 0);
    assert_int_equal(v->n_words, 7);
    assert_int_equal(v->status, WS_VERIFY_NEAR);
    ws_report_free(r);
    /* Three words are enough. */
    r = analyze(ctx, "He said he was \"more than patient\" with them.\n");
    assert_int_equal(ws_report_n_verifications(r), 1);
    assert_int_equal(ws_report_verification(r, 0)->status, WS_VERIFY_VERBATIM);
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* ------------------------------------------------------------------------ */
/* Speakers                                                                 */
/* ------------------------------------------------------------------------ */

/* A press availability's transcript and a spokesperson's statement (fixtures/sources/briefing). */
static void transcript_speakers(void **state)
{
    (void)state;
    const char *sources[] = {"fixtures/sources/briefing", NULL};
    ws_ctx *ctx = ctx_with(sources);
    ws_report *r = analyze_file(ctx, "fixtures/articles/verify-briefing.txt");
    assert_int_equal(ws_report_n_verifications(r), 6);
    const char *transcript = "fixtures/sources/briefing/press-availability.txt";
    char want[512];
    snprintf(want, sizeof want, "verbatim 7/7 100%% %s:6:113 Sergey Lavrov|FOREIGN MINISTER LAVROV", transcript);
    assert_string_equal(verdict_of(verification_of(r, 0)), want);
    snprintf(want, sizeof want, "verbatim 12/12 100%% %s:8:104 Mike Pompeo|SECRETARY POMPEO", transcript);
    assert_string_equal(verdict_of(verification_of(r, 1)), want);
    /* Pompeo's words given to Lavrov, Lavrov's to Pompeo, a reporter's question to Pompeo. */
    snprintf(want, sizeof want, "verbatim 14/14 100%% %s:12:44 Sergey Lavrov|SECRETARY POMPEO WRONG", transcript);
    assert_string_equal(verdict_of(verification_of(r, 2)), want);
    snprintf(want, sizeof want, "verbatim 6/6 100%% %s:14:94 Mike Pompeo|FOREIGN MINISTER LAVROV WRONG",
             transcript);
    assert_string_equal(verdict_of(verification_of(r, 3)), want);
    snprintf(want, sizeof want, "verbatim 14/14 100%% %s:10:26 Mike Pompeo|QUESTION WRONG", transcript);
    assert_string_equal(verdict_of(verification_of(r, 4)), want);
    /* The spokesperson speaks for the department that issued the statement. */
    assert_string_equal(verdict_of(verification_of(r, 5)),
                        "verbatim 12/12 100% fixtures/sources/briefing/nauert-statement.md:7:1 Heather "
                        "Nauert|U.S. Department of State, Office of the Spokesperson");
    assert_string_equal(findings_of(r),
                        "5:1 error News.QuoteSpeaker: attributed to Lavrov, source passage is Pompeo's "
                        "(fixtures/sources/briefing/press-availability.txt:12:44)\n"
                        "7:42 error News.QuoteSpeaker: attributed to Pompeo, source passage is Lavrov's "
                        "(fixtures/sources/briefing/press-availability.txt:14:94)\n"
                        "9:1 error News.QuoteSpeaker: attributed to Pompeo, source passage is a question "
                        "(QUESTION:) (fixtures/sources/briefing/press-availability.txt:10:26)\n");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* The same words spoken twice: the passage whose speaker agrees wins. */
static void speaker_breaks_ties(void **state)
{
    (void)state;
    ws_ctx *ctx = ctx_with_text("POMPEO: There is no military solution in Syria.\n"
                                "LAVROV: There is no military solution in Syria.\n");
    ws_report *r = analyze(ctx, "Russian Foreign Minister Sergey Lavrov said that \"there is no military "
                                "solution in Syria.\"\n");
    const ws_verification *v = ws_report_verification(r, 0);
    assert_string_equal(v->source_speaker, "LAVROV");
    assert_false(v->is_wrong_speaker);
    assert_string_equal(findings_of(r), "");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* A press release's issuer against a person of another body, and an unnamed answer. */
static void issuer_and_answers(void **state)
{
    (void)state;
    ws_ctx *ctx = ctx_with(NULL);
    ws_diag d;
    const char *release = "---\nfrom: Ministry of Foreign Affairs of the Russian Federation\n---\n\n"
                          "The so-called chemical attack was staged by the White Helmets.\n";
    assert_int_equal(ws_ctx_add_source_text(ctx, "release.md", WS_INPUT_AUTO, release, strlen(release), &d),
                     WS_OK);
    const char *interview = "Q: What happens next?\nA: We will hold the regime accountable for any use of "
                            "chemical weapons.\n";
    assert_int_equal(ws_ctx_add_source_text(ctx, "interview.txt", WS_INPUT_TEXT, interview,
                                            strlen(interview), &d),
                     WS_OK);
    ws_report *r = analyze(ctx, "US Secretary of State Mike Pompeo said \"the so-called chemical attack was "
                                "staged by the White Helmets.\"\n\n"
                                "Russian Foreign Minister Sergey Lavrov said \"the so-called chemical attack "
                                "was staged by the White Helmets.\"\n\n"
                                "US Secretary of State Mike Pompeo said \"we will hold the regime accountable "
                                "for any use of chemical weapons.\"\n");
    assert_int_equal(ws_report_n_verifications(r), 3);
    assert_true(verification_of(r, 0)->is_wrong_speaker);
    assert_false(verification_of(r, 1)->is_wrong_speaker);
    assert_string_equal(verification_of(r, 2)->source_speaker, "A");
    assert_false(verification_of(r, 2)->is_wrong_speaker);
    assert_string_equal(findings_of(r),
                        "1:40 error News.QuoteSpeaker: attributed to Pompeo, source passage is Ministry of "
                        "Foreign Affairs of the Russian Federation's (release.md:5:1)\n");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* ------------------------------------------------------------------------ */
/* Rules and levels                                                         */
/* ------------------------------------------------------------------------ */

/* Without sources the rules find nothing and nothing is checked. */
static void no_sources_no_findings(void **state)
{
    (void)state;
    ws_ctx *ctx = ctx_with(NULL);
    assert_int_equal(ws_ctx_n_sources(ctx), 0);
    assert_null(ws_ctx_source_path(ctx, 0));
    ws_report *r = analyze_file(ctx, "fixtures/articles/idlib.txt");
    assert_int_equal(ws_report_n_verifications(r), 0);
    assert_null(ws_report_verification(r, 0));
    assert_string_equal(findings_of(r), "");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* Each rule is switched off and re-levelled like any rule; the checks are still recorded. */
static void rules_switch_off(void **state)
{
    (void)state;
    char dir[] = "/tmp/ws-test-verify-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/.whosaid.yml", dir);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("levels:\n  News.QuoteMissing: off\n  News.QuoteNear: error\n", fp);
    fclose(fp);
    ws_config *cfg;
    ws_diag d;
    assert_int_equal(ws_config_load(NULL, path, &cfg, &d), WS_OK);
    const char *sources[] = {"fixtures/sources/state-department-statement.txt", NULL};
    ws_ctx *ctx = ctx_with(sources);
    assert_int_equal(ws_ctx_apply_config(ctx, cfg, &d), WS_OK);
    ws_report *r = analyze_file(ctx, "fixtures/articles/idlib.txt");
    assert_int_equal(ws_report_n_verifications(r), 3);
    assert_string_equal(findings_of(r), "2:208 error News.QuoteNear: quotation differs from the source at "
                                        "fixtures/sources/state-department-statement.txt:11:158: 'its' "
                                        "instead of 'any'\n");
    ws_report_free(r);
    ws_ctx_free(ctx);
    ws_config_free(cfg);
    unlink(path);
    rmdir(dir);
}

/* The rules' examples, checked against each rule's own "source:" as "rules test" runs them. */
static void rule_examples(void **state)
{
    (void)state;
    ws_ctx *ctx = ctx_with(NULL);
    size_t n_checked = 0;
    for (size_t i = 0; i < ws_ctx_n_rules(ctx); i++) {
        ws_rule_info ri;
        assert_int_equal(ws_ctx_rule(ctx, i, &ri), WS_OK);
        if (strncmp(ri.type, "quote-", 6) != 0 || ri.is_replaced)
            continue;
        for (size_t k = 0; k < ri.n_examples; k++) {
            int should_flag;
            const char *text;
            uint32_t line;
            ws_ctx_rule_example(ctx, i, k, &should_flag, &text, &line);
            size_t n = 99;
            ws_diag d;
            assert_int_equal(ws_ctx_test_example(ctx, i, k, &n, &d), WS_OK);
            if (should_flag ? n == 0 : n != 0)
                fail_msg("%s:%u: %s example %s (%zu findings)", ri.path, line,
                         should_flag ? "flag" : "ok", text, n);
            n_checked++;
        }
        /* Out of range. */
        size_t n;
        assert_int_equal(ws_ctx_test_example(ctx, i, ri.n_examples, &n, NULL), WS_EINVAL);
    }
    assert_true(n_checked >= 12);
    /* The examples leave the context without sources. */
    assert_int_equal(ws_ctx_n_sources(ctx), 0);
    ws_ctx_free(ctx);
}

/* A verification rule without "source:" is a rule error with its place. */
static void rule_needs_a_source(void **state)
{
    (void)state;
    char dir[] = "/tmp/ws-test-verify-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char pack[300], path[400];
    snprintf(pack, sizeof pack, "%s/House", dir);
    assert_int_equal(mkdir(pack, 0700), 0);
    snprintf(path, sizeof path, "%s/Missing.yml", pack);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("type: quote-missing\nmessage: m\nexamples:\n  - flag: 'a \"b c d\"'\n  - ok: b\n", fp);
    fclose(fp);
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(ws_ctx_new(NULL, &ctx), WS_OK);
    assert_int_equal(ws_ctx_load_rules(ctx, dir, &d), WS_ERULE);
    assert_non_null(strstr(d.message, "needs 'source'"));
    assert_int_equal(d.line, 1);
    ws_ctx_free(ctx);
    unlink(path);
    rmdir(pack);
    rmdir(dir);
}

/* ------------------------------------------------------------------------ */
/* Loading sources                                                          */
/* ------------------------------------------------------------------------ */

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(data, 1, len, fp), len);
    fclose(fp);
}

/* A folder in name order; a bad file fails the whole call and leaves the sources as they were. */
static void loading_is_all_or_nothing(void **state)
{
    (void)state;
    char dir[] = "/tmp/ws-test-verify-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char a[300], b[300], c[300], skip[300];
    snprintf(a, sizeof a, "%s/b.txt", dir);
    snprintf(b, sizeof b, "%s/a.md", dir);
    snprintf(c, sizeof c, "%s/c.html", dir);
    snprintf(skip, sizeof skip, "%s/notes.doc", dir);
    write_file(a, "We will act.\n", 13);
    write_file(b, "We will act now.\n", 17);
    write_file(c, "<p>bad \xff byte</p>\n", 17);
    write_file(skip, "\x01\x02", 2);
    ws_ctx *ctx = ctx_with_text("POMPEO: one source before.\n");
    ws_diag d;
    assert_int_equal(ws_ctx_add_sources(ctx, dir, &d), WS_EUTF8);
    assert_string_equal(d.file, c);
    assert_int_equal(d.byte_off, 7);
    assert_int_equal(ws_ctx_n_sources(ctx), 1);
    unlink(c);
    assert_int_equal(ws_ctx_add_sources(ctx, dir, &d), WS_OK);
    assert_int_equal(ws_ctx_n_sources(ctx), 3);
    assert_string_equal(ws_ctx_source_path(ctx, 1), b);
    assert_string_equal(ws_ctx_source_path(ctx, 2), a);
    assert_int_equal(ws_ctx_add_sources(ctx, "fixtures/sources/no-such-file.txt", &d), WS_EIO);
    assert_string_equal(d.file, "fixtures/sources/no-such-file.txt");
    write_file(c, "a\0b", 3);
    assert_int_equal(ws_ctx_add_sources(ctx, c, &d), WS_EBINARY);
    assert_int_equal(ws_ctx_n_sources(ctx), 3);
    assert_int_equal(ws_ctx_add_sources(ctx, NULL, &d), WS_EINVAL);
    ws_ctx_free(ctx);
    unlink(a);
    unlink(b);
    unlink(c);
    unlink(skip);
    rmdir(dir);
}

/*
 * Control characters: an article made mostly of them is binary, a source
 * is refused only for a NUL byte (ws_has_early_nul, ws_looks_binary).
 */
static void control_characters(void **state)
{
    (void)state;
    char data[64];
    memset(data, '\x01', 40);
    memcpy(data + 40, "We will act now.", 16);
    ws_ctx *ctx = ctx_with(NULL);
    ws_diag d;
    assert_int_equal(ws_ctx_add_source_text(ctx, "ctrl.txt", WS_INPUT_AUTO, data, 56, &d), WS_OK);
    assert_int_equal(ws_ctx_n_sources(ctx), 1);
    ws_input in = {sizeof in, WS_INPUT_TEXT, "article.txt", data, 56, NULL};
    ws_report *r = NULL;
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_EBINARY);
    assert_null(r);
    data[3] = '\0';
    assert_int_equal(ws_ctx_add_source_text(ctx, "nul.txt", WS_INPUT_AUTO, data, 56, &d), WS_EBINARY);
    assert_int_equal(ws_ctx_n_sources(ctx), 1);
    ws_ctx_free(ctx);
}

/*
 * An article of 2 GiB or more is refused before a byte of it is read: the
 * size alone decides (the data here is a few bytes; the length claims more).
 */
static void article_size_limit(void **state)
{
    (void)state;
    static const char data[] = "Ana Ruiz said the ferry was late.";
    ws_ctx *ctx = ctx_with(NULL);
    ws_diag d;
    ws_report *r = NULL;
    ws_input in = {sizeof in, WS_INPUT_TEXT, "huge.txt", data, (size_t)1 << 31, NULL};
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_ELIMIT);
    assert_null(r);
    assert_string_equal(d.file, "huge.txt");
    assert_string_equal(d.message, "file too large (2 GiB or more)");
    in.len = sizeof data - 1;
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_OK);
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* What ws_looks_binary() decides, a byte at a time. */
static bool binary_by_bytes(const char *s, size_t n)
{
    size_t n_ctrl = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        n_ctrl += c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f';
    }
    return n >= 32 && n_ctrl * 10 > n;
}

/* ws_looks_binary() reads eight bytes at a time: at every alignment and on
 * both sides of the one-in-ten threshold it decides as a byte loop does. */
static void control_threshold(void **state)
{
    (void)state;
    static const char fill[] = {'\x01', '\x1f', '\x02', '\x1e', '\n', ' ', '\t', '\x80'};
    char data[200];
    int n_binary = 0, n_text = 0;
    for (size_t n = 30; n <= 130; n += 7) {
        for (size_t step = 1; step < 40; step += 3) {
            memset(data, 'a', sizeof data);
            size_t n_fill = n * (step % 4 + 1) / 16;
            for (size_t k = 0, at = step % n; k < n_fill; k++, at = (at + step * 5 + 1) % n)
                data[at] = fill[(k + step) % sizeof fill];
            bool want = binary_by_bytes(data, n);
            assert_int_equal(ws_looks_binary(data, n), want);
            n_binary += want;
            n_text += !want;
        }
    }
    /* Both answers came up, or the test shows nothing. */
    assert_true(n_binary > 0 && n_text > 0);
}

/* "sources:" in .whosaid.yml: paths from the configuration's folder. */
static void config_sources(void **state)
{
    (void)state;
    char dir[] = "fixtures/sources/tmp-config-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[300], src[300];
    snprintf(path, sizeof path, "%s/.whosaid.yml", dir);
    snprintf(src, sizeof src, "%s/said.txt", dir);
    write_file(path, "sources: [said.txt, ../state-department-statement.txt]\n", 55);
    write_file(src, "We remain resolved to act.\n", 27);
    ws_config *cfg;
    ws_diag d;
    assert_int_equal(ws_config_load(NULL, path, &cfg, &d), WS_OK);
    ws_ctx *ctx = ctx_with(NULL);
    assert_int_equal(ws_ctx_add_config_sources(ctx, cfg, &d), WS_OK);
    assert_int_equal(ws_ctx_n_sources(ctx), 2);
    /* Shown from the current folder, not as absolute paths. */
    assert_string_equal(ws_ctx_source_path(ctx, 0), src);
    char want[400];
    snprintf(want, sizeof want, "%s/../state-department-statement.txt", dir);
    assert_string_equal(ws_ctx_source_path(ctx, 1), want);
    ws_ctx_free(ctx);
    ws_config_free(cfg);
    unlink(path);
    unlink(src);
    rmdir(dir);
}

typedef struct thread_arg {
    const ws_ctx *ctx;
    const char *article;
    int n_near;
} thread_arg;

static void *analyze_in_thread(void *p)
{
    thread_arg *a = p;
    for (int k = 0; k < 5; k++) {
        ws_input in = {sizeof in, WS_INPUT_TEXT, "article.txt", a->article, strlen(a->article), NULL};
        ws_report *r = NULL;
        if (ws_analyze(a->ctx, &in, &r, NULL) == WS_OK) {
            a->n_near += r->n_verifications == 3 && r->verifications[0].status == WS_VERIFY_NEAR;
            ws_report_free(r);
        }
    }
    return NULL;
}

/* Threads share a context with sources. */
static void threads_share_sources(void **state)
{
    (void)state;
    const char *sources[] = {"fixtures/sources/state-department-statement.txt", NULL};
    ws_ctx *ctx = ctx_with(sources);
    char *article = strdup(read_file("fixtures/articles/idlib.txt"));
    thread_arg args[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        args[i] = (thread_arg){ctx, article, 0};
        assert_int_equal(pthread_create(&t[i], NULL, analyze_in_thread, &args[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(args[i].n_near, 5);
    }
    free(article);
    ws_ctx_free(ctx);
}

/* ------------------------------------------------------------------------ */
/* Out of memory                                                            */
/* ------------------------------------------------------------------------ */

/* An allocator that fails once @budget allocations have been made (when armed). */
typedef struct failing {
    bool is_armed;
    long budget;
} failing;

static bool may_allocate(failing *f)
{
    return !f->is_armed || f->budget-- > 0;
}

static void *failing_alloc(void *ud, size_t n)
{
    return may_allocate(ud) ? malloc(n) : NULL;
}

static void *failing_realloc(void *ud, void *p, size_t old_n, size_t new_n)
{
    (void)old_n;
    return may_allocate(ud) ? realloc(p, new_n) : NULL;
}

static void failing_free(void *ud, void *p)
{
    (void)ud;
    free(p);
}

/* Every allocation of loading a source and of matching may fail: WS_ENOMEM, nothing leaks. */
static void out_of_memory_in_the_index(void **state)
{
    (void)state;
    failing f = {true, 0};
    ws_allocator mem = {failing_alloc, failing_realloc, failing_free, &f};
    bool done = false;
    for (long budget = 0; !done && budget < 100000; budget++) {
        f = (failing){true, budget};
        ws_source_index *ix = NULL;
        ws_diag d;
        int rc = ws_source_index_new(&mem, 0, &ix);
        if (rc >= 0)
            rc = ws_source_index_add_text(ix, "s.txt", WS_INPUT_TEXT, edit_source, strlen(edit_source), &d);
        if (rc >= 0) {
            ws_verifier v;
            ws_verifier_init(&v, &mem, ix);
            ws_vmatch m;
            memset(&m, 0, sizeof m);
            const char *quote = "We will defend our people ... wherever they are";
            ws_range frag = {0, (uint32_t)strlen(quote)};
            if ((rc = ws_verifier_parse(&v, quote, &frag, 1)) >= 0)
                rc = ws_verifier_match(&v, NULL, NULL, &m);
            if (rc >= 0) {
                assert_int_equal(m.status, WS_VERIFY_VERBATIM);
                done = true;
            }
            ws_alignment_release(&mem, &m.al);
            ws_verifier_release(&v);
        } else if (ix) {
            /* A failed load leaves the index as it was: empty. */
            assert_int_equal(ix->sources.n, 0);
        }
        if (rc < 0)
            assert_int_equal(rc, WS_ENOMEM);
        ws_source_index_free(ix);
    }
    assert_true(done);
}

/* Every allocation of an analysis with sources may fail. */
static void out_of_memory_in_the_pass(void **state)
{
    (void)state;
    failing f = {false, 0};
    ws_allocator mem = {failing_alloc, failing_realloc, failing_free, &f};
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(ws_ctx_new(&mem, &ctx), WS_OK);
    assert_int_equal(ws_ctx_load_rules(ctx, WS_SOURCE_RULES_DIR, &d), WS_OK);
    assert_int_equal(ws_ctx_add_source_text(ctx, "s.txt", WS_INPUT_TEXT, edit_source, strlen(edit_source), &d),
                     WS_OK);
    const char *article = "He said the US \"will defend our people ... wherever they are.\"\n\n"
                          "The president said \"we have been far more than patient.\"\n";
    bool done = false;
    for (long budget = 0; !done && budget < 100000; budget++) {
        f = (failing){true, budget};
        ws_input in = {sizeof in, WS_INPUT_TEXT, "article.txt", article, strlen(article), NULL};
        ws_report *r = NULL;
        int rc = ws_analyze(ctx, &in, &r, &d);
        f.is_armed = false;
        if (rc < 0) {
            assert_int_equal(rc, WS_ENOMEM);
            assert_null(r);
            continue;
        }
        assert_int_equal(ws_report_n_verifications(r), 2);
        assert_int_equal(ws_report_verification(r, 1)->status, WS_VERIFY_NEAR);
        ws_report_free(r);
        done = true;
    }
    assert_true(done);
    ws_ctx_free(ctx);
}

/* ------------------------------------------------------------------------ */
/* The parts                                                                */
/* ------------------------------------------------------------------------ */

static const char *label_of(const char *line)
{
    static char out[128];
    uint32_t start, end, after;
    ws_voice_kind kind;
    if (!ws_voice_label_at(line, (uint32_t)strlen(line), 0, &start, &end, &after, &kind))
        return "none";
    static const char *const kinds[] = {"named", "question", "answer", "issuer"};
    snprintf(out, sizeof out, "%s:%.*s|%s", kinds[kind], (int)(end - start), line + start, line + after);
    return out;
}

static void transcript_labels(void **state)
{
    (void)state;
    assert_string_equal(label_of("POMPEO: Thank you."), "named:POMPEO|Thank you.");
    assert_string_equal(label_of("SECRETARY POMPEO: Thank you."), "named:SECRETARY POMPEO|Thank you.");
    assert_string_equal(label_of("  MS. NAUERT:  Good afternoon."), "named:MS. NAUERT|Good afternoon.");
    assert_string_equal(label_of("Q: Why?"), "question:Q|Why?");
    assert_string_equal(label_of("QUESTION: Why?"), "question:QUESTION|Why?");
    assert_string_equal(label_of("A: Because."), "answer:A|Because.");
    assert_string_equal(label_of("Sergey Lavrov: We disagree."), "named:Sergey Lavrov|We disagree.");
    assert_string_equal(label_of("Bashar al-Assad: No."), "named:Bashar al-Assad|No.");
    assert_string_equal(label_of("POMPEO:"), "named:POMPEO|");
    /* Not labels. */
    assert_string_equal(label_of("Pompeo: thank you."), "none");
    assert_string_equal(label_of("Note: the text was edited."), "none");
    assert_string_equal(label_of("Editor's Note: corrected."), "none");
    assert_string_equal(label_of("UPDATE: more below."), "none");
    assert_string_equal(label_of("The Secretary: yes."), "none");
    assert_string_equal(label_of("Asked about it: he left."), "none");
    assert_string_equal(label_of("Washington, DC: today."), "none");
    assert_string_equal(label_of("POMPEO:THANKS"), "none");
    assert_string_equal(label_of("I: me."), "none");
}

static const char *issuer_of(const char *src)
{
    static char out[128];
    uint32_t start, end;
    if (!ws_front_matter_issuer(src, (uint32_t)strlen(src), &start, &end))
        return "none";
    snprintf(out, sizeof out, "%.*s", (int)(end - start), src + start);
    return out;
}

static void front_matter_issuer(void **state)
{
    (void)state;
    assert_string_equal(issuer_of("---\ntitle: x\nissuer: The White House\n---\ntext\n"), "The White House");
    assert_string_equal(issuer_of("---\nfrom: 'Office of the Spokesperson'\n---\n"), "Office of the Spokesperson");
    /* issuer wins over from, in either order. */
    assert_string_equal(issuer_of("---\nfrom: A\nissuer: B\n---\n"), "B");
    assert_string_equal(issuer_of("---\nissuer: B\nfrom: A\n...\n"), "B");
    assert_string_equal(issuer_of("\xEF\xBB\xBF---\r\nissuer: B\r\n---\r\n"), "B");
    /* Old Mac line ends: the Markdown reader skips this front matter too. */
    assert_string_equal(issuer_of("---\rtitle: x\rissuer: Lone CR Office\r---\rtext\r"), "Lone CR Office");
    assert_string_equal(issuer_of("---\nissuer: B\n"), "none");
    assert_string_equal(issuer_of("issuer: B\n"), "none");
    assert_string_equal(issuer_of("---\ntitle: x\n---\n"), "none");
}

static const char *words_of(const char *s, bool lower)
{
    static char out[512];
    out[0] = '\0';
    ws_buf key;
    ws_buf_init(&key, &ws_default_allocator);
    uint32_t pos = 0, ws, we, len = (uint32_t)strlen(s);
    while (ws_vword_next(s, len, &pos, &ws, &we)) {
        key.len = 0;
        assert_int_equal(ws_vword_key(s, ws, we, lower, &key), WS_OK);
        strncat(out, key.data, sizeof out - strlen(out) - 2);
        strcat(out, "|");
    }
    ws_buf_release(&key);
    return out;
}

static void word_boundaries(void **state)
{
    (void)state;
    assert_string_equal(words_of("Don\xE2\x80\x99t say U.S. \"al-Assad\" 1,000.5 times\xE2\x80\x94" "ever...", true),
                        "don't|say|u.s|al|assad|1,000.5|times|ever|");
    assert_string_equal(words_of("\xC3\x89" "TAT caf\xC3\xA9 \xC8\xBA", true), "\xC3\xA9" "tat|caf\xC3\xA9|\xE2\xB1\xA5|");
    assert_string_equal(words_of("It's 'quoted', ok", false), "It's|quoted|ok|");
    const char *a = "We", *b = "we";
    assert_true(ws_vword_same_but_first_case(a, 0, 2, b, 0, 2));
    assert_false(ws_vword_same(a, 0, 2, b, 0, 2));
    assert_false(ws_vword_same_but_first_case("wE", 0, 2, "we", 0, 2));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_article_against_the_statement),
        cmocka_unit_test(seed_article_against_two_sources),
        cmocka_unit_test(edits_against_a_speech),
        cmocka_unit_test(typography_is_not_an_edit),
        cmocka_unit_test(elision_marks),
        cmocka_unit_test(elision_out_of_order),
        cmocka_unit_test(brackets_and_case),
        cmocka_unit_test(quotation_over_paragraphs),
        cmocka_unit_test(what_is_not_checked),
        cmocka_unit_test(transcript_speakers),
        cmocka_unit_test(speaker_breaks_ties),
        cmocka_unit_test(issuer_and_answers),
        cmocka_unit_test(no_sources_no_findings),
        cmocka_unit_test(rules_switch_off),
        cmocka_unit_test(rule_examples),
        cmocka_unit_test(rule_needs_a_source),
        cmocka_unit_test(loading_is_all_or_nothing),
        cmocka_unit_test(control_characters),
        cmocka_unit_test(control_threshold),
        cmocka_unit_test(config_sources),
        cmocka_unit_test(threads_share_sources),
        cmocka_unit_test(out_of_memory_in_the_index),
        cmocka_unit_test(out_of_memory_in_the_pass),
        cmocka_unit_test(transcript_labels),
        cmocka_unit_test(front_matter_issuer),
        cmocka_unit_test(word_boundaries),
        cmocka_unit_test(article_size_limit),
    };
    return cmocka_run_group_tests_name("verify", tests, to_source_root, NULL);
}
