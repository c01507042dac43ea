/*
 * rx.h - PCRE2 for rule patterns: compiled once at rule load with UTF and
 * Unicode properties, JIT where the machine allows it (the interpreter
 * otherwise), and matched under limits so that a catastrophic user pattern
 * stops with an error naming its rule instead of hanging.
 */
#ifndef WS_RX_H
#define WS_RX_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "whosaid.h"

/* Shared, read-only after init: contexts with the allocator and the limits. */
typedef struct ws_rx_env {
    pcre2_general_context *gctx;
    pcre2_compile_context *cctx;
    pcre2_match_context *mctx;
    bool has_jit;           /* pcre2_config(PCRE2_CONFIG_JIT), probed once */
    bool jit_works;         /* false after JIT compilation failed for lack of memory */
} ws_rx_env;

/* Limits per match call (one block of text). */
enum { WS_RX_MATCH_LIMIT = 2000000, WS_RX_DEPTH_LIMIT = 2000, WS_RX_HEAP_LIMIT_KIB = 20 * 1024 };

int ws_rx_env_init(ws_rx_env *env, const ws_allocator *mem);
void ws_rx_env_release(ws_rx_env *env);

typedef struct ws_rx {
    pcre2_code *code;
    bool is_jit;
} ws_rx;

/*
 * Compile @pattern (@len bytes). On error returns WS_ERULE with PCRE2's
 * message in @err and the offset (in bytes) in *err_off.
 */
int ws_rx_compile(ws_rx_env *env, ws_rx *rx, const char *pattern, size_t len, bool caseless,
                  char *err, size_t err_len, size_t *err_off);
void ws_rx_free(ws_rx *rx);

/* Per-analysis match state: match data are not shared between threads. */
typedef struct ws_rx_matcher {
    pcre2_match_data *md;
} ws_rx_matcher;

int ws_rx_matcher_init(ws_rx_matcher *m, const ws_rx_env *env);
void ws_rx_matcher_release(ws_rx_matcher *m);

/*
 * Call @on_match for every match of @rx in [from, to) of @text, which is the
 * subject (^ matches at @from); offsets passed back are into @text (valid
 * UTF-8: checked once per document, so PCRE2's own check is skipped).
 * Returns WS_OK, the first negative value @on_match returns, or WS_ELIMIT
 * when a match or stack limit stopped the pattern.
 */
int ws_rx_each(const ws_rx_env *env, ws_rx_matcher *m, const ws_rx *rx, const char *text,
               size_t from, size_t to, int (*on_match)(void *ud, size_t start, size_t end),
               void *ud);

#endif
