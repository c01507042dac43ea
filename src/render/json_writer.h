/*
 * json_writer.h - a streaming JSON writer shared by the JSON, JSON Lines and
 * SARIF renderers: two-space indentation for readable, diffable output, with
 * "inline" containers (spans) kept on one line; or compact, one line without
 * any white space, for JSON Lines.
 */
#ifndef WS_JSON_WRITER_H
#define WS_JSON_WRITER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "render/render.h"

enum { WS_JSON_MAX_DEPTH = 32 };

typedef struct ws_json {
    ws_renderer *r;
    int depth;
    bool after_key;
    bool is_compact;   /* no white space at all: one line per document */
    bool has_items[WS_JSON_MAX_DEPTH];
    bool is_inline[WS_JSON_MAX_DEPTH];
} ws_json;

void ws_json_init(ws_json *j, ws_renderer *r);

/* A writer for an item rendered apart, as if @depth block containers were open. */
void ws_json_init_nested(ws_json *j, ws_renderer *r, int depth);
/* An item from a writer made by ws_json_init_nested() at this depth, layout included. */
int ws_json_rendered_item(ws_json *j, const char *json, size_t len);

int ws_json_begin_object(ws_json *j, bool is_inline);
int ws_json_end_object(ws_json *j);
int ws_json_begin_array(ws_json *j, bool is_inline);
int ws_json_end_array(ws_json *j);
/* A member whose value is an object or an array (closed as any other):
 * the key and the opening in one write. */
int ws_json_kv_begin_object_quoted(ws_json *j, const char *quoted, size_t len, bool is_inline);
int ws_json_kv_begin_array_quoted(ws_json *j, const char *quoted, size_t len, bool is_inline);
#define ws_json_kv_begin_object(j, key, is_inline) \
    ws_json_kv_begin_object_quoted((j), WS_JSON_QUOTED_KEY(key), (is_inline))
#define ws_json_kv_begin_array(j, key, is_inline) \
    ws_json_kv_begin_array_quoted((j), WS_JSON_QUOTED_KEY(key), (is_inline))
/* A key given at run time; escaped when it needs it. */
int ws_json_key_str(ws_json *j, const char *key);
/*
 * A key written in the program ("start"): quoted when compiled, so that a
 * key costs one copy. Keys of the program are printable ASCII without '"'
 * or '\\'; ws_json_key() and the shorthands below take string literals only.
 */
int ws_json_key_quoted(ws_json *j, const char *quoted, size_t len);
#define WS_JSON_QUOTED_KEY(key) "\"" key "\": ", sizeof(key) + 3
#define ws_json_key(j, key) ws_json_key_quoted((j), WS_JSON_QUOTED_KEY(key))
int ws_json_str(ws_json *j, const char *s);
int ws_json_strn(ws_json *j, const char *s, size_t len);
int ws_json_int(ws_json *j, int64_t v);
int ws_json_bool(ws_json *j, bool v);
int ws_json_null(ws_json *j);
/*
 * A value given as JSON text (the caller's id): written as it is when it is
 * one JSON string or number, otherwise as a JSON string holding the text,
 * so that the document stays valid whatever the caller passed. Bytes of a
 * string that are not UTF-8 become U+FFFD.
 */
int ws_json_raw_scalar(ws_json *j, const char *json);
/* Finish the document with a newline. */
int ws_json_end_document(ws_json *j);

/* Shorthands for "key": value, with a key written in the program. */
int ws_json_kv_str_quoted(ws_json *j, const char *quoted, size_t len, const char *s);
/* "key": the @n bytes at @s, as a string: a span's text. */
int ws_json_kv_strn_quoted(ws_json *j, const char *quoted, size_t len, const char *s, size_t n);
int ws_json_kv_int_quoted(ws_json *j, const char *quoted, size_t len, int64_t v);
/*
 * Integer members in a row ("start": 3, "end": 9, ...), each key written
 * in the program as WS_JSON_QUOTED_KEY() gives it (at most 64 bytes): the
 * same text as one ws_json_kv_int_quoted() call a member, in one
 * reservation of the output for up to WS_JSON_MAX_INT_MEMBERS of them.
 */
typedef struct ws_json_int_member {
    const char *quoted;
    size_t len;
    int64_t value;
} ws_json_int_member;
enum { WS_JSON_MAX_INT_MEMBERS = 8 };
int ws_json_kv_ints(ws_json *j, const ws_json_int_member *members, size_t n);
#define WS_JSON_INT_MEMBER(key, v) {WS_JSON_QUOTED_KEY(key), (v)}
/*
 * A string member of an inline object: "key": the @n bytes at @s, or
 * null when @s is NULL. WS_JSON_STR_MEMBER() leaves a NUL-terminated
 * string for the writer to measure (n = WS_JSON_MEASURE).
 */
typedef struct ws_json_str_member {
    const char *quoted;
    size_t len;
    const char *s;
    size_t n;
} ws_json_str_member;
#define WS_JSON_MEASURE SIZE_MAX
#define WS_JSON_STRN_MEMBER(key, s, n) {WS_JSON_QUOTED_KEY(key), (s), (n)}
#define WS_JSON_STR_MEMBER(key, s) {WS_JSON_QUOTED_KEY(key), (s), WS_JSON_MEASURE}
/*
 * An inline object of @n_ints integer members, then @n_strs string
 * members: a span (its place and its text), a cue, a speaker, the objects
 * a report has most of. The same text as ws_json_begin_object(j, true),
 * one member call each and ws_json_end_object(), written in one
 * reservation of the output (and one more after each string that needs
 * escaping).
 */
int ws_json_inline_object(ws_json *j, const ws_json_int_member *ints, size_t n_ints,
                          const ws_json_str_member *strs, size_t n_strs);
/* The same as the member @quoted (a key as WS_JSON_QUOTED_KEY() gives it;
 * none when NULL), the key written with the object. */
int ws_json_kv_inline_object_quoted(ws_json *j, const char *quoted, size_t len, const ws_json_int_member *ints,
                                    size_t n_ints, const ws_json_str_member *strs, size_t n_strs);
/*
 * The key of an integer member fixed in the program, with the separator
 * before it, made when compiled by WS_JSON_LAID_KEY("key") (keys of up to
 * ten bytes): ", \"key\": " and, compact, ",\"key\":". A run of them (a
 * span's place) is written sixteen bytes a key, without measuring or
 * checking each.
 */
typedef struct ws_json_laid_key {
    char text[16];
    uint8_t len;
    char compact[16];
    uint8_t compact_len;
} ws_json_laid_key;
#define WS_JSON_LAID_KEY(key) {", \"" key "\": ", sizeof(key) + 5, ",\"" key "\":", sizeof(key) + 3}
/* ws_json_kv_inline_object_quoted() with its integer members' keys laid
 * out as @keys and their values in @values. */
int ws_json_kv_inline_laid_object_quoted(ws_json *j, const char *quoted, size_t len, const ws_json_laid_key *keys,
                                         const int64_t *values, size_t n_ints, const ws_json_str_member *strs,
                                         size_t n_strs);
#define ws_json_kv_inline_object(j, key, ints, n_ints, strs, n_strs) \
    ws_json_kv_inline_object_quoted((j), WS_JSON_QUOTED_KEY(key), (ints), (n_ints), (strs), (n_strs))
#define ws_json_kv_str(j, key, s) ws_json_kv_str_quoted((j), WS_JSON_QUOTED_KEY(key), (s))
#define ws_json_kv_strn(j, key, s, n) ws_json_kv_strn_quoted((j), WS_JSON_QUOTED_KEY(key), (s), (n))
#define ws_json_kv_int(j, key, v) ws_json_kv_int_quoted((j), WS_JSON_QUOTED_KEY(key), (v))

#endif
