/*
 * test_fuzz_seeds.c - replay inputs through the fuzz harnesses, built
 * without libFuzzer (their entry points renamed, see tests/meson.build), so
 * that every crash the fuzzers found stays fixed in the ordinary build, the
 * ASan build and under valgrind.
 *
 *   test_fuzz_seeds DIR...            fixtures/fuzz-seeds: every file through
 *                                     the text, Markdown, HTML, pipeline and
 *                                     verify harnesses, and "rules-*" files
 *                                     through the rule loader's as well
 *   test_fuzz_seeds -h HARNESS DIR... only that harness (a seed corpus)
 *
 * Folders (fixtures/fuzz-seeds/pending/: bugs not fixed yet) are skipped. A
 * harness aborts on a broken invariant; this program names the file it was
 * on first. Exit status 0 when every file went through.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DECLARE(h)                                   \
    int fuzz_##h##_init(int *argc, char ***argv);    \
    int fuzz_##h##_one(const uint8_t *data, size_t size);
DECLARE(text)
DECLARE(markdown)
DECLARE(html)
DECLARE(pipeline)
DECLARE(rules)
#ifdef FUZZ_HAVE_VERIFY
DECLARE(verify)
#endif

typedef struct harness {
    const char *name;
    int (*init)(int *argc, char ***argv);
    int (*one)(const uint8_t *data, size_t size);
    int ready;
} harness;

static harness harnesses[] = {
    {"text", fuzz_text_init, fuzz_text_one, 0},
    {"markdown", fuzz_markdown_init, fuzz_markdown_one, 0},
    {"html", fuzz_html_init, fuzz_html_one, 0},
    {"pipeline", fuzz_pipeline_init, fuzz_pipeline_one, 0},
    {"rules", fuzz_rules_init, fuzz_rules_one, 0},
#ifdef FUZZ_HAVE_VERIFY
    {"verify", fuzz_verify_init, fuzz_verify_one, 0},
#endif
};
enum { N_HARNESSES = sizeof harnesses / sizeof *harnesses, RULES = 4 };

static void run(harness *h, const char *path, const uint8_t *data, size_t size)
{
    if (!h->ready) {
        int argc = 1;
        char *args[] = {"test_fuzz_seeds", NULL};
        char **argv = args;
        h->init(&argc, &argv);
        h->ready = 1;
    }
    /* If the harness aborts, this line names the input. */
    fprintf(stderr, "%s: %s\n", h->name, path);
    h->one(data, size);
}

static uint8_t *read_file(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    size_t cap = 4096, n = 0;
    uint8_t *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, fp);
        if (n < cap)
            break;
        uint8_t *grown = realloc(buf, cap * 2);
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    if (buf && ferror(fp)) {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    *size = n;
    return buf;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every file of @dir (sorted; not hidden, not README*) through @only or by name. */
static int run_dir(const char *dir, harness *only, size_t *n_files)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.' || strncmp(ent->d_name, "README", 6) == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                abort();
        }
        if (!(names[n++] = strdup(ent->d_name)))
            abort();
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_name);
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        size_t size = 0;
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            free(names[i]); /* pending/: bugs not fixed yet, not replayed */
            continue;
        }
        uint8_t *data = read_file(path, &size);
        if (!data) {
            perror(path);
            rc = -1;
        } else if (only) {
            run(only, path, data, size);
        } else {
            for (size_t h = 0; h < N_HARNESSES; h++)
                if (h != RULES || strncmp(names[i], "rules-", 6) == 0)
                    run(&harnesses[h], path, data, size);
        }
        free(data);
        free(names[i]);
        (*n_files)++;
    }
    free(names);
    return rc;
}

int main(int argc, char **argv)
{
    harness *only = NULL;
    int i = 1;
    if (argc > 2 && strcmp(argv[1], "-h") == 0) {
        for (size_t h = 0; h < N_HARNESSES; h++)
            if (strcmp(harnesses[h].name, argv[2]) == 0)
                only = &harnesses[h];
        if (!only) {
            fprintf(stderr, "test_fuzz_seeds: no harness '%s'\n", argv[2]);
            return 2;
        }
        i = 3;
    }
    if (i >= argc) {
        fprintf(stderr, "usage: test_fuzz_seeds [-h HARNESS] DIR...\n");
        return 2;
    }
    size_t n_files = 0;
    int rc = 0;
    for (; i < argc; i++)
        if (run_dir(argv[i], only, &n_files) < 0)
            rc = 1;
    printf("%zu file(s) replayed%s\n", n_files, rc ? ", some unreadable" : "");
    return rc;
}
