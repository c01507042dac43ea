/*
 * test_alloc.c - the growable arrays of core/alloc.h: the first block an
 * array gets for each size of element, growth that keeps what it holds, and
 * sizes that would overflow; the byte buffer of core/buf.h grown a byte at
 * a time; the arena of core/arena.h.
 */
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "harness.h"
#include "core/alloc.h"
#include "core/arena.h"
#include "core/buf.h"

/* Grow an array of @elem_size-byte elements to @n elements, one at a time,
 * checking every byte written so far after each growth; returns its
 * capacity after the first element. */
static size_t grow_and_check(size_t elem_size, size_t n)
{
    unsigned char *v = NULL;
    size_t cap = 0, first_cap = 0;
    for (size_t i = 0; i < n; i++) {
        size_t old_cap = cap;
        assert_int_equal(ws_array_reserve(&ws_default_allocator, &v, &cap, i + 1, elem_size), WS_OK);
        assert_true(cap >= i + 1);
        if (i == 0)
            first_cap = cap;
        if (cap != old_cap)
            for (size_t k = 0; k < i * elem_size; k++)
                assert_int_equal(v[k], (unsigned char)(k * 7 + 1));
        for (size_t k = i * elem_size; k < (i + 1) * elem_size; k++)
            v[k] = (unsigned char)(k * 7 + 1);
    }
    ws_free(&ws_default_allocator, v);
    return first_cap;
}

/* An array's first block holds 512 bytes of small elements, and never fewer
 * than 8 elements of large ones. */
static void arrays_start_with_a_block(void **state)
{
    (void)state;
    assert_int_equal(grow_and_check(1, 1000), 512);
    assert_int_equal(grow_and_check(4, 300), 128);
    assert_int_equal(grow_and_check(8, 200), 64);
    assert_int_equal(grow_and_check(24, 100), 21);
    assert_int_equal(grow_and_check(64, 40), 8);
    assert_int_equal(grow_and_check(100, 40), 8);
    assert_int_equal(grow_and_check(600, 20), 8);
}

/* A capacity that would overflow is refused, and the array is left as it was. */
static void arrays_refuse_overflow(void **state)
{
    (void)state;
    int *v = NULL;
    size_t cap = 0;
    assert_int_equal(ws_array_reserve(&ws_default_allocator, &v, &cap, SIZE_MAX / 2 + 2, sizeof *v), WS_EINVAL);
    assert_null(v);
    assert_int_equal(cap, 0);
    assert_int_equal(ws_array_reserve(&ws_default_allocator, &v, &cap, SIZE_MAX / sizeof *v, sizeof *v), WS_EINVAL);
    assert_null(v);
}

static void *no_alloc(void *ud, size_t n)
{
    (void)ud;
    (void)n;
    return NULL;
}

static void *no_realloc(void *ud, void *p, size_t old_n, size_t new_n)
{
    (void)ud;
    (void)p;
    (void)old_n;
    (void)new_n;
    return NULL;
}

static void no_free(void *ud, void *p)
{
    (void)ud;
    (void)p;
}

/* A byte at a time, NUL and high bytes too, past several growths: each
 * put keeps what was there, and the buffer stays NUL-terminated. When
 * memory runs out the put fails and the buffer is as it was. */
static void buffer_grows_a_byte_at_a_time(void **state)
{
    (void)state;
    ws_buf b;
    ws_buf_init(&b, &ws_default_allocator);
    for (size_t i = 0; i < 1000; i++) {
        assert_int_equal(ws_buf_putc(&b, (char)(i * 13)), WS_OK);
        assert_int_equal(b.len, i + 1);
        assert_true(b.cap > b.len);
        assert_int_equal(b.data[b.len], '\0');
    }
    for (size_t i = 0; i < 1000; i++)
        assert_int_equal((unsigned char)b.data[i], (unsigned char)(i * 13));
    ws_buf_release(&b);

    ws_allocator none = {no_alloc, no_realloc, no_free, NULL};
    ws_buf_init(&b, &none);
    assert_int_equal(ws_buf_putc(&b, 'x'), WS_ENOMEM);
    assert_int_equal(b.len, 0);
    assert_null(b.data);
}

/*
 * The arena: allocations of every size from 0 to past a chunk, each aligned
 * for any type and apart from the others (each filled, then all checked),
 * over several chunks, a big one among them; then the same after a
 * release. When memory runs out an allocation is NULL.
 */
static void arena_allocations_stay_apart(void **state)
{
    (void)state;
    enum { N = 3000 };
    static unsigned char *p[N];
    static size_t len[N];
    ws_arena arena;
    ws_arena_init(&arena, &ws_default_allocator);
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < N; i++) {
            len[i] = i == 1000 ? 100000 : (i * 37) % 300;
            p[i] = ws_arena_alloc(&arena, len[i]);
            assert_non_null(p[i]);
            assert_int_equal((uintptr_t)p[i] % alignof(max_align_t), 0);
            memset(p[i], (int)(i * 7 + round), len[i]);
        }
        for (size_t i = 0; i < N; i++)
            for (size_t k = 0; k < len[i]; k++)
                assert_int_equal(p[i][k], (unsigned char)(i * 7 + round));
        /* Zero bytes are a unit of their own, not the next allocation's. */
        unsigned char *zero = ws_arena_alloc(&arena, 0), *after = ws_arena_alloc(&arena, 1);
        assert_non_null(zero);
        assert_true(after != zero);
        char *s = ws_arena_strndup(&arena, "Kestrel", 3);
        assert_string_equal(s, "Kes");
        ws_arena_release(&arena);
    }
    ws_allocator none = {no_alloc, no_realloc, no_free, NULL};
    ws_arena_init(&arena, &none);
    assert_null(ws_arena_alloc(&arena, 8));
    assert_null(ws_arena_alloc(&arena, 0));
    assert_null(ws_arena_alloc(&arena, SIZE_MAX));
    ws_arena_release(&arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(arrays_start_with_a_block),
        cmocka_unit_test(arrays_refuse_overflow),
        cmocka_unit_test(buffer_grows_a_byte_at_a_time),
        cmocka_unit_test(arena_allocations_stay_apart),
    };
    return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
