/*
 * harness.h - helpers shared by the unit tests: analyze a string with the
 * rules of the source tree, and find spans by their text.
 */
#ifndef WS_TEST_HARNESS_H
#define WS_TEST_HARNESS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "detect/report.h"
#include "whosaid.h"

/* A context with the default rules of the source tree (shared by a test file). */
ws_ctx *test_ctx(void);
void test_ctx_free(void);

/* Analyze @text (NUL-terminated) as @fmt; fails the test on error. */
ws_report *test_analyze(const char *text, ws_input_format fmt);

/* The text of span @s of @r as a NUL-terminated string (static buffer, reused). */
const char *test_span_text(const ws_report *r, const ws_span *s);

/* The source bytes of span @s (static buffer, reused). */
const char *test_span_source(const ws_report *r, const ws_span *s);

/* The file @rel under the source tree's fixtures/ (static buffer, reused). */
const char *test_fixture(const char *rel);

/* Byte offset of the @nth (0-based) occurrence of @needle in @hay; fails if absent. */
uint32_t test_offset(const char *hay, const char *needle, int nth);

#endif
