/* contexts.c - contexts per configuration file, built on first use. */
#include "cli/contexts.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

void ws_cli_contexts_init(ws_cli_contexts *cc, const ws_cli_options *o)
{
    memset(cc, 0, sizeof *cc);
    cc->o = o;
}

void ws_cli_contexts_free(ws_cli_contexts *cc)
{
    for (size_t i = 0; i < cc->n; i++) {
        ws_ctx_free(cc->v[i]->ctx);
        ws_config_free(cc->v[i]->config);
        free(cc->v[i]->config_path);
        free(cc->v[i]);
    }
    free(cc->v);
    free(cc->last_dir);
    memset(cc, 0, sizeof *cc);
}

/* Build a context: configuration first (it filters packs), then the packs. */
static int build(const ws_cli_options *o, ws_cli_context *c)
{
    ws_diag d;
    memset(&d, 0, sizeof d);
    int rc = ws_ctx_new(NULL, &c->ctx);
    if (rc < 0) {
        fprintf(stderr, "whosaid: %s\n", ws_strerror(rc));
        return rc;
    }
    if (c->config_path) {
        if ((rc = ws_config_load(NULL, c->config_path, &c->config, &d)) < 0 ||
            (rc = ws_ctx_apply_config(c->ctx, c->config, &d)) < 0)
            goto fail;
    }
    bool skip_default = o->no_default_rules || (c->config && ws_config_skips_default_rules(c->config));
    if (!skip_default && (rc = ws_ctx_load_rules(c->ctx, ws_default_rules_dir(), &d)) < 0)
        goto fail;
    for (int i = 0; i < o->n_rule_dirs; i++)
        if ((rc = ws_ctx_load_rules(c->ctx, o->rule_dirs[i], &d)) < 0)
            goto fail;
    /* Sources for quote verification: the configuration's, then --sources. */
    if (c->config && (rc = ws_ctx_add_config_sources(c->ctx, c->config, &d)) < 0)
        goto fail;
    for (int i = 0; i < o->n_sources; i++)
        if ((rc = ws_ctx_add_sources(c->ctx, o->sources[i], &d)) < 0)
            goto fail;
    if ((rc = ws_ctx_check(c->ctx, &d)) < 0)
        goto fail;
    return WS_OK;
fail:
    ws_cli_print_diag(&d);
    return rc;
}

/*
 * ws_config_find() for @article_path, remembering the answer for its
 * folder. A symbolic link is searched from where it points, so it is
 * never answered from the cache.
 */
static const char *find_config(ws_cli_contexts *cc, const char *article_path)
{
    const char *slash = article_path ? strrchr(article_path, '/') : NULL;
    size_t dir_len = slash ? (size_t)(slash - article_path) + 1 : 0;
    struct stat st;
    bool cacheable = article_path && strcmp(article_path, "-") != 0 &&
                     lstat(article_path, &st) == 0 && !S_ISLNK(st.st_mode) && !S_ISDIR(st.st_mode);
    if (cacheable && cc->last_dir && strlen(cc->last_dir) == dir_len &&
        memcmp(cc->last_dir, article_path, dir_len) == 0)
        return cc->last_found ? cc->last_config : NULL;
    bool found = ws_config_find(article_path, cc->last_config, sizeof cc->last_config) != 0;
    free(cc->last_dir);
    cc->last_dir = cacheable ? strndup(article_path, dir_len) : NULL;
    cc->last_found = found;
    return found ? cc->last_config : NULL;
}

const ws_cli_context *ws_cli_context_for(ws_cli_contexts *cc, const char *article_path)
{
    const ws_cli_options *o = cc->o;
    const char *key = NULL;
    if (o->config_path)
        key = o->config_path;
    else if (!o->no_config)
        key = find_config(cc, article_path);
    for (size_t i = 0; i < cc->n; i++) {
        const char *k = cc->v[i]->config_path;
        if ((!k && !key) || (k && key && !strcmp(k, key)))
            return cc->v[i]->ctx ? cc->v[i] : NULL;
    }
    if (cc->n == cc->cap) {
        size_t cap = cc->cap ? cc->cap * 2 : 4;
        ws_cli_context **v = realloc(cc->v, cap * sizeof *v);
        if (!v) {
            fprintf(stderr, "whosaid: out of memory\n");
            return NULL;
        }
        cc->v = v;
        cc->cap = cap;
    }
    ws_cli_context *c = calloc(1, sizeof *c);
    if (!c) {
        fprintf(stderr, "whosaid: out of memory\n");
        return NULL;
    }
    cc->v[cc->n++] = c;
    if (key && !(c->config_path = strdup(key))) {
        fprintf(stderr, "whosaid: out of memory\n");
        return NULL;
    }
    if (build(o, c) < 0) {
        /* Remember the failure: the error is printed once, not per article. */
        ws_ctx_free(c->ctx);
        c->ctx = NULL;
        return NULL;
    }
    return c;
}
