/* context.c - the context: the allocator and the loaded rule packs. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/diag.h"
#include "core/buf.h"
#include "doc/tokenize.h"
#include "ruleset/config.h"
#include "ruleset/context.h"
#include "verify/source_index.h"
#include "ws_config.h"

int ws_ctx_new(const ws_allocator *mem, ws_ctx **out)
{
    if (!out)
        return WS_EINVAL;
    *out = NULL;
    if (!mem)
        mem = &ws_default_allocator;
    if (!mem->alloc || !mem->realloc || !mem->free)
        return WS_EINVAL;
    ws_ctx *ctx = mem->alloc(mem->ud, sizeof *ctx);
    if (!ctx)
        return WS_ENOMEM;
    memset(ctx, 0, sizeof *ctx);
    ctx->mem = *mem;
    ws_ruleset_init(&ctx->rules, &ctx->mem);
    *out = ctx;
    return WS_OK;
}

void ws_ctx_free(ws_ctx *ctx)
{
    if (!ctx)
        return;
    ws_ruleset_release(&ctx->rules);
    for (size_t i = 0; i < ctx->rule_dirs.n; i++)
        ws_free(&ctx->mem, ctx->rule_dirs.v[i]);
    ws_free(&ctx->mem, ctx->rule_dirs.v);
    ws_source_index_free(ctx->sources);
    ws_allocator mem = ctx->mem;
    mem.free(mem.ud, ctx);
}

/* Resolve a pack folder named in the configuration against its folder. */
static int config_dir_path(const ws_config *cfg, const char *dir, char *out, size_t cap)
{
    int n = dir[0] == '/' ? snprintf(out, cap, "%s", dir) : snprintf(out, cap, "%s/%s", cfg->dir, dir);
    return n < 0 || (size_t)n >= cap ? WS_ELIMIT : WS_OK;
}

static int set_rule_level(ws_ruleset *rs, const char *id, ws_level level)
{
    bool found = false;
    /* Every rule of that id: earlier ones are already off if replaced. */
    for (size_t i = rs->rules.n; i-- > 0;) {
        ws_rule *r = &rs->rules.v[i];
        if (strcmp(r->id, id) || r->kind == WS_RULE_LEXICON)
            continue;
        if (!found)
            r->level = level;
        found = true;
    }
    return found ? WS_OK : WS_EINVAL;
}

/* Overrides of rules not loaded (yet) are left for ws_ctx_check to report. */
static int apply_overrides(ws_ruleset *rs, const ws_config *cfg, ws_diag *diag)
{
    for (size_t i = 0; i < cfg->levels.n; i++) {
        const ws_level_override *o = &cfg->levels.v[i];
        if (o->path_idx == 0)
            set_rule_level(rs, o->rule, o->level);
    }
    ws_buf key;
    ws_buf_init(&key, rs->mem);
    int rc = WS_OK;
    for (size_t i = 0; i < cfg->accept.n && rc >= 0; i++) {
        const char *term = cfg->accept.v[i];
        if ((rc = ws_phrase_key(term, strlen(term), true, &key)) > 0)
            rc = ws_lexicon_add(&rs->vocabulary, key.data, key.len, 0);
    }
    ws_buf_release(&key);
    return rc < 0 ? ws_diag_set(diag, rc, cfg->path, 0, 0, 0, "out of memory") : WS_OK;
}

/*
 * Load the rule directories and the configuration into a fresh ruleset and
 * swap it in only when everything loaded: a failure leaves the context as it
 * was. @extra_dir (may be NULL) is added to the directories on success.
 */
static int reload(ws_ctx *ctx, const char *extra_dir, const ws_config *cfg, ws_diag *diag)
{
    ws_ruleset fresh;
    ws_ruleset_init(&fresh, &ctx->mem);
    if (cfg && cfg->packs.n) {
        fresh.pack_filter = cfg->packs.v;
        fresh.n_pack_filter = cfg->packs.n;
    }
    int rc = WS_OK;
    for (size_t i = 0; i < ctx->rule_dirs.n && rc >= 0; i++)
        rc = ws_ruleset_load_dir(&fresh, ctx->rule_dirs.v[i], diag);
    if (rc >= 0 && extra_dir)
        rc = ws_ruleset_load_dir(&fresh, extra_dir, diag);
    for (size_t i = 0; cfg && i < cfg->rule_dirs.n && rc >= 0; i++) {
        char path[4096];
        if ((rc = config_dir_path(cfg, cfg->rule_dirs.v[i], path, sizeof path)) < 0)
            rc = ws_diag_set(diag, WS_ECONFIG, cfg->path, 0, 0, 0, "pack folder path too long");
        else
            rc = ws_ruleset_load_dir(&fresh, path, diag);
    }
    if (rc >= 0 && cfg)
        rc = apply_overrides(&fresh, cfg, diag);
    if (rc >= 0 && (rc = ws_ruleset_index(&fresh)) < 0)
        ws_diag_set(diag, rc, "", 0, 0, 0, "out of memory");
    char *copy = NULL;
    if (rc >= 0 && extra_dir) {
        copy = ws_strdup(&ctx->mem, extra_dir);
        if (!copy || WS_ARRAY_GROW(&ctx->mem, ctx->rule_dirs) < 0) {
            ws_free(&ctx->mem, copy);
            rc = ws_diag_set(diag, WS_ENOMEM, extra_dir, 0, 0, 0, "out of memory");
        }
    }
    if (rc < 0) {
        ws_ruleset_release(&fresh);
        return rc;
    }
    if (copy)
        ctx->rule_dirs.v[ctx->rule_dirs.n++] = copy;
    ws_ruleset_release(&ctx->rules);
    /* A ruleset holds no pointer to itself: it moves by copy. */
    ctx->rules = fresh;
    ctx->config = cfg;
    return WS_OK;
}

int ws_ctx_load_rules(ws_ctx *ctx, const char *dir, ws_diag *diag)
{
    if (!ctx || !dir)
        return WS_EINVAL;
    return reload(ctx, dir, ctx->config, diag);
}

int ws_ctx_apply_config(ws_ctx *ctx, const ws_config *cfg, ws_diag *diag)
{
    if (!ctx || !cfg)
        return WS_EINVAL;
    return reload(ctx, NULL, cfg, diag);
}

const char *ws_default_rules_dir(void)
{
    const char *env = getenv("WHOSAID_RULES");
    if (env && *env)
        return env;
    /* Run from the build tree: use the rules of the source tree. */
    static const char build_root[] = WS_BUILD_ROOT "/";
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        if (strncmp(exe, build_root, sizeof build_root - 1) == 0)
            return WS_SOURCE_RULES_DIR;
    }
    return WS_RULES_DIR;
}

size_t ws_ctx_n_rules(const ws_ctx *ctx)
{
    return ctx ? ctx->rules.rules.n : 0;
}

int ws_ctx_rule(const ws_ctx *ctx, size_t i, ws_rule_info *out)
{
    if (!ctx || !out || i >= ctx->rules.rules.n)
        return WS_EINVAL;
    const ws_rule *r = &ctx->rules.rules.v[i];
    memset(out, 0, sizeof *out);
    out->id = r->id;
    out->pack = r->pack;
    out->type = r->type;
    out->path = r->path;
    out->message = r->message;
    out->description = r->description;
    out->link = r->link;
    out->scope = ws_scope_name(r->scope);
    out->level = r->level;
    out->default_level = r->default_level;
    out->is_lexicon = r->kind == WS_RULE_LEXICON;
    out->is_replaced = ws_ruleset_find(&ctx->rules, r->id) != r;
    out->n_examples = r->n_examples;
    return WS_OK;
}

int ws_ctx_rule_example(const ws_ctx *ctx, size_t i, size_t k, int *should_flag,
                        const char **text, uint32_t *line)
{
    if (!ctx || i >= ctx->rules.rules.n || k >= ctx->rules.rules.v[i].n_examples)
        return WS_EINVAL;
    const ws_rule_example *e = &ctx->rules.rules.v[i].examples[k];
    if (should_flag)
        *should_flag = e->should_flag;
    if (text)
        *text = e->text;
    if (line)
        *line = e->line;
    return WS_OK;
}

int ws_ctx_check(const ws_ctx *ctx, ws_diag *diag)
{
    if (!ctx)
        return WS_EINVAL;
    const ws_config *cfg = ctx->config;
    for (size_t i = 0; cfg && i < cfg->levels.n; i++) {
        const ws_level_override *o = &cfg->levels.v[i];
        const ws_rule *r = ws_ruleset_find(&ctx->rules, o->rule);
        if (!r || r->kind == WS_RULE_LEXICON)
            return ws_diag_set(diag, WS_ECONFIG, cfg->path, 0, o->line, o->col,
                               "no rule '%s' is loaded (a lexicon has no level)", o->rule);
    }
    return WS_OK;
}
