/*
 * bench_rules.c - how fast the rule engine is: compiling the rule packs, the
 * whole analysis, and the token-lexicon lookup that finds rule phrases,
 * against the naive regular-expression alternation it replaces (STYLE.md
 * section 6). A benchmark, not a test: it prints a table and exits 0.
 *
 *   bench_rules [--reps N] [--compile-reps N] [--rules DIR] [CORPUS_DIR | --synthetic MB]
 *
 * The corpus is every .txt file under CORPUS_DIR (default: the BBC News
 * corpus in ../shared/bench/bbc-news beside the source tree), read once into
 * memory; without it the program says "skipped" and exits 0. --synthetic MB
 * generates MB * 10^6 bytes of news-like text instead. MB/s are 10^6 bytes
 * of input per second; every timed loop runs --reps times and the best run
 * counts (the median is shown too). Under valgrind (WS_UNDER_VALGRIND set by
 * the meson test setup) one repetition is enough.
 */
#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "detect/report.h"
#include "doc/tokenize.h"
#include "ruleset/context.h"
#include "ruleset/ruleset.h"
#include "ws_config.h"
#include "whosaid.h"

enum { MAX_REPS = 1000 };

/* ------------------------------------------------------------------------ */
/* Timing                                                                   */
/* ------------------------------------------------------------------------ */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

typedef struct timing {
    double min_ms;
    double median_ms;
} timing;

static timing summarize(double *ms, int n)
{
    qsort(ms, (size_t)n, sizeof *ms, cmp_double);
    timing t = {ms[0], n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2};
    return t;
}

static double mb_per_s(size_t bytes, double ms)
{
    return ms > 0 ? (double)bytes / 1e6 / (ms / 1e3) : 0;
}

/* ------------------------------------------------------------------------ */
/* The corpus                                                               */
/* ------------------------------------------------------------------------ */

typedef struct article {
    char *path;
    char *data;
    size_t len;
    ws_report *rep;       /* the analysis, kept for the lexicon and regex stages */
} article;

typedef struct corpus {
    article *v;
    size_t n, cap;
    size_t bytes;
} corpus;

static void die_oom(void)
{
    fputs("bench_rules: out of memory\n", stderr);
    exit(1);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die_oom();
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

static void corpus_add(corpus *c, const char *path, char *data, size_t len)
{
    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 256;
        article *v = realloc(c->v, cap * sizeof *v);
        if (!v)
            die_oom();
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = (article){xstrdup(path), data, len, NULL};
    c->bytes += len;
}

static void corpus_free(corpus *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].path);
        free(c->v[i].data);
        ws_report_free(c->v[i].rep);
    }
    free(c->v);
    memset(c, 0, sizeof *c);
}

static int read_file(const char *path, char **data, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    size_t cap = 8192, n = 0;
    char *buf = xmalloc(cap);
    size_t got;
    while ((got = fread(buf + n, 1, cap - n, fp)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p)
                die_oom();
            buf = p;
        }
    }
    int err = ferror(fp);
    fclose(fp);
    if (err) {
        free(buf);
        return -1;
    }
    *data = buf;
    *len = n;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Every .txt file under @dir, in name order; -1 when @dir cannot be read. */
static int walk(corpus *c, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p)
                die_oom();
            names = p;
        }
        names[n++] = xstrdup(ent->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = xmalloc(len);
        snprintf(path, len, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            walk(c, path);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && is_txt(names[i])) {
            char *data;
            size_t dlen;
            if (read_file(path, &data, &dlen) == 0)
                corpus_add(c, path, data, dlen);
            else
                fprintf(stderr, "bench_rules: %s: %s\n", path, strerror(errno));
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Synthetic news                                                           */
/* ------------------------------------------------------------------------ */

static uint64_t rng_state = 0x9E3779B97F4A7C15u;

static uint32_t rng(void)
{
    /* xorshift64*: deterministic, so every run sees the same text. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 2685821657736338717u) >> 32);
}

#define PICK(arr) ((arr)[rng() % (sizeof(arr) / sizeof *(arr))])

static const char *const first_names[] = {
    "Maria", "John", "Aisha", "José", "Zoë", "Heather", "Sergei", "Priya", "Olaf", "Chloé",
    "Kwame", "Li", "Fatima", "Björn", "Emily", "Tomás",
};
static const char *const surnames[] = {
    "Álvarez", "Smith", "Okafor", "Nauert", "Lavrov", "Müller", "Singh", "O'Brien", "Dubois",
    "Nakamura", "Hewitt", "García", "Kowalski", "Mensah", "Brontë", "Ferreira",
};
static const char *const roles[] = {
    "the foreign minister", "a spokeswoman for the ministry", "the chief executive",
    "the head of the union", "a senior official", "the opposition leader", "the mayor",
    "a police spokesman", "the company's finance director", "an economist at the bank",
};
static const char *const cues_after[] = {
    "said", "told reporters", "added", "claimed", "insisted", "admitted", "noted", "warned",
    "explained", "said on Tuesday", "wrote on social media", "told the BBC",
};
static const char *const hedges[] = {
    "reportedly", "allegedly", "apparently", "it is understood that", "sources suggest that",
    "it appears that", "some say", "according to people familiar with the talks,",
    "it is believed that", "it seems that",
};
static const char *const subjects[] = {
    "the government", "the talks", "the new budget", "the ceasefire", "the merger",
    "the inquiry", "the club", "the strike", "the plan", "inflation", "the election",
};
static const char *const predicates[] = {
    "would collapse before the end of the year", "had been agreed in principle",
    "was never going to work", "will cost more than €1.4bn", "has the support of most members",
    "could be delayed until March", "may have broken the rules", "is a matter for the courts",
    "was the right decision for the country", "will be reviewed in the spring",
};
static const char *const headlines[] = {
    "Talks on budget continue", "Minister denies claims over merger", "Union warns of strike",
    "Club confirms new manager", "Inquiry into ceasefire breach", "Shares slide after warning",
};
static const char *const quotes[] = {
    "We will not accept this", "It is a very difficult situation for everyone",
    "Nobody expected the numbers to be this bad", "We have already doubled the budget",
    "This is the best result we have had in years", "I think people deserve an answer",
    "There is no evidence of wrongdoing", "Our priority is to keep people safe",
    "We are looking at all the options", "It was a mistake and we apologise",
};
static const char *const fillers[] = {
    "The figures were published on Monday.", "Shares fell by 3% in early trading.",
    "The decision follows months of negotiations.", "Critics have called the move premature.",
    "The report runs to more than 200 pages.", "Talks are expected to resume next week.",
    "Officials in Brussels declined to comment.", "The vote is due on Thursday.",
};

static void put(ws_buf *b, const char *s)
{
    if (ws_buf_puts(b, s) < 0)
        die_oom();
}

static void put_name(ws_buf *b)
{
    put(b, PICK(first_names));
    put(b, " ");
    put(b, PICK(surnames));
}

/* One paragraph: a quotation, reported speech, a hedge or plain narration. */
static void put_paragraph(ws_buf *b)
{
    switch (rng() % 7) {
    case 0: /* “Quote,” Name said. */
        put(b, "\u201c");
        put(b, PICK(quotes));
        put(b, ",\u201d ");
        put_name(b);
        put(b, ", ");
        put(b, PICK(roles));
        put(b, ", ");
        put(b, PICK(cues_after));
        put(b, ".");
        break;
    case 1: /* Name said: "Quote. Quote." */
        put_name(b);
        put(b, " ");
        put(b, PICK(cues_after));
        put(b, ": \"");
        put(b, PICK(quotes));
        put(b, ". ");
        put(b, PICK(quotes));
        put(b, ".\"");
        break;
    case 2: /* reported speech */
        put(b, "According to ");
        put_name(b);
        put(b, ", ");
        put(b, PICK(subjects));
        put(b, " ");
        put(b, PICK(predicates));
        put(b, ". ");
        put(b, PICK(fillers));
        break;
    case 3: /* a hedge in narration, a scare quote */
        put(b, "The deal, ");
        put(b, PICK(hedges));
        put(b, " ");
        put(b, PICK(predicates));
        put(b, ", was described as \u2018historic\u2019 by ");
        put_name(b);
        put(b, ".");
        break;
    case 4: /* a split quotation */
        put(b, "\u201c");
        put(b, PICK(quotes));
        put(b, ",\u201d ");
        put(b, PICK(cues_after));
        put(b, " ");
        put_name(b);
        put(b, ". \u201c");
        put(b, PICK(quotes));
        put(b, ".\u201d");
        break;
    case 5: /* indirect speech with a hedge */
        put_name(b);
        put(b, " ");
        put(b, PICK(cues_after));
        put(b, " that ");
        put(b, PICK(subjects));
        put(b, " ");
        put(b, PICK(predicates));
        put(b, ", although ");
        put(b, PICK(hedges));
        put(b, " ");
        put(b, PICK(subjects));
        put(b, " ");
        put(b, PICK(predicates));
        put(b, ".");
        break;
    default: /* narration */
        put(b, PICK(fillers));
        put(b, " ");
        put(b, PICK(fillers));
        put(b, " ");
        put(b, PICK(subjects));
        put(b, " ");
        put(b, PICK(predicates));
        put(b, ".");
        break;
    }
}

static void synthesize(corpus *c, size_t bytes)
{
    ws_buf b;
    ws_buf_init(&b, &ws_default_allocator);
    for (size_t k = 0; c->bytes < bytes; k++) {
        b.len = 0;
        put(&b, PICK(headlines));
        put(&b, "\n\n");
        size_t target = 2000 + rng() % 4000; /* BBC articles are 1-5 KB */
        while (b.len < target) {
            put_paragraph(&b);
            put(&b, "\n\n");
        }
        char path[64];
        snprintf(path, sizeof path, "synthetic/%05zu.txt", k);
        char *data = xmalloc(b.len);
        memcpy(data, b.data, b.len);
        corpus_add(c, path, data, b.len);
    }
    ws_buf_release(&b);
}

/* ------------------------------------------------------------------------ */
/* The token-lexicon lookup                                                 */
/* ------------------------------------------------------------------------ */

/*
 * match_phrases_at() of src/detect/rules.c, case-insensitive lexicons only:
 * look up the key of token @i, then extend it word by word while the
 * lexicon says a longer phrase starts with it. Instead of recording hits it
 * counts them (one per trigger of a rule lexicon, one per entry otherwise).
 */
static int match_phrases_at(const ws_ruleset *rs, const ws_doc *doc, const ws_lexicon *lex,
                            bool is_triggers, size_t i, ws_buf *key, size_t *n_hits)
{
    const ws_token *tok = doc->tokens.v;
    size_t n = doc->tokens.n;
    key->len = 0;
    int rc;
    for (size_t j = i; j < n && j - i < lex->max_words; j++) {
        if (j > i) {
            if (tok[j].sentence != tok[i].sentence || tok[j].kind == WS_TOK_QUOTE)
                break;
            if ((rc = ws_buf_putc(key, ' ')) < 0)
                return rc;
        }
        size_t len;
        const char *k = ws_doc_key(doc, j, &len);
        if ((rc = ws_buf_put(key, k, len)) < 0)
            return rc;
        const ws_lex_entry *e = ws_lexicon_find(lex, key->data, key->len);
        if (!e)
            break;
        if (e->flags & WS_LEX_ENTRY) {
            if (is_triggers) {
                for (uint32_t t = e->value; t != UINT32_MAX; t = rs->triggers.v[t].next)
                    (*n_hits)++;
            } else {
                (*n_hits)++;
            }
        }
        if (!(e->flags & WS_LEX_PREFIX))
            break;
    }
    return WS_OK;
}

/*
 * The lookup over one analyzed article, as collect_token_hits() walks it:
 * in the phrases of the check rules and, with @with_cues, in the cue
 * lexicon too, so that it looks for the same phrases as the alternation.
 */
static int lexicon_pass(const ws_ruleset *rs, const ws_report *rep, bool with_cues, ws_buf *key,
                        size_t *n_hits)
{
    const ws_doc *doc = &rep->doc;
    bool has_triggers = rs->triggers_ci.n_entries > 0;
    bool has_cues = with_cues && rs->cues.n_entries > 0;
    int rc = WS_OK;
    for (size_t i = 0; i < doc->tokens.n && rc >= 0; i++) {
        if (doc->tokens.v[i].kind == WS_TOK_QUOTE)
            continue;
        if (has_triggers)
            rc = match_phrases_at(rs, doc, &rs->triggers_ci, true, i, key, n_hits);
        if (rc >= 0 && has_cues)
            rc = match_phrases_at(rs, doc, &rs->cues, false, i, key, n_hits);
    }
    return rc;
}

/* ------------------------------------------------------------------------ */
/* The naive alternative: one alternation of every phrase                   */
/* ------------------------------------------------------------------------ */

typedef struct str_list {
    const char **v;
    size_t n, cap;
} str_list;

static void collect_entries(const ws_lexicon *lex, str_list *out)
{
    for (size_t i = 0; i < lex->cap; i++) {
        const ws_lex_entry *e = &lex->slots[i];
        if (!e->key || !(e->flags & WS_LEX_ENTRY))
            continue;
        if (out->n == out->cap) {
            out->cap = out->cap ? out->cap * 2 : 256;
            const char **v = realloc(out->v, out->cap * sizeof *v);
            if (!v)
                die_oom();
            out->v = v;
        }
        out->v[out->n++] = e->key;
    }
}

/* Descending order: a phrase comes before its own prefix ("according to", "according"). */
static int cmp_str_desc(const void *a, const void *b)
{
    return -strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * \b(?:w1|w2|...)\b from the lexicon keys: metacharacters escaped, the
 * words of a phrase joined by \s+, the ASCII apostrophe of the keys
 * matching the typographic one too. Returns the number of phrases.
 */
static size_t build_alternation(const ws_ruleset *rs, ws_buf *pat)
{
    str_list keys = {NULL, 0, 0};
    collect_entries(&rs->triggers_ci, &keys);
    collect_entries(&rs->cues, &keys);
    if (keys.n)
        qsort(keys.v, keys.n, sizeof *keys.v, cmp_str_desc);
    size_t n_phrases = 0;
    put(pat, "\\b(?:");
    for (size_t i = 0; i < keys.n; i++) {
        if (i > 0 && !strcmp(keys.v[i], keys.v[i - 1]))
            continue; /* in both lexicons */
        if (n_phrases++)
            put(pat, "|");
        for (const char *s = keys.v[i]; *s; s++) {
            unsigned char ch = (unsigned char)*s;
            if (ch == ' ')
                put(pat, "\\s+");
            else if (ch == '\'')
                put(pat, "['\u2019]");
            else if (ch < 0x80 && !((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                                    (ch >= '0' && ch <= '9'))) {
                char esc[3] = {'\\', (char)ch, '\0'};
                put(pat, esc);
            } else {
                char one[2] = {(char)ch, '\0'};
                put(pat, one);
            }
        }
    }
    put(pat, ")\\b");
    free(keys.v);
    return n_phrases;
}

typedef struct regex {
    pcre2_code *code;
    pcre2_match_data *md;
    bool is_jit;
} regex;

static int regex_compile(regex *rx, const ws_buf *pat, uint32_t opts)
{
    int err;
    PCRE2_SIZE off;
    memset(rx, 0, sizeof *rx);
    rx->code = pcre2_compile((PCRE2_SPTR)pat->data, pat->len, opts, &err, &off, NULL);
    if (!rx->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        fprintf(stderr, "bench_rules: the alternation does not compile at offset %zu: %s\n",
                (size_t)off, (const char *)msg);
        return -1;
    }
    rx->is_jit = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE) == 0;
    rx->md = pcre2_match_data_create_from_pattern(rx->code, NULL);
    if (!rx->md)
        die_oom();
    return 0;
}

static void regex_free(regex *rx)
{
    pcre2_match_data_free(rx->md);
    pcre2_code_free(rx->code);
}

/* Every match over @text, as a rule's global match loop runs. */
static int regex_pass(regex *rx, const char *text, size_t len, size_t *n_hits)
{
    size_t at = 0;
    while (at < len) {
        int rc = rx->is_jit ? pcre2_jit_match(rx->code, (PCRE2_SPTR)text, len, at, 0, rx->md, NULL)
                            : pcre2_match(rx->code, (PCRE2_SPTR)text, len, at, PCRE2_NO_UTF_CHECK,
                                          rx->md, NULL);
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc < 0)
            return -1;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rx->md);
        (*n_hits)++;
        if (ov[1] > at) {
            at = ov[1];
        } else {
            /* Never for these phrases, but a global loop must not stall. */
            at++;
            while (at < len && ((unsigned char)text[at] & 0xC0) == 0x80)
                at++;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------ */
/* Main                                                                     */
/* ------------------------------------------------------------------------ */

static void usage(FILE *fp)
{
    fputs("usage: bench_rules [--reps N] [--compile-reps N] [--rules DIR]"
          " [CORPUS_DIR | --synthetic MB]\n",
          fp);
}

static int parse_count(const char *s, int lo, int hi, int *out)
{
    char *end = NULL;
    long v = s ? strtol(s, &end, 10) : 0;
    if (!s || !*s || *end || v < lo || v > hi)
        return -1;
    *out = (int)v;
    return 0;
}

static void print_row(const char *stage, timing t, size_t bytes, long hits, double ratio)
{
    printf("%-34s %10.2f %10.2f %9.2f ", stage, t.min_ms, t.median_ms, mb_per_s(bytes, t.min_ms));
    if (hits >= 0)
        printf("%9ld", hits);
    else
        printf("%9s", "-");
    if (ratio > 0)
        printf(" %8.1fx", ratio);
    putchar('\n');
}

int main(int argc, char **argv)
{
    const char *corpus_dir = NULL, *rules_dir = WS_SOURCE_RULES_DIR;
    int synthetic_mb = 0, reps = 5, compile_reps = 20;
    if (getenv("WS_UNDER_VALGRIND")) {
        reps = 1;
        compile_reps = 2;
    }
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *next = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--synthetic")) {
            if (parse_count(next, 1, 4000, &synthetic_mb) < 0) {
                fputs("bench_rules: --synthetic takes a number of MB (1 to 4000)\n", stderr);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "--reps") || !strcmp(a, "--compile-reps")) {
            if (parse_count(next, 1, MAX_REPS, !strcmp(a, "--reps") ? &reps : &compile_reps) < 0) {
                fprintf(stderr, "bench_rules: %s takes a number from 1 to %d\n", a, MAX_REPS);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "--rules") && next) {
            rules_dir = next;
            i++;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            return 0;
        } else if (a[0] != '-' && !corpus_dir) {
            corpus_dir = a;
        } else {
            usage(stderr);
            return 2;
        }
    }

    corpus c = {NULL, 0, 0, 0};
    char default_dir[4096];
    if (synthetic_mb) {
        synthesize(&c, (size_t)synthetic_mb * 1000000u);
    } else {
        if (!corpus_dir) {
            /* ../shared/bench/bbc-news beside the source tree: the rules
             * folder without its last two components. */
            snprintf(default_dir, sizeof default_dir, "%s", WS_SOURCE_RULES_DIR);
            char *slash = strrchr(default_dir, '/');
            if (slash && slash > default_dir)
                *slash = '\0';
            slash = strrchr(default_dir, '/');
            if (slash && slash > default_dir)
                *slash = '\0';
            else
                snprintf(default_dir, sizeof default_dir, "%s/../..", WS_SOURCE_RULES_DIR);
            size_t n = strlen(default_dir);
            snprintf(default_dir + n, sizeof default_dir - n, "/shared/bench/bbc-news");
            corpus_dir = default_dir;
        }
        if (walk(&c, corpus_dir) < 0 || c.n == 0) {
            printf("skipped: corpus not found (%s)\n", corpus_dir);
            corpus_free(&c);
            return 0;
        }
    }

    double ms[MAX_REPS];
    ws_diag diag;
    memset(&diag, 0, sizeof diag);

    /* 1. Compiling the rule set: context, every pack, every list, every pattern. */
    for (int k = 0; k < compile_reps; k++) {
        ws_ctx *tmp = NULL;
        double t0 = now_ms();
        int rc = ws_ctx_new(NULL, &tmp);
        if (rc >= 0)
            rc = ws_ctx_load_rules(tmp, rules_dir, &diag);
        ms[k] = now_ms() - t0;
        ws_ctx_free(tmp);
        if (rc < 0) {
            fprintf(stderr, "bench_rules: %s:%u:%u: %s\n", diag.file, diag.line, diag.col,
                    diag.message);
            corpus_free(&c);
            return 1;
        }
    }
    timing t_compile = summarize(ms, compile_reps);

    ws_ctx *ctx = NULL;
    if (ws_ctx_new(NULL, &ctx) < 0 || ws_ctx_load_rules(ctx, rules_dir, &diag) < 0) {
        fprintf(stderr, "bench_rules: cannot load %s: %s\n", rules_dir, diag.message);
        ws_ctx_free(ctx);
        corpus_free(&c);
        return 1;
    }
    const ws_ruleset *rs = &ctx->rules;

    /* 2. The whole pipeline; the reports of the last run are kept. */
    size_t n_failed = 0, analyzed_bytes = 0;
    const char *first_failure = NULL;
    char failure_msg[600] = "";
    for (int k = 0; k < reps; k++) {
        bool keep = k == reps - 1;
        ms[k] = 0; /* ws_analyze alone: freeing the reports is not counted */
        for (size_t i = 0; i < c.n; i++) {
            article *a = &c.v[i];
            ws_input in = {sizeof in, WS_INPUT_TEXT, a->path, a->data, a->len, NULL};
            ws_report *rep = NULL;
            double t0 = now_ms();
            int rc = ws_analyze(ctx, &in, &rep, &diag);
            ms[k] += now_ms() - t0;
            if (rc == WS_ENOMEM)
                die_oom();
            if (keep && rc >= 0) {
                a->rep = rep;
                analyzed_bytes += a->len;
            } else {
                ws_report_free(rep);
            }
            if (keep && rc < 0) {
                if (!n_failed++) {
                    first_failure = a->path;
                    snprintf(failure_msg, sizeof failure_msg, "%s", diag.message);
                }
            }
        }
    }
    timing t_analyze = summarize(ms, reps);

    /* 3. The token-lexicon lookup alone, over the analyzed articles: the
     * rule phrases only (what the rules pass does), then with the cues. */
    ws_buf key;
    ws_buf_init(&key, &ws_default_allocator);
    timing t_lex[2];
    size_t lex_hits[2] = {0, 0};
    for (size_t i = 0; i < c.n; i++) /* warm the caches: every row starts alike */
        if (c.v[i].rep && lexicon_pass(rs, c.v[i].rep, true, &key, &lex_hits[0]) < 0)
            die_oom();
    for (int with_cues = 0; with_cues < 2; with_cues++) {
        for (int k = 0; k < reps; k++) {
            size_t hits = 0;
            double t0 = now_ms();
            for (size_t i = 0; i < c.n; i++)
                if (c.v[i].rep && lexicon_pass(rs, c.v[i].rep, with_cues, &key, &hits) < 0)
                    die_oom();
            ms[k] = now_ms() - t0;
            lex_hits[with_cues] = hits;
        }
        t_lex[with_cues] = summarize(ms, reps);
    }
    ws_buf_release(&key);
    timing t_lexicon = t_lex[1];

    /* 4. The same phrases as one alternation, over the same plain texts. */
    ws_buf pat;
    ws_buf_init(&pat, &ws_default_allocator);
    size_t n_phrases = build_alternation(rs, &pat);
    static const struct {
        const char *name;
        uint32_t opts;
    } variants[] = {
        {"regex alternation (UTF+UCP)", PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS},
        {"regex alternation (UTF, no UCP)", PCRE2_UTF | PCRE2_CASELESS},
    };
    enum { N_VARIANTS = sizeof variants / sizeof *variants };
    timing t_regex[N_VARIANTS];
    size_t rx_hits[N_VARIANTS] = {0};
    bool rx_jit[N_VARIANTS] = {false};
    bool rx_ok = true;
    for (size_t v = 0; v < N_VARIANTS && rx_ok; v++) {
        regex rx;
        if (regex_compile(&rx, &pat, variants[v].opts) < 0) {
            rx_ok = false;
            break;
        }
        rx_jit[v] = rx.is_jit;
        for (int k = 0; k < reps && rx_ok; k++) {
            size_t hits = 0;
            double t0 = now_ms();
            for (size_t i = 0; i < c.n && rx_ok; i++) {
                const ws_report *rep = c.v[i].rep;
                if (!rep)
                    continue;
                size_t len;
                const char *text = ws_report_text(rep, &len);
                if (regex_pass(&rx, text, len, &hits) < 0) {
                    fprintf(stderr, "bench_rules: %s: the alternation failed to match\n",
                            c.v[i].path);
                    rx_ok = false;
                }
            }
            ms[k] = now_ms() - t0;
            rx_hits[v] = hits;
        }
        regex_free(&rx);
        t_regex[v] = summarize(ms, reps);
    }

    /* The table. */
    size_t n_rules = 0, n_lexicons = 0;
    for (size_t i = 0; i < rs->rules.n; i++) {
        n_lexicons += rs->rules.v[i].kind == WS_RULE_LEXICON;
        n_rules += rs->rules.v[i].kind != WS_RULE_LEXICON;
    }
    printf("whosaid %s rule-engine benchmark (best of %d; MB = 10^6 bytes)\n", ws_version(), reps);
    printf("rules:   %s: %zu check rules, %zu lexicons; %zu rule phrases, %zu cue forms, "
           "%zu patterns\n",
           rules_dir, n_rules, n_lexicons, rs->triggers_ci.n_entries, rs->cues.n_entries,
           rs->patterns.n);
    if (synthetic_mb)
        printf("corpus:  synthetic news, %zu articles, %.2f MB\n", c.n, (double)c.bytes / 1e6);
    else
        printf("corpus:  %s: %zu .txt files, %.2f MB\n", corpus_dir, c.n, (double)c.bytes / 1e6);
    if (n_failed)
        printf("         %zu not analyzed (first: %s: %s); %.2f MB analyzed\n", n_failed,
               first_failure, failure_msg, (double)analyzed_bytes / 1e6);
    printf("regex:   %zu phrases in one alternation, %zu bytes of pattern\n\n", n_phrases,
           pat.len);
    printf("%-34s %10s %10s %9s %9s %9s\n", "stage", "min ms", "median ms", "MB/s", "hits",
           "lex/rx");
    printf("%-34s %10.2f %10.2f %9s %9s\n", "rule-set compile (per load)", t_compile.min_ms,
           t_compile.median_ms, "-", "-");
    print_row("full analysis (ws_analyze)", t_analyze, c.bytes, -1, 0);
    print_row("lexicon lookup: rule phrases", t_lex[0], analyzed_bytes, (long)lex_hits[0], 0);
    print_row("lexicon lookup: rule phrases+cues", t_lexicon, analyzed_bytes, (long)lex_hits[1],
              0);
    for (size_t v = 0; v < N_VARIANTS && rx_ok; v++) {
        char name[64];
        snprintf(name, sizeof name, "%s%s", variants[v].name, rx_jit[v] ? "" : " interp.");
        print_row(name, t_regex[v], analyzed_bytes, (long)rx_hits[v],
                  t_lexicon.min_ms > 0 ? t_regex[v].min_ms / t_lexicon.min_ms : 0);
    }
    printf("\n(compile: %d loads; \"hits\" count differently: the lexicon reports every phrase\n"
           "and its prefixes that are entries, the regex leftmost non-overlapping matches;\n"
           "lex/rx is how many times faster the lookup of rule phrases+cues is than the\n"
           "alternation of the same phrases)\n",
           compile_reps);

    ws_buf_release(&pat);
    corpus_free(&c);
    ws_ctx_free(ctx);
    return 0;
}
