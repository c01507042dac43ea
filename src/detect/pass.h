/*
 * pass.h - the detection passes. Each reads the document model and the
 * compiled rules and adds to the report; none prints or frees. They run in
 * the order of the table in analyze.c.
 */
#ifndef WS_PASS_H
#define WS_PASS_H

#include "detect/report.h"

typedef struct ws_pass {
    const char *name;
    int (*run)(ws_report *r);
} ws_pass;

int ws_pass_quotes(ws_report *r);
int ws_pass_tokens(ws_report *r);
int ws_pass_sentences(ws_report *r);
int ws_pass_statements(ws_report *r);
int ws_pass_rules(ws_report *r);
int ws_pass_checks(ws_report *r);
int ws_pass_directives(ws_report *r);

#endif
