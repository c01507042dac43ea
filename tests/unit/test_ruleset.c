/*
 * test_ruleset.c - rule packs: parsing, every error path with its position,
 * the check types, limits on a runaway pattern, configuration overrides and
 * discovery.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "ruleset/config.h"
#include "ruleset/context.h"
#include "ruleset/lexicon.h"
#include "ruleset/yaml_util.h"
#include "core/alloc.h"
#include "core/buf.h"
#include "doc/tokenize.h"

static char root[256];

/* Write @text to root/@rel (folders created). */
static void put_file(const char *rel, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(path, 0755);
            *p = '/';
        }
    }
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static void remove_tree(const char *dir)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static int setup(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/ws-ruleset-XXXXXX");
    assert_non_null(mkdtemp(root));
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    remove_tree(root);
    return 0;
}

/* Load root/rules into a fresh context; returns the status, fills @d. */
static int load(ws_ctx **ctx, ws_diag *d)
{
    char dir[300];
    snprintf(dir, sizeof dir, "%s/rules", root);
    assert_int_equal(ws_ctx_new(NULL, ctx), WS_OK);
    memset(d, 0, sizeof *d);
    return ws_ctx_load_rules(*ctx, dir, d);
}

/* Expect loading to fail at @line:@col with a message containing @what. */
static void expect_error(int code, uint32_t line, uint32_t col, const char *file_suffix,
                         const char *what)
{
    ws_ctx *ctx;
    ws_diag d;
    int rc = load(&ctx, &d);
    if (rc != code || d.line != line || d.col != col || !strstr(d.message, what) ||
        strlen(d.file) < strlen(file_suffix) ||
        strcmp(d.file + strlen(d.file) - strlen(file_suffix), file_suffix))
        fail_msg("got %s at %s:%u:%u: %s; expected %s at ...%s:%u:%u: ...%s...", ws_strerror(rc),
                 d.file, d.line, d.col, d.message, ws_strerror(code), file_suffix, line, col, what);
    ws_ctx_free(ctx);
}

static const char *good_examples = "examples:\n  - flag: x\n  - ok: y\n";

static void rule(const char *name, const char *body, bool with_examples)
{
    char text[4096];
    snprintf(text, sizeof text, "%s%s", body, with_examples ? good_examples : "");
    char rel[300];
    snprintf(rel, sizeof rel, "rules/Pk/%s", name);
    put_file(rel, text);
}

static void syntax_errors(void **state)
{
    (void)state;
    rule("A.yml", "type: existence\nmessage: 'x\n", false);
    expect_error(WS_ERULE, 3, 1, "Pk/A.yml", "YAML syntax");
    remove_tree(root);
    setup(NULL);
    rule("A.yml", "- a\n- b\n", false);
    expect_error(WS_ERULE, 1, 1, "Pk/A.yml", "mapping");
}

static void key_errors(void **state)
{
    (void)state;
    rule("A.yml", "message: m\ntokens: [a]\n", true);
    expect_error(WS_ERULE, 1, 1, "Pk/A.yml", "Pk.A: missing 'type'");
    rule("A.yml", "type: nosuch\nmessage: m\n", true);
    expect_error(WS_ERULE, 1, 7, "Pk/A.yml", "unknown rule type 'nosuch'");
    rule("A.yml", "type: existence\nmessage: m\ntokens: [a]\ncolour: red\n", true);
    expect_error(WS_ERULE, 4, 1, "Pk/A.yml", "unknown key 'colour'");
    rule("A.yml", "type: existence\nmessage: m\ntokens: [a]\nmessage: n\n", true);
    expect_error(WS_ERULE, 4, 1, "Pk/A.yml", "duplicate key 'message'");
    rule("A.yml", "type: existence\nmessage: m\nlevel: loud\ntokens: [a]\n", true);
    expect_error(WS_ERULE, 3, 8, "Pk/A.yml", "'level' must be");
    rule("A.yml", "type: existence\nmessage: m\nscope: everywhere\ntokens: [a]\n", true);
    expect_error(WS_ERULE, 3, 8, "Pk/A.yml", "'scope' must be");
    rule("A.yml", "type: existence\nmessage: m\nignorecase: maybe\ntokens: [a]\n", true);
    expect_error(WS_ERULE, 3, 13, "Pk/A.yml", "true or false");
    rule("A.yml", "type: existence\ntokens: [a]\n", true);
    expect_error(WS_ERULE, 1, 1, "Pk/A.yml", "missing 'message'");
    rule("A.yml", "type: existence\nmessage: m\ntokens: [a]\n", false);
    expect_error(WS_ERULE, 1, 1, "Pk/A.yml", "needs 'examples'");
    rule("A.yml", "type: existence\nmessage: m\ntokens: [a]\nexamples:\n  - maybe: x\n", false);
    expect_error(WS_ERULE, 5, 5, "Pk/A.yml", "'flag: TEXT' or 'ok: TEXT'");
    rule("A.yml", "type: existence\nmessage: m\n", true);
    expect_error(WS_ERULE, 1, 1, "Pk/A.yml", "needs 'tokens' or 'raw'");
}

static void type_errors(void **state)
{
    (void)state;
    rule("A.yml", "type: substitution\nmessage: m\nswap: [a, b]\n", true);
    expect_error(WS_ERULE, 3, 7, "Pk/A.yml", "'swap' must map");
    rule("A.yml", "type: conditional\nmessage: m\nfirst: [a]\n", true);
    expect_error(WS_ERULE, 1, 1, "Pk/A.yml", "missing 'second'");
    rule("A.yml", "type: conditional\nmessage: m\nfirst: [a]\nsecond: [b]\nwindow: far\n", true);
    expect_error(WS_ERULE, 5, 9, "Pk/A.yml", "'window' must be");
    rule("A.yml", "type: consistency\nmessage: m\neither: [[a]]\n", true);
    expect_error(WS_ERULE, 3, 10, "Pk/A.yml", "two or more forms");
    rule("A.yml", "type: naming\nmessage: m\ncheck: colours\n", true);
    expect_error(WS_ERULE, 3, 8, "Pk/A.yml", "'check' must be");
    /* An unknown key is reported before the parameters exist (found by fuzz_rules). */
    rule("A.yml", "type: naming\nmessage: m\ncheck: titles\nch: x\n", true);
    expect_error(WS_ERULE, 4, 1, "Pk/A.yml", "unknown key 'ch'");
    rule("A.yml", "type: loaded-cue\nmessage: m\nclasses: [guilt]\nreplacemeit: said\n", true);
    expect_error(WS_ERULE, 4, 1, "Pk/A.yml", "unknown key 'replacemeit'");
}

static void pattern_errors(void **state)
{
    (void)state;
    rule("A.yml", "type: existence\nmessage: m\nraw: ['ab(c']\n", true);
    /* PCRE2 reports the offset past the pattern (4); the column skips the quote. */
    expect_error(WS_ERULE, 3, 12, "Pk/A.yml", "missing closing parenthesis");
    rule("A.yml", "type: existence\nmessage: m\nraw:\n  - a[b\n", true);
    expect_error(WS_ERULE, 4, 8, "Pk/A.yml", "bad regular expression at offset 3");
}

static void list_file_errors(void **state)
{
    (void)state;
    rule("A.yml", "type: existence\nmessage: m\ntokens: words.txt\n", true);
    expect_error(WS_ERULE, 3, 9, "Pk/A.yml", "cannot open list file");
    put_file("rules/Pk/words.txt", "# comment\nalleged | warning\nso-called | loudly\n");
    expect_error(WS_ERULE, 3, 1, "Pk/words.txt", "unknown level 'loudly'");
    put_file("rules/Pk/words.txt", "fine\nbad \xff byte\n");
    expect_error(WS_ERULE, 2, 1, "Pk/words.txt", "invalid UTF-8");
    /* A character cut by the line break, after lines of valid ones. */
    put_file("rules/Pk/words.txt", "caf\xc3\xa9 \xe2\x80\x94 fine\nalleged\ncut \xc3\nafter\n");
    expect_error(WS_ERULE, 3, 1, "Pk/words.txt", "invalid UTF-8 at byte 5 of the line");
    rule("A.yml", "type: existence\nmessage: m\ntokens: ../outside.txt\n", true);
    expect_error(WS_ERULE, 3, 9, "Pk/A.yml", "must be inside the pack");
    rule("A.yml", "type: cues\nverbs: verbs.txt\n", false);
    put_file("rules/Pk/verbs.txt", "say | neutral | says | said | said | saying\nclaim | sceptical | "
                                   "claims | claimed | claimed | claiming\n");
    expect_error(WS_ERULE, 2, 1, "Pk/verbs.txt", "unknown cue class 'sceptical'");
    put_file("rules/Pk/verbs.txt", "say | neutral | says\n");
    expect_error(WS_ERULE, 1, 1, "Pk/verbs.txt", "expected 6 fields");
    /* An institution's entry of more than three fields. */
    rule("A.yml", "type: institutions\nnames: names.txt\n", false);
    put_file("rules/Pk/names.txt", "Kestrel Holdings | KH, Kestrel |\nTolvo Group | TG | | extra\n");
    expect_error(WS_ERULE, 2, 1, "Pk/names.txt", "expected: name | short names | country");
}

static void failed_load_leaves_context(void **state)
{
    (void)state;
    rule("A.yml", "type: existence\nmessage: 'found %s'\ntokens: [foo]\n", true);
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(load(&ctx, &d), WS_OK);
    size_t n = ws_ctx_n_rules(ctx);
    char bad[300];
    snprintf(bad, sizeof bad, "%s/bad", root);
    put_file("bad/Pk2/B.yml", "type: existence\n");
    assert_int_equal(ws_ctx_load_rules(ctx, bad, &d), WS_ERULE);
    assert_int_equal(ws_ctx_n_rules(ctx), n);
    ws_input in = {sizeof in, WS_INPUT_TEXT, "t", "a foo b", 7, NULL};
    ws_report *r;
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_OK);
    assert_int_equal(ws_report_n_findings(r), 1);
    ws_report_free(r);
    ws_ctx_free(ctx);
}

/* The findings of a text as "rule:level:text|...". */
static const char *findings_of(ws_ctx *ctx, const char *text, const char *path)
{
    static char out[2048];
    ws_input in = {sizeof in, WS_INPUT_TEXT, path ? path : "t", text, strlen(text), NULL};
    ws_report *r;
    ws_diag d;
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_OK);
    out[0] = '\0';
    for (size_t i = 0; i < ws_report_n_findings(r); i++) {
        const ws_finding *f = ws_report_finding(r, i);
        char one[256];
        snprintf(one, sizeof one, "%s%s:%s:%s", i ? "|" : "", f->rule, ws_level_name(f->level),
                 test_span_text(r, &f->span));
        strcat(out, one);
    }
    ws_report_free(r);
    return out;
}

static void check_types(void **state)
{
    (void)state;
    rule("Hedge.yml", "type: existence\nmessage: 'hedge %s'\nscope: narration\n"
                      "tokens: [alleged, so-called | error, according to reports]\n"
                      "exceptions: [alleged victim]\n", true);
    rule("Swap.yml", "type: substitution\nmessage: 'use %r, not %s'\nswap:\n  utilize: use\n"
                     "  in order to: to\n", true);
    rule("Anon.yml", "type: conditional\nmessage: 'why anonymous? %s'\nwindow: 1\n"
                     "first: [officials said]\nsecond: {raw: ['not authori[sz]ed']}\n", true);
    rule("Okay.yml", "type: consistency\nmessage: 'this article writes %r: %s'\n"
                     "either:\n  - [OK, okay]\n  - [email, e-mail]\n", true);
    rule("Rx.yml", "type: existence\nmessage: 'number %s'\nignorecase: false\nraw: ['\\bN\\d+\\b']\n",
         true);
    rule("Start.yml", "type: existence\nmessage: 'opens %s'\nraw: ['^Meanwhile']\n", true);
    rule("Trust.yml", "type: existence\nmessage: 'name %s'\nignorecase: false\ntokens: [Dover Trust]\n", true);
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(load(&ctx, &d), WS_OK);
    assert_string_equal(findings_of(ctx, "The Alleged attack and the so-called plan.", NULL),
                        "Pk.Hedge:warning:Alleged|Pk.Hedge:error:so-called");
    /* Not in quotation marks (scope narration), not an exception. */
    assert_string_equal(findings_of(ctx, "He said \"the alleged attack\". The alleged victim left.",
                                    NULL), "");
    assert_string_equal(findings_of(ctx, "According to reports, it fell.", NULL),
                        "Pk.Hedge:warning:According to reports");
    assert_string_equal(findings_of(ctx, "We utilize it in order to win. Use it.", NULL),
                        "Pk.Swap:warning:utilize|Pk.Swap:warning:in order to");
    assert_string_equal(findings_of(ctx, "Officials said it was fine. Nobody else did.", NULL),
                        "Pk.Anon:warning:Officials said");
    assert_string_equal(findings_of(ctx, "Officials said it was fine. They were not authorized "
                                         "to speak.", NULL), "");
    assert_string_equal(findings_of(ctx, "Officials said so. One. Two. Not authorised.", NULL),
                        "Pk.Anon:warning:Officials said");
    assert_string_equal(findings_of(ctx, "It is OK. Send an email. It is okay. An e-mail.", NULL),
                        "Pk.Okay:warning:okay|Pk.Okay:warning:e-mail");
    assert_string_equal(findings_of(ctx, "Route N12 and n13.", NULL), "Pk.Rx:warning:N12");
    /* Phrases in their case and in any case, in one text. */
    assert_string_equal(findings_of(ctx, "The Dover Trust, the dover trust, the alleged plan and the so-called one.",
                                    NULL),
                        "Pk.Trust:warning:Dover Trust|Pk.Hedge:warning:alleged|Pk.Hedge:error:so-called");
    /* ^ anchors at each paragraph's start. */
    assert_string_equal(findings_of(ctx, "Meanwhile, here.\n\nMeanwhile, there. Not Meanwhile.", NULL),
                        "Pk.Start:warning:Meanwhile|Pk.Start:warning:Meanwhile");
    ws_ctx_free(ctx);
}

static void messages_and_suggestions(void **state)
{
    (void)state;
    rule("Swap.yml", "type: substitution\nmessage: 'use %r, not %s (100%%)'\nlink: https://x.test/s\n"
                     "swap:\n  utilize: use\n", true);
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(load(&ctx, &d), WS_OK);
    ws_input in = {sizeof in, WS_INPUT_TEXT, "t", "We utilize it.", 14, NULL};
    ws_report *r;
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_OK);
    assert_int_equal(ws_report_n_findings(r), 1);
    const ws_finding *f = ws_report_finding(r, 0);
    assert_string_equal(f->message, "use use, not utilize (100%)");
    assert_string_equal(f->suggestion, "use");
    assert_string_equal(f->link, "https://x.test/s");
    assert_int_equal(f->span.col, 4);
    /* The fingerprint ignores where the sentence stands. */
    char print[64];
    snprintf(print, sizeof print, "%s", f->fingerprint);
    ws_report_free(r);
    ws_input moved = {sizeof moved, WS_INPUT_TEXT, "t", "Intro.\n\nMore.\n\nWe utilize it.", 29, NULL};
    assert_int_equal(ws_analyze(ctx, &moved, &r, &d), WS_OK);
    assert_string_equal(ws_report_finding(r, 0)->fingerprint, print);
    assert_int_equal(ws_report_finding(r, 0)->span.line, 5);
    ws_report_free(r);
    ws_ctx_free(ctx);

    /* A '%' before anything else, or last, stays; so do the words around
     * the marks, however many and long. */
    rule("Swap.yml", "type: substitution\nmessage: '%x 50% off: %s%s -> %r%r, %%%% %'\n"
                     "swap:\n  utilize: use\n", true);
    assert_int_equal(load(&ctx, &d), WS_OK);
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_OK);
    assert_int_equal(ws_report_n_findings(r), 1);
    assert_string_equal(ws_report_finding(r, 0)->message, "%x 50% off: utilizeutilize -> useuse, %% %");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

static void runaway_pattern_stops(void **state)
{
    (void)state;
    rule("Slow.yml", "type: existence\nmessage: m\nraw: ['(a+)+$']\n", true);
    rule("Fine.yml", "type: existence\nmessage: 'fine %s'\ntokens: [zzz]\n", true);
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(load(&ctx, &d), WS_OK);
    char text[200];
    memset(text, 'a', 120);
    strcpy(text + 120, "! zzz");
    ws_input in = {sizeof in, WS_INPUT_TEXT, "t", text, strlen(text), NULL};
    ws_report *r;
    clock_t t0 = clock();
    assert_int_equal(ws_analyze(ctx, &in, &r, &d), WS_OK);
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    assert_true(seconds < 20.0); /* bounded by the match limit, not 2^120 steps */
    assert_int_equal(ws_report_n_problems(r), 1);
    const ws_problem *p = ws_report_problem(r, 0);
    assert_int_equal(p->kind, WS_PROBLEM_RULE_LIMIT);
    assert_non_null(strstr(p->message, "Pk.Slow"));
    assert_non_null(strstr(p->message, "Slow.yml:3"));
    /* The other rules still ran. */
    assert_int_equal(ws_report_n_findings(r), 1);
    assert_string_equal(ws_report_finding(r, 0)->rule, "Pk.Fine");
    ws_report_free(r);
    ws_ctx_free(ctx);
}

static void later_pack_replaces_rule(void **state)
{
    (void)state;
    rule("A.yml", "type: existence\nmessage: 'old %s'\ntokens: [foo]\n", true);
    put_file("more/Pk/A.yml", "type: existence\nmessage: 'new %s'\ntokens: [bar]\n"
                              "examples:\n  - flag: bar\n  - ok: foo\n");
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(load(&ctx, &d), WS_OK);
    char more[300];
    snprintf(more, sizeof more, "%s/more", root);
    assert_int_equal(ws_ctx_load_rules(ctx, more, &d), WS_OK);
    assert_string_equal(findings_of(ctx, "foo bar", NULL), "Pk.A:warning:bar");
    ws_rule_info ri;
    assert_int_equal(ws_ctx_rule(ctx, 0, &ri), WS_OK);
    assert_true(ri.is_replaced);
    ws_ctx_free(ctx);
}

static void configuration_overrides(void **state)
{
    (void)state;
    rule("A.yml", "type: existence\nmessage: 'a %s'\ntokens: [foo]\n", true);
    rule("B.yml", "type: existence\nmessage: 'b %s'\ntokens: [bar, Lavarov]\n", true);
    put_file("rules/Other/C.yml", "type: existence\nmessage: 'c %s'\ntokens: [baz]\n"
                                  "examples:\n  - flag: baz\n  - ok: foo\n");
    put_file("site/.whosaid.yml", "packs: [Pk]\nlevels:\n  Pk.A: error\npaths:\n"
                                  "  - glob: 'opinion/**'\n    levels:\n      Pk.B: off\n"
                                  "vocabulary:\n  accept: [lavarov]\nfail_level: warning\n");
    put_file("site/opinion/x/col.txt", "foo bar baz");
    put_file("site/news/n.txt", "foo bar baz");
    char cfg_path[300], found[512], art[300], rules_dir[300];
    snprintf(cfg_path, sizeof cfg_path, "%s/site/.whosaid.yml", root);
    snprintf(art, sizeof art, "%s/site/opinion/x/col.txt", root);
    snprintf(rules_dir, sizeof rules_dir, "%s/rules", root);
    /* Discovery walks up from the article's folder. */
    assert_int_equal(ws_config_find(art, found, sizeof found), 1);
    assert_string_equal(found, cfg_path);
    ws_config *cfg;
    ws_ctx *ctx;
    ws_diag d;
    assert_int_equal(ws_config_load(NULL, found, &cfg, &d), WS_OK);
    assert_int_equal(ws_config_fail_level(cfg), WS_LEVEL_WARNING);
    assert_int_equal(ws_ctx_new(NULL, &ctx), WS_OK);
    assert_int_equal(ws_ctx_apply_config(ctx, cfg, &d), WS_OK);
    assert_int_equal(ws_ctx_load_rules(ctx, rules_dir, &d), WS_OK);
    /* Pack Other is not loaded; A is an error; B is off under opinion/. */
    assert_string_equal(findings_of(ctx, "foo bar baz Lavarov", art), "Pk.A:error:foo");
    snprintf(art, sizeof art, "%s/site/news/n.txt", root);
    assert_string_equal(findings_of(ctx, "foo bar baz Lavarov", art),
                        "Pk.A:error:foo|Pk.B:warning:bar");
    ws_ctx_free(ctx);
    ws_config_free(cfg);
}

static void configuration_errors(void **state)
{
    (void)state;
    rule("A.yml", "type: existence\nmessage: 'a %s'\ntokens: [foo]\n", true);
    char path[300], rules_dir[300];
    snprintf(path, sizeof path, "%s/.whosaid.yml", root);
    snprintf(rules_dir, sizeof rules_dir, "%s/rules", root);
    ws_config *cfg;
    ws_diag d;
    put_file(".whosaid.yml", "levels:\n  Pk.A: loud\n");
    assert_int_equal(ws_config_load(NULL, path, &cfg, &d), WS_ECONFIG);
    assert_int_equal(d.line, 2);
    assert_int_equal(d.col, 9);
    put_file(".whosaid.yml", "colour: red\n");
    assert_int_equal(ws_config_load(NULL, path, &cfg, &d), WS_ECONFIG);
    assert_non_null(strstr(d.message, "unknown key 'colour'"));
    put_file(".whosaid.yml", "levels: [\n");
    assert_int_equal(ws_config_load(NULL, path, &cfg, &d), WS_ECONFIG);
    assert_non_null(strstr(d.message, "YAML syntax"));
    /* A duplicate key: the diagnostic's code is the status (found by fuzz_rules). */
    put_file(".whosaid.yml", "rules: [a]\nrules: [b]\n");
    assert_int_equal(ws_config_load(NULL, path, &cfg, &d), WS_ECONFIG);
    assert_int_equal(d.code, WS_ECONFIG);
    assert_non_null(strstr(d.message, "duplicate key 'rules'"));
    /* An override of a rule that is not loaded names its line. */
    put_file(".whosaid.yml", "\nlevels:\n  Pk.Nosuch: off\n");
    assert_int_equal(ws_config_load(NULL, path, &cfg, &d), WS_OK);
    ws_ctx *ctx;
    assert_int_equal(ws_ctx_new(NULL, &ctx), WS_OK);
    assert_int_equal(ws_ctx_load_rules(ctx, rules_dir, &d), WS_OK);
    assert_int_equal(ws_ctx_apply_config(ctx, cfg, &d), WS_OK);
    assert_int_equal(ws_ctx_check(ctx, &d), WS_ECONFIG);
    assert_int_equal(d.line, 3);
    assert_int_equal(d.col, 3);
    assert_non_null(strstr(d.message, "Pk.Nosuch"));
    ws_ctx_free(ctx);
    ws_config_free(cfg);
}

static void globs(void **state)
{
    (void)state;
    assert_true(ws_glob_match("opinion/**", "opinion/a/b.md"));
    assert_true(ws_glob_match("**/*.md", "a/b/c.md"));
    assert_true(ws_glob_match("**/*.md", "c.md"));
    assert_true(ws_glob_match("*.txt", "a.txt"));
    assert_false(ws_glob_match("*.txt", "dir/a.txt"));
    assert_true(ws_glob_match("news/?.txt", "news/a.txt"));
    assert_false(ws_glob_match("news/?.txt", "news/ab.txt"));
    assert_false(ws_glob_match("opinion/**", "news/opinion/a"));
    /* No exponential blow-up on many stars. */
    assert_false(ws_glob_match("*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

/* Each cue reading's form as the ruleset's index keeps it: the first slot
 * of the cue lexicon, in slot order, whose readings hold it (what a walk
 * over the lexicon finds), and a key that reads the reading back. */
static void cue_forms_indexed(void **state)
{
    (void)state;
    const ws_ruleset *rs = &test_ctx()->rules;
    assert_true(rs->cue_info.n > 100);
    assert_int_equal(rs->cue_slot.n, rs->cue_info.n);
    for (size_t i = 0; i < rs->cue_info.n; i++) {
        uint32_t want = UINT32_MAX;
        for (size_t k = 0; k < rs->cues.cap && want == UINT32_MAX; k++) {
            const ws_lex_entry *e = &rs->cues.slots[k];
            if (!e->key || !(e->flags & WS_LEX_ENTRY))
                continue;
            for (int32_t v = (int32_t)e->value; v >= 0; v = rs->cue_info.v[v].next)
                if ((size_t)v == i)
                    want = (uint32_t)k;
        }
        assert_int_equal(rs->cue_slot.v[i], want);
        assert_int_not_equal(want, UINT32_MAX);
        const ws_lex_entry *e = &rs->cues.slots[want];
        uint32_t first;
        assert_true(ws_lexicon_get(&rs->cues, e->key, e->len, &first));
    }
}

static void default_pack_loads(void **state)
{
    (void)state;
    ws_ctx *ctx = test_ctx();
    size_t n_checks = 0;
    for (size_t i = 0; i < ws_ctx_n_rules(ctx); i++) {
        ws_rule_info ri;
        assert_int_equal(ws_ctx_rule(ctx, i, &ri), WS_OK);
        if (ri.is_lexicon)
            continue;
        n_checks++;
        /* Every check of the default pack has both kinds of example. */
        int n_flag = 0, n_ok = 0;
        for (size_t k = 0; k < ri.n_examples; k++) {
            int should_flag;
            assert_int_equal(ws_ctx_rule_example(ctx, i, k, &should_flag, NULL, NULL), WS_OK);
            n_flag += should_flag;
            n_ok += !should_flag;
        }
        if (!n_flag || !n_ok)
            fail_msg("%s lacks a flag: or ok: example", ri.id);
    }
    assert_true(n_checks >= 1);
}

/* The short names of an institution, comma-separated in its entry ("OPEC,
 * Opec"), each name it as written: case kept, so "opec" names nothing. */
static void institution_short_names(void **state)
{
    (void)state;
    const ws_ruleset *rs = &test_ctx()->rules;
    ws_buf key;
    ws_buf_init(&key, &ws_default_allocator);
    uint32_t upper = UINT32_MAX, mixed = UINT32_MAX, lower = UINT32_MAX;
    assert_true(ws_phrase_key("OPEC", 4, false, &key) > 0);
    assert_true(ws_lexicon_get(&rs->acronyms, key.data, key.len, &upper));
    assert_true(ws_phrase_key("Opec", 4, false, &key) > 0);
    assert_true(ws_lexicon_get(&rs->acronyms, key.data, key.len, &mixed));
    assert_int_equal(upper, mixed);
    assert_string_equal(rs->institution_info.v[upper].name, "Organization of the Petroleum Exporting Countries");
    assert_true(ws_phrase_key("opec", 4, false, &key) > 0);
    assert_false(ws_lexicon_get(&rs->acronyms, key.data, key.len, &lower));
    /* The word index marks the word in small letters: "look there". */
    uint32_t word = 0;
    assert_true(ws_lexicon_get(&rs->words, key.data, key.len, &word));
    assert_true(rs->word_info.v[word].starts & WS_STARTS_SHORT_NAME);
    assert_true(ws_phrase_key("ferry", 5, false, &key) > 0);
    assert_false(ws_lexicon_get(&rs->words, key.data, key.len, &word) &&
                 (rs->word_info.v[word].starts & WS_STARTS_SHORT_NAME));
    ws_buf_release(&key);
}

/* Keys compared a word at a time: equal keys of every length up to three
 * words and a half agree, and a difference at any byte is seen. Each key
 * is a block of exactly its length, so that sanitizer builds catch a read
 * past it. */
static void lexicon_keys_compared_whole(void **state)
{
    (void)state;
    for (size_t len = 0; len <= 28; len++) {
        char *x = malloc(len ? len : 1), *y = malloc(len ? len : 1);
        assert_non_null(x);
        assert_non_null(y);
        for (size_t k = 0; k < len; k++)
            x[k] = y[k] = (char)('a' + k % 26);
        assert_true(ws_lexicon_key_eq(x, y, len));
        for (size_t at = 0; at < len; at++) {
            y[at] = 'A';
            assert_false(ws_lexicon_key_eq(x, y, len));
            y[at] = x[at];
        }
        free(x);
        free(y);
    }
}

/* The key filter lets through every key, entries of one word and of
 * several and the prefixes registered for them, after the lexicon has
 * grown; it turns away most keys the lexicon does not have, and lookups
 * of them find nothing. */
static void key_filter_keeps_every_key(void **state)
{
    (void)state;
    ws_lexicon lex;
    ws_lexicon_init(&lex, &ws_default_allocator);
    char key[64];
    for (unsigned k = 0; k < 3000; k++) {
        int n = snprintf(key, sizeof key, k % 2 ? "w%u said%s x%u" : "x%u", k % 97, k % 3 ? "" : " to", k);
        assert_int_equal(ws_lexicon_add(&lex, key, (size_t)n, k), WS_OK);
    }
    size_t n_keys = 0;
    for (size_t i = 0; i < lex.cap; i++) {
        const ws_lex_entry *e = &lex.slots[i];
        if (e->key) {
            assert_true(ws_lexicon_may_have(&lex, e->hash));
            assert_ptr_equal(ws_lexicon_find(&lex, e->key, e->len), e);
            n_keys++;
        }
    }
    assert_int_equal(n_keys, lex.n_used);
    size_t n_passed = 0;
    for (unsigned k = 0; k < 1000; k++) {
        int n = snprintf(key, sizeof key, k % 2 ? "v%u told y%u" : "y%u", k, k);
        n_passed += ws_lexicon_may_have(&lex, ws_lexicon_hash(key, (size_t)n));
        assert_null(ws_lexicon_find(&lex, key, (size_t)n));
    }
    assert_true(n_passed < 500);
    ws_lexicon_release(&lex);
    assert_false(ws_lexicon_may_have(&lex, ws_lexicon_hash("x1", 2)));
}


/* Key @k of the lexicons of lexicon_reserved_as_grown(): one word, two
 * or three, a word that only a longer key has as its first, repeats. */
static int reserve_test_key(char *key, size_t cap, unsigned k)
{
    switch (k % 4) {
    case 0: return snprintf(key, cap, "w%u", k % 301);
    case 1: return snprintf(key, cap, "w%u said", k % 53);
    case 2: return snprintf(key, cap, "lone%u told them", k);
    default: return snprintf(key, cap, "x%u", k);
    }
}

/*
 * A lexicon given room for its keys first (ws_lexicon_reserve()), empty
 * or half filled, holds what one grown key by key holds, in a table of
 * the same size that adding them no longer changes; and it counts its
 * keys of one word, entries and first words of longer keys alike, once.
 */
static void lexicon_reserved_as_grown(void **state)
{
    (void)state;
    static const unsigned counts[] = {0, 1, 20, 31, 32, 33, 64, 200, 2000};
    char key[64];
    for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
        unsigned n = counts[c];
        ws_lexicon grown, reserved, half;
        ws_lexicon_init(&grown, &ws_default_allocator);
        ws_lexicon_init(&reserved, &ws_default_allocator);
        ws_lexicon_init(&half, &ws_default_allocator);
        for (unsigned k = 0; k < n; k++)
            assert_int_equal(ws_lexicon_add(&grown, key, (size_t)reserve_test_key(key, sizeof key, k), k), WS_OK);
        assert_int_equal(ws_lexicon_reserve(&reserved, grown.n_used), WS_OK);
        size_t cap = reserved.cap;
        for (unsigned k = 0; k < n; k++) {
            int len = reserve_test_key(key, sizeof key, k);
            assert_int_equal(ws_lexicon_add(&reserved, key, (size_t)len, k), WS_OK);
            assert_int_equal(ws_lexicon_add(&half, key, (size_t)len, k), WS_OK);
            if (k == n / 2)
                assert_int_equal(ws_lexicon_reserve(&half, grown.n_used + 10), WS_OK);
        }
        if (n)
            assert_int_equal(reserved.cap, grown.cap);
        assert_int_equal(reserved.cap, cap);
        /* The one-word keys: each w, each x, and the first word of each lone key. */
        size_t n_one_word = 0;
        for (size_t i = 0; i < grown.cap; i++)
            n_one_word += grown.slots[i].key && !memchr(grown.slots[i].key, ' ', grown.slots[i].len);
        const ws_lexicon *lexicons[] = {&grown, &reserved, &half};
        for (int l = 0; l < 3; l++) {
            const ws_lexicon *lex = lexicons[l];
            assert_int_equal(lex->n_used, grown.n_used);
            assert_int_equal(lex->n_entries, grown.n_entries);
            assert_int_equal(lex->n_one_word, n_one_word);
            for (size_t i = 0; i < grown.cap; i++) {
                const ws_lex_entry *g = &grown.slots[i];
                if (!g->key)
                    continue;
                const ws_lex_entry *e = ws_lexicon_find(lex, g->key, g->len);
                assert_non_null(e);
                assert_int_equal(e->flags, g->flags);
                assert_int_equal(e->value, g->value);
            }
        }
        ws_lexicon_release(&grown);
        ws_lexicon_release(&reserved);
        ws_lexicon_release(&half);
    }
    /* At the edge of a size: as many keys as fill half a table of 64 or
     * of 128 slots, one fewer, one more. */
    static const unsigned edges[] = {31, 32, 33, 63, 64, 65};
    for (size_t c = 0; c < sizeof edges / sizeof *edges; c++) {
        unsigned n = edges[c];
        ws_lexicon grown, reserved;
        ws_lexicon_init(&grown, &ws_default_allocator);
        ws_lexicon_init(&reserved, &ws_default_allocator);
        assert_int_equal(ws_lexicon_reserve(&reserved, n), WS_OK);
        size_t cap = reserved.cap;
        for (unsigned k = 0; k < n; k++) {
            int len = snprintf(key, sizeof key, "edge%u", k);
            assert_int_equal(ws_lexicon_add(&grown, key, (size_t)len, k), WS_OK);
            assert_int_equal(ws_lexicon_add(&reserved, key, (size_t)len, k), WS_OK);
        }
        assert_int_equal(grown.n_used, n);
        assert_int_equal(reserved.cap, cap);
        assert_int_equal(reserved.cap, grown.cap);
        ws_lexicon_release(&grown);
        ws_lexicon_release(&reserved);
    }
}

/* The next-word filter lets through every word that follows another in
 * some key, second, third or last, of phrases added before and after the
 * lexicon grows; it turns away most other words, first words of keys
 * among them; and it is empty again after a release. */
static void next_word_filter_keeps_every_later_word(void **state)
{
    (void)state;
    ws_lexicon lex;
    ws_lexicon_init(&lex, &ws_default_allocator);
    char key[64], word[32];
    for (unsigned k = 0; k < 2000; k++) {
        int n = snprintf(key, sizeof key, k % 4 ? "a%u b%u c%u" : "d%u", k, k, k);
        assert_int_equal(ws_lexicon_add(&lex, key, (size_t)n, k), WS_OK);
    }
    for (unsigned k = 0; k < 2000; k++) {
        for (const char *first = "bc"; k % 4 && *first; first++) {
            int n = snprintf(word, sizeof word, "%c%u", *first, k);
            assert_true(ws_lexicon_may_follow(&lex, ws_lexicon_hash(word, (size_t)n)));
        }
    }
    /* (Words of one-word keys and first words follow nothing.) */
    size_t n_passed = 0, n_asked = 0;
    for (unsigned k = 0; k < 2000; k++) {
        int n = snprintf(word, sizeof word, k % 4 ? "a%u" : "d%u", k);
        n_passed += ws_lexicon_may_follow(&lex, ws_lexicon_hash(word, (size_t)n));
        n_asked++;
    }
    assert_true(n_passed < n_asked / 2);
    assert_true(ws_lexicon_may_follow(&lex, ws_lexicon_hash("c7", 2)));
    ws_lexicon_release(&lex);
    assert_false(ws_lexicon_may_follow(&lex, ws_lexicon_hash("c7", 2)));
}

/* The hash of one word as ws_lexicon_hash_word() makes it, its lanes read
 * a byte at a time: byte k of the word is byte k % 8 of lane k / 8, the
 * rest zero; a longer word folds its first bytes into the lanes of its
 * last 16. */
static uint32_t reference_word_hash(const char *s, size_t len)
{
    uint64_t lane[2] = {0, 0};
    if (len > 16)
        return ws_lexicon_hash_long_(s, len);
    for (size_t k = 0; k < len; k++)
        lane[k / 8] |= (uint64_t)(unsigned char)s[k] << 8 * (k % 8);
    return ws_lexicon_mix_(lane[0], lane[1], len);
}

/* A random key of @len bytes with @n_words words: letters, a byte over
 * 0x7f now and then, and @n_words - 1 spaces at random places (so that a
 * word may be empty). */
static void random_key(char *key, size_t len, unsigned n_words, unsigned *seed)
{
    for (size_t k = 0; k < len; k++) {
        unsigned r = (*seed = *seed * 1103515245u + 12345u) >> 16;
        key[k] = (char)(r % 13 == 0 ? 0x80 + r % 0x80 : 'a' + r % 26);
    }
    for (unsigned w = 1; w < n_words && len; w++) {
        unsigned r = (*seed = *seed * 1103515245u + 12345u) >> 16;
        key[r % len] = ' ';
    }
}

/*
 * A key's hash is made word by word: the first word's, each next word
 * joined to it (ws_lexicon_hash_next_word()), for keys of every length
 * from 0 to 40 bytes and of one to four words, each word and each key in
 * a block of its own size (so that ASan sees a read past its end). A
 * word's hash is the same whichever way its lanes are read: a byte at a
 * time, by the loads of its length's class (ws_lexicon_hash_word()), or
 * 16 bytes and masks (ws_lexicon_hash_padded(), from a buffer whose bytes
 * after the word are not zero). A lexicon keeps that hash of each key and
 * finds the key by it.
 */
static void lexicon_hash_composes_by_words(void **state)
{
    (void)state;
    unsigned seed = 7;
    char buf[48];
    ws_lexicon lex;
    ws_lexicon_init(&lex, &ws_default_allocator);
    for (size_t len = 0; len <= 40; len++) {
        for (unsigned n_words = 1; n_words <= 4; n_words++) {
            for (int round = 0; round < 50; round++) {
                random_key(buf, len, n_words, &seed);
                /* (One byte for the empty key: malloc(0) may be NULL.) */
                char *key = malloc(len ? len : 1);
                assert_non_null(key);
                memcpy(key, buf, len);
                uint32_t want = ws_lexicon_hash(key, len), h = 0;
                size_t start = 0;
                for (size_t k = 0; k <= len; k++) {
                    if (k < len && key[k] != ' ')
                        continue;
                    size_t n = k - start;
                    char *word = malloc(n ? n : 1);
                    assert_non_null(word);
                    memcpy(word, key + start, n);
                    uint32_t word_hash = ws_lexicon_hash_word(word, n);
                    assert_int_equal(word_hash, reference_word_hash(word, n));
                    char padded[64];
                    memset(padded, 0x5a, sizeof padded);
                    memcpy(padded, word, n);
                    assert_int_equal(ws_lexicon_hash_padded(padded, n), word_hash);
                    h = start == 0 ? word_hash : ws_lexicon_hash_next_word(h, word, n);
                    free(word);
                    start = k + 1;
                }
                assert_int_equal(h, want);
                if (!memchr(key, ' ', len))
                    assert_int_equal(want, ws_lexicon_hash_word(key, len));
                if (round == 0 && len > 0) {
                    assert_int_equal(ws_lexicon_add(&lex, key, len, (uint32_t)len), WS_OK);
                    const ws_lex_entry *e = ws_lexicon_find_hashed(&lex, key, len, h);
                    assert_non_null(e);
                    assert_int_equal(e->hash, want);
                }
                free(key);
            }
        }
    }
    ws_lexicon_release(&lex);
}

/* The entries of a list file as whosaid has always read them, a byte at a
 * time: the line cut at '#', trimmed, runs of spaces and tabs made one
 * space, split on '|' into trimmed fields (at most WS_ENTRY_MAX_FIELDS);
 * appended to @out as "n:field/field/...\n". False for a line without
 * an entry. */
static bool reference_entry(const char *line, char *out)
{
    char s[256];
    snprintf(s, sizeof s, "%s", line);
    char *hash = strchr(s, '#');
    if (hash)
        *hash = '\0';
    size_t l = strlen(s);
    while (l && (s[l - 1] == '\n' || s[l - 1] == '\r' || s[l - 1] == ' ' || s[l - 1] == '\t'))
        l--;
    size_t st = 0;
    while (st < l && (s[st] == ' ' || s[st] == '\t'))
        st++;
    if (st == l)
        return false;
    size_t w = st;
    for (size_t r = st; r < l; r++) {
        bool sp = s[r] == ' ' || s[r] == '\t';
        if (sp && s[w - 1] == ' ')
            continue;
        s[w++] = sp ? ' ' : s[r];
    }
    const char *e = s + st;
    size_t len = w - st, start = 0;
    int n_fields = 0;
    char fields[512] = "";
    for (size_t i = 0; i <= len && n_fields < WS_ENTRY_MAX_FIELDS; i++) {
        if (i < len && e[i] != '|')
            continue;
        size_t a = start, b = i;
        while (a < b && (e[a] == ' ' || e[a] == '\t'))
            a++;
        while (b > a && (e[b - 1] == ' ' || e[b - 1] == '\t'))
            b--;
        snprintf(fields + strlen(fields), sizeof fields - strlen(fields), "%s%.*s", n_fields ? "/" : "",
                 (int)(b - a), e + a);
        n_fields++;
        start = i + 1;
    }
    sprintf(out + strlen(out), "%d:%s\n", n_fields, fields);
    return true;
}

/* What record_entry() writes to, and the entries' places it expects. */
typedef struct entry_record {
    char *out;
    size_t index;
    size_t n_listed;
} entry_record;

static int record_entry(void *ud, ws_rule_file *rf, const ws_entry *e)
{
    (void)rf;
    entry_record *rec = ud;
    char *out = rec->out;
    assert_int_equal(e->index, rec->index++);
    assert_int_equal(e->n_listed, rec->n_listed);
    sprintf(out + strlen(out), "%d:", e->n_fields);
    for (int f = 0; f < e->n_fields; f++)
        sprintf(out + strlen(out), "%s%.*s", f ? "/" : "", (int)e->len[f], e->field[f]);
    strcat(out, "\n");
    return WS_OK;
}

/* Entries of a list file as the reader gives them and as the byte-at-a-
 * time reading did: every line of a word (or words, so that the five
 * bytes fall at every place of the reader's eight-byte steps) and up to
 * five more bytes of 'x', space, tab and '|' after some leading white
 * space, with and
 * without a comment or a carriage return, and a line of more fields than
 * an entry keeps. Each entry has its place among them and the count of
 * entries in the file (not its blank and comment lines), as a sequence's
 * items have theirs. */
static void list_entries_as_written(void **state)
{
    (void)state;
    static const char *const leads[] = {"", " ", "\t ", "  "}, *const tails[] = {"", " # note", "\r"};
    static const char alphabet[] = "x \t|";
    size_t cap = 1 << 20;
    char *text = calloc(cap, 1), *want = calloc(cap, 1), *got = calloc(cap, 1);
    assert_non_null(text);
    assert_non_null(want);
    assert_non_null(got);
    static const char *const words[] = {"word", "a longer word"};
    size_t n_entries = 0;
    for (size_t lead = 0; lead < 8; lead++) {
        for (size_t len = 0; len <= 5; len++) {
            size_t n_codes = 1;
            for (size_t k = 0; k < len; k++)
                n_codes *= 4;
            for (size_t code = 0; code < n_codes; code++) {
                char line[64];
                size_t at = (size_t)sprintf(line, "%s%s", leads[lead % 4], words[lead / 4]);
                for (size_t k = 0, c = code; k < len; k++, c /= 4)
                    line[at++] = alphabet[c % 4];
                line[at] = '\0';
                char full[80];
                snprintf(full, sizeof full, "%s%s\n", line, tails[code % 3]);
                strcat(text, full);
                n_entries += reference_entry(full, want);
            }
        }
    }
    const char *more = "a | b|c |\td | e | f | g | h | i | j\n\n   \n# only a comment\nlast  entry\tat the end";
    strcat(text, more);
    n_entries += reference_entry("a | b|c |\td | e | f | g | h | i | j\n", want);
    n_entries += reference_entry("last  entry\tat the end", want);
    put_file("rules/Pk/L.yml", "list: words.txt\nseq: [one, two | 2, three]\n");
    put_file("rules/Pk/words.txt", text);
    char path[300];
    snprintf(path, sizeof path, "%s/rules/Pk/L.yml", root);
    ws_rule_file rf;
    ws_diag d;
    memset(&d, 0, sizeof d);
    assert_int_equal(ws_rule_file_open(&rf, &ws_default_allocator, "Pk", path, &d), WS_OK);
    const yaml_node_t *list = ws_yaml_get(&rf, rf.root, "list");
    assert_non_null(list);
    entry_record rec = {got, 0, n_entries};
    assert_int_equal(ws_rule_file_each_entry(&rf, list, record_entry, &rec), WS_OK);
    assert_string_equal(got, want);
    got[0] = '\0';
    rec = (entry_record){got, 0, 3};
    assert_int_equal(ws_rule_file_each_entry(&rf, ws_yaml_get(&rf, rf.root, "seq"), record_entry, &rec), WS_OK);
    assert_string_equal(got, "1:one\n2:two/2\n1:three\n");
    ws_rule_file_close(&rf);
    free(text);
    free(want);
    free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(syntax_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(key_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(type_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(pattern_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(list_file_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(list_entries_as_written, setup, teardown),
        cmocka_unit_test_setup_teardown(failed_load_leaves_context, setup, teardown),
        cmocka_unit_test_setup_teardown(check_types, setup, teardown),
        cmocka_unit_test_setup_teardown(messages_and_suggestions, setup, teardown),
        cmocka_unit_test_setup_teardown(runaway_pattern_stops, setup, teardown),
        cmocka_unit_test_setup_teardown(later_pack_replaces_rule, setup, teardown),
        cmocka_unit_test_setup_teardown(configuration_overrides, setup, teardown),
        cmocka_unit_test_setup_teardown(configuration_errors, setup, teardown),
        cmocka_unit_test(globs),
        cmocka_unit_test(default_pack_loads),
        cmocka_unit_test(lexicon_hash_composes_by_words),
        cmocka_unit_test(institution_short_names),
        cmocka_unit_test(key_filter_keeps_every_key),
        cmocka_unit_test(lexicon_reserved_as_grown),
        cmocka_unit_test(next_word_filter_keeps_every_later_word),
        cmocka_unit_test(lexicon_keys_compared_whole),
        cmocka_unit_test(cue_forms_indexed),
    };
    int rc = cmocka_run_group_tests_name("ruleset", tests, NULL, NULL);
    test_ctx_free();
    return rc;
}
