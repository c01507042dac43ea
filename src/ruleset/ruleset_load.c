/*
 * ruleset_load.c - reading rule packs: a pack is a directory, one YAML file
 * per rule (libyaml's document API keeps every node's line and column, so
 * each error names its place), long word lists in .txt files beside them.
 */
#include "ruleset/ruleset.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "ruleset/yaml_util.h"
#include "text/utf8.h"

void ws_ruleset_init(ws_ruleset *rs, const ws_allocator *mem)
{
    memset(rs, 0, sizeof *rs);
    rs->mem = mem;
    ws_arena_init(&rs->arena, mem);
    ws_lexicon_init(&rs->abbrev_name, mem);
    ws_lexicon_init(&rs->abbrev_other, mem);
    ws_lexicon_init(&rs->sentence_starters, mem);
    ws_lexicon_init(&rs->elisions, mem);
}

void ws_ruleset_release(ws_ruleset *rs)
{
    ws_lexicon_release(&rs->abbrev_name);
    ws_lexicon_release(&rs->abbrev_other);
    ws_lexicon_release(&rs->sentence_starters);
    ws_lexicon_release(&rs->elisions);
    ws_arena_release(&rs->arena);
}

/* Lower-case @s into @out for a case-insensitive lexicon key. */
static int lower_key(const ws_allocator *mem, const char *s, size_t len, ws_buf *out)
{
    (void)mem;
    out->len = 0;
    return ws_utf8_lower(s, len, out);
}

/* Add every entry of list file @path (one per line, # comments) to @lex. */
static int load_list_file(ws_rule_file *rf, const yaml_node_t *at, const char *name,
                          ws_lexicon *lex, uint32_t value)
{
    char path[4096];
    int rc = ws_rule_file_sibling(rf, at, name, path, sizeof path);
    if (rc < 0)
        return rc;
    ws_list_reader lr;
    if ((rc = ws_list_open(&lr, rf, at, path)) < 0)
        return rc;
    ws_buf key;
    ws_buf_init(&key, rf->mem);
    const char *entry;
    size_t len;
    while ((rc = ws_list_next(&lr, &entry, &len)) > 0) {
        if ((rc = lower_key(rf->mem, entry, len, &key)) < 0 ||
            (rc = ws_lexicon_add(lex, key.data, key.len, value)) < 0)
            break;
    }
    ws_buf_release(&key);
    ws_list_close(&lr);
    return rc;
}

static int load_abbreviations(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "before_names", "list", "starters",
                                       NULL};
    int rc = ws_rule_file_check_keys(rf, rf->root, keys);
    const yaml_node_t *n;
    if (rc >= 0 && (n = ws_yaml_get(rf, rf->root, "before_names")))
        rc = load_list_file(rf, n, ws_yaml_scalar(rf, n), &rs->abbrev_name, 0);
    if (rc >= 0 && (n = ws_yaml_get(rf, rf->root, "list")))
        rc = load_list_file(rf, n, ws_yaml_scalar(rf, n), &rs->abbrev_other, 0);
    if (rc >= 0 && (n = ws_yaml_get(rf, rf->root, "starters")))
        rc = load_list_file(rf, n, ws_yaml_scalar(rf, n), &rs->sentence_starters, 0);
    return rc;
}

static int load_elisions(ws_ruleset *rs, ws_rule_file *rf)
{
    static const char *const keys[] = {"type", "description", "list", NULL};
    int rc = ws_rule_file_check_keys(rf, rf->root, keys);
    const yaml_node_t *n;
    if (rc >= 0 && !(n = ws_yaml_get(rf, rf->root, "list")))
        return ws_rule_file_error(rf, rf->root, "an elisions rule needs 'list'");
    if (rc >= 0)
        rc = load_list_file(rf, n, ws_yaml_scalar(rf, n), &rs->elisions, 0);
    return rc;
}

typedef struct rule_type {
    const char *name;
    int (*load)(ws_ruleset *rs, ws_rule_file *rf);
} rule_type;

static const rule_type rule_types[] = {
    {"abbreviations", load_abbreviations},
    {"elisions", load_elisions},
};

static int load_rule_file(ws_ruleset *rs, const char *pack, const char *path, ws_diag *diag)
{
    ws_rule_file rf;
    int rc = ws_rule_file_open(&rf, rs->mem, pack, path, diag);
    if (rc < 0)
        return rc;
    const yaml_node_t *type = ws_yaml_get(&rf, rf.root, "type");
    if (!type) {
        rc = ws_rule_file_error(&rf, rf.root, "missing 'type'");
        goto out;
    }
    const char *name = ws_yaml_scalar(&rf, type);
    if (!name) {
        rc = ws_rule_file_error(&rf, type, "'type' must be a string");
        goto out;
    }
    for (size_t i = 0; i < sizeof rule_types / sizeof *rule_types; i++) {
        if (strcmp(rule_types[i].name, name) == 0) {
            rc = rule_types[i].load(rs, &rf);
            goto out;
        }
    }
    rc = ws_rule_file_error(&rf, type, "unknown rule type '%s'", name);
out:
    ws_rule_file_close(&rf);
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entries of @dir, sorted, so that load order never depends on the file system. */
static int list_dir(const ws_allocator *mem, const char *dir, char ***names, size_t *n)
{
    DIR *d = opendir(dir);
    if (!d)
        return WS_EIO;
    WS_ARRAY(char *) v;
    memset(&v, 0, sizeof v);
    int rc = WS_OK;
    struct dirent *ent;
    while ((ent = readdir(d))) {
        if (ent->d_name[0] == '.')
            continue;
        char *copy = ws_strdup(mem, ent->d_name);
        if (!copy || (rc = WS_ARRAY_GROW(mem, v)) < 0) {
            ws_free(mem, copy);
            rc = WS_ENOMEM;
            break;
        }
        v.v[v.n++] = copy;
    }
    closedir(d);
    if (rc < 0) {
        for (size_t i = 0; i < v.n; i++)
            ws_free(mem, v.v[i]);
        ws_free(mem, v.v);
        return rc;
    }
    if (v.n)
        qsort(v.v, v.n, sizeof *v.v, cmp_str);
    *names = v.v;
    *n = v.n;
    return WS_OK;
}

static void free_names(const ws_allocator *mem, char **names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        ws_free(mem, names[i]);
    ws_free(mem, names);
}

static bool has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int load_pack(ws_ruleset *rs, const char *pack, const char *pack_dir, ws_diag *diag)
{
    char **names = NULL;
    size_t n = 0;
    int rc = list_dir(rs->mem, pack_dir, &names, &n);
    if (rc < 0)
        return ws_diag_set(diag, rc, pack_dir, 0, 0, 0, "cannot read the rule pack: %s",
                           strerror(errno));
    for (size_t i = 0; i < n && rc >= 0; i++) {
        if (!has_suffix(names[i], ".yml") && !has_suffix(names[i], ".yaml"))
            continue;
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", pack_dir, names[i]) >= sizeof path) {
            rc = ws_diag_set(diag, WS_ERULE, pack_dir, 0, 0, 0, "path too long");
            break;
        }
        rc = load_rule_file(rs, pack, path, diag);
    }
    free_names(rs->mem, names, n);
    return rc;
}

int ws_ruleset_load_dir(ws_ruleset *rs, const char *dir, ws_diag *diag)
{
    char **names = NULL;
    size_t n = 0;
    int rc = list_dir(rs->mem, dir, &names, &n);
    if (rc < 0)
        return ws_diag_set(diag, rc, dir, 0, 0, 0, "cannot read the rules directory: %s",
                           strerror(errno));
    for (size_t i = 0; i < n && rc >= 0; i++) {
        char path[4096];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= sizeof path) {
            rc = ws_diag_set(diag, WS_ERULE, dir, 0, 0, 0, "path too long");
            break;
        }
        if (is_dir(path))
            rc = load_pack(rs, names[i], path, diag);
    }
    free_names(rs->mem, names, n);
    return rc;
}
