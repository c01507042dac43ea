/*
 * config.c - .whosaid.yml: found by walking up from an article's folder;
 * chooses packs, adds pack folders, overrides rule levels (for all files or
 * for paths matching a glob) and lists accepted vocabulary.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "ruleset/config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/diag.h"
#include "ruleset/yaml_util.h"

static int config_error(ws_rule_file *rf, const yaml_node_t *node, const char *msg, const char *arg)
{
    uint32_t line = node ? (uint32_t)node->start_mark.line + 1 : 0;
    uint32_t col = node ? (uint32_t)node->start_mark.column + 1 : 0;
    return ws_diag_set(rf->diag, WS_ECONFIG, rf->path, node ? node->start_mark.index : 0, line, col,
                       "%s%s%s%s", msg, arg ? " '" : "", arg ? arg : "", arg ? "'" : "");
}

static const char *dup_scalar(ws_config *cfg, ws_rule_file *rf, const yaml_node_t *n, int *rc)
{
    const char *s = ws_yaml_scalar(rf, n);
    if (!s) {
        *rc = config_error(rf, n, "expected a string", NULL);
        return NULL;
    }
    const char *copy = ws_arena_strdup(&cfg->arena, s);
    if (!copy)
        *rc = WS_ENOMEM;
    return copy;
}

/* A list of strings (or one string) into @out. */
static int read_strings(ws_config *cfg, ws_rule_file *rf, const yaml_node_t *n, ws_str_list *out)
{
    int rc = WS_OK;
    size_t count = n->type == YAML_SEQUENCE_NODE ? ws_yaml_len(n) : 1;
    for (size_t i = 0; i < count && rc >= 0; i++) {
        const yaml_node_t *item = n->type == YAML_SEQUENCE_NODE ? ws_yaml_item(rf, n, i) : n;
        const char *s = dup_scalar(cfg, rf, item, &rc);
        if (!s)
            break;
        if ((rc = WS_ARRAY_GROW(&cfg->mem, *out)) < 0)
            break;
        out->v[out->n++] = s;
    }
    return rc;
}

/* Level overrides: a mapping of rule id -> suggestion|warning|error|off. */
static int read_levels(ws_config *cfg, ws_rule_file *rf, const yaml_node_t *n, uint32_t path_idx)
{
    if (n->type != YAML_MAPPING_NODE)
        return config_error(rf, n, "'levels' maps rule ids to suggestion, warning, error or off", NULL);
    int rc = WS_OK;
    for (size_t i = 0; i < ws_yaml_len(n) && rc >= 0; i++) {
        const yaml_node_t *k = NULL, *v = NULL;
        ws_yaml_pair(rf, n, i, &k, &v);
        const char *id = dup_scalar(cfg, rf, k, &rc);
        if (!id)
            break;
        int level = ws_level_from_name(ws_yaml_scalar(rf, v));
        if (level < 0)
            return config_error(rf, v, "unknown level (suggestion, warning, error or off)", NULL);
        if ((rc = WS_ARRAY_GROW(&cfg->mem, cfg->levels)) < 0)
            break;
        cfg->levels.v[cfg->levels.n++] = (ws_level_override){
            id, (ws_level)level, path_idx, (uint32_t)k->start_mark.line + 1,
            (uint32_t)k->start_mark.column + 1};
    }
    return rc;
}

static int read_paths(ws_config *cfg, ws_rule_file *rf, const yaml_node_t *n)
{
    if (n->type != YAML_SEQUENCE_NODE)
        return config_error(rf, n, "'paths' is a list of {glob: ..., levels: {...}}", NULL);
    int rc = WS_OK;
    for (size_t i = 0; i < ws_yaml_len(n) && rc >= 0; i++) {
        const yaml_node_t *item = ws_yaml_item(rf, n, i);
        static const char *const keys[] = {"glob", "levels", NULL};
        if (item->type != YAML_MAPPING_NODE)
            return config_error(rf, item, "each path setting is {glob: ..., levels: {...}}", NULL);
        for (size_t j = 0; j < ws_yaml_len(item); j++) {
            const yaml_node_t *k = NULL, *v = NULL;
            ws_yaml_pair(rf, item, j, &k, &v);
            const char *s = ws_yaml_scalar(rf, k);
            if (!s || (strcmp(s, keys[0]) && strcmp(s, keys[1])))
                return config_error(rf, k, "unknown key", s);
        }
        const yaml_node_t *glob = ws_yaml_get(rf, item, "glob");
        const yaml_node_t *levels = ws_yaml_get(rf, item, "levels");
        if (!glob || !levels)
            return config_error(rf, item, "a path setting needs 'glob' and 'levels'", NULL);
        const char *g = dup_scalar(cfg, rf, glob, &rc);
        if (!g || (rc = WS_ARRAY_GROW(&cfg->mem, cfg->path_globs)) < 0)
            break;
        cfg->path_globs.v[cfg->path_globs.n++] = g;
        rc = read_levels(cfg, rf, levels, (uint32_t)cfg->path_globs.n);
    }
    return rc;
}

static int read_vocabulary(ws_config *cfg, ws_rule_file *rf, const yaml_node_t *n)
{
    static const char *const keys[] = {"accept", NULL};
    if (n->type != YAML_MAPPING_NODE)
        return config_error(rf, n, "'vocabulary' is {accept: [...]}", NULL);
    for (size_t i = 0; i < ws_yaml_len(n); i++) {
        const yaml_node_t *k = NULL, *v = NULL;
        ws_yaml_pair(rf, n, i, &k, &v);
        const char *s = ws_yaml_scalar(rf, k);
        if (!s || strcmp(s, keys[0]))
            return config_error(rf, k, "unknown key", s);
    }
    const yaml_node_t *accept = ws_yaml_get(rf, n, "accept");
    return accept ? read_strings(cfg, rf, accept, &cfg->accept) : WS_OK;
}

static int parse(ws_config *cfg, ws_rule_file *rf)
{
    static const char *const keys[] = {"packs", "rules", "default_rules", "levels", "paths",
                                       "vocabulary", "sources", "min_level", "fail_level", NULL};
    const yaml_node_t *root = rf->root;
    for (size_t i = 0; i < ws_yaml_len(root); i++) {
        const yaml_node_t *k = NULL, *v = NULL;
        ws_yaml_pair(rf, root, i, &k, &v);
        const char *s = ws_yaml_scalar(rf, k);
        bool known = false;
        for (size_t j = 0; keys[j] && s && !known; j++)
            known = !strcmp(keys[j], s);
        if (!known)
            return config_error(rf, k, "unknown key", s);
    }
    int rc = ws_rule_file_check_duplicates(rf, root);
    if (rc < 0)
        return WS_ECONFIG;
    const yaml_node_t *n;
    if ((n = ws_yaml_get(rf, root, "packs")) && (rc = read_strings(cfg, rf, n, &cfg->packs)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, root, "rules")) && (rc = read_strings(cfg, rf, n, &cfg->rule_dirs)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, root, "sources")) && (rc = read_strings(cfg, rf, n, &cfg->sources)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, root, "default_rules"))) {
        const char *s = ws_yaml_scalar(rf, n);
        if (!s || (strcmp(s, "true") && strcmp(s, "false")))
            return config_error(rf, n, "'default_rules' is true or false", NULL);
        cfg->skip_default_rules = !strcmp(s, "false");
    }
    const char *level_keys[] = {"min_level", "fail_level"};
    ws_level *level_out[] = {&cfg->min_level, &cfg->fail_level};
    for (int i = 0; i < 2; i++) {
        if (!(n = ws_yaml_get(rf, root, level_keys[i])))
            continue;
        int v = ws_level_from_name(ws_yaml_scalar(rf, n));
        if (v < 0)
            return config_error(rf, n, "unknown level (suggestion, warning, error or off)", NULL);
        *level_out[i] = (ws_level)v;
        if (i == 0)
            cfg->has_min_level = true;
        else
            cfg->has_fail_level = true;
    }
    if ((n = ws_yaml_get(rf, root, "levels")) && (rc = read_levels(cfg, rf, n, 0)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, root, "paths")) && (rc = read_paths(cfg, rf, n)) < 0)
        return rc;
    if ((n = ws_yaml_get(rf, root, "vocabulary")) && (rc = read_vocabulary(cfg, rf, n)) < 0)
        return rc;
    return WS_OK;
}

/* The directory of @path, absolute. */
static char *absolute_dir(ws_config *cfg, const char *path)
{
    char real[PATH_MAX];
    if (!realpath(path, real))
        return NULL;
    char *slash = strrchr(real, '/');
    if (slash == real)
        slash[1] = '\0';
    else if (slash)
        *slash = '\0';
    return ws_arena_strdup(&cfg->arena, real);
}

int ws_config_load(const ws_allocator *mem, const char *path, ws_config **out, ws_diag *diag)
{
    if (!out || !path)
        return WS_EINVAL;
    *out = NULL;
    if (!mem)
        mem = &ws_default_allocator;
    ws_config *cfg = mem->alloc(mem->ud, sizeof *cfg);
    if (!cfg)
        return WS_ENOMEM;
    memset(cfg, 0, sizeof *cfg);
    cfg->mem = *mem;
    ws_arena_init(&cfg->arena, &cfg->mem);
    cfg->min_level = WS_LEVEL_SUGGESTION;
    cfg->fail_level = WS_LEVEL_ERROR;
    int rc = WS_OK;
    ws_rule_file rf;
    if (!(cfg->path = ws_arena_strdup(&cfg->arena, path)) || !(cfg->dir = absolute_dir(cfg, path))) {
        rc = ws_diag_set(diag, errno == ENOMEM ? WS_ENOMEM : WS_EIO, path, 0, 0, 0, "%s",
                         strerror(errno));
        goto fail;
    }
    if ((rc = ws_rule_file_open(&rf, &cfg->mem, "", path, diag)) < 0) {
        if (rc == WS_ERULE)
            rc = diag ? (diag->code = WS_ECONFIG) : WS_ECONFIG;
        goto fail;
    }
    rc = parse(cfg, &rf);
    ws_rule_file_close(&rf);
    if (rc < 0) {
        if (rc == WS_ENOMEM)
            ws_diag_set(diag, rc, path, 0, 0, 0, "out of memory");
        /* The checks shared with rule files (duplicate keys) say WS_ERULE. */
        if (rc == WS_ERULE || rc == WS_ECONFIG)
            rc = diag ? (diag->code = WS_ECONFIG) : WS_ECONFIG;
        goto fail;
    }
    *out = cfg;
    return WS_OK;
fail:
    ws_config_free(cfg);
    return rc;
}

void ws_config_free(ws_config *cfg)
{
    if (!cfg)
        return;
    ws_free(&cfg->mem, cfg->packs.v);
    ws_free(&cfg->mem, cfg->rule_dirs.v);
    ws_free(&cfg->mem, cfg->sources.v);
    ws_free(&cfg->mem, cfg->levels.v);
    ws_free(&cfg->mem, cfg->path_globs.v);
    ws_free(&cfg->mem, cfg->accept.v);
    ws_arena_release(&cfg->arena);
    ws_allocator mem = cfg->mem;
    mem.free(mem.ud, cfg);
}

const char *ws_config_path(const ws_config *cfg)
{
    return cfg->path;
}

ws_level ws_config_min_level(const ws_config *cfg)
{
    return cfg->min_level;
}

ws_level ws_config_fail_level(const ws_config *cfg)
{
    return cfg->fail_level;
}

int ws_config_skips_default_rules(const ws_config *cfg)
{
    return cfg->skip_default_rules;
}

int ws_config_find(const char *article_path, char *out, size_t cap)
{
    char dir[PATH_MAX];
    if (!article_path || !strcmp(article_path, "-") || !realpath(article_path, dir)) {
        if (!getcwd(dir, sizeof dir))
            return 0;
    } else {
        struct stat st;
        if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
            char *slash = strrchr(dir, '/');
            if (slash)
                slash == dir ? (void)(slash[1] = '\0') : (void)(*slash = '\0');
        }
    }
    for (;;) {
        char candidate[PATH_MAX + 16];
        snprintf(candidate, sizeof candidate, "%s%s.whosaid.yml", dir,
                 dir[strlen(dir) - 1] == '/' ? "" : "/");
        if (access(candidate, R_OK) == 0) {
            if ((size_t)snprintf(out, cap, "%s", candidate) >= cap)
                return 0;
            return 1;
        }
        char *slash = strrchr(dir, '/');
        if (!slash || (slash == dir && dir[1] == '\0'))
            return 0;
        if (slash == dir)
            dir[1] = '\0';
        else
            *slash = '\0';
    }
}

/*
 * Glob match: '*' any run without '/', '**' any run, '?' one character
 * (not '/'). Iterative, with one backtrack point for the last '*' and one
 * for the last '**', so no pattern makes it exponential.
 */
bool ws_glob_match(const char *glob, const char *path)
{
    const char *g = glob, *p = path;
    const char *star_g = NULL, *star_p = NULL;   /* after the last '*' */
    const char *dstar_g = NULL, *dstar_p = NULL; /* after the last '**' */
    while (*p) {
        if (g[0] == '*' && g[1] == '*') {
            g += 2;
            if (*g == '/')
                g++; /* a double star and its slash may match no folder at all */
            dstar_g = g;
            dstar_p = p;
            star_g = NULL;
            continue;
        }
        if (*g == '*') {
            star_g = ++g;
            star_p = p;
            continue;
        }
        if (*g && (*g == *p || (*g == '?' && *p != '/'))) {
            g++;
            p++;
            continue;
        }
        /* Let the last '*' take one more character (never a '/'), else the
         * last '**' (anything). */
        if (star_g && *star_p != '/') {
            g = star_g;
            p = ++star_p;
            continue;
        }
        if (dstar_g) {
            g = dstar_g;
            p = ++dstar_p;
            star_g = NULL;
            continue;
        }
        return false;
    }
    while (*g == '*')
        g++;
    return *g == '\0';
}

/* @article relative to the configuration's folder, or NULL when outside it. */
static const char *relative_to(const ws_config *cfg, const char *real)
{
    size_t n = strlen(cfg->dir);
    if (strncmp(real, cfg->dir, n) != 0)
        return NULL;
    if (real[n] == '/')
        return real + n + 1;
    return n == 1 ? real + 1 : NULL;
}

void ws_config_levels_for(const ws_config *cfg, const char *article_path,
                          int (*set)(void *ud, const char *rule, ws_level level), void *ud)
{
    char real[PATH_MAX];
    const char *rel = article_path && realpath(article_path, real) ? relative_to(cfg, real) : NULL;
    /* Overrides for all files first, then path settings in file order. */
    for (size_t i = 0; i < cfg->levels.n; i++) {
        const ws_level_override *o = &cfg->levels.v[i];
        if (o->path_idx == 0)
            set(ud, o->rule, o->level);
    }
    if (!rel)
        return;
    for (size_t g = 0; g < cfg->path_globs.n; g++) {
        if (!ws_glob_match(cfg->path_globs.v[g], rel))
            continue;
        for (size_t i = 0; i < cfg->levels.n; i++) {
            const ws_level_override *o = &cfg->levels.v[i];
            if (o->path_idx == g + 1)
                set(ud, o->rule, o->level);
        }
    }
}
