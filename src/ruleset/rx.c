/* rx.c - PCRE2 compile, JIT, limits and the global match loop. */
#include "ruleset/rx.h"

#include <string.h>

static void *rx_alloc(PCRE2_SIZE n, void *ud)
{
    const ws_allocator *mem = ud;
    return mem->alloc(mem->ud, n ? n : 1);
}

static void rx_free(void *p, void *ud)
{
    const ws_allocator *mem = ud;
    if (p)
        mem->free(mem->ud, p);
}

int ws_rx_env_init(ws_rx_env *env, const ws_allocator *mem)
{
    memset(env, 0, sizeof *env);
    /* PCRE2 keeps @mem as its user data: every PCRE2 allocation goes
     * through the caller's allocator. */
    env->gctx = pcre2_general_context_create(rx_alloc, rx_free, (void *)mem);
    if (!env->gctx)
        return WS_ENOMEM;
    env->cctx = pcre2_compile_context_create(env->gctx);
    env->mctx = pcre2_match_context_create(env->gctx);
    if (!env->cctx || !env->mctx) {
        ws_rx_env_release(env);
        return WS_ENOMEM;
    }
    pcre2_set_match_limit(env->mctx, WS_RX_MATCH_LIMIT);
    pcre2_set_depth_limit(env->mctx, WS_RX_DEPTH_LIMIT);
    pcre2_set_heap_limit(env->mctx, WS_RX_HEAP_LIMIT_KIB);
    uint32_t jit = 0;
    env->has_jit = pcre2_config(PCRE2_CONFIG_JIT, &jit) >= 0 && jit;
    env->jit_works = env->has_jit;
    return WS_OK;
}

void ws_rx_env_release(ws_rx_env *env)
{
    pcre2_match_context_free(env->mctx);
    pcre2_compile_context_free(env->cctx);
    pcre2_general_context_free(env->gctx);
    memset(env, 0, sizeof *env);
}

int ws_rx_compile(ws_rx_env *env, ws_rx *rx, const char *pattern, size_t len, bool caseless,
                  char *err, size_t err_len, size_t *err_off)
{
    int code;
    PCRE2_SIZE off;
    uint32_t opts = PCRE2_UTF | PCRE2_UCP | (caseless ? PCRE2_CASELESS : 0);
    memset(rx, 0, sizeof *rx);
    rx->code = pcre2_compile((PCRE2_SPTR)pattern, len, opts, &code, &off, env->cctx);
    if (!rx->code) {
        pcre2_get_error_message(code, (PCRE2_UCHAR *)err, err_len);
        *err_off = off;
        return WS_ERULE;
    }
    if (env->jit_works) {
        int rc = pcre2_jit_compile(rx->code, PCRE2_JIT_COMPLETE);
        /* Where executable memory is refused (SELinux deny_execmem, PaX),
         * JIT fails for lack of memory: use the interpreter from then on. */
        if (rc == PCRE2_ERROR_NOMEMORY)
            env->jit_works = false;
        size_t jit_size = 0;
        rx->is_jit = rc == 0 && pcre2_pattern_info(rx->code, PCRE2_INFO_JITSIZE, &jit_size) == 0 &&
                     jit_size > 0;
    }
    return WS_OK;
}

void ws_rx_free(ws_rx *rx)
{
    pcre2_code_free(rx->code);
    rx->code = NULL;
}

int ws_rx_matcher_init(ws_rx_matcher *m, const ws_rx_env *env)
{
    /* Rule patterns need only the whole-match pair; capture groups are not used. */
    m->md = pcre2_match_data_create(1, env->gctx);
    return m->md ? WS_OK : WS_ENOMEM;
}

void ws_rx_matcher_release(ws_rx_matcher *m)
{
    pcre2_match_data_free(m->md);
    m->md = NULL;
}

static int run(const ws_rx_env *env, ws_rx_matcher *m, const ws_rx *rx, const char *text,
               size_t to, size_t at, uint32_t opts)
{
    /* NO_UTF_CHECK: the document was validated once; otherwise each call in
     * the loop re-checks from its start offset to the end: quadratic. */
    /* The JIT cannot anchor at match time: the retry after an empty match
     * goes through pcre2_match, which falls back to the interpreter. */
    if (rx->is_jit && !(opts & PCRE2_ANCHORED))
        return pcre2_jit_match(rx->code, (PCRE2_SPTR)text, to, at, opts, m->md, env->mctx);
    return pcre2_match(rx->code, (PCRE2_SPTR)text, to, at, opts | PCRE2_NO_UTF_CHECK, m->md,
                       env->mctx);
}

int ws_rx_each(const ws_rx_env *env, ws_rx_matcher *m, const ws_rx *rx, const char *text,
               size_t from, size_t to, int (*on_match)(void *ud, size_t start, size_t end),
               void *ud)
{
    /* The subject is the paragraph itself, so that ^ and $ and \b see its
     * edges; offsets are moved back into the text for the caller. */
    const char *subject = text + from;
    size_t len = to - from;
    size_t at = 0;
    uint32_t opts = 0;
    while (at <= len) {
        int rc = run(env, m, rx, subject, len, at, opts);
        if (rc == PCRE2_ERROR_NOMATCH) {
            if (opts == 0)
                break;
            /* The empty match could not be extended: move one character on. */
            opts = 0;
            if (at >= len)
                break;
            at++;
            while (at < len && ((unsigned char)subject[at] & 0xC0) == 0x80)
                at++;
            continue;
        }
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_HEAPLIMIT || rc == PCRE2_ERROR_JIT_STACKLIMIT)
            return WS_ELIMIT;
        if (rc == PCRE2_ERROR_NOMEMORY)
            return WS_ENOMEM;
        if (rc < 0)
            return WS_EINVAL;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        size_t start = ov[0], end = ov[1];
        if (end > start) {
            int r = on_match(ud, from + start, from + end);
            if (r < 0)
                return r;
        }
        /* After an empty match, retry at the same place asking for a
         * non-empty one (pcre2demo's loop, as 10.42 has no next_match). */
        opts = end == start ? PCRE2_NOTEMPTY_ATSTART | PCRE2_ANCHORED : 0;
        at = end;
    }
    return WS_OK;
}
