/* baseline.c - a set of accepted findings, read from and written to a file. */
#include "cli/baseline.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char HEADER[] = "# whosaid baseline 1";

/* "./a/b.txt" and "a/b.txt" are one article. */
static const char *normal_path(const char *path)
{
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    return path;
}

static uint64_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211u;
    }
    return h;
}

/*
 * A key is a line of the file, RULE TAB PATH TAB FINGERPRINT: a tab or a line
 * break in the path would split it, so the path is written with \\, \t, \n
 * and \r. Writing and looking up both go through here and agree.
 */
static char *make_key(const char *rule, const char *path, const char *fingerprint)
{
    size_t n_rule = strlen(rule), n_fp = strlen(fingerprint);
    char *k = malloc(n_rule + 2 * strlen(path) + n_fp + 3);
    if (!k)
        return NULL;
    char *p = k;
    memcpy(p, rule, n_rule);
    p += n_rule;
    *p++ = '\t';
    for (; *path; path++) {
        char c = *path;
        if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
            *p++ = '\\';
            c = c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\';
        }
        *p++ = c;
    }
    *p++ = '\t';
    memcpy(p, fingerprint, n_fp + 1);
    return k;
}

/*
 * Undo make_key()'s escapes in place. A backslash before any other
 * character stands for itself, as baselines written before the escaping
 * have it.
 */
static void unescape_path(char *s)
{
    char *out = s;
    for (; *s; s++) {
        if (*s == '\\' && s[1] && strchr("\\tnr", s[1])) {
            s++;
            *out++ = *s == 't' ? '\t' : *s == 'n' ? '\n' : *s == 'r' ? '\r' : '\\';
        } else {
            *out++ = *s;
        }
    }
    *out = '\0';
}

static size_t slot_of(const ws_cli_baseline *b, const char *key)
{
    size_t i = (size_t)hash(key) & (b->cap - 1);
    while (b->keys[i] && strcmp(b->keys[i], key))
        i = (i + 1) & (b->cap - 1);
    return i;
}

/* Insert @key (taking it); a duplicate is freed. */
static int insert(ws_cli_baseline *b, char *key)
{
    if ((b->n + 1) * 2 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        char **old = b->keys;
        size_t old_cap = b->cap;
        if (!(b->keys = calloc(cap, sizeof *b->keys))) {
            b->keys = old;
            free(key);
            return -1;
        }
        b->cap = cap;
        for (size_t i = 0; i < old_cap; i++)
            if (old[i])
                b->keys[slot_of(b, old[i])] = old[i];
        free(old);
    }
    size_t i = slot_of(b, key);
    if (b->keys[i]) {
        free(key);
        return 0;
    }
    b->keys[i] = key;
    b->n++;
    return 0;
}

int ws_cli_baseline_load(ws_cli_baseline *b, const char *path)
{
    memset(b, 0, sizeof *b);
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "whosaid: %s: %s\n", path, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    unsigned lineno = 0;
    int rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, fp)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (lineno == 1) {
            if (strcmp(line, HEADER) != 0) {
                fprintf(stderr, "whosaid: %s:1:1: not a whosaid baseline (expected \"%s\")\n", path,
                        HEADER);
                rc = -1;
            }
            continue;
        }
        if (len == 0)
            continue;
        char *tab1 = strchr(line, '\t'), *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        if (!tab2 || tab1 == line || tab2 == tab1 + 1 || !tab2[1] || strchr(tab2 + 1, '\t')) {
            fprintf(stderr, "whosaid: %s:%u:1: expected RULE, PATH and FINGERPRINT separated by tabs\n",
                    path, lineno);
            rc = -1;
            continue;
        }
        /* Read back through make_key(), so that a path's escapes compare as written now. */
        *tab1 = *tab2 = '\0';
        unescape_path(tab1 + 1);
        char *key = make_key(line, tab1 + 1, tab2 + 1);
        if (!key || insert(b, key) < 0) {
            fprintf(stderr, "whosaid: out of memory\n");
            rc = -1;
        }
    }
    if (rc == 0 && lineno == 0) {
        fprintf(stderr, "whosaid: %s:1:1: empty file, not a whosaid baseline\n", path);
        rc = -1;
    }
    if (rc == 0 && ferror(fp)) {
        fprintf(stderr, "whosaid: %s: %s\n", path, strerror(errno));
        rc = -1;
    }
    free(line);
    fclose(fp);
    if (rc < 0)
        ws_cli_baseline_free(b);
    return rc;
}

bool ws_cli_baseline_has(const ws_cli_baseline *b, const char *path, const ws_finding *f)
{
    if (!b->n || !f->fingerprint)
        return false;
    char *key = make_key(f->rule, normal_path(path), f->fingerprint);
    bool found = key && b->keys[slot_of(b, key)] != NULL;
    free(key);
    return found;
}

int ws_cli_baseline_add(ws_cli_baseline *b, const char *path, const ws_finding *f)
{
    if (!f->fingerprint)
        return 0;
    char *key = make_key(f->rule, normal_path(path), f->fingerprint);
    return key ? insert(b, key) : -1;
}

static int cmp_key(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int ws_cli_baseline_write(const ws_cli_baseline *b, const char *path)
{
    char **sorted = malloc((b->n ? b->n : 1) * sizeof *sorted);
    size_t tmp_len = strlen(path) + 16;
    char *tmp = malloc(tmp_len);
    if (!sorted || !tmp) {
        free(sorted);
        free(tmp);
        fprintf(stderr, "whosaid: out of memory\n");
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < b->cap; i++)
        if (b->keys[i])
            sorted[n++] = b->keys[i];
    qsort(sorted, n, sizeof *sorted, cmp_key);
    snprintf(tmp, tmp_len, "%s.tmp%ld", path, (long)getpid());
    FILE *fp = fopen(tmp, "wb");
    int rc = fp ? 0 : -1;
    if (fp) {
        fprintf(fp, "%s\n", HEADER);
        for (size_t i = 0; i < n; i++)
            fprintf(fp, "%s\n", sorted[i]);
        if (ferror(fp))
            rc = -1;
        if (fclose(fp) != 0)
            rc = -1;
        if (rc == 0 && rename(tmp, path) != 0)
            rc = -1;
    }
    if (rc < 0) {
        fprintf(stderr, "whosaid: %s: %s\n", path, strerror(errno));
        if (fp)
            unlink(tmp);
    }
    free(sorted);
    free(tmp);
    return rc;
}

void ws_cli_baseline_free(ws_cli_baseline *b)
{
    for (size_t i = 0; i < b->cap; i++)
        free(b->keys[i]);
    free(b->keys);
    memset(b, 0, sizeof *b);
}
