/*
 * bench_verify.c - how fast quote verification is: indexing MB of sources
 * and checking thousands of quotations against them (issue 7: 10,000
 * quotes against 100 MB in seconds). A benchmark, not a test: it prints
 * figures and exits 0 (1 only when something fails to run).
 *
 *   bench_verify [--mb N] [--quotes N] [--gram N] [--articles N]
 *
 * It writes N MB (10^6 bytes; default 100) of synthetic sources into a
 * temporary folder (files of about 100 kB: sentences of words drawn from a
 * 50,000-word Zipf vocabulary), loads the folder as a context's sources,
 * then checks --quotes quotations (default 10,000): 40 % copied from the
 * sources (verbatim), 30 % copied with one edit (a word dropped, changed or
 * two swapped: near), 30 % new text (missing). It reports the index build
 * time (reading, normalizing, word cutting and n-gram index), the
 * quotations per second of the matcher alone and of whole analyses
 * (--articles articles holding the quotations, timed with and without
 * sources), how the quotations were classified, and the peak memory
 * (getrusage). --gram sets the words per n-gram of the index (2 to 4).
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "ruleset/context.h"
#include "verify/source_index.h"
#include "verify/verify.h"
#include "ws_config.h"
#include "whosaid.h"

enum {
    VOCABULARY = 50000,
    FILE_BYTES = 100 * 1000,
    MIN_QUOTE_WORDS = 8,
    MAX_QUOTE_WORDS = 30,
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double peak_mb(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_maxrss / 1024.0; /* kB on Linux */
}

/* xorshift64*: deterministic, no global state. */
typedef struct rng {
    uint64_t s;
} rng;

static uint64_t next_u64(rng *r)
{
    r->s ^= r->s >> 12;
    r->s ^= r->s << 25;
    r->s ^= r->s >> 27;
    return r->s * UINT64_C(2685821657736338717);
}

static uint32_t below(rng *r, uint32_t n)
{
    return (uint32_t)(next_u64(r) % n);
}

static double uniform(rng *r)
{
    return (double)(next_u64(r) >> 11) / 9007199254740992.0;
}

/* ------------------------------------------------------------------------ */
/* Synthetic text                                                           */
/* ------------------------------------------------------------------------ */

typedef struct vocab {
    char words[VOCABULARY][16];
    double cdf[VOCABULARY];
} vocab;

static void make_vocab(vocab *v)
{
    static const char *const syl[] = {"ka", "to", "ri", "ne", "sa", "lo", "mi", "de", "pu", "ve",
                                      "ar", "en", "is", "or", "ul", "ta", "ho", "ge", "bi", "zo"};
    double sum = 0;
    for (int i = 0; i < VOCABULARY; i++) {
        /* Frequent words are short, as in English. */
        int n_syl = i < 100 ? 1 : i < 3000 ? 2 : i < 20000 ? 3 : 4;
        char *w = v->words[i];
        w[0] = '\0';
        int x = i;
        for (int k = 0; k < n_syl; k++) {
            strcat(w, syl[x % 20]);
            x /= 20;
        }
        if (i < 100 && i >= 20)
            strcat(w, "n"); /* distinct one-syllable words */
        sum += 1.0 / (i + 1);
        v->cdf[i] = sum;
    }
    for (int i = 0; i < VOCABULARY; i++)
        v->cdf[i] /= sum;
}

static int zipf_word(const vocab *v, rng *r)
{
    double u = uniform(r);
    int lo = 0, hi = VOCABULARY - 1;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (v->cdf[mid] < u)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

typedef struct word_pos {
    uint32_t start, end;
} word_pos;

/* One source file of about FILE_BYTES: paragraphs of sentences. */
static void make_file(const vocab *v, rng *r, ws_buf *text, word_pos *pos, uint32_t *n_pos, uint32_t cap)
{
    text->len = 0;
    *n_pos = 0;
    while (text->len < FILE_BYTES) {
        int n_sent = 3 + (int)below(r, 4);
        for (int s = 0; s < n_sent; s++) {
            int n_words = 6 + (int)below(r, 20);
            for (int k = 0; k < n_words; k++) {
                const char *w = v->words[zipf_word(v, r)];
                if (k)
                    ws_buf_putc(text, ' ');
                uint32_t start = (uint32_t)text->len;
                ws_buf_puts(text, w);
                if (k == 0)
                    text->data[start] = (char)(text->data[start] - 32);
                if (*n_pos < cap)
                    pos[(*n_pos)++] = (word_pos){start, (uint32_t)text->len};
                if (k + 1 < n_words && below(r, 12) == 0)
                    ws_buf_putc(text, ',');
            }
            ws_buf_puts(text, s + 1 < n_sent ? ". " : ".\n\n");
        }
    }
}

typedef enum kind { K_VERBATIM, K_NEAR, K_MISSING } kind;

typedef struct quote {
    kind kind;
    char *text;
} quote;

/* The words [first, first + n) of the file, as a quotation (edited for near). */
static char *take_quote(const ws_buf *text, const word_pos *pos, uint32_t first, uint32_t n,
                        kind k, const vocab *v, rng *r)
{
    ws_buf q;
    ws_buf_init(&q, &ws_default_allocator);
    uint32_t edit = 1 + below(r, n - 2), how = below(r, 3);
    for (uint32_t i = 0; i < n; i++) {
        const word_pos *w = &pos[first + i];
        const word_pos *w2 = i + 1 < n ? &pos[first + i + 1] : w;
        if (q.len)
            ws_buf_putc(&q, ' ');
        if (k == K_NEAR && i == edit && how == 0)
            continue; /* dropped */
        if (k == K_NEAR && i == edit && how == 1) {
            ws_buf_puts(&q, v->words[VOCABULARY - 1 - below(r, 1000)]); /* changed to a rare word */
            continue;
        }
        if (k == K_NEAR && i == edit && how == 2 && i + 1 < n) {
            ws_buf_put(&q, text->data + w2->start, w2->end - w2->start); /* swapped */
            ws_buf_putc(&q, ' ');
            ws_buf_put(&q, text->data + w->start, w->end - w->start);
            i++;
            continue;
        }
        ws_buf_put(&q, text->data + w->start, w->end - w->start);
    }
    return ws_buf_detach(&q, NULL);
}

static char *new_text(const vocab *v, rng *r)
{
    ws_buf q;
    ws_buf_init(&q, &ws_default_allocator);
    uint32_t n = MIN_QUOTE_WORDS + below(r, MAX_QUOTE_WORDS - MIN_QUOTE_WORDS);
    for (uint32_t i = 0; i < n; i++) {
        if (i)
            ws_buf_putc(&q, ' ');
        ws_buf_puts(&q, v->words[zipf_word(v, r)]);
    }
    return ws_buf_detach(&q, NULL);
}

/* ------------------------------------------------------------------------ */
/* The run                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct options {
    double mb;
    uint32_t n_quotes;
    unsigned gram;
    uint32_t n_articles;
} options;

static int parse_args(int argc, char **argv, options *o)
{
    *o = (options){100, 10000, 3, 100};
    for (int i = 1; i < argc; i += 2) {
        const char *a = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if (!val) {
            fprintf(stderr, "bench_verify: %s needs a value\n", a);
            return -1;
        }
        if (!strcmp(a, "--mb"))
            o->mb = atof(val);
        else if (!strcmp(a, "--quotes"))
            o->n_quotes = (uint32_t)atol(val);
        else if (!strcmp(a, "--gram"))
            o->gram = (unsigned)atoi(val);
        else if (!strcmp(a, "--articles"))
            o->n_articles = (uint32_t)atol(val);
        else {
            fprintf(stderr, "usage: bench_verify [--mb N] [--quotes N] [--gram N] [--articles N]\n");
            return -1;
        }
    }
    if (o->mb <= 0 || o->n_quotes < 10 || o->gram < 2 || o->gram > 4 || o->n_articles == 0)
        return -1;
    return 0;
}

static void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4096];
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        unlink(path);
    }
    if (d)
        closedir(d);
    rmdir(dir);
}

/* Write the sources and pick the quotations; returns the number of files. */
static int make_corpus(const options *o, const char *dir, const vocab *v, quote *quotes,
                       double *bytes)
{
    rng r = {UINT64_C(0x9E3779B97F4A7C15)};
    int n_files = (int)((o->mb * 1e6 + FILE_BYTES - 1) / FILE_BYTES);
    uint32_t n_from_sources = o->n_quotes * 7 / 10, n_taken = 0;
    ws_buf text;
    ws_buf_init(&text, &ws_default_allocator);
    uint32_t cap = FILE_BYTES;
    word_pos *pos = malloc(cap * sizeof *pos);
    *bytes = 0;
    for (int f = 0; f < n_files && pos; f++) {
        uint32_t n_pos;
        make_file(v, &r, &text, pos, &n_pos, cap);
        *bytes += (double)text.len;
        char path[4096];
        snprintf(path, sizeof path, "%s/source-%05d.txt", dir, f);
        FILE *fp = fopen(path, "wb");
        if (!fp || fwrite(text.data, 1, text.len, fp) != text.len) {
            perror(path);
            if (fp)
                fclose(fp);
            free(pos);
            ws_buf_release(&text);
            return -1;
        }
        fclose(fp);
        /* Spread the quotations taken from the sources over all files. */
        uint32_t want = (uint32_t)((uint64_t)n_from_sources * (uint64_t)(f + 1) / (uint64_t)n_files);
        for (; n_taken < want; n_taken++) {
            uint32_t n = MIN_QUOTE_WORDS + below(&r, MAX_QUOTE_WORDS - MIN_QUOTE_WORDS);
            uint32_t first = below(&r, n_pos - n);
            kind k = n_taken * 7 < n_from_sources * 4 ? K_VERBATIM : K_NEAR;
            quotes[n_taken] = (quote){k, take_quote(&text, pos, first, n, k, v, &r)};
        }
    }
    for (uint32_t i = n_taken; i < o->n_quotes; i++)
        quotes[i] = (quote){K_MISSING, new_text(v, &r)};
    free(pos);
    ws_buf_release(&text);
    return n_files;
}

static void run_matcher(const ws_source_index *ix, quote *quotes, uint32_t n, uint32_t counts[3][3])
{
    ws_verifier v;
    ws_verifier_init(&v, &ws_default_allocator, ix);
    ws_vmatch m;
    memset(&m, 0, sizeof m);
    for (uint32_t i = 0; i < n; i++) {
        ws_range frag = {0, (uint32_t)strlen(quotes[i].text)};
        if (ws_verifier_parse(&v, quotes[i].text, &frag, 1) < 0 ||
            ws_verifier_match(&v, NULL, NULL, &m) < 0) {
            fprintf(stderr, "bench_verify: matching failed\n");
            break;
        }
        counts[quotes[i].kind][m.status]++;
    }
    ws_alignment_release(&ws_default_allocator, &m.al);
    ws_verifier_release(&v);
}

/* Analyze the quotations as --articles articles; seconds. */
static double run_articles(const ws_ctx *ctx, const quote *quotes, uint32_t n, uint32_t n_articles,
                           size_t *n_verified)
{
    double t = 0;
    *n_verified = 0;
    uint32_t per = (n + n_articles - 1) / n_articles;
    ws_buf art;
    ws_buf_init(&art, &ws_default_allocator);
    for (uint32_t a = 0; a * per < n; a++) {
        art.len = 0;
        for (uint32_t i = a * per; i < n && i < (a + 1) * per; i++)
            ws_buf_printf(&art, "\"%s,\" the minister said.\n\n", quotes[i].text);
        ws_input in = {sizeof in, WS_INPUT_TEXT, "article.txt", art.data, art.len, NULL};
        ws_report *rep = NULL;
        ws_diag d;
        double t0 = now_s();
        if (ws_analyze(ctx, &in, &rep, &d) < 0) {
            fprintf(stderr, "bench_verify: analysis failed: %s\n", d.message);
            break;
        }
        t += now_s() - t0;
        *n_verified += ws_report_n_verifications(rep);
        ws_report_free(rep);
    }
    ws_buf_release(&art);
    return t;
}

int main(int argc, char **argv)
{
    options o;
    if (parse_args(argc, argv, &o) < 0)
        return 1;
    if (getenv("WS_UNDER_VALGRIND")) {
        o.mb = 1;
        o.n_quotes = 200;
        o.n_articles = 4;
    }
    char dir[] = "/tmp/ws-bench-verify-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    vocab *v = malloc(sizeof *v);
    quote *quotes = calloc(o.n_quotes, sizeof *quotes);
    int status = 1;
    ws_ctx *plain = NULL, *ctx = NULL;
    if (!v || !quotes)
        goto out;
    make_vocab(v);
    double bytes;
    double t0 = now_s();
    int n_files = make_corpus(&o, dir, v, quotes, &bytes);
    if (n_files < 0)
        goto out;
    printf("sources: %.1f MB in %d files (generated in %.2f s); %u quotations, %u-word n-grams\n",
           bytes / 1e6, n_files, now_s() - t0, o.n_quotes, o.gram);
    double rss_before = peak_mb();

    ws_diag d;
    if (ws_ctx_new(NULL, &ctx) < 0 || ws_ctx_new(NULL, &plain) < 0 ||
        ws_ctx_load_rules(ctx, WS_SOURCE_RULES_DIR, &d) < 0 ||
        ws_ctx_load_rules(plain, WS_SOURCE_RULES_DIR, &d) < 0) {
        fprintf(stderr, "bench_verify: cannot load the rules\n");
        goto out;
    }
    /* The index with the n-gram size asked for: a fresh one in the context. */
    if (ws_source_index_new(&ctx->mem, o.gram, &ctx->sources) < 0)
        goto out;
    t0 = now_s();
    if (ws_ctx_add_sources(ctx, dir, &d) < 0) {
        fprintf(stderr, "bench_verify: %s: %s\n", d.file, d.message);
        goto out;
    }
    double t_build = now_s() - t0;
    const ws_source_index *ix = ctx->sources;
    double index_mb = ((double)ix->tok_word.n * 8 + (double)ix->n_postings * 4 +
                       ((double)ix->bucket_mask + 2) * 4 + ((double)ix->slot_mask + 1) * 4) / 1e6;
    printf("index build: %.2f s (%.1f MB/s): %zu words, %zu distinct, %zu n-grams; "
           "index arrays %.0f MB\n",
           t_build, bytes / 1e6 / t_build, ix->tok_word.n, (size_t)ix->n_words, ix->n_postings, index_mb);
    double rss_built = peak_mb();

    uint32_t counts[3][3] = {{0}};
    t0 = now_s();
    run_matcher(ix, quotes, o.n_quotes, counts);
    double t_match = now_s() - t0;
    printf("matcher: %u quotations in %.3f s: %.0f quotations/s\n", o.n_quotes, t_match,
           o.n_quotes / t_match);
    static const char *const names[] = {"verbatim", "near", "missing"};
    for (int k = 0; k < 3; k++)
        printf("  generated %-8s -> verbatim %5u, near %5u, missing %5u\n", names[k], counts[k][0],
               counts[k][1], counts[k][2]);

    size_t n_checked, n_plain;
    double t_with = run_articles(ctx, quotes, o.n_quotes, o.n_articles, &n_checked);
    double t_without = run_articles(plain, quotes, o.n_quotes, o.n_articles, &n_plain);
    printf("analysis of %u articles: %.3f s with sources, %.3f s without; %zu quotations "
           "checked: %.0f quotations/s for the verification pass\n",
           o.n_articles, t_with, t_without, n_checked,
           n_checked / (t_with - t_without > 1e-9 ? t_with - t_without : 1e-9));
    printf("peak memory (maxrss): %.0f MB before indexing, %.0f MB after, %.0f MB at the end\n",
           rss_before, rss_built, peak_mb());
    status = 0;
out:
    ws_ctx_free(ctx);
    ws_ctx_free(plain);
    for (uint32_t i = 0; quotes && i < o.n_quotes; i++)
        free(quotes[i].text);
    free(quotes);
    free(v);
    remove_dir(dir);
    return status;
}
