/* context.c - the context: the allocator and the loaded rule packs. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/diag.h"
#include "ruleset/context.h"
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
    ws_allocator mem = ctx->mem;
    mem.free(mem.ud, ctx);
}

int ws_ctx_load_rules(ws_ctx *ctx, const char *dir, ws_diag *diag)
{
    if (!ctx || !dir)
        return WS_EINVAL;
    /* Load everything again into a fresh ruleset and swap it in only when
     * all of it loaded: a failure leaves the context as it was. */
    ws_ruleset fresh;
    ws_ruleset_init(&fresh, &ctx->mem);
    int rc = WS_OK;
    for (size_t i = 0; i < ctx->rule_dirs.n && rc >= 0; i++)
        rc = ws_ruleset_load_dir(&fresh, ctx->rule_dirs.v[i], diag);
    if (rc >= 0)
        rc = ws_ruleset_load_dir(&fresh, dir, diag);
    char *copy = rc >= 0 ? ws_strdup(&ctx->mem, dir) : NULL;
    if (rc >= 0 && (!copy || WS_ARRAY_GROW(&ctx->mem, ctx->rule_dirs) < 0)) {
        ws_free(&ctx->mem, copy);
        rc = ws_diag_set(diag, WS_ENOMEM, dir, 0, 0, 0, "out of memory");
    }
    if (rc < 0) {
        ws_ruleset_release(&fresh);
        return rc;
    }
    ctx->rule_dirs.v[ctx->rule_dirs.n++] = copy;
    ws_ruleset_release(&ctx->rules);
    ctx->rules = fresh;
    return WS_OK;
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
