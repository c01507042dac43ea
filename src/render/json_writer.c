/* json_writer.c - streaming JSON with stable layout. */
#include "render/json_writer.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "render/escape.h"
#include "text/utf8.h"

void ws_json_init(ws_json *j, ws_renderer *r)
{
    memset(j, 0, sizeof *j);
    j->r = r;
}

void ws_json_init_nested(ws_json *j, ws_renderer *r, int depth)
{
    ws_json_init(j, r);
    j->depth = depth > 0 && depth < WS_JSON_MAX_DEPTH ? depth : 0;
}

/* The longest layout before an item: a comma, a newline and two spaces a level. */
enum { MAX_PREFIX = 2 + 2 * WS_JSON_MAX_DEPTH };

/* A line break and the deepest indentation: the layout of any level is a
 * prefix of it, copied whole (a copy of known size needs no library call)
 * and then cut to length. */
#define SPACES_16 "                "
static const char newline_indent[1 + 2 * WS_JSON_MAX_DEPTH] = "\n" SPACES_16 SPACES_16 SPACES_16 SPACES_16;
/* (A deeper limit would pad the array with NUL bytes, which would go out.) */
_Static_assert(sizeof("\n" SPACES_16 SPACES_16 SPACES_16 SPACES_16) - 1 == 1 + 2 * WS_JSON_MAX_DEPTH,
               "newline_indent must hold two spaces per level of WS_JSON_MAX_DEPTH");
#undef SPACES_16

/* Write a line break and the indentation of @depth at @out, which has room
 * for sizeof newline_indent bytes; returns the length that counts. A
 * report goes seven levels deep at most: their layout is one copy of
 * sixteen bytes. */
static size_t put_newline_indent(char *out, int depth)
{
    if (depth <= 7)
        memcpy(out, newline_indent, 16);
    else
        memcpy(out, newline_indent, sizeof newline_indent);
    return 1 + (size_t)depth * 2;
}

/*
 * Separator and layout before a value or key inside the current container,
 * written to @out (MAX_PREFIX bytes); returns their length. The callers put
 * them out with what follows in one write.
 */
static inline size_t item_prefix(ws_json *j, char *out)
{
    if (j->after_key) {
        j->after_key = false;
        return 0;
    }
    if (j->depth == 0)
        return 0;
    bool first = !j->has_items[j->depth];
    j->has_items[j->depth] = true;
    size_t n = 0;
    if (!first)
        out[n++] = ',';
    if (j->is_compact)
        return n;
    if (j->is_inline[j->depth]) {
        if (!first)
            out[n++] = ' ';
        return n;
    }
    return n + put_newline_indent(out + n, j->depth);
}

static int before_item(ws_json *j)
{
    char buf[MAX_PREFIX];
    size_t n = item_prefix(j, buf);
    return n ? ws_render_put(j->r, buf, n) : WS_OK;
}

/* The longest quoted key written in one reservation with what goes with
 * it; a longer one is put on its own. */
enum { MAX_QUOTED_KEY = 64 };

/* Copy @len bytes of a quoted key: keys of up to 16 bytes (nearly all)
 * as two overlapping words, a copy of known size that needs no call to
 * the library, as it would for a length known only at run time. */
static inline void copy_quoted_key(char *dst, const char *src, size_t len)
{
    if (len >= 8 && len <= 16) {
        memcpy(dst, src, 8);
        memcpy(dst + len - 8, src + len - 8, 8);
    } else if (len >= 4 && len < 8) {
        memcpy(dst, src, 4);
        memcpy(dst + len - 4, src + len - 4, 4);
    } else {
        memcpy(dst, src, len);
    }
}

/* Layout and a quoted key at @buf (room for MAX_PREFIX + MAX_QUOTED_KEY),
 * for the value written after them; returns their length. */
static inline size_t quoted_key(ws_json *j, char *buf, const char *quoted, size_t len)
{
    size_t n = item_prefix(j, buf);
    if (j->is_compact)
        len--; /* no space after the colon */
    copy_quoted_key(buf + n, quoted, len);
    return n + len;
}

/*
 * An error is sticky (the renderer's status): once a write has failed,
 * nothing is opened or closed any more, so the depth cannot go below the
 * document's bottom when callers go on closing what failed to open.
 */
static int open_container(ws_json *j, const char *quoted, size_t len, char c, bool is_inline)
{
    if (quoted && len > MAX_QUOTED_KEY) {
        int rc = ws_json_key_quoted(j, quoted, len);
        if (rc < 0)
            return rc;
        quoted = NULL;
    }
    char *out = ws_render_room(j->r, MAX_PREFIX + MAX_QUOTED_KEY + 1);
    if (!out)
        return j->r->status;
    /* With its key, when it has one: one write for both. */
    size_t n = quoted ? quoted_key(j, out, quoted, len) : item_prefix(j, out);
    if (j->depth + 1 >= WS_JSON_MAX_DEPTH) {
        int rc = ws_render_commit(j->r, n);
        return rc < 0 ? rc : (j->r->status = WS_ELIMIT);
    }
    out[n++] = c;
    int rc = ws_render_commit(j->r, n);
    if (rc < 0)
        return rc;
    j->depth++;
    j->has_items[j->depth] = false;
    /* Inside an inline container everything stays inline. */
    j->is_inline[j->depth] = is_inline || j->is_inline[j->depth - 1];
    return rc;
}

static int close_container(ws_json *j, char c)
{
    if (j->r->status < 0 || j->depth == 0)
        return j->r->status < 0 ? j->r->status : (j->r->status = WS_EINVAL);
    bool had = j->has_items[j->depth];
    bool was_inline = j->is_inline[j->depth];
    char *out = ws_render_room(j->r, MAX_PREFIX + 1);
    if (!out)
        return j->r->status;
    j->depth--;
    size_t n = 0;
    if (had && !was_inline && !j->is_compact)
        n += put_newline_indent(out, j->depth);
    out[n++] = c;
    return ws_render_commit(j->r, n);
}

int ws_json_begin_object(ws_json *j, bool is_inline)
{
    return open_container(j, NULL, 0, '{', is_inline);
}

int ws_json_end_object(ws_json *j)
{
    return close_container(j, '}');
}

int ws_json_begin_array(ws_json *j, bool is_inline)
{
    return open_container(j, NULL, 0, '[', is_inline);
}

int ws_json_kv_begin_object_quoted(ws_json *j, const char *quoted, size_t len, bool is_inline)
{
    return open_container(j, quoted, len, '{', is_inline);
}

int ws_json_kv_begin_array_quoted(ws_json *j, const char *quoted, size_t len, bool is_inline)
{
    return open_container(j, quoted, len, '[', is_inline);
}

int ws_json_end_array(ws_json *j)
{
    return close_container(j, ']');
}

/* Bytes a string or a key may hold to be copied as they are: printable
 * ASCII but '"' and '\\', which ws_escape_json() leaves alone. A table, as
 * they are checked byte by byte (NUL, the end of a key, is not one). */
#define P1(c) [c] = 1
#define P2(c) P1(c), P1(c + 1)
#define P4(c) P2(c), P2(c + 2)
#define P8(c) P4(c), P4(c + 4)
#define P16(c) P8(c), P8(c + 8)
static const bool plain_string_byte[256] = {
    /* ' ' and '!' */
    P2(0x20),
    /* '#' to '[' */
    P1(0x23), P4(0x24), P8(0x28), P16(0x30), P16(0x40), P8(0x50), P4(0x58),
    /* ']' to '~' */
    P1(0x5D), P2(0x5E), P16(0x60), P8(0x70), P4(0x78), P2(0x7C), P1(0x7E),
};
#undef P1
#undef P2
#undef P4
#undef P8
#undef P16

#if defined(__SSE2__)
static inline bool has_special_byte16(__m128i v)
{
    return ws_json_special_mask16(v) != 0;
}
#endif

/*
 * Copy @len bytes of @s to @dst when none needs escaping; false, with
 * some of them copied, when one does. Sixteen bytes are checked and copied
 * at a time where SSE2 is (every x86-64), eight elsewhere; the last ones
 * without a loop, whose exit was mispredicted for most strings: as the
 * string's last sixteen or eight bytes, overlapping those done, or as two
 * words of half that length that overlap.
 */
static inline bool copy_plain(char *dst, const char *s, size_t len)
{
    size_t k = 0;
#if defined(__SSE2__)
    for (; k + 16 <= len; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + k));
        if (has_special_byte16(v))
            return false;
        _mm_storeu_si128((__m128i *)(void *)(dst + k), v);
    }
    if (k == len)
        return true;
    if (len >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + len - 16));
        if (has_special_byte16(v))
            return false;
        _mm_storeu_si128((__m128i *)(void *)(dst + len - 16), v);
        return true;
    }
    if (len >= 8) {
        __m128i head = _mm_loadl_epi64((const __m128i *)(const void *)s);
        __m128i tail = _mm_loadl_epi64((const __m128i *)(const void *)(s + len - 8));
        if (has_special_byte16(_mm_unpacklo_epi64(head, tail)))
            return false;
        _mm_storel_epi64((__m128i *)(void *)dst, head);
        _mm_storel_epi64((__m128i *)(void *)(dst + len - 8), tail);
        return true;
    }
#else
    for (; k + 8 <= len; k += 8) {
        uint64_t w;
        memcpy(&w, s + k, 8);
        if (ws_json_special_in8(w))
            return false;
        memcpy(dst + k, &w, 8);
    }
    if (k == len)
        return true;
    if (len >= 8) {
        uint64_t w;
        memcpy(&w, s + len - 8, 8);
        if (ws_json_special_in8(w))
            return false;
        memcpy(dst + len - 8, &w, 8);
        return true;
    }
#endif
    if (len >= 4) {
        uint32_t head, tail;
        memcpy(&head, s, 4);
        memcpy(&tail, s + len - 4, 4);
        if (ws_json_special_in8(head | (uint64_t)tail << 32))
            return false;
        memcpy(dst, &head, 4);
        memcpy(dst + len - 4, &tail, 4);
        return true;
    }
    for (; k < len; k++) {
        if (!plain_string_byte[(unsigned char)s[k]])
            return false;
        dst[k] = s[k];
    }
    return true;
}

/* @s quoted, after the @n bytes of layout at @out (the renderer's room,
 * which has space for one more). */
static inline int put_string(ws_json *j, char *out, size_t n, const char *s, size_t len)
{
    out[n++] = '"';
    /* A plain string (names, types, most spans) goes out with its marks in
     * the same step when the buffer already has room for it (it must not
     * move under @out). */
    size_t room = j->r->out.cap - j->r->out.len;
    if (n + len + 2 <= room && copy_plain(out + n, s, len)) {
        out[n + len] = '"';
        return ws_render_commit(j->r, n + len + 1);
    }
    /* Anything to escape: the escaper writes the string from its start. */
    int rc = ws_render_commit(j->r, n);
    if (rc >= 0)
        rc = ws_render_escaped(j->r, ws_escape_json, s, len);
    return rc < 0 ? rc : ws_render_put(j->r, "\"", 1);
}

enum { MAX_PLAIN_KEY = 64 };

int ws_json_key_str(ws_json *j, const char *key)
{
    char *out = ws_render_room(j->r, MAX_PREFIX + MAX_PLAIN_KEY + 4);
    if (!out)
        return j->r->status;
    size_t n = item_prefix(j, out);
    /* Keys are the program's own names: plain ASCII needs no escaper, and
     * is copied after the layout as it is checked, for one write. */
    char *quoted = out + n;
    size_t len = 0;
    while (len <= MAX_PLAIN_KEY && plain_string_byte[(unsigned char)key[len]]) {
        quoted[1 + len] = key[len];
        len++;
    }
    int rc;
    if (len <= MAX_PLAIN_KEY && !key[len]) {
        quoted[0] = '"';
        memcpy(quoted + 1 + len, "\": ", 3);
        rc = ws_render_commit(j->r, n + len + (j->is_compact ? 3 : 4));
    } else {
        rc = put_string(j, out, n, key, strlen(key));
        if (rc >= 0)
            rc = ws_render_put(j->r, ": ", j->is_compact ? 1 : 2);
    }
    j->after_key = true;
    return rc;
}

int ws_json_strn(ws_json *j, const char *s, size_t len)
{
    char *out = ws_render_room(j->r, MAX_PREFIX + 1);
    return out ? put_string(j, out, item_prefix(j, out), s, len) : j->r->status;
}

int ws_json_str(ws_json *j, const char *s)
{
    if (!s)
        return ws_json_null(j);
    return ws_json_strn(j, s, strlen(s));
}

/* The longest number: a sign and the 19 digits of INT64_MIN, with a byte
 * to spare. */
enum { MAX_DIGITS = 21 };

/* "00" to "99": numbers are written two digits a step. */
static const char digit_pairs[201] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                                     "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
                                     "8081828384858687888990919293949596979899";

/* put_digits() for any number: counted by comparison and written two
 * digits a division. */
static size_t put_digits_any(char *buf, size_t n, int64_t v)
{
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    if (v < 0)
        buf[n++] = '-';
    size_t n_digits = 1;
    for (uint64_t bound = 10; n_digits < 20 && u >= bound; bound *= 10)
        n_digits++;
    char *p = buf + n + n_digits;
    while (u >= 100) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * (u % 100), 2);
        u /= 100;
    }
    if (u >= 10) {
        p -= 2;
        memcpy(p, digit_pairs + 2 * u, 2);
    } else {
        *--p = (char)('0' + u);
    }
    return n + n_digits;
}

/* The digits of @v after the @n bytes at @buf (which has MAX_DIGITS bytes
 * more); returns the new length. Offsets within an article, lines and
 * columns, most of a report's numbers, are below 10000 nearly always:
 * written inline, without counting digits or a loop. */
static inline size_t put_digits(char *buf, size_t n, int64_t v)
{
    if (v < 0 || v >= 10000)
        return put_digits_any(buf, n, v);
    uint32_t u = (uint32_t)v;
    if (u < 100) {
        if (u < 10) {
            buf[n] = (char)('0' + u);
            return n + 1;
        }
        memcpy(buf + n, digit_pairs + 2 * u, 2);
        return n + 2;
    }
    uint32_t high = u / 100, low = u % 100;
    if (high < 10) {
        buf[n] = (char)('0' + high);
        memcpy(buf + n + 1, digit_pairs + 2 * low, 2);
        return n + 3;
    }
    memcpy(buf + n, digit_pairs + 2 * high, 2);
    memcpy(buf + n + 2, digit_pairs + 2 * low, 2);
    return n + 4;
}

int ws_json_key_quoted(ws_json *j, const char *quoted, size_t len)
{
    if (len > MAX_QUOTED_KEY) {
        int rc = before_item(j);
        if (rc >= 0)
            rc = ws_render_put(j->r, quoted, j->is_compact ? len - 1 : len);
        j->after_key = true;
        return rc;
    }
    char *out = ws_render_room(j->r, MAX_PREFIX + MAX_QUOTED_KEY);
    if (!out)
        return j->r->status;
    size_t n = quoted_key(j, out, quoted, len);
    j->after_key = true; /* the value comes in another write */
    return ws_render_commit(j->r, n);
}

int ws_json_kv_int_quoted(ws_json *j, const char *quoted, size_t len, int64_t v)
{
    if (len > MAX_QUOTED_KEY) {
        int rc = ws_json_key_quoted(j, quoted, len);
        return rc < 0 ? rc : ws_json_int(j, v);
    }
    /* Offsets make up much of a report: the layout, the key and the
     * number are written in place, in one step. */
    char *out = ws_render_room(j->r, MAX_PREFIX + MAX_QUOTED_KEY + MAX_DIGITS);
    if (!out)
        return j->r->status;
    size_t n = quoted_key(j, out, quoted, len);
    return ws_render_commit(j->r, put_digits(out, n, v));
}

int ws_json_kv_ints(ws_json *j, const ws_json_int_member *members, size_t n)
{
    int rc = WS_OK;
    /* Longer runs and keys go member by member; the bounds keep the
     * reservation within what a member may take. */
    bool fits = n <= WS_JSON_MAX_INT_MEMBERS;
    for (size_t k = 0; k < n && fits; k++)
        fits = members[k].len <= MAX_QUOTED_KEY;
    if (!fits) {
        for (size_t k = 0; k < n && rc >= 0; k++)
            rc = ws_json_kv_int_quoted(j, members[k].quoted, members[k].len, members[k].value);
        return rc;
    }
    /* A span's place is six members: one check for room, one commit. */
    char *out = ws_render_room(j->r, WS_JSON_MAX_INT_MEMBERS * (MAX_PREFIX + MAX_QUOTED_KEY + MAX_DIGITS));
    if (!out)
        return j->r->status;
    if (n == 0)
        return WS_OK;
    size_t len = quoted_key(j, out, members[0].quoted, members[0].len);
    len = put_digits(out, len, members[0].value);
    /* After the first member the layout before each is the same (", " in
     * an inline object): made once. */
    char sep[MAX_PREFIX];
    size_t sep_len = item_prefix(j, sep);
    for (size_t k = 1; k < n; k++) {
        if (sep_len == 2) {
            memcpy(out + len, sep, 2);
        } else {
            memcpy(out + len, sep, sizeof sep);
        }
        len += sep_len;
        size_t key_len = members[k].len - (j->is_compact ? 1 : 0); /* no space after the colon */
        copy_quoted_key(out + len, members[k].quoted, key_len);
        len = put_digits(out, len + key_len, members[k].value);
    }
    return ws_render_commit(j->r, len);
}

/* The members an inline object may have to be written in one reservation. */
enum { MAX_INLINE_MEMBERS = 16 };
/* The room a member takes besides its string: a separator, the key, and a
 * number, null or two quotation marks. */
enum { MAX_MEMBER = 2 + MAX_QUOTED_KEY + MAX_DIGITS };
/* Longer strings go member by member, so that one object never makes the
 * output buffer grow past what its flushes keep it to. */
enum { MAX_STRING_IN_PLACE = 4096 };

/* ws_json_inline_object() a call a member: any member count, key length
 * or string, and where a string needs escaping; the integer members as
 * inline_object() takes them. */
static int inline_object_by_member(ws_json *j, const ws_json_int_member *ints, const ws_json_laid_key *laid,
                                   const int64_t *values, size_t n_ints, const ws_json_str_member *strs,
                                   size_t n_strs)
{
    int rc = ws_json_begin_object(j, true);
    /* A laid key without its separator is the key as WS_JSON_QUOTED_KEY()
     * gives it. */
    for (size_t k = 0; k < n_ints && rc >= 0; k++)
        rc = laid ? ws_json_kv_int_quoted(j, laid[k].text + 2, (size_t)laid[k].len - 2, values[k])
                  : ws_json_kv_int_quoted(j, ints[k].quoted, ints[k].len, ints[k].value);
    for (size_t k = 0; k < n_strs && rc >= 0; k++) {
        const ws_json_str_member *m = &strs[k];
        if (!m->s)
            rc = ws_json_kv_str_quoted(j, m->quoted, m->len, NULL);
        else
            rc = ws_json_kv_strn_quoted(j, m->quoted, m->len, m->s, m->n == WS_JSON_MEASURE ? strlen(m->s) : m->n);
    }
    return rc < 0 ? rc : ws_json_end_object(j);
}

int ws_json_inline_object(ws_json *j, const ws_json_int_member *ints, size_t n_ints,
                          const ws_json_str_member *strs, size_t n_strs)
{
    return ws_json_kv_inline_object_quoted(j, NULL, 0, ints, n_ints, strs, n_strs);
}

/*
 * ws_json_kv_inline_object_quoted() with its integer members given either
 * as @ints or, when @laid is not NULL, as keys laid out in the program
 * and @values.
 */
static int inline_object(ws_json *j, const char *quoted, size_t len, const ws_json_int_member *ints,
                         const ws_json_laid_key *laid, const int64_t *values, size_t n_ints,
                         const ws_json_str_member *strs, size_t n_strs)
{
    size_t n_members = n_ints + n_strs;
    if (n_members > MAX_INLINE_MEMBERS || j->depth + 1 >= WS_JSON_MAX_DEPTH || len > MAX_QUOTED_KEY)
        goto by_member;
    size_t str_len[MAX_INLINE_MEMBERS];
    /* The room the string members still to be written take. */
    size_t strs_room = 0;
    for (size_t k = 0; k < n_strs; k++) {
        const ws_json_str_member *m = &strs[k];
        str_len[k] = !m->s ? 0 : m->n == WS_JSON_MEASURE ? strlen(m->s) : m->n;
        if (m->len > MAX_QUOTED_KEY || str_len[k] > MAX_STRING_IN_PLACE)
            goto by_member;
        strs_room += MAX_MEMBER + str_len[k];
    }
    char *out = ws_render_room(j->r, MAX_PREFIX + MAX_QUOTED_KEY + 2 + n_ints * MAX_MEMBER + strs_room);
    if (!out)
        return j->r->status;
    /* What item_prefix() changes, for the way back when a key is too long
     * for the reservation: nothing is committed before the strings. */
    bool after_key = j->after_key, had_items = j->has_items[j->depth];
    size_t at = quoted ? quoted_key(j, out, quoted, len) : item_prefix(j, out);
    out[at++] = '{';
    /* Inside an inline object: ", " between members, no space after a
     * colon when compact (the separator's space is then written over). */
    size_t sep_len = j->is_compact ? 1 : 2, key_trim = j->is_compact ? 1 : 0;
    if (laid && n_ints) {
        /* The first key without its separator, the others each one copy
         * of sixteen bytes (the room of a member is larger). */
        const char *first = j->is_compact ? laid[0].compact : laid[0].text;
        size_t first_len = j->is_compact ? laid[0].compact_len : laid[0].len;
        copy_quoted_key(out + at, first + sep_len, first_len - sep_len);
        at = put_digits(out, at + first_len - sep_len, values[0]);
        for (size_t k = 1; k < n_ints; k++) {
            if (j->is_compact) {
                memcpy(out + at, laid[k].compact, sizeof laid[k].compact);
                at += laid[k].compact_len;
            } else {
                memcpy(out + at, laid[k].text, sizeof laid[k].text);
                at += laid[k].len;
            }
            at = put_digits(out, at, values[k]);
        }
    }
    for (size_t k = 0; k < n_ints && !laid; k++) {
        if (ints[k].len > MAX_QUOTED_KEY) {
            j->after_key = after_key;
            j->has_items[j->depth] = had_items;
            goto by_member;
        }
        if (k) {
            memcpy(out + at, ", ", 2);
            at += sep_len;
        }
        size_t key_len = ints[k].len - key_trim;
        copy_quoted_key(out + at, ints[k].quoted, key_len);
        at = put_digits(out, at + key_len, ints[k].value);
    }
    for (size_t k = 0; k < n_strs; k++) {
        const ws_json_str_member *m = &strs[k];
        strs_room -= MAX_MEMBER + str_len[k];
        if (k || n_ints) {
            memcpy(out + at, ", ", 2);
            at += sep_len;
        }
        size_t key_len = m->len - key_trim;
        copy_quoted_key(out + at, m->quoted, key_len);
        at += key_len;
        if (!m->s) {
            memcpy(out + at, "null", 4);
            at += 4;
            continue;
        }
        out[at++] = '"';
        if (copy_plain(out + at, m->s, str_len[k])) {
            at += str_len[k];
        } else {
            /* A string to escape (mostly a quotation's span, whose text
             * holds its quotation marks): what is written goes out, the
             * escaper writes the string after it, and the rest of the
             * object is written in a reservation of its own. */
            int rc = ws_render_commit(j->r, at);
            if (rc >= 0)
                rc = ws_render_escaped(j->r, ws_escape_json, m->s, str_len[k]);
            if (rc < 0)
                return rc;
            if (!(out = ws_render_room(j->r, strs_room + 2)))
                return j->r->status;
            at = 0;
        }
        out[at++] = '"';
    }
    out[at++] = '}';
    return ws_render_commit(j->r, at);
by_member:
    if (quoted) {
        int rc = ws_json_key_quoted(j, quoted, len);
        if (rc < 0)
            return rc;
    }
    return inline_object_by_member(j, ints, laid, values, n_ints, strs, n_strs);
}

int ws_json_kv_inline_object_quoted(ws_json *j, const char *quoted, size_t len, const ws_json_int_member *ints,
                                    size_t n_ints, const ws_json_str_member *strs, size_t n_strs)
{
    return inline_object(j, quoted, len, ints, NULL, NULL, n_ints, strs, n_strs);
}

int ws_json_kv_inline_laid_object_quoted(ws_json *j, const char *quoted, size_t len, const ws_json_laid_key *keys,
                                         const int64_t *values, size_t n_ints, const ws_json_str_member *strs,
                                         size_t n_strs)
{
    return inline_object(j, quoted, len, NULL, keys, values, n_ints, strs, n_strs);
}

/* ws_json_kv_strn_quoted(), inline in ws_json_kv_str_quoted() too, whose
 * strings (names, types, roles) are many and short. */
static inline int put_kv_strn(ws_json *j, const char *quoted, size_t len, const char *s, size_t n)
{
    if (len > MAX_QUOTED_KEY) {
        int rc = ws_json_key_quoted(j, quoted, len);
        return rc < 0 ? rc : ws_json_strn(j, s, n);
    }
    /* The layout, the key and the opening quotation mark in one step. */
    char *out = ws_render_room(j->r, MAX_PREFIX + MAX_QUOTED_KEY + 1);
    if (!out)
        return j->r->status;
    size_t at = quoted_key(j, out, quoted, len);
    return put_string(j, out, at, s, n);
}

int ws_json_kv_str_quoted(ws_json *j, const char *quoted, size_t len, const char *s)
{
    if (!s && len <= MAX_QUOTED_KEY) {
        /* A missing role, institution or country: the key and null in one step. */
        char *out = ws_render_room(j->r, MAX_PREFIX + MAX_QUOTED_KEY + 4);
        if (!out)
            return j->r->status;
        size_t n = quoted_key(j, out, quoted, len);
        memcpy(out + n, "null", 4);
        return ws_render_commit(j->r, n + 4);
    }
    if (!s) {
        int rc = ws_json_key_quoted(j, quoted, len);
        return rc < 0 ? rc : ws_json_null(j);
    }
    return put_kv_strn(j, quoted, len, s, strlen(s));
}

int ws_json_kv_strn_quoted(ws_json *j, const char *quoted, size_t len, const char *s, size_t n)
{
    return put_kv_strn(j, quoted, len, s, n);
}

int ws_json_int(ws_json *j, int64_t v)
{
    /* Offsets and counts make up much of a report: no printf for them,
     * and the layout before them is written in the same step. */
    char *out = ws_render_room(j->r, MAX_PREFIX + MAX_DIGITS);
    return out ? ws_render_commit(j->r, put_digits(out, item_prefix(j, out), v)) : j->r->status;
}

/* A literal of at most five bytes, written in place with the layout before it. */
static int put_literal(ws_json *j, const char *lit, size_t len)
{
    char *out = ws_render_room(j->r, MAX_PREFIX + 5);
    if (!out)
        return j->r->status;
    size_t n = item_prefix(j, out);
    memcpy(out + n, lit, len);
    return ws_render_commit(j->r, n + len);
}

int ws_json_bool(ws_json *j, bool v)
{
    return v ? put_literal(j, "true", 4) : put_literal(j, "false", 5);
}

int ws_json_null(ws_json *j)
{
    return put_literal(j, "null", 4);
}

int ws_json_rendered_item(ws_json *j, const char *json, size_t len)
{
    if (j->r->status < 0)
        return j->r->status;
    /* The item brings its own line break and indentation; only the
     * separator depends on what came before it. */
    bool first = !j->has_items[j->depth];
    j->has_items[j->depth] = true;
    int rc = first || j->depth == 0 ? WS_OK : ws_render_put(j->r, ",", 1);
    return rc < 0 ? rc : ws_render_put(j->r, json, len);
}

/* RFC 8259 §7: '"', then characters other than '"', '\\' and controls, or escapes. */
static bool is_json_string(const char *s)
{
    if (*s++ != '"')
        return false;
    for (; *s && *s != '"'; s++) {
        if ((unsigned char)*s < 0x20)
            return false;
        if (*s != '\\')
            continue;
        s++;
        if (*s == 'u') {
            for (int k = 1; k <= 4; k++)
                if (!isxdigit((unsigned char)s[k]))
                    return false;
            s += 4;
        } else if (!*s || !strchr("\"\\/bfnrt", *s)) {
            return false;
        }
    }
    return s[0] == '"' && s[1] == '\0';
}

/* RFC 8259 §6: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool is_json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (isdigit((unsigned char)*s))
            s++;
    else
        return false;
    if (*s == '.') {
        if (!isdigit((unsigned char)*++s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '+' || *s == '-')
            s++;
        if (!isdigit((unsigned char)*s))
            return false;
        while (isdigit((unsigned char)*s))
            s++;
    }
    return *s == '\0';
}

/*
 * The string's own escapes must stay as they are, so only the bytes that are
 * not UTF-8 change: to U+FFFD, as ws_escape_json() writes them.
 */
static int repair_utf8(ws_buf *out, const char *s, size_t len)
{
    return ws_utf8_repair(s, len, out);
}

int ws_json_raw_scalar(ws_json *j, const char *json)
{
    if (!json)
        return ws_json_null(j);
    /* The CLI hands over what its parser read; a library caller may not. */
    if (!is_json_string(json) && !is_json_number(json))
        return ws_json_str(j, json);
    int rc = before_item(j);
    return rc < 0 ? rc : ws_render_escaped(j->r, repair_utf8, json, strlen(json));
}

int ws_json_end_document(ws_json *j)
{
    return ws_render_put(j->r, "\n", 1);
}
