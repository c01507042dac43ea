/*
 * words.h - the words quote verification compares: where a word starts and
 * ends, and its normalized key. Sources and quotations go through the same
 * scanner, so that both sides of a comparison cut words alike.
 *
 * A word is a run of letters, marks and digits, joined by an apostrophe or a
 * period between two such characters ("don't", "U.S") and by a comma between
 * two digits ("1,000"). Hyphens and dashes separate words: "al-Assad" is two
 * words on both sides, so a writer's hyphenation ("well known" for
 * "well-known") and every kind of dash compare equal. Other punctuation is
 * not part of any word and is never compared.
 */
#ifndef WS_VERIFY_WORDS_H
#define WS_VERIFY_WORDS_H

#include <stdbool.h>
#include <stdint.h>

#include "core/buf.h"

/*
 * The next word of @s (valid UTF-8, @len bytes) at or after *pos: its bytes
 * [*start, *end). *pos moves past it. Returns false when no word is left.
 */
bool ws_vword_next(const char *s, uint32_t len, uint32_t *pos, uint32_t *start, uint32_t *end);

/* Whether a word starts at @off (a letter, mark or digit is there). */
bool ws_vword_starts(const char *s, uint32_t len, uint32_t off);

/*
 * Append the key of word [start, end) of @s to @out: typographic
 * apostrophes as ', and, when @lower, every letter in lower case (the
 * index's key); without @lower the surface form that verbatim means.
 */
int ws_vword_key(const char *s, uint32_t start, uint32_t end, bool lower, ws_buf *out);

/*
 * Whether words a and b (each [start, end) of its text) differ only in
 * the case of their first letter, or not at all, after the key's
 * normalization without lower case.
 */
bool ws_vword_same_but_first_case(const char *a, uint32_t a_start, uint32_t a_end, const char *b,
                                  uint32_t b_start, uint32_t b_end);

/* Whether the words are equal as written (apostrophes normalized). */
bool ws_vword_same(const char *a, uint32_t a_start, uint32_t a_end, const char *b, uint32_t b_start,
                   uint32_t b_end);

#endif
