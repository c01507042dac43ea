/* status.c - names of status codes, levels and the other public enums. */
#include <string.h>
#include <strings.h>

#include "whosaid.h"
#include "ws_config.h"

const char *ws_strerror(int code)
{
    switch (code) {
    case WS_OK: return "success";
    case WS_ENOMEM: return "out of memory";
    case WS_EINVAL: return "invalid argument";
    case WS_EIO: return "input/output error";
    case WS_EUTF8: return "invalid UTF-8";
    case WS_ERULE: return "invalid rule";
    case WS_ELIMIT: return "limit exceeded";
    case WS_EBINARY: return "binary file";
    case WS_ECONFIG: return "invalid configuration";
    }
    return "unknown error";
}

const char *ws_version(void)
{
    return WS_VERSION;
}

static const char *const level_names[] = {"off", "suggestion", "warning", "error"};

int ws_level_from_name(const char *name)
{
    if (!name)
        return WS_EINVAL;
    for (int i = 0; i < (int)(sizeof level_names / sizeof *level_names); i++)
        if (strcasecmp(name, level_names[i]) == 0)
            return i;
    return WS_EINVAL;
}

const char *ws_level_name(ws_level level)
{
    if ((unsigned)level < sizeof level_names / sizeof *level_names)
        return level_names[level];
    return "unknown";
}

const char *ws_statement_kind_name(ws_statement_kind kind)
{
    switch (kind) {
    case WS_STATEMENT_DIRECT: return "direct";
    case WS_STATEMENT_PARTIAL: return "partial";
    case WS_STATEMENT_INDIRECT: return "indirect";
    }
    return "unknown";
}

const char *ws_cue_class_name(ws_cue_class cls)
{
    switch (cls) {
    case WS_CUE_NEUTRAL: return "neutral";
    case WS_CUE_ENDORSING: return "endorsing";
    case WS_CUE_DISTANCING: return "distancing";
    case WS_CUE_GUILT: return "guilt";
    }
    return "unknown";
}

const char *ws_entity_type_name(ws_entity_type type)
{
    switch (type) {
    case WS_ENTITY_UNKNOWN: return "unknown";
    case WS_ENTITY_PERSON: return "person";
    case WS_ENTITY_INSTITUTION: return "institution";
    case WS_ENTITY_GROUP: return "group";
    case WS_ENTITY_ANONYMOUS: return "anonymous";
    }
    return "unknown";
}

const char *ws_mention_kind_name(ws_mention_kind kind)
{
    switch (kind) {
    case WS_MENTION_NAME: return "name";
    case WS_MENTION_SHORT: return "short";
    case WS_MENTION_PRONOUN: return "pronoun";
    case WS_MENTION_NOMINAL: return "nominal";
    }
    return "unknown";
}

const char *ws_problem_kind_name(ws_problem_kind kind)
{
    switch (kind) {
    case WS_PROBLEM_UNCLOSED_QUOTE: return "unclosed-quote";
    case WS_PROBLEM_STRAY_CLOSE: return "stray-close";
    case WS_PROBLEM_EMPTY_QUOTE: return "empty-quote";
    case WS_PROBLEM_RULE_LIMIT: return "rule-limit";
    }
    return "unknown";
}
