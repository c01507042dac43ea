/*
 * fuzz_rules.c - libFuzzer harness for the rule loader (user rule files are
 * untrusted): the YAML reader, every rule type, PCRE2 patterns and word
 * lists, then the loaded rules run on a few sentences and their own examples.
 *
 * The input is one rule file, optionally followed by a line "%%" and a word
 * list: they are written to Fuzz/Rule.yml and Fuzz/list.txt in a folder made
 * once per process, so a rule can name "list.txt". An input that starts with
 * "%config\n" is a .whosaid.yml for ws_config_load instead.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "fuzz_common.h"

static char dir[64];            /* the rules folder: dir/Fuzz/ is the pack */
static char rule_path[128];
static char list_path[128];
static char config_path[128];

static const char *const articles[] = {
    "\"We will act,\" the minister said on Monday, adding that the alleged plan was "
    "\"so-called reform\".\n\nOfficials reportedly said it is said that 'nothing' "
    "will change. \"Unclosed, she said.\n",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab "
    "«Bonjour», dit-il. „Guten Tag“, sagte sie. Mr. Smith told Reuters.\n",
};

static void cleanup(void)
{
    unlink(rule_path);
    unlink(list_path);
    unlink(config_path);
    char pack[96];
    snprintf(pack, sizeof pack, "%s/Fuzz", dir);
    rmdir(pack);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/ws-fuzz-rules-XXXXXX", tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    if (!mkdtemp(dir))
        fuzz_fail("mkdtemp", dir);
    char pack[96];
    snprintf(pack, sizeof pack, "%s/Fuzz", dir);
    if (mkdir(pack, 0700) != 0)
        fuzz_fail("mkdir", pack);
    snprintf(rule_path, sizeof rule_path, "%s/Rule.yml", pack);
    snprintf(list_path, sizeof list_path, "%s/list.txt", pack);
    snprintf(config_path, sizeof config_path, "%s/.whosaid.yml", dir);
    atexit(cleanup);
    return 0;
}

static void write_file(const char *path, const uint8_t *data, size_t len)
{
    FILE *fp = fopen(path, "wb");
    if (!fp || (len && fwrite(data, 1, len, fp) != len) || fclose(fp) != 0)
        fuzz_fail("cannot write", path);
}

static const uint8_t *find_separator(const uint8_t *data, size_t size)
{
    static const char sep[] = "\n%%\n";
    for (size_t i = 0; i + 4 <= size; i++)
        if (memcmp(data + i, sep, 4) == 0)
            return data + i;
    return NULL;
}

/* An error must say where: the file, and a position that is inside it. */
static void check_diag(const ws_diag *d, int rc)
{
    if (d->code != rc && d->code != 0)
        fuzz_fail("the diagnostic's code differs from the status", ws_strerror(rc));
    if (!d->message[0])
        fuzz_fail("an error without a message", ws_strerror(rc));
    if (!memchr(d->message, '\0', sizeof d->message) || !memchr(d->file, '\0', sizeof d->file))
        fuzz_fail("a diagnostic string is not terminated", NULL);
}

static void fuzz_config(const uint8_t *data, size_t size)
{
    write_file(config_path, data, size);
    ws_config *cfg = NULL;
    ws_diag d;
    memset(&d, 0, sizeof d);
    int rc = ws_config_load(NULL, config_path, &cfg, &d);
    if (rc < 0) {
        if (cfg)
            fuzz_fail("a failed ws_config_load left a configuration", NULL);
        if (rc != WS_ECONFIG && rc != WS_EIO)
            fuzz_fail("unexpected ws_config_load status", ws_strerror(rc));
        check_diag(&d, rc);
        return;
    }
    (void)ws_config_min_level(cfg);
    (void)ws_config_fail_level(cfg);
    (void)ws_config_skips_default_rules(cfg);
    if (strcmp(ws_config_path(cfg), config_path) != 0)
        fuzz_fail("ws_config_path", NULL);
    ws_config_free(cfg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > FUZZ_MAX_LEN)
        return -1;
    if (size >= 8 && memcmp(data, "%config\n", 8) == 0) {
        fuzz_config(data + 8, size - 8);
        return 0;
    }
    const uint8_t *sep = find_separator(data, size);
    size_t rule_len = sep ? (size_t)(sep - data) + 1 : size;
    write_file(rule_path, data, rule_len);
    if (sep)
        write_file(list_path, sep + 4, size - (size_t)(sep + 4 - data));
    else
        unlink(list_path);

    ws_ctx *ctx = fuzz_ctx(NULL);
    ws_diag d;
    memset(&d, 0, sizeof d);
    int rc = ws_ctx_load_rules(ctx, dir, &d);
    if (rc < 0) {
        if (rc != WS_ERULE && rc != WS_EIO)
            fuzz_fail("unexpected ws_ctx_load_rules status", ws_strerror(rc));
        check_diag(&d, rc);
        if (ws_ctx_n_rules(ctx) != 0)
            fuzz_fail("a failed load left rules in the context", NULL);
        ws_ctx_free(ctx);
        return 0;
    }
    if (ws_ctx_check(ctx, &d) < 0)
        fuzz_fail("ws_ctx_check without a configuration", d.message);
    /* Run what loaded: the fixed articles and every example, as `rules test` does. */
    for (size_t i = 0; i < sizeof articles / sizeof *articles; i++)
        fuzz_analyze(ctx, (const uint8_t *)articles[i], strlen(articles[i]), WS_INPUT_TEXT, NULL);
    for (size_t i = 0; i < ws_ctx_n_rules(ctx); i++) {
        ws_rule_info info;
        if (ws_ctx_rule(ctx, i, &info) < 0 || !info.id || !info.pack || !info.type || !info.path)
            fuzz_fail("ws_ctx_rule", NULL);
        (void)ws_level_name(info.level);
        for (size_t k = 0; k < info.n_examples; k++) {
            int should_flag;
            const char *text;
            uint32_t line;
            if (ws_ctx_rule_example(ctx, i, k, &should_flag, &text, &line) < 0 || !text)
                fuzz_fail("ws_ctx_rule_example", info.id);
            fuzz_analyze(ctx, (const uint8_t *)text, strlen(text), WS_INPUT_TEXT, NULL);
        }
    }
    ws_ctx_free(ctx);
    return 0;
}
