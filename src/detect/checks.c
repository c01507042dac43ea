/*
 * checks.c - the editorial checks: rules of the packs whose type names a
 * check over what the earlier passes found (unbalanced quotation marks,
 * quotations nobody said, loaded cues, allegations without an alleger,
 * naming). Each is switched on, off or re-levelled like any rule.
 */
#include <string.h>

#include "detect/pass.h"
#include "ruleset/ruleset.h"

/* Unbalanced marks: the scanner's problems, as findings of this rule. */
static int check_unbalanced(ws_report *r, uint32_t ri)
{
    const ws_rule *rule = &r->ctx->rules.rules.v[ri];
    ws_doc *doc = &r->doc;
    for (size_t i = 0; i < doc->problems.n; i++) {
        const ws_doc_problem *p = &doc->problems.v[i];
        if (p->kind == WS_PROBLEM_RULE_LIMIT)
            continue;
        /* %s is the scanner's description; the mark itself is the span. */
        ws_buf msg;
        ws_buf_init(&msg, &r->mem);
        int rc = WS_OK;
        for (const char *m = rule->message; *m && rc >= 0; m++) {
            if (m[0] == '%' && m[1] == 's') {
                rc = ws_buf_puts(&msg, p->message);
                m++;
            } else if (m[0] == '%' && m[1] == '%') {
                rc = ws_buf_putc(&msg, '%');
                m++;
            } else {
                rc = ws_buf_putc(&msg, *m);
            }
        }
        if (rc >= 0)
            rc = ws_report_add_finding_text(r, ri, r->levels[ri], p->range.start, p->range.end,
                                            msg.data ? msg.data : "", NULL);
        ws_buf_release(&msg);
        if (rc < 0)
            return rc;
    }
    return WS_OK;
}

int ws_pass_checks(ws_report *r)
{
    const ws_ruleset *rs = &r->ctx->rules;
    for (size_t i = 0; i < rs->rules.n; i++) {
        if (r->levels[i] == WS_LEVEL_OFF)
            continue;
        int rc = WS_OK;
        switch (rs->rules.v[i].kind) {
        case WS_RULE_UNBALANCED:
            rc = check_unbalanced(r, (uint32_t)i);
            break;
        default:
            break;
        }
        if (rc < 0)
            return rc;
    }
    return WS_OK;
}
